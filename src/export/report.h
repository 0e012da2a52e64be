// The report pack (`indtrack report`, File → Export report): for the current filter, every chart
// as PNG and SVG with the CSV of its plotted numbers, the filtered project table as CSV, and an
// index.html and README.md listing the figures with the KPIs, the filter in words and the
// sources — one command reproduces a whole report's figures.
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
  bool dark = false;
  bool png = true;  // PNG needs the exporter's rasterizer
  ChartOptions options;
};

struct ReportResult {
  std::string error;               // empty on success: which file failed and why
  std::vector<std::string> files;  // written, in order (paths inside the directory)
};

ReportResult write_report(ChartExporter& exporter, const Dataset& data, const FilterSpec& filter,
                          const ReportSpec& spec);

// The file names of one chart in a report: "capacity.png", ...
std::string report_file_name(ChartKind kind, ExportFormat format);

}  // namespace indtrack
