#include "chart/chart_strings.h"

namespace indtrack::chart {

const ChartStrings& chart_strings(Language lang) {
  static const ChartStrings kZh{
      .no_data = "当前筛选条件下没有数据",
      .as_of = "截至",
      .today = "今天",
      .actual = "实际",
      .expected = "预计",
      .milestone = "节点",
      .total = "总投资",
      .completed = "已完成投资",
      .sum = "合计",
      .year = "年份",
      .approximate_prefix = "约",
      .placed_at = "绘制于",
      .reference = "官方数据",
      .overdue = "预计日期已过，仍未实现",
      .inferred = "推断（斜纹）",
      .inferred_short = "推断",
      .partly = "部分投产（下半为其余生产线）",
      .uncertain_start = "开始日期不精确（淡色：可能区间）",
      .stalled = "可能停滞（两年无报道）",
      .start_not_reported = "开始日期未报道",
      .not_before = "不早于",
      .certain_from = "确定自",
      .by_status = "按状态",
      .lines_inferred = "其中状态为推断（斜纹）",
  };
  static const ChartStrings kEn{
      .no_data = "No data for this filter",
      .as_of = "as of",
      .today = "today",
      .actual = "actual",
      .expected = "expected",
      .milestone = "milestone",
      .total = "total",
      .completed = "invested so far",
      .sum = "total",
      .year = "year",
      .approximate_prefix = "~",
      .placed_at = "drawn at",
      .reference = "official figure",
      .overdue = "expected date has passed; not yet reported as done",
      .inferred = "inferred (striped)",
      .inferred_short = "inferred",
      .partly = "partly operating (lower half: the other lines)",
      .uncertain_start = "start not known to the day (faded: when it can have been)",
      .stalled = "possibly stalled (no news for 2 years)",
      .start_not_reported = "start date not reported",
      .not_before = "not before",
      .certain_from = "certain from",
      .by_status = "by status",
      .lines_inferred = "of which status inferred (striped)",
  };
  return lang == Language::Chinese ? kZh : kEn;
}

std::string month_label(int month, Language lang) {
  static constexpr const char* kEn[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (month < 1 || month > 12) return {};
  if (lang == Language::English) return kEn[month - 1];
  std::string s = std::to_string(month);
  s += "月";
  return s;
}

std::string year_label(int year, Language lang) {
  std::string s = std::to_string(year);
  if (lang == Language::Chinese) s += "年";
  return s;
}

std::string quarter_label(int quarter, Language) {
  std::string s = "Q";
  s += std::to_string(quarter);
  return s;
}

std::string day_label(int day, Language lang) {
  std::string s = std::to_string(day);
  if (lang == Language::Chinese) s += "日";
  return s;
}

std::string year_month_label(int year, int month, Language lang) {
  std::string s;
  if (lang == Language::Chinese) {
    s += std::to_string(year);
    s += "年";
    s += std::to_string(month);
    s += "月";
  } else {
    s += month_label(month, lang);
    s += ' ';
    s += std::to_string(year);
  }
  return s;
}

std::string items_label(std::size_t count, Language lang) {
  std::string s = std::to_string(count);
  s += lang == Language::Chinese ? "项" : " items";
  return s;
}

std::string more_label(std::size_t count, Language lang) {
  std::string s = lang == Language::Chinese ? "另有" : "";
  s += std::to_string(count);
  s += lang == Language::Chinese ? "项未显示" : " more not shown";
  return s;
}

std::string as_of_label(DayNumber day, Language lang) {
  std::string s(chart_strings(lang).as_of);
  s += ' ';
  s += Date::from_days(day).to_string();
  return s;
}

std::string level_before_label(DayNumber day, const std::string& value_and_unit, Language lang) {
  int y = 0, m = 0, d = 0;
  civil_from_days(day, y, m, d);
  const std::string when = d != 1   ? Date::from_days(day).to_string()
                           : m == 1 ? year_label(y, lang)
                                    : year_month_label(y, m, lang);
  if (lang == Language::Chinese) return when + "前已有 " + value_and_unit;
  return value_and_unit + " before " + when;
}

std::string total_label(const std::string& value, Language lang) {
  return (lang == Language::Chinese ? "合计 " : "Total ") + value;
}

std::string rows_cut_label(std::size_t hidden, std::size_t shown, std::size_t undated, Language lang) {
  const std::string room = std::to_string(shown), none = std::to_string(undated);
  if (lang == Language::Chinese)
    return more_label(hidden, lang) + "：图高只够" + room + "行。" +
           (undated > 0 ? "可选“仅显示有日期的行”（" + none + "行无日期）或加高图表"
                        : std::string("请加高图表"));
  return more_label(hidden, lang) + ": room for " + room + " rows. " +
         (undated > 0 ? "Choose \"Only rows with dates\" (" + none + " have none) or a taller chart"
                      : std::string("Make the chart taller"));
}

std::string with_expected_label(const std::string& value, Language lang) {
  return (lang == Language::Chinese ? "含预计 " : "incl. expected ") + value;
}

std::string_view precision_label(DatePrecision precision, Language lang) {
  switch (precision) {
    case DatePrecision::Year:
      return lang == Language::Chinese ? "日期仅精确到年" : "year only";
    case DatePrecision::Month:
      return lang == Language::Chinese ? "日期仅精确到月" : "month only";
    case DatePrecision::Day:
      break;
  }
  return lang == Language::Chinese ? "日期精确到日" : "exact day";
}

std::string date_with_precision(const Date& date, Language lang) {
  const bool zh = lang == Language::Chinese;
  switch (date.precision) {
    case DatePrecision::Year:
      return zh ? std::to_string(date.year) + "年（仅知年份）" : date.to_string() + " (year only)";
    case DatePrecision::Month:
      return zh ? year_month_label(date.year, date.month, lang) + "（仅知月份）"
                : date.to_string() + " (month only)";
    case DatePrecision::Day:
      break;
  }
  return date.to_string();
}

std::string status_by_label(Status status, const Date& date, Language lang) {
  if (lang == Language::Chinese)
    return "截至 " + date.to_string() + " 已" + std::string(status_label(status, lang)) +
           "（开始日期未报道）";
  std::string_view state;
  switch (status) {
    case Status::Operating:
      state = "in operation";
      break;
    case Status::Trial:
      state = "in trial production";
      break;
    case Status::Construction:
      state = "under construction";
      break;
    default:
      state = status_label(status, lang);
      break;
  }
  return std::string(state) + " by " + date.to_string() + " (start date not reported)";
}

std::string_view status_label(Status status, Language lang) {
  const auto& e = vocabulary_entry(statuses(), status);
  return lang == Language::Chinese ? e.zh : e.en;
}

std::string_view milestone_label(MilestoneKind kind, Language lang) {
  const auto& e = vocabulary_entry(milestone_kinds(), kind);
  return lang == Language::Chinese ? e.zh : e.en;
}

}  // namespace indtrack::chart
