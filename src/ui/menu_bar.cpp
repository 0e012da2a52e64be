// The menu bar (File, View, Help) and its dialogs: about, data sources; opening through the file
// chooser, the recent files and dropped files.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app_model/dropped_files.h"
#include "app_model/format.h"
#include "ui/curation/curation_views.h"
#include "ui/dashboard.h"
#include "ui/host/fonts.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"

namespace indtrack::ui {

void Dashboard::open(const std::string& path) {
  fonts_.request_text(path);
  curation_.session.request_open(path);  // asks first about unsaved edits
  settings_changed = true;
}

void Dashboard::open_paths(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) fonts_.request_text(path);
  if (!drop_files(curation_, app_, paths).opened.empty()) settings_changed = true;
}

void Dashboard::draw_menu_bar(PanelContext& c) {
  if (!ImGui::BeginMainMenuBar()) return;
  AppState& app = c.app;
  if (ImGui::BeginMenu(tr(Str::MenuFile))) {
    if (ImGui::MenuItem(tr(Str::MenuOpen)))
      files_.ask(c, FilePurpose::OpenDataset, app.dataset ? app.dataset->path : std::string(), {},
                 [this](const std::string& path) { open(path); });
    if (ImGui::MenuItem(tr(Str::MenuReload), nullptr, false, app.dataset.has_value()))
      curation_.session.request_reload();
    draw_file_curation_items(c, curation_);
    if (ImGui::BeginMenu(tr(Str::MenuRecent))) {
      if (ImGui::IsWindowAppearing())
        recent_present_ = recent_files_present(app.settings);  // stat once per opening
      if (app.settings.recent_files.empty()) ImGui::MenuItem(tr(Str::MenuRecentEmpty), nullptr, false, false);
      const std::vector<std::string> recent = app.settings.recent_files;  // open() reorders the list
      std::size_t missing = 0;
      for (std::size_t i = 0; i < recent.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const bool present = i >= recent_present_.size() || recent_present_[i];
        const std::string label = present ? recent[i] : recent[i] + " " + tr(Str::RecentMissing);
        if (ImGui::MenuItem(label.c_str(), nullptr, false, present)) open(recent[i]);
        missing += present ? 0 : 1;
        ImGui::PopID();
      }
      if (!recent.empty()) {
        ImGui::Separator();
        if (missing > 0 &&
            ImGui::MenuItem(fill(tr(Str::RecentForgetMissingFmt), {std::to_string(missing)}).c_str())) {
          forget_missing_recent_files(app.settings);
          recent_present_ = recent_files_present(app.settings);
          settings_changed = true;
        }
        if (ImGui::MenuItem(tr(Str::MenuClearRecent))) {
          app.settings.recent_files.clear();
          settings_changed = true;
        }
      }
      ImGui::EndMenu();
    }
    for (const auto& [label, action] : file_menu_items_)
      if (ImGui::MenuItem(tr(label), nullptr, false, app.dataset.has_value())) action();
    ImGui::Separator();
    if (ImGui::MenuItem(tr(Str::MenuQuit))) quit_requested = true;
    ImGui::EndMenu();
  }
  draw_edit_menu(c, curation_);
  if (ImGui::BeginMenu(tr(Str::MenuView))) {
    if (ImGui::BeginMenu(tr(Str::MenuLanguage))) {
      if (ImGui::MenuItem(tr(Str::LanguageChinese), nullptr, app.settings.language == Language::Chinese)) {
        app.set_language(Language::Chinese);
        settings_changed = true;
      }
      if (ImGui::MenuItem(tr(Str::LanguageEnglish), nullptr, app.settings.language == Language::English)) {
        app.set_language(Language::English);
        settings_changed = true;
      }
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(Str::MenuTheme))) {
      for (const Theme theme : {Theme::Dark, Theme::Light}) {
        const Str name = theme == Theme::Dark ? Str::ThemeDark : Str::ThemeLight;
        if (ImGui::MenuItem(tr(name), nullptr, app.settings.theme == theme) && app.settings.theme != theme) {
          app.settings.theme = theme;
          restyle_requested = settings_changed = true;
        }
      }
      ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem(tr(Str::MenuResetLayout))) {
      const int generation = app.settings.layout.table_generation + 1;
      app.settings.layout = LayoutSettings{};
      app.settings.layout.table_generation = generation;
      settings_changed = true;
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(Str::MenuHelp))) {
    if (ImGui::MenuItem(tr(Str::MenuShortcuts), "F1")) shortcuts_open_ = true;
    if (ImGui::MenuItem(tr(Str::MenuAbout))) about_requested_ = true;
    if (ImGui::MenuItem(tr(Str::MenuDataSources))) sources_open_ = true;
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

void Dashboard::draw_about(PanelContext& c) {
  if (about_requested_) {
    ImGui::OpenPopup("##about");
    about_requested_ = false;
  }
  ImGui::SetNextWindowSize(ImVec2(560 * c.scale, 0));
  if (!ImGui::BeginPopupModal("##about", nullptr,
                              ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize))
    return;
  panel_title(tr(Str::AppTitle), fill(tr(Str::VersionFmt), {INDTRACK_VERSION}));
  ImGui::Spacing();
  text_wrapped(tr(Str::AboutText));
  ImGui::Spacing();
  const FontSources& fonts = c.fonts.sources();
  const std::string font = fonts.primary ? fonts.primary->label : "ImGui ProggyClean";
  text_colored(palette().text_dim, fill(tr(Str::AboutFontFmt), {font}));
  if (ImGui::Button(tr(Str::Close))) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void Dashboard::draw_sources_window(PanelContext& c) {
  if (!sources_open_) return;
  ImGui::SetNextWindowSize(ImVec2(900 * c.scale, 480 * c.scale), ImGuiCond_FirstUseEver);
  const std::string title = std::string(tr(Str::SourcesTitle)) + "###sources";
  if (ImGui::Begin(title.c_str(), &sources_open_)) {
    close_on_escape(sources_open_);
    if (!c.app.dataset) {
      text_colored(palette().text_dim, tr(Str::SourcesNone));
    } else if (ImGui::BeginTable("sources", 4,
                                 ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                     ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp)) {
      ImGui::TableSetupScrollFreeze(0, 1);
      ImGui::TableSetupColumn(tr(Str::SourcesDate), ImGuiTableColumnFlags_WidthFixed, 100 * c.scale);
      ImGui::TableSetupColumn(tr(Str::DetailSources), ImGuiTableColumnFlags_WidthStretch, 3);
      ImGui::TableSetupColumn(tr(Str::SourcesKind), ImGuiTableColumnFlags_WidthFixed, 150 * c.scale);
      ImGui::TableSetupColumn(tr(Str::SourcesId), ImGuiTableColumnFlags_WidthStretch, 1);
      ImGui::TableHeadersRow();
      for (const Source& s : c.app.dataset->sources) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        text(s.date.to_string());
        ImGui::TableNextColumn();
        const bool english = c.app.language() == Language::English;
        text_wrapped(publisher_text(s, english) + " · " + s.title);
        const std::string& basis = in_language(s.date_basis, s.date_basis_en, english);
        if (!basis.empty()) text_wrapped_colored(palette().text_dim, basis);
        ImGui::TableNextColumn();
        const bool article = s.kind == Source::Kind::Article;
        text_colored(article ? palette().actual : palette().warning,
                     tr(article ? Str::SourceArticle : Str::SourceReference));
        if (!article) text_colored(palette().warning, tr(Str::SourceNotVerifiable));
        ImGui::TableNextColumn();
        text_wrapped_colored(palette().text_dim, s.id);
        if (!s.file.empty()) text_wrapped_colored(palette().text_dim, s.file);
        if (!s.url.empty()) text_wrapped_colored(palette().text_dim, s.url);
      }
      ImGui::EndTable();
    }
  }
  ImGui::End();
}

}  // namespace indtrack::ui
