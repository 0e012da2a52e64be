// Plan versus actual (query/slippage.h): exact delays for the bundled data's known cases (华恒,
// 君正, 国轩, 东方希望), and the precision rules on small datasets built in code — year-only
// against month, pending against done, an as-of date before the event, overlapping periods.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <string>

#include "chart/slippage_chart.h"
#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/slippage_series.h"
#include "dataset_fixtures.h"
#include "io/dataset_io.h"
#include "query/filter.h"
#include "query/kpis.h"
#include "query/slippage.h"

using namespace indtrack;
using test::wuhai;

namespace {

Date D(const char* text) {
  const DateParseResult r = parse_date(text);
  REQUIRE(r.date);
  return *r.date;
}
DayNumber day(const char* text) { return D(text).placement_day(); }

int unit_index(const Project& p, const std::string& id) {
  for (std::size_t i = 0; i < p.units.size(); ++i)
    if (p.units[i].id == id) return static_cast<int>(i);
  FAIL("no unit " << id);
  return -1;
}

// The bundled data's milestone of a project (unit id empty: the project's own) at an as-of date.
MilestoneSlip bundled(const std::string& project, const std::string& unit, MilestoneKind kind,
                      const char* as_of) {
  const int p = wuhai().find_project(project);
  REQUIRE(p >= 0);
  const int u = unit.empty() ? -1 : unit_index(wuhai().projects[static_cast<std::size_t>(p)], unit);
  return milestone_slip(wuhai(), p, u, kind, day(as_of));
}

std::string range_text(const std::optional<DayRange>& r) {
  if (!r) return "pending";
  return Date::from_days(r->first).to_string() + ".." + Date::from_days(r->last).to_string();
}

// ---- small datasets built in code ----

// One source per report date; milestones and status reports cite the source of their date.
struct Fixture {
  Dataset data;

  Fixture() {
    Project p;
    p.id = "p";
    p.name = "测试项目";
    p.units.push_back(Unit{});
    p.units[0].id = "p-1";
    p.units[0].name = "1号线";
    p.units[0].product = 0;  // a production line (a unit without a product is a facility)
    Product product;
    product.id = "BDO";
    product.name = "1,4-丁二醇";
    data.products.push_back(product);
    data.projects.push_back(std::move(p));
  }

  int source(const char* date) {
    const Date d = D(date);
    for (std::size_t i = 0; i < data.sources.size(); ++i)
      if (data.sources[i].date == d) return static_cast<int>(i);
    Source s;
    s.id = std::string("src-") + date;
    s.date = d;
    data.sources.push_back(s);
    data.rebuild_index();
    return static_cast<int>(data.sources.size()) - 1;
  }

  std::vector<Milestone>& milestones(int unit) {
    return unit < 0 ? data.projects[0].milestones
                    : data.projects[0].units[static_cast<std::size_t>(unit)].milestones;
  }

  void plan(MilestoneKind kind, const char* date, const char* reported, int unit = 0) {
    Milestone m;
    m.kind = kind;
    m.date = D(date);
    m.expected = true;
    m.evidence.source = source(reported);
    m.evidence.quote = std::string("预计 ") + date;
    milestones(unit).push_back(m);
  }

  void event(MilestoneKind kind, const char* date, const char* reported, int unit = 0,
             Basis basis = Basis::Stated) {
    Milestone m;
    m.kind = kind;
    m.date = D(date);
    m.evidence.source = source(reported);
    m.evidence.quote = std::string("已于 ") + date;
    m.evidence.basis = basis;
    milestones(unit).push_back(m);
  }

  void report(Status status, const char* as_of, int unit = 0, Basis basis = Basis::Stated) {
    StatusReport r;
    r.status = status;
    r.evidence.source = source(as_of);
    r.evidence.quote = std::string("状态 ") + as_of;
    r.evidence.basis = basis;
    auto& reports = unit < 0 ? data.projects[0].status_reports : data.projects[0].units[0].status_reports;
    reports.push_back(r);
  }

  MilestoneSlip slip(MilestoneKind kind, const char* as_of, int unit = 0) const {
    return milestone_slip(data, 0, unit, kind, day(as_of));
  }
};

constexpr auto kCommissioning = MilestoneKind::Commissioning;

}  // namespace

// ---- the bundled data ----

