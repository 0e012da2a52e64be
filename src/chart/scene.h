// The Scene: a flat, GPU-free list of drawing primitives that every chart layout produces and
// every painter consumes (ImDrawList on screen in src/ui, SVG in svg_writer.h, PNG through the
// screen painter offscreen). Owns the primitive types, clip rectangles and pure hit-testing.
// Must not include ImGui: it is part of indtrack_core.
//
// Coordinates are pixels of the chart canvas: origin at the top-left, x to the right, y down.
// Primitives are painted in order; a later primitive is on top of an earlier one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "chart/scale.h"

namespace indtrack::chart {

struct Vec2 {
  float x = 0;
  float y = 0;
  friend bool operator==(const Vec2&, const Vec2&) = default;
};

// An axis-aligned rectangle; x0 <= x1 and y0 <= y1 for a non-empty one.
struct RectF {
  float x0 = 0;
  float y0 = 0;
  float x1 = 0;
  float y1 = 0;

  float width() const { return x1 - x0; }
  float height() const { return y1 - y0; }
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  bool contains(float x, float y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
  bool contains(const RectF& r) const { return r.x0 >= x0 && r.x1 <= x1 && r.y0 >= y0 && r.y1 <= y1; }
  bool intersects(const RectF& r) const { return r.x0 < x1 && r.x1 > x0 && r.y0 < y1 && r.y1 > y0; }
  friend bool operator==(const RectF&, const RectF&) = default;
};

// 8-bit sRGB colour with straight (not premultiplied) alpha.
struct Rgba {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
  std::uint8_t a = 0;  // 0 = nothing is drawn

  static constexpr Rgba hex(std::uint32_t rrggbb, std::uint8_t alpha = 255) {
    return {static_cast<std::uint8_t>(rrggbb >> 16), static_cast<std::uint8_t>(rrggbb >> 8),
            static_cast<std::uint8_t>(rrggbb), alpha};
  }
  constexpr Rgba with_alpha(std::uint8_t alpha) const { return {r, g, b, alpha}; }
  constexpr bool visible() const { return a > 0; }
  friend bool operator==(const Rgba&, const Rgba&) = default;
};

// What a primitive stands for, so a hover or click can be traced back to the chart's input.
// `index` and `part` index into the layout's input struct; the meaning per kind is listed here.
enum class HitKind : std::uint8_t {
  None,
  CapacityBand,       // index = series, part = step (the step that set the band's level there)
  CapacityStep,       // index = series, part = step (marker or uncertainty whisker of one step)
  CapacityStatus,     // index = column part, part = 0 stated lines, 1 inferred lines, -1 all (label)
  ReferenceMark,      // index = reference mark
  LegendEntry,        // index = legend entry (capacity: series; timeline/status: Status value)
  TimelineRow,        // index = row (its label)
  TimelineGroup,      // index = group (its header)
  TimelineSegment,    // index = row, part = segment
  TimelineMilestone,  // index = row, part = milestone
  TimelineFold,       // index = row, part = first folded segment, count = segments folded
  InvestmentBar,      // index = bar, part = 0 total, 1 completed
  StatusCell,         // index = year, part = status column
  SlippageRow,        // index = row (label, connector, delay label)
  SlippageExpected,   // index = row, part = expectation (its marker and whisker)
  SlippageActual,     // index = row (when it happened: marker, whisker or interval band)
};

struct HitId {
  HitKind kind = HitKind::None;
  std::int32_t index = -1;
  std::int32_t part = -1;
  std::int32_t count = 1;  // how many input items the primitive stands for (folded blocks: > 1)

