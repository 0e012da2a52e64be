// The curation entries of the menu bar — File: Save, Save as, Import article; Edit: Undo, Redo,
// New project, Edit the selected project — and their keyboard shortcuts (Ctrl+S, Ctrl+Z,
// Ctrl+Y / Ctrl+Shift+Z), which leave text fields their own undo.
#include <imgui.h>

#include "app_model/notice.h"
#include "ui/curation/curation_views.h"
#include "ui/host/widgets.h"

namespace indtrack::ui {

namespace {

// Edit labels come from the core in English ("accept capacity fact"); the menu shows them in
// the UI language when they are known.
std::string edit_label(const std::string& label) {
  struct Known {
    const char* prefix;
    Str text;
  };
  static constexpr Known kKnown[] = {
      {"accept ", Str::EditLabelAcceptFact},
      {"add project", Str::EditLabelAddProject},
      {"remove project", Str::EditLabelRemoveProject},
      {"add production line", Str::EditLabelAddUnit},
      {"remove production line", Str::EditLabelRemoveUnit},
      {"add milestone", Str::EditLabelAddMilestone},
      {"remove milestone", Str::EditLabelRemoveMilestone},
  };
  for (const Known& k : kKnown)
    if (label.rfind(k.prefix, 0) == 0) return tr(k.text);
  return label;  // the panels give their own labels in the UI language
}

void undo(Curation& cur) { cur.session.undo(); }
void redo(Curation& cur) { cur.session.redo(); }

}  // namespace

void draw_file_curation_items(PanelContext&, Curation& cur) {
  EditSession& s = cur.session;
  ImGui::Separator();
  if (ImGui::MenuItem(tr(Str::MenuSave), "Ctrl+S", false, s.editable() && s.dirty())) s.save();
  if (ImGui::MenuItem(tr(Str::MenuSaveAs), nullptr, false, s.has_dataset())) {
    cur.save_as_requested = true;
    if (cur.save_as_path.empty()) cur.save_as_path = s.path();
  }
  if (ImGui::MenuItem(tr(Str::MenuImportArticle), nullptr, cur.import_open, s.has_dataset()))
    cur.import_open = !cur.import_open;
}

void draw_edit_menu(PanelContext& c, Curation& cur) {
  if (!ImGui::BeginMenu(tr(Str::MenuEdit))) return;
  EditSession& s = cur.session;
  const std::string undo_text =
      s.can_undo() ? fill(tr(Str::MenuUndoFmt), {edit_label(s.undo_label())}) : tr(Str::MenuUndo);
  const std::string redo_text =
      s.can_redo() ? fill(tr(Str::MenuRedoFmt), {edit_label(s.redo_label())}) : tr(Str::MenuRedo);
  c.fonts.request_text(undo_text);
  c.fonts.request_text(redo_text);
  if (ImGui::MenuItem(undo_text.c_str(), "Ctrl+Z", false, s.can_undo())) undo(cur);
  if (ImGui::MenuItem(redo_text.c_str(), "Ctrl+Y", false, s.can_redo())) redo(cur);
  ImGui::Separator();
  if (ImGui::MenuItem(tr(Str::MenuNewProject), nullptr, false, s.editable())) {
    const EditOutcome out = s.apply(add_project(s.editor()->dataset(), tr(Str::MenuNewProject)));
    if (out.ok) cur.project_edit_mode = true;  // the new project is selected: name it
  }
  if (ImGui::MenuItem(tr(Str::MenuEditProject), nullptr, cur.project_edit_mode,
                      s.editable() && c.app.selected_project >= 0))
    cur.project_edit_mode = !cur.project_edit_mode;
  ImGui::EndMenu();
}

void handle_edit_shortcuts(Curation& cur) {
  const ImGuiIO& io = ImGui::GetIO();
  // A focused text field has its own undo (ImGui's); the dataset's applies elsewhere.
  if (!io.KeyCtrl || io.WantTextInput) return;
  EditSession& s = cur.session;
  // ImGui 1.86 names no S key; the GLFW backend indexes keys by GLFW code, 'S' for letters.
  if (ImGui::IsKeyPressed('S', false) && s.editable() && s.dirty()) s.save();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)) {
    if (io.KeyShift)
      redo(cur);
    else
      undo(cur);
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false)) redo(cur);
}

}  // namespace indtrack::ui
