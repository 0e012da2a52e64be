// The two clocks (issue 18, docs/status.md): "as known now" places every fact by the date it is
// about; "published by" keeps only what had been published by the as-of date — what a reader
// could have known then — in every view: statuses, capacities, investment, filter, footers.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/chart_series.h"
#include "dataset_fixtures.h"
#include "io/dataset_io.h"
#include "query/dataset_index.h"
#include "query/filter_args.h"
#include "query/filter_json.h"
#include "query/project_summary.h"
#include "query/published_view.h"
#include "query/status.h"

using namespace indtrack;

namespace {

DayNumber day(const char* text) { return parse_date(text).date->placement_day(); }

// One project: a line reported in January 2023 (started 2022-05) that a March-2024 report says
// went into operation on 2023-10-20; a second line and the investment first reported in March
// 2024; a signing that the 2024 report dates June 2021 (`reported`: it counts from the 2024 report,
// the text cited). A second project, building since June 2023, appears only in the 2024 report.
const char* kData = R"({"schema_version": 1, "name": "clocks",
  "sources": [
    {"id": "a", "kind": "reference", "publisher": "示例日报", "title": "t", "date": "2023-01-10", "url": "https://example.com/a"},
    {"id": "b", "kind": "reference", "publisher": "示例日报", "title": "t", "date": "2024-03-05", "url": "https://example.com/b"}],
  "districts": [],
  "products": [{"id": "BDO", "name": "1,4-丁二醇"}],
  "projects": [
    {"id": "p", "name": "项目",
     "investments": [{"scope": "total", "value": 20, "unit": "亿元", "source": "b", "quote": "总投资20亿元"}],
     "milestones": [
       {"kind": "signed", "date": "2021-06-21", "reported": "2021-06-21", "source": "b", "quote": "2021年6月21日签约"}],
     "units": [
       {"id": "l1", "name": "一号线", "product": "BDO",
        "capacity": {"value": 10, "unit": "万吨/年", "source": "a", "quote": "一号线10万吨"},
        "milestones": [
          {"kind": "construction_start", "date": "2022-05", "source": "a", "quote": "去年5月开工"},
          {"kind": "commissioning", "date": "2023-10-20", "source": "b", "quote": "2023年10月20日投产"}]},
       {"id": "l2", "name": "二号线", "product": "BDO",
        "capacity": {"value": 5, "unit": "万吨/年", "source": "b", "quote": "二号线5万吨"}}]},
    {"id": "q", "name": "后来的项目",
     "status_reports": [{"status": "construction", "as_of": "2023-06", "source": "b", "quote": "去年6月已在建"}]}]})";

const Dataset& data() {
  static const Dataset d = [] {
    LoadResult r = parse_dataset(kData, "clocks.json", ".");
    REQUIRE(r.ok());
    return std::move(*r.dataset);
  }();
  return d;
}

FilterSpec at(const char* as_of, Clock clock) {
  FilterSpec f;
  f.as_of = parse_date(as_of).date;
  f.clock = clock;
  return f;
}

}  // namespace

TEST_CASE("published by: only facts published by the day, every index kept", "[status][clock]") {
  const Dataset& d = data();
  const Dataset then = published_by(d, day("2023-12-31"));
  REQUIRE(then.projects.size() == d.projects.size());
  REQUIRE(then.sources.size() == d.sources.size());
  CHECK(then.find_project("q") == d.find_project("q"));
  const Project& p = then.projects[0];
  REQUIRE(p.units.size() == 1);  // 二号线 was first reported in 2024
  CHECK(p.units[0].id == "l1");
  REQUIRE(p.units[0].milestones.size() == 1);  // the start, not the commissioning reported later
  CHECK(p.units[0].milestones[0].kind == MilestoneKind::ConstructionStart);
  CHECK(p.investments.empty());
  CHECK(p.milestones.empty());  // the signing is cited from the 2024 report
  CHECK(then.projects[1].status_reports.empty());

  // A day later than every source: nothing is left out.
  const Dataset later = published_by(d, day("2024-03-05"));
  CHECK(serialize_dataset(later) == serialize_dataset(d));
}

