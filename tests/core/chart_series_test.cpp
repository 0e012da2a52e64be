#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>
#include <map>

#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/chart_series.h"
#include "dataset_fixtures.h"
#include "export/report_text.h"
#include "io/dataset_io.h"
#include "query/filter_args.h"
#include "query/kpis.h"
#include "test_support.h"

using namespace indtrack;
using Catch::Matchers::WithinAbs;
using test::example;
using test::wuhai;

namespace {

FilterSpec as_of(const char* date) {
  FilterSpec f;
  f.as_of = parse_date(date).date;
  return f;
}

double total(const chart::CapacityChartInput& in, bool expected) {
  double sum = 0;
  for (const auto& s : in.series)
    if (!s.trial)
      for (const auto& step : s.steps)
        if (step.expected == expected) sum += step.delta;
  return sum;
}

ChartOptions fixed_options() {
  ChartOptions o;
  o.generated_on = Date::of_day(2026, 11, 22);
  return o;
}

}  // namespace

TEST_CASE("capacity input: actual steps add up to the operating capacity the sources state",
          "[chart-series][wuhai]") {
  const Dataset& d = wuhai();
  const FilterSpec f = as_of("2024-10-31");
  const auto in = capacity_chart_input(d, filter_projects(d, f), f, fixed_options());
  // 东源/东景 10 + 28 and 华恒 3 × 10.4 were in production by the Oct 2024 article.
  CHECK_THAT(total(in, false), WithinAbs(38 + 31.2, 1e-9));
  CHECK(in.text.value_unit == "万吨/年");
  CHECK(in.text.title ==
        "BDO产能增长");  // the kind puts the headline from its stack (chart_text_blocks_test)
  CHECK(in.text.subtitle ==
        "BDO · 截至 2024-10-31（现有报道） · "
        "计入已投产与试生产产能；预计投产为斜线；右列为全部已知生产线按状态");
  // Trial production is its own layer, last (stacked above operating): 君正's first batch, 2×30万吨/年
  // in trial from 2024-06; left out on request.
  REQUIRE_FALSE(in.series.empty());
  CHECK(in.series.back().trial);
  double trial_total = 0;
  for (const auto& step : in.series.back().steps) trial_total += step.delta;
  CHECK_THAT(trial_total, WithinAbs(60, 1e-9));
  ChartOptions no_trial = fixed_options();
  no_trial.show_trial = false;
  const auto without = capacity_chart_input(d, filter_projects(d, f), f, no_trial);
  CHECK(std::none_of(without.series.begin(), without.series.end(), [](const auto& s) { return s.trial; }));
  CHECK_THAT(total(without, false), WithinAbs(total(in, false), 1e-9));
}

TEST_CASE("capacity categories on the bundled data: 君正 in trial, 三维 with no date, KPIs and report agree",
          "[chart-series][wuhai][kpi]") {
  const Dataset& d = wuhai();
  FilterSpec f = as_of("2026-12-02");
  f.products = {d.find_product("BDO")};
  const std::vector<int> projects = filter_projects(d, f);
  const auto in = capacity_chart_input(d, projects, f, fixed_options());
  std::map<std::string, double> totals;
  std::map<std::string, std::vector<std::string>> projects_in;  // category -> project ids
  for (const auto& part : in.by_status) {
    totals[part.id] = part.total();
    for (const auto& line : part.lines)
      projects_in[part.id].push_back(d.projects[project_of_ref(line.ref)].id);
  }
  CHECK_THAT(totals["operating"], WithinAbs(38 + 31.2, 1e-9));  // 东源 10 + 28, 华恒 3 × 10.4
  CHECK_THAT(totals["trial"], WithinAbs(60, 1e-9));             // 君正's two 30万吨 batches
  CHECK(projects_in["trial"] == std::vector<std::string>{"junzheng-bdo", "junzheng-bdo"});
  CHECK_THAT(totals["construction"], WithinAbs(30, 1e-9));  // 广锦, expected 2025-07 (overdue)
  CHECK(projects_in["construction"] == std::vector<std::string>{"guangjin-bdo-pbat"});
  CHECK_THAT(totals["construction_no_date"], WithinAbs(90, 1e-9));  // 三维: no date reported
  CHECK(projects_in["construction_no_date"] == std::vector<std::string>{"sanwei-bdo"});
  CHECK(totals["planned"] == 0);
  CHECK(totals["stopped"] == 0);
  // The note under the chart says what each part counts.
  CHECK(in.text.note.find("试生产") != std::string::npos);
  CHECK(in.text.note.find("无预计日期") != std::string::npos);

  // The KPIs of the same filter give the same categories (t/a).
  std::vector<ProjectSummary> summaries(d.projects.size());
  for (int p : projects) summaries[static_cast<std::size_t>(p)] = summarize_project(d, p, as_of_day(f));
  const KpiSummary k = summarize_kpis(d, summaries, projects);
  REQUIRE_FALSE(k.products.empty());
  const KpiSummary::ProductCapacity& bdo = k.products.front();
  CHECK(bdo.product == d.find_product("BDO"));
  CHECK_THAT(bdo.operating(), WithinAbs(692000, 1e-6));
  CHECK_THAT(bdo.at(CapacityCategory::Trial), WithinAbs(600000, 1e-6));
  CHECK_THAT(bdo.at(CapacityCategory::Construction), WithinAbs(300000, 1e-6));
  CHECK_THAT(bdo.at(CapacityCategory::ConstructionNoDate), WithinAbs(900000, 1e-6));
  CHECK_THAT(bdo.designed, WithinAbs(2492000, 1e-6));
  // And the report pack's summary line names each of them.
  ReportSpec spec;
  spec.options = fixed_options();
  const ReportText text = report_text(d, f, projects, spec);
  CHECK(std::find(text.kpis.begin(), text.kpis.end(),
                  "BDO：投产 69.2万吨/年 · 试生产 60万吨/年 · 在建·有预计日期 30万吨/年 · "
                  "在建·无预计日期 90万吨/年 · 设计 249.2万吨/年") != text.kpis.end());
}

