// The detail panel's edit mode (curation_views.h): the toggle beside the project's title, and in
// edit mode the project editor (project_editor_form.h) in a child window.
#include <imgui.h>

#include <algorithm>

#include "ui/curation/curation_views.h"
#include "ui/curation/project_editor_form.h"
#include "ui/host/widgets.h"

namespace indtrack::ui {

bool draw_project_editor(PanelContext& c) {
  if (!c.curation || !c.app.dataset || c.app.selected_project < 0) return false;
  Curation& cur = *c.curation;
  EditSession& session = cur.session;
  if (!session.has_dataset()) return false;
  // The toggle, at the right of the panel title.
  const char* toggle = tr(cur.project_edit_mode ? Str::EditDoneButton : Str::EditModeButton);
  const float width = ImGui::CalcTextSize(toggle).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - width));
  // On the published-by clock the panel shows the project as published then: its lines and facts
  // are not the ones an edit would change.
  const bool this_clock = c.app.editable();
  ImGui::BeginDisabled(!session.editable() || !this_clock);
  if (ImGui::SmallButton(toggle)) cur.project_edit_mode = !cur.project_edit_mode;
  ImGui::EndDisabled();
  if (!session.editable()) {
    if (session.read_only() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      tooltip_now(tr(Str::EditReadOnlyHint));
    return false;
  }
  if (!this_clock) {
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) tooltip_now(tr(Str::EditNeedsNowClock));
    cur.project_edit_mode = false;
    return false;
  }
  if (!cur.project_edit_mode) return false;

  const Dataset& d = session.editor()->dataset();
  const int project = c.app.selected_project;
  if (project >= static_cast<int>(d.projects.size())) return false;
  if (cur.form_project != project) {  // forms belong to the project they were filled in for
    cur.form_project = project;
    cur.new_milestone = MilestoneForm{};
    cur.new_unit = UnitForm{};
  }
  cur.drafts.sync(session);
  ImGui::Separator();
  ImGui::BeginChild("project-editor", ImVec2(0, 0), false);
  c.fonts.request_heading_text(d.projects[static_cast<std::size_t>(project)].name);
  if (c.font.heading) ImGui::PushFont(c.font.heading);
  text_wrapped(name_of(d.projects[static_cast<std::size_t>(project)], frame_language()));
  if (c.font.heading) ImGui::PopFont();
  ProjectEditorForm form{c, cur, d, project, 84 * c.scale, {}};
  form.draw();
  ImGui::EndChild();
  form.apply_deferred();  // after the last read of `d`: an edit replaces it
  return true;
}

}  // namespace indtrack::ui