TEST_CASE("the two clocks answer different questions about the same day", "[status][clock]") {
  const Dataset& d = data();
  const DayNumber end_2023 = day("2023-12-31");
  // As known now: the line operated from 2023-10-20 and the second project was building.
  CHECK(project_status_at(d, d.projects[0], end_2023).status == Status::Operating);
  const FilterSpec now = at("2023-12-31", Clock::KnownNow);
  const Dataset known_now = for_clock(d, now);
  CHECK(filter_projects(known_now, now) == std::vector<int>{0, 1});
  CHECK(project_status_at(d, d.projects[1], end_2023).status == Status::Construction);

  // As published by then: a reader knew of a line under construction, and nothing of q.
  const FilterSpec published = at("2023-12-31", Clock::PublishedBy);
  const Dataset then = for_clock(d, published);
  CHECK(project_status_at(then, then.projects[0], end_2023).status == Status::Construction);
  CHECK(filter_projects(then, published) == std::vector<int>{0});
  const ProjectSummary s = summarize_project(then, 0, end_2023);
  REQUIRE(s.capacity.size() == 1);
  CHECK(s.capacity[0].designed == 100000);  // 10万吨/年 in t/a: the second line was not yet reported
  CHECK(s.capacity[0].operating() == 0);
  REQUIRE(s.latest_report);
  CHECK(s.latest_report->to_string() == "2023-01-10");

  // Every chart's subtitle and footer name the clock.
  ChartOptions options;
  options.generated_on = Date::of_day(2026, 12, 2);
  CHECK(filter_in_words(then, published, Language::Chinese).find("截至 2023-12-31（当时已发布报道）") !=
        std::string::npos);
  CHECK(filter_in_words(then, published, Language::English).find("as of 2023-12-31 (as published then)") !=
        std::string::npos);
  CHECK(filter_in_words(known_now, now, Language::Chinese).find("截至 2023-12-31（现有报道）") !=
        std::string::npos);
  // The timeline of p cites the start of line 1 (2023-01 report); known now also its commissioning
  // (the 2024-03 report), which a reader had not seen then.
  const std::string footer =
      chart_text(build_chart_data(ChartKind::Timeline, then, {0}, published, options)).footer;
  CHECK(footer.find("示例日报 2023-01 ") != std::string::npos);
  CHECK(footer.find("2024-03") == std::string::npos);
  CHECK(footer.find("截至 2023-12-31（当时已发布报道）") != std::string::npos);
  CHECK(chart_text(build_chart_data(ChartKind::Timeline, known_now, {0}, now, options))
            .footer.find("示例日报 2023-01、2024-03 ") != std::string::npos);
}

TEST_CASE("published by, on the bundled data: no view shows what was published later", "[wuhai][clock]") {
  const Dataset& full = test::wuhai();
  ChartOptions options;
  options.generated_on = Date::of_day(2026, 12, 2);
  for (const char* date :
       {"2014-12-31", "2021-06-30", "2022-12-31", "2023-06-30", "2024-06-30", "2025-06-30"}) {
    INFO("published by " << date);
    const FilterSpec spec = at(date, Clock::PublishedBy);
    const DayNumber as_of = as_of_day(spec);
    const Dataset d = for_clock(full, spec);
    const DatasetIndex index(d);
    const std::vector<int> projects = filter_projects(index, spec);
    // every source any view cites (the footers' list) had been published
    for (int s : cited_sources(d, projects)) {
      INFO(d.sources[s].id);
      CHECK(d.sources[s].date.placement_day() <= as_of);
    }
    // the filter counts what the table lists, on both paths
    CHECK(filter_projects(d, spec) == projects);
    for (int p : projects) {
      const ProjectSummary s = summarize_project(index, p, as_of);
      INFO(d.projects[p].id);
      REQUIRE(s.latest_report);
      CHECK(s.latest_report->placement_day() <= as_of);
    }
  }

  // 君正 in mid-2023: a reader then knew of signed contracts and design work (2022-12-16); that the
  // first phase started in April 2023 was published in 2025.
  const int junzheng = full.find_project("junzheng-bdo");
  REQUIRE(junzheng >= 0);
  const DayNumber mid_2023 = day("2023-06-30");
  CHECK(project_status_at(full, full.projects[junzheng], mid_2023).status == Status::Construction);
  const Dataset then = published_by(full, mid_2023);
  CHECK(project_status_at(then, then.projects[junzheng], mid_2023).status == Status::Signed);
  // 三维's total investment (130.66亿元) was first reported in February 2025.
  const int sanwei = full.find_project("sanwei-bdo");
  REQUIRE(sanwei >= 0);
  CHECK_FALSE(full.projects[sanwei].investments.empty());
  CHECK(then.projects[sanwei].investments.empty());
  const FilterSpec spec = at("2023-06-30", Clock::PublishedBy);
  const auto bars = investment_chart_input(then, filter_projects(then, spec), spec, options).bars;
  for (const auto& bar : bars) CHECK(bar.ref != unit_ref(sanwei, -1));
  const FilterSpec now = at("2023-06-30", Clock::KnownNow);
  const auto bars_now = investment_chart_input(full, filter_projects(full, now), now, options).bars;
  CHECK(std::any_of(bars_now.begin(), bars_now.end(),
                    [&](const auto& b) { return b.ref == unit_ref(sanwei, -1); }));
}

