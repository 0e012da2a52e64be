#include "chart_kinds/slippage_series.h"

#include <algorithm>

#include "chart/slippage_chart.h"
#include "chart_kinds/chart_headlines.h"
#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/plotted_sources.h"
#include "core/units.h"

namespace indtrack {
namespace {

std::string source_text(const Dataset& d, const Evidence* e, Language lang) {
  return e ? source_citation(d, *e, lang, /*mark_reference=*/true) : std::string();
}

}  // namespace

chart::SlipOutcome slip_outcome(SlipState state) {
  switch (state) {
    case SlipState::OnTime:
      return chart::SlipOutcome::OnTime;
    case SlipState::Late:
      return chart::SlipOutcome::Late;
    case SlipState::Undetermined:
      return chart::SlipOutcome::Undetermined;
    case SlipState::PastDue:
      return chart::SlipOutcome::PastDue;
    case SlipState::NoPlan:
    case SlipState::NotYetDue:
      break;
  }
  return chart::SlipOutcome::NotYetDue;
}

chart::SlippageChartInput slippage_chart_input(const Dataset& data, const std::vector<MilestoneSlip>& slips,
                                               const FilterSpec& spec, const ChartOptions& options) {
  const Language lang = options.lang;
  const bool en = lang == Language::English;
  chart::SlippageChartInput in;
  in.text.title = en ? "Plan versus actual: milestone delays" : "计划与实际：里程碑延期";
  in.text.subtitle = filter_in_words(data, spec, lang) + " · " + slippage_counts(lang);
  in.as_of = as_of_day(spec);
  PlottedSources plotted(data);

  for (const MilestoneSlip& s : slips) {
    if (s.state == SlipState::NoPlan || (s.happened && !s.delay)) continue;
    const Project& p = data.projects[static_cast<std::size_t>(s.project)];
    chart::SlippageRow row;
    row.label = slip_subject_label(data, s, en);
    MilestoneSlip project_level;  // the project's own name for the CSV's project column
    project_level.project = s.project;
    row.project = slip_subject_label(data, project_level, en);
    if (s.unit >= 0) {
      const Unit& u = p.units[static_cast<std::size_t>(s.unit)];
      row.unit = in_language(u.name, u.name_en, lang);
    }
    row.kind = s.kind;
    row.ref = unit_ref(s.project, s.unit);
    row.outcome = slip_outcome(s.state);
    row.latest_expected = s.latest_expected;
    for (const SlipStep& step : s.steps) {
      plotted.add(step.evidence);  // every statement of the row's history is drawn or bounds it
      if (step.kind == SlipStepKind::Expected) {
        row.expectations.push_back({step.reported, step.date,
                                    step.evidence ? step.evidence->quote : std::string(),
                                    source_text(data, step.evidence, lang)});
      } else if ((step.kind == SlipStepKind::Actual && s.actual && step.date == *s.actual) ||
                 (step.kind == SlipStepKind::DoneBy && s.happened_bounded)) {
        if (row.actual_quote.empty() && step.evidence) {
          row.actual_quote = step.evidence->quote;
          row.actual_source = source_text(data, step.evidence, lang);
        }
      }
    }
    // Report order, and at one report date the earliest date first: [0] is the first announced.
    std::stable_sort(row.expectations.begin(), row.expectations.end(),
                     [](const chart::SlipExpectation& a, const chart::SlipExpectation& b) {
                       if (a.reported != b.reported) return a.reported < b.reported;
                       return a.expected < b.expected;
                     });
    if (s.happened) {
      row.actual = s.actual;
      row.happened_lower_bounded = s.happened->first != kNoLowerBound;
      row.happened_first = row.happened_lower_bounded ? s.happened->first : s.happened->last;
      row.happened_last = s.happened->last;
    }
    if (s.delay) {
      row.delay_min = s.delay->min;
      row.delay_max = s.delay->max;
    }
    row.tooltip.push_back(describe_slip(s, en));
    for (const HistoryLine& line : history_lines(data, s.steps, en)) row.tooltip.push_back(line.text);
    in.rows.push_back(std::move(row));
  }
  chart::sort_slippage_rows(in.rows);
  in.text.footer = sources_footer(data, plotted, spec, options);
  if (!in.rows.empty()) in.text.title = slippage_headline(headline_scope(data, spec, lang), in);
  return in;
}

chart::SlippageChartInput slippage_chart_input(const Dataset& data, const std::vector<int>& projects,
                                               const FilterSpec& spec, const ChartOptions& options) {
  return slippage_chart_input(data, compute_slippage(data, projects, as_of_day(spec)), spec, options);
}

}  // namespace indtrack
