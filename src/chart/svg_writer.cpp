#include "chart/svg_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <tuple>
#include <vector>

#include "core/text.h"

namespace indtrack::chart {

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = next_code_point(text, pos);
    switch (cp) {
      case U'&':
        out += "&amp;";
        continue;
      case U'<':
        out += "&lt;";
        continue;
      case U'>':
        out += "&gt;";
        continue;
      case U'"':
        out += "&quot;";
        continue;
      case U'\'':
        out += "&apos;";
        continue;
      case U'\t':
      case U'\n':
      case U'\r':
        out += ' ';
        continue;
      default:
        break;
    }
    // Controls and bidirectional overrides (which would reorder the chart's text where it is
    // shown), and what XML cannot hold at all.
    const bool forbidden = is_hidden_control(cp) || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE ||
                           cp == 0xFFFF || cp > 0x10FFFF;
    append_utf8(out, forbidden ? char32_t{0xFFFD} : cp);
  }
  return out;
}

namespace {

// Fixed notation, at most two decimals, no trailing zeros, never "-0", independent of the locale.
// NaN and infinities (from a degenerate scale) are written as 0: "nan" or "inf" is not an SVG
// number, and the file would no longer be valid SVG.
void put_number(std::string& out, float value) {
  if (!std::isfinite(value)) {
    out += '0';
    return;
  }
  char buf[32];
  auto [end, ec] =
      std::to_chars(buf, buf + sizeof buf, static_cast<double>(value), std::chars_format::fixed, 2);
  if (ec != std::errc{}) {
    out += '0';
    return;
  }
  std::string_view s(buf, static_cast<std::size_t>(end - buf));
  while (s.find('.') != std::string_view::npos && (s.back() == '0' || s.back() == '.')) {
    const bool dot = s.back() == '.';
    s.remove_suffix(1);
    if (dot) break;
  }
  if (s == "-0") s = "0";
  out += s;
}

void put_attr(std::string& out, const char* name, float value) {
  out += ' ';
  out += name;
  out += "=\"";
  put_number(out, value);
  out += '"';
}

void put_colour(std::string& out, const char* name, Rgba c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  out += ' ';
  out += name;
  out += "=\"";
  out += buf;
  out += '"';
  if (c.a < 255) {
    out += ' ';
    out += name;
    out += "-opacity=\"";
    put_number(out, static_cast<float>(c.a) / 255.0f);
    out += '"';
  }
}

void put_paint(std::string& out, const char* name, Rgba c) {
  if (!c.visible()) {
    out += ' ';
    out += name;
    out += "=\"none\"";
    return;
  }
  put_colour(out, name, c);
}

void put_stroke(std::string& out, Rgba colour, float width, const Dash& dash) {
  put_paint(out, "stroke", colour);
  if (!colour.visible()) return;
  put_attr(out, "stroke-width", width);
  if (!dash.solid()) {
    out += " stroke-dasharray=\"";
    put_number(out, dash.on);
    out += ' ';
    put_number(out, dash.off);
    out += '"';
  }
}

void put_points(std::string& out, const std::vector<Vec2>& points) {
  out += " points=\"";
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (i) out += ' ';
    put_number(out, points[i].x);
    out += ',';
    put_number(out, points[i].y);
  }
  out += '"';
}

// Hatch patterns, one per (fill, hatch colour, spacing), numbered in order of first use.
struct HatchKey {
  Rgba fill;
  Rgba hatch;
  float spacing;
  bool operator==(const HatchKey& o) const {
    return fill == o.fill && hatch == o.hatch && spacing == o.spacing;
  }
};

std::size_t hatch_id(std::vector<HatchKey>& keys, const RectPrim& r) {
  const HatchKey key{r.fill, r.hatch_colour, r.hatch_spacing};
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) return i;
  keys.push_back(key);
  return keys.size() - 1;
}

void put_common(std::string& out, const Primitive& item, const SvgOptions& options) {
  if (item.clip >= 0) {
    out += " clip-path=\"url(#clip";
    out += std::to_string(item.clip);
    out += ")\"";
  }
  if (options.hit_attributes && item.hit) {
    out += " data-hit=\"";
    out += hit_kind_name(item.hit.kind);
    out += ' ';
    out += std::to_string(item.hit.index);
    out += ' ';
    out += std::to_string(item.hit.part);
    if (item.hit.count != 1) {
      out += ' ';
      out += std::to_string(item.hit.count);
    }
    out += '"';
  }
}

}  // namespace

