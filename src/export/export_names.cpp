// Suggested export file names (export_names.h).
#include "export/export_names.h"

#include "chart/chart_strings.h"
#include "chart_kinds/chart_series.h"
#include "query/filter.h"

namespace indtrack {

namespace {

constexpr std::size_t kMaxNameBytes = 120;  // room for a folder and an extension under 255

bool refused(unsigned char ch) {
  return ch < 0x20 || ch == 0x7F || ch == '/' || ch == '\\' || ch == ':' || ch == '*' || ch == '?' ||
         ch == '"' || ch == '<' || ch == '>' || ch == '|';
}

bool trimmed(char ch) { return ch == ' ' || ch == '.' || ch == '_'; }

}  // namespace

std::string sanitize_file_name(std::string_view name) {
  std::string out;
  for (const char ch : name) {
    if (!refused(static_cast<unsigned char>(ch))) {
      out += ch;
    } else if (out.empty() || out.back() != '_') {
      out += '_';
    }
  }
  std::size_t first = 0;
  while (first < out.size() && trimmed(out[first])) ++first;
  out.erase(0, first);
  if (out.size() > kMaxNameBytes) {
    std::size_t cut = kMaxNameBytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    out.resize(cut);
  }
  while (!out.empty() && trimmed(out.back())) out.pop_back();
  return out.empty() ? "indtrack" : out;
}

std::string default_chart_file_name(const Dataset& data, const FilterSpec& spec, ChartKind kind,
                                    const ChartOptions& options, Language lang) {
  const bool english = lang == Language::English;
  std::vector<std::string> parts;
  int chart_product_index = -1;
  if (kind == ChartKind::Capacity) {
    chart_product_index = chart_product(data, spec, options);
    const std::string product = product_name(data, chart_product_index, lang);
    parts.push_back(english ? product + " capacity" : product + "产能");
  } else {
    parts.emplace_back(chart_kind_label(kind, lang));
  }
  auto add = [&](const std::vector<std::string>& names) {
    std::string joined;
    for (const std::string& n : names) joined += (joined.empty() ? "" : (english ? "+" : "、")) + n;
    if (!joined.empty()) parts.push_back(joined);
  };
  std::vector<std::string> names;
  for (const int i : spec.districts) names.push_back(name_in(data.districts[i], lang));
  add(names);
  names.clear();
  for (const int i : spec.parks) names.push_back(name_in(data.parks[i], lang));
  add(names);
  names.clear();
  for (const int i : spec.industries) names.push_back(name_in(data.industries[i], lang));
  add(names);
  names.clear();
  for (const int i : spec.products)
    if (i != chart_product_index) names.push_back(product_name(data, i, lang));
  add(names);
  names.clear();
  for (const int i : spec.companies) names.push_back(display_name(data.companies[i]));
  add(names);
  names.clear();
  for (const Status s : spec.statuses) names.emplace_back(chart::status_label(s, lang));
  add(names);
  const std::string as_of = Date::from_days(as_of_day(spec)).to_string();
  parts.push_back(english ? "as of " + as_of : "截至" + as_of);
  std::string name;
  for (const std::string& p : parts) name += (name.empty() ? "" : "_") + p;
  return sanitize_file_name(name);
}

}  // namespace indtrack