  explicit operator bool() const { return kind != HitKind::None; }
  friend bool operator==(const HitId&, const HitId&) = default;
};

// A dash pattern in pixels; on == 0 draws a solid stroke.
struct Dash {
  float on = 0;
  float off = 0;
  bool solid() const { return on <= 0 || off <= 0; }
  friend bool operator==(const Dash&, const Dash&) = default;
};

enum class Hatch : std::uint8_t { None, Diagonal };  // Diagonal: 45° lines every hatch_spacing px

struct RectPrim {
  RectF rect{};
  Rgba fill{};    // alpha 0: not filled
  Rgba stroke{};  // alpha 0: no outline
  float stroke_width = 1;
  Dash stroke_dash{};
  Hatch hatch = Hatch::None;  // drawn over the fill (expected quantities)
  Rgba hatch_colour{};
  float hatch_spacing = 6;  // px between hatch lines
};

struct LinePrim {
  Vec2 a{};
  Vec2 b{};
  Rgba colour{};
  float width = 1;
  Dash dash{};
};

struct PolylinePrim {
  std::vector<Vec2> points{};
  Rgba colour{};
  float width = 1;
  Dash dash{};
};

// A convex polygon (painters may fill it with a triangle fan).
struct PolygonPrim {
  std::vector<Vec2> points{};
  Rgba fill{};
  Rgba stroke{};
  float stroke_width = 1;
};

enum class HAlign : std::uint8_t { Left, Center, Right };
enum class VAlign : std::uint8_t { Top, Middle, Baseline, Bottom };
enum class FontWeight : std::uint8_t { Regular, Bold };

// One line of UTF-8 text. `size_px` is the em size (CSS font-size); `box` is the em box the
// layout reserved for it (width from the TextMeasure). A painter puts the baseline at
// `baseline_y` and starts the text at box.x0.
struct TextPrim {
  std::string text{};
  float size_px = 12;
  FontWeight weight = FontWeight::Regular;
  Rgba colour{};
  RectF box{};
  float baseline_y = 0;
  // The edge of `box` the layout anchored the text at: a file writer that lets another program
  // lay out the glyphs (SVG text) pins that edge, so a substituted font grows away from it.
  HAlign align = HAlign::Left;
};

enum class MarkerShape : std::uint8_t { Diamond, Circle, TriangleUp, TriangleDown, TriangleRight, Square };

struct MarkerPrim {
  Vec2 centre{};
  float size_px = 8;  // full width and height
  MarkerShape shape = MarkerShape::Circle;
  Rgba fill{};  // alpha 0: hollow
  Rgba stroke{};
  float stroke_width = 1;
};

using Shape = std::variant<RectPrim, LinePrim, PolylinePrim, PolygonPrim, TextPrim, MarkerPrim>;

struct Primitive {
  Shape shape{};
  HitId hit{};
  std::int32_t clip = -1;  // index into Scene::clips; -1 = the whole canvas
};

// Where a layout put its plot area and how it maps data to pixels, for interaction
// (cursor -> day for wheel zoom, box zoom, tooltips) without redoing the layout.
struct SceneAxes {
  RectF plot{};
  std::optional<TimeScale> time;     // x axis of capacity and timeline charts
  std::optional<LinearScale> value;  // y axis (capacity, status) or x axis (investment)
};

struct Scene {
  float width = 0;
  float height = 0;
  Rgba background{};
  std::vector<Primitive> items;  // in paint order
  std::vector<RectF> clips;
  SceneAxes axes{};

  // Primitives added from now on are clipped to `r` (until clear_clip()).
  void set_clip(const RectF& r);
  void clear_clip() { current_clip_ = -1; }

  void add(Shape shape, HitId hit = {});
  std::size_t size() const { return items.size(); }

 private:
  std::int32_t current_clip_ = -1;
};

// The topmost primitive carrying a hit id under (x, y). Thin shapes (lines, narrow bars,
// small markers) count as hit within `tolerance_px`. Clip rectangles limit what can be hit.
struct SceneHit {
  HitId id{};
  std::size_t primitive = 0;  // index into Scene::items
};
std::optional<SceneHit> hit_test(const Scene& scene, float x, float y, float tolerance_px = 2.0f);

// The outline of a marker as a convex polygon (diamond, triangles, square); empty for a circle.
// Painters use it so markers look the same on screen and in SVG.
std::vector<Vec2> marker_outline(const MarkerPrim& marker);

// Geometry for painters without dashes or patterns (ImDrawList): the visible pieces of a dashed
// line, and the hatch lines of a rect. Hatch lines run "/" at 45° with `spacing` px between them
// (measured across the lines), anchored at the canvas origin so neighbouring rects' hatches line
// up — the same lines as the SVG writer's pattern.
struct Segment {
  Vec2 a;
  Vec2 b;
  friend bool operator==(const Segment&, const Segment&) = default;
};
std::vector<Segment> dash_segments(Vec2 a, Vec2 b, const Dash& dash);
std::vector<Segment> hatch_segments(const RectF& rect, float spacing);

// "capacity_band", "timeline_fold", ... (SVG data-hit attributes, debugging).
const char* hit_kind_name(HitKind kind);

// The bounding box of a primitive (for culling and the "inside the canvas" checks).
RectF bounds_of(const Shape& shape);

}  // namespace indtrack::chart
