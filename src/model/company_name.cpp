// A company's short display name (company_name.h).
#include "model/company_name.h"

namespace indtrack {

namespace {

// Where companies of this dataset are registered: the provinces and the cities of the region.
constexpr std::string_view kPlaces[] = {
    "Inner Mongolia ", "Wuhai ",  "Ordos ",   "Baotou ",    "Hohhot ",  "Alxa ",    "Beijing ",  "Shanghai ",
    "Tianjin ",        "Hebei ",  "Shanxi ",  "Shaanxi ",   "Ningxia ", "Gansu ",   "Zhejiang ", "Jiangsu ",
    "Shandong ",       "Henan ",  "Anhui ",   "Hubei ",     "Hunan ",   "Sichuan ", "Xinjiang ", "Liaoning ",
    "Guangdong ",      "Fujian ", "Jiangxi ", "Guangzhou ", "Shenzhen "};
// Legal forms, and the generic words before them that say nothing of which company it is.
constexpr std::string_view kForms[] = {" Co., Ltd.",       " Co., Ltd",     " Co. Ltd.", " Co.,Ltd.",
                                       " Company Limited", " Limited",      " Ltd.",     " Co.",
                                       " Corporation",     " Corp.",        " Inc.",     ",",
                                       " Technology",      " Technologies", " Science",  " &"};

// " (Wuhai)": a place in brackets inside the name.
void drop_bracketed_place(std::string& s) {
  for (const std::string_view place : kPlaces) {
    std::string bracketed = " (" + std::string(place.substr(0, place.size() - 1)) + ")";
    for (std::size_t at = s.find(bracketed); at != std::string::npos; at = s.find(bracketed))
      s.erase(at, bracketed.size());
  }
}

}  // namespace

std::string short_english_name(std::string_view name_en) {
  std::string s(name_en);
  drop_bracketed_place(s);
  std::string_view v = s;
  for (bool changed = true; changed;) {
    changed = false;
    for (const std::string_view form : kForms)
      if (v.ends_with(form) && v.size() > form.size()) {
        v.remove_suffix(form.size());
        changed = true;
      }
    for (const std::string_view place : kPlaces)
      if (v.starts_with(place) && v.size() > place.size()) {
        v.remove_prefix(place.size());
        for (const std::string_view kind : {"City ", "Province "})  // "Wuhai City Guangjin"
          if (v.starts_with(kind) && v.size() > kind.size()) v.remove_prefix(kind.size());
        changed = true;
      }
  }
  return v.empty() ? std::string(name_en) : std::string(v);
}

std::string company_short_name(const Company& c, Language language) {
  if (language == Language::English && !c.name_en.empty()) return short_english_name(c.name_en);
  return display_name(c);
}

}  // namespace indtrack
