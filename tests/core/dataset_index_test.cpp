// The facts a DatasetIndex derives once per load answer exactly as the rules do when applied
// from scratch: status timelines against a fact-by-fact scan, the project status step function
// against direct evaluation on every day, and the lowered search text against per-name search.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <set>

#include "core/text.h"
#include "io/dataset_io.h"
#include "query/dataset_index.h"
#include "query/filter.h"
#include "query/status.h"
#include "test_support.h"

using namespace indtrack;

namespace {

Dataset load(const std::string& path) {
  LoadResult r = load_dataset(path);
  REQUIRE(r.ok());
  return std::move(*r.dataset);
}

// Same-day ties of every kind: a trial on its construction start's day, a report of operation on
// a shelving's placement day, shelving and cancellation on one day, two identical facts.
const char* kTies = R"({"schema_version": 1, "name": "ties",
  "sources": [{"id": "s", "kind": "reference", "publisher": "P", "title": "t", "date": "2023-01-10", "url": "https://example.com/s"}],
  "districts": [], "products": [{"id": "BDO", "name": "1,4-丁二醇"}],
  "projects": [
    {"id": "a", "name": "甲",
     "milestones": [
       {"kind": "construction_start", "date": "2023-05-01", "source": "s", "quote": "q1"},
       {"kind": "trial_production", "date": "2023-05-01", "source": "s", "quote": "q2"},
       {"kind": "shelved", "date": "2023", "source": "s", "quote": "q3"},
       {"kind": "commissioning", "date": "2024-02", "expected": true, "source": "s", "quote": "q4"}],
     "status_reports": [{"status": "operating", "as_of": "2023-07-02", "source": "s", "quote": "q5"}],
     "units": [
       {"id": "a1", "name": "一号线", "product": "BDO"},
       {"id": "a2", "name": "二号线", "product": "BDO",
        "status_reports": [{"status": "construction", "as_of": "2023-03", "source": "s", "quote": "q6"}],
        "milestones": [{"kind": "commissioning", "date": "2023-12-20", "source": "s", "quote": "q7"}]}]},
    {"id": "b", "name": "乙",
     "milestones": [
       {"kind": "cancelled", "date": "2022-06-01", "source": "s", "quote": "q8"},
       {"kind": "shelved", "date": "2022-06-01", "source": "s", "quote": "q9"},
       {"kind": "signed", "date": "2021-03-03", "source": "s", "quote": "q10"},
       {"kind": "approved", "date": "2021-03-03", "source": "s", "quote": "q11"}],
     "units": [{"id": "b1", "name": "一号线", "product": "BDO",
                "milestones": [{"kind": "construction_start", "date": "2022-09", "source": "s", "quote": "q12"}]}]},
    {"id": "c", "name": "丙", "evidence": [{"source": "s", "quote": "q13"}]}
  ]})";

Dataset ties() {
  LoadResult r = parse_dataset(kTies, "ties.json", ".");
  INFO((r.problems.empty() ? std::string() : r.problems.front().format()));
  REQUIRE(r.ok());
  return std::move(*r.dataset);
}

// The rule applied fact by fact, as written in docs/data-format.md: milestones then reports, a
// fact replaces the current answer if it is placed later, or on the same day and ranks higher.
DerivedStatus scan(const Dataset& data, const std::vector<Milestone>& ms, const std::vector<StatusReport>& rs,
                   DayNumber day) {
  auto rank = [](Status s) { return s == Status::Shelved || s == Status::Cancelled ? 10 : progress_rank(s); };
  DerivedStatus best;
  auto consider = [&](Status status, DayNumber placed, const Milestone* m, const StatusReport* r) {
    if (placed > day) return;
    if (best.status == Status::Unknown || placed > best.decided_on ||
        (placed == best.decided_on && rank(status) > rank(best.status)))
      best = DerivedStatus{status, placed, m, r, false};
  };
  for (const Milestone& m : ms)
    if (!m.expected) consider(status_after(m.kind), m.date.placement_day(), &m, nullptr);
  for (const StatusReport& r : rs)
    if (const auto as_of = as_of_date(data, r)) consider(r.status, as_of->placement_day(), nullptr, &r);
  return best;
}

bool same(const DerivedStatus& a, const DerivedStatus& b) {
  return a.status == b.status && a.decided_on == b.decided_on && a.milestone == b.milestone &&
         a.report == b.report && a.inherited == b.inherited;
}

