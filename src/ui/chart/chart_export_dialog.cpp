// Export dialogs (chart_export_dialog.h).
#include "ui/chart/chart_export_dialog.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "app_model/format.h"
#include "chart_kinds/chart_series.h"
#include "core/text.h"
#include "export/clipboard.h"
#include "export/report.h"
#include "io/file_io.h"
#include "ui/host/file_dialogs.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"

namespace indtrack::ui {

namespace {

constexpr const char* kExtensions[] = {".png", ".pdf", ".svg", ".csv"};

std::string working_directory() {
  std::error_code ec;
  const std::filesystem::path cwd = std::filesystem::current_path(ec);
  return ec ? std::string(".") : cwd.string();
}

// `path` with its extension replaced by the format's.
std::string with_extension(const std::string& path, int format) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.find_last_of('.');
  const std::string stem =
      dot != std::string::npos && (slash == std::string::npos || dot > slash) ? path.substr(0, dot) : path;
  return stem + kExtensions[std::clamp(format, 0, 3)];
}

void status_line(const std::string& message, bool error) {
  if (message.empty()) return;
  text_wrapped_colored(error ? palette().error : palette().actual, message);
}

}  // namespace

void ChartExportDialogs::open_chart(const ChartExportSpec& spec, const std::string& suggested_name,
                                    const std::string& headline) {
  spec_ = spec;
  // The preset chosen last (Word's column at first): sizes in cm, type in points.
  if (preset_ >= 0 && static_cast<std::size_t>(preset_) < export_presets().size())
    apply_preset(spec_, export_presets()[static_cast<std::size_t>(preset_)]);
  headline_ = generated_headline_ = spec.title.empty() ? headline : spec.title;
  if (directory_.empty()) directory_ = working_directory();
  path_ = join_path(directory_, suggested_name) +
          kExtensions[std::clamp(format_, 0, 3)];  // the name may hold dots
  confirm_replace_ = false;
  message_.clear();
  chart_requested_ = true;
}

void ChartExportDialogs::open_report() {
  if (directory_.empty()) directory_ = working_directory();
  if (report_dir_.empty()) report_dir_ = join_path(directory_, "indtrack-report");
  confirm_replace_ = false;
  message_.clear();
  report_requested_ = true;
}

ChartExporter& ChartExportDialogs::exporter(PanelContext& c) {
  // Files are painted by Cairo, not the window's GL context: the same file as `indtrack export`.
  if (!exporter_) exporter_ = std::make_unique<ChartExporter>(c.fonts.sources());
  return *exporter_;
}

void ChartExportDialogs::draw(PanelContext& c) {
  draw_chart_dialog(c);
  draw_report_dialog(c);
}

void ChartExportDialogs::export_chart(PanelContext& c) {
  AppState& app = c.app;
  if (!app.dataset) return;
  const std::optional<ExportFormat> format = export_format_for(path_);
  if (!format) {
    message_ = tr(Str::ExportBadExtension);
    message_is_error_ = true;
    return;
  }
  std::vector<int> projects = app.visible();
  std::sort(projects.begin(), projects.end());
  const chart::CategoryColours colours = company_colours(*app.dataset);
  ChartExporter& ex = exporter(c);
  // An edited headline replaces the generated one (left as it was, the chart's own is used).
  ChartExportSpec spec = spec_;
  if (headline_ != generated_headline_ && !trim(headline_).empty()) spec.title = headline_;
  const PreparedChart chart = ex.prepare(*app.shown(), projects, app.filter(), spec, colours);
  const std::string error = ex.write(chart, *format, path_);
  message_is_error_ = !error.empty();
  message_ = error.empty() ? fill(tr(Str::ExportSavedFmt), {path_}) : fill(tr(Str::ExportFailedFmt), {error});
  c.fonts.request_text(message_);
  if (error.empty()) directory_ = directory_of(path_);
}

std::string ChartExportDialogs::copy_image(PanelContext& c, const ChartExportSpec& spec, bool& ok) {
  ok = false;
  AppState& app = c.app;
  if (!app.dataset) return {};
  const std::optional<ClipboardCommand> command = find_clipboard_command("image/png");
  if (!command) return tr(Str::ChartCopyNeedsTool);
  std::vector<int> projects = app.visible();
  std::sort(projects.begin(), projects.end());
  ChartExporter& ex = exporter(c);
  const PreparedChart chart =
      ex.prepare(*app.shown(), projects, app.filter(), spec, company_colours(*app.dataset));
  std::string error;
  // The same bytes as an exported .png (Cairo, with its DPI), so a pasted chart prints at its size.
  const std::string png = ex.render(chart, ExportFormat::Png, error);
  if (png.empty()) return fill(tr(Str::ChartCopyFailedFmt), {error.empty() ? "PNG" : error});
  error = run_clipboard_command(*command, png);
  if (!error.empty()) return fill(tr(Str::ChartCopyFailedFmt), {error});
  ok = true;
  return fill(tr(Str::ChartCopiedImageFmt),
              {std::to_string(static_cast<int>(chart.width * chart.scale)) + "×" +
               std::to_string(static_cast<int>(chart.height * chart.scale))});
}

