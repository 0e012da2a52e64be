#include "query/filter.h"

#include <algorithm>

#include "core/text.h"
#include "query/status.h"

namespace indtrack {

bool FilterSpec::empty() const {
  return districts.empty() && parks.empty() && industries.empty() && products.empty() &&
         companies.empty() && statuses.empty() && !from && !to && trim(search).empty();
}

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

bool company_matches(const Dataset& data, int company, const std::vector<int>& wanted) {
  // Walk up the parent chain: selecting 君正 (the group) selects 君正化工 too.
  for (int c = company, steps = 0; c >= 0 && steps < 32; c = data.companies[c].parent, ++steps)
    if (contains(wanted, c)) return true;
  return false;
}

bool milestones_overlap(const std::vector<Milestone>& ms, DayNumber from, DayNumber to) {
  return std::any_of(ms.begin(), ms.end(), [&](const Milestone& m) {
    return m.date.last_day() >= from && m.date.first_day() <= to;
  });
}

bool any_text_contains(std::initializer_list<const std::string*> texts, std::string_view word) {
  for (const std::string* t : texts)
    if (t && contains_folded(*t, word)) return true;
  return false;
}

bool list_contains(const std::vector<std::string>& list, std::string_view word) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& s) { return contains_folded(s, word); });
}

bool word_matches(const Dataset& data, const Project& p, std::string_view word) {
  if (any_text_contains({&p.id, &p.name, &p.name_en}, word) || list_contains(p.aliases, word)) return true;
  for (int c = p.company, steps = 0; c >= 0 && steps < 32; c = data.companies[c].parent, ++steps) {
    const Company& co = data.companies[c];
    if (any_text_contains({&co.name, &co.short_name, &co.name_en}, word) || list_contains(co.aliases, word))
      return true;
  }
  if (p.park && p.park->index >= 0) {
    const Park& park = data.parks[p.park->index];
    if (any_text_contains({&park.name, &park.name_en}, word) || list_contains(park.aliases, word)) return true;
  }
  const int district = project_district(data, p);
  if (district >= 0) {
    const District& d = data.districts[district];
    if (any_text_contains({&d.name, &d.name_en}, word) || list_contains(d.aliases, word)) return true;
  }
  for (int product : project_products(data, p)) {
    const Product& pr = data.products[product];
    if (any_text_contains({&pr.id, &pr.name, &pr.short_name, &pr.name_en}, word) || list_contains(pr.aliases, word))
      return true;
  }
  for (const Unit& u : p.units)
    if (any_text_contains({&u.name, &u.name_en}, word)) return true;
  return false;
}

}  // namespace

bool project_matches(const Dataset& data, int index, const FilterSpec& f) {
  const Project& p = data.projects[index];
  if (!f.districts.empty() && !intersects(f.districts, project_district_candidates(data, p))) return false;
  if (!f.parks.empty() && !(p.park && contains(f.parks, p.park->index))) return false;
  if (!f.industries.empty() && !intersects(f.industries, project_industries(data, p))) return false;
  if (!f.products.empty() && !intersects(f.products, project_products(data, p))) return false;
  if (!f.companies.empty() && !company_matches(data, p.company, f.companies)) return false;
  if (f.from || f.to) {
    const DayNumber from = f.from ? f.from->first_day() : INT32_MIN;
    const DayNumber to = f.to ? f.to->last_day() : INT32_MAX;
    bool overlap = milestones_overlap(p.milestones, from, to);
    for (const Unit& u : p.units) overlap = overlap || milestones_overlap(u.milestones, from, to);
    if (!overlap) return false;
  }
  const std::string search = ascii_lower(trim(f.search));
  if (!search.empty()) {
    for (const std::string& word : split(search, ' '))
      if (!word.empty() && !word_matches(data, p, word)) return false;
  }
  const ProjectStatus status = project_status_at(data, p, as_of_day(f));
  if (status.status == Status::Unknown) return false;
  if (!f.statuses.empty() &&
      std::find(f.statuses.begin(), f.statuses.end(), status.status) == f.statuses.end())
    return false;
  return true;
}

std::vector<int> filter_projects(const Dataset& data, const FilterSpec& f) {
  std::vector<int> out;
  for (int i = 0; i < static_cast<int>(data.projects.size()); ++i)
    if (project_matches(data, i, f)) out.push_back(i);
  return out;
}

}  // namespace indtrack
