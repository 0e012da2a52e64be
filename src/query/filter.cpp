#include "query/filter.h"

#include <algorithm>

#include "core/text.h"
#include "query/dataset_index.h"
#include "query/project_summary.h"
#include "query/status.h"

namespace indtrack {

bool FilterSpec::empty() const {
  return districts.empty() && parks.empty() && industries.empty() && products.empty() && companies.empty() &&
         statuses.empty() && !from && !to && !possibly_stalled && trim(search).empty();
}

std::string_view clock_id(Clock clock) { return clock == Clock::PublishedBy ? "published" : "now"; }

DayNumber as_of_day(const FilterSpec& f) {
  return f.as_of ? f.as_of->placement_day() : today().placement_day();
}

int project_district(const Dataset& data, const Project& p) { return district_of(data, p).district; }

std::vector<int> project_district_candidates(const Dataset& data, const Project& p) {
  std::vector<int> out;
  const DistrictOfProject primary = district_of(data, p);
  if (primary.district >= 0) out.push_back(primary.district);
  if (primary.basis == Basis::Conflicting && !primary.from_park && p.park && p.park->index >= 0) {
    const int park_district = data.parks[p.park->index].district;
    if (park_district >= 0 && park_district != primary.district) out.push_back(park_district);
  }
  return out;
}

std::vector<int> project_products(const Dataset& /*data*/, const Project& p) {
  std::vector<int> out = p.products;
  for (const Unit& u : p.units)
    if (u.product >= 0 && std::find(out.begin(), out.end(), u.product) == out.end()) out.push_back(u.product);
  return out;
}

std::vector<int> project_industries(const Dataset& data, const Project& p) {
  if (!p.industries.empty()) return p.industries;
  std::vector<int> out;
  for (int product : project_products(data, p)) {
    const int industry = data.products[product].industry;
    if (industry >= 0 && std::find(out.begin(), out.end(), industry) == out.end()) out.push_back(industry);
  }
  return out;
}

namespace {

bool contains(const std::vector<int>& set, int value) {
  return std::find(set.begin(), set.end(), value) != set.end();
}

bool intersects(const std::vector<int>& set, const std::vector<int>& values) {
  return std::any_of(values.begin(), values.end(), [&](int v) { return contains(set, v); });
}

bool any_text_contains(std::initializer_list<const std::string*> texts, std::string_view word) {
  for (const std::string* t : texts)
    if (t && contains_folded(*t, word)) return true;
  return false;
}

bool list_contains(const std::vector<std::string>& list, std::string_view word) {
  return std::any_of(list.begin(), list.end(),
                     [&](const std::string& s) { return contains_folded(s, word); });
}

// The search rule itself; the index's search text is the same texts lowered once.
bool word_matches(const Dataset& data, const Project& p, std::string_view word) {
  if (any_text_contains({&p.id, &p.name, &p.name_en}, word) || list_contains(p.aliases, word)) return true;
  for (int c = p.company, steps = 0; c >= 0 && steps < 32; c = data.companies[c].parent, ++steps) {
    const Company& co = data.companies[c];
    if (any_text_contains({&co.name, &co.short_name, &co.name_en}, word) || list_contains(co.aliases, word))
      return true;
  }
  if (p.park && p.park->index >= 0) {
    const Park& park = data.parks[p.park->index];
    if (any_text_contains({&park.name, &park.name_en}, word) || list_contains(park.aliases, word))
      return true;
  }
  const int district = project_district(data, p);
  if (district >= 0) {
    const District& d = data.districts[district];
    if (any_text_contains({&d.name, &d.name_en}, word) || list_contains(d.aliases, word)) return true;
  }
  for (int product : project_products(data, p)) {
    const Product& pr = data.products[product];
    if (any_text_contains({&pr.id, &pr.name, &pr.short_name, &pr.name_en}, word) ||
        list_contains(pr.aliases, word))
      return true;
  }
  for (const Unit& u : p.units)
    if (any_text_contains({&u.name, &u.name_en}, word)) return true;
  return false;
}

}  // namespace

namespace {

// What a filter needs once per filter change, not once per project.
struct PreparedFilter {
  const FilterSpec& spec;
  DayNumber as_of = 0;
  std::optional<std::pair<DayNumber, DayNumber>> range;  // milestone dates [from, to]
  std::vector<std::string> words;                        // search words, ASCII-lowered
};

PreparedFilter prepare(const FilterSpec& f) {
  PreparedFilter pf{f, as_of_day(f), std::nullopt, {}};
  if (f.from || f.to)
    pf.range = std::pair{f.from ? f.from->first_day() : INT32_MIN, f.to ? f.to->last_day() : INT32_MAX};
  for (std::string& word : split(ascii_lower(trim(f.search)), ' '))
    if (!word.empty()) pf.words.push_back(std::move(word));
  return pf;
}

// A project's derived facts as the filter asks for them, from a DatasetIndex...
struct IndexedFacts {
  const Dataset& data;
  const ProjectFacts& facts;
  const std::vector<int>& district_candidates() const { return facts.district_candidates; }
  const std::vector<int>& industries() const { return facts.industries; }
  const std::vector<int>& products() const { return facts.products; }
  bool in_company(const std::vector<int>& wanted) const { return intersects(wanted, facts.companies); }
  bool has_milestone_in(DayNumber from, DayNumber to) const {
    return std::any_of(facts.milestone_spans.begin(), facts.milestone_spans.end(),
                       [&](const auto& span) { return span.second >= from && span.first <= to; });
  }
  bool has_word(const std::string& word) const {
    // The lowered texts are joined with '\0': a word containing one could match across two.
    if (word.find('\0') != std::string::npos) return word_matches(data, data.projects[facts.project], word);
    return facts.search_text.find(word) != std::string::npos;
  }
  ProjectStatus status_at(DayNumber day) const { return facts.status_at(day); }
  std::optional<Date> latest_report(DayNumber day) const {
    return latest_report_date(data, facts.cited_sources, day);
  }
};

// ...or derived on the spot, and only when asked: a one-off filter over a Dataset costs no more
// than the filter itself (the GUI's facet counts run six of them per change).
struct OnTheSpotFacts {
  const Dataset& data;
  const Project& p;
  std::vector<int> district_candidates() const { return project_district_candidates(data, p); }
  std::vector<int> industries() const { return project_industries(data, p); }
  std::vector<int> products() const { return project_products(data, p); }
  bool in_company(const std::vector<int>& wanted) const {
    // Walk up the parent chain: selecting 君正 (the group) selects 君正化工 too.
    for (int c = p.company, steps = 0; c >= 0 && steps < 32; c = data.companies[c].parent, ++steps)
      if (contains(wanted, c)) return true;
    return false;
  }
  bool has_milestone_in(DayNumber from, DayNumber to) const {
    auto overlaps = [&](const Milestone& m) { return m.date.last_day() >= from && m.date.first_day() <= to; };
    if (std::any_of(p.milestones.begin(), p.milestones.end(), overlaps)) return true;
    return std::any_of(p.units.begin(), p.units.end(), [&](const Unit& u) {
      return std::any_of(u.milestones.begin(), u.milestones.end(), overlaps);
    });
  }
  bool has_word(const std::string& word) const { return word_matches(data, p, word); }
  ProjectStatus status_at(DayNumber day) const { return project_status_at(data, p, day); }
  std::optional<Date> latest_report(DayNumber day) const {
    return latest_report_date(data, cited_sources(p), day);
  }
};

// The filter rule, written once for both.
template <class Facts>
bool matches(const Project& p, const Facts& facts, const PreparedFilter& pf) {
  const FilterSpec& f = pf.spec;
  if (!f.districts.empty() && !intersects(f.districts, facts.district_candidates())) return false;
  if (!f.parks.empty() && !(p.park && contains(f.parks, p.park->index))) return false;
  if (!f.industries.empty() && !intersects(f.industries, facts.industries())) return false;
  if (!f.products.empty() && !intersects(f.products, facts.products())) return false;
  if (!f.companies.empty() && !facts.in_company(f.companies)) return false;
  if (pf.range && !facts.has_milestone_in(pf.range->first, pf.range->second)) return false;
  for (const std::string& word : pf.words)
    if (!facts.has_word(word)) return false;
  const ProjectStatus status = facts.status_at(pf.as_of);
  if (status.status == Status::Unknown) return false;
  if (!f.statuses.empty() &&
      std::find(f.statuses.begin(), f.statuses.end(), status.status) == f.statuses.end())
    return false;
  if (f.possibly_stalled && !possibly_stalled(status, facts.latest_report(pf.as_of), pf.as_of)) return false;
  return true;
}

}  // namespace

bool project_matches(const Dataset& data, int index, const FilterSpec& f) {
  const Project& p = data.projects[index];
  return matches(p, OnTheSpotFacts{data, p}, prepare(f));
}

std::vector<int> filter_projects(const DatasetIndex& index, const FilterSpec& f) {
  const PreparedFilter pf = prepare(f);
  const Dataset& data = index.data();
  std::vector<int> out;
  for (int i = 0; i < static_cast<int>(index.size()); ++i)
    if (matches(data.projects[i], IndexedFacts{data, index.facts(i)}, pf)) out.push_back(i);
  return out;
}

std::vector<int> filter_projects(const Dataset& data, const FilterSpec& f) {
  const PreparedFilter pf = prepare(f);
  std::vector<int> out;
  for (int i = 0; i < static_cast<int>(data.projects.size()); ++i)
    if (matches(data.projects[i], OnTheSpotFacts{data, data.projects[i]}, pf)) out.push_back(i);
  return out;
}

}  // namespace indtrack
