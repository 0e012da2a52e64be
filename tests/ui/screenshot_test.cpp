// Offscreen rendering through EGL with no X server: the dashboard screenshot has the requested
// size, its panels are not empty, the English toggle and a filter change the image, PNGs are
// written atomically, and `indtrack screenshot` reports bad arguments and unwritable files.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/text.h"
#include "test_support.h"
#include "ui/host/offscreen.h"
#include "ui/session.h"
#include "ui/ui.h"

using namespace indtrack;
using namespace indtrack::ui;

namespace {

const std::string kFixture = std::string(INDTRACK_SOURCE_DIR) + "/tests/ui/data/ui-fixture.json";

struct Region {
  double x0, y0, x1, y1;  // fractions of the image
};

// Share of pixels in a region that differ clearly from the window background: text, lines, cards.
double ink(const OffscreenImage& img, const Region& r, const ImVec4& background) {
  const int x0 = static_cast<int>(r.x0 * img.width), x1 = static_cast<int>(r.x1 * img.width);
  const int y0 = static_cast<int>(r.y0 * img.height), y1 = static_cast<int>(r.y1 * img.height);
  const int bg[3] = {static_cast<int>(background.x * 255 + 0.5f), static_cast<int>(background.y * 255 + 0.5f),
                     static_cast<int>(background.z * 255 + 0.5f)};
  long inked = 0, total = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const unsigned char* p = &img.rgba[(static_cast<std::size_t>(y) * img.width + x) * 4];
      const int diff = std::abs(p[0] - bg[0]) + std::abs(p[1] - bg[1]) + std::abs(p[2] - bg[2]);
      inked += diff > 60;
      ++total;
    }
  return total ? static_cast<double>(inked) / static_cast<double>(total) : 0;
}

// Share of pixels that differ between two images of the same size, within a region.
double difference(const OffscreenImage& a, const OffscreenImage& b, const Region& r) {
  REQUIRE(a.width == b.width);
  REQUIRE(a.height == b.height);
  long differing = 0, total = 0;
  for (int y = static_cast<int>(r.y0 * a.height); y < static_cast<int>(r.y1 * a.height); ++y)
    for (int x = static_cast<int>(r.x0 * a.width); x < static_cast<int>(r.x1 * a.width); ++x) {
      const std::size_t i = (static_cast<std::size_t>(y) * a.width + x) * 4;
      differing += a.rgba[i] != b.rgba[i] || a.rgba[i + 1] != b.rgba[i + 1] || a.rgba[i + 2] != b.rgba[i + 2];
      ++total;
    }
  return static_cast<double>(differing) / static_cast<double>(total);
}

struct Shot {
  OffscreenImage image;
  ImVec4 background;
  std::vector<char32_t> missing;
  DashboardLayout layout;  // where the panels were drawn (pixels)
};

// Renders the dashboard on the fixture, with `setup` applied to the session first.
Shot render_dashboard(const OffscreenSpec& spec, Language language,
                      const std::function<void(Session&)>& setup = {}) {
  std::string error;
  const auto gl = OffscreenGlContext::create(error);
  INFO(error);
  REQUIRE(gl);
  Settings settings;
  settings.language = language;
  settings.theme = spec.theme;
  Session session(settings);
  REQUIRE(session.open_initial_dataset(kFixture));
  FilterSpec fixed_date;
  fixed_date.as_of = parse_date("2024-01-15").date;  // images must not depend on today's date
  session.app.set_filter(fixed_date);
  if (setup) setup(session);
  const auto image = render_imgui_offscreen(
      spec, session.fonts, [&](const OffscreenFrame& f) { session.dashboard.draw(1.0f, f.fonts); }, error);
  INFO(error);
  REQUIRE(image);
  // The window background, read from the left margin (outside every panel).
  const unsigned char* margin =
      &image->rgba[(static_cast<std::size_t>(image->height / 2) * image->width + 2) * 4];
  const ImVec4 background(margin[0] / 255.0f, margin[1] / 255.0f, margin[2] / 255.0f, 1.0f);
  return {*image, background, session.fonts.last_build().missing, session.dashboard.last_layout()};
}

// A panel's area in fractions of the image, `inset` pixels inside its borders; `top` and
// `bottom` (pixels from the panel's top; negative: from its bottom) cut a band out of it.
Region panel_region(const Shot& shot, const Rect& panel, float top = 0, float bottom = 0) {
  constexpr float inset = 8;
  const double w = shot.image.width, h = shot.image.height;
  const float y0 = panel.y + std::max(top, inset);
  const float y1 = bottom < 0   ? panel.y + panel.h + bottom
                   : bottom > 0 ? panel.y + bottom
                                : panel.y + panel.h - inset;
  return {(panel.x + inset) / w, y0 / h, (panel.x + panel.w - inset) / w, y1 / h};
}

// The KPI strip is the top of the chart area, the charts are below it (dashboard.cpp). On these
// windows (under 820 px of body) its cards fold to one line of figures.
constexpr float kKpiBottom = 30;
Region filter_bar(const Shot& s) { return panel_region(s, s.layout.filter_bar); }
Region kpi_strip(const Shot& s) { return panel_region(s, s.layout.chart_area, 0, kKpiBottom); }
Region charts(const Shot& s) { return panel_region(s, s.layout.chart_area, kKpiBottom); }
Region table(const Shot& s) { return panel_region(s, s.layout.table); }
Region notices(const Shot& s) { return panel_region(s, s.layout.notices); }
Region detail(const Shot& s) { return panel_region(s, s.layout.detail); }

}  // namespace

