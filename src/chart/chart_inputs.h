// The plain input structs of the chart layouts. They hold what a chart shows and nothing of the
// Dataset: src/query (or the UI) fills them from the dataset and the current filter. Values are
// already in display units (万吨/年, 亿元); dates keep their precision; every element carries a
// `ref` (the caller's id, e.g. a unit or project index) for selection and `tooltip` lines.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "chart/ticks.h"
#include "core/date.h"
#include "model/vocabulary.h"

namespace indtrack::chart {

// Strings of the shared frame; all passed in by the caller (the export fills them).
struct FrameText {
  std::string title;
  std::string subtitle;       // the filter in words: 海南区 · BDO · 截至 2024-10-31
  std::string value_unit;     // the value axis label: 万吨/年, 亿元, 项
  std::string footer;         // 数据来源：… — wrapped to at most three lines
  std::string note;           // under the plot: what the chart counts (capacity: the curve, the column)
  std::string empty_message;  // replaces the built-in "no data for this filter" when set
};

// ---- capacity growth: stacked step chart ----

// A line's capacity starting to count (commissioning or trial production).
struct CapacityStep {
  Date date;              // drawn at date.placement_day(); whisker over first_day()..last_day()
  double delta = 0;       // display unit (万吨/年); negative removes capacity (shut down)
  bool expected = false;  // a plan or forecast, not an event that happened
  // "In operation by `date`", its start not reported: counted from `date`, with a whisker back to
  // `not_before` (the day after the last statement that it had not started), or open to the left
  // edge when no such statement exists.
  bool by = false;
  std::optional<DayNumber> not_before;
  std::int64_t ref = -1;             // caller's id, e.g. the unit index
  std::string label;                 // 华恒 BDO 3号线
  std::vector<std::string> tooltip;  // further lines: quote, source, basis
};

struct CapacitySeries {
  std::string key;                  // company / park / district id
  std::string label;                // legend text: 华恒
  std::string colour_key;           // key into CategoryColours (company id); empty: `key`
  bool visible = true;              // legend toggle; a hidden series stays in the legend
  std::vector<CapacityStep> steps;  // any order
  // The trial-production layer of every company (last in the series, so stacked above all the
  // operating bands): drawn in the trial status colour; a line's step up at its trial start and
  // down when it is commissioned.
  bool trial = false;
};

// One production line counted in the column at the right edge.
struct CapacityStatusLine {
  std::string label;                 // 三维 · 90万吨/年BDO… · BDO 90万吨/年
  double value = 0;                  // display unit
  bool inferred = false;             // its status is not stated by a source: striped
  std::int64_t ref = -1;             // caller's id, as CapacityStep::ref
  std::vector<std::string> tooltip;  // status, basis, date expected, quote, source
};

// One category of the column: the capacity of the known lines in it at the as-of date.
struct CapacityStatusPart {
  std::string id;                         // operating, trial, construction_no_date, ... (CSV)
  std::string label;                      // 在建·无预计日期
  Status status = Status::Operating;      // its colour
  bool no_date = false;                   // no expected start: drawn light with a dashed outline
  std::vector<CapacityStatusLine> lines;  // stated first, then inferred
  double total() const;
  double inferred_total() const;
};

// A city-, district- or park-level figure drawn as a reference mark.
struct ReferenceMark {
  Date period;       // the time the figure refers to: 2023 -> drawn across 2023
  double value = 0;  // display unit
  AggregateBound bound = AggregateBound::Exact;
  bool expected = false;  // a target or forecast: hollow marker
  std::string label;      // 年内BDO产能达100万吨
  std::string quote;      // verbatim
  std::string source;     // 乌海日报 2024-01-01
  std::string cited;      // drawn after the label: the publisher and month, 乌海日报 2024-01
  std::int64_t ref = -1;  // aggregate index
};

struct CapacityChartInput {
  FrameText text;
  std::vector<CapacitySeries> series;  // stacking order, bottom first
  std::vector<ReferenceMark> marks;
  DayNumber as_of = 0;             // actual steps after it are not known yet: ignored
  std::optional<DayNumber> today;  // drawn when it differs from as_of
  bool include_expected = true;    // show expected steps (hatched, stacked above actual)
  NumberStyle value_style = NumberStyle::Plain;
  // The column after the time axis: every known line's capacity by category at the as-of date,
  // bottom first (no column when empty or all zero).
  std::vector<CapacityStatusPart> by_status;
};

// ---- project status timeline (Gantt) ----

// One phase of a row: [start, end) in days. Adapters build them from milestone placement days.
struct TimelineSegment {
  DayNumber start = 0;
  std::optional<DayNumber> end;  // nullopt: still running; drawn to the as-of day with an open end
  Status phase = Status::Construction;
  bool expected = false;               // drawn lighter with a dashed outline
  bool inferred = false;               // not stated by a source (curator's inference or a rule): striped
  Status others = Status::Unknown;     // partly operating: the other lines' status, the bar's lower half
  std::vector<std::string> tooltip{};  // why: the deciding fact's quote and source, or the rule
  // A start not known to the day (docs/status.md, "Precision on the time axis"): `start` is only
  // where the status engine places it. `start_date` is the date that set it as written — a year-
  // or month-only date ("2014"), or with `start_by` the date of a report that it was in this state
  // by then (its start not reported). The status certainly holds from certain_from() (the day after
  // an imprecise date's interval, or the report's day) and began no earlier than `not_before`
  // (nullopt: nothing bounds it). Drawn faded with a bracket over the possible interval.
  std::optional<Date> start_date{};
  bool start_by = false;
  std::optional<DayNumber> not_before{};
};
// The first day a segment's status certainly holds: its start unless `start_date` is set.
inline DayNumber certain_from(const TimelineSegment& s) {
  if (!s.start_date) return s.start;
  return s.start_date->is_exact_day() ? s.start_date->first_day() : s.start_date->last_day() + 1;
}

struct TimelineMilestone {
  Date date;  // ◆ at date.placement_day(); whisker over the date's interval
  MilestoneKind kind = MilestoneKind::ConstructionStart;
  bool expected = false;  // hollow ◆
  std::string quote;
  std::string source;
  std::vector<std::string> tooltip;  // further lines
};

struct TimelineRow {
  std::string label;                          // project or line name
  std::int32_t group = -1;                    // index into TimelineChartInput::groups; -1: no header
  std::int64_t ref = -1;                      // project or unit index
  std::vector<TimelineSegment> segments;      // sorted by start
  std::vector<TimelineMilestone> milestones;  // sorted by placement day
  // "Possibly stalled" (docs/status.md, "Freshness"): a flag beside the status, never a status;
  // drawn as a ‖ mark after the row's last bar, the rule in its tooltip.
  bool possibly_stalled = false;
  std::vector<std::string> tooltip{};  // further lines of the row's tooltip (the newest report)
};

struct TimelineChartInput {
  FrameText text;
  std::vector<std::string> groups;  // group header labels (district, park or industry)
  std::vector<TimelineRow> rows;
  // Display order (indices into rows), already sorted by the caller; rows of one group must be
  // contiguous. Empty: rows in index order.
  std::vector<std::uint32_t> order;
  DayNumber as_of = 0;
  std::optional<DayNumber> today;
  // Exports: only rows that fit whole are drawn, and "N more not shown" under them; on screen
  // (false) rows at the edges are drawn clipped, so scrolling moves them in smoothly.
  bool whole_rows = false;
};

// ---- investment: horizontal bars ----

struct InvestmentBar {
  std::string label;
  std::optional<double> total;      // display unit (亿元)
  std::optional<double> completed;  // spent so far, where the data has it
  bool approximate = false;         // the total is hedged: 约
  AggregateBound total_bound = AggregateBound::Exact;
  bool completed_approximate = false;
  AggregateBound completed_bound = AggregateBound::Exact;  // "60多亿元" stays "60多", never "约60"
  std::string colour_key;                                  // company id; empty: the first categorical colour
  std::int64_t ref = -1;
  std::vector<std::string> tooltip;
};

struct InvestmentChartInput {
  FrameText text;
  std::vector<InvestmentBar> bars;  // drawn top to bottom in this order
  NumberStyle value_style = NumberStyle::Plain;
};

// ---- status summary: capacity or project count by status by year ----

struct StatusChartInput {
  FrameText text;
  std::vector<int> years;                   // ascending
  std::vector<Status> statuses;             // stacking order, bottom first
  std::vector<std::vector<double>> values;  // [year][status], display unit
  int decimals = 2;                         // 0 for counts
  NumberStyle value_style = NumberStyle::Plain;
  bool include_table = false;  // also draw the table (for exports)
};

// ---- plan versus actual: one dumbbell per milestone ----

// Where a milestone stands at the as-of date (mirrors query/slippage.h's SlipState).
enum class SlipOutcome : std::uint8_t {
  NotYetDue,     // not known to have happened; its first announced period has not ended
  PastDue,       // not known to have happened; its first announced period has ended
  OnTime,        // happened no later than the end of its first announced period
  Late,          // happened certainly after it
  Undetermined,  // happened; the dates are too imprecise to say which
};

// One expectation as it was reported.
struct SlipExpectation {
  Date reported;  // when it was said
  Date expected;  // the date it gave: ◇ at placement_day(), whisker over the interval
  std::string quote;
  std::string source;  // "ref-2022-08-huaheng" or a citation
};

struct SlippageRow {
  std::string label;    // the subject: 华恒 PTMEG 1号线 (the chart appends " · 投产" from `kind`)
  std::string project;  // for the CSV: project name
  std::string unit;     // for the CSV: unit name; empty for the project's own milestone
  MilestoneKind kind = MilestoneKind::Commissioning;
  std::int64_t ref = -1;                      // caller's id (project/unit)
  std::vector<SlipExpectation> expectations;  // report order; [0] is the first announced
  std::optional<Date> latest_expected;        // the latest-reported expectation
  SlipOutcome outcome = SlipOutcome::NotYetDue;
  // When it happened (outcomes OnTime, Late, Undetermined): the days it can have happened, and
  // the event's own date as written when a statement gives one. Drawn as a point (whisker when
  // imprecise) when the range is exactly that date's interval; otherwise — narrowed by reports,
  // conflicting dates, or bounds from later reports alone — as an interval band, never a point.
  std::optional<Date> actual;
  DayNumber happened_first = 0;
  DayNumber happened_last = 0;         // inclusive
  bool happened_lower_bounded = true;  // false: nothing bounds it from below (band starts at the plan)
  std::string actual_quote;
  std::string actual_source;
  // Months from the first expected date to when it happened; PastDue: to the as-of date.
  int delay_min = 0;
  int delay_max = 0;
  std::vector<std::string> tooltip;  // further lines (the history, the caller's wording)
};

struct SlippageChartInput {
  FrameText text;
  std::vector<SlippageRow> rows;  // drawn top to bottom in this order (sort_slippage_rows())
  DayNumber as_of = 0;
};

}  // namespace indtrack::chart