void ChartExportDialogs::press_export(PanelContext& c) {
  message_.clear();
  if (file_exists(path_)) {
    confirm_replace_ = true;  // never replaced silently
    return;
  }
  export_chart(c);
}

void ChartExportDialogs::press_replace(PanelContext& c) {
  confirm_replace_ = false;
  export_chart(c);
}

void ChartExportDialogs::draw_chart_dialog(PanelContext& c) {
  const char* id = "##export-chart";
  if (chart_requested_) {
    ImGui::OpenPopup(id);
    chart_requested_ = false;
  }
  ImGui::SetNextWindowSize(ImVec2(620 * c.scale, 0));
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize))
    return;
  const std::string kind = std::string(chart_kind_label(spec_.kind, spec_.options.lang));
  c.fonts.request_text(kind);
  panel_title(fill(tr(Str::ExportTitleFmt), {kind}));
  text_wrapped_colored(palette().text_dim, tr(Str::ExportViewNote));
  ImGui::Spacing();

  if (format_ != 3) {  // a CSV has no headline
    text(tr(Str::ExportHeadline));
    if (headline_ != generated_headline_) {
      ImGui::SameLine();
      if (ImGui::SmallButton(tr(Str::ExportHeadlineReset))) headline_ = generated_headline_;
    }
    c.fonts.request_text(headline_);  // the generated headline's characters too (距, 差…)
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##headline", &headline_);
    ImGui::Spacing();
  }
  text(tr(Str::ExportFormat));
  const Str names[] = {Str::ExportFormatPng, Str::ExportFormatPdf, Str::ExportFormatSvg,
                       Str::ExportFormatCsv};
  for (int f = 0; f < 4; ++f) {
    ImGui::SameLine();
    if (ImGui::RadioButton(tr(names[f]), format_ == f)) {
      format_ = f;
      path_ = with_extension(path_, f);
      confirm_replace_ = false;
    }
  }
  const bool png = format_ == 0;
  if (format_ != 3) {  // not CSV
    text(tr(Str::ExportPreset));
    const bool english = spec_.options.lang == Language::English;
    for (std::size_t p = 0; p < export_presets().size(); ++p) {
      const ExportPreset& preset = export_presets()[p];
      const std::string label(english ? preset.label_en : preset.label_zh);
      c.fonts.request_text(label);
      ImGui::SameLine();
      if (ImGui::RadioButton(label.c_str(), preset_ == static_cast<int>(p))) {
        preset_ = static_cast<int>(p);
        apply_preset(spec_, preset);
      }
    }
    ImGui::SameLine();
    if (ImGui::RadioButton(tr(Str::ExportPresetCustom), preset_ < 0)) {
      preset_ = -1;
      spec_.type.reset();  // type in pixels (13 px labels), the size as typed below
    }
    if (spec_.type)
      text_colored(palette().text_dim,
                   fill(tr(Str::ExportPresetNote),
                        {format_number(spec_.type->title_pt, 1), format_number(spec_.type->text_pt, 1)}));
    text(tr(Str::ExportSize));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110 * c.scale);
    if (ImGui::InputInt("##w", &spec_.width, 100)) preset_ = -1;
    ImGui::SameLine();
    text("×");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110 * c.scale);
    const bool rows_chart = chart_fits_rows(spec_.kind);
    if (rows_chart && spec_.fit_height) ImGui::BeginDisabled();
    if (ImGui::InputInt("##h", &spec_.height, 100)) preset_ = -1;
    if (rows_chart && spec_.fit_height) ImGui::EndDisabled();
    if (rows_chart) {
      ImGui::SameLine();
      ImGui::Checkbox(tr(Str::ExportFitHeight), &spec_.fit_height);
    }
    spec_.width = std::clamp(spec_.width, 320, 8192);
    spec_.height = std::clamp(spec_.height, 240, 8192);
    if (png) {
      ImGui::SameLine();
      text(tr(Str::ExportScale));
      ImGui::SameLine();
      ImGui::SetNextItemWidth(90 * c.scale);
      if (ImGui::InputFloat("##scale", &spec_.scale, 0.5f, 1.0f, "%.1f")) preset_ = -1;
      spec_.scale = std::clamp(spec_.scale, 0.5f, 4.0f);
      if (preset_ < 0)
        spec_.fit_min_height = spec_.fit_max_height = 0;  // a custom size fits as a custom size
      const std::string pixels = std::to_string(static_cast<int>(std::lround(spec_.width * spec_.scale))) +
                                 "×" +
                                 std::to_string(static_cast<int>(std::lround(spec_.height * spec_.scale)));
      if (!(rows_chart && spec_.fit_height))
        text_colored(palette().text_dim, fill(tr(Str::ExportPixelsFmt), {pixels}));
    }
    text(tr(Str::MenuTheme));
    ImGui::SameLine();
    if (ImGui::RadioButton(tr(Str::ThemeLight), !spec_.dark)) spec_.dark = false;
    ImGui::SameLine();
    if (ImGui::RadioButton(tr(Str::ThemeDark), spec_.dark)) spec_.dark = true;
  }
  text(tr(Str::ExportPath));
  const char* browse = tr(Str::ChooserBrowse);
  ImGui::SetNextItemWidth(c.files ? -(ImGui::CalcTextSize(browse).x + ImGui::GetStyle().FramePadding.x * 2 +
                                      ImGui::GetStyle().ItemSpacing.x)
                                  : -1);
  if (ImGui::InputText("##path", &path_)) {
    c.fonts.request_text(path_);
    confirm_replace_ = false;
  }
  if (c.files) {
    ImGui::SameLine();
    if (ImGui::Button(browse)) {
      const std::filesystem::path current(path_);
      c.files->ask(c, FilePurpose::ExportChart, current.parent_path().string(), current.filename().string(),
                   [this](const std::string& path) {
                     set_path(path);
                     if (const std::optional<ExportFormat> f = export_format_for(path))
                       format_ = static_cast<int>(*f);
                   });
    }
    c.files->draw(c);  // inside this modal, which it would otherwise close
  }

  if (confirm_replace_) {
    text_wrapped_colored(palette().warning, fill(tr(Str::ExportExistsFmt), {path_}));
    if (ImGui::Button(tr(Str::ExportReplace))) press_replace(c);
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::Cancel))) confirm_replace_ = false;
  } else {
    if (ImGui::Button(tr(Str::ExportButton))) press_export(c);
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::Close))) ImGui::CloseCurrentPopup();
  }
  status_line(message_, message_is_error_);
  ImGui::EndPopup();
}

