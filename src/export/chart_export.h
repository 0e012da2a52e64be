// Exporting one chart as a file, shared by `indtrack export`, `indtrack report` and the
// dashboard's export button: the chart laid out at the export size with the real font's widths
// (chart::FontTextMeasure at the export's raster scale), then
//   .png  the same scene painted by Cairo (cairo_chart_files.h), with its print size (pHYs),
//   .pdf  the same scene as vector graphics, fonts embedded as subsets, text kept as text,
//   .svg  the same scene through chart::write_svg, text kept as text — or, with svg_outlined,
//         painted by Cairo with every glyph an outline (exact in any program, no font needed),
//   .csv  exactly the plotted numbers, UTF-8 with a byte-order mark for Excel.
// Every file is written atomically (temporary name, then rename): never a partial file. Headless:
// no GPU, no display; nothing here includes ImGui or GL (the screen draws the same scene with its
// own ImDrawList painter, ui/chart/chart_painter.h).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chart/font_files.h"
#include "chart/font_measure.h"
#include "chart/palette.h"
#include "chart_kinds/chart_kinds.h"
#include "export/cairo_chart_files.h"
#include "io/png_writer.h"

namespace indtrack {

enum class ExportFormat : unsigned char { Png, Pdf, Svg, Csv };
// By the file's extension (case-insensitive); nullopt for anything else.
std::optional<ExportFormat> export_format_for(const std::string& path);

// Type sizes in points (1 pt = 1/72 in). A chart's canvas is in CSS pixels (1/96 in), so a size
// of p pt is p × 96/72 canvas px, and prints at p pt whatever the PNG's scale (pHYs = 96 × scale).
struct TypeSizes {
  float title_pt = 13.5f;  // the style's defaults: 18, 13, 13 and 11 px
  float subtitle_pt = 9.75f;
  float text_pt = 9.75f;   // axis labels, legend, row labels
  float small_pt = 8.25f;  // footer (sources), notes, value labels
};
inline constexpr float kPxPerPt = 96.0f / 72.0f;

// A size for a document or a screen in physical units (docs/charts.md, "Presets"): the canvas is
// width_cm × height_cm at 96 px per inch, the PNG has dpi / 96 pixels per canvas px and says dpi
// in its pHYs chunk, so it pastes into Word at its width with its type at the sizes below.
struct ExportPreset {
  std::string_view id;  // word, page, slide, square (`indtrack export --preset ID`)
  std::string_view label_zh, label_en;
  double width_cm = 16, height_cm = 10;
  int dpi = 300;
  TypeSizes type;
  // Charts of rows (timeline, investment, slippage) grow from height_cm to this to show their
  // rows — a page's text height for print, the slide itself for slides — before saying "N more".
  double max_height_cm = 22;
  int width_px() const;  // canvas (CSS) pixels
  int height_px() const;
  int max_height_px() const;
  float scale() const { return static_cast<float>(dpi) / 96.0f; }
};
// Word column (16 × 10 cm), full A4 page (16 × 22 cm), slide (24 × 13.5 cm, 16:9), square
// (16 × 16 cm); the first is the default of the report pack.
const std::vector<ExportPreset>& export_presets();
const ExportPreset* export_preset(std::string_view id);  // nullptr for an unknown id

struct ChartExportSpec {
  ChartKind kind = ChartKind::Capacity;
  int width = 1600;  // logical pixels (the layout's canvas)
  int height = 900;
  bool fit_height = false;        // timeline, investment, slippage: as tall as their rows need (at least 450)
  int fit_min_height = 0;         // fit_height's bounds in logical pixels; 0: 450 and 4800 (a preset's:
  int fit_max_height = 0;         // its height and its max_height_cm)
  float scale = 2;                // PNG pixels per logical pixel; also the raster scale text is measured at
  std::optional<TypeSizes> type;  // nullopt: the style's pixel sizes (13 px labels at any canvas)
  bool dark = false;
  bool svg_outlined = false;    // .svg with glyph outlines instead of live text
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
  bool svg_outlined = false;
  Language lang = Language::Chinese;
};

// The text measures of exports (one per raster scale, from the given font files) and the Cairo
// painter of PNG, PDF and outlined SVG files (opened with the same font files on first use).
class ChartExporter {
 public:
  explicit ChartExporter(chart::FontSources fonts);
  ~ChartExporter();
  ChartExporter(const ChartExporter&) = delete;
  ChartExporter& operator=(const ChartExporter&) = delete;

  const chart::FontSources& fonts() const { return fonts_; }
  // The real font's measure at `scale`; the approximate measure when no font file is usable.
  const chart::TextMeasure& measure(float scale);

  PreparedChart prepare(const Dataset& data, const std::vector<int>& projects, const FilterSpec& spec,
                        const ChartExportSpec& export_spec, const chart::CategoryColours& colours);

  // How the file painter places text so that it takes the room the layout measured at `scale`.
  TextPlacement placement(float scale);
  // The file painter; nullptr with `error` set when no font can be used.
  ChartFilePainter* painter(std::string& error);
  // Characters of the files painted so far that no installed font has (drawn as U+FFFD), as
  // "U+20000 𠀀, U+2A6D6 𪛖"; empty when every character had a font.
  std::string missing_characters() const;

  // The chart's pixels as the PNG holds them. nullopt with `error` set.
  std::optional<RgbaImage> render_png(const PreparedChart& chart, std::string& error);
  // The file's bytes; empty with `error` set. Not for CSV.
  std::string render(const PreparedChart& chart, ExportFormat format, std::string& error);

  // Writes `chart` as `format` to `path`; "" on success, else a message naming the file.
  std::string write(const PreparedChart& chart, ExportFormat format, const std::string& path);

 private:
  chart::FontSources fonts_;
  std::unique_ptr<ChartFilePainter> painter_;
  std::map<float, std::unique_ptr<chart::FontTextMeasure>> measures_;
  chart::ApproxTextMeasure approx_;
};

// Sets the canvas, scale and type sizes of `preset` (the height fixed: rows fill it).
void apply_preset(ChartExportSpec& spec, const ExportPreset& preset);

// "" when a file can be written at `path` (its directory exists and it is not a directory),
// else a message: "directory out/ does not exist", "charts is a directory".
std::string check_output_path(const std::string& path);

// The largest logical height whose image (× scale) a PNG may have (16384 pixels a side).
int max_export_height(float scale);

}  // namespace indtrack
