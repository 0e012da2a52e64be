// The questions curation asks, as modal dialogs: unsaved changes (save / don't save / cancel)
// before another file is opened, the file reloaded or the window closed; the edits of a session
// that ended without saving (recover / discard); a file another program changed since it was
// opened (review and merge / reload keeping mine / save elsewhere); and Save as (a path). The
// answers go to EditSession, which does the work.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "ui/curation/curation_views.h"
#include "ui/host/file_dialogs.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"

namespace indtrack::ui {

namespace {

constexpr const char* kUnsavedId = "##unsaved-changes";
constexpr const char* kRecoverId = "##recover-journal";
constexpr const char* kSaveAsId = "##save-as";
constexpr const char* kDiskChangedId = "##file-changed-on-disk";

void open_when(bool wanted, const char* id) {
  if (wanted && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
}

// The differences between the file on disk and these edits, one row each, with the side to keep.
void merge_review(PanelContext& c, Curation& cur) {
  EditSession& s = cur.session;
  std::vector<DocumentChange>* changes = s.disk_changes();
  if (changes) {
    text_wrapped_colored(palette().text_dim, tr(Str::MergeHint));
    if (changes->empty()) text(tr(Str::MergeNoDifferences));
    const float row_h = ImGui::GetFrameHeightWithSpacing();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    const float height = std::min(row_h * static_cast<float>(changes->size() + 1), 360 * c.scale);
    if (!changes->empty() && ImGui::BeginTable("##merge", 4, flags, ImVec2(0, height))) {
      ImGui::TableSetupScrollFreeze(0, 1);
      ImGui::TableSetupColumn(tr(Str::MergeColumnRecord), ImGuiTableColumnFlags_WidthFixed, 240 * c.scale);
      ImGui::TableSetupColumn(tr(s.is_file() ? Str::MergeColumnFile : Str::MergeColumnDb),
                              ImGuiTableColumnFlags_WidthStretch);
      ImGui::TableSetupColumn(tr(Str::MergeColumnMine), ImGuiTableColumnFlags_WidthStretch);
      ImGui::TableSetupColumn(tr(Str::MergeColumnKeep), ImGuiTableColumnFlags_WidthFixed, 130 * c.scale);
      ImGui::TableHeadersRow();
      ImGuiListClipper clipper;  // another program may have changed thousands of records
      clipper.Begin(static_cast<int>(changes->size()), row_h);
      while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
          DocumentChange& change = (*changes)[static_cast<std::size_t>(i)];
          ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
          ImGui::PushID(i);
          ImGui::TableNextColumn();
          const std::string record = describe_change(change);
          c.fonts.request_text(record);
          text(record);
          if (change.conflict()) {
            ImGui::SameLine();
            badge(tr(Str::MergeConflict), palette().conflicting);
          }
          const std::string theirs = preview_value(change.theirs, 60), mine = preview_value(change.mine, 60);
          c.fonts.request_text(theirs);
          c.fonts.request_text(mine);
          ImGui::TableNextColumn();
          text_colored(change.theirs_changed ? palette().text : palette().text_dim, theirs);
          ImGui::TableNextColumn();
          text_colored(change.mine_changed ? palette().text : palette().text_dim, mine);
          ImGui::TableNextColumn();
          if (ImGui::RadioButton(tr(Str::MergeKeepFile), !change.take_mine)) change.take_mine = false;
          ImGui::SameLine();
          if (ImGui::RadioButton(tr(Str::MergeKeepMine), change.take_mine)) change.take_mine = true;
          ImGui::PopID();
        }
      }
      ImGui::EndTable();
    }
    if (ImGui::Button(tr(Str::ButtonMergeSave))) s.merge_and_save();
    ImGui::SameLine();
  }
  if (ImGui::Button(tr(Str::ButtonBack))) cur.disk_review = false;
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
      if (!offer->broken.empty())
        text_wrapped_colored(palette().warning, fill(tr(Str::RecoverBrokenNoteFmt),
                                                     {std::to_string(offer->edits), offer->broken}));
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

  // Before Save as: its button opens that dialog in the same frame.
  open_when(s.question() == EditSession::Question::FileChangedOnDisk, kDiskChangedId);
  ImGui::SetNextWindowSize(ImVec2(960 * c.scale, 0));
  if (ImGui::BeginPopupModal(kDiskChangedId, nullptr, flags)) {
    panel_title(tr(s.is_file() ? Str::DiskChangedTitle : Str::DbChangedTitle));
    if (s.question() == EditSession::Question::FileChangedOnDisk) {
      text_wrapped(fill(tr(s.is_file() ? Str::DiskChangedTextFmt : Str::DbChangedTextFmt), {s.path()}));
      if (cur.disk_review) {
        merge_review(c, cur);
      } else {
        if (ImGui::Button(tr(Str::ButtonReviewMerge))) cur.disk_review = true;
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::ButtonReloadKeepMine))) s.reload_keeping_mine();
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::ButtonSaveElsewhere))) {
          s.dismiss_disk_change();
          cur.save_as_requested = true;
          if (cur.save_as_path.empty()) cur.save_as_path = s.path();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::Cancel))) s.dismiss_disk_change();
      }
      if (!s.disk_error().empty()) text_wrapped_colored(palette().error, s.disk_error());
    }
    if (s.question() != EditSession::Question::FileChangedOnDisk) {
      cur.disk_review = false;
      ImGui::CloseCurrentPopup();
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
    const char* browse = tr(Str::ChooserBrowse);
    ImGui::SetNextItemWidth(c.files ? -(ImGui::CalcTextSize(browse).x + ImGui::GetStyle().FramePadding.x * 2 +
                                        ImGui::GetStyle().ItemSpacing.x)
                                    : -1);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter =
        ImGui::InputText("##save-as-path", &cur.save_as_path, ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemEdited() || ImGui::IsItemActivated()) c.fonts.request_text(cur.save_as_path);
    if (c.files) {
      ImGui::SameLine();
      if (ImGui::Button(browse))
        c.files->ask(c, FilePurpose::SaveDataset, cur.save_as_path, {},
                     [&cur](const std::string& path) { cur.save_as_path = path; });
      c.files->draw(c);  // inside this modal, which it would otherwise close
    }
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
