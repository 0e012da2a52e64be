// The notices panel: application notices, then the problems of the last load
// (file:line:col, path, message); clicking a problem selects the project it concerns.
#include <string>

#include "app_model/format.h"
#include "app_model/notice.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"
#include "ui/panels.h"

namespace indtrack::ui {

namespace {

const ImVec4& level_color(Notice::Level level) {
  switch (level) {
    case Notice::Level::Error:
      return palette().error;
    case Notice::Level::Warning:
      return palette().warning;
    case Notice::Level::Info:
      break;
  }
  return palette().info;
}

Str level_label(Notice::Level level) {
  switch (level) {
    case Notice::Level::Error:
      return Str::NoticeSeverityError;
    case Notice::Level::Warning:
      return Str::NoticeSeverityWarning;
    case Notice::Level::Info:
      break;
  }
  return Str::NoticeSeverityInfo;
}

}  // namespace

void draw_notices_panel(PanelContext& c) {
  AppState& app = c.app;
  const Language language = frame_language();
  const auto errors = count_severity(app.problems, Problem::Severity::Error);
  const auto warnings = count_severity(app.problems, Problem::Severity::Warning);
  std::string counts = fill(tr(Str::StatusErrorsFmt), {std::to_string(errors)}) + " · " +
                       fill(tr(Str::StatusWarningsFmt), {std::to_string(warnings)});
  if (app.notices.empty() && app.problems.empty()) {  // collapsed to its title line (dashboard.cpp)
    panel_title(tr(Str::NoticesTitle), tr(Str::NoticesNone));
    return;
  }
  panel_title(tr(Str::NoticesTitle), counts);
  if (!app.problems.empty() && app.problems_match_dataset) {
    ImGui::SameLine();
    text_colored(palette().text_dim, std::string("· ") + tr(Str::NoticeClickHint));
  }

  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("notices", 3, flags, ImGui::GetContentRegionAvail())) return;
  ImGui::TableSetupScrollFreeze(0, 0);
  ImGui::TableSetupColumn("level", ImGuiTableColumnFlags_WidthFixed, 56 * c.scale);
  ImGui::TableSetupColumn("where", ImGuiTableColumnFlags_WidthFixed, 150 * c.scale);
  ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);

  // Newest application notice first.
  for (auto it = app.notices.rbegin(); it != app.notices.rend(); ++it) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text_colored(level_color(it->level), tr(level_label(it->level)));
    ImGui::TableNextColumn();
    ImGui::TableNextColumn();
    text_wrapped(it->text(language));
  }

  ImGuiListClipper clipper;  // a broken file can have thousands of problems
  clipper.Begin(static_cast<int>(app.problems.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Problem& p = app.problems[static_cast<std::size_t>(i)];
      const bool error = p.severity == Problem::Severity::Error;
      ImGui::TableNextRow();
      ImGui::PushID(i);
      ImGui::TableNextColumn();
      const bool selectable = app.problems_match_dataset && p.project >= 0;
      const bool selected = selectable && p.project == app.selected_project;
      const std::string level =
          std::string(tr(error ? Str::NoticeSeverityError : Str::NoticeSeverityWarning)) + "##problem";
      ImGui::PushStyleColor(ImGuiCol_Text, error ? palette().error : palette().warning);
      if (ImGui::Selectable(level.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
        app.select_problem(static_cast<std::size_t>(i));
      ImGui::PopStyleColor();
      ImGui::TableNextColumn();
      // The file name is enough in the column; the full path is in the tooltip.
      const std::string location = format_location(p);
      const std::size_t slash = p.file.rfind('/');  // `location` starts with p.file
      text_colored(palette().text_dim, slash == std::string::npos ? location : location.substr(slash + 1));
      tooltip(location);
      ImGui::TableNextColumn();
      const std::string what = p.path.empty() ? p.message : p.path + ": " + p.message;
      text(what);
      tooltip(what);  // a long message runs past the column's edge
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

}  // namespace indtrack::ui
