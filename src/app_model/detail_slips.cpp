// The detail panel's plan-versus-actual section (detail_model.h add_slip_history): for each
// milestone of the selected project that had an announced expected date, the verdict and every
// dated statement about it, each with its quote and numbered source.
#include <algorithm>

#include "app_model/detail_model.h"
#include "query/slippage.h"

namespace indtrack::ui {

namespace {

// The number of `source` in model.sources, adding it when the project's facts did not cite it.
int source_number(DetailModel& model, const Dataset& data, int source, bool english) {
  if (source < 0 || source >= static_cast<int>(data.sources.size())) return 0;
  for (const DetailSource& s : model.sources)
    if (s.source_index == source) return s.number;
  model.sources.push_back(make_detail_source(data, source, static_cast<int>(model.sources.size()) + 1,
                                             english ? Language::English : Language::Chinese));
  return model.sources.back().number;
}

}  // namespace

void add_slip_history(DetailModel& model, const Dataset& data, DayNumber as_of, Language language) {
  model.slips.clear();
  if (model.project < 0 || model.project >= static_cast<int>(data.projects.size())) return;
  const bool english = language == Language::English;
  for (const MilestoneSlip& slip : compute_slippage(data, {model.project}, as_of)) {
    if (slip.state == SlipState::NoPlan) continue;  // nothing was announced: the milestone table has it
    DetailSlip out;
    out.subject = slip_subject_label(data, slip, english) + " · " +
                  std::string(milestone_kind_label(slip.kind, english));
    out.verdict = describe_slip(slip, english);
    out.state = slip.state;
    const std::vector<HistoryLine> lines = history_lines(data, slip.steps, english);
    for (std::size_t i = 0; i < lines.size() && i < slip.steps.size(); ++i) {
      DetailSlipStep step;
      step.text = lines[i].text;
      step.evidence.quote = lines[i].quote;
      step.evidence.basis = lines[i].basis;
      step.evidence.note = lines[i].note;
      if (const Evidence* e = slip.steps[i].evidence)
        step.evidence.source_number = source_number(model, data, e->source, english);
      out.steps.push_back(std::move(step));
    }
    model.slips.push_back(std::move(out));
  }
}

}  // namespace indtrack::ui