TEST_CASE("华恒: trial production expected Aug–Oct 2022, not started in Jan 2023, producing by Jan 2024",
          "[slippage][wuhai]") {
  const MilestoneSlip s = bundled("huaheng-ptmeg-pbat", "", MilestoneKind::TrialProduction, "2025-12-31");
  // Two expectations in the 2022-08-11 report (PTMEG end of Aug, BDO end of Sep), then October
  // in the 2022-09-20 report: the project's trial production was first planned for August.
  CHECK(s.expectations == 3);
  CHECK(s.first_expected == D("2022-08"));
  CHECK(s.first_expected_reported == D("2022-08-11"));
  CHECK(s.latest_expected == D("2022-10"));
  CHECK_FALSE(s.actual);
  // No source dates the start of trial production: the project was under construction on
  // 2023-01-26 (stated), and the January 2024 report counts three of the five BDO projects in
  // production — 华恒 one of them (an inference, labelled as such in the data).
  CHECK(s.happened_bounded);
  CHECK(range_text(s.happened) == "2023-01-26..2024-01-31");
  CHECK(s.state == SlipState::Late);
  CHECK(s.delay == MonthRange{5, 17});
  CHECK(describe_slip(s) == "延期 5–17 个月");
  CHECK(describe_slip(s, true) == "late by 5–17 months");
  CHECK(format_history(wuhai(), s.steps) ==
        "2022-08 报道：预计 2022-08 试生产 → 2022-08 报道：预计 2022-09 试生产 → 2022-09 报道：预计 2022-10 "
        "试生产 → "
        "2023-01 报道：在建 → 2024-01 报道：已投产");
}

TEST_CASE("华恒: phase one expected in production Oct 2023 — whether it was late the sources cannot say",
          "[slippage][wuhai]") {
  const MilestoneSlip s = bundled("huaheng-ptmeg-pbat", "", kCommissioning, "2025-12-31");
  CHECK(s.first_expected == D("2023-10"));
  CHECK(s.first_expected_reported == D("2023-01-26"));
  CHECK(range_text(s.happened) == "2023-01-26..2024-01-31");
  CHECK(s.state == SlipState::Undetermined);
  CHECK(s.delay == MonthRange{-9, 3});
  CHECK(describe_slip(s) == "无法判定是否按期：相对首次预计（2023-10）-9 至 3 个月");

  // At the end of 2023 nothing said it was producing yet: 2 months past the October 2023 date.
  const MilestoneSlip mid = bundled("huaheng-ptmeg-pbat", "", kCommissioning, "2023-12-31");
  CHECK(mid.pending());
  CHECK(mid.state == SlipState::PastDue);
  CHECK(mid.delay == MonthRange{2, 2});
  CHECK(describe_slip(mid) == "已过首次预计日期（2023-10）2 个月，未见完成报道");
  CHECK(describe_slip(mid, true) == "2 months past the first expected date (2023-10), not reported done");

  // PTMEG lines 1-2 were expected in April 2023; in June 2023 the PTMEG units were still being
  // commissioned (调试), and the lines were reported in production on 2024-10-22. The January
  // 2024 inference is about the BDO side and does not reach these lines.
  const MilestoneSlip ptmeg = bundled("huaheng-ptmeg-pbat", "huaheng-ptmeg-1", kCommissioning, "2025-12-31");
  CHECK(ptmeg.first_expected == D("2023-04"));
  CHECK(range_text(ptmeg.happened) == "2023-06-01..2024-10-22");
  CHECK(ptmeg.state == SlipState::Late);
  CHECK(ptmeg.delay == MonthRange{2, 18});
}

