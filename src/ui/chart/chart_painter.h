// The screen painter of the chart module: draws a chart::Scene onto an ImDrawList — rects with
// hatching and dashed outlines, lines, polylines, convex polygons, markers, text — honouring the
// scene's clip rectangles. PNG export is this painter rendered offscreen, so the screen, the PNG
// and (through chart::FontTextMeasure) the SVG share one layout.
//
// Text: a TextPrim of em size E is drawn with the chart font rasterised at
// chart::raster_pixel_height(E, line height, raster scale) pixels, glyph by glyph, starting at
// box.x0 with the baseline at baseline_y (both snapped to whole image pixels), advancing by the
// glyphs' whole-pixel advances — exactly what FontTextMeasure measured. Bold is the regular font
// struck twice and spaced by chart::kBoldWidthFactor (one font file is shipped).
//
// Cost per frame: hatching adds no draw call (its lines are clipped to the rect as geometry),
// and fill-only rects that cover no pixel centre are skipped, since they would paint nothing: a
// capacity chart of 30,000 companies (bands far thinner than a pixel) costs about one rect per
// pixel row and run, not one per band (docs/performance.md, "Steady frame").
#pragma once

#include <imgui.h>

#include <cstdint>
#include <vector>

#include "chart/scene.h"
#include "ui/host/fonts.h"

namespace indtrack::ui {

struct ChartCanvas {
  ImDrawList* list = nullptr;
  ImVec2 origin{0, 0};            // screen position of the scene's (0, 0)
  float raster_scale = 1;         // image pixels per canvas pixel (ImGuiIO::DisplayFramebufferScale)
  bool background_drawn = false;  // the target is already cleared to the scene's background
};

// Adds every text of the scene to the chart glyph set at the sizes it is drawn at. Returns true
// when the atlas must be rebuilt before the text can be drawn (new characters or sizes).
bool request_scene_text(const chart::Scene& scene, FontManager& fonts, float raster_scale);

// The primitives of `scene` that paint something on `canvas`, in paint order (indices into
// scene.items): fill-only rects covering no pixel centre and background-coloured rects over
// nothing are left out. It depends on the scene, canvas.origin and canvas.raster_scale only, so a
// host may keep it while they stay the same (the chart panel does): then a steady frame does not
// even look at the primitives that paint nothing.
std::vector<std::uint32_t> primitives_to_paint(const chart::Scene& scene, const ChartCanvas& canvas);

// Paints `scene`: the primitives `to_paint` lists (from primitives_to_paint for this scene and
// canvas), or when null, those primitives_to_paint finds now. Text whose font is not in `built`
// yet is requested from `fonts` and drawn with the body font meanwhile (the host redraws the
// frame after rebuilding the atlas).
void paint_scene(const ChartCanvas& canvas, const chart::Scene& scene, const UiFonts& built,
                 FontManager& fonts, const std::vector<std::uint32_t>* to_paint = nullptr);

inline ImU32 to_imgui_colour(chart::Rgba c) { return IM_COL32(c.r, c.g, c.b, c.a); }

}  // namespace indtrack::ui
