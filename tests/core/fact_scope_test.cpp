// Project facts that speak of some of the project's lines (FactScope), facilities, and stated
// totals: what the status, capacity and summary queries make of them (docs/data-format.md).
#include <catch2/catch_test_macros.hpp>

#include "io/dataset_io.h"
#include "query/dataset_index.h"
#include "query/project_summary.h"
#include "query/status.h"

using namespace indtrack;

namespace {

DayNumber day(const char* text) { return parse_date(text).date->placement_day(); }

// A project with a BDO line, a PTMEG line and a power station (a facility). The project's own
// facts: PTMEG in trial production 2022-09 (scoped to PTMEG), "phase one expected in production
// 2023-10" (scoped to 一期, a phase no line is known to be in), and the power station in trial.
const char* kData = R"({"schema_version": 1, "name": "scope",
  "sources": [
    {"id": "a", "kind": "reference", "publisher": "示例日报", "title": "t", "date": "2022-10-01", "url": "https://example.com/a"},
    {"id": "b", "kind": "reference", "publisher": "示例日报", "title": "t", "date": "2023-06-01", "url": "https://example.com/b"}],
  "districts": [],
  "products": [{"id": "BDO", "name": "1,4-丁二醇"}, {"id": "PTMEG", "name": "聚四亚甲基醚二醇"}],
  "projects": [{"id": "p", "name": "项目",
    "units": [
      {"id": "bdo", "name": "BDO线", "product": "BDO",
       "capacity": {"value": 10, "unit": "万吨/年", "source": "a", "quote": "q"}},
      {"id": "ptmeg", "name": "PTMEG线", "product": "PTMEG",
       "capacity": {"value": 5, "unit": "万吨/年", "source": "a", "quote": "q"}},
      {"id": "power", "name": "动力站",
       "status_reports": [{"status": "operating", "source": "b", "quote": "动力站已投用"}]}],
    "milestones": [
      {"kind": "trial_production", "date": "2022-09", "product": "PTMEG", "source": "a", "quote": "PTMEG装置9月试生产"},
      {"kind": "commissioning", "date": "2023-10", "expected": true, "phase": "一期", "source": "a", "quote": "一期预计10月投产"}],
    "totals": [{"product": "BDO", "value": 10, "unit": "万吨/年", "source": "a", "quote": "BDO产能10万吨"}]}]})";

const Dataset& data() {
  static const Dataset d = [] {
    LoadResult r = parse_dataset(kData, "scope.json", ".");
    REQUIRE(r.ok());
    return std::move(*r.dataset);
  }();
  return d;
}

}  // namespace

TEST_CASE("a project fact scoped to a product reaches only the lines of that product", "[status][scope]") {
  const Dataset& d = data();
  const Project& p = d.projects[0];
  const DayNumber oct = day("2022-10-15");
  CHECK(unit_status_at(d, p, p.units[1], oct).status == Status::Trial);  // PTMEG: inherited
  CHECK(unit_status_at(d, p, p.units[1], oct).inherited);
  CHECK(unit_status_at(d, p, p.units[0], oct).status != Status::Trial);  // BDO: not its fact
  // Capacity in trial counts only for the PTMEG line.
  CHECK(unit_capacity_start(d, p, p.units[1], oct, true));
  CHECK_FALSE(unit_capacity_start(d, p, p.units[0], oct, true));
  // A phase no line is written in: the plan stays the project's own.
  CHECK_FALSE(unit_capacity_start(d, p, p.units[0], day("2023-09-01"), false));
  CHECK_FALSE(unit_capacity_start(d, p, p.units[1], day("2023-09-01"), false));
}

TEST_CASE("a facility in operation does not make the project produce", "[status][scope]") {
  const Dataset& d = data();
  const Project& p = d.projects[0];
  const ProjectStatus s = project_status_at(d, p, day("2023-07-01"));
  CHECK(s.status == Status::Trial);  // the PTMEG line; the power station's "operating" does not count
  CHECK_FALSE(s.partly_operating);
  // The index answers the same as the direct query.
  const DatasetIndex index(d);
  CHECK(index.facts(0).status_at(day("2023-07-01")).status == Status::Trial);
  CHECK(index.facts(0).unit_status_at(0, day("2022-10-15")).status != Status::Trial);
  CHECK(index.facts(0).unit_status_at(1, day("2022-10-15")).status == Status::Trial);
}

TEST_CASE("the newest source of a project's facts is its latest report", "[status][scope]") {
  const Dataset& d = data();
  CHECK(latest_report_date(d, d.projects[0])->to_string() == "2023-06-01");
  CHECK(summarize_project(d, 0, day("2024-01-01")).latest_report->to_string() == "2023-06-01");
  // Both sources are references: every quote of the project is an excerpt.
  CHECK(excerpt_only_quotes(d, d.projects[0]) == 6);
}
