// CSV of the plotted numbers (chart_csv.h).
#include "chart/chart_csv.h"

#include <algorithm>

#include "chart/status_chart.h"
#include "core/units.h"
#include "io/csv_writer.h"

namespace indtrack::chart {

namespace {

constexpr int kDecimals = 4;  // more than any source states (万吨/年 to 0.1, 亿元 to 0.01)

std::string day_text(DayNumber d) { return Date::from_days(d).to_string(); }
std::string number(double v) { return format_number(v, kDecimals); }
std::string yes_no(bool b) { return b ? "yes" : "no"; }

std::string_view precision_id(DatePrecision p) {
  switch (p) {
    case DatePrecision::Year:
      return "year";
    case DatePrecision::Month:
      return "month";
    case DatePrecision::Day:
      return "day";
  }
  return "day";
}

std::string_view bound_id(AggregateBound b) { return id_of(b); }

}  // namespace

std::string capacity_csv(const CapacityChartInput& input, const CapacityStack& stack, Language lang) {
  (void)lang;  // ids and numbers only; labels are the input's own (already in the chart's language)
  std::string out = csv_row({"type", "series", "label", "status", "date", "precision", "plotted_on", "change",
                             "level", "unit", "stack_total"});
  for (const PlacedStep& placed : stack.steps) {
    const CapacitySeries& series = input.series[static_cast<std::size_t>(placed.series)];
    const CapacityStep& step = series.steps[static_cast<std::size_t>(placed.step)];
    const auto at = std::upper_bound(stack.days.begin(), stack.days.end(), placed.day);
    const std::size_t k = static_cast<std::size_t>(at - stack.days.begin()) - 1;  // placed.day is one of days
    // "by": in operation by the date, its start not reported (the date is not a start date).
    const std::string status = placed.overdue  ? "overdue"
                               : step.expected ? "expected"
                               : step.by       ? "by"
                                               : "actual";
    out += csv_row({"step", series.label, step.label, status, step.date.to_string(),
                    std::string(precision_id(step.date.precision)), day_text(placed.day), number(step.delta),
                    number(stack.level(static_cast<std::size_t>(placed.band), k)), input.text.value_unit,
                    number(stack.total_at(placed.day, input.include_expected))});
  }
  for (const ReferenceMark& mark : input.marks) {
    std::string status(bound_id(mark.bound));
    if (mark.expected) status += " target";
    out += csv_row({"reference", mark.source, mark.label, status, mark.period.to_string(),
                    std::string(precision_id(mark.period.precision)), day_text(mark.period.placement_day()),
                    "", number(mark.value), input.text.value_unit, ""});
  }
  // The column at the right edge: one row per line, its category in `series`, its basis in
  // `status`, the category's total in `stack_total`.
  for (const CapacityStatusPart& part : input.by_status)
    for (const CapacityStatusLine& line : part.lines)
      out += csv_row({"by_status", part.id, line.label, line.inferred ? "inferred" : "stated",
                      day_text(input.as_of), "day", day_text(input.as_of), "", number(line.value),
                      input.text.value_unit, number(part.total())});
  return out;
}

std::string timeline_csv(const TimelineChartInput& input, Language lang) {
  std::string out = csv_row({"row", "group", "type", "what", "label", "from", "to", "plotted_on", "expected",
                             "date", "precision", "source", "basis", "other_lines", "not_before"});
  std::vector<std::uint32_t> order = input.order;
  if (order.empty())
    for (std::uint32_t i = 0; i < input.rows.size(); ++i) order.push_back(i);
  for (const std::uint32_t r : order) {
    const TimelineRow& row = input.rows[r];
    const std::string group = row.group >= 0 && static_cast<std::size_t>(row.group) < input.groups.size()
                                  ? input.groups[static_cast<std::size_t>(row.group)]
                                  : "";
    for (const TimelineSegment& s : row.segments) {
      // A start not known to the day is written as the source gives it ("2014"; "by" a report's
      // date: not reported), with the day it is plotted on and the earliest day it can have been.
      std::string from = day_text(s.start), plotted, date, precision;
      if (s.start_date) {
        from = s.start_by ? "" : s.start_date->to_string();
        plotted = day_text(s.start);
        date = s.start_date->to_string();
        precision = s.start_by ? "by" : std::string(precision_id(s.start_date->precision));
      }
      out += csv_row({row.label, group, "segment", std::string(id_of(s.phase)),
                      std::string(status_label(s.phase, lang)), from, s.end ? day_text(*s.end) : "", plotted,
                      yes_no(s.expected), date, precision, "",
                      s.expected   ? ""
                      : s.inferred ? "inferred"
                                   : "stated",
                      s.others == Status::Unknown ? "" : std::string(id_of(s.others)),
                      s.not_before ? day_text(*s.not_before) : ""});
    }
    if (row.possibly_stalled)
      out += csv_row({row.label, group, "flag", "possibly_stalled", std::string(chart_strings(lang).stalled),
                      "", "", "", "", "", "", "", "", "", ""});
    for (const TimelineMilestone& m : row.milestones)
      out += csv_row({row.label, group, "milestone", std::string(id_of(m.kind)),
                      std::string(milestone_label(m.kind, lang)), day_text(m.date.first_day()),
                      day_text(m.date.last_day()), day_text(m.date.placement_day()), yes_no(m.expected),
                      m.date.to_string(), std::string(precision_id(m.date.precision)), m.source, "", "", ""});
  }
  return out;
}

std::string investment_csv(const InvestmentChartInput& input, Language lang) {
  (void)lang;
  // "approximate" and "total_bound" describe the total; the completed figure has its own pair.
  std::string out = csv_row({"label", "total", "completed", "approximate", "total_bound",
                             "completed_approximate", "completed_bound", "unit"});
  for (const InvestmentBar& bar : input.bars)
    out += csv_row({bar.label, bar.total ? number(*bar.total) : "",
                    bar.completed ? number(*bar.completed) : "", yes_no(bar.approximate),
                    std::string(id_of(bar.total_bound)), yes_no(bar.completed_approximate),
                    std::string(id_of(bar.completed_bound)), input.text.value_unit});
  return out;
}

std::string status_csv(const StatusChartInput& input, Language lang) {
  const StatusTable table = status_table(input, lang);
  std::vector<std::string> header = table.header;
  if (!input.text.value_unit.empty())
    for (std::size_t c = 1; c < header.size(); ++c) header[c] += " (" + input.text.value_unit + ")";
  std::string out = csv_row(header);
  for (const std::vector<std::string>& row : table.rows) out += csv_row(row);
  return out;
}

}  // namespace indtrack::chart
