// The two languages indtrack speaks: Chinese first, English on request. One type for the whole
// program — UI strings, dataset names, charts, exports, the command line's --lang. Which one the
// dashboard shows is owned by its settings (app_model/settings.h, AppState::language()); there is
// no global copy.
#pragma once

namespace indtrack {

enum class Language : unsigned char { Chinese, English };

// `zh` or `en` by language, for a pair of texts written side by side at the point of use
// (by_language(lang, "筛选：", "Filter: ")); arguments of the same type, returned as given.
template <class Text>
constexpr Text by_language(Language lang, Text zh, Text en) {
  return lang == Language::English ? en : zh;
}

}  // namespace indtrack
