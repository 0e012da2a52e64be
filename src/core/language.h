// The two languages indtrack speaks: Chinese first, English on request. One type for the whole
// program — UI strings, dataset names, charts, exports, the command line's --lang. Which one the
// dashboard shows is owned by its settings (app_model/settings.h, AppState::language()); there is
// no global copy.
#pragma once

namespace indtrack {

enum class Language : unsigned char { Chinese, English };

}  // namespace indtrack