TEST_CASE("华恒: the detail panel's history of the project's start-up, each step with its quote",
          "[slippage][wuhai]") {
  const MilestoneSlip trial = bundled("huaheng-ptmeg-pbat", "", MilestoneKind::TrialProduction, "2025-12-31");
  const MilestoneSlip production = bundled("huaheng-ptmeg-pbat", "", kCommissioning, "2025-12-31");
  const std::vector<SlipStep> steps = merge_steps({&trial, &production});
  // The January 2024 report proves both milestones: it appears once.
  CHECK(format_history(wuhai(), steps) ==
        "2022-08 报道：预计 2022-08 试生产 → 2022-08 报道：预计 2022-09 试生产 → 2022-09 报道：预计 2022-10 "
        "试生产 → "
        "2023-01 报道：在建 → 2023-01 报道：预计 2023-10 投产 → 2024-01 报道：已投产");
  CHECK(format_history(wuhai(), steps, true) ==
        "2022-08 report: trial production expected 2022-08 → 2022-08 report: trial production expected "
        "2022-09 → 2022-09 report: trial production expected 2022-10 → "
        "2023-01 report: under construction → 2023-01 report: commissioning expected 2023-10 → "
        "2024-01 report: in production");
  const std::vector<HistoryLine> lines = history_lines(wuhai(), steps);
  REQUIRE(lines.size() == 6);
  CHECK(lines[1].source_id == "nmgsq-2022-08-11-huaheng");
  CHECK(lines[1].quote == "BDO装置预计9月底试生产");
  CHECK(lines[2].source_id == "jjrb-2022-09-20-degradable");
  CHECK(lines[2].quote == "为10月份一期项目聚四亚甲基醚二醇试生产做准备");
  CHECK(lines[3].source_id == "whrb-2023-01-26");
  CHECK(lines[3].quote == "工人们正在有序开展电气仪表安装、管道铺设等工作");
  CHECK(lines[4].quote == "项目一期预计将在10月投产");
  CHECK(lines[4].basis == Basis::Inferred);  // the year comes from the article date
  CHECK(lines[5].source_id == "whrb-2024-01");
  CHECK(lines[5].quote == "东源、华恒、三维、君正、广锦5个BDO项目已建成投产3个");
  CHECK(lines[5].basis == Basis::Inferred);  // which three of the five: deduced, and said so
}

TEST_CASE(
    "君正: construction start 11 to 23 months late (two sources disagree); the build period's end "
    "bounded by the trial start",
    "[slippage][wuhai]") {
  const MilestoneSlip start = bundled("junzheng-bdo", "", MilestoneKind::ConstructionStart, "2025-12-31");
  CHECK(start.first_expected == D("2021-05"));
  // 2022-04-08: the city's collective ground-breaking of 41 projects; the 2025 environmental
  // report says construction began in April 2023. Both are kept; the range spans them.
  CHECK(start.actual == D("2022-04-08"));
  CHECK(range_text(start.happened) == "2022-04-08..2023-04-30");
  CHECK_FALSE(start.happened_bounded);
  CHECK(start.state == SlipState::Late);
  CHECK(start.delay == MonthRange{11, 23});
  CHECK(describe_slip(start, true) == "late by 11–23 months");

  // Planned build period 2021-05 -> 2023-12, re-announced in August 2023 for April 2024. No
  // source dates its end; trial production began 2024-06-12, so it ended by then, and not
  // before the August 2023 report still expected it.
  const MilestoneSlip built = bundled("junzheng-bdo", "", MilestoneKind::MechanicalCompletion, "2025-12-31");
  CHECK(built.first_expected == D("2023-12"));
  CHECK(built.latest_expected == D("2024-04"));
  CHECK(range_text(built.happened) == "2023-08-06..2024-06-12");
  CHECK(built.state == SlipState::Undetermined);
  CHECK(built.delay == MonthRange{-4, 6});
  CHECK(format_history(wuhai(), built.steps) ==
        "2021-05 报道：预计 2023-12 具备试车条件 → 2023-08 报道：预计 2024-04 具备试车条件 → "
        "2025-07 报道：已于 2024-06-12 试生产");

  // As of 2022-03-31 the start had not happened: 10 months past the May 2021 date.
  const MilestoneSlip before = bundled("junzheng-bdo", "", MilestoneKind::ConstructionStart, "2022-03-31");
  CHECK(before.pending());
  CHECK(before.state == SlipState::PastDue);
  CHECK(before.delay == MonthRange{10, 10});
  // Before the announcement was reported nothing is known of it.
  CHECK(bundled("junzheng-bdo", "", MilestoneKind::ConstructionStart, "2021-05-07").steps.empty());
}

TEST_CASE("国轩: phase one expected complete and producing in June 2023; producing by Oct 2025",
          "[slippage][wuhai]") {
  for (MilestoneKind kind : {kCommissioning, MilestoneKind::Completion}) {
    const MilestoneSlip s = bundled("guoxuan-anode", "guoxuan-anode-1", kind, "2025-12-31");
    INFO(id_of(kind));
    CHECK(s.first_expected == D("2023-06"));
    CHECK(range_text(s.happened) == "2023-01-26..2025-10-21");  // 2025-10-21: "phase one in production"
    CHECK(s.state == SlipState::Undetermined);
    CHECK(s.delay == MonthRange{-5, 28});
  }
  // Graphitization workshops 3-4: expected built by end of April 2023, never reported built.
  const MilestoneSlip ws =
      bundled("guoxuan-anode", "guoxuan-graphitization-3-4", MilestoneKind::Completion, "2025-12-31");
  CHECK(ws.state == SlipState::PastDue);
  CHECK(ws.delay == MonthRange{32, 32});
}

