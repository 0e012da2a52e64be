#include "model/dataset.h"

#include "core/text.h"

namespace indtrack {

int Dataset::lookup(const Index& index, std::string_view id) {
  const auto it = index.find(std::string(id));
  return it == index.end() ? -1 : it->second;
}

int Dataset::find_source(std::string_view id) const { return lookup(source_index_, id); }
int Dataset::find_district(std::string_view id) const { return lookup(district_index_, id); }
int Dataset::find_park(std::string_view id) const { return lookup(park_index_, id); }
int Dataset::find_industry(std::string_view id) const { return lookup(industry_index_, id); }
int Dataset::find_product(std::string_view id) const { return lookup(product_index_, id); }
int Dataset::find_company(std::string_view id) const { return lookup(company_index_, id); }
int Dataset::find_project(std::string_view id) const { return lookup(project_index_, id); }

template <class T>
static void index_ids(const std::vector<T>& items, std::unordered_map<std::string, int>& index) {
  index.clear();
  index.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i)
    index.emplace(items[i].id, static_cast<int>(i));  // first wins; duplicates are reported by the validator
}

void Dataset::rebuild_index() {
  index_ids(sources, source_index_);
  index_ids(districts, district_index_);
  index_ids(parks, park_index_);
  index_ids(industries, industry_index_);
  index_ids(products, product_index_);
  index_ids(companies, company_index_);
  index_ids(projects, project_index_);
}

std::optional<Date> reported_date(const Dataset& data, const Milestone& m) {
  if (m.reported) return m.reported;
  if (m.evidence.source >= 0 && m.evidence.source < static_cast<int>(data.sources.size()))
    return data.sources[m.evidence.source].date;
  return std::nullopt;
}

std::optional<Date> as_of_date(const Dataset& data, const StatusReport& r) {
  if (r.as_of) return r.as_of;
  if (r.evidence.source >= 0 && r.evidence.source < static_cast<int>(data.sources.size()))
    return data.sources[r.evidence.source].date;
  return std::nullopt;
}

DistrictOfProject district_of(const Dataset& data, const Project& p) {
  DistrictOfProject out;
  if (p.district && p.district->index >= 0) {
    out.district = p.district->index;
    out.basis = p.district->evidence.basis;
    out.evidence = &p.district->evidence;
    return out;
  }
  if (p.park && p.park->index >= 0) {
    const Park& park = data.parks[p.park->index];
    out.district = park.district;
    out.from_park = true;
    out.basis =
        park.district_evidence.basis == Basis::Stated ? Basis::Inferred : park.district_evidence.basis;
    out.evidence = &park.district_evidence;
  }
  return out;
}

bool scope_applies(const FactScope& scope, const Unit& u) {
  if (scope.product >= 0 && scope.product != u.product) return false;
  if (!scope.phase.empty() && scope.phase != u.phase) return false;
  return true;
}

std::string publisher_text(const Source& s, bool english) {
  if (s.via.empty()) return s.publisher;
  return english ? s.publisher + ", via " + s.via : s.publisher + "，经" + s.via + "转载";
}

const std::string& display_name(const Company& c) { return c.short_name.empty() ? c.name : c.short_name; }

const std::string& display_name(const Product& p, bool english) {
  if (!p.short_name.empty() && (!english || is_ascii(p.short_name))) return p.short_name;
  return english && !p.name_en.empty() ? p.name_en : p.name;
}

}  // namespace indtrack
