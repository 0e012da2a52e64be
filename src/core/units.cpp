#include "core/units.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace indtrack {

const std::vector<UnitInfo>& all_units() {
  static const std::vector<UnitInfo> kUnits = {
      {"t/a", Dimension::MassPerYear, 1.0, "t/a"},
      {"吨/年", Dimension::MassPerYear, 1.0, "t/a"},
      {"万吨/年", Dimension::MassPerYear, 1e4, "t/a"},
      {"kW", Dimension::Power, 1.0, "kW"},
      {"MW", Dimension::Power, 1e3, "kW"},
      {"GW", Dimension::Power, 1e6, "kW"},
      {"万千瓦", Dimension::Power, 1e4, "kW"},
      {"kWh/a", Dimension::EnergyPerYear, 1.0, "kWh/a"},
      {"万kWh/年", Dimension::EnergyPerYear, 1e4, "kWh/a"},
      {"亿kWh/年", Dimension::EnergyPerYear, 1e8, "kWh/a"},
      {"GWh/年", Dimension::EnergyPerYear, 1e6, "kWh/a"},  // battery output: 10吉瓦时 a year
      {"吉瓦时/年", Dimension::EnergyPerYear, 1e6, "kWh/a"},
      {"Nm3/h", Dimension::GasFlow, 1.0, "Nm3/h"},
      {"标立方米/小时", Dimension::GasFlow, 1.0, "Nm3/h"},
      {"元", Dimension::Money, 1.0, "CNY"},
      {"万元", Dimension::Money, 1e4, "CNY"},
      {"亿元", Dimension::Money, 1e8, "CNY"},
      {"CNY", Dimension::Money, 1.0, "CNY"},
      {"billion yuan", Dimension::Money, 1e9, "CNY"},  // English-language reports
      {"个", Dimension::Count, 1.0, "count"},
      {"家", Dimension::Count, 1.0, "count"},
      {"项", Dimension::Count, 1.0, "count"},
  };
  return kUnits;
}

std::optional<UnitInfo> find_unit(std::string_view name) {
  for (const UnitInfo& u : all_units())
    if (u.name == name) return u;
  return std::nullopt;
}

std::string_view canonical_unit_name(Dimension d) {
  switch (d) {
    case Dimension::MassPerYear:
      return "t/a";
    case Dimension::Power:
      return "kW";
    case Dimension::EnergyPerYear:
      return "kWh/a";
    case Dimension::GasFlow:
      return "Nm3/h";
    case Dimension::Money:
      return "CNY";
    case Dimension::Count:
      return "count";
  }
  return "";
}

std::string_view dimension_name(Dimension d) {
  switch (d) {
    case Dimension::MassPerYear:
      return "capacity (mass per year)";
    case Dimension::Power:
      return "power";
    case Dimension::EnergyPerYear:
      return "energy per year";
    case Dimension::GasFlow:
      return "gas flow";
    case Dimension::Money:
      return "money";
    case Dimension::Count:
      return "count";
  }
  return "";
}

double tonnes_to_wan_tonnes(double tonnes_per_year) { return tonnes_per_year / 1e4; }
double yuan_to_yi(double yuan) { return yuan / 1e8; }

std::string format_exact(double value) {
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, ec == std::errc() ? end : buf);
}

std::string format_number(double value, int max_decimals) {
  if (!std::isfinite(value)) return "—";
  char buf[64];
  // Beyond 15 digits fixed notation would be cut off at the buffer (1e308 has 309 digits): such
  // numbers are written in the shortest form that reads back as the same double (1e+308,
  // 1.2345678901234568e+29). Below the decimals shown a number rounds to 0, as charts want.
  if (std::fabs(value) >= 1e15) {
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    return std::string(buf, ec == std::errc() ? end : buf);
  }
  std::snprintf(buf, sizeof buf, "%.*f", max_decimals, value);
  std::string s(buf);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

}  // namespace indtrack

namespace indtrack {

DisplayAmount display_amount(double canonical, Dimension d) {
  switch (d) {
    case Dimension::MassPerYear:
      return {canonical / 1e4, "万吨/年", "10k t/a"};
    case Dimension::Power:  // photovoltaic lines are quoted in GW
      if (canonical >= 1e6) return {canonical / 1e6, "GW", "GW"};
      return {canonical / 1e4, "万千瓦", "10 MW"};
    case Dimension::EnergyPerYear:  // battery output is quoted in 吉瓦时 (GWh) a year
      return {canonical / 1e6, "GWh/年", "GWh/a"};
    case Dimension::GasFlow:
      return {canonical, "Nm3/h", "Nm3/h"};
    case Dimension::Money:
      return {canonical / 1e8, "亿元", "100M CNY"};
    case Dimension::Count:
      return {canonical, "个", ""};
  }
  return {canonical, "", ""};
}

DisplayAmount english_text_amount(double canonical, Dimension d) {
  switch (d) {
    case Dimension::MassPerYear:
      return {canonical / 1e3, "kt/a", "kt/a"};
    case Dimension::Power:
      if (canonical >= 1e6) return {canonical / 1e6, "GW", "GW"};
      return {canonical / 1e3, "MW", "MW"};
    case Dimension::EnergyPerYear:
      return {canonical / 1e6, "GWh/a", "GWh/a"};
    case Dimension::Money:
      return {canonical / 1e9, "bn CNY", "bn CNY"};
    case Dimension::GasFlow:
    case Dimension::Count:
      break;
  }
  return display_amount(canonical, d);
}

std::string format_amount(double canonical, Dimension d, bool english) {
  const DisplayAmount a = english ? english_text_amount(canonical, d) : display_amount(canonical, d);
  const std::string_view unit = english ? a.unit_en : a.unit;
  std::string out = format_number(a.value, 2);
  if (english && !unit.empty()) out += ' ';
  out += unit;
  return out;
}

}  // namespace indtrack
