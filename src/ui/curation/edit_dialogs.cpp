// The questions curation asks, as modal dialogs: unsaved changes (save / don't save / cancel)
// before another file is opened, the file reloaded or the window closed; the edits of a session
// that ended without saving (recover / discard); and Save as (a path). The answers go to
// EditSession, which does the work.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/curation/curation_views.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"

namespace indtrack::ui {

namespace {

constexpr const char* kUnsavedId = "##unsaved-changes";
constexpr const char* kRecoverId = "##recover-journal";
constexpr const char* kSaveAsId = "##save-as";

void open_when(bool wanted, const char* id) {
  if (wanted && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
}

}  // namespace

bool draw_curation_dialogs(PanelContext& c, Curation& cur) {
  bool settings_changed = false;
  EditSession& s = cur.session;
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize;

  open_when(s.question() == EditSession::Question::RecoverJournal, kRecoverId);
  ImGui::SetNextWindowSize(ImVec2(620 * c.scale, 0));
  if (ImGui::BeginPopupModal(kRecoverId, nullptr, flags)) {
    panel_title(tr(Str::RecoverTitle));
    if (const auto& offer = s.recovery()) {
      text_wrapped(fill(tr(Str::RecoverTextFmt), {s.path(), std::to_string(offer->edits), offer->started}));
      if (offer->torn_tail) text_wrapped_colored(palette().warning, tr(Str::RecoverTornNote));
      if (ImGui::Button(tr(Str::ButtonRecover))) {
        s.recover();
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (ImGui::Button(tr(Str::ButtonDiscardJournal))) {
        s.discard_recovery();
        ImGui::CloseCurrentPopup();
      }
    } else {
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }

  open_when(s.question() == EditSession::Question::UnsavedChanges, kUnsavedId);
  ImGui::SetNextWindowSize(ImVec2(560 * c.scale, 0));
  if (ImGui::BeginPopupModal(kUnsavedId, nullptr, flags)) {
    panel_title(tr(Str::UnsavedTitle));
    text_wrapped(fill(tr(Str::UnsavedTextFmt), {s.path()}));
    if (s.question() != EditSession::Question::UnsavedChanges) {
      ImGui::CloseCurrentPopup();
    } else {
      if (ImGui::Button(tr(Str::ButtonSave))) s.answer_unsaved(EditSession::Answer::Save);
      ImGui::SameLine();
      if (ImGui::Button(tr(Str::ButtonDiscard))) s.answer_unsaved(EditSession::Answer::Discard);
      ImGui::SameLine();
      if (ImGui::Button(tr(Str::Cancel))) s.answer_unsaved(EditSession::Answer::Cancel);
      if (s.question() != EditSession::Question::UnsavedChanges) ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }

  if (cur.save_as_requested) {
    cur.save_as_requested = false;
    ImGui::OpenPopup(kSaveAsId);
  }
  ImGui::SetNextWindowSize(ImVec2(640 * c.scale, 0));
  if (ImGui::BeginPopupModal(kSaveAsId, nullptr, flags)) {
    panel_title(tr(Str::SaveAsTitle));
    text_wrapped(tr(Str::SaveAsPrompt));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter =
        ImGui::InputText("##save-as-path", &cur.save_as_path, ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemEdited() || ImGui::IsItemActivated()) c.fonts.request_text(cur.save_as_path);
    if (ImGui::Button(tr(Str::ButtonSave)) || enter) {
      if (!cur.save_as_path.empty() && s.save_as(cur.save_as_path)) settings_changed = true;
      ImGui::CloseCurrentPopup();  // a failure is explained in the notices
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::Cancel))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  return settings_changed;
}

}  // namespace indtrack::ui
