// 帮助 → 快捷键 (F1): every shortcut and chart gesture, grouped, from the one list in
// app_model/keyboard_navigation.h.
#include <imgui.h>

#include <optional>

#include "ui/dashboard.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"

namespace indtrack::ui {

void Dashboard::draw_shortcuts_window(PanelContext& c) {
  if (!shortcuts_open_) return;
  ImGui::SetNextWindowSize(ImVec2(620 * c.scale, 0), ImGuiCond_Appearing);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                 viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  const std::string title = std::string(tr(Str::ShortcutsTitle)) + "###shortcuts";
  if (ImGui::Begin(title.c_str(), &shortcuts_open_, ImGuiWindowFlags_AlwaysAutoResize)) {
    close_on_escape(shortcuts_open_);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH;
    std::optional<Str> group;
    bool open_table = false;
    for (const Shortcut& s : shortcuts()) {
      if (group != s.group) {
        if (open_table) ImGui::EndTable();
        group = s.group;
        section_heading(tr(s.group));
        open_table = ImGui::BeginTable(tr(s.group), 2, flags);
        if (open_table) {
          ImGui::TableSetupColumn(tr(Str::ShortcutsKeys), ImGuiTableColumnFlags_WidthFixed, 200 * c.scale);
          ImGui::TableSetupColumn(tr(Str::ShortcutsAction), ImGuiTableColumnFlags_WidthFixed, 380 * c.scale);
        }
      }
      if (!open_table) continue;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      text_colored(palette().accent, tr(s.keys));
      ImGui::TableNextColumn();
      text_wrapped(tr(s.action));
    }
    if (open_table) ImGui::EndTable();
    ImGui::Spacing();
    if (ImGui::Button(tr(Str::Close))) shortcuts_open_ = false;
  }
  ImGui::End();
}

}  // namespace indtrack::ui
