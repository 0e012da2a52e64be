// The Cairo painter of chart scenes (export/cairo_*.h): PNGs painted in strips are the image
// painted whole and carry their print size; fills, hatches, lines, markers and text land where
// the scene's geometry says; text advances glyph by glyph as the layout measured it, in the
// font's Simplified Chinese forms, with characters outside the bundled font taken from a system
// font; PDFs are one page of the chart's size with subset fonts embedded and the text kept as
// text; outlined SVG has no live text.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <fontconfig/fontconfig.h>
#include <stb/stb_image.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <variant>

#include "chart_scenes.h"
#include "core/text.h"
#include "export/cairo_chart_files.h"
#include "export/cairo_painter.h"
#include "test_support.h"

using namespace indtrack;
using namespace indtrack::chart;
using Catch::Matchers::ContainsSubstring;
using Catch::Matchers::WithinAbs;

namespace {

const std::string kBundledPath =
    std::string(INDTRACK_SOURCE_DIR) + "/assets/fonts/NotoSansCJKsc-indtrack.otf";
const FontFace kBundled{kBundledPath, 0};

std::unique_ptr<FontTextMeasure> open_measure(float scale) {
  std::string error;
  auto m = FontTextMeasure::open({kBundled}, scale, error);
  INFO(error);
  REQUIRE(m);
  return m;
}

std::unique_ptr<ChartFilePainter> open_painter() {
  std::string error;
  auto p = ChartFilePainter::open({kBundled}, error);
  INFO(error);
  REQUIRE(p);
  return p;
}

struct Image {
  int width = 0, height = 0;
  std::vector<unsigned char> rgba;
  const unsigned char* at(int x, int y) const {
    return &rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                  static_cast<std::size_t>(x)) *
                 4];
  }
};

Image paint(ChartFilePainter& painter, const Scene& scene, const TextPlacement& placement, float scale) {
  Image img;
  std::string error;
  img.rgba = painter.rgba(scene, placement, scale, img.width, img.height, error);
  INFO(error);
  REQUIRE(!img.rgba.empty());
  return img;
}

bool near(const unsigned char* p, Rgba c, int tolerance = 6) {
  return std::abs(p[0] - c.r) <= tolerance && std::abs(p[1] - c.g) <= tolerance &&
         std::abs(p[2] - c.b) <= tolerance;
}

// The pixel whose centre is nearest canvas point (x, y).
const unsigned char* canvas_pixel(const Image& img, float x, float y, float scale) {
  return img.at(static_cast<int>(std::floor(x * scale)), static_cast<int>(std::floor(y * scale)));
}

// How many pixels in the image rectangle differ from the background by more than `tolerance`.
int ink_pixels(const Image& img, int x0, int y0, int x1, int y1, Rgba background, int tolerance = 40) {
  int n = 0;
  for (int y = std::max(0, y0); y < std::min(img.height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(img.width, x1); ++x)
      n += !near(img.at(x, y), background, tolerance);
  return n;
}

constexpr Rgba kWhite = Rgba::hex(0xffffff);
constexpr Rgba kBlue = Rgba::hex(0x0072b2);
constexpr Rgba kPale = Rgba::hex(0xc8dcf0);
constexpr Rgba kDark = Rgba::hex(0x203040);
constexpr Rgba kRed = Rgba::hex(0xd55e00);
constexpr Rgba kGreen = Rgba::hex(0x009e73);
constexpr Rgba kBlack = Rgba::hex(0x000000);

// Every kind of primitive, at known places.
Scene test_scene(const TextMeasure& measure) {
  Scene s;
  s.width = 200;
  s.height = 100;
  s.background = kWhite;
  s.add(RectPrim{{10, 10, 60, 40}, kBlue, {}, 1, {}, Hatch::None, {}, 6});
  s.add(RectPrim{{70, 10, 130, 40}, kPale, {}, 1, {}, Hatch::Diagonal, kDark, 6});
  s.add(LinePrim{{10, 60}, {190, 60}, kRed, 2, {}});
  s.add(LinePrim{{10, 70}, {190, 70}, kBlack, 2, Dash{6, 4}});
  s.add(MarkerPrim{{160, 25}, 14, MarkerShape::Diamond, kGreen, kGreen, 1});
  s.set_clip({140, 50, 200, 100});
  s.add(RectPrim{{100, 80, 300, 95}, kGreen, {}, 1, {}, Hatch::None, {}, 6});  // clipped at x = 140
  s.clear_clip();
  s.add(make_text(measure, "乌海BDO", 10, 76, HAlign::Left, VAlign::Top, {13, FontWeight::Regular, kBlack}));
  return s;
}

std::uint32_t be32(const std::string& s, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 3]));
}