TEST_CASE("东方希望: polysilicon expected by the end of 2023, no report of it since", "[slippage][wuhai]") {
  const auto at = [](const char* as_of) {
    return bundled("easthope-pv", "easthope-polysilicon-1", kCommissioning, as_of);
  };
  CHECK(at("2023-12-31").state == SlipState::NotYetDue);
  CHECK(at("2024-01-01").state == SlipState::PastDue);
  // A day past December 2023 is not yet a month overdue (issue 18: the as-of month is not whole).
  CHECK(at("2024-01-01").delay == MonthRange{0, 1});
  CHECK(describe_slip(at("2024-01-01")) == "已过首次预计日期（2023-12）0–1 个月，未见完成报道");
  CHECK(at("2024-01-31").delay == MonthRange{1, 1});
  const MilestoneSlip s = at("2025-12-31");
  CHECK(s.state == SlipState::PastDue);
  CHECK(s.delay == MonthRange{24, 24});
  CHECK(describe_slip(s) == "已过首次预计日期（2023-12）24 个月，未见完成报道");
  // Its groundbreaking was never announced ahead: nothing to compare.
  CHECK(bundled("easthope-pv", "", MilestoneKind::ConstructionStart, "2025-12-31").state ==
        SlipState::NoPlan);
}

TEST_CASE("a year-only event is narrowed by a dated report of the same line", "[slippage][wuhai]") {
  // 东源's first line: commissioning "2014" (a 2022 report); on 2014-03-20 its trial run was
  // "counting down", on 2014-04-11 the company was producing.
  const MilestoneSlip s = bundled("dongjing-bdo", "dongjing-bdo-1", kCommissioning, "2025-12-31");
  CHECK(s.actual == D("2014"));
  CHECK(range_text(s.happened) == "2014-03-20..2014-04-11");
  CHECK(s.state == SlipState::NoPlan);
  CHECK_FALSE(s.delay);
}

TEST_CASE("summary of the bundled data by milestone kind", "[slippage][wuhai]") {
  std::vector<int> all;
  for (std::size_t i = 0; i < wuhai().projects.size(); ++i) all.push_back(static_cast<int>(i));
  const std::vector<MilestoneSlip> slips = compute_slippage(wuhai(), all, day("2025-12-31"));
  const SlippageSummary sum = summarize_slippage(wuhai(), slips);
  CHECK(sum.all.on_time == 0);
  CHECK(sum.all.late == 5);  // 华恒 trial and PTMEG lines 1-2, 东景 28万吨 BDO, 君正 start
  CHECK(sum.all.undetermined == 6);
  CHECK(sum.all.past_due == 15);
  CHECK(sum.all.not_yet_due == 0);
  REQUIRE(sum.all.share_on_time);
  CHECK(sum.all.share_on_time->lo == 0.0);
  CHECK(sum.all.share_on_time->hi == 6.0 / 26.0);

  const SlipGroup* commissioning = nullptr;
  for (const SlipGroup& g : sum.by_kind)
    if (g.kind == kCommissioning) commissioning = &g;
  REQUIRE(commissioning);
  // 华恒 phase one (-9..3) and 国轩 phase one (-5..28) undetermined; 华恒 PTMEG 1 and 2
  // (2..18 each) and 东景 28万吨 BDO (2..25) late; 广锦, 晶圣, 清陶 and 东方希望 past due.
  CHECK(commissioning->undetermined == 2);
  CHECK(commissioning->late == 3);
  CHECK(commissioning->past_due == 4);
  CHECK(commissioning->delay.count == 5);
  CHECK(commissioning->delay.min == ValueRange{-9, 3});
  CHECK(commissioning->delay.max == ValueRange{2, 28});
  CHECK(commissioning->delay.median == ValueRange{2, 18});
  REQUIRE(commissioning->delay.q1);
  CHECK(*commissioning->delay.q1 == ValueRange{-5, 18});
  CHECK(*commissioning->delay.q3 == ValueRange{2, 25});
  CHECK(commissioning->past_due_by.count == 4);
  CHECK(commissioning->past_due_by.min == ValueRange{5, 5});    // 广锦, expected 2025-07
  CHECK(commissioning->past_due_by.max == ValueRange{24, 24});  // 东方希望, expected 2023-12
}

