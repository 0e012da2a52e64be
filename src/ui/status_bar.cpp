// The status line at the bottom: dataset name, project and source counts, how many are shown, problem counts,
// the data's update date and the font in use.
#include <algorithm>
#include <string>

#include "app_model/curation.h"
#include "app_model/notice.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"
#include "ui/panels.h"

namespace indtrack::ui {

void draw_status_bar(PanelContext& c) {
  AppState& app = c.app;
  const Language language = frame_language();
  if (draw_load_progress(c, false)) ImGui::SameLine();
  if (!app.dataset) {
    text_colored(palette().text_dim, tr(Str::StatusNoDataset));
    return;
  }
  const Dataset& d = *app.dataset;
  app.refresh();
  text(name_of(d, language));
  ImGui::SameLine();
  // A team's database: which one, as whom — the line a curator checks before editing.
  if (c.curation && !c.curation->session.is_file()) {
    badge(c.curation->session.path(), palette().accent);
    ImGui::SameLine();
  }
  if (c.curation && (c.curation->session.dirty() || c.curation->session.read_only())) {
    const bool read_only = c.curation->session.read_only();
    badge(tr(read_only ? Str::StatusReadOnly : Str::StatusUnsaved),
          read_only ? palette().error : palette().warning);
    ImGui::SameLine();
  }
  // For as long as edits are not being journaled: a crash would lose them.
  if (c.curation && c.curation->session.journal_stopped()) {
    badge(tr(Str::StatusJournalStopped), palette().error);
    tooltip(fill(tr(Str::StatusJournalStoppedTipFmt), {c.curation->session.journal_stop_reason()}));
    ImGui::SameLine();
  }
  std::string counts = "·  " + fill(tr(Str::StatusProjectsFmt), {std::to_string(d.projects.size())}) +
                       "  ·  " + fill(tr(Str::StatusSourcesFmt), {std::to_string(d.sources.size())}) +
                       "  ·  " +
                       fill(tr(Str::StatusShownFmt),
                            {std::to_string(app.visible().size()), std::to_string(d.projects.size())});
  text_colored(palette().text_dim, counts);
  const auto errors = count_severity(app.problems, Problem::Severity::Error);
  const auto warnings = count_severity(app.problems, Problem::Severity::Warning);
  if (errors > 0) {
    ImGui::SameLine();
    text_colored(palette().error, "·  " + fill(tr(Str::StatusErrorsFmt), {std::to_string(errors)}));
  }
  if (warnings > 0) {
    ImGui::SameLine();
    text_colored(palette().warning, "·  " + fill(tr(Str::StatusWarningsFmt), {std::to_string(warnings)}));
  }
  if (d.updated) {
    const std::string updated = fill(tr(Str::StatusUpdatedFmt), {d.updated->to_string()});
    const float width = ImGui::CalcTextSize(updated.c_str()).x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - width));
    text_colored(palette().text_dim, updated);
  }
}

}  // namespace indtrack::ui
