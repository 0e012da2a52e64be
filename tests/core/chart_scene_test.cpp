// Hit-testing a scene (tooltips and clicks without a GPU) and the palette.
#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <set>

#include "chart/palette.h"
#include "chart/scene.h"

using namespace indtrack;
using namespace indtrack::chart;

TEST_CASE("the topmost primitive with a hit id wins", "[chart][scene]") {
  Scene scene;
  scene.add(RectPrim{.rect = {0, 0, 100, 100}, .fill = Rgba::hex(0x0072B2)}, {HitKind::CapacityBand, 0, 0});
  scene.add(RectPrim{.rect = {50, 50, 150, 150}, .fill = Rgba::hex(0xE69F00)}, {HitKind::CapacityBand, 1, 2});
  scene.add(RectPrim{.rect = {0, 0, 20, 20}, .fill = Rgba::hex(0xFFFFFF)});  // no hit id: transparent to hits

  auto on_b = hit_test(scene, 75, 75);
  REQUIRE(on_b);
  CHECK(on_b->id == HitId{HitKind::CapacityBand, 1, 2});
  CHECK(on_b->primitive == 1);
  auto on_a = hit_test(scene, 25, 25);
  REQUIRE(on_a);
  CHECK(on_a->id == HitId{HitKind::CapacityBand, 0, 0});
  CHECK(hit_test(scene, 10, 10)->id.index == 0);
  CHECK_FALSE(hit_test(scene, 200, 200));
}

TEST_CASE("thin bars, lines and markers are hit within the tolerance", "[chart][scene]") {
  Scene scene;
  scene.add(RectPrim{.rect = {10, 0, 10.5f, 100}}, {HitKind::TimelineSegment, 3, 0});
  scene.add(LinePrim{.a = {0, 200}, .b = {100, 200}, .width = 1}, {HitKind::ReferenceMark, 0});
  scene.add(MarkerPrim{.centre = {300, 300}, .size_px = 10, .shape = MarkerShape::Diamond},
            {HitKind::TimelineMilestone, 1, 4});
  scene.add(MarkerPrim{.centre = {400, 300}, .size_px = 10, .shape = MarkerShape::Circle},
            {HitKind::CapacityStep, 2, 1});

  CHECK(hit_test(scene, 11.5f, 50)->id.kind == HitKind::TimelineSegment);  // 1 px beside a 0.5 px bar
  CHECK_FALSE(hit_test(scene, 13, 50));
  CHECK(hit_test(scene, 50, 202)->id.kind == HitKind::ReferenceMark);
  CHECK_FALSE(hit_test(scene, 50, 203));
  CHECK(hit_test(scene, 306, 300)->id == HitId{HitKind::TimelineMilestone, 1, 4});
  CHECK_FALSE(hit_test(scene, 308, 300));
  CHECK(hit_test(scene, 404, 304)->id.kind == HitKind::CapacityStep);  // inside r + tolerance = 7
  CHECK_FALSE(hit_test(scene, 405, 305));
  CHECK(hit_test(scene, 11.5f, 50, 0.5f) == std::nullopt);  // tolerance is a parameter
}

TEST_CASE("clip rectangles limit what can be hit", "[chart][scene]") {
  Scene scene;
  scene.set_clip({0, 0, 50, 100});
  scene.add(RectPrim{.rect = {0, 0, 100, 100}}, {HitKind::InvestmentBar, 0, 0});
  scene.clear_clip();
  CHECK(hit_test(scene, 25, 50));
  CHECK_FALSE(hit_test(scene, 75, 50));  // drawn outside the plot: invisible, not hittable
  CHECK(scene.items[0].clip == 0);
}

TEST_CASE("text and polygons are hit inside their shape", "[chart][scene]") {
  Scene scene;
  TextPrim t;
  t.text = "华恒";
  t.box = {10, 10, 36, 23};
  scene.add(t, {HitKind::LegendEntry, 2});
  scene.add(PolygonPrim{.points = {{100, 100}, {200, 100}, {100, 200}}}, {HitKind::StatusCell, 1, 1});
  CHECK(hit_test(scene, 20, 15)->id == HitId{HitKind::LegendEntry, 2});
  CHECK(hit_test(scene, 120, 120)->id.kind == HitKind::StatusCell);
  CHECK_FALSE(hit_test(scene, 190, 190));  // beyond the hypotenuse
}

