// Plan versus actual: for each milestone of a project or production line, the dated statements
// about it (each expectation as reported on its report date, then the event or the evidence that
// it happened), and what follows from them at an as-of date — first announced date, latest
// expectation, when it happened, and the delay in months as an honest range. Also the summary of
// a set of milestones (median and spread of delay, share on time) and the history text of the
// detail panel. Derived on demand from the model; nothing here is stored.
//
// The rules (docs/slippage.md has the full text and the reasons):
// - Subject. A milestone is (project, unit or the project's own, kind). A unit's statements of a
//   kind are one milestone; the project's own statements of a kind (the project, "phase one") are
//   another. Different kinds are different milestones: trial_production is not commissioning,
//   completion is not commissioning.
// - Happened. The event's own date (actual statements of the subject; agreeing dates at two
//   precisions narrow to the finer one, disagreeing ones give the union and a conflict flag), or
//   else bounds: a later stage of the same scope (an actual milestone of a later kind, or a status
//   report at or past the stage) shows it happened *by* that date; for a project, any of its units
//   reaching the stage counts. A forecast of the subject, an earlier-stage event of the same scope,
//   or a stated status report of the same scope below the stage shows it had *not yet* happened
//   then. Counts at the as-of date by the placement rule, like derived status.
// - Delay. Months from the first announced expected date to when it happened, taken between the
//   calendar months of every day each date can mean: a month or year gives a range, never a
//   false point. On time: it happened no later than the end of the first announced period; late:
//   certainly after it; otherwise undetermined (said, never guessed).
// - Pending. Not known to have happened by the as-of date: past due when the as-of date is after
//   the first announced period (then "N months past the first expected date", in complete months
//   elapsed: a day past October is 0, not 1), else not yet due and never counted as late.
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "model/dataset.h"

namespace indtrack {

class DatasetIndex;

// What a statement in a milestone's history says about it.
enum class SlipStepKind : unsigned char {
  Expected,  // a plan or forecast: "expected on `date`", made on `reported`
  Actual,    // the milestone itself happened on `date`
  DoneBy,    // a later stage (or a status report) shows it had happened by `date`
  NotYet,    // an earlier-stage event or a stated status report shows it had not happened by `date`
};

struct SlipStep {
  SlipStepKind kind = SlipStepKind::Expected;
  Date reported;  // when the statement was made (milestone: reported date;
                  //   status report: its as-of date)
  Date date;      // the date the statement gives (expected or event date)
  MilestoneKind milestone_kind = MilestoneKind::Announced;  // of the milestone statement; for a
                                                            //   status report, the bounded kind
  std::optional<Status> status;                             // set when the statement is a status report
  int unit = -1;                       // the unit the statement is about; -1: the project's own
  const Evidence* evidence = nullptr;  // source + quote; points into the Dataset
};

// Where the milestone stands at the as-of date.
enum class SlipState : unsigned char {
  NoPlan,        // no expected date was announced before it happened: nothing to compare
  NotYetDue,     // not known to have happened; its first announced period has not ended
  PastDue,       // not known to have happened; its first announced period has ended
  OnTime,        // happened no later than the end of its first announced period
  Late,          // happened certainly after the end of its first announced period
  Undetermined,  // happened, but the dates are too imprecise to say which
};

struct MonthRange {
  int min = 0;
  int max = 0;
  bool exact() const { return min == max; }
  friend bool operator==(const MonthRange&, const MonthRange&) = default;
};

// `first` of a `happened` range that has no lower bound (only a "by then" statement, no plan).
inline constexpr DayNumber kNoLowerBound = std::numeric_limits<DayNumber>::min();

struct DayRange {
  DayNumber first = 0;
  DayNumber last = 0;  // inclusive
  friend bool operator==(const DayRange&, const DayRange&) = default;
};

struct MilestoneSlip {
  int project = -1;
  int unit = -1;  // -1: the project's own milestone
  MilestoneKind kind = MilestoneKind::Commissioning;
  DayNumber as_of = 0;
  // The statements known at as_of in reported-date order: every expectation and actual statement
  // of the subject, plus the one DoneBy and the one NotYet statement that bound when it happened
  // (when they are not already an expectation or the event itself).
  std::vector<SlipStep> steps;

  std::optional<Date> first_expected;  // the earliest-reported expectation (ties: earliest date)
  std::optional<Date> first_expected_reported;
  std::optional<Date> latest_expected;  // the latest-reported expectation (ties: earliest date)
  std::optional<Date> latest_expected_reported;
  int expectations = 0;  // expectation statements known at as_of

  std::optional<Date> actual;        // the event's own date as written, when a statement gives it
  bool actual_conflict = false;      // actual statements disagree; `happened` covers all of them
  std::optional<DayRange> happened;  // the days it can have happened; empty: pending at as_of
  bool happened_bounded = false;     // `happened` comes from DoneBy/NotYet bounds, not the event

  SlipState state = SlipState::NoPlan;
  // OnTime / Late / Undetermined: months from the first expected date to `happened`.
  // PastDue: months from the first expected date to as_of (the delay is at least this).
  std::optional<MonthRange> delay;

