// Session wiring (session.h).
#include "ui/session.h"

#include <filesystem>

#include "core/text.h"
#include "io/data_paths.h"
#include "ui/host/widgets.h"

namespace indtrack::ui {

Session::Session(Settings settings, std::string settings_dir, const std::string& font_path)
    : fonts(resolve_fonts(font_path)), dashboard(app, fonts, curation) {
  app.settings = std::move(settings);
  app.settings_dir = std::move(settings_dir);
  fonts.request_text(all_ui_text());
  fonts.request_text(all_chart_kind_text());
  app.on_new_text = [this](std::string_view text) { fonts.request_text(text); };
  app.on_new_heading_text = [this](std::string_view text) { fonts.request_heading_text(text); };
  for (const std::string& path : app.settings.recent_files) fonts.request_text(path);
  if (const auto notice = font_notice(fonts.sources())) app.add_notice(*notice);
  set_glyph_sink(&fonts);
  dashboard.set_charts([this](PanelContext& c) { charts.draw(c); });
  dashboard.set_chart_extra([this] { return charts.extra_height(); });
  dashboard.add_file_menu_item(Str::MenuExportReport, [this] { charts.open_report_dialog(); });
}

Session::~Session() { set_glyph_sink(nullptr); }

Session::Session(Settings settings, std::string settings_dir)
    : Session(std::move(settings), std::move(settings_dir), find_bundled_file(kBundledFont)) {}

bool Session::open_initial_dataset(const std::string& path) {
  const std::string target = path.empty() ? default_dataset_path() : path;
  return curation.session.open_then(target.empty() ? std::string(kBundledDataset) : target, nullptr);
}

void Session::note_font_build(const FontBuildReport& report) {
  // Without a CJK font the font notice already says that Chinese cannot be shown.
  if (!fonts.sources().primary || report.missing.size() <= reported_missing_) return;
  reported_missing_ = report.missing.size();
  std::string characters;
  for (std::size_t i = 0; i < report.missing.size() && i < 40; ++i)
    append_utf8(characters, report.missing[i]);
  app.add_notice({Notice::Level::Warning,
                  Str::NoticeGlyphsMissingFmt,
                  {std::to_string(report.missing.size()), characters}});
}

SettingsLoad load_startup_settings(const std::string& settings_dir) {
  SettingsLoad loaded;
  if (settings_dir.empty()) return loaded;
  loaded = load_settings(settings_file(settings_dir));
  if (!loaded.notice.empty()) {
    std::error_code ignored;
    std::filesystem::rename(settings_file(settings_dir), settings_file(settings_dir) + ".broken", ignored);
  }
  return loaded;
}

void note_settings_load(AppState& app, const SettingsLoad& loaded) {
  if (!loaded.notice.empty())
    app.add_notice({Notice::Level::Warning, Str::NoticeSettingsBrokenFmt, {loaded.notice}});
}

}  // namespace indtrack::ui
