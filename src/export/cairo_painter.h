// The file painter of the chart module: draws a chart::Scene on a Cairo context — an image strip
// for PNG, a PDF page, an SVG document — with no GPU. The screen keeps its ImDrawList painter
// (ui/chart_painter.h); both draw the same scene with the same geometry helpers (hatch lines as
// hatch_segments() gives them, markers as marker_outline(), dashes starting at the line's start)
// and text placed as cairo_text.h explains, so the two differ in anti-aliasing, never in layout
// (tests/ui/painter_layout_test.cpp compares them element by element).
//
// Painting pixels (raster_scale > 0) follows the screen's rules where they decide which pixels
// are painted: rect fills are not anti-aliased (a pixel is painted when its centre is inside,
// so stacked bands meet without seams), fills covering no pixel centre are skipped, and clip
// rectangles are whole pixels. Vector output keeps every primitive at its exact coordinates.
#pragma once

#include <cairo.h>

#include <cstddef>
#include <memory>
#include <vector>

#include "chart/scene.h"
#include "export/cairo_text.h"

namespace indtrack {

// The text of one scene, shaped once before painting; then read-only, so strips of one image
// can be painted on several threads at once.
struct ShapedScene {
  TextPlacement placement;
  std::vector<std::shared_ptr<const ShapedText>> text;  // per scene item; null for other primitives
};
ShapedScene shape_scene(CairoText& fonts, const chart::Scene& scene, const TextPlacement& placement);

struct CairoCanvas {
  cairo_t* cr = nullptr;  // user space = canvas pixels (the caller scales and translates)
  // Image pixels per canvas pixel when painting pixels (PNG); 0 for vector output (PDF, SVG).
  float raster_scale = 0;
  // Only primitives meeting this canvas rectangle are painted (a strip of a PNG); empty: all.
  chart::RectF visible{};
};

// Paints the scene's background and every primitive, in order, honouring its clip rectangles.
void paint_scene(const CairoCanvas& canvas, const chart::Scene& scene, const ShapedScene& text);

// Paints scene.items[index] alone (with its clip rectangle, without the background).
void paint_primitive(const CairoCanvas& canvas, const chart::Scene& scene, std::size_t index,
                     const ShapedScene& text);

// How far a primitive's paint can reach beyond chart::bounds_of(): half its stroke, and for text
// the glyphs' ink outside the em box. For culling strips.
chart::RectF paint_bounds(const chart::Primitive& item);

}  // namespace indtrack