TEST_CASE("the slippage chart of the bundled data: one row per announced milestone, sorted by delay",
          "[slippage][wuhai][chart]") {
  FilterSpec spec;
  spec.as_of = D("2025-12-31");
  ChartOptions options;
  options.generated_on = D("2025-12-31");
  const std::vector<int> projects = filter_projects(wuhai(), spec);
  const chart::SlippageChartInput in = slippage_chart_input(wuhai(), projects, spec, options);
  REQUIRE(in.rows.size() == 26);  // the 26 milestones with an announced date (summary above)
  CHECK(in.as_of == day("2025-12-31"));
  CHECK(in.rows.front().label == "国轩 石墨化3号、4号车间");  // 32 months past April 2023
  CHECK(in.rows.front().outcome == chart::SlipOutcome::PastDue);
  CHECK(in.rows.back().label == "清陶固态电池全产业链项目");
  CHECK(in.rows.back().kind == MilestoneKind::ConstructionStart);  // -11..23, the lowest lower end

  const auto trial = std::find_if(in.rows.begin(), in.rows.end(), [](const chart::SlippageRow& r) {
    return r.kind == MilestoneKind::TrialProduction;
  });
  REQUIRE(trial != in.rows.end());
  CHECK(trial->label == "华恒 PTMEG、PBAT新型材料产业链一体化项目");
  REQUIRE(trial->expectations.size() == 3);
  CHECK(trial->expectations[0].expected == D("2022-08"));
  CHECK(trial->expectations[0].quote == "该项目的PTMEG装置建设完成,预计8月底试生产");
  CHECK(trial->expectations[0].source == "乌海日报，经内蒙古社区报转载 2022-08-11");
  CHECK(trial->expectations[1].expected == D("2022-09"));
  CHECK(trial->expectations[2].expected == D("2022-10"));
  CHECK_FALSE(trial->actual);
  CHECK(trial->happened_first == day("2023-01-26"));
  CHECK(trial->happened_last == day("2024-01-31"));
  CHECK(trial->actual_quote == "东源、华恒、三维、君正、广锦5个BDO项目已建成投产3个");
  CHECK(trial->actual_source == "乌海日报 2024-01");
  CHECK(trial->tooltip.front() == "延期 5–17 个月");

  const std::string csv = chart::slippage_csv(in, Language::Chinese);
  CHECK(csv.find("\r\n君正化工 "
                 "“石灰石—电石—BDO—可降解塑料”绿色低碳可降解塑料循环产业链项目,,construction_start,2021-05,"
                 "2021-05-08,2021-05,2022-04-08,2022-04-08,2023-04-30,11,23,late,延期\r\n") !=
        std::string::npos);
  CHECK(csv.find("\r\n东方希望乌海光伏产业链项目,多晶硅 首期 "
                 "6.25万吨/年,commissioning,2023-12,2023-01,2023-12,,,,24,24,"
                 "past_due,已逾期，未见完成报道\r\n") != std::string::npos);

  options.lang = Language::English;
  const chart::SlippageChartInput en = slippage_chart_input(wuhai(), projects, spec, options);
  // The headline counts the rows drawn (chart_headlines.h).
  CHECK(en.text.title.rfind("As of 2025-12-31: 26 milestones with an announced date in Wuhai: ", 0) == 0);
  CHECK(en.text.title.find("longest delay at least 32 months") != std::string::npos);
  CHECK(std::any_of(en.rows.begin(), en.rows.end(), [](const chart::SlippageRow& r) {
    return r.label == "PTMEG line 1, 46 kt/a — Huaheng PTMEG/PBAT integrated new-materials project";
  }));
}

TEST_CASE("the slippage chart follows the filter", "[slippage][wuhai][chart]") {
  FilterSpec spec;
  spec.as_of = D("2025-12-31");
  spec.industries = {wuhai().find_industry("metallurgy")};
  const chart::SlippageChartInput metal =
      slippage_chart_input(wuhai(), filter_projects(wuhai(), spec), spec, ChartOptions{});
  REQUIRE(metal.rows.size() == 1);
  CHECK(metal.rows[0].label == "建龙包钢万腾超低排放改造");
  // Before any plan was reported there is nothing to draw: the chart says so.
  FilterSpec early;
  early.as_of = D("2020-01-01");
  CHECK(slippage_chart_input(wuhai(), filter_projects(wuhai(), early), early, ChartOptions{}).rows.empty());
}

// ---- precision edge cases ----

