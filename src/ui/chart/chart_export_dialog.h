// The dashboard's export dialogs: one chart (format, size, scale, theme, file) from the chart
// panel's export button, and the report pack from File → Export report. An existing file is
// never replaced without asking; the saved path (or the reason it failed) is shown.
#pragma once

#include <memory>
#include <string>

#include "export/chart_export.h"
#include "ui/host/panel_context.h"

namespace indtrack::ui {

class ChartExportDialogs {
 public:
  // Opens the chart dialog for `spec` (kind, options, view and legend toggles as shown) with the
  // chart's generated `headline` in an editable field: a changed headline replaces it in the file.
  void open_chart(const ChartExportSpec& spec, const std::string& suggested_name,
                  const std::string& headline = {});
  void open_report();

  // Draws whichever dialog is open; call every frame from the same place.
  void draw(PanelContext& c);

  // What the chart dialog's buttons do (also for tests): Export writes the file, or — when it
  // exists — asks first; Replace writes it after the question.
  void press_export(PanelContext& c);
  void press_replace(PanelContext& c);
  bool asking_to_replace() const { return confirm_replace_; }
  void set_path(std::string path) {
    path_ = std::move(path);
    confirm_replace_ = false;
  }
  const std::string& path() const { return path_; }
  void set_headline(std::string headline) { headline_ = std::move(headline); }
  const std::string& headline() const { return headline_; }
  const std::string& message() const { return message_; }  // "已保存：…" or why it failed

  // Copy image (the chart's right-click menu): `spec` as a PNG at the export size and scale onto
  // the system clipboard through wl-copy or xclip (export/clipboard.h). Returns what happened,
  // for the panel to show: copied (with the pixel size), no tool to copy with, or why it failed.
  // `ok` says which.
  std::string copy_image(PanelContext& c, const ChartExportSpec& spec, bool& ok);

 private:
  void draw_chart_dialog(PanelContext& c);
  void draw_report_dialog(PanelContext& c);
  ChartExporter& exporter(PanelContext& c);
  void export_chart(PanelContext& c);
  void export_report(PanelContext& c);

  std::unique_ptr<ChartExporter>
      exporter_;  // its PNG painter has its own atlas: the dashboard's is left alone
  bool chart_requested_ = false, report_requested_ = false;

  ChartExportSpec spec_;
  int format_ = 0;  // ExportFormat
  int preset_ = 0;  // index into export_presets(); -1: custom pixels
  std::string path_;
  std::string headline_, generated_headline_;  // as edited; as the chart made it
  std::string report_dir_;
  std::string directory_;  // where the last export went; the next one suggests it
  bool confirm_replace_ = false;
  std::string message_;
  bool message_is_error_ = false;
};

}  // namespace indtrack::ui
