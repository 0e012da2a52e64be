// Plan versus actual (slippage.h, docs/slippage.md).
//
// Index of this file:
// [SECTION] Stages and months
// [SECTION] One milestone: its expectations, what happened, the verdict
// [SECTION] Summary: share on time, delays
// [SECTION] Text: histories, verdicts, labels
#include "query/slippage.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "query/dataset_index.h"
#include "query/filter.h"

namespace indtrack {
// [SECTION] Stages and months

namespace {

// Stage in the progression start -> built -> trial -> production -> full output. An event of a
// later stage shows every earlier stage had happened; 0 = outside the progression (announced,
// signed, approved, shelved, cancelled: no order with the others is implied).
int stage_of(MilestoneKind kind) {
  switch (kind) {
    case MilestoneKind::ConstructionStart:
      return 1;
    case MilestoneKind::MechanicalCompletion:
    case MilestoneKind::Completion:
      return 2;
    case MilestoneKind::TrialProduction:
      return 3;
    case MilestoneKind::Commissioning:
      return 4;
    case MilestoneKind::FullProduction:
      return 5;
    default:
      return 0;
  }
}

// The highest stage a status report shows was reached. "operating" does not show full output.
int stage_reached(Status status) {
  switch (status) {
    case Status::Construction:
      return 1;
    case Status::Trial:
      return 3;
    case Status::Operating:
      return 4;
    default:
      return 0;
  }
}

// The lowest stage a stated status report shows was not reached yet; 0 = it rules out nothing.
// "construction" covers "built, ready for trial" (docs/data-notes.md §6), so it rules out trial
// and later, not mechanical completion. "announced" claims nothing about progress.
int stage_ruled_out(Status status) {
  switch (status) {
    case Status::Construction:
      return 3;
    case Status::Trial:
      return 4;
    default:
      return 0;
  }
}

int step_order(SlipStepKind kind) {
  switch (kind) {
    case SlipStepKind::NotYet:
      return 0;
    case SlipStepKind::Expected:
      return 1;
    case SlipStepKind::Actual:
      return 2;
    case SlipStepKind::DoneBy:
      return 3;
  }
  return 0;
}

int months_between_days(DayNumber from, DayNumber to) {
  int y1 = 0, m1 = 0, d1 = 0, y2 = 0, m2 = 0, d2 = 0;
  civil_from_days(from, y1, m1, d1);
  civil_from_days(to, y2, m2, d2);
  return whole_months_between(y1, m1, y2, m2);
}

// A bound on when the milestone happened and the statement that gives it (none when the
// statement is already a step: an expectation).
struct Bound {
  DayNumber day = 0;
  std::optional<SlipStep> step;
};

struct Scope {
  int unit = -1;
  const std::vector<Milestone>* milestones = nullptr;
  const std::vector<StatusReport>* reports = nullptr;
};

Date reported_or(const Dataset& data, const Milestone& m) {
  const std::optional<Date> r = reported_date(data, m);
  return r ? *r : m.date;
}

void sort_steps(std::vector<SlipStep>& steps) {
  std::stable_sort(steps.begin(), steps.end(), [](const SlipStep& a, const SlipStep& b) {
    if (auto c = a.reported <=> b.reported; c != 0) return c < 0;
    return step_order(a.kind) < step_order(b.kind);
  });
}

}  // namespace

// [SECTION] One milestone: its expectations, what happened, the verdict

namespace {

// Earlier-stage events and stated status reports of the subject's own scope: "not yet" then.
void add_not_yet_bounds(const Dataset& data, const Scope& own, MilestoneKind kind, DayNumber as_of,
                        std::vector<Bound>& bounds) {
  const int stage = stage_of(kind);
  for (const Milestone& m : *own.milestones) {
    const int other = stage_of(m.kind);
    if (m.expected || other == 0 || other >= stage || m.date.placement_day() > as_of) continue;
    bounds.push_back({m.date.first_day(), SlipStep{SlipStepKind::NotYet, reported_or(data, m), m.date, m.kind,
                                                   std::nullopt, own.unit, &m.evidence}});
  }
  for (const StatusReport& r : *own.reports) {
    const std::optional<Date> when = as_of_date(data, r);
    const int ruled_out = stage_ruled_out(r.status);
    if (!when || when->placement_day() > as_of || r.evidence.basis != Basis::Stated || ruled_out == 0 ||
        stage < ruled_out)
      continue;
    bounds.push_back({when->first_day(),
                      SlipStep{SlipStepKind::NotYet, *when, *when, kind, r.status, own.unit, &r.evidence}});
  }
}

// The earliest "by then": a later stage of the subject's scope; for a project, any unit's too
// (including the unit reaching the same stage).
std::optional<Bound> earliest_done_by(const Dataset& data, const Project& p, const Scope& own,
                                      MilestoneKind kind, DayNumber as_of) {
  const int stage = stage_of(kind);
  const bool project_subject = own.unit < 0;
  std::vector<Scope> scopes{own};
  if (project_subject)
    for (std::size_t i = 0; i < p.units.size(); ++i)
      if (p.units[i].product >= 0)  // a facility (power station) running is not the project producing
        scopes.push_back({static_cast<int>(i), &p.units[i].milestones, &p.units[i].status_reports});
  std::optional<Bound> upper;
  for (const Scope& scope : scopes) {
    const bool unit_of_project = project_subject && scope.unit >= 0;
    for (const Milestone& m : *scope.milestones) {
      if (m.expected || m.date.placement_day() > as_of) continue;
      if (!(stage_of(m.kind) > stage || (unit_of_project && m.kind == kind))) continue;
      if (!upper || m.date.last_day() < upper->day)
        upper = Bound{m.date.last_day(), SlipStep{SlipStepKind::DoneBy, reported_or(data, m), m.date, m.kind,
                                                  std::nullopt, scope.unit, &m.evidence}};
    }
    for (const StatusReport& r : *scope.reports) {
      const std::optional<Date> when = as_of_date(data, r);
      if (!when || when->placement_day() > as_of || stage_reached(r.status) < stage) continue;
      if (!upper || when->last_day() < upper->day)
        upper = Bound{when->last_day(),
                      SlipStep{SlipStepKind::DoneBy, *when, *when, kind, r.status, scope.unit, &r.evidence}};
    }
  }
  return upper;
}

// When it happened from the event's own statements: agreeing dates narrow to the finest, others
// widen to their union (a conflict); then the bounds narrow an imprecise date ("2014", reported
// operating in March 2014 -> by 2014-03-31), recording the bounding statements as steps.
void place_event(MilestoneSlip& s, const std::vector<const Milestone*>& actuals,
                 const std::optional<Bound>& lower, const std::optional<Bound>& upper) {
  DayRange meet{std::numeric_limits<DayNumber>::min(), std::numeric_limits<DayNumber>::max()};
  DayRange span{std::numeric_limits<DayNumber>::max(), std::numeric_limits<DayNumber>::min()};
  const Milestone* finest = actuals.front();
  for (const Milestone* m : actuals) {
    meet = {std::max(meet.first, m->date.first_day()), std::min(meet.last, m->date.last_day())};
    span = {std::min(span.first, m->date.first_day()), std::max(span.last, m->date.last_day())};
    if (m->date.precision > finest->date.precision) finest = m;
  }
  s.actual_conflict = meet.first > meet.last;
  if (s.actual_conflict)
    finest = *std::min_element(actuals.begin(), actuals.end(),
                               [](const Milestone* a, const Milestone* b) { return a->date < b->date; });
  s.actual = finest->date;
  DayRange window = s.actual_conflict ? span : meet;
  const DayRange narrowed{lower ? std::max(window.first, lower->day) : window.first,
                          upper ? std::min(window.last, upper->day) : window.last};
  if (narrowed.first <= narrowed.last && narrowed != window) {
    window = narrowed;
    if (upper && upper->day == window.last && upper->step) s.steps.push_back(*upper->step);
    if (lower && lower->day == window.first && lower->step) s.steps.push_back(*lower->step);
  }
  s.happened = window;
}

// State and delay from the first announced date, when it happened and the as-of date.
void judge(MilestoneSlip& s) {
  if (!s.first_expected) {
    s.state = SlipState::NoPlan;
    return;
  }
  const DayNumber e_first = s.first_expected->first_day();
  const DayNumber e_last = s.first_expected->last_day();
  if (s.happened) {
    const DayRange& h = *s.happened;
    if (h.last <= e_last)
      s.state = SlipState::OnTime;
    else if (h.first > e_last)
      s.state = SlipState::Late;
    else
      s.state = SlipState::Undetermined;
    if (h.first != kNoLowerBound)
      s.delay = MonthRange{months_between_days(e_last, h.first), months_between_days(e_first, h.last)};
  } else if (s.as_of > e_last) {
    s.state = SlipState::PastDue;
    s.delay = MonthRange{months_between_days(e_last, s.as_of), months_between_days(e_first, s.as_of)};
  } else {
    s.state = SlipState::NotYetDue;
  }
}

}  // namespace

MilestoneSlip milestone_slip(const Dataset& data, int project, int unit, MilestoneKind kind,
                             DayNumber as_of) {
  const Project& p = data.projects[static_cast<std::size_t>(project)];
  const Unit* u = unit >= 0 ? &p.units[static_cast<std::size_t>(unit)] : nullptr;
  const Scope own{unit, u ? &u->milestones : &p.milestones, u ? &u->status_reports : &p.status_reports};

  MilestoneSlip s;
  s.project = project;
  s.unit = unit;
  s.kind = kind;
  s.as_of = as_of;

  // The subject's own statements: expectations reported by as_of, events placed by as_of.
  std::vector<const Milestone*> actuals;
  std::vector<Bound> lower_bounds;  // "not yet on this day"
  for (const Milestone& m : *own.milestones) {
    if (m.kind != kind) continue;
    if (m.expected) {
      const std::optional<Date> reported = reported_date(data, m);
      if (!reported || reported->placement_day() > as_of) continue;
      s.steps.push_back({SlipStepKind::Expected, *reported, m.date, kind, std::nullopt, unit, &m.evidence});
      ++s.expectations;
      if (!s.first_expected || *reported < *s.first_expected_reported ||
          (*reported == *s.first_expected_reported && m.date < *s.first_expected)) {
        s.first_expected = m.date;
        s.first_expected_reported = reported;
      }
      if (!s.latest_expected || *s.latest_expected_reported < *reported ||
          (*reported == *s.latest_expected_reported && m.date < *s.latest_expected)) {
        s.latest_expected = m.date;
        s.latest_expected_reported = reported;
      }
      // Nobody forecasts what has already happened: not yet on the report date.
      lower_bounds.push_back({reported->first_day(), std::nullopt});
    } else if (m.date.placement_day() <= as_of) {
      s.steps.push_back(
          {SlipStepKind::Actual, reported_or(data, m), m.date, kind, std::nullopt, unit, &m.evidence});
      actuals.push_back(&m);
    }
  }

  std::optional<Bound> upper;  // "by this day"
  if (stage_of(kind) > 0) {
    add_not_yet_bounds(data, own, kind, as_of, lower_bounds);
    upper = earliest_done_by(data, p, own, kind, as_of);
  }
  // The latest "not yet" that does not contradict the "by then" (a stale report is ignored).
  std::optional<Bound> lower;
  for (const Bound& b : lower_bounds) {
    if (upper && b.day > upper->day) continue;
    if (!lower || b.day > lower->day) lower = b;
  }

  if (!actuals.empty()) {
    place_event(s, actuals, lower, upper);
  } else if (upper) {
    s.happened = DayRange{lower ? lower->day : kNoLowerBound, upper->day};
    s.happened_bounded = true;
    s.steps.push_back(*upper->step);
    if (lower && lower->step) s.steps.push_back(*lower->step);
  } else if (lower && lower->step && s.first_expected) {
    s.steps.push_back(*lower->step);  // pending: the latest sign it had not happened yet
  }
  sort_steps(s.steps);
  judge(s);
  return s;
}

std::vector<MilestoneSlip> compute_slippage(const Dataset& data, const std::vector<int>& projects,
                                            DayNumber as_of) {
  std::vector<MilestoneSlip> out;
  auto add_subjects = [&](int project, int unit, const std::vector<Milestone>& milestones) {
    for (const auto& entry : milestone_kinds()) {
      const bool any = std::any_of(milestones.begin(), milestones.end(),
                                   [&](const Milestone& m) { return m.kind == entry.value; });
      if (!any) continue;
      MilestoneSlip s = milestone_slip(data, project, unit, entry.value, as_of);
      if (!s.steps.empty()) out.push_back(std::move(s));
    }
  };
  for (int project : projects) {
    const Project& p = data.projects[static_cast<std::size_t>(project)];
    add_subjects(project, -1, p.milestones);
    for (std::size_t i = 0; i < p.units.size(); ++i)
      add_subjects(project, static_cast<int>(i), p.units[i].milestones);
  }
  return out;
}

// [SECTION] Summary: share on time, delays

namespace {

// Linear interpolation between closest ranks (R's type 7) of sorted values.
double quantile(const std::vector<double>& sorted, double q) {
  const double h = (static_cast<double>(sorted.size()) - 1) * q;
  const auto below = static_cast<std::size_t>(std::floor(h));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (h - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

void count_into(SlipGroup& g, const SlipOutcome& s, std::vector<MonthRange>& delays,
                std::vector<MonthRange>& past_due) {
  switch (s.state) {
    case SlipState::NoPlan:
      return;
    case SlipState::NotYetDue:
      ++g.not_yet_due;
      return;
    case SlipState::PastDue:
      ++g.past_due;
      break;
    case SlipState::OnTime:
      ++g.on_time;
      break;
    case SlipState::Late:
      ++g.late;
      break;
    case SlipState::Undetermined:
      ++g.undetermined;
      break;
  }
  if (!s.delay) return;
  (s.state == SlipState::PastDue ? past_due : delays).push_back(*s.delay);
}

struct GroupBuilder {
  SlipGroup group;
  std::vector<MonthRange> delays, past_due;

  void add(const SlipOutcome& s) { count_into(group, s, delays, past_due); }
  SlipGroup finish() {
    group.delay = delay_stats(std::move(delays));
    group.past_due_by = delay_stats(std::move(past_due));
    const int due = group.due();
    if (due > 0)
      group.share_on_time = ValueRange{static_cast<double>(group.on_time) / due,
                                       static_cast<double>(group.on_time + group.undetermined) / due};
    return group;
  }
  bool empty() const { return group.due() + group.not_yet_due == 0; }
};

}  // namespace

DelayStats delay_stats(std::vector<MonthRange> delays) {
  DelayStats st;
  st.count = static_cast<int>(delays.size());
  if (delays.empty()) return st;
  std::vector<double> lo, hi;
  for (const MonthRange& d : delays) {
    lo.push_back(d.min);
    hi.push_back(d.max);
  }
  std::sort(lo.begin(), lo.end());
  std::sort(hi.begin(), hi.end());
  st.min = {lo.front(), hi.front()};
  st.max = {lo.back(), hi.back()};
  st.median = {quantile(lo, 0.5), quantile(hi, 0.5)};
  if (delays.size() >= 4) {
    st.q1 = ValueRange{quantile(lo, 0.25), quantile(hi, 0.25)};
    st.q3 = ValueRange{quantile(lo, 0.75), quantile(hi, 0.75)};
  }
  return st;
}

SlipOutcome outcome_of(const MilestoneSlip& slip) {
  return {slip.project, slip.kind, slip.state, slip.delay};
}

SlippageSummary summarize_slippage(const Dataset& data, const std::vector<MilestoneSlip>& slips) {
  std::vector<SlipOutcome> outcomes;
  outcomes.reserve(slips.size());
  for (const MilestoneSlip& s : slips) outcomes.push_back(outcome_of(s));
  return summarize_slippage(data, outcomes);
}

namespace {

// The summary, with each project's industry tags from `industries_of(project)`.
template <class IndustriesOf>
SlippageSummary summarize(const Dataset& data, const std::vector<SlipOutcome>& slips,
                          IndustriesOf&& industries_of) {
  GroupBuilder all;
  std::vector<GroupBuilder> kinds(milestone_kinds().size());
  std::vector<GroupBuilder> industries(data.industries.size() + 1);  // last: no industry
  for (std::size_t k = 0; k < kinds.size(); ++k) {
    kinds[k].group.by = SlipGroup::By::Kind;
    kinds[k].group.kind = milestone_kinds()[k].value;
  }
  for (std::size_t i = 0; i < industries.size(); ++i) {
    industries[i].group.by = SlipGroup::By::Industry;
    industries[i].group.industry = i < data.industries.size() ? static_cast<int>(i) : -1;
  }
  for (const SlipOutcome& s : slips) {
    if (s.state == SlipState::NoPlan) continue;
    all.add(s);
    for (std::size_t k = 0; k < kinds.size(); ++k)
      if (milestone_kinds()[k].value == s.kind) kinds[k].add(s);
    const std::vector<int>& tags = industries_of(s.project);
    if (tags.empty()) industries.back().add(s);
    for (int t : tags)
      if (t >= 0 && t < static_cast<int>(data.industries.size()))
        industries[static_cast<std::size_t>(t)].add(s);
  }
  SlippageSummary out;
  out.all = all.finish();
  for (GroupBuilder& g : kinds)
    if (!g.empty()) out.by_kind.push_back(g.finish());
  for (GroupBuilder& g : industries)
    if (!g.empty()) out.by_industry.push_back(g.finish());
  return out;
}

}  // namespace

SlippageSummary summarize_slippage(const Dataset& data, const std::vector<SlipOutcome>& slips) {
  std::vector<int> tags;
  return summarize(data, slips, [&](int project) -> const std::vector<int>& {
    tags = project_industries(data, data.projects[static_cast<std::size_t>(project)]);
    return tags;
  });
}

SlippageSummary summarize_slippage(const DatasetIndex& index, const std::vector<SlipOutcome>& slips) {
  return summarize(index.data(), slips,
                   [&](int project) -> const std::vector<int>& { return index.facts(project).industries; });
}

// [SECTION] Text: histories, verdicts, labels

namespace {

std::string kind_label(MilestoneKind k, bool english) {
  const auto& e = vocabulary_entry(milestone_kinds(), k);
  return std::string(english ? e.en : e.zh);
}

std::string status_phrase(Status s, bool english) {
  switch (s) {
    case Status::Construction:
      return english ? "under construction" : "在建";
    case Status::Trial:
      return english ? "in trial production" : "试生产中";
    case Status::Operating:
      return english ? "in production" : "已投产";
    default: {
      const auto& e = vocabulary_entry(statuses(), s);
      return std::string(english ? e.en : e.zh);
    }
  }
}

// Report dates are shown to the month, as readers cite them ("2023-01 报道").
std::string report_label(const Date& d) {
  return d.precision == DatePrecision::Day ? Date::of_month(d.year, d.month).to_string() : d.to_string();
}

std::string step_text(const SlipStep& step, bool english) {
  const std::string when = report_label(step.reported);
  std::string what;
  if (step.status) {
    what = status_phrase(*step.status, english);
  } else if (step.kind == SlipStepKind::Expected) {
    what = english ? kind_label(step.milestone_kind, true) + " expected " + step.date.to_string()
                   : "预计 " + step.date.to_string() + " " + kind_label(step.milestone_kind, false);
  } else {
    what = english ? kind_label(step.milestone_kind, true) + " on " + step.date.to_string()
                   : "已于 " + step.date.to_string() + " " + kind_label(step.milestone_kind, false);
  }
  return english ? when + " report: " + what : when + " 报道：" + what;
}

bool same_statement(const SlipStep& a, const SlipStep& b) {
  // A status report's step carries the kind of the milestone it bounds; the report is the same.
  return a.evidence == b.evidence && a.kind == b.kind && a.date == b.date && a.status == b.status &&
         (a.status || a.milestone_kind == b.milestone_kind);
}

}  // namespace

std::vector<HistoryLine> history_lines(const Dataset& data, const std::vector<SlipStep>& steps,
                                       bool english) {
  std::vector<HistoryLine> out;
  for (const SlipStep& step : steps) {
    HistoryLine line;
    line.text = step_text(step, english);
    if (step.evidence) {
      line.quote = step.evidence->quote;
      line.basis = step.evidence->basis;
      line.note = in_language(step.evidence->note, step.evidence->note_en, english);
      if (step.evidence->source >= 0 && step.evidence->source < static_cast<int>(data.sources.size()))
        line.source_id = data.sources[static_cast<std::size_t>(step.evidence->source)].id;
    }
    out.push_back(std::move(line));
  }
  return out;
}

std::string format_history(const Dataset& data, const std::vector<SlipStep>& steps, bool english) {
  std::string out;
  for (const HistoryLine& line : history_lines(data, steps, english)) {
    if (!out.empty()) out += " → ";
    out += line.text;
  }
  return out;
}

std::vector<SlipStep> merge_steps(const std::vector<const MilestoneSlip*>& slips) {
  std::vector<SlipStep> out;
  for (const MilestoneSlip* s : slips) {
    for (const SlipStep& step : s->steps) {
      const bool seen =
          std::any_of(out.begin(), out.end(), [&](const SlipStep& o) { return same_statement(o, step); });
      if (!seen) out.push_back(step);
    }
  }
  sort_steps(out);
  return out;
}

std::string format_month_range(const MonthRange& r, bool english) {
  if (r.exact()) return std::to_string(r.min);
  if (r.min >= 0) return std::to_string(r.min) + "–" + std::to_string(r.max);
  return std::to_string(r.min) + (english ? " to " : " 至 ") + std::to_string(r.max);
}

std::string_view state_label(SlipState state, bool english) {
  switch (state) {
    case SlipState::NoPlan:
      return english ? "no expected date" : "无预计日期";
    case SlipState::NotYetDue:
      return english ? "not yet due" : "未到期";
    case SlipState::PastDue:
      return english ? "past due, not reported done" : "已逾期，未见完成报道";
    case SlipState::OnTime:
      return english ? "on time" : "按期";
    case SlipState::Late:
      return english ? "late" : "延期";
    case SlipState::Undetermined:
      return english ? "undetermined" : "无法判定";
  }
  return "";
}

std::string describe_slip(const MilestoneSlip& s, bool english) {
  const std::string first = s.first_expected ? s.first_expected->to_string() : std::string();
  const std::string months = s.delay ? format_month_range(*s.delay, english) : std::string();
  switch (s.state) {
    case SlipState::NoPlan:
      return english ? "no expected date was announced" : "无预计日期";
    case SlipState::NotYetDue:
      return english ? "not yet due (first expected " + first + ")" : "未到首次预计日期（" + first + "）";
    case SlipState::PastDue:
      return english ? months + " months past the first expected date (" + first + "), not reported done"
                     : "已过首次预计日期（" + first + "）" + months + " 个月，未见完成报道";
    case SlipState::OnTime:
      return english ? "on time (first expected " + first + ")" : "按期（首次预计 " + first + "）";
    case SlipState::Late:
      if (s.delay && s.delay->max == 0) return english ? "late by less than a month" : "延期不足 1 个月";
      return english ? "late by " + months + " months" : "延期 " + months + " 个月";
    case SlipState::Undetermined:
      return english ? "undetermined: " + months + " months from the first expected date (" + first + ")"
                     : "无法判定是否按期：相对首次预计（" + first + "）" + months + " 个月";
  }
  return {};
}

std::string slip_subject_label(const Dataset& data, const MilestoneSlip& s, bool english) {
  const Project& p = data.projects[static_cast<std::size_t>(s.project)];
  std::string project = english && !p.name_en.empty() ? p.name_en : p.name;
  // Chinese names rarely name the company; English renderings do ("Huaheng PTMEG/PBAT ...").
  if (!english && p.company >= 0) {
    const std::string& owner = display_name(data.companies[static_cast<std::size_t>(p.company)]);
    if (project.find(owner) == std::string::npos) project = owner + " " + project;
  }
  if (s.unit < 0) return project;
  const Unit& u = p.units[static_cast<std::size_t>(s.unit)];
  if (english) return (u.name_en.empty() ? u.name : u.name_en) + " — " + project;
  const std::string owner =
      p.company >= 0 ? display_name(data.companies[static_cast<std::size_t>(p.company)]) : p.name;
  return owner + " " + u.name;
}

std::string_view milestone_kind_label(MilestoneKind kind, bool english) {
  const auto& e = vocabulary_entry(milestone_kinds(), kind);
  return english ? e.en : e.zh;
}

}  // namespace indtrack