TEST_CASE(
    "a year-only plan met within the year is on time; a year-only event against a month is undetermined",
    "[slippage][precision]") {
  {
    Fixture f;
    f.plan(kCommissioning, "2023", "2023-01-26");
    f.event(kCommissioning, "2023-10", "2023-11-05");
    const MilestoneSlip s = f.slip(kCommissioning, "2024-12-31");
    CHECK(s.state == SlipState::OnTime);
    CHECK(s.delay == MonthRange{-2, 9});  // from December or January 2023 to October
  }
  {
    Fixture f;
    f.plan(kCommissioning, "2023-10", "2023-01-26");
    f.event(kCommissioning, "2023", "2024-03-01");
    const MilestoneSlip s = f.slip(kCommissioning, "2024-12-31");
    CHECK(s.state == SlipState::Undetermined);  // "2023" may be before or after October
    CHECK(s.delay == MonthRange{-9, 2});
  }
  {
    Fixture f;
    f.plan(kCommissioning, "2023-10", "2023-01-26");
    f.event(kCommissioning, "2024", "2025-03-01");
    const MilestoneSlip s = f.slip(kCommissioning, "2025-12-31");
    CHECK(s.state == SlipState::Late);
    CHECK(s.delay == MonthRange{3, 14});
    CHECK(describe_slip(s) == "延期 3–14 个月");
  }
}

TEST_CASE("month and day precision: a month plan is met by any day of the month", "[slippage][precision]") {
  {
    Fixture f;
    f.plan(kCommissioning, "2023-10", "2023-01-26");
    f.event(kCommissioning, "2023-10-25", "2023-10-30");
    const MilestoneSlip s = f.slip(kCommissioning, "2023-12-31");
    CHECK(s.state == SlipState::OnTime);
    CHECK(s.delay == MonthRange{0, 0});
  }
  {
    Fixture f;
    f.plan(kCommissioning, "2023-10-15", "2023-01-26");
    f.event(kCommissioning, "2023-10-25", "2023-10-30");
    const MilestoneSlip s = f.slip(kCommissioning, "2023-12-31");
    CHECK(s.state == SlipState::Late);
    CHECK(s.delay == MonthRange{0, 0});
    CHECK(describe_slip(s, true) == "late by less than a month");
  }
  {
    Fixture f;
    f.plan(kCommissioning, "2023-10-15", "2023-01-26");
    f.event(kCommissioning, "2023-10", "2023-11-30");
    CHECK(f.slip(kCommissioning, "2023-12-31").state == SlipState::Undetermined);
  }
}

TEST_CASE("pending against done, and an as-of date before the event", "[slippage][precision]") {
  Fixture f;
  f.plan(kCommissioning, "2023-10", "2023-01-26");
  f.event(kCommissioning, "2024-06-12", "2024-07-01");

  const MilestoneSlip due = f.slip(kCommissioning, "2023-10-31");
  CHECK(due.state == SlipState::NotYetDue);
  CHECK_FALSE(due.delay);
  CHECK(due.steps.size() == 1);  // the event is not known yet

  const MilestoneSlip past = f.slip(kCommissioning, "2023-11-01");
  CHECK(past.state == SlipState::PastDue);
  CHECK(past.delay == MonthRange{0, 1});  // one day past October

  const MilestoneSlip eve = f.slip(kCommissioning, "2024-06-11");
  CHECK(eve.pending());
  CHECK(eve.state == SlipState::PastDue);
  CHECK(eve.delay == MonthRange{7, 8});  // 7 months and 11 days past 31 October, 8 past 1 October

  const MilestoneSlip done = f.slip(kCommissioning, "2024-06-12");
  CHECK(done.state == SlipState::Late);
  CHECK(done.delay == MonthRange{8, 8});
  CHECK(range_text(done.happened) == "2024-06-12..2024-06-12");
  CHECK(format_history(f.data, done.steps) ==
        "2023-01 报道：预计 2023-10 投产 → 2024-07 报道：已于 2024-06-12 投产");
}

TEST_CASE("a year-only event counts from its placement day, like derived status", "[slippage][precision]") {
  Fixture f;
  f.plan(kCommissioning, "2023-10", "2023-01-26");
  f.event(kCommissioning, "2024", "2025-01-10");
  CHECK(f.slip(kCommissioning, "2024-07-01").pending());
  CHECK(f.slip(kCommissioning, "2024-07-01").delay == MonthRange{8, 9});  // complete months past October
  CHECK_FALSE(f.slip(kCommissioning, "2024-07-02").pending());
  CHECK(f.slip(kCommissioning, "2024-07-02").delay == MonthRange{3, 14});
}

