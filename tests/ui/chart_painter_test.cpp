// The chart painter and the font measure against ImGui: FontTextMeasure's widths equal ImGui's
// own (CalcTextSizeA on the chart font built from the same file), and a hand-made scene painted
// offscreen puts fills, hatch lines, dashes, markers and text at the pixels its geometry says.
#include <catch2/catch_test_macros.hpp>

#include <cfloat>
#include <cmath>

#include "chart/font_measure.h"
#include "io/data_paths.h"
#include "ui/chart/chart_painter.h"
#include "ui/host/offscreen.h"

using namespace indtrack;
using namespace indtrack::ui;
using chart::Rgba;

namespace {

const std::string kBundled = find_bundled_file(kBundledFont);

struct Pixel {
  int r, g, b;
};

Pixel pixel_at(const OffscreenImage& img, int x, int y) {
  const unsigned char* p = &img.rgba[(static_cast<std::size_t>(y) * img.width + x) * 4];
  return {p[0], p[1], p[2]};
}

bool near(Pixel p, Rgba c, int tolerance = 8) {
  return std::abs(p.r - c.r) <= tolerance && std::abs(p.g - c.g) <= tolerance &&
         std::abs(p.b - c.b) <= tolerance;
}

// The image pixel whose centre is nearest to canvas point (x, y) at `scale`.
Pixel canvas_pixel(const OffscreenImage& img, float x, float y, float scale) {
  return pixel_at(img, static_cast<int>(std::floor(x * scale)), static_cast<int>(std::floor(y * scale)));
}

OffscreenImage paint_offscreen(const chart::Scene& scene, float scale) {
  std::string error;
  const auto gl = OffscreenGlContext::create(error);
  INFO(error);
  REQUIRE(gl);
  FontManager fonts(resolve_fonts(kBundled, {}));
  request_scene_text(scene, fonts, scale);
  OffscreenSpec spec;
  spec.width = static_cast<int>(scene.width);
  spec.height = static_cast<int>(scene.height);
  spec.scale = scale;
  spec.settle_frames = 1;
  spec.theme = Theme::Light;
  const auto image = render_imgui_offscreen(
      spec, fonts,
      [&](const OffscreenFrame& f) {
        paint_scene({ImGui::GetBackgroundDrawList(), ImVec2(0, 0), ImGui::GetIO().DisplayFramebufferScale.x},
                    scene, f.fonts, fonts);
      },
      error);
  INFO(error);
  REQUIRE(image);
  return *image;
}

constexpr Rgba kWhite = Rgba::hex(0xffffff);
constexpr Rgba kBlue = Rgba::hex(0x0072b2);
constexpr Rgba kPale = Rgba::hex(0xc8dcf0);
constexpr Rgba kDark = Rgba::hex(0x203040);
constexpr Rgba kRed = Rgba::hex(0xd55e00);
constexpr Rgba kGreen = Rgba::hex(0x009e73);
constexpr Rgba kBlack = Rgba::hex(0x000000);

chart::Scene test_scene() {
  using namespace indtrack::chart;
  Scene s;
  s.width = 200;
  s.height = 100;
  s.background = kWhite;
  s.add(RectPrim{{10, 10, 60, 40}, kBlue, {}, 1, {}, Hatch::None, {}, 6});
  s.add(RectPrim{{70, 10, 130, 40}, kPale, {}, 1, {}, Hatch::Diagonal, kDark, 8});
  s.add(LinePrim{{10, 60}, {130, 60}, kRed, 2, Dash{6, 4}});
  s.add(MarkerPrim{{160, 25}, 16, MarkerShape::Diamond, kGreen, {}, 1});
  TextPrim t;
  t.text = "BDO产能";
  t.size_px = 13;
  t.colour = kBlack;
  t.box = {10, 70, 10 + 54, 83};
  t.baseline_y = 70 + 13 * chart::kAscentEm;
  s.add(t);
  // A clipped rect: only its part inside the clip (x < 180) is drawn.
  s.set_clip({150, 50, 180, 90});
  s.add(RectPrim{{170, 60, 195, 80}, kBlue, {}, 1, {}, Hatch::None, {}, 6});
  return s;
}

}  // namespace

