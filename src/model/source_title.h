// A source's title is its headline. When the copy we hold or cite lost it, the title is our
// description opened by one mark, "[标题未保存] …", so that it never passes for a headline.
#pragma once

#include <string_view>

#include "model/dataset.h"

namespace indtrack {

inline constexpr std::string_view kHeadlineNotKept = "[标题未保存]";

inline bool headline_lost(const Source& s) { return std::string_view(s.title).starts_with(kHeadlineNotKept); }

}  // namespace indtrack