// The bundled font lacks it, the system's Noto Sans CJK SC has it (fonts-noto-cjk, scripts/setup).
bool bundled_has(char32_t cp) {
  int count = 0;
  FcPattern* p = FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(kBundledPath.c_str()), 0, nullptr, &count);
  REQUIRE(p);
  FcCharSet* set = nullptr;
  const bool has = FcPatternGetCharSet(p, FC_CHARSET, 0, &set) == FcResultMatch && FcCharSetHasChar(set, cp);
  FcPatternDestroy(p);
  return has;
}

}  // namespace

TEST_CASE("a PNG painted in strips on two threads is the image painted whole", "[cairo][png]") {
  const auto measure = open_measure(2);
  const auto painter = open_painter();
  const TextPlacement placement = TextPlacement::of(*measure);
  const CategoryColours colours = chart_fixtures::wuhai_colours();
  // 900 px × 2 = 1800 rows: 28 full strips and a short one.
  for (const auto& [name, scene] :
       chart_fixtures::fixture_scenes(Language::Chinese, false, *measure, 1600, 900, colours)) {
    INFO(name);
    const Image strips = paint(*painter, scene, placement, 2);
    REQUIRE(strips.width == 3200);
    REQUIRE(strips.height == 1800);

    // The whole image on one surface, as one would paint it without strips.
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 3200, 1800);
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, 2, 2);
    const ShapedScene shaped = shape_scene(painter->text(), scene, placement);
    paint_scene({cr, 2, {}}, scene, shaped);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    int differing = 0, worst = 0;
    for (int y = 0; y < 1800; ++y)
      for (int x = 0; x < 3200; ++x) {
        std::uint32_t v;
        std::memcpy(&v, data + y * stride + x * 4, 4);
        const unsigned char* p = strips.at(x, y);
        const int d = std::max({std::abs(p[0] - static_cast<int>((v >> 16) & 0xFF)),
                                std::abs(p[1] - static_cast<int>((v >> 8) & 0xFF)),
                                std::abs(p[2] - static_cast<int>(v & 0xFF))});
        differing += d > 0;
        worst = std::max(worst, d);
      }
    cairo_surface_destroy(surface);
    INFO(differing << " pixels differ, by up to " << worst);
    // Anti-aliased edges crossing a strip border are rasterised once per strip: a few pixels there
    // may differ (measured: at most 14 per image, by up to 32 levels), no others.
    CHECK(worst <= 48);
    CHECK(differing <= 64);

    // The PNG file decodes to the same pixels.
    std::string error;
    const std::string png = painter->png(scene, placement, 2, error);
    INFO(error);
    REQUIRE(!png.empty());
    int w = 0, h = 0, channels = 0;
    unsigned char* decoded = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(png.data()),
                                                   static_cast<int>(png.size()), &w, &h, &channels, 4);
    REQUIRE(decoded);
    CHECK(channels == 3);  // an opaque chart is written as RGB
    CHECK(std::memcmp(decoded, strips.rgba.data(), strips.rgba.size()) == 0);
    stbi_image_free(decoded);
  }
}

TEST_CASE("the PNG says how large it prints: 96 dots per inch per unit of scale", "[cairo][png]") {
  const auto measure = open_measure(1.5f);
  const auto painter = open_painter();
  std::string error;
  const std::string png = painter->png(test_scene(*measure), TextPlacement::of(*measure), 1.5f, error);
  REQUIRE(!png.empty());
  // Signature, IHDR (8 + 13 + 4 bytes), then pHYs.
  REQUIRE(png.compare(33 + 4, 4, "pHYs") == 0);
  CHECK(be32(png, 33) == 9);
  const std::uint32_t ppm = static_cast<std::uint32_t>(std::lround(144 / 0.0254));  // 5669 per metre
  CHECK(be32(png, 41) == ppm);
  CHECK(be32(png, 45) == ppm);
  CHECK(png[49] == 1);  // metres
  CHECK(be32(png, 16) == 300);
  CHECK(be32(png, 20) == 150);
}

