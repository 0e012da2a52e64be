// The charts' time presets (chart_time.h).
#include "app_model/chart_time.h"

namespace indtrack::ui {

std::optional<AxisRange> time_preset_range(TimePreset preset, DayNumber as_of) {
  int year = 0, month = 0, day = 0;
  civil_from_days(as_of, year, month, day);
  auto days = [](int y, int m, int d) { return static_cast<double>(days_from_civil(y, m, d)); };
  switch (preset) {
    case TimePreset::All:
      return std::nullopt;
    case TimePreset::Plan14:
      return AxisRange{days(2021, 1, 1), days(2026, 1, 1)};
    // Three years up to the as-of day, the day itself included.
    case TimePreset::LastThreeYears:
      return AxisRange{days(year - 3, month, month == 2 && day == 29 ? 28 : day),
                       static_cast<double>(as_of) + 1};
    case TimePreset::ThisYear:
      return AxisRange{days(year, 1, 1), days(year + 1, 1, 1)};
  }
  return std::nullopt;
}

std::optional<TimePreset> preset_shown(const std::optional<AxisRange>& shown, DayNumber as_of) {
  if (!shown) return TimePreset::All;
  for (const TimePreset p : time_presets())
    if (time_preset_range(p, as_of) == shown) return p;
  return std::nullopt;
}

std::span<const TimePreset> time_presets() {
  static constexpr TimePreset kAll[] = {TimePreset::All, TimePreset::Plan14, TimePreset::LastThreeYears,
                                        TimePreset::ThisYear};
  return kAll;
}

Str time_preset_label(TimePreset preset) {
  switch (preset) {
    case TimePreset::All:
      return Str::TimeAll;
    case TimePreset::Plan14:
      return Str::TimePlan14;
    case TimePreset::LastThreeYears:
      return Str::TimeLastThree;
    case TimePreset::ThisYear:
      return Str::TimeThisYear;
  }
  return Str::TimeAll;
}

}  // namespace indtrack::ui