TEST_CASE("capacity input: before Nov 2022 only 东源's first line counts", "[chart-series][wuhai]") {
  const Dataset& d = wuhai();
  const FilterSpec f = as_of("2022-06-30");
  const auto in = capacity_chart_input(d, filter_projects(d, f), f, fixed_options());
  CHECK_THAT(total(in, false), WithinAbs(10, 1e-9));
}

TEST_CASE("capacity input: one series per company, steps carry their quote", "[chart-series]") {
  const Dataset& d = example();
  const FilterSpec f = as_of("2024-06-01");
  const auto in = capacity_chart_input(d, filter_projects(d, f), f, fixed_options());
  REQUIRE(in.series.size() == 1);
  CHECK(in.series[0].label == "示例新材料");
  REQUIRE(in.series[0].steps.size() == 2);
  const auto& line1 = in.series[0].steps[0];
  CHECK(line1.date.to_string() == "2023-11-20");
  CHECK_FALSE(line1.expected);
  CHECK(line1.delta == 5.0);
  CHECK(project_of_ref(line1.ref) == 0);
  const auto& line2 = in.series[0].steps[1];
  CHECK(line2.expected);
  CHECK(line2.date.to_string() == "2024-06");
  CHECK(std::find(line2.tooltip.begin(), line2.tooltip.end(), "“2号线预计2024年6月投产”") !=
        line2.tooltip.end());
  REQUIRE(in.marks.size() == 0);  // the district mark shows only when that district is filtered
  FilterSpec east = f;
  east.districts = {d.find_district("east")};
  const auto marked = capacity_chart_input(d, filter_projects(d, east), east, fixed_options());
  REQUIRE(marked.marks.size() == 1);
  CHECK(marked.marks[0].value == 20.0);
  CHECK(marked.marks[0].bound == AggregateBound::AtLeast);
  CHECK(marked.text.footer == "数据来源：示例日报 2024-03 · 截至 2024-06-01 · indtrack 生成于 2026-11-22");
}

TEST_CASE("timeline input: spans of the status engine, open while running, plans dashed ahead",
          "[chart-series]") {
  const Dataset& d = example();
  const FilterSpec f = as_of("2024-06-01");
  const auto in = timeline_chart_input(d, filter_projects(d, f), f, fixed_options());
  REQUIRE(in.rows.size() == 2);
  const auto& bdo = in.rows[0];
  REQUIRE(bdo.segments.size() == 2);
  CHECK(bdo.segments[0].phase == Status::Construction);
  CHECK(bdo.segments[0].start == Date::of_month(2022, 5).placement_day());
  CHECK(bdo.segments[0].end == Date::of_day(2023, 11, 20).placement_day());
  CHECK_FALSE(bdo.segments[0].inferred);
  CHECK(bdo.segments[1].phase == Status::Operating);
  CHECK_FALSE(bdo.segments[1].end);
  // Line 1 operates, line 2 (planned for June 2024) is under construction: partly operating.
  CHECK(bdo.segments[1].others == Status::Construction);
  CHECK(bdo.milestones.size() == 3);
  // Known since its report of 2024-03-15 with no progress: announced, by rule (striped); its
  // planned start in December 2024 is after the as-of date: dashed from then.
  const auto& pbat = in.rows[1];
  REQUIRE(pbat.segments.size() == 2);
  CHECK(pbat.segments[0].phase == Status::Announced);
  CHECK(pbat.segments[0].inferred);
  CHECK(pbat.segments[0].start == Date::of_day(2024, 3, 15).placement_day());
  CHECK_FALSE(pbat.segments[0].end);
  CHECK(pbat.segments[1].phase == Status::Construction);
  CHECK(pbat.segments[1].expected);
  CHECK(pbat.segments[1].start == Date::of_month(2024, 12).placement_day());
  CHECK(in.groups == std::vector<std::string>{"东区"});
}

TEST_CASE("investment and status inputs", "[chart-series]") {
  const Dataset& d = example();
  const FilterSpec f = as_of("2024-06-01");
  const auto inv = investment_chart_input(d, filter_projects(d, f), f, fixed_options());
  REQUIRE(inv.bars.size() == 1);
  CHECK(*inv.bars[0].total == 28.5);
  CHECK(*inv.bars[0].completed == 12.0);
  CHECK(inv.bars[0].approximate);
  const auto st = status_chart_input(d, filter_projects(d, f), f, fixed_options());
  CHECK(st.years == std::vector<int>{2022, 2023, 2024});
  CHECK(st.statuses == std::vector<Status>{Status::Announced, Status::Construction, Status::Operating});
  CHECK(st.values[0] == std::vector<double>{0, 1, 0});
  CHECK(st.values[1] == std::vector<double>{0, 0, 1});
  CHECK(st.values[2] == std::vector<double>{1, 0, 1});
}
