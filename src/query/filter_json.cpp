// The filter as stored in the settings (filter_json.h).
#include "query/filter_json.h"

#include <algorithm>
#include <optional>
#include <string>

namespace indtrack {

namespace {

template <class T>
nlohmann::json ids_of(const std::vector<T>& items, const std::vector<int>& indices) {
  nlohmann::json out = nlohmann::json::array();
  for (int i : indices)
    if (i >= 0 && i < static_cast<int>(items.size())) out.push_back(items[static_cast<std::size_t>(i)].id);
  return out;
}

template <class Find>
std::vector<int> indices_of(const nlohmann::json& json, const char* key, Find&& find) {
  std::vector<int> out;
  const auto it = json.find(key);
  if (it == json.end() || !it->is_array()) return out;
  for (const auto& id : *it) {
    if (!id.is_string()) continue;
    const int index = find(id.get<std::string>());
    if (index >= 0 && std::find(out.begin(), out.end(), index) == out.end()) out.push_back(index);
  }
  return out;
}

std::optional<Date> date_field(const nlohmann::json& json, const char* key) {
  const auto it = json.find(key);
  if (it == json.end() || !it->is_string()) return std::nullopt;
  return parse_date(it->get<std::string>()).date;
}

}  // namespace

nlohmann::json filter_to_json(const Dataset& data, const FilterSpec& f) {
  nlohmann::json out = nlohmann::json::object();
  if (!f.districts.empty()) out["districts"] = ids_of(data.districts, f.districts);
  if (!f.parks.empty()) out["parks"] = ids_of(data.parks, f.parks);
  if (!f.industries.empty()) out["industries"] = ids_of(data.industries, f.industries);
  if (!f.products.empty()) out["products"] = ids_of(data.products, f.products);
  if (!f.companies.empty()) out["companies"] = ids_of(data.companies, f.companies);
  if (!f.statuses.empty()) {
    nlohmann::json statuses = nlohmann::json::array();
    for (Status s : f.statuses) statuses.push_back(std::string(id_of(s)));
    out["statuses"] = statuses;
  }
  if (f.from) out["from"] = f.from->to_string();
  if (f.to) out["to"] = f.to->to_string();
  if (f.as_of) out["as_of"] = f.as_of->to_string();
  if (f.clock == Clock::PublishedBy) out["clock"] = "published";
  if (f.possibly_stalled) out["possibly_stalled"] = true;
  if (!f.search.empty()) out["search"] = f.search;
  return out;
}

FilterSpec filter_from_json(const Dataset& data, const nlohmann::json& json) {
  FilterSpec f;
  if (!json.is_object()) return f;
  f.districts = indices_of(json, "districts", [&](const std::string& id) { return data.find_district(id); });
  f.parks = indices_of(json, "parks", [&](const std::string& id) { return data.find_park(id); });
  f.industries =
      indices_of(json, "industries", [&](const std::string& id) { return data.find_industry(id); });
  f.products = indices_of(json, "products", [&](const std::string& id) { return data.find_product(id); });
  f.companies = indices_of(json, "companies", [&](const std::string& id) { return data.find_company(id); });
  if (const auto it = json.find("statuses"); it != json.end() && it->is_array()) {
    for (const auto& id : *it)
      if (id.is_string())
        if (const auto s = vocabulary_from_id(statuses(), id.get<std::string>()); s && *s != Status::Unknown)
          f.statuses.push_back(*s);
  }
  f.from = date_field(json, "from");
  f.to = date_field(json, "to");
  f.as_of = date_field(json, "as_of");
  if (const auto it = json.find("clock"); it != json.end() && *it == "published")
    f.clock = Clock::PublishedBy;
  if (const auto it = json.find("possibly_stalled"); it != json.end() && *it == true)
    f.possibly_stalled = true;
  if (const auto it = json.find("search"); it != json.end() && it->is_string())
    f.search = it->get<std::string>();
  return f;
}

}  // namespace indtrack
