// The seam between the headless export code and whatever can turn a chart into pixels. Export
// lays a chart out (chart_export.h) and writes SVG and CSV itself; a PNG needs a painter, which
// the caller supplies:
//   today  ui/chart/gl_chart_rasterizer.h — the dashboard's ImDrawList painter through OpenGL
//          (the window's context, or an EGL context of its own for `indtrack export`/`report`);
//   later  a Cairo/Pango painter with no GL (issue 22), which can live in export/ itself.
// Without one, asking for a PNG is an error that says so; SVG and CSV never need one.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "chart/font_files.h"
#include "io/png_writer.h"

namespace indtrack {

struct PreparedChart;

class ChartRasterizer {
 public:
  virtual ~ChartRasterizer() = default;
  // The chart's scene at its raster scale: width·scale × height·scale pixels, the scene's
  // background included. nullopt with `error` set when it cannot be painted.
  virtual std::optional<RgbaImage> rasterize(const PreparedChart& chart, std::string& error) = 0;
};

// Makes a rasterizer drawing with the given fonts, or nullptr with `error` set (no GL driver, no
// display server needed but none usable, ...). Called only when a PNG is asked for, so SVG and CSV
// exports never start a GPU context.
using ChartRasterizerFactory =
    std::function<std::unique_ptr<ChartRasterizer>(const chart::FontSources& fonts, std::string& error)>;

}  // namespace indtrack
