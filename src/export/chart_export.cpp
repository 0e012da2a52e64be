// One chart to a PNG, SVG or CSV file (chart_export.h).
#include "export/chart_export.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "chart/svg_writer.h"
#include "core/text.h"
#include "io/csv_writer.h"
#include "io/file_io.h"

namespace indtrack {

namespace {

constexpr int kMinFitHeight = 450;   // a fitted chart is never flatter than 16:9 at the smallest width
constexpr int kMaxFitHeight = 4800;  // about 200 timeline rows; longer lists end with "N more"

std::string lower_extension(const std::string& path) {
  const auto dot = path.find_last_of('.');
  const auto slash = path.find_last_of('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  std::string ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

}  // namespace

std::optional<ExportFormat> export_format_for(const std::string& path) {
  const std::string ext = lower_extension(path);
  if (ext == "png") return ExportFormat::Png;
  if (ext == "pdf") return ExportFormat::Pdf;
  if (ext == "svg") return ExportFormat::Svg;
  if (ext == "csv") return ExportFormat::Csv;
  return std::nullopt;
}

std::string check_output_path(const std::string& path) {
  if (path.empty()) return "no output file given";
  if (const std::string why = why_not_writable_file(path); !why.empty())
    return "cannot write " + path + ": " + why;
  const std::string dir = directory_of(path);
  if (!is_directory(dir)) return "cannot write " + path + ": directory " + dir + " does not exist";
  if (::access(dir.c_str(), W_OK) != 0)
    return "cannot write " + path + ": " + std::strerror(errno) + " (directory " + dir + ")";
  return {};
}

int max_export_height(float scale) {
  return static_cast<int>(std::floor(static_cast<float>(kMaxImageSide) / std::max(scale, 0.01f)));
}

ChartExporter::ChartExporter(chart::FontSources fonts) : fonts_(std::move(fonts)) {}

ChartExporter::~ChartExporter() = default;

const chart::TextMeasure& ChartExporter::measure(float scale) {
  auto it = measures_.find(scale);
  if (it == measures_.end()) {
    std::string error;  // no usable font: the dashboard's notice already says why
    const std::vector<chart::FontFace> faces = chart::measure_faces(fonts_);
    it = measures_.emplace(scale, faces.empty() ? nullptr : chart::FontTextMeasure::open(faces, scale, error))
             .first;
  }
  if (it->second) return *it->second;
  return approx_;
}

namespace {

constexpr double kCmPerInch = 2.54;
constexpr double kCssPxPerInch = 96;
// Word and A4 text: title 12 pt, labels 9 pt, sources 7.5 pt. Slides are read from further away.
constexpr TypeSizes kPrintType{12, 9, 9, 7.5f};
constexpr TypeSizes kSlideType{16, 11, 11, 9};

// The style's sizes for type in points, every other length (padding, rows, markers) in proportion
// to the labels' size.
chart::ChartStyle with_type(const chart::ChartStyle& base, const TypeSizes& type) {
  chart::ChartStyle s = base.scaled(type.text_pt * kPxPerPt / base.font_px);
  s.title_px = type.title_pt * kPxPerPt;
  s.subtitle_px = type.subtitle_pt * kPxPerPt;
  s.font_px = type.text_pt * kPxPerPt;
  s.small_px = type.small_pt * kPxPerPt;
  return s;
}

}  // namespace

int ExportPreset::width_px() const {
  return static_cast<int>(std::lround(width_cm / kCmPerInch * kCssPxPerInch));
}
int ExportPreset::height_px() const {
  return static_cast<int>(std::lround(height_cm / kCmPerInch * kCssPxPerInch));
}

int ExportPreset::max_height_px() const {
  return static_cast<int>(std::lround(max_height_cm / kCmPerInch * kCssPxPerInch));
}

const std::vector<ExportPreset>& export_presets() {
  static const std::vector<ExportPreset> presets = {
      {"word", "Word 栏宽", "Word column", 16, 10, 300, kPrintType, 22},
      {"page", "A4 整页", "A4 page", 16, 22, 300, kPrintType, 22},
      {"slide", "幻灯片 16:9", "Slide 16:9", 24, 13.5, 200, kSlideType, 13.5},
      {"square", "方形", "Square", 16, 16, 300, kPrintType, 16},
  };
  return presets;
}

const ExportPreset* export_preset(std::string_view id) {
  for (const ExportPreset& p : export_presets())
    if (p.id == id) return &p;
  return nullptr;
}

void apply_preset(ChartExportSpec& spec, const ExportPreset& preset) {
  spec.width = preset.width_px();
  spec.height = preset.height_px();
  // A chart of rows shows them, up to a page: a Word column's timeline of 35 projects is a tall
  // figure, not 6 rows over a footnote.
  spec.fit_height = true;
  spec.fit_min_height = preset.height_px();
  spec.fit_max_height = preset.max_height_px();
  spec.scale = preset.scale();
  spec.type = preset.type;
}

PreparedChart ChartExporter::prepare(const Dataset& data, const std::vector<int>& projects,
                                     const FilterSpec& spec, const ChartExportSpec& export_spec,
                                     const chart::CategoryColours& colours) {
  PreparedChart out;
  out.data = build_chart_data(export_spec.kind, data, projects, spec, export_spec.options);
  chart::FrameText& text = chart_text(out.data);
  if (!export_spec.title.empty()) text.title = export_spec.title;
  if (!export_spec.subtitle.empty()) text.subtitle = export_spec.subtitle;
  prepare_chart_for_export(out.data);
  hide_chart_items(out.data, export_spec.toggles);
  out.scale = export_spec.scale;
  out.dark = export_spec.dark;
  out.svg_outlined = export_spec.svg_outlined;
  out.lang = export_spec.options.lang;

  chart::ChartStyle style;
  style.theme = export_spec.dark ? chart::dark_theme() : chart::light_theme();
  style.lang = export_spec.options.lang;
  style.colours = &colours;
  if (export_spec.type) style = with_type(style, *export_spec.type);
  const chart::TextMeasure& m = measure(export_spec.scale);
  prepare_chart_layout(out.data, style, m);
  out.width = export_spec.width;
  out.height = export_spec.height;
  if (export_spec.fit_height) {
    const float full = chart_full_height(out.data, style, static_cast<float>(out.width), m);
    // As tall as the rows need: a short list makes a compact figure, a long one a tall figure.
    if (full > 0)
      out.height =
          std::clamp(static_cast<int>(std::ceil(full)),
                     export_spec.fit_min_height > 0 ? export_spec.fit_min_height : kMinFitHeight,
                     std::min(export_spec.fit_max_height > 0 ? export_spec.fit_max_height : kMaxFitHeight,
                              max_export_height(export_spec.scale)));
  }
  chart::ChartView view;
  if (export_spec.time) view.time = *export_spec.time;
  out.scene =
      layout_chart(out.data, {view, style, static_cast<float>(out.width), static_cast<float>(out.height), m});
  return out;
}

TextPlacement ChartExporter::placement(float scale) {
  const chart::TextMeasure& m = measure(scale);
  if (const auto* font = dynamic_cast<const chart::FontTextMeasure*>(&m)) return TextPlacement::of(*font);
  return {&m, scale, 0};  // the approximate measure: the fonts' own glyphs at the measured advances
}

ChartFilePainter* ChartExporter::painter(std::string& error) {
  if (!painter_) painter_ = ChartFilePainter::open(chart::measure_faces(fonts_), error);
  return painter_.get();
}

std::string ChartExporter::missing_characters() const {
  std::string out;
  if (!painter_) return out;
  for (const char32_t cp : painter_->text().missing()) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X ", static_cast<unsigned>(cp));
    if (!out.empty()) out += ", ";
    out += code;
    append_utf8(out, cp);
  }
  return out;
}

std::optional<RgbaImage> ChartExporter::render_png(const PreparedChart& chart, std::string& error) {
  ChartFilePainter* p = painter(error);
  if (!p) return std::nullopt;
  RgbaImage image;
  image.rgba = p->rgba(chart.scene, placement(chart.scale), chart.scale, image.width, image.height, error);
  if (image.rgba.empty()) return std::nullopt;
  return image;
}

std::string ChartExporter::render(const PreparedChart& chart, ExportFormat format, std::string& error) {
  ChartFilePainter* p = painter(error);
  if (!p) return {};
  switch (format) {
    case ExportFormat::Png:
      return p->png(chart.scene, placement(chart.scale), chart.scale, error);
    case ExportFormat::Pdf: {
      const chart::FrameText& text = chart_text(chart.data);
      return p->pdf(chart.scene, placement(chart.scale), {text.title, text.subtitle, {}}, error);
    }
    case ExportFormat::Svg:
      if (!chart.svg_outlined) return chart::write_svg(chart.scene);
      return p->svg_outlined(chart.scene, placement(chart.scale), error);
    case ExportFormat::Csv:
      break;
  }
  error = "not a drawing format";
  return {};
}

std::string ChartExporter::write(const PreparedChart& chart, ExportFormat format, const std::string& path) {
  if (const std::string problem = check_output_path(path); !problem.empty()) return problem;
  std::string content, error;
  if (format == ExportFormat::Csv) {
    content = std::string(kUtf8Bom) + chart_csv(chart.data, chart.lang);
  } else {
    content = render(chart, format, error);
    if (content.empty()) return "cannot render " + path + ": " + error;
  }
  const WriteFileResult r = write_file_atomically(path, content);
  return r.ok ? std::string() : r.error;
}

}  // namespace indtrack