TEST_CASE("a past-due first date counts as late even when a later expectation is not yet due",
          "[slippage][precision]") {
  Fixture f;
  f.plan(kCommissioning, "2023-10", "2023-01-26");
  f.plan(kCommissioning, "2024-12", "2023-09-15");
  const MilestoneSlip s = f.slip(kCommissioning, "2024-03-31");
  CHECK(s.expectations == 2);
  CHECK(s.first_expected == D("2023-10"));
  CHECK(s.latest_expected == D("2024-12"));
  CHECK(s.state == SlipState::PastDue);
  CHECK(s.delay == MonthRange{5, 5});
  // The re-scheduling was not known in mid-2023.
  const MilestoneSlip early = f.slip(kCommissioning, "2023-06-30");
  CHECK(early.expectations == 1);
  CHECK(early.latest_expected == D("2023-10"));
  CHECK(early.state == SlipState::NotYetDue);
}

TEST_CASE("a plan with no dated event is bounded by reports of the line", "[slippage][precision]") {
  Fixture f;
  f.plan(kCommissioning, "2023-04", "2023-01-26");
  f.report(Status::Operating, "2024-10-22");
  const MilestoneSlip s = f.slip(kCommissioning, "2024-12-31");
  CHECK(s.happened_bounded);
  CHECK(range_text(s.happened) == "2023-01-26..2024-10-22");
  CHECK(s.state == SlipState::Undetermined);
  CHECK(s.delay == MonthRange{-3, 18});

  // A stated report of construction in September 2023 shows it was not producing yet: late.
  f.report(Status::Construction, "2023-09-01");
  const MilestoneSlip later = f.slip(kCommissioning, "2024-12-31");
  CHECK(range_text(later.happened) == "2023-09-01..2024-10-22");
  CHECK(later.state == SlipState::Late);
  CHECK(later.delay == MonthRange{5, 18});
  CHECK(format_history(f.data, later.steps) ==
        "2023-01 报道：预计 2023-04 投产 → 2023-09 报道：在建 → 2024-10 报道：已投产");
}

TEST_CASE("an inferred status report never shows that something had not happened", "[slippage][precision]") {
  Fixture f;
  f.plan(kCommissioning, "2023-04", "2023-01-26");
  f.report(Status::Operating, "2024-10-22");
  f.report(Status::Construction, "2023-09-01", 0, Basis::Inferred);
  CHECK(range_text(f.slip(kCommissioning, "2024-12-31").happened) == "2023-01-26..2024-10-22");
}

TEST_CASE("construction status does not rule out mechanical completion (built, not started)",
          "[slippage][precision]") {
  Fixture f;
  f.plan(MilestoneKind::MechanicalCompletion, "2023-04", "2023-01-26");
  f.report(Status::Construction, "2023-09-01");
  f.event(MilestoneKind::TrialProduction, "2023-11-20", "2023-12-01");
  const MilestoneSlip s = f.slip(MilestoneKind::MechanicalCompletion, "2024-12-31");
  CHECK(range_text(s.happened) == "2023-01-26..2023-11-20");
  CHECK(s.state == SlipState::Undetermined);
  CHECK(s.delay == MonthRange{-3, 7});
}

TEST_CASE("a project's milestone is reached when its first line reaches it; a line's only by itself",
          "[slippage][precision]") {
  Fixture f;
  f.plan(kCommissioning, "2023-10", "2023-01-26", -1);
  f.event(kCommissioning, "2024-02-05", "2024-02-10", 0);
  const MilestoneSlip project = f.slip(kCommissioning, "2024-12-31", -1);
  CHECK(project.happened_bounded);
  CHECK(range_text(project.happened) == "2023-01-26..2024-02-05");
  CHECK(project.state == SlipState::Undetermined);
  // A project-level plan does not become the line's: the line has no plan to compare.
  CHECK(f.slip(kCommissioning, "2024-12-31", 0).state == SlipState::NoPlan);
}

TEST_CASE("trial production and commissioning are different milestones", "[slippage][precision]") {
  Fixture f;
  f.plan(kCommissioning, "2023-10", "2023-01-26");
  f.event(MilestoneKind::TrialProduction, "2023-09-10", "2023-09-20");
  // Trial production does not show it was in production: still pending, past due.
  const MilestoneSlip s = f.slip(kCommissioning, "2024-01-31");
  CHECK(s.pending());
  CHECK(s.state == SlipState::PastDue);
  CHECK(s.delay == MonthRange{3, 3});
  // ... but it does show it had not been producing before it: the latest "not yet" is kept.
  CHECK(format_history(f.data, s.steps) ==
        "2023-01 报道：预计 2023-10 投产 → 2023-09 报道：已于 2023-09-10 试生产");
}

