// The name a company goes by where many are listed (table column, chart legend, filter list): in
// Chinese its short name (华恒); in English, which has no short names in the data, its English
// name without where it is registered and without its legal form:
//   "Inner Mongolia Huaheng Energy Technology Co., Ltd." -> "Huaheng Energy"
//   "Wuhai City Guangjin New Materials Co., Ltd."        -> "Guangjin New Materials"
//   "Qingtao (Wuhai) Energy Technology Co., Ltd."        -> "Qingtao Energy"
// Rule: a place in brackets goes, then trailing legal forms and the generic words that follow a
// brand ("Co., Ltd.", "Limited", "Technology", ...) and leading provinces and cities ("Inner
// Mongolia ", "Wuhai City ", "Beijing ", ...), repeatedly, each only while something is left after
// it ("Inner Mongolia Co., Ltd." -> "Inner Mongolia"). Every company of a region starts with the same place
// and ends with the same form, so neither tells two rows apart. The full legal name stays in the detail panel
// and tooltips.
#pragma once

#include <string>
#include <string_view>

#include "model/dataset.h"

namespace indtrack {

std::string short_english_name(std::string_view name_en);

// short_english_name of name_en in English when there is one, else display_name (the Chinese
// short name, or the full name).
std::string company_short_name(const Company& c, Language language);

}  // namespace indtrack
