// One chart to a PNG, SVG or CSV file (chart_export.h).
#include "export/chart_export.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>

#include "chart/svg_writer.h"
#include "io/csv_writer.h"
#include "io/file_io.h"

namespace indtrack {

namespace {

constexpr int kMaxImageSide = 16384;  // pixels a side: the offscreen renderer's limit, and plenty for print
constexpr int kMinFitHeight = 450;    // a fitted chart is never flatter than 16:9 at the smallest width
constexpr int kMaxFitHeight = 4800;   // about 200 timeline rows; longer lists end with "N more"

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
  if (ext == "svg") return ExportFormat::Svg;
  if (ext == "csv") return ExportFormat::Csv;
  return std::nullopt;
}

std::string check_output_path(const std::string& path) {
  if (path.empty()) return "no output file given";
  if (is_directory(path)) return "cannot write " + path + ": it is a directory";
  const std::string dir = directory_of(path);
  if (!is_directory(dir)) return "cannot write " + path + ": directory " + dir + " does not exist";
  if (::access(dir.c_str(), W_OK) != 0)
    return "cannot write " + path + ": " + std::strerror(errno) + " (directory " + dir + ")";
  return {};
}

int max_export_height(float scale) {
  return static_cast<int>(std::floor(kMaxImageSide / std::max(scale, 0.01f)));
}

ChartExporter::ChartExporter(chart::FontSources fonts, ChartRasterizerFactory rasterizer)
    : fonts_(std::move(fonts)), make_rasterizer_(std::move(rasterizer)) {}

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
  out.lang = export_spec.options.lang;

  chart::ChartStyle style;
  style.theme = export_spec.dark ? chart::dark_theme() : chart::light_theme();
  style.lang = export_spec.options.lang;
  style.colours = &colours;
  const chart::TextMeasure& m = measure(export_spec.scale);
  prepare_chart_layout(out.data, style, m);
  out.width = export_spec.width;
  out.height = export_spec.height;
  if (export_spec.fit_height) {
    const float full = chart_full_height(out.data, style, static_cast<float>(out.width), m);
    // As tall as the rows need: a short list makes a compact figure, a long one a tall figure.
    if (full > 0)
      out.height = std::clamp(static_cast<int>(std::ceil(full)), kMinFitHeight,
                              std::min(kMaxFitHeight, max_export_height(export_spec.scale)));
  }
  chart::ChartView view;
  if (export_spec.time) view.time = *export_spec.time;
  out.scene =
      layout_chart(out.data, {view, style, static_cast<float>(out.width), static_cast<float>(out.height), m});
  return out;
}

std::optional<RgbaImage> ChartExporter::render_png(const PreparedChart& chart, std::string& error) {
  if (!rasterizer_) {
    if (!make_rasterizer_) {
      error = "this program has no PNG painter (write .svg or .csv)";
      return std::nullopt;
    }
    rasterizer_ = make_rasterizer_(fonts_, error);
    if (!rasterizer_) return std::nullopt;
  }
  return rasterizer_->rasterize(chart, error);
}

std::string ChartExporter::write(const PreparedChart& chart, ExportFormat format, const std::string& path) {
  if (const std::string problem = check_output_path(path); !problem.empty()) return problem;
  switch (format) {
    case ExportFormat::Png: {
      std::string error;
      const auto image = render_png(chart, error);
      if (!image) return "cannot render " + path + ": " + error;
      return write_png(path, *image);
    }
    case ExportFormat::Svg: {
      const WriteFileResult r = write_file_atomically(path, chart::write_svg(chart.scene));
      return r.ok ? std::string() : r.error;
    }
    case ExportFormat::Csv: {
      const WriteFileResult r =
          write_file_atomically(path, std::string(kUtf8Bom) + chart_csv(chart.data, chart.lang));
      return r.ok ? std::string() : r.error;
    }
  }
  return "unknown format";
}

}  // namespace indtrack