TEST_CASE("actual dates: two precisions of one event narrow, disagreeing ones widen and are flagged",
          "[slippage][precision]") {
  {
    Fixture f;
    f.plan(MilestoneKind::ConstructionStart, "2022-01", "2021-10-01");
    f.event(MilestoneKind::ConstructionStart, "2022-02", "2023-01-26");
    f.event(MilestoneKind::ConstructionStart, "2022-02-17", "2025-10-01");
    const MilestoneSlip s = f.slip(MilestoneKind::ConstructionStart, "2025-12-31");
    CHECK(s.actual == D("2022-02-17"));
    CHECK_FALSE(s.actual_conflict);
    CHECK(range_text(s.happened) == "2022-02-17..2022-02-17");
    CHECK(s.delay == MonthRange{1, 1});
  }
  {
    Fixture f;
    f.plan(MilestoneKind::ConstructionStart, "2021-04", "2021-01-10");
    f.event(MilestoneKind::ConstructionStart, "2021-05", "2022-11-01", 0, Basis::Conflicting);
    f.event(MilestoneKind::ConstructionStart, "2021-06", "2022-11-02", 0, Basis::Conflicting);
    const MilestoneSlip s = f.slip(MilestoneKind::ConstructionStart, "2025-12-31");
    CHECK(s.actual_conflict);
    CHECK(range_text(s.happened) == "2021-05-01..2021-06-30");
    CHECK(s.state == SlipState::Late);
    CHECK(s.delay == MonthRange{1, 2});
  }
}

TEST_CASE("delay statistics of ranges bound the true statistic", "[slippage][summary]") {
  const DelayStats st = delay_stats({{1, 1}, {2, 5}, {3, 4}, {10, 12}});
  CHECK(st.count == 4);
  CHECK(st.min == ValueRange{1, 1});
  CHECK(st.max == ValueRange{10, 12});
  CHECK(st.median == ValueRange{2.5, 4.5});
  REQUIRE(st.q1);
  CHECK(*st.q1 == ValueRange{1.75, 3.25});
  CHECK(*st.q3 == ValueRange{4.75, 6.75});
  const DelayStats three = delay_stats({{1, 1}, {2, 5}, {3, 4}});
  CHECK(three.median == ValueRange{2, 4});
  CHECK_FALSE(three.q1);  // too few for quartiles
  CHECK(delay_stats({}).count == 0);
}

TEST_CASE("share on time: undetermined milestones widen it, not-yet-due ones stay out",
          "[slippage][summary]") {
  Fixture f;
  f.data.projects[0].units.resize(4);
  f.plan(kCommissioning, "2023-10", "2023-01-26", 0);
  f.event(kCommissioning, "2023-09-01", "2023-09-10", 0);  // on time
  f.plan(kCommissioning, "2023-10", "2023-01-26", 1);
  f.event(kCommissioning, "2023", "2024-02-01", 1);    // undetermined
  f.plan(kCommissioning, "2023-06", "2023-01-26", 2);  // past due at the as-of date
  f.plan(kCommissioning, "2026-06", "2023-01-26", 3);  // not yet due
  const std::vector<MilestoneSlip> slips = compute_slippage(f.data, {0}, day("2024-06-30"));
  REQUIRE(slips.size() == 4);
  const SlippageSummary sum = summarize_slippage(f.data, slips);
  CHECK(sum.all.on_time == 1);
  CHECK(sum.all.undetermined == 1);
  CHECK(sum.all.past_due == 1);
  CHECK(sum.all.not_yet_due == 1);
  CHECK(sum.all.due() == 3);
  REQUIRE(sum.all.share_on_time);
  CHECK(sum.all.share_on_time->lo == 1.0 / 3.0);
  CHECK(sum.all.share_on_time->hi == 2.0 / 3.0);
  CHECK(sum.all.delay.count == 2);
  CHECK(sum.all.delay.median == ValueRange{-5, 0.5});  // lower ends -1, -9; upper ends -1, 2
  CHECK(sum.all.past_due_by.median == ValueRange{12, 12});
  // No industry: one "none" group.
  REQUIRE(sum.by_industry.size() == 1);
  CHECK(sum.by_industry[0].industry == -1);
}