TEST_CASE("the font measure gives exactly ImGui's widths for the chart fonts", "[painter][font]") {
  const std::vector<std::string> texts = {"BDO产能增长", "华恒生物 · PTMEG 1号线",
                                          "10.4万吨/年", "γ-丁内酯 ≥250",
                                          "2023年10月",  "Hainan District · as of 2024-10-31",
                                          "约105亿元",   "<&\"'> 未注明企业"};
  for (const float scale : {1.0f, 1.5f, 2.0f}) {
    FontManager fonts(resolve_fonts(kBundled, {}));
    std::string error;
    const auto measure = chart::FontTextMeasure::open(fonts.measure_faces(), scale, error);
    INFO(error);
    REQUIRE(measure);
    REQUIRE(fonts.chart_line_height_em() == measure->line_height_em());
    for (const float em : {11.0f, 13.0f, 18.0f})
      for (const std::string& t : texts)
        fonts.request_chart_text(t, chart::raster_pixel_height(em, measure->line_height_em(), scale));
    ImFontAtlas atlas;
    const FontBuildReport built = fonts.build(atlas, scale);
    for (const float em : {11.0f, 13.0f, 18.0f}) {
      const int px = chart::raster_pixel_height(em, measure->line_height_em(), scale);
      ImFont* font = built.fonts.chart_font(px);
      REQUIRE(font);
      CHECK(font->FontSize == static_cast<float>(px));
      for (const std::string& t : texts) {
        INFO(t << " at " << em << " px, scale " << scale);
        const float imgui = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, t.c_str()).x / scale;
        CHECK(measure->width(t, em) == imgui);
      }
    }
  }
}

TEST_CASE("a painted scene has its colours where its geometry puts them", "[painter][screenshot]") {
  const chart::Scene scene = test_scene();
  for (const float scale : {1.0f, 2.0f}) {
    INFO("scale " << scale);
    const OffscreenImage img = paint_offscreen(scene, scale);
    REQUIRE(img.width == static_cast<int>(200 * scale));
    REQUIRE(img.height == static_cast<int>(100 * scale));
    // Background, and the solid rect's inside.
    CHECK(near(canvas_pixel(img, 5, 5, scale), kWhite));
    CHECK(near(canvas_pixel(img, 35, 25, scale), kBlue, 0));
    CHECK(near(canvas_pixel(img, 11, 11, scale), kBlue, 0));
    CHECK(near(canvas_pixel(img, 62, 25, scale), kWhite));
    // Hatch lines x + y = k·8·√2: k = 9 gives c = 101.8; between lines (c = 107.5) the fill shows.
    const float c9 = 9 * 8 * std::sqrt(2.0f);
    CHECK(near(canvas_pixel(img, c9 - 25, 25, scale), kDark, 40));
    CHECK(near(canvas_pixel(img, c9 + 4 * std::sqrt(2.0f) - 25, 25, scale), kPale, 8));
    // ... and stop at the rect's edges: the line c = 10·8·√2 meets the bottom edge (y = 40) at
    // x = 73.1; 1.5 px below it is background.
    CHECK(near(canvas_pixel(img, 10 * 8 * std::sqrt(2.0f) - 40, 41.5f, scale), kWhite, 8));
    CHECK(near(canvas_pixel(img, 131.5f, 12, scale), kWhite, 8));
    // Dashes of 6 on, 4 off from x = 10: on at 13 and 23, off at 18 and 28.
    CHECK(near(canvas_pixel(img, 13, 60, scale), kRed, 30));
    CHECK(near(canvas_pixel(img, 23, 60, scale), kRed, 30));
    CHECK(near(canvas_pixel(img, 18, 60, scale), kWhite, 8));
    CHECK(near(canvas_pixel(img, 28, 60, scale), kWhite, 8));
    // The diamond: filled at its centre, empty at its bounding box corner.
    CHECK(near(canvas_pixel(img, 160, 25, scale), kGreen, 0));
    CHECK(near(canvas_pixel(img, 153, 18, scale), kWhite, 8));
    // Clipping: the rect shows up to the clip's right edge, not beyond.
    CHECK(near(canvas_pixel(img, 175, 70, scale), kBlue, 0));
    CHECK(near(canvas_pixel(img, 185, 70, scale), kWhite, 0));
    // Text: ink inside its box, none right of it.
    int inside = 0, outside = 0;
    for (int y = static_cast<int>(70 * scale); y < static_cast<int>(84 * scale); ++y) {
      for (int x = static_cast<int>(10 * scale); x < static_cast<int>(64 * scale); ++x)
        inside += pixel_at(img, x, y).r < 128;
      for (int x = static_cast<int>(65 * scale); x < static_cast<int>(90 * scale); ++x)
        outside += pixel_at(img, x, y).r < 128;
    }
    CHECK(inside > 40 * scale * scale);
    CHECK(outside == 0);
  }
}

