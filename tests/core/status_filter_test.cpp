#include <catch2/catch_test_macros.hpp>

#include "io/dataset_io.h"
#include "query/filter_args.h"
#include "query/project_summary.h"
#include "query/status.h"
#include "test_support.h"

using namespace indtrack;

namespace {

const Dataset& example() {
  static const Dataset d = [] {
    LoadResult r = load_dataset(indtrack::test::data_path("example/example.json"));
    REQUIRE(r.ok());
    return std::move(*r.dataset);
  }();
  return d;
}

DayNumber day(const char* text) { return parse_date(text).date->placement_day(); }

FilterSpec resolve(const FilterArgs& args) {
  const ResolveResult r = resolve_filter(example(), args);
  INFO(r.error);
  REQUIRE(r.spec);
  return *r.spec;
}

std::vector<std::string> ids(const std::vector<int>& projects) {
  std::vector<std::string> out;
  for (int i : projects) out.push_back(example().projects[i].id);
  return out;
}

}  // namespace

TEST_CASE("status follows the facts for any date", "[status]") {
  const Dataset& d = example();
  const Project& bdo = d.projects[0];
  // Known since the article of 2024-03-15, but its construction start 2022-05 was an actual event.
  CHECK(project_status_at(d, bdo, day("2022-01-01")).status == Status::Unknown);
  CHECK(project_status_at(d, bdo, day("2022-06-01")).status == Status::Construction);
  // Line 1 commissioned 2023-11-20; line 2 only expected: partly operating.
  const ProjectStatus dec = project_status_at(d, bdo, day("2023-12-01"));
  CHECK(dec.status == Status::Operating);
  CHECK(dec.partly_operating);
  CHECK(unit_status_at(d, bdo, bdo.units[0], day("2023-11-19")).status == Status::Construction);
  CHECK(unit_status_at(d, bdo, bdo.units[0], day("2023-11-20")).status == Status::Operating);
  // An expected commissioning never makes a line operating, whatever the date.
  const DerivedStatus line2 = unit_status_at(d, bdo, bdo.units[1], day("2030-01-01"));
  CHECK(line2.status == Status::Construction);
  CHECK(line2.inherited);
}

TEST_CASE("a project with only plans is announced from the day it was reported", "[status]") {
  const Dataset& d = example();
  const Project& pbat = d.projects[1];
  CHECK(project_status_at(d, pbat, day("2024-03-14")).status == Status::Unknown);
  CHECK(project_status_at(d, pbat, day("2024-03-15")).status == Status::Announced);
  CHECK(project_status_at(d, pbat, day("2025-06-01")).status == Status::Announced);
}

TEST_CASE("imprecise dates count from the middle of their interval", "[status]") {
  Dataset d;
  d.sources.push_back({});
  d.sources[0].date = Date::of_year(2024);
  Project p;
  Milestone m;
  m.kind = MilestoneKind::Commissioning;
  m.date = Date::of_year(2014);
  m.evidence.source = 0;
  p.milestones.push_back(m);
  CHECK(project_status_at(d, p, day("2014-07-01")).status == Status::Unknown);
  CHECK(project_status_at(d, p, day("2014-07-02")).status == Status::Operating);
}

TEST_CASE("later facts win; shelving is final unless news follows", "[status]") {
  Dataset d;
  d.sources.push_back({});
  d.sources[0].date = Date::of_day(2024, 1, 1);
  Project p;
  auto add = [&](MilestoneKind k, Date date) {
    Milestone m;
    m.kind = k;
    m.date = date;
    m.evidence.source = 0;
    p.milestones.push_back(m);
  };
  add(MilestoneKind::ConstructionStart, Date::of_day(2020, 1, 1));
  add(MilestoneKind::Shelved, Date::of_day(2021, 1, 1));
  CHECK(project_status_at(d, p, day("2020-06-01")).status == Status::Construction);
  CHECK(project_status_at(d, p, day("2022-01-01")).status == Status::Shelved);
  add(MilestoneKind::TrialProduction, Date::of_day(2023, 1, 1));
  CHECK(project_status_at(d, p, day("2023-06-01")).status == Status::Trial);
}

TEST_CASE("filters: districts by Chinese or English name, inferred from the park", "[filter]") {
  FilterArgs a;
  a.districts = {"East"};
  a.as_of = parse_date("2024-06-01").date;
  CHECK(ids(filter_projects(example(), resolve(a))) ==
        std::vector<std::string>{"example-bdo", "example-pbat"});
  a.districts = {"西区"};
  CHECK(filter_projects(example(), resolve(a)).empty());
  a.districts = {"east district", "西"};  // repeat = OR; case and spaces ignored; alias 西
  CHECK(filter_projects(example(), resolve(a)).size() == 2);
}

TEST_CASE("filters: a group company selects its subsidiaries' projects", "[filter]") {
  FilterArgs a;
  a.companies = {"示例集团"};
  a.as_of = parse_date("2024-06-01").date;
  CHECK(ids(filter_projects(example(), resolve(a))) == std::vector<std::string>{"example-bdo"});
  a.companies = {"Example Materials"};
  CHECK(ids(filter_projects(example(), resolve(a))) == std::vector<std::string>{"example-bdo"});
}

TEST_CASE("filters: status as of a date, kinds combined with AND", "[filter]") {
  FilterArgs a;
  a.statuses = {"operating"};
  a.as_of = parse_date("2023-12-31").date;
  CHECK(ids(filter_projects(example(), resolve(a))) == std::vector<std::string>{"example-bdo"});
  a.as_of = parse_date("2023-06-30").date;
  CHECK(filter_projects(example(), resolve(a)).empty());
  a.statuses = {"在建"};
  CHECK(ids(filter_projects(example(), resolve(a))) == std::vector<std::string>{"example-bdo"});
  a.products = {"PBAT"};
  CHECK(filter_projects(example(), resolve(a)).empty());
}