TEST_CASE("fills, hatches, lines, markers, clips and text land where the scene puts them",
          "[cairo][pixels]") {
  for (const float scale : {1.0f, 2.0f}) {
    INFO("scale " << scale);
    const auto measure = open_measure(scale);
    const auto painter = open_painter();
    const Scene scene = test_scene(*measure);
    const Image img = paint(*painter, scene, TextPlacement::of(*measure), scale);
    REQUIRE(img.width == static_cast<int>(200 * scale));
    CHECK(near(canvas_pixel(img, 35, 25, scale), kBlue));
    CHECK(near(canvas_pixel(img, 5, 5, scale), kWhite));
    CHECK(near(canvas_pixel(img, 9.7f, 25, scale), kWhite));  // the fill ends at its edge, not anti-aliased
    CHECK(near(canvas_pixel(img, 10.3f, 25, scale), kBlue));
    // The hatched rect shows its fill and its dark lines, both inside the rect only.
    int pale = 0, dark = 0;
    for (int y = static_cast<int>(12 * scale); y < static_cast<int>(38 * scale); ++y)
      for (int x = static_cast<int>(72 * scale); x < static_cast<int>(128 * scale); ++x) {
        pale += near(img.at(x, y), kPale);
        dark += near(img.at(x, y), kDark, 30);
      }
    CHECK(pale > 0);
    CHECK(dark > 0);
    CHECK(ink_pixels(img, static_cast<int>(131 * scale), static_cast<int>(10 * scale),
                     static_cast<int>(150 * scale), static_cast<int>(40 * scale), kWhite) == 0);
    CHECK(near(canvas_pixel(img, 100, 60, scale), kRed));
    CHECK(near(canvas_pixel(img, 13, 70, scale), kBlack, 40));   // a dash starts at the line's start
    CHECK(near(canvas_pixel(img, 18, 70, scale), kWhite, 40));   // its gap from 6 to 10 px
    CHECK(near(canvas_pixel(img, 160, 25, scale), kGreen));      // the diamond's centre
    CHECK(near(canvas_pixel(img, 155, 20, scale), kWhite, 40));  // outside its edge
    CHECK(near(canvas_pixel(img, 139, 88, scale), kWhite));      // clipped away
    CHECK(near(canvas_pixel(img, 145, 88, scale), kGreen));
    // The text's ink is inside its em box.
    const auto& text = std::get<TextPrim>(scene.items.back().shape);
    const RectF b = text.box;
    CHECK(ink_pixels(img, static_cast<int>(b.x0 * scale), static_cast<int>(b.y0 * scale),
                     static_cast<int>(b.x1 * scale) + 1, static_cast<int>(b.y1 * scale) + 1,
                     kWhite) > 20 * scale);
    CHECK(ink_pixels(img, static_cast<int>((b.x1 + 1) * scale), static_cast<int>(b.y0 * scale),
                     static_cast<int>((b.x1 + 20) * scale), static_cast<int>(b.y1 * scale), kWhite) == 0);
  }
}

TEST_CASE("glyphs advance exactly as the layout measured, in regular and bold", "[cairo][text]") {
  for (const float scale : {1.0f, 1.5f, 2.0f}) {
    const auto measure = open_measure(scale);
    const auto painter = open_painter();
    const TextPlacement placement = TextPlacement::of(*measure);
    for (const FontWeight weight : {FontWeight::Regular, FontWeight::Bold})
      for (const std::string text : {"BDO产能增长", "华恒生物 · PTMEG 1号线", "γ-丁内酯 ≥250",
                                     "<&\"'> 约105亿元", "Hainan District · as of 2024-10-31"}) {
        INFO(text << " at scale " << scale << (weight == FontWeight::Bold ? " bold" : ""));
        TextPrim t = make_text(*measure, text, 10, 10, HAlign::Left, VAlign::Top, {13, weight, kBlack});
        const auto shaped = painter->text().shape(t, placement);
        REQUIRE(shaped);
        CHECK_THAT(shaped->advance, WithinAbs(t.box.width(), 1e-3));
        // Each glyph starts where the measure's widths of the characters before it end.
        std::vector<double> xs;
        for (const GlyphRun& run : shaped->runs)
          for (const cairo_glyph_t& g : run.glyphs) xs.push_back(g.x);
        std::vector<double> expected;  // one glyph per character (no ligatures), spaces included
        std::size_t pos = 0;
        float pen = 0;
        while (pos < text.size()) {
          const std::size_t start = pos;
          next_code_point(text, pos);
          expected.push_back(pen);
          pen += text_width(*measure, text.substr(start, pos - start), 13, weight);
        }
        const std::vector<double>& got = xs;
        REQUIRE(got.size() == expected.size());
        for (std::size_t i = 0; i < got.size(); ++i) CHECK_THAT(got[i], WithinAbs(expected[i], 1e-3));
        // Its origin is the box's start and the baseline, on the 1/R grid.
        const Vec2 o = placement.origin(t);
        CHECK_THAT(o.x * scale, WithinAbs(std::round(t.box.x0 * scale), 1e-4));
        CHECK_THAT(o.y * scale, WithinAbs(std::round(t.baseline_y * scale), 1e-4));
      }
  }
}