TEST_CASE("marker outlines are shared by all painters", "[chart][scene]") {
  const MarkerPrim diamond{.centre = {10, 20}, .size_px = 8, .shape = MarkerShape::Diamond};
  CHECK(marker_outline(diamond) == std::vector<Vec2>{{10, 16}, {14, 20}, {10, 24}, {6, 20}});
  const MarkerPrim up{.centre = {0, 0}, .size_px = 4, .shape = MarkerShape::TriangleUp};
  CHECK(marker_outline(up) == std::vector<Vec2>{{0, -2}, {2, 2}, {-2, 2}});
  CHECK(marker_outline(MarkerPrim{.shape = MarkerShape::Circle}).empty());
  CHECK(bounds_of(Shape{diamond}) == RectF{6, 16, 14, 24});
}

TEST_CASE("every key keeps one colour from the colour-blind-safe palette", "[chart][palette]") {
  const CategoryColours colours({"dongyuan", "junzheng", "huaheng", "dongyuan", "sanwei"});
  CHECK(colours.slot("dongyuan") == 0);
  CHECK(colours.slot("junzheng") == 1);
  CHECK(colours.slot("huaheng") == 2);
  CHECK(colours.slot("sanwei") == 3);  // the duplicate "dongyuan" took no slot
  CHECK(colours.colour("junzheng", light_theme()) == categorical_palette(light_theme())[1]);
  CHECK(colours.colour("junzheng", dark_theme()) == categorical_palette(dark_theme())[1]);
  CHECK(categorical_palette(light_theme()).size() == 12);
  // Unknown keys get a stable hashed slot.
  const CategoryColours other({"x"});
  CHECK(colours.slot("guoxuan") == other.slot("guoxuan"));
  CHECK(colours.slot("guoxuan") < 12);
  // Keys beyond the palette cycle.
  std::vector<std::string> keys;
  for (int i = 0; i < 14; ++i) keys.push_back(std::string("k").append(std::to_string(i)));
  const CategoryColours many(keys);
  CHECK(many.slot("k12") == 0);
  CHECK(many.slot("k13") == 1);
}

TEST_CASE("statuses have distinct colours; themes differ in background and text", "[chart][palette]") {
  std::set<std::uint32_t> seen;
  for (Status s : {Status::Announced, Status::Signed, Status::Construction, Status::Trial, Status::Operating,
                   Status::Shelved, Status::Cancelled}) {
    const Rgba c = status_colour(s, light_theme());
    seen.insert((std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | c.b);
  }
  CHECK(seen.size() == 7);
  const Theme light = light_theme(), dark = dark_theme();
  CHECK(light.background == Rgba::hex(0xFFFFFF));
  CHECK(dark.dark);
  CHECK(dark.background.r < 64);
  CHECK(dark.text.r > 200);
  CHECK(mix(Rgba::hex(0x000000), Rgba::hex(0xFFFFFF), 0.5f) == Rgba::hex(0x808080));
}

TEST_CASE("painters without dashes or patterns get the same geometry", "[chart][scene]") {
  CHECK(dash_segments({0, 0}, {10, 0}, {3, 2}) == std::vector<Segment>{{{0, 0}, {3, 0}}, {{5, 0}, {8, 0}}});
  CHECK(dash_segments({0, 0}, {0, 12}, {3, 2}) ==
        std::vector<Segment>{{{0, 0}, {0, 3}}, {{0, 5}, {0, 8}}, {{0, 10}, {0, 12}}});  // last dash cut
  CHECK(dash_segments({0, 0}, {0, 9}, {}) == std::vector<Segment>{{{0, 0}, {0, 9}}});
  // Lines x + y = k·√2·spacing; spacing √2/2 gives x + y = 0, 1, 2, ... for easy numbers.
  const auto lines = hatch_segments({0, 0, 2, 1}, std::sqrt(2.0f) / 2);
  const std::vector<Segment> expected{{{0, 0}, {0, 0}}, {{1, 0}, {0, 1}}, {{2, 0}, {1, 1}}, {{2, 1}, {2, 1}}};
  REQUIRE(lines.size() == expected.size());
  auto near = [](Vec2 p, Vec2 q) { return std::abs(p.x - q.x) < 1e-5f && std::abs(p.y - q.y) < 1e-5f; };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("hatch line " << i);
    CHECK(near(lines[i].a, expected[i].a));
    CHECK(near(lines[i].b, expected[i].b));
  }
  CHECK(hatch_segments({0, 0, 0, 5}, 4).empty());
}