  bool pending() const { return !happened.has_value(); }
};

// Every milestone of the given projects (dataset indices) with a statement known at `as_of`:
// for each project its own milestones by kind, then each unit's, kinds in vocabulary order.
std::vector<MilestoneSlip> compute_slippage(const Dataset& data, const std::vector<int>& projects,
                                            DayNumber as_of);
// The same for one subject (also when nothing is known of it: then it has no steps).
MilestoneSlip milestone_slip(const Dataset& data, int project, int unit, MilestoneKind kind, DayNumber as_of);

// ---- summary of a set of milestones ----

// An interval [lo, hi] for a statistic of delays that are themselves ranges: `lo` is the
// statistic of the lower ends, `hi` of the upper ends (order statistics are monotone, so the
// true value lies between them).
struct ValueRange {
  double lo = 0;
  double hi = 0;
  friend bool operator==(const ValueRange&, const ValueRange&) = default;
};

struct DelayStats {
  int count = 0;                     // milestones in the statistic
  ValueRange min, max, median;       // months; meaningful when count > 0
  std::optional<ValueRange> q1, q3;  // quartiles (linear interpolation) when count >= 4
};

struct SlipGroup {
  // What the group is: a milestone kind, an industry (index, -1 = none), or everything.
  enum class By : unsigned char { All, Kind, Industry } by = By::All;
  MilestoneKind kind = MilestoneKind::Commissioning;
  int industry = -1;

  int on_time = 0, late = 0, undetermined = 0, past_due = 0, not_yet_due = 0;
  DelayStats delay;        // of milestones that happened (on time, late, undetermined)
  DelayStats past_due_by;  // months past the first expected date of past-due ones (lower bounds)
  // Share of due milestones (happened, or past due) that happened by their first announced date:
  // lo counts undetermined ones as late, hi as on time. Empty when none is due.
  std::optional<ValueRange> share_on_time;
  int due() const { return on_time + late + undetermined + past_due; }
};

struct SlippageSummary {
  SlipGroup all;
  std::vector<SlipGroup> by_kind;      // kinds in vocabulary order, only those present
  std::vector<SlipGroup> by_industry;  // industries in dataset order, then "none"; a project
                                       //   with several industries counts in each
};

// Milestones with state NoPlan are left out of every group.
SlippageSummary summarize_slippage(const Dataset& data, const std::vector<MilestoneSlip>& slips);

// What a summary needs of one milestone (a MilestoneSlip is ~10× larger: the dashboard keeps
// these for every milestone of 100k projects and summarises the shown ones on a filter change).
struct SlipOutcome {
  int project = -1;
  MilestoneKind kind = MilestoneKind::Commissioning;
  SlipState state = SlipState::NoPlan;
  std::optional<MonthRange> delay;
};
SlipOutcome outcome_of(const MilestoneSlip& slip);
SlippageSummary summarize_slippage(const Dataset& data, const std::vector<SlipOutcome>& outcomes);
// The same with the industries the index already derived (the dashboard, per filter change).
SlippageSummary summarize_slippage(const DatasetIndex& index, const std::vector<SlipOutcome>& outcomes);
DelayStats delay_stats(std::vector<MonthRange> delays);

// ---- text ----

// One step of the detail panel's history: "2022-08 报道：预计 2022-09 试生产".
struct HistoryLine {
  std::string text;
  std::string quote;      // verbatim, from the step's evidence
  std::string source_id;  // empty for a purely inferred statement
  Basis basis = Basis::Stated;
  std::string note;  // the curator's note (why inferred, what conflicts)
};

std::vector<HistoryLine> history_lines(const Dataset& data, const std::vector<SlipStep>& steps,
                                       bool english = false);
// The lines joined with " → ".
std::string format_history(const Dataset& data, const std::vector<SlipStep>& steps, bool english = false);
// The steps of several milestones (e.g. a project's trial production and commissioning) in one
// reported-date order; a statement used by more than one of them appears once.
std::vector<SlipStep> merge_steps(const std::vector<const MilestoneSlip*>& slips);

// "延期 5–26 个月" / "late by 5–26 months"; "已过首次预计日期 18 个月，未见完成报道" / ...
std::string describe_slip(const MilestoneSlip& slip, bool english = false);
std::string_view state_label(SlipState state, bool english = false);
// "11", "5–26", "-20 至 6" / "-20 to 6" (months).
std::string format_month_range(const MonthRange& r, bool english = false);

// Whose milestone it is: "华恒 PTMEG 1号线 4.6万吨/年" (company short name and unit name), or for the
// project's own milestone its name with the company in front when the name lacks it. English:
// "PTMEG line 1, 46 kt/a — Huaheng PTMEG/PBAT integrated ..." (the English project names carry
// the company; the companies' English names are full legal names, too long for a label).
std::string slip_subject_label(const Dataset& data, const MilestoneSlip& slip, bool english = false);
std::string_view milestone_kind_label(MilestoneKind kind, bool english = false);  // 投产 / commissioning

}  // namespace indtrack
