// A message for the notices panel that is not a dataset problem: font fallback, a broken
// settings file, a file that could not be opened. Stored as a string id plus arguments so it is
// shown in whichever language the UI is in when it is drawn.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "app_model/strings.h"

namespace indtrack::ui {

struct Notice {
  enum class Level : unsigned char { Info, Warning, Error };
  Level level = Level::Info;
  Str format = Str::NoticeLoadedFmt;  // a ...Fmt string with %s / %d placeholders
  std::vector<std::string> args;      // already formatted, one per placeholder

  std::string text(Language language) const;
};

// Replaces each %s or %d of `format`, in order, with the next argument ("%%" is a percent sign).
// Missing arguments leave the placeholder empty; extra ones are ignored. Never reads past `args`.
std::string fill(std::string_view format, const std::vector<std::string>& args);
std::string fill(std::string_view format, std::initializer_list<std::string_view> args);

}  // namespace indtrack::ui
