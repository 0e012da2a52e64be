#include "query/dataset_index.h"

#include <algorithm>

#include "core/parallel.h"
#include "core/text.h"
#include "query/filter.h"
#include "query/project_summary.h"

namespace indtrack {
namespace {

constexpr int kMaxCompanyDepth = 32;  // parent chains are cycle-free (the loader checks); a guard

// The texts a search word is looked for in (see word_matches in filter.cpp), lowered once.
std::string search_text_of(const Dataset& d, const Project& p, const std::vector<int>& companies,
                           int district, const std::vector<int>& products) {
  std::string out;
  auto add = [&](const std::string& text) {
    out += ascii_lower(text);
    out += '\0';  // a separator no search word contains (words with one are matched piecewise)
  };
  auto add_all = [&](const std::vector<std::string>& texts) {
    for (const std::string& t : texts) add(t);
  };
  add(p.id);
  add(p.name);
  add(p.name_en);
  add_all(p.aliases);
  for (int c : companies) {
    const Company& co = d.companies[c];
    add(co.name);
    add(co.short_name);
    add(co.name_en);
    add_all(co.aliases);
  }
  if (p.park && p.park->index >= 0) {
    const Park& park = d.parks[p.park->index];
    add(park.name);
    add(park.name_en);
    add_all(park.aliases);
  }
  if (district >= 0) {
    const District& dist = d.districts[district];
    add(dist.name);
    add(dist.name_en);
    add_all(dist.aliases);
  }
  for (int product : products) {
    const Product& pr = d.products[product];
    add(pr.id);
    add(pr.name);
    add(pr.short_name);
    add(pr.name_en);
    add_all(pr.aliases);
  }
  for (const Unit& u : p.units) {
    add(u.name);
    add(u.name_en);
  }
  return out;
}

}  // namespace

ProjectFacts::ProjectFacts(const Dataset& data, int index)
    : project(index), own(data, data.projects[index].milestones, data.projects[index].status_reports) {
  const Project& p = data.projects[index];
  district_candidates = project_district_candidates(data, p);
  district = project_district(data, p);
  products = project_products(data, p);
  industries = project_industries(data, p);
  for (int c = p.company, steps = 0; c >= 0 && steps < kMaxCompanyDepth;
       c = data.companies[c].parent, ++steps)
    companies.push_back(c);
  search_text = search_text_of(data, p, companies, district, products);
  auto spans = [&](const std::vector<Milestone>& ms) {
    for (const Milestone& m : ms) milestone_spans.emplace_back(m.date.first_day(), m.date.last_day());
  };
  spans(p.milestones);
  for (const Unit& u : p.units) spans(u.milestones);
  known_since = project_known_since(data, p);
  cited_sources = indtrack::cited_sources(p);
  latest_report = latest_report_date(data, cited_sources);
  units.reserve(p.units.size());
  for (const Unit& u : p.units) units.emplace_back(data, u.milestones, u.status_reports);
  inherited = inherited_timelines(data, p);
  facility = facility_flags(p);
  unit_known = unit_known_since(data, p, known_since);

  std::vector<DayNumber> days;
  auto add_day = [&](DayNumber day) { days.push_back(day); };
  own.for_each_day(add_day);
  for (const StatusTimeline& unit : units) unit.for_each_day(add_day);
  for (const StatusTimeline& unit : inherited) unit.for_each_day(add_day);
  if (known_since) days.push_back(*known_since);
  for (const std::optional<DayNumber>& known : unit_known)
    if (known) days.push_back(*known);
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  for (DayNumber day : days) {
    const ProjectStatus status =
        project_status_from(own, units, known_since, day, &inherited, &facility, &unit_known);
    if (status_steps_.empty() || !same_span(status, status_steps_.back().status))
      status_steps_.push_back({day, status});
  }
}

ProjectStatus ProjectFacts::status_at(DayNumber day) const {
  const auto after = std::upper_bound(status_steps_.begin(), status_steps_.end(), day,
                                      [](DayNumber d, const StatusStep& s) { return d < s.from; });
  return after == status_steps_.begin() ? ProjectStatus{} : (after - 1)->status;
}

// Every source the project cites (cited_sources in dataset_index.h).
std::vector<int> cited_sources(const Project& p) {
  std::vector<int> out;
  auto cite = [&](const Evidence& e) {
    if (e.source >= 0) out.push_back(e.source);
  };
  if (p.park) cite(p.park->evidence);
  if (p.district) cite(p.district->evidence);
  for (const Investment& inv : p.investments) cite(inv.evidence);
  for (const StatedTotal& t : p.totals) cite(t.evidence);
  for (const Milestone& m : p.milestones) cite(m.evidence);
  for (const StatusReport& r : p.status_reports) cite(r.evidence);
  for (const Unit& u : p.units) {
    for (const CapacityFact& c : u.capacity) cite(c.evidence);
    for (const Milestone& m : u.milestones) cite(m.evidence);
    for (const StatusReport& r : u.status_reports) cite(r.evidence);
  }
  for (const Statement& st : p.evidence) cite(st.evidence);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

DatasetIndex::DatasetIndex(const Dataset& data) : data_(&data) {
  const int n = static_cast<int>(data.projects.size());
  // Projects are independent: large datasets index their two halves on two threads.
  constexpr int kParallelFrom = 4096;
  facts_.reserve(static_cast<std::size_t>(n));
  if (n < kParallelFrom || !can_run_in_parallel()) {
    for (int i = 0; i < n; ++i) facts_.emplace_back(data, i);
    return;
  }
  const int split = n / 2;
  std::vector<ProjectFacts> second;
  second.reserve(static_cast<std::size_t>(n - split));
  run_both(
      [&] {
        for (int i = 0; i < split; ++i) facts_.emplace_back(data, i);
      },
      [&] {
        for (int i = split; i < n; ++i) second.emplace_back(data, i);
      });
  std::move(second.begin(), second.end(), std::back_inserter(facts_));
}

DatasetIndex::DatasetIndex(const Dataset& data, const std::vector<int>& projects)
    : data_(&data), slot_(data.projects.size(), -1) {
  facts_.reserve(projects.size());
  for (int p : projects) {
    if (slot_[p] >= 0) continue;
    slot_[p] = static_cast<int>(facts_.size());
    facts_.emplace_back(data, p);
  }
}

}  // namespace indtrack