TEST_CASE("characters the bundled font lacks come from a system font; those no font has are listed",
          "[cairo][text][fonts]") {
  // 堃 (U+5803) and 喆 (U+5586) are in names but not in GB2312, so not in the bundled subset.
  REQUIRE(!bundled_has(U'\u5803'));
  REQUIRE(!bundled_has(U'\u5586'));
  REQUIRE(bundled_has(U'\u4E4C'));  // 乌
  const auto measure = open_measure(2);
  const auto painter = open_painter();
  const TextPlacement placement = TextPlacement::of(*measure);
  CHECK(!painter->text().uses_system_fonts());

  Scene scene;
  scene.width = 200;
  scene.height = 40;
  scene.background = kWhite;
  scene.add(
      make_text(*measure, "乌海", 10, 10, HAlign::Left, VAlign::Top, {16, FontWeight::Regular, kBlack}));
  scene.add(
      make_text(*measure, "堃喆", 80, 10, HAlign::Left, VAlign::Top, {16, FontWeight::Regular, kBlack}));
  // U+10FFFD is a private-use character no font here has.
  scene.add(make_text(*measure, "\xF4\x8F\xBF\xBD", 150, 10, HAlign::Left, VAlign::Top,
                      {16, FontWeight::Regular, kBlack}));
  const Image img = paint(*painter, scene, placement, 2);
  CHECK(painter->text().uses_system_fonts());
  CHECK(painter->text().missing() == std::vector<char32_t>{U'\U0010FFFD'});
  const auto ink_in = [&](const Primitive& item) {
    const RectF b = std::get<TextPrim>(item.shape).box;
    return ink_pixels(img, static_cast<int>(b.x0 * 2), static_cast<int>(b.y0 * 2),
                      static_cast<int>(b.x1 * 2) + 1, static_cast<int>(b.y1 * 2) + 1, kWhite);
  };
  const int common = ink_in(scene.items[0]);
  const int rare = ink_in(scene.items[1]);
  INFO("ink of 乌海: " << common << " px, of 堃喆: " << rare << " px");
  CHECK(common > 150);
  // Two ideographs drawn (measured ~550 px against ~720 for 乌海), not empty or a thin box.
  CHECK(rare > common / 2);
  CHECK(ink_in(scene.items[2]) > 20);  // drawn as U+FFFD, like on screen

  // Which font drew 堃: a system Noto Sans CJK SC (the same design as the bundled subset).
  const auto shaped = painter->text().shape(std::get<TextPrim>(scene.items[1].shape), placement);
  REQUIRE(shaped->runs.size() == 1);
  cairo_font_face_t* face = cairo_scaled_font_get_font_face(shaped->runs[0].font);
  REQUIRE(cairo_font_face_get_type(face) == CAIRO_FONT_TYPE_FT);
}

TEST_CASE("a chart PDF is one page of the chart's size, with subset fonts embedded and text kept",
          "[cairo][pdf]") {
  const auto measure = open_measure(2);
  const auto painter = open_painter();
  const CategoryColours colours = chart_fixtures::wuhai_colours();
  const auto scenes = chart_fixtures::fixture_scenes(Language::Chinese, false, *measure, 1600, 900, colours);
  std::string error;
  const std::string pdf = painter->pdf(scenes[0].scene, TextPlacement::of(*measure),
                                       {"乌海市BDO产能", "全市", "2024-11-01T09:00:00"}, error);
  INFO(error);
  REQUIRE(!pdf.empty());
  CHECK(pdf.compare(0, 5, "%PDF-") == 0);
  CHECK_THAT(pdf, ContainsSubstring("/MediaBox [ 0 0 1200 675 ]"));  // 1600 × 900 CSS px in points
  CHECK_THAT(pdf, ContainsSubstring("/FontFile3"));                  // the CFF outlines are in the file
  CHECK_THAT(pdf, ContainsSubstring("/CIDFontType0C"));
  CHECK_THAT(pdf, ContainsSubstring("/ToUnicode"));  // text can be copied and searched
  // A subset's name: six capitals and a plus sign before the font's name.
  const std::size_t name = pdf.find("/BaseFont /");
  REQUIRE(name != std::string::npos);
  const std::string base = pdf.substr(name + 11, 7);
  CHECK(base[6] == '+');
  CHECK(std::all_of(base.begin(), base.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; }));
  CHECK(pdf.size() < 200 * 1024);  // a subset, not the 2.9 MB font
  test::write_file(test::tmp_path("cairo-capacity.pdf"), pdf);
}

TEST_CASE("the outlined SVG has glyph outlines and no live text, at the chart's size in pixels",
          "[cairo][svg]") {
  const auto measure = open_measure(2);
  const auto painter = open_painter();
  const Scene scene = test_scene(*measure);
  std::string error;
  const std::string svg = painter->svg_outlined(scene, TextPlacement::of(*measure), error);
  INFO(error);
  REQUIRE(!svg.empty());
  CHECK_THAT(svg, ContainsSubstring("width=\"200px\""));
  CHECK_THAT(svg, ContainsSubstring("height=\"100px\""));
  CHECK_THAT(svg, ContainsSubstring("<symbol"));  // one outline per glyph, used where it is drawn
  CHECK_THAT(svg, !ContainsSubstring("<text"));
  CHECK_THAT(svg, !ContainsSubstring("font-family"));
}