namespace {

struct PaintCost {
  int draw_commands = 0;
  int vertices = 0;
};

// What painting `scene` adds to an ImDrawList (drawn in one offscreen frame at `scale`).
PaintCost paint_cost(const chart::Scene& scene, float scale = 1) {
  std::string error;
  const auto gl = OffscreenGlContext::create(error);
  INFO(error);
  REQUIRE(gl);
  FontManager fonts(resolve_fonts(kBundled, {}));
  OffscreenSpec spec;
  spec.width = static_cast<int>(scene.width);
  spec.height = static_cast<int>(scene.height);
  spec.scale = scale;
  spec.settle_frames = 1;
  PaintCost cost;
  const auto image = render_imgui_offscreen(
      spec, fonts,
      [&](const OffscreenFrame& f) {
        ImDrawList* dl = ImGui::GetBackgroundDrawList();
        const int commands = dl->CmdBuffer.Size, vertices = dl->VtxBuffer.Size;
        paint_scene({dl, ImVec2(0, 0), scale}, scene, f.fonts, fonts);
        cost = {dl->CmdBuffer.Size - commands, dl->VtxBuffer.Size - vertices};
      },
      error);
  INFO(error);
  REQUIRE(image);
  return cost;
}

}  // namespace

TEST_CASE("hatched rects cost no draw call each, and a hatch thinner than a pixel costs nothing",
          "[painter][performance]") {
  using namespace indtrack::chart;
  // A capacity chart of thousands of companies is thousands of hatched (expected) bands: with a
  // clip rect per hatch every band was a draw call of its own (100k per frame at 100k projects).
  Scene many;
  many.width = 400;
  many.height = 200;
  many.background = kWhite;
  for (int row = 0; row < 10; ++row)
    for (int col = 0; col < 20; ++col)
      many.add(RectPrim{{col * 20.0f, row * 20.0f, col * 20.0f + 18, row * 20.0f + 18},
                        kPale,
                        {},
                        1,
                        {},
                        Hatch::Diagonal,
                        kDark,
                        6});
  const PaintCost cost = paint_cost(many);
  CHECK(cost.draw_commands <= 2);  // the canvas clip and what follows it, whatever the rect count
  CHECK(cost.vertices > 200 * 4);  // the hatch lines are there

  // 0.4 px tall: no pixel row could show a hatch line, so only the fill is drawn.
  Scene thin, thin_plain;
  for (Scene* s : {&thin, &thin_plain}) {
    s->width = 400;
    s->height = 50;
    s->background = kWhite;
  }
  thin.add(RectPrim{{10, 10, 390, 10.4f}, kPale, {}, 1, {}, Hatch::Diagonal, kDark, 6});
  thin_plain.add(RectPrim{{10, 10, 390, 10.4f}, kPale, {}, 1, {}, Hatch::None, {}, 6});
  CHECK(paint_cost(thin).vertices == paint_cost(thin_plain).vertices);
}

TEST_CASE("fills thinner than a pixel are skipped only where they would paint no pixel",
          "[painter][performance]") {
  using namespace indtrack::chart;
  // 1,400 stacked bands 0.07 px tall, as a capacity chart of thousands of companies stacks them:
  // each pixel row shows the band over its centre, and only those bands cost vertices.
  Scene s;
  s.width = 100;
  s.height = 120;
  s.background = kWhite;
  constexpr int kBands = 1400;
  const auto top = [](int i) { return 10 + static_cast<float>(i) * 0.07f; };
  const auto colour = [](int i) {
    return Rgba{static_cast<std::uint8_t>(i * 53), static_cast<std::uint8_t>(i * 97),
                static_cast<std::uint8_t>(i * 29), 255};
  };
  for (int i = 0; i < kBands; ++i)
    s.add(RectPrim{{10, top(i), 90, top(i + 1)}, colour(i), {}, 1, {}, Hatch::None, {}, 6});
  for (const float scale : {1.0f, 2.0f}) {
    INFO("scale " << scale);
    const OffscreenImage img = paint_offscreen(s, scale);
    int checked = 0;
    for (int y = 0; y < img.height; ++y) {
      const float centre = (static_cast<float>(y) + 0.5f) / scale;  // canvas px
      if (centre < top(0) || centre >= top(kBands)) continue;
      int band = 0;
      while (top(band + 1) <= centre) ++band;
      // A centre on an edge (within the rasteriser's 1/256 px snapping) may go either way.
      if (centre - top(band) < 0.005f || top(band + 1) - centre < 0.005f) continue;
      const Rgba want = colour(band);
      INFO("row " << y << ", band " << band);
      CHECK(near(pixel_at(img, static_cast<int>(50 * scale), y), want, 0));
      ++checked;
    }
    CHECK(checked > 70 * scale);
    // 4 vertices per band drawn, at most about two bands per pixel row (the one over the centre,
    // and one whose edge is within 1/64 px of it): not 1,400.
    CHECK(paint_cost(s, scale).vertices < static_cast<int>(4 * 2 * 100 * scale));
  }
}
