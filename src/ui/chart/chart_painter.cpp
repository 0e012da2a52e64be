// Scene -> ImDrawList (chart_painter.h). Geometry is drawn at the scene's exact coordinates (no
// half-pixel nudges), like the SVG writer; hatching and dashes use the scene's helper geometry so
// both painters draw the same lines.
#include "ui/chart/chart_painter.h"

#include <algorithm>
#include <cmath>
#include <variant>

#include "chart/font_measure.h"
#include "chart/text_layout.h"
#include "core/text.h"

namespace indtrack::ui {

namespace {

using namespace indtrack::chart;

// Line height per em of fonts without metrics (ImGui's built-in font): Noto Sans CJK's.
constexpr float kDefaultLineHeightEm = 1.448f;
// Bold: the second strike's offset, in em.
constexpr float kBoldStrikeEm = 0.04f;

// Keeps the part of convex polygon `points` on one side of an axis-parallel line: where the
// coordinate `x_axis ? x : y` is >= `limit` (keep_greater) or <= it (Sutherland–Hodgman, one edge).
void clip_half_plane(std::vector<Vec2>& points, bool x_axis, float limit, bool keep_greater,
                     std::vector<Vec2>& out) {
  out.clear();
  const auto coord = [x_axis](const Vec2& p) { return x_axis ? p.x : p.y; };
  const auto inside = [&](const Vec2& p) { return keep_greater ? coord(p) >= limit : coord(p) <= limit; };
  for (std::size_t i = 0; i < points.size(); ++i) {
    const Vec2& a = points[i];
    const Vec2& b = points[(i + 1) % points.size()];
    if (inside(a)) out.push_back(a);
    if (inside(a) != inside(b)) {
      const float t = (limit - coord(a)) / (coord(b) - coord(a));
      out.push_back({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
    }
  }
  points.swap(out);
}

// The part of convex polygon `points` inside `r` (empty when none); `scratch` is reused memory.
void clip_to_rect(std::vector<Vec2>& points, const RectF& r, std::vector<Vec2>& scratch) {
  clip_half_plane(points, true, r.x0, true, scratch);
  clip_half_plane(points, true, r.x1, false, scratch);
  clip_half_plane(points, false, r.y0, true, scratch);
  clip_half_plane(points, false, r.y1, false, scratch);
}

// A hatch needs a rect at least one image pixel across both ways to show.
bool hatch_shows(const RectPrim& r, float raster_scale) {
  return r.hatch == Hatch::Diagonal && r.hatch_colour.visible() &&
         std::min(r.rect.width(), r.rect.height()) * raster_scale >= 1;
}

// True when the rect would draw nothing: a fill only (fills are not anti-aliased, so a pixel is
// painted only if its centre is inside) whose span holds no pixel centre across or down. A
// capacity chart of 30,000 companies stacks most bands thinner than a pixel; each pixel row shows
// the one band over its centre. Centres within 1/64 px of an edge count as inside (the
// rasteriser snaps vertices to a sub-pixel grid), so what is skipped is exactly what draws nothing.
bool covers_no_pixel_centre(const RectPrim& r, const ChartCanvas& canvas) {
  if (r.stroke.visible() || hatch_shows(r, canvas.raster_scale)) return false;
  constexpr float kMargin = 1.0f / 64;
  const float s = canvas.raster_scale;
  // Pixel centres sit at k + 0.5 image pixels.
  const auto no_centre = [](float a, float b) {
    return std::ceil(a - 0.5f - kMargin) > std::floor(b - 0.5f + kMargin);
  };
  return no_centre((canvas.origin.x + r.rect.x0) * s, (canvas.origin.x + r.rect.x1) * s) ||
         no_centre((canvas.origin.y + r.rect.y0) * s, (canvas.origin.y + r.rect.y1) * s);
}

struct Painter {
  const ChartCanvas& canvas;
  const UiFonts& built;
  FontManager& fonts;
  ImDrawList* dl;

  ImVec2 at(Vec2 p) const { return ImVec2(canvas.origin.x + p.x, canvas.origin.y + p.y); }
  ImVec2 at(float x, float y) const { return ImVec2(canvas.origin.x + x, canvas.origin.y + y); }

  void stroke_segment(Vec2 a, Vec2 b, ImU32 colour, float width) const {
    dl->PathLineTo(at(a));
    dl->PathLineTo(at(b));
    dl->PathStroke(colour, 0, width);
  }

  void stroke_line(Vec2 a, Vec2 b, Rgba colour, float width, const Dash& dash) const {
    if (!colour.visible() || width <= 0) return;
    const ImU32 c = to_imgui_colour(colour);
    if (dash.solid()) {
      stroke_segment(a, b, c, width);
      return;
    }
    for (const Segment& s : dash_segments(a, b, dash)) stroke_segment(s.a, s.b, c, width);
  }

  void stroke_closed(const std::vector<Vec2>& points, Rgba colour, float width, const Dash& dash) const {
    if (!colour.visible() || width <= 0 || points.size() < 2) return;
    if (dash.solid()) {
      for (const Vec2& p : points) dl->PathLineTo(at(p));
      dl->PathStroke(to_imgui_colour(colour), ImDrawFlags_Closed, width);
      return;
    }
    for (std::size_t i = 0; i < points.size(); ++i)
      stroke_line(points[i], points[(i + 1) % points.size()], colour, width, dash);
  }

  // ImGui's anti-aliased convex fill wants clockwise points (on screen, y down).
  void fill_convex(std::vector<Vec2> points, Rgba colour) const {
    if (!colour.visible() || points.size() < 3) return;
    float area = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
      const Vec2& p = points[i];
      const Vec2& q = points[(i + 1) % points.size()];
      area += p.x * q.y - q.x * p.y;
    }
    if (area < 0) std::reverse(points.begin(), points.end());
    std::vector<ImVec2> screen;
    screen.reserve(points.size());
    for (const Vec2& p : points) screen.push_back(at(p));
    dl->AddConvexPolyFilled(screen.data(), static_cast<int>(screen.size()), to_imgui_colour(colour));
  }

  // Hatch lines as the parts of their strokes inside the rect, like the SVG pattern. Clipped
  // geometrically, not with a clip rect: each clip rect is a draw call of its own, and a capacity
  // chart of thousands of companies has thousands of hatched bands (100k draw calls per frame).
  void hatch(const RectPrim& r) const {
    if (!hatch_shows(r, canvas.raster_scale)) return;
    const float half_width = std::max(1.0f, r.hatch_spacing / 4) / 2;  // the SVG pattern's line width
    std::vector<Vec2> stroke, scratch;
    for (const Segment& s : hatch_segments(r.rect, r.hatch_spacing)) {
      const float dx = s.b.x - s.a.x, dy = s.b.y - s.a.y;
      const float length = std::hypot(dx, dy);
      if (length <= 0) continue;
      const Vec2 n{-dy / length * half_width, dx / length * half_width};  // across the line
      stroke = {{s.a.x + n.x, s.a.y + n.y},
                {s.b.x + n.x, s.b.y + n.y},
                {s.b.x - n.x, s.b.y - n.y},
                {s.a.x - n.x, s.a.y - n.y}};
      clip_to_rect(stroke, r.rect, scratch);
      fill_convex(stroke, r.hatch_colour);
    }
  }

  void operator()(const RectPrim& r) const {
    const ImVec2 a = at(r.rect.x0, r.rect.y0), b = at(r.rect.x1, r.rect.y1);
    if (r.fill.visible()) dl->AddRectFilled(a, b, to_imgui_colour(r.fill));
    hatch(r);
    stroke_closed(
        {{r.rect.x0, r.rect.y0}, {r.rect.x1, r.rect.y0}, {r.rect.x1, r.rect.y1}, {r.rect.x0, r.rect.y1}},
        r.stroke, r.stroke_width, r.stroke_dash);
  }

  void operator()(const LinePrim& l) const { stroke_line(l.a, l.b, l.colour, l.width, l.dash); }

  void operator()(const PolylinePrim& p) const {
    if (!p.colour.visible() || p.points.size() < 2) return;
    if (p.dash.solid()) {
      for (const Vec2& v : p.points) dl->PathLineTo(at(v));
      dl->PathStroke(to_imgui_colour(p.colour), 0, p.width);
      return;
    }
    for (std::size_t i = 0; i + 1 < p.points.size(); ++i)
      stroke_line(p.points[i], p.points[i + 1], p.colour, p.width, p.dash);
  }

  void operator()(const PolygonPrim& p) const {
    fill_convex(p.points, p.fill);
    stroke_closed(p.points, p.stroke, p.stroke_width, {});
  }

  void operator()(const MarkerPrim& m) const {
    if (m.shape == MarkerShape::Circle) {
      const float r = m.size_px / 2;
      if (m.fill.visible()) dl->AddCircleFilled(at(m.centre), r, to_imgui_colour(m.fill), 0);
      if (m.stroke.visible() && m.stroke_width > 0)
        dl->AddCircle(at(m.centre), r, to_imgui_colour(m.stroke), 0, m.stroke_width);
      return;
    }
    const std::vector<Vec2> outline = marker_outline(m);
    fill_convex(outline, m.fill);
    stroke_closed(outline, m.stroke, m.stroke_width, {});
  }

  void operator()(const TextPrim& t) const {
    if (!t.colour.visible() || t.text.empty()) return;
    const float line_height_em = fonts.chart_line_height_em();
    const float scale = canvas.raster_scale;
    const int px =
        raster_pixel_height(t.size_px, line_height_em > 0 ? line_height_em : kDefaultLineHeightEm, scale);
    ImFont* font = line_height_em > 0 ? built.chart_font(px) : nullptr;
    if (!font) {
      // Not in this atlas yet (or no font file with metrics): ask for it and draw with the body
      // font meanwhile, its line placed so the baseline lands about right.
      if (line_height_em > 0) fonts.request_chart_text(t.text, px);
      ImFont* body = built.body ? built.body : ImGui::GetFont();
      const float size = t.size_px * kDefaultLineHeightEm;
      dl->AddText(body, size, at(t.box.x0, t.baseline_y - t.size_px * 1.16f), to_imgui_colour(t.colour),
                  t.text.c_str());
      return;
    }
    const ImU32 colour = to_imgui_colour(t.colour);
    const bool bold = t.weight == FontWeight::Bold;
    const float spacing = bold ? kBoldWidthFactor : 1.0f;
    // Whole image pixels for the pen's start and the baseline: glyph bitmaps then land on the
    // pixel grid and stay sharp.
    const float start_x = std::round((canvas.origin.x + t.box.x0) * scale);
    const float baseline = std::round((canvas.origin.y + t.baseline_y) * scale);
    const float top = baseline - static_cast<float>(static_cast<int>(font->Ascent + 0.5f));
    const int strikes = bold ? 2 : 1;
    const float strike_offset = t.size_px * scale * kBoldStrikeEm;
    dl->PushTextureID(font->ContainerAtlas->TexID);
    float pen = start_x;
    std::size_t pos = 0;
    while (pos < t.text.size()) {
      const char32_t cp = drawable_code_point(next_code_point(t.text, pos));
      const ImFontGlyph* g = font->FindGlyph(static_cast<ImWchar>(cp));
      if (g && g->Visible) {
        for (int s = 0; s < strikes; ++s) {
          const float x = pen + g->X0 + static_cast<float>(s) * strike_offset;
          dl->PrimReserve(6, 4);
          dl->PrimRectUV(ImVec2(x / scale, (top + g->Y0) / scale),
                         ImVec2((x + g->X1 - g->X0) / scale, (top + g->Y1) / scale), ImVec2(g->U0, g->V0),
                         ImVec2(g->U1, g->V1), colour);
        }
      }
      if (g) pen += g->AdvanceX * spacing;
    }
    dl->PopTextureID();
  }
};

}  // namespace

bool request_scene_text(const Scene& scene, FontManager& fonts, float raster_scale) {
  const float line_height_em = fonts.chart_line_height_em();
  if (line_height_em <= 0) return false;
  bool added = false;
  for (const Primitive& item : scene.items)
    if (const auto* t = std::get_if<TextPrim>(&item.shape))
      added |=
          fonts.request_chart_text(t->text, raster_pixel_height(t->size_px, line_height_em, raster_scale));
  return added;
}

std::vector<std::uint32_t> primitives_to_paint(const Scene& scene, const ChartCanvas& canvas) {
  std::vector<std::uint32_t> out;
  // Opaque rects of the background colour with nothing under them (the plot area of most
  // charts) would paint the background again: skipped. At 3200×1800 every full-canvas fill costs
  // a software rasteriser about 30 ms.
  std::vector<RectF> drawn_bounds;
  for (std::size_t i = 0; i < scene.items.size(); ++i) {
    const Primitive& item = scene.items[i];
    const auto* rect = std::get_if<RectPrim>(&item.shape);
    if (rect && covers_no_pixel_centre(*rect, canvas)) continue;
    if (rect && !item.hit && rect->fill == scene.background && rect->fill.a == 255 &&
        !rect->stroke.visible() && rect->hatch == Hatch::None &&
        std::none_of(drawn_bounds.begin(), drawn_bounds.end(),
                     [&](const RectF& b) { return b.intersects(rect->rect); }))
      continue;
    drawn_bounds.push_back(bounds_of(item.shape));
    out.push_back(static_cast<std::uint32_t>(i));
  }
  return out;
}

void paint_scene(const ChartCanvas& canvas, const Scene& scene, const UiFonts& built, FontManager& fonts,
                 const std::vector<std::uint32_t>* to_paint) {
  ImDrawList* dl = canvas.list;
  if (!dl) return;
  std::vector<std::uint32_t> planned;
  if (!to_paint) {
    planned = primitives_to_paint(scene, canvas);
    to_paint = &planned;
  }
  const Painter painter{canvas, built, fonts, dl};
  const ImVec2 top_left = canvas.origin;
  const ImVec2 bottom_right(canvas.origin.x + scene.width, canvas.origin.y + scene.height);
  dl->PushClipRect(top_left, bottom_right, true);
  if (scene.background.visible() && !canvas.background_drawn)
    dl->AddRectFilled(top_left, bottom_right, to_imgui_colour(scene.background));
  std::int32_t clip = -1;
  for (const std::uint32_t index : *to_paint) {
    if (index >= scene.items.size()) break;  // a list made for another scene
    const Primitive& item = scene.items[index];
    if (item.clip != clip) {
      if (clip >= 0) dl->PopClipRect();
      clip = item.clip;
      if (clip >= 0) {
        const RectF& r = scene.clips[static_cast<std::size_t>(clip)];
        dl->PushClipRect(painter.at(r.x0, r.y0), painter.at(r.x1, r.y1), true);
      }
    }
    std::visit(painter, item.shape);
  }
  if (clip >= 0) dl->PopClipRect();
  dl->PopClipRect();
}

}  // namespace indtrack::ui