TEST_CASE("filters: products, search words and date ranges", "[filter]") {
  FilterArgs a;
  a.as_of = parse_date("2025-01-01").date;
  a.products = {"BOD"};  // the typo alias finds BDO
  CHECK(ids(filter_projects(example(), resolve(a))) == std::vector<std::string>{"example-bdo"});
  a.products.clear();
  a.search = "pbat 示例";
  CHECK(ids(filter_projects(example(), resolve(a))) == std::vector<std::string>{"example-pbat"});
  a.search = "example group";  // English name of the parent company
  CHECK(ids(filter_projects(example(), resolve(a))) == std::vector<std::string>{"example-bdo"});
  a.search.clear();
  a.from = parse_date("2024-06").date;
  a.to = parse_date("2024-12").date;
  CHECK(ids(filter_projects(example(), resolve(a))) ==
        std::vector<std::string>{"example-bdo", "example-pbat"});
  a.from = parse_date("2023-11-21").date;
  a.to = parse_date("2024-05").date;
  CHECK(filter_projects(example(), resolve(a)).empty());
}

TEST_CASE("unknown filter names are errors that list the valid names", "[filter]") {
  FilterArgs a;
  a.districts = {"海北区"};
  CHECK(resolve_filter(example(), a).error ==
        "unknown district \"海北区\"; valid districts: 东区 (East District), 西区 (West District)");
  a.districts.clear();
  a.statuses = {"running"};
  CHECK(resolve_filter(example(), a).error ==
        "unknown status \"running\"; valid statuses: announced (规划), signed (签约), construction (在建), "
        "trial (试生产), operating (投产), shelved (停滞), cancelled (取消)");
  a.statuses.clear();
  a.companies = {"不存在"};  // the plural was "companys"
  CHECK(resolve_filter(example(), a).error ==
        "unknown company \"不存在\"; valid companies: 示例集团, 示例新材料, 示例能源");
  a.companies.clear();
  a.industries = {"化工"};
  CHECK(resolve_filter(example(), a).error ==
        "unknown industry \"化工\"; valid industries: BDO及可降解材料 (BDO and degradable plastics)");
}

TEST_CASE("filter flags parse, and a spec turns back into the same flags", "[filter]") {
  const std::vector<std::string> args = {"list",     "--district", "东区",    "--product=BDO",
                                         "--status", "operating",  "--as-of", "2024-06-30",
                                         "--search", "示例 新材料"};
  FilterArgs parsed;
  std::string error;
  for (std::size_t i = 1; i < args.size(); ++i) REQUIRE(take_filter_flag(args, i, parsed, error));
  CHECK(error.empty());
  const FilterSpec spec = resolve(parsed);
  CHECK(filter_to_flags(example(), spec) ==
        "--district 东区 --product BDO --status operating --as-of 2024-06-30 --search '示例 新材料'");
  std::size_t i = 1;
  FilterArgs bad;
  const std::vector<std::string> bad_date = {"list", "--as-of", "2023-02-30"};
  take_filter_flag(bad_date, i, bad, error);
  CHECK(error == "--as-of: \"2023-02-30\" is not a date: February 2023 has 28 days");
}

TEST_CASE("project summaries give capacity, investment and key dates as of a date", "[summary]") {
  const ProjectSummary s = summarize_project(example(), 0, day("2024-06-01"));
  REQUIRE(s.capacity.size() == 1);
  CHECK(s.capacity[0].designed == 100000.0);
  CHECK(s.capacity[0].operating() == 50000.0);
  CHECK(s.capacity[0].at(CapacityCategory::Construction) == 50000.0);
  CHECK(*s.total_investment == 28.5e8);
  CHECK(*s.completed_investment == 12e8);
  CHECK(s.construction_start->date.to_string() == "2022-05");
  CHECK_FALSE(s.construction_start->expected);
  CHECK(s.commissioning->date.to_string() == "2023-11-20");
  CHECK(format_capacities(example(), s.capacity, {}, false) == "BDO 10万吨/年");
  CHECK(format_capacities(example(), s.capacity, {}, true, true) == "BDO 50 kt/a");
  // Before the article reported it, the completed figure is not known.
  CHECK_FALSE(summarize_project(example(), 0, day("2024-01-01")).completed_investment);
}

TEST_CASE("a project whose district sources disagree is found under both districts", "[filter][wuhai]") {
  LoadResult r = load_dataset(std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json");
  REQUIRE(r.ok());
  const Dataset& d = *r.dataset;
  int sanwei = -1;
  for (std::size_t i = 0; i < d.projects.size(); ++i)
    if (d.projects[i].company >= 0 && d.companies[d.projects[i].company].short_name == "三维")
      sanwei = static_cast<int>(i);
  REQUIRE(sanwei >= 0);
  REQUIRE(district_of(d, d.projects[sanwei]).basis == Basis::Conflicting);
  for (const char* district : {"海南区", "海勃湾区"}) {
    FilterArgs a;
    a.districts = {district};
    a.as_of = parse_date("2024-10-31").date;
    const ResolveResult spec = resolve_filter(d, a);
    REQUIRE(spec.spec);
    const auto rows = filter_projects(d, *spec.spec);
    INFO(district);
    CHECK(std::find(rows.begin(), rows.end(), sanwei) != rows.end());
  }
}
