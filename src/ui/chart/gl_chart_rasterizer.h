// PNGs of exported charts today: the dashboard's ImDrawList chart painter (chart_painter.h)
// rendered offscreen through OpenGL, so a PNG is the screen's drawing at the export's scale. It
// implements the export layer's seam (export/chart_rasterizer.h); a GL-free painter can replace it
// there without touching the export code.
#pragma once

#include <memory>
#include <string>

#include "export/chart_rasterizer.h"

namespace indtrack::ui {

// Paints in the GL 3.3 context current on the calling thread (the dashboard's window). Its own
// font atlas: the dashboard's is left alone.
std::unique_ptr<ChartRasterizer> make_gl_chart_rasterizer(const chart::FontSources& fonts,
                                                          std::string& error);

// The same in an EGL context of its own with no surface (no display needed): `indtrack export`
// and `indtrack report`. nullptr with `error` set when EGL or the driver is unavailable.
std::unique_ptr<ChartRasterizer> make_offscreen_chart_rasterizer(const chart::FontSources& fonts,
                                                                 std::string& error);

}  // namespace indtrack::ui
