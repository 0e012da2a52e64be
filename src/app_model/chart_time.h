// The charts' time range as the dashboard's presets name it: 全部, 十四五 (2021–2025), 近三年, 今年.
// A preset sets the visible time axis of the capacity chart and the timeline (which share one) and
// of the plan-versus-actual chart; it filters no project (the filter's milestone dates, --from and
// --to, do). 近三年 and 今年 count from the as-of date: the day the dashboard reads the data at.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "app_model/strings.h"
#include "core/date.h"

namespace indtrack::ui {

enum class TimePreset : unsigned char { All, Plan14, LastThreeYears, ThisYear };

// Days [first, last) of the time axis, as the charts' TimeRange holds them.
struct AxisRange {
  double first = 0, last = 0;
  friend bool operator==(const AxisRange&, const AxisRange&) = default;
};

// The range a preset shows at `as_of`; nullopt for 全部 (each chart fits its data).
std::optional<AxisRange> time_preset_range(TimePreset preset, DayNumber as_of);
// The preset `shown` is (nullopt `shown`: fitted, i.e. 全部); nullopt when the user zoomed or
// panned elsewhere.
std::optional<TimePreset> preset_shown(const std::optional<AxisRange>& shown, DayNumber as_of);

std::span<const TimePreset> time_presets();
Str time_preset_label(TimePreset preset);

// What the dashboard asked the charts to show: the chart panel applies a request once, when its
// serial is new, and reports the range it shows back (AppState::chart_time_shown).
struct ChartTimeRequest {
  TimePreset preset = TimePreset::All;
  std::uint64_t serial = 0;  // 0: nothing asked yet
};

}  // namespace indtrack::ui
