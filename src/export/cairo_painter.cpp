// Scene -> Cairo (cairo_painter.h).
#include "export/cairo_painter.h"

#include <algorithm>
#include <cmath>
#include <variant>

namespace indtrack {

namespace {

using namespace indtrack::chart;

void set_colour(cairo_t* cr, Rgba c) {
  cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

void set_dash(cairo_t* cr, const Dash& dash) {
  if (dash.solid()) {
    cairo_set_dash(cr, nullptr, 0, 0);
    return;
  }
  const double pattern[2] = {dash.on, dash.off};
  cairo_set_dash(cr, pattern, 2, 0);
}

void path_of(cairo_t* cr, const std::vector<Vec2>& points, bool closed) {
  cairo_new_path(cr);
  for (std::size_t i = 0; i < points.size(); ++i)
    (i == 0 ? cairo_move_to : cairo_line_to)(cr, points[i].x, points[i].y);
  if (closed) cairo_close_path(cr);
}

// The screen painter's rules for pixels (ui/chart_painter.cpp): a hatch needs a rect at least an
// image pixel across both ways to show, and a fill-only rect whose span holds no pixel centre
// across or down paints nothing (centres within 1/64 px of an edge count as inside).
bool hatch_shows(const RectPrim& r, float raster_scale) {
  return r.hatch == Hatch::Diagonal && r.hatch_colour.visible() && r.hatch_spacing > 0 &&
         (raster_scale <= 0 || std::min(r.rect.width(), r.rect.height()) * raster_scale >= 1);
}

bool covers_no_pixel_centre(const RectPrim& r, float s) {
  if (s <= 0 || r.stroke.visible() || hatch_shows(r, s)) return false;
  constexpr float kMargin = 1.0f / 64;
  const auto no_centre = [](float a, float b) {
    return std::ceil(a - 0.5f - kMargin) > std::floor(b - 0.5f + kMargin);
  };
  return no_centre(r.rect.x0 * s, r.rect.x1 * s) || no_centre(r.rect.y0 * s, r.rect.y1 * s);
}

struct Painter {
  const CairoCanvas& canvas;
  const ShapedScene& text;
  std::size_t index = 0;  // of the primitive being painted

  cairo_t* cr() const { return canvas.cr; }
  bool raster() const { return canvas.raster_scale > 0; }

  void stroke_current(Rgba colour, float width, const Dash& dash) const {
    set_colour(cr(), colour);
    cairo_set_line_width(cr(), width);
    set_dash(cr(), dash);
    cairo_stroke(cr());
  }

  void operator()(const RectPrim& r) const {
    if (r.rect.empty() || covers_no_pixel_centre(r, canvas.raster_scale)) return;
    const RectF& b = r.rect;
    if (r.fill.visible()) {
      // Pixels whose centre is inside, like the screen's fills: bands stacked edge to edge meet
      // without a seam of background between them.
      if (raster()) cairo_set_antialias(cr(), CAIRO_ANTIALIAS_NONE);
      cairo_rectangle(cr(), b.x0, b.y0, b.width(), b.height());
      set_colour(cr(), r.fill);
      cairo_fill(cr());
      if (raster()) cairo_set_antialias(cr(), CAIRO_ANTIALIAS_DEFAULT);
    }
    if (hatch_shows(r, canvas.raster_scale)) {
      cairo_save(cr());
      if (raster()) cairo_set_antialias(cr(), CAIRO_ANTIALIAS_NONE);  // the fill's very pixels
      cairo_rectangle(cr(), b.x0, b.y0, b.width(), b.height());
      cairo_clip(cr());
      cairo_set_antialias(cr(), CAIRO_ANTIALIAS_DEFAULT);
      cairo_new_path(cr());
      for (const Segment& s : hatch_segments(b, r.hatch_spacing)) {
        cairo_move_to(cr(), s.a.x, s.a.y);
        cairo_line_to(cr(), s.b.x, s.b.y);
      }
      stroke_current(r.hatch_colour, std::max(1.0f, r.hatch_spacing / 4), {});  // the SVG pattern's width
      cairo_restore(cr());
    }
    if (r.stroke.visible() && r.stroke_width > 0) {
      cairo_rectangle(cr(), b.x0, b.y0, b.width(), b.height());
      stroke_current(r.stroke, r.stroke_width, r.stroke_dash);
    }
  }

  void operator()(const LinePrim& l) const {
    if (!l.colour.visible() || l.width <= 0) return;
    cairo_new_path(cr());
    cairo_move_to(cr(), l.a.x, l.a.y);
    cairo_line_to(cr(), l.b.x, l.b.y);
    stroke_current(l.colour, l.width, l.dash);
  }

  void operator()(const PolylinePrim& p) const {
    if (!p.colour.visible() || p.width <= 0 || p.points.size() < 2) return;
    path_of(cr(), p.points, false);
    stroke_current(p.colour, p.width, p.dash);
  }

  void fill_and_stroke(Rgba fill, Rgba stroke, float stroke_width) const {
    if (fill.visible()) {
      set_colour(cr(), fill);
      if (stroke.visible() && stroke_width > 0)
        cairo_fill_preserve(cr());
      else
        cairo_fill(cr());
    }
    if (stroke.visible() && stroke_width > 0) stroke_current(stroke, stroke_width, {});
    cairo_new_path(cr());
  }

  void operator()(const PolygonPrim& p) const {
    if (p.points.size() < 3) return;
    path_of(cr(), p.points, true);
    fill_and_stroke(p.fill, p.stroke, p.stroke_width);
  }

  void operator()(const MarkerPrim& m) const {
    if (m.shape == MarkerShape::Circle) {
      cairo_new_path(cr());
      cairo_arc(cr(), m.centre.x, m.centre.y, m.size_px / 2, 0, 2 * M_PI);
      cairo_close_path(cr());
    } else {
      path_of(cr(), marker_outline(m), true);
    }
    fill_and_stroke(m.fill, m.stroke, m.stroke_width);
  }

  void operator()(const TextPrim& t) const {
    const ShapedText* shaped = index < text.text.size() ? text.text[index].get() : nullptr;
    if (!t.colour.visible() || !shaped) return;
    const Vec2 origin = text.placement.origin(t);
    set_colour(cr(), t.colour);
    cairo_save(cr());
    cairo_translate(cr(), origin.x, origin.y);
    for (const GlyphRun& run : shaped->runs) {
      if (run.glyphs.empty()) continue;
      // The run's font face at its size; cairo makes the scaled font for this context's scale.
      cairo_set_font_face(cr(), cairo_scaled_font_get_font_face(run.font));
      cairo_matrix_t matrix;
      cairo_scaled_font_get_font_matrix(run.font, &matrix);
      cairo_set_font_matrix(cr(), &matrix);
      cairo_font_options_t* options = cairo_font_options_create();
      cairo_scaled_font_get_font_options(run.font, options);
      cairo_set_font_options(cr(), options);
      cairo_font_options_destroy(options);
      if (run.clusters.empty())
        cairo_show_glyphs(cr(), run.glyphs.data(), static_cast<int>(run.glyphs.size()));
      else
        cairo_show_text_glyphs(cr(), run.utf8.data(), static_cast<int>(run.utf8.size()), run.glyphs.data(),
                               static_cast<int>(run.glyphs.size()), run.clusters.data(),
                               static_cast<int>(run.clusters.size()), run.cluster_flags);
    }
    cairo_restore(cr());
  }
};

// Clip rectangles on pixels are whole pixels, as the screen's scissor rectangles are.
void clip_to(const CairoCanvas& canvas, const RectF& r) {
  RectF c = r;
  if (const float s = canvas.raster_scale; s > 0) {
    c = {std::floor(r.x0 * s) / s, std::floor(r.y0 * s) / s, std::floor(r.x1 * s) / s,
         std::floor(r.y1 * s) / s};
    cairo_set_antialias(canvas.cr, CAIRO_ANTIALIAS_NONE);
  }
  cairo_new_path(canvas.cr);
  cairo_rectangle(canvas.cr, c.x0, c.y0, std::max(0.0f, c.width()), std::max(0.0f, c.height()));
  cairo_clip(canvas.cr);
  cairo_set_antialias(canvas.cr, CAIRO_ANTIALIAS_DEFAULT);
}

void paint_items(const CairoCanvas& canvas, const Scene& scene, const ShapedScene& text, std::size_t first,
                 std::size_t last) {
  cairo_t* cr = canvas.cr;
  cairo_save(cr);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
  Painter painter{canvas, text};
  std::int32_t clip = -1;
  const bool cull = !canvas.visible.empty();
  for (std::size_t i = first; i < last && i < scene.items.size(); ++i) {
    const Primitive& item = scene.items[i];
    if (cull && !paint_bounds(item).intersects(canvas.visible)) continue;
    if (item.clip != clip) {
      if (clip >= 0) cairo_restore(cr);
      clip = item.clip;
      if (clip >= 0) {
        cairo_save(cr);
        if (static_cast<std::size_t>(clip) < scene.clips.size())
          clip_to(canvas, scene.clips[static_cast<std::size_t>(clip)]);
      }
    }
    painter.index = i;
    std::visit(painter, item.shape);
  }
  if (clip >= 0) cairo_restore(cr);
  cairo_restore(cr);
}

}  // namespace

ShapedScene shape_scene(CairoText& fonts, const Scene& scene, const TextPlacement& placement) {
  ShapedScene out;
  out.placement = placement;
  // Every character first: if one needs the system's fonts, they are loaded before any shaping.
  for (const Primitive& item : scene.items)
    if (const auto* t = std::get_if<TextPrim>(&item.shape)) fonts.cover(t->text);
  out.text.resize(scene.items.size());
  for (std::size_t i = 0; i < scene.items.size(); ++i)
    if (const auto* t = std::get_if<TextPrim>(&scene.items[i].shape); t && !t->text.empty())
      out.text[i] = fonts.shape(*t, placement);
  return out;
}

RectF paint_bounds(const Primitive& item) {
  RectF b = bounds_of(item.shape);
  float margin = 1;  // anti-aliasing
  if (const auto* t = std::get_if<TextPrim>(&item.shape)) {
    // Accents above the em box, descenders of fallback fonts below it, emboldening either side.
    b.y0 -= t->size_px * 0.5f;
    b.y1 += t->size_px * 0.5f;
    margin += t->size_px * 0.25f;
  } else if (const auto* r = std::get_if<RectPrim>(&item.shape)) {
    margin += r->stroke_width / 2;
  } else if (const auto* l = std::get_if<LinePrim>(&item.shape)) {
    margin += l->width / 2;
  } else if (const auto* p = std::get_if<PolylinePrim>(&item.shape)) {
    margin += p->width * 5;  // miter joins reach out to 10 half-widths
  } else if (const auto* g = std::get_if<PolygonPrim>(&item.shape)) {
    margin += g->stroke_width * 5;
  } else if (const auto* m = std::get_if<MarkerPrim>(&item.shape)) {
    margin += m->stroke_width * 5;
  }
  return {b.x0 - margin, b.y0 - margin, b.x1 + margin, b.y1 + margin};
}

void paint_scene(const CairoCanvas& canvas, const Scene& scene, const ShapedScene& text) {
  if (!canvas.cr) return;
  if (scene.background.visible()) {
    cairo_save(canvas.cr);
    set_colour(canvas.cr, scene.background);
    cairo_rectangle(canvas.cr, 0, 0, scene.width, scene.height);
    cairo_fill(canvas.cr);
    cairo_restore(canvas.cr);
  }
  paint_items(canvas, scene, text, 0, scene.items.size());
}

void paint_primitive(const CairoCanvas& canvas, const Scene& scene, std::size_t index,
                     const ShapedScene& text) {
  if (!canvas.cr) return;
  paint_items(canvas, scene, text, index, index + 1);
}

}  // namespace indtrack