TEST_CASE("the dashboard renders offscreen at the requested size with every panel drawn", "[screenshot]") {
  OffscreenSpec spec;
  spec.width = 1280;
  spec.height = 720;
  const Shot shot = render_dashboard(spec, Language::Chinese);
  CHECK(shot.image.width == 1280);
  CHECK(shot.image.height == 720);
  CHECK(shot.image.rgba.size() == 1280u * 720u * 4u);
  std::string missing;
  for (char32_t c : shot.missing) append_utf8(missing, c);
  INFO("characters without a glyph: " << missing);
  CHECK(shot.missing.empty());  // every character of the dataset and UI has a glyph: no "?"
  for (const Region& r :
       {filter_bar(shot), kpi_strip(shot), charts(shot), table(shot), notices(shot), detail(shot)}) {
    INFO("region " << r.x0 << "," << r.y0);
    CHECK(ink(shot.image, r, shot.background) > 0.01);
  }
  // The image's opaque: PNGs paste into reports without a checkerboard.
  CHECK(shot.image.rgba[3] == 255);
}

TEST_CASE("scale 2 gives twice the pixels of the same layout", "[screenshot]") {
  OffscreenSpec spec;
  spec.width = 800;
  spec.height = 600;
  spec.scale = 2;
  spec.theme = Theme::Light;
  const Shot shot = render_dashboard(spec, Language::Chinese);
  CHECK(shot.image.width == 1600);
  CHECK(shot.image.height == 1200);
  CHECK(ink(shot.image, detail(shot), shot.background) > 0.01);
}

TEST_CASE("the English toggle and a filter change the image", "[screenshot]") {
  OffscreenSpec spec;
  spec.width = 1280;
  spec.height = 720;
  const Shot chinese = render_dashboard(spec, Language::Chinese);
  const Shot again = render_dashboard(spec, Language::Chinese);
  const Shot english = render_dashboard(spec, Language::English);
  CHECK(difference(chinese.image, again.image, {0, 0, 1, 1}) == 0);  // deterministic
  CHECK(difference(chinese.image, english.image, table(chinese)) > 0.02);
  CHECK(difference(chinese.image, english.image, detail(chinese)) > 0.02);

  const Shot filtered = render_dashboard(spec, Language::Chinese, [](Session& s) {
    FilterSpec f = s.app.filter();
    f.districts = {s.app.dataset->find_district("wuda")};
    s.app.set_filter(f);
  });
  CHECK(difference(chinese.image, filtered.image, table(chinese)) > 0.02);
  CHECK(difference(chinese.image, filtered.image, kpi_strip(chinese)) > 0.01);
}

TEST_CASE("PNG files are written whole or not at all", "[screenshot]") {
  OffscreenImage image;
  image.width = 4;
  image.height = 2;
  image.rgba.assign(4 * 2 * 4, 200);
  const std::string path = test::tmp_path("tiny.png");
  std::filesystem::remove(path);
  REQUIRE(write_png(path, image).empty());
  const std::string png = test::read_file(path);
  REQUIRE(png.size() > 8);
  CHECK(png.substr(1, 3) == "PNG");
  CHECK_FALSE(std::filesystem::exists(path + ".tmp"));

  const std::string error = write_png("/nonexistent-dir/x.png", image);
  CHECK(error.find("/nonexistent-dir") != std::string::npos);
  CHECK(write_png(path, OffscreenImage{}) == "no image to write");
}

TEST_CASE("indtrack screenshot: exit codes and messages", "[screenshot]") {
  const std::string out = test::tmp_path("cli-shot.png");
  std::filesystem::remove(out);
  CHECK(run_screenshot({"--width", "wide", "--out", out}) == 2);
  CHECK(run_screenshot({"--lang", "fr", "--out", out}) == 2);
  CHECK(run_screenshot({"--width", "640"}) == 2);  // --out is required
  CHECK(run_screenshot({"--unknown"}) == 2);
  CHECK(run_screenshot({"--out", "/nonexistent-dir/shot.png", "--data", kFixture}) == 1);
  CHECK(run_screenshot({"--out", out, "--data", test::tmp_path("missing.json")}) == 1);
  CHECK(run_screenshot({"--out", out, "--data", kFixture, "--select", "no-such-project"}) == 2);
  REQUIRE(run_screenshot({"--out", out, "--width", "640", "--height", "480", "--scale", "1.5", "--data",
                          kFixture, "--lang", "en", "--theme", "light", "--select", "bdo"}) == 0);
  const std::string png = test::read_file(out);
  REQUIRE(png.size() > 24);
  const auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned>(static_cast<unsigned char>(png[at])) << 24) |
           (static_cast<unsigned>(static_cast<unsigned char>(png[at + 1])) << 16) |
           (static_cast<unsigned>(static_cast<unsigned char>(png[at + 2])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(png[at + 3]));
  };
  CHECK(be32(16) == 960);  // IHDR width: 640 × 1.5
  CHECK(be32(20) == 720);
}
