#include "chart/scene.h"

#include <algorithm>
#include <cmath>

namespace indtrack::chart {

void Scene::set_clip(const RectF& r) {
  // Consecutive layouts often clip to the same plot rectangle: reuse the last one.
  if (!clips.empty() && clips.back() == r) {
    current_clip_ = static_cast<std::int32_t>(clips.size() - 1);
    return;
  }
  clips.push_back(r);
  current_clip_ = static_cast<std::int32_t>(clips.size() - 1);
}

void Scene::add(Shape shape, HitId hit) { items.push_back(Primitive{std::move(shape), hit, current_clip_}); }

namespace {

RectF bounds_of_points(const std::vector<Vec2>& points) {
  if (points.empty()) return {};
  RectF r{points[0].x, points[0].y, points[0].x, points[0].y};
  for (const Vec2& p : points) {
    r.x0 = std::min(r.x0, p.x);
    r.y0 = std::min(r.y0, p.y);
    r.x1 = std::max(r.x1, p.x);
    r.y1 = std::max(r.y1, p.y);
  }
  return r;
}

float distance_to_segment(Vec2 p, Vec2 a, Vec2 b) {
  const float dx = b.x - a.x;
  const float dy = b.y - a.y;
  const float len2 = dx * dx + dy * dy;
  float t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0f;
  t = std::clamp(t, 0.0f, 1.0f);
  const float cx = a.x + t * dx - p.x;
  const float cy = a.y + t * dy - p.y;
  return std::sqrt(cx * cx + cy * cy);
}

// Even-odd rule.
bool inside_polygon(Vec2 p, const std::vector<Vec2>& pts) {
  bool inside = false;
  for (std::size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++) {
    const Vec2 a = pts[i];
    const Vec2 b = pts[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

// A rectangle thinner than 2·tolerance is widened around its centre so a 1 px bar stays hittable.
RectF widened(RectF r, float tolerance) {
  const float min_size = 2 * tolerance;
  if (r.width() < min_size) {
    const float cx = (r.x0 + r.x1) / 2;
    r.x0 = cx - tolerance;
    r.x1 = cx + tolerance;
  }
  if (r.height() < min_size) {
    const float cy = (r.y0 + r.y1) / 2;
    r.y0 = cy - tolerance;
    r.y1 = cy + tolerance;
  }
  return r;
}

bool shape_contains(const Shape& shape, Vec2 p, float tol) {
  struct Visitor {
    Vec2 p;
    float tol;
    bool operator()(const RectPrim& s) const { return widened(s.rect, tol).contains(p.x, p.y); }
    bool operator()(const LinePrim& s) const { return distance_to_segment(p, s.a, s.b) <= s.width / 2 + tol; }
    bool operator()(const PolylinePrim& s) const {
      for (std::size_t i = 1; i < s.points.size(); ++i)
        if (distance_to_segment(p, s.points[i - 1], s.points[i]) <= s.width / 2 + tol) return true;
      return false;
    }
    bool operator()(const PolygonPrim& s) const {
      if (s.points.size() < 3) return false;
      if (inside_polygon(p, s.points)) return true;
      for (std::size_t i = 0; i < s.points.size(); ++i)
        if (distance_to_segment(p, s.points[i], s.points[(i + 1) % s.points.size()]) <= tol) return true;
      return false;
    }
    bool operator()(const TextPrim& s) const { return s.box.contains(p.x, p.y); }
    bool operator()(const MarkerPrim& s) const {
      const float r = s.size_px / 2 + tol;
      if (s.shape == MarkerShape::Circle) {
        const float dx = p.x - s.centre.x;
        const float dy = p.y - s.centre.y;
        return dx * dx + dy * dy <= r * r;
      }
      return std::abs(p.x - s.centre.x) <= r && std::abs(p.y - s.centre.y) <= r;
    }
  };
  return std::visit(Visitor{p, tol}, shape);
}

}  // namespace

std::vector<Vec2> marker_outline(const MarkerPrim& m) {
  const float h = m.size_px / 2;
  const float cx = m.centre.x, cy = m.centre.y;
  switch (m.shape) {
    case MarkerShape::Circle:
      return {};
    case MarkerShape::Diamond:
      return {{cx, cy - h}, {cx + h, cy}, {cx, cy + h}, {cx - h, cy}};
    case MarkerShape::TriangleUp:
      return {{cx, cy - h}, {cx + h, cy + h}, {cx - h, cy + h}};
    case MarkerShape::TriangleDown:
      return {{cx - h, cy - h}, {cx + h, cy - h}, {cx, cy + h}};
    case MarkerShape::TriangleRight:
      return {{cx - h, cy - h}, {cx + h, cy}, {cx - h, cy + h}};
    case MarkerShape::Square:
      return {{cx - h, cy - h}, {cx + h, cy - h}, {cx + h, cy + h}, {cx - h, cy + h}};
  }
  return {};
}

std::vector<Segment> dash_segments(Vec2 a, Vec2 b, const Dash& dash) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float length = std::sqrt(dx * dx + dy * dy);
  if (dash.solid() || length == 0) return {{a, b}};
  std::vector<Segment> out;
  const float ux = dx / length, uy = dy / length;
  for (float t = 0; t < length; t += dash.on + dash.off) {
    const float end = std::min(t + dash.on, length);
    out.push_back({{a.x + ux * t, a.y + uy * t}, {a.x + ux * end, a.y + uy * end}});
  }
  return out;
}

std::vector<Segment> hatch_segments(const RectF& r, float spacing) {
  std::vector<Segment> out;
  if (r.empty() || spacing <= 0) return out;
  // Lines x + y = c for c = k·spacing·√2, clipped to the rect.
  const float step = spacing * std::sqrt(2.0f);
  const float c_min = r.x0 + r.y0, c_max = r.x1 + r.y1;
  for (float k = std::ceil(c_min / step); k * step <= c_max; ++k) {
    const float c = k * step;
    // Enter at the top or left edge, leave at the bottom or right edge.
    const Vec2 from = c - r.y0 <= r.x1 ? Vec2{c - r.y0, r.y0} : Vec2{r.x1, c - r.x1};
    const Vec2 to = c - r.y1 >= r.x0 ? Vec2{c - r.y1, r.y1} : Vec2{r.x0, c - r.x0};
    out.push_back({from, to});
  }
  return out;
}

const char* hit_kind_name(HitKind kind) {
  switch (kind) {
    case HitKind::None:
      return "none";
    case HitKind::CapacityBand:
      return "capacity_band";
    case HitKind::CapacityStep:
      return "capacity_step";
    case HitKind::CapacityStatus:
      return "capacity_status";
    case HitKind::ReferenceMark:
      return "reference_mark";
    case HitKind::LegendEntry:
      return "legend_entry";
    case HitKind::TimelineRow:
      return "timeline_row";
    case HitKind::TimelineGroup:
      return "timeline_group";
    case HitKind::TimelineSegment:
      return "timeline_segment";
    case HitKind::TimelineMilestone:
      return "timeline_milestone";
    case HitKind::TimelineFold:
      return "timeline_fold";
    case HitKind::InvestmentBar:
      return "investment_bar";
    case HitKind::StatusCell:
      return "status_cell";
    case HitKind::SlippageRow:
      return "slippage_row";
    case HitKind::SlippageExpected:
      return "slippage_expected";
    case HitKind::SlippageActual:
      return "slippage_actual";
  }
  return "none";
}

RectF bounds_of(const Shape& shape) {
  struct Visitor {
    RectF operator()(const RectPrim& s) const { return s.rect; }
    RectF operator()(const LinePrim& s) const {
      return {std::min(s.a.x, s.b.x), std::min(s.a.y, s.b.y), std::max(s.a.x, s.b.x), std::max(s.a.y, s.b.y)};
    }
    RectF operator()(const PolylinePrim& s) const { return bounds_of_points(s.points); }
    RectF operator()(const PolygonPrim& s) const { return bounds_of_points(s.points); }
    RectF operator()(const TextPrim& s) const { return s.box; }
    RectF operator()(const MarkerPrim& s) const {
      const float h = s.size_px / 2;
      return {s.centre.x - h, s.centre.y - h, s.centre.x + h, s.centre.y + h};
    }
  };
  return std::visit(Visitor{}, shape);
}

std::optional<SceneHit> hit_test(const Scene& scene, float x, float y, float tolerance_px) {
  for (std::size_t i = scene.items.size(); i-- > 0;) {
    const Primitive& item = scene.items[i];
    if (!item.hit) continue;
    if (item.clip >= 0 && !scene.clips[static_cast<std::size_t>(item.clip)].contains(x, y)) continue;
    if (shape_contains(item.shape, Vec2{x, y}, tolerance_px)) return SceneHit{item.hit, i};
  }
  return std::nullopt;
}

}  // namespace indtrack::chart