void ChartExportDialogs::export_report(PanelContext& c) {
  AppState& app = c.app;
  if (!app.dataset) return;
  ReportSpec spec;
  apply_preset(spec, *export_preset("word"));  // reports go into Word: 16 cm at 300 dpi, type in points
  spec.directory = report_dir_;
  spec.options.lang = app.language();
  spec.dark = false;  // reports are for print
  const ReportResult result = write_report(exporter(c), *app.shown(), app.filter(), spec);
  message_is_error_ = !result.error.empty();
  message_ = result.error.empty()
                 ? fill(tr(Str::ReportSavedFmt), {report_dir_, std::to_string(result.files.size())})
                 : fill(tr(Str::ExportFailedFmt), {result.error});
  c.fonts.request_text(message_);
}

void ChartExportDialogs::draw_report_dialog(PanelContext& c) {
  const char* id = "##export-report";
  if (report_requested_) {
    ImGui::OpenPopup(id);
    report_requested_ = false;
  }
  ImGui::SetNextWindowSize(ImVec2(640 * c.scale, 0));
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize))
    return;
  panel_title(tr(Str::ReportDialogTitle));
  text_wrapped(tr(Str::ReportPrompt));
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputText("##dir", &report_dir_)) {
    c.fonts.request_text(report_dir_);
    confirm_replace_ = false;
  }
  if (confirm_replace_) {
    text_wrapped_colored(palette().warning, fill(tr(Str::ReportExistsFmt), {report_dir_}));
    if (ImGui::Button(tr(Str::ExportReplace))) {
      confirm_replace_ = false;
      export_report(c);
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::Cancel))) confirm_replace_ = false;
  } else {
    if (ImGui::Button(tr(Str::ExportButton))) {
      message_.clear();
      if (file_exists(join_path(report_dir_, "index.html")))
        confirm_replace_ = true;
      else
        export_report(c);
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::Close))) ImGui::CloseCurrentPopup();
  }
  status_line(message_, message_is_error_);
  ImGui::EndPopup();
}

}  // namespace indtrack::ui
