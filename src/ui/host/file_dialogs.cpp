// The desktop's or the built-in file chooser (file_dialogs.h).
#include "ui/host/file_dialogs.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>
#include <filesystem>
#include <optional>

#include "ui/host/theme.h"
#include "ui/host/widgets.h"

namespace indtrack::ui {

namespace {

constexpr const char* kPopupId = "##file-chooser";

std::string size_text(std::uintmax_t bytes) {
  char buffer[32];
  if (bytes < 1024)
    std::snprintf(buffer, sizeof buffer, "%ju B", bytes);
  else if (bytes < 1024 * 1024)
    std::snprintf(buffer, sizeof buffer, "%.1f KB", static_cast<double>(bytes) / 1024);
  else
    std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / (1024 * 1024));
  return buffer;
}

// The folder a chooser starts in: `start` itself when it is one, else the folder holding it.
std::string start_folder(const std::string& start) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (start.empty() || fs::is_directory(start, ec)) return start;
  return fs::path(start).parent_path().string();
}

}  // namespace

void FileDialogs::ask(PanelContext& c, FilePurpose purpose, const std::string& start,
                      const std::string& suggested, Then then) {
  if (busy()) return;
  purpose_ = purpose;
  start_ = start;
  suggested_ = suggested;
  then_ = std::move(then);
  // zenity's --filename is a file to suggest, or a folder (ending "/") to start in.
  std::string desktop_start = start_folder(start);
  if (!suggested.empty()) desktop_start = (std::filesystem::path(desktop_start) / suggested).string();
  if (const auto command = desktop_chooser_command(purpose, desktop_start, tr(purpose_title(purpose)))) {
    const std::string error = process_.start(*command);
    if (error.empty()) return;
    c.app.add_notice({Notice::Level::Warning, Str::ChooserFailedFmt, {error}});
  }
  open_builtin(purpose, start, suggested);
}

void FileDialogs::open_builtin(FilePurpose purpose, const std::string& start, const std::string& suggested) {
  chooser_.open(purpose, start, suggested);
  builtin_open_ = builtin_requested_ = true;
  listed_.clear();
}

void FileDialogs::finish(const std::string& path) {
  Then then = std::move(then_);
  then_ = {};
  if (then) then(path);
}

void FileDialogs::draw(PanelContext& c) {
  const int frame = ImGui::GetFrameCount();
  if (drawn_frame_ == frame) return;  // drawn already, inside the modal that asked
  drawn_frame_ = frame;
  if (const std::optional<ChooserOutcome> outcome = process_.poll()) {
    switch (outcome->kind) {
      case ChooserOutcome::Kind::Chosen:
        c.fonts.request_text(outcome->text);
        finish(outcome->text);
        break;
      case ChooserOutcome::Kind::Cancelled:
        then_ = {};
        break;
      case ChooserOutcome::Kind::Failed:
        c.app.add_notice({Notice::Level::Warning, Str::ChooserFailedFmt, {outcome->text}});
        open_builtin(purpose_, start_, suggested_);
        break;
    }
  }
  draw_builtin(c);
}

void FileDialogs::draw_builtin(PanelContext& c) {
  if (builtin_requested_) {
    ImGui::OpenPopup(kPopupId);
    builtin_requested_ = false;
  }
  ImGui::SetNextWindowSize(ImVec2(760 * c.scale, 500 * c.scale), ImGuiCond_Appearing);
  drawn_rows_.clear();
  if (!ImGui::BeginPopupModal(kPopupId, nullptr, ImGuiWindowFlags_NoTitleBar)) {
    builtin_open_ = false;
    return;
  }
  if (listed_ != chooser_.directory()) {  // a new folder: its names reach the atlas once
    listed_ = folder_field_ = chooser_.directory();
    c.fonts.request_text(listed_);
    for (const FileEntry& e : chooser_.entries()) c.fonts.request_text(e.name);
  }
  bool cancel = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  bool choose = false;
  panel_title(tr(purpose_title(chooser_.purpose())));

  // The folder: up, or a typed path (Enter goes there).
  if (ImGui::Button(tr(Str::ChooserUp))) chooser_.go_up();
  ImGui::SameLine();
  text(tr(Str::ChooserFolder));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputText("##folder", &folder_field_, ImGuiInputTextFlags_EnterReturnsTrue))
    chooser_.navigate(folder_field_);
  if (ImGui::IsItemEdited()) c.fonts.request_text(folder_field_);
  if (chooser_.error()) {
    const std::string why = chooser_.error()->text(c.app.language());
    c.fonts.request_text(why);
    text_wrapped_colored(palette().error, why);
  }

  // The listing: only the rows in view are drawn. A click enters a folder or picks a file; a
  // double click on a file chooses it.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float footer = ImGui::GetFrameHeightWithSpacing() * 3 + style.ItemSpacing.y;
  std::optional<std::size_t> activated;
  bool double_clicked = false;
  if (ImGui::BeginTable("##files", 2,
                        ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV,
                        ImVec2(0, -footer))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::ChooserNameCol), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Str::ChooserSizeCol), ImGuiTableColumnFlags_WidthFixed, 90 * c.scale);
    ImGui::TableHeadersRow();
    const std::vector<FileEntry>& entries = chooser_.entries();
    if (entries.empty()) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      text_colored(palette().text_dim, tr(Str::ChooserEmpty));
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(entries.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const FileEntry& e = entries[static_cast<std::size_t>(i)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(i);
        const std::string label = e.directory ? e.name + "/" : e.name;
        if (e.directory) ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
        if (ImGui::Selectable(label.c_str(), !e.directory && e.name == chooser_.name,
                              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
          activated = static_cast<std::size_t>(i);
          double_clicked = ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
        }
        if (e.directory) ImGui::PopStyleColor();
        const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
        drawn_rows_.emplace_back(e.name, ImVec4(lo.x, lo.y, hi.x, hi.y));
        ImGui::TableNextColumn();
        if (!e.directory) text_colored(palette().text_dim, size_text(e.bytes));
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }
  if (activated) {  // after the table: entering a folder replaces the list drawn above
    const bool file = !chooser_.entries()[*activated].directory;
    chooser_.activate(*activated);
    choose = file && double_clicked;
  }

  bool hidden = chooser_.show_hidden();
  if (ImGui::Checkbox(tr(Str::ChooserShowHidden), &hidden)) chooser_.set_show_hidden(hidden);
  ImGui::SameLine();
  bool all = chooser_.all_files();
  std::string patterns;
  for (const std::string& ext : purpose_extensions(chooser_.purpose()))
    patterns += (patterns.empty() ? "*" : " *") + ext;
  if (ImGui::Checkbox(tr(Str::ChooserAllFiles), &all)) chooser_.set_all_files(all);
  ImGui::SameLine();
  text_colored(palette().text_dim, fill(tr(Str::ChooserFilterFmt), {patterns}));

  text(tr(Str::ChooserName));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  choose |= ImGui::InputText("##name", &chooser_.name, ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::IsItemEdited() || ImGui::IsItemActivated()) c.fonts.request_text(chooser_.name);
  choose |= ImGui::Button(tr(Str::ChooserChoose));
  choose_button_ = ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                          ImGui::GetItemRectMax().y);
  ImGui::SameLine();
  cancel |= ImGui::Button(tr(Str::Cancel));

  if (choose) {
    if (const std::optional<std::string> path = chooser_.choose()) {
      builtin_open_ = false;
      ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
      finish(*path);
      return;
    }
  }
  if (cancel) {
    builtin_open_ = false;
    then_ = {};
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace indtrack::ui
