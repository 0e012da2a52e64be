// Exporting one chart as a file, shared by `indtrack export`, `indtrack report` and the
// dashboard's export button: the chart laid out at the export size with the real font's widths
// (chart::FontTextMeasure at the export's raster scale), then
//   .png  the same scene painted by the caller's ChartRasterizer (chart_rasterizer.h),
//   .svg  the same scene through chart::write_svg — identical layout,
//   .csv  exactly the plotted numbers, UTF-8 with a byte-order mark for Excel.
// Every file is written atomically (temporary name, then rename): never a partial file. Headless:
// nothing here includes ImGui or GL.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chart/font_files.h"
#include "chart/font_measure.h"
#include "chart/palette.h"
#include "chart_kinds/chart_kinds.h"
#include "export/chart_rasterizer.h"

namespace indtrack {

enum class ExportFormat : unsigned char { Png, Svg, Csv };
// By the file's extension (case-insensitive); nullopt for anything else.
std::optional<ExportFormat> export_format_for(const std::string& path);

struct ChartExportSpec {
  ChartKind kind = ChartKind::Capacity;
  int width = 1600;  // logical pixels (the layout's canvas)
  int height = 900;
  bool fit_height = false;  // timeline, investment, slippage: as tall as their rows need (at least 450)
  float scale = 2;          // PNG pixels per logical pixel; also the raster scale text is measured at
  bool dark = false;
  std::string title, subtitle;  // replace the chart's own when not empty
  ChartOptions options;         // language, product, grouping, ...
  // What the dashboard shows: the zoomed time range (time charts) and the legend toggles.
  std::optional<chart::TimeRange> time;
  ChartToggles toggles;
};

// A chart laid out for export.
struct PreparedChart {
  ChartData data;
  chart::Scene scene;
  int width = 0, height = 0;  // logical pixels (the height may have grown, see fit_height)
  float scale = 2;
  bool dark = false;
  Language lang = Language::Chinese;
};

// The text measures of exports (one per raster scale, from the given font files) and the painter
// of PNGs.
class ChartExporter {
 public:
  // `rasterizer` makes the PNG painter when the first PNG is asked for; empty: PNGs cannot be
  // written (write() says so), SVG and CSV can.
  explicit ChartExporter(chart::FontSources fonts, ChartRasterizerFactory rasterizer = {});
  ~ChartExporter();
  ChartExporter(const ChartExporter&) = delete;
  ChartExporter& operator=(const ChartExporter&) = delete;

  const chart::FontSources& fonts() const { return fonts_; }
  // The real font's measure at `scale`; the approximate measure when no font file is usable.
  const chart::TextMeasure& measure(float scale);

  PreparedChart prepare(const Dataset& data, const std::vector<int>& projects, const FilterSpec& spec,
                        const ChartExportSpec& export_spec, const chart::CategoryColours& colours);

  // The chart's pixels, from the rasterizer (made on first use). nullopt with `error` set.
  std::optional<RgbaImage> render_png(const PreparedChart& chart, std::string& error);

  // Writes `chart` as `format` to `path`; "" on success, else a message naming the file.
  std::string write(const PreparedChart& chart, ExportFormat format, const std::string& path);

 private:
  chart::FontSources fonts_;
  ChartRasterizerFactory make_rasterizer_;
  std::unique_ptr<ChartRasterizer> rasterizer_;
  std::map<float, std::unique_ptr<chart::FontTextMeasure>> measures_;
  chart::ApproxTextMeasure approx_;
};

// "" when a file can be written at `path` (its directory exists and it is not a directory),
// else a message: "directory out/ does not exist", "charts is a directory".
std::string check_output_path(const std::string& path);

// The largest logical height whose image (× scale) a PNG may have (16384 pixels a side).
int max_export_height(float scale);

}  // namespace indtrack