TEST_CASE("possibly stalled as a filter: exactly the flagged projects", "[wuhai][status][filter]") {
  const Dataset& d = test::wuhai();
  const DatasetIndex index(d);
  for (const char* date : {"2024-06-30", "2025-06-30", "2026-12-02"}) {
    INFO(date);
    FilterSpec all = at(date, Clock::KnownNow);
    FilterSpec stalled = all;
    stalled.possibly_stalled = true;
    CHECK_FALSE(stalled.empty());
    std::vector<int> flagged;
    for (int p : filter_projects(index, all))
      if (summarize_project(index, p, as_of_day(all)).possibly_stalled) flagged.push_back(p);
    CHECK(filter_projects(index, stalled) == flagged);
    CHECK(filter_projects(d, stalled) == flagged);
  }
  // On 2026-12-02: 中玻 (规划, nothing since January 2023) and 广锦 (在建, newest report
  // 2024-10-22) are among them; 东景's operating γ-丁内酯 plant is not, however old its news.
  FilterSpec today = at("2026-12-02", Clock::KnownNow);
  today.possibly_stalled = true;
  std::vector<std::string> ids;
  for (int p : filter_projects(index, today)) {
    ids.push_back(d.projects[p].id);
    const ProjectStatus status = summarize_project(index, p, as_of_day(today)).status;
    CHECK((status.status != Status::Operating || status.partly_operating));
  }
  auto has = [&](const char* id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); };
  CHECK(has("zhongbo-pv-materials"));
  CHECK(has("guangjin-bdo-pbat"));
  CHECK_FALSE(has("dongjing-gbl"));
}

TEST_CASE("the clock and the stalled filter on the command line and in saved filters", "[filter][clock]") {
  const Dataset& d = data();
  FilterArgs args;
  std::string error;
  const std::vector<std::string> argv{"--clock", "published", "--possibly-stalled", "--as-of", "2023-12-31"};
  for (std::size_t i = 0; i < argv.size(); ++i) REQUIRE(take_filter_flag(argv, i, args, error));
  CHECK(error.empty());
  const ResolveResult r = resolve_filter(d, args);
  REQUIRE(r.spec);
  CHECK(r.spec->clock == Clock::PublishedBy);
  CHECK(r.spec->possibly_stalled);
  CHECK(filter_to_flags(d, *r.spec) == "--as-of 2023-12-31 --clock published --possibly-stalled");
  const FilterSpec back = filter_from_json(d, filter_to_json(d, *r.spec));
  CHECK(back.clock == Clock::PublishedBy);
  CHECK(back.possibly_stalled);
  CHECK(filter_from_json(d, nlohmann::json::object()).clock == Clock::KnownNow);

  FilterArgs bad;
  const std::vector<std::string> later{"--clock", "later"};
  std::size_t i = 0;
  REQUIRE(take_filter_flag(later, i, bad, error));
  CHECK(error == "--clock must be now or published, got \"later\"");
}
