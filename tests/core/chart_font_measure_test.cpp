// FontTextMeasure on the bundled font (Noto Sans CJK SC subset: hhea ascender 1160, descender
// −288, 1000 units per em; advances 中 1000, B 657, D 688, O 742, space 224, ? 474, read with
// fontTools). Each width is the sum of per-glyph advances rounded at the raster pixel height,
// divided by the raster scale — the arithmetic ImGui's atlas applies to the same file.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include "chart/font_measure.h"
#include "chart/frame.h"

using namespace indtrack::chart;
using Catch::Matchers::WithinAbs;

namespace {

const FontFace kBundled{std::string(INDTRACK_SOURCE_DIR) + "/assets/fonts/NotoSansCJKsc-indtrack.otf", 0};

std::unique_ptr<FontTextMeasure> open_bundled(float raster_scale) {
  std::string error;
  auto m = FontTextMeasure::open({kBundled}, raster_scale, error);
  INFO(error);
  REQUIRE(m);
  return m;
}

}  // namespace

TEST_CASE("the raster height is em × line height × scale, rounded", "[chart][font]") {
  CHECK(raster_pixel_height(13, 1.448f, 1) == 19);     // 18.82
  CHECK(raster_pixel_height(13, 1.448f, 2) == 38);     // 37.65
  CHECK(raster_pixel_height(11, 1.448f, 2) == 32);     // 31.86
  CHECK(raster_pixel_height(18, 1.448f, 1.5f) == 39);  // 39.10
  CHECK(raster_pixel_height(0.1f, 1.448f, 1) == 1);    // never zero
}

TEST_CASE("the measure reads the line height from the font", "[chart][font]") {
  const auto m = open_bundled(1);
  CHECK_THAT(m->line_height_em(), WithinAbs(1.448, 1e-6));
  // ImGui's ImFont::Ascent: floor(1160 × 19/1448 + 1) = floor(16.22) = 16.
  CHECK(m->ascent_pixels(19) == 16);
}

TEST_CASE("widths are whole-pixel advances at the raster height", "[chart][font]") {
  const auto one = open_bundled(1);
  // 13 px em at scale 1: 19 px raster, scale 19/1448. 中 13.12 -> 13; B 8.62 -> 9, D 9.03 -> 9,
  // O 9.74 -> 10.
  CHECK(one->width("中", 13) == 13);
  CHECK(one->width("BDO", 13) == 28);
  CHECK(one->width("BDO产能", 13) == 54);
  CHECK(one->width("", 13) == 0);
  // At scale 2 the raster is 38 px: 中 26.24 -> 26, B 17.24 -> 17, D 18.06 -> 18, O 19.47 -> 19;
  // widths are in canvas pixels (image pixels / 2). Layouts for a 2× PNG use this measure.
  const auto two = open_bundled(2);
  CHECK(two->width("中", 13) == 13);
  CHECK(two->width("BDO", 13) == 27);
  CHECK(two->raster_scale() == 2);
}

TEST_CASE("characters no font has take the fallback glyph's advance", "[chart][font]") {
  const auto m = open_bundled(1);
  // The subset has no U+FFFD: the fallback is '?' (474 units: 6.22 -> 6 px at 19 px).
  CHECK(m->width("?", 13) == 6);
  CHECK(m->width("\xff", 13) == 6);              // invalid UTF-8 decodes as U+FFFD
  CHECK(m->width("\xF0\x9F\x98\x80", 13) == 6);  // U+1F600: outside the 16-bit ImGui range
  // Controls are drawn as spaces (224 units: 2.94 -> 3 px).
  CHECK(m->width("\t", 13) == 3);
  CHECK(m->width(" ", 13) == 3);
}

TEST_CASE("a missing font file is an error, not a crash", "[chart][font]") {
  std::string error;
  CHECK_FALSE(FontTextMeasure::open({{"/nonexistent/font.otf", 0}}, 1, error));
  CHECK(error.find("/nonexistent/font.otf") != std::string::npos);
  error.clear();
  CHECK_FALSE(FontTextMeasure::open({{kBundled.path, 3}}, 1, error));  // the .otf has one face
  CHECK_FALSE(error.empty());
}

TEST_CASE("layouts place text with the font's widths", "[chart][font]") {
  const auto m = open_bundled(2);
  const TextPrim t =
      make_text(*m, "BDO产能", 10, 20, HAlign::Left, VAlign::Top, {13, FontWeight::Regular, {}});
  CHECK(t.box.x0 == 10);
  CHECK(t.box.x1 == 10 + m->width("BDO产能", 13));
  const TextPrim bold = make_text(*m, "BDO", 0, 0, HAlign::Left, VAlign::Top, {13, FontWeight::Bold, {}});
  CHECK(bold.box.x1 == 27 * kBoldWidthFactor);
}
