// The report pack (`indtrack report`, File → Export report): for the current filter, every chart
// as PNG and SVG with the CSV of its plotted numbers, the filtered project table as CSV, and an
// index.html and README.md listing the figures with the KPIs, the filter in words and the
// sources — one command reproduces a whole report's figures. Or the same as one PDF
// (`report --format pdf`): a title page, each chart on a page of its own, the project table.
#pragma once

#include <string>
#include <vector>

#include "export/chart_export.h"

namespace indtrack {

struct ReportSpec {
  std::string directory;  // created when missing (its parent must exist)
  int width = 1600, height = 900;
  bool fit_height = true;  // timeline, investment and slippage as tall as their rows need
  float scale = 2;
  std::optional<TypeSizes> type;  // type in points (a preset's); nullopt: the style's pixel sizes
  bool dark = false;
  bool png = true;  // the pack's PNGs (the slowest files to make)
  ChartOptions options;
};

struct ReportResult {
  std::string error;               // empty on success: which file failed and why
  std::vector<std::string> files;  // written, in order (paths inside the directory); PDF: page names
};

// Sets the report's size, scale and type to a preset's; fit_height is kept (the timeline as tall
// as its rows need). The Word column preset is the report's default, on the command line and in
// the dashboard.
void apply_preset(ReportSpec& spec, const ExportPreset& preset);

// What one chart of a report is drawn with: the report's size, scale, theme and chart options.
ChartExportSpec report_chart_spec(const ReportSpec& spec, ChartKind kind);

ReportResult write_report(ChartExporter& exporter, const Dataset& data, const FilterSpec& filter,
                          const ReportSpec& spec);

// The report as one PDF at `path` (spec.directory and spec.png are not used): a title page
// (title, filter in words, as-of date, dataset and its date, when it was made, the KPIs, the
// command), every chart on a page of its own size (its footer names its sources), the project
// table on as many pages as it needs, and the sources. Written atomically.
ReportResult write_report_pdf(ChartExporter& exporter, const Dataset& data, const FilterSpec& filter,
                              const ReportSpec& spec, const std::string& path);

// The file names of one chart in a report: "capacity.png", ...
std::string report_file_name(ChartKind kind, ExportFormat format);

}  // namespace indtrack
