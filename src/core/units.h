// Physical and money units as written in sources, and their canonical program units.
// Inside the program capacity is tonnes per year (t/a), power kW, energy kWh per year,
// gas flow Nm³/h, money yuan; the UI shows 万吨/年 and 亿元.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace indtrack {

enum class Dimension { MassPerYear, Power, EnergyPerYear, GasFlow, Money, Count };

struct UnitInfo {
  std::string_view name;  // as written in the dataset: "万吨/年"
  Dimension dimension;
  double to_canonical;         // multiply a value in this unit to get the canonical unit
  std::string_view canonical;  // "t/a", "kW", "kWh/a", "Nm3/h", "CNY", "count"
};

// Known unit names ("万吨/年", "t/a", "亿元", "GW", "万千瓦", ...). nullopt for unknown names.
std::optional<UnitInfo> find_unit(std::string_view name);
const std::vector<UnitInfo>& all_units();
std::string_view canonical_unit_name(Dimension d);
std::string_view dimension_name(Dimension d);  // "capacity (mass per year)", ...

// Display helpers for the UI and exports.
double tonnes_to_wan_tonnes(double tonnes_per_year);  // t/a -> 万吨/年
double yuan_to_yi(double yuan);                       // 元 -> 亿元

// A number without trailing zeros and at most `max_decimals` decimals: 31.2, 105, 0.35; from
// 1e15 on, the shortest exact form: 1e+308.
std::string format_number(double value, int max_decimals = 2);
// The shortest text that reads back as exactly `value`: 5e-324, 0.1, 1e+308 (for messages about
// the number itself).
std::string format_exact(double value);

}  // namespace indtrack

namespace indtrack {

// A canonical amount in the unit the UI shows for its dimension: t/a -> 万吨/年, kW -> 万千瓦,
// kWh/a -> GWh/年, CNY -> 亿元.
struct DisplayAmount {
  double value = 0;
  std::string_view unit;     // "万吨/年"
  std::string_view unit_en;  // "10k t/a"
};
DisplayAmount display_amount(double canonical, Dimension d);
// The same amount for English text, in the units English reports use: t/a -> kt/a, kW -> MW,
// kWh/a -> GWh/a, CNY -> bn CNY ("100 kt/a", never "10 10k t/a"). Charts keep display_amount's
// scale in both languages, so a chart's numbers do not change with the language.
DisplayAmount english_text_amount(double canonical, Dimension d);
// "31.2万吨/年"; in English "312 kt/a".
std::string format_amount(double canonical, Dimension d, bool english = false);

}  // namespace indtrack