// Every day a fact is placed on, its neighbours, and the 1st of every month 2000..2030.
std::vector<DayNumber> days_to_check(const Dataset& d) {
  std::set<DayNumber> days;
  auto around = [&](DayNumber day) {
    for (int delta = -1; delta <= 1; ++delta) days.insert(day + delta);
  };
  for (const Source& s : d.sources) around(s.date.placement_day());
  for (const Project& p : d.projects) {
    for (const Milestone& m : p.milestones) around(m.date.placement_day());
    for (const Unit& u : p.units)
      for (const Milestone& m : u.milestones) around(m.date.placement_day());
    if (const auto known = project_known_since(d, p)) around(*known);
  }
  for (int y = 2000; y <= 2030; ++y)
    for (int m = 1; m <= 12; ++m) days.insert(days_from_civil(y, m, 1));
  return {days.begin(), days.end()};
}

void check_against_scans(const Dataset& d) {
  const DatasetIndex index(d);
  const std::vector<DayNumber> days = days_to_check(d);
  for (std::size_t i = 0; i < d.projects.size(); ++i) {
    const Project& p = d.projects[i];
    const ProjectFacts& facts = index.facts(static_cast<int>(i));
    INFO("project " << p.id);
    for (DayNumber day : days) {
      INFO("day " << Date::from_days(day).to_string());
      REQUIRE(same(facts.own.at(day), scan(d, p.milestones, p.status_reports, day)));
      for (std::size_t u = 0; u < p.units.size(); ++u) {
        const DerivedStatus own_unit = scan(d, p.units[u].milestones, p.units[u].status_reports, day);
        REQUIRE(same(facts.units[u].at(day), own_unit));
        REQUIRE(same(facts.unit_status_at(static_cast<int>(u), day), unit_status_at(d, p, p.units[u], day)));
      }
      const ProjectStatus stepped = facts.status_at(day);
      const ProjectStatus direct = project_status_at(d, p, day);
      REQUIRE(stepped.status == direct.status);
      REQUIRE(stepped.partly_operating == direct.partly_operating);
    }
  }
}

}  // namespace

TEST_CASE("status timelines and the status step function agree with scanning every fact on every day",
          "[index][status]") {
  SECTION("same-day ties") { check_against_scans(ties()); }
  SECTION("the Wuhai data") {
    check_against_scans(load(std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json"));
  }
  SECTION("the example") { check_against_scans(load(indtrack::test::data_path("example/example.json"))); }
}

TEST_CASE("same-day ties resolve as the rules say", "[index][status]") {
  const Dataset d = ties();
  const DatasetIndex index(d);
  const ProjectFacts& a = index.facts(0);
  const ProjectFacts& b = index.facts(1);
  // Trial outranks construction start on 2023-05-01.
  CHECK(a.own.at(days_from_civil(2023, 5, 1)).status == Status::Trial);
  // "2023" is placed on 2023-07-02, the day of the operating report: shelving outranks it.
  const DerivedStatus july = a.own.at(days_from_civil(2023, 7, 2));
  CHECK(july.status == Status::Shelved);
  CHECK(july.milestone == &d.projects[0].milestones[2]);
  // Cancelled and shelved on one day rank equal: the one listed first wins.
  CHECK(b.own.at(days_from_civil(2022, 6, 1)).status == Status::Cancelled);
  CHECK(b.own.at(days_from_civil(2021, 3, 3)).milestone == &d.projects[1].milestones[2]);
  // The unit with no facts inherits; the project is announced from its source's date.
  CHECK(a.unit_status_at(0, days_from_civil(2023, 5, 2)).inherited);
  CHECK(index.facts(2).status_at(days_from_civil(2023, 1, 9)).status == Status::Unknown);
  CHECK(index.facts(2).status_at(days_from_civil(2023, 1, 10)).status == Status::Announced);
}

TEST_CASE("search through the index matches a word within one name, never across two", "[index][filter]") {
  const Dataset d = load(std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json");
  const DatasetIndex index(d);
  auto found = [&](const std::string& search) {
    FilterSpec f;
    f.as_of = Date::of_day(2030, 1, 1);
    f.search = search;
    return filter_projects(index, f);
  };
  const std::vector<int> all = found("");
  for (int i : all) {
    const Project& p = d.projects[i];
    INFO(p.id);
    auto has = [&](const std::vector<int>& rows) {
      return std::find(rows.begin(), rows.end(), i) != rows.end();
    };
    CHECK(has(found(p.name)));
    if (!p.name_en.empty()) CHECK(has(found(ascii_lower(p.name_en).substr(0, 6))));
    if (p.company >= 0) CHECK(has(found(d.companies[p.company].short_name)));
    // The end of the id followed by the start of the name is not one text: no match from that.
    const std::string across = p.id.substr(p.id.size() - 2) + p.name.substr(0, 3);
    if (p.id.find(across) == std::string::npos && p.name.find(across) == std::string::npos)
      CHECK_FALSE(has(found(across)));
  }
}
