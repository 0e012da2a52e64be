// The progress of a background dataset load (EditSession::open_then on a LoadTask): the file's
// name, a bar and a Cancel button, in the status line and — while nothing is loaded yet — in the
// middle of the chart area.
#include <algorithm>
#include <filesystem>
#include <string>

#include "app_model/curation.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"
#include "ui/panels.h"

namespace indtrack::ui {

bool draw_load_progress(PanelContext& c, bool centered) {
  if (!c.curation || !c.curation->session.loading()) return false;
  EditSession& session = c.curation->session;
  const std::string name = std::filesystem::path(session.loading_path()).filename().string();
  const std::string label = fill(tr(Str::StatusLoadingFmt), {name});
  c.fonts.request_text(label);
  const float bar_width = (centered ? 320 : 140) * c.scale;
  if (centered) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float line = ImGui::GetFrameHeightWithSpacing();
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + std::max(0.0f, (avail.x - bar_width) * 0.5f),
                               ImGui::GetCursorPosY() + std::max(0.0f, avail.y * 0.5f - line * 1.5f)));
    ImGui::BeginGroup();
    text(label);
  } else {
    text_colored(palette().text_dim, label);
    ImGui::SameLine();
  }
  const float progress = std::clamp(session.load_progress(), 0.0f, 1.0f);
  const std::string percent = std::to_string(static_cast<int>(progress * 100)) + "%";
  ImGui::ProgressBar(progress, ImVec2(bar_width, centered ? 0 : ImGui::GetTextLineHeight()), percent.c_str());
  if (!centered) ImGui::SameLine();
  if (ImGui::SmallButton(tr(Str::LoadCancel))) session.cancel_load();
  if (centered) ImGui::EndGroup();
  return true;
}

}  // namespace indtrack::ui