std::string write_svg(const Scene& scene, const SvgOptions& options) {
  std::string out;
  out.reserve(256 + scene.items.size() * 120);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"";
  put_attr(out, "width", scene.width);
  put_attr(out, "height", scene.height);
  out += " viewBox=\"0 0 ";
  put_number(out, scene.width);
  out += ' ';
  put_number(out, scene.height);
  out += "\" font-family=\"";
  out += escape_xml(options.font_family);
  out += "\">\n";

  // <defs>: clip rectangles and hatch patterns.
  std::vector<HatchKey> hatches;
  for (const Primitive& item : scene.items)
    if (const auto* r = std::get_if<RectPrim>(&item.shape); r && r->hatch != Hatch::None)
      hatch_id(hatches, *r);
  if (!scene.clips.empty() || !hatches.empty()) {
    out += "<defs>\n";
    for (std::size_t i = 0; i < scene.clips.size(); ++i) {
      const RectF& c = scene.clips[i];
      out += "<clipPath id=\"clip" + std::to_string(i) + "\"><rect";
      put_attr(out, "x", c.x0);
      put_attr(out, "y", c.y0);
      put_attr(out, "width", c.width());
      put_attr(out, "height", c.height());
      out += "/></clipPath>\n";
    }
    for (std::size_t i = 0; i < hatches.size(); ++i) {
      const HatchKey& h = hatches[i];
      out += "<pattern id=\"hatch" + std::to_string(i) + "\" patternUnits=\"userSpaceOnUse\"";
      put_attr(out, "width", h.spacing);
      put_attr(out, "height", h.spacing);
      out += " patternTransform=\"rotate(45)\"><rect";
      put_attr(out, "width", h.spacing);
      put_attr(out, "height", h.spacing);
      put_paint(out, "fill", h.fill);
      out += "/><line x1=\"0\" y1=\"0\" x2=\"0\"";
      put_attr(out, "y2", h.spacing);
      put_stroke(out, h.hatch, std::max(1.0f, h.spacing / 4), {});
      out += "/></pattern>\n";
    }
    out += "</defs>\n";
  }
  out += "<rect x=\"0\" y=\"0\"";
  put_attr(out, "width", scene.width);
  put_attr(out, "height", scene.height);
  put_paint(out, "fill", scene.background);
  out += "/>\n";

  for (const Primitive& item : scene.items) {
    if (const auto* r = std::get_if<RectPrim>(&item.shape)) {
      out += "<rect";
      put_attr(out, "x", r->rect.x0);
      put_attr(out, "y", r->rect.y0);
      put_attr(out, "width", r->rect.width());
      put_attr(out, "height", r->rect.height());
      if (r->hatch != Hatch::None)
        out += " fill=\"url(#hatch" + std::to_string(hatch_id(hatches, *r)) + ")\"";
      else
        put_paint(out, "fill", r->fill);
      put_stroke(out, r->stroke, r->stroke_width, r->stroke_dash);
    } else if (const auto* l = std::get_if<LinePrim>(&item.shape)) {
      out += "<line";
      put_attr(out, "x1", l->a.x);
      put_attr(out, "y1", l->a.y);
      put_attr(out, "x2", l->b.x);
      put_attr(out, "y2", l->b.y);
      put_stroke(out, l->colour, l->width, l->dash);
    } else if (const auto* pl = std::get_if<PolylinePrim>(&item.shape)) {
      out += "<polyline";
      put_points(out, pl->points);
      out += " fill=\"none\"";
      put_stroke(out, pl->colour, pl->width, pl->dash);
    } else if (const auto* pg = std::get_if<PolygonPrim>(&item.shape)) {
      out += "<polygon";
      put_points(out, pg->points);
      put_paint(out, "fill", pg->fill);
      put_stroke(out, pg->stroke, pg->stroke_width, {});
    } else if (const auto* t = std::get_if<TextPrim>(&item.shape)) {
      // x at the edge the layout aligned the text to, with the matching text-anchor, and y on the
      // alphabetic baseline: both hold whatever font the reader substitutes (Word, WPS).
      out += "<text";
      switch (t->align) {
        case HAlign::Left:
          put_attr(out, "x", t->box.x0);
          out += " text-anchor=\"start\"";
          break;
        case HAlign::Center:
          put_attr(out, "x", (t->box.x0 + t->box.x1) / 2);
          out += " text-anchor=\"middle\"";
          break;
        case HAlign::Right:
          put_attr(out, "x", t->box.x1);
          out += " text-anchor=\"end\"";
          break;
      }
      put_attr(out, "y", t->baseline_y);
      out += " dominant-baseline=\"alphabetic\"";
      put_attr(out, "font-size", t->size_px);
      if (t->weight == FontWeight::Bold) out += " font-weight=\"bold\"";
      put_paint(out, "fill", t->colour);
      put_common(out, item, options);
      out += ">";
      out += escape_xml(t->text);
      out += "</text>\n";
      continue;
    } else if (const auto* m = std::get_if<MarkerPrim>(&item.shape)) {
      if (m->shape == MarkerShape::Circle) {
        out += "<circle";
        put_attr(out, "cx", m->centre.x);
        put_attr(out, "cy", m->centre.y);
        put_attr(out, "r", m->size_px / 2);
      } else {
        out += "<polygon";
        put_points(out, marker_outline(*m));
      }
      put_paint(out, "fill", m->fill);
      put_stroke(out, m->stroke, m->stroke_width, {});
    }
    put_common(out, item, options);
    out += "/>\n";
  }
  out += "</svg>\n";
  return out;
}

}  // namespace indtrack::chart
