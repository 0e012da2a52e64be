// While a dataset loads in the background the dashboard's status line shows the file's name, a
// progress bar and Cancel (drawn offscreen through EGL).
#include <catch2/catch_test_macros.hpp>

#include "curation_support.h"
#include "ui/host/offscreen.h"
#include "ui/session.h"

using namespace indtrack;
using namespace indtrack::ui;

TEST_CASE("while a dataset loads the status line shows its name, a progress bar and Cancel",
          "[ui][load][gpu]") {
  std::string error;
  const auto gl = OffscreenGlContext::create(error);
  INFO(error);
  REQUIRE(gl);
  Session session(Settings{});
  session.curation.session.set_options({.background_load = true, .background_from_bytes = 0});
  REQUIRE(session.curation.session.open(test::copy_example_dataset("bg-load-e")));
  OffscreenSpec spec;
  spec.width = 1280;
  spec.height = 720;
  auto render = [&] {
    const auto image = render_imgui_offscreen(
        spec, session.fonts, [&](const OffscreenFrame& f) { session.dashboard.draw(1.0f, f.fonts); }, error);
    INFO(error);
    REQUIRE(image);
    return *image;
  };
  // Pixels that differ between two images in the bottom 4% (the status line).
  auto status_line_difference = [](const OffscreenImage& a, const OffscreenImage& b) {
    long n = 0;
    for (int y = a.height * 96 / 100; y < a.height; ++y)
      for (int x = 0; x < a.width; ++x) {
        const std::size_t at = (static_cast<std::size_t>(y) * a.width + x) * 4;
        n += a.rgba[at] != b.rgba[at] || a.rgba[at + 1] != b.rgba[at + 1] || a.rgba[at + 2] != b.rgba[at + 2];
      }
    return n;
  };
  const OffscreenImage before = render();
  session.curation.session.open_then(test::copy_example_dataset("bg-load-f"), nullptr);
  const OffscreenImage loading = render();
  REQUIRE(session.curation.session.poll_load(true));
  const OffscreenImage after = render();
  CHECK(status_line_difference(before, after) == 0);      // same data, same status line
  CHECK(status_line_difference(before, loading) > 2000);  // "正在加载 example.json", the bar, 取消加载
  CHECK(session.fonts.last_build().missing.empty());      // its Chinese drawn, not "?"
}
