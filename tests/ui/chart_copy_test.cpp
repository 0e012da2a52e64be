// Charts into reports from the chart panel: a right click on the canvas opens its menu (a right
// drag still box-zooms), Copy data puts the plotted numbers on the clipboard as tab-separated
// rows, Copy image hands a PNG of the chart to the clipboard tool — here a stand-in xclip on
// PATH that keeps what it receives — and says what to install when there is none.
#include <catch2/catch_test_macros.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

#include "dashboard_frames.h"
#include "test_support.h"
#include "ui/host/offscreen.h"

using namespace indtrack;
using namespace indtrack::ui;
using indtrack::test::DashboardFrames;
namespace fs = std::filesystem;

using indtrack::test::ScopedEnv;

namespace {

bool menu_open() { return ImGui::GetCurrentContext()->OpenPopupStack.Size > 0; }

}  // namespace

TEST_CASE("a right click on a chart opens its menu; a right drag still zooms", "[ui][charts][menu]") {
  DashboardFrames h(1366, 768);
  const chart::RectF plot = h.scene(ChartKind::Capacity).axes.plot;
  const ImVec2 p = h.at(std::floor((plot.x0 + plot.x1) / 2), std::floor((plot.y0 + plot.y1) / 2));
  const chart::TimeRange before = h.scene(ChartKind::Capacity).axes.time->range;
  h.click(p, 1);
  CHECK(menu_open());
  CHECK(h.scene(ChartKind::Capacity).axes.time->range == before);  // a click is not a box
  // Escape-free close: a left click elsewhere, then a right drag zooms without a menu.
  h.click(ImVec2(2, 2));
  CHECK_FALSE(menu_open());
  h.move(p);
  h.press(1);
  ImGui::GetIO().MousePos.x += 120;
  h.frame();
  h.release(1);
  CHECK_FALSE(menu_open());
  CHECK_FALSE(h.scene(ChartKind::Capacity).axes.time->range == before);
}

TEST_CASE("Copy data puts the plotted numbers on the clipboard as a table", "[ui][charts][clipboard]") {
  DashboardFrames h(1366, 768);
  h.show(ChartKind::Investment);
  PanelContext c{h.session.app, h.session.fonts, 1.0f, h.session.fonts.last_build().fonts};
  h.session.charts.copy_data(c, ChartKind::Investment);
  const std::string copied = ImGui::GetClipboardText();
  // The header in words, as the data view shows it (what a WPS user pastes is what was read); the
  // CSV file keeps the ids.
  CHECK(copied.starts_with("名称\t总额\t已完成\t约数\t总额界限\t已完成为约数\t已完成界限\t单位\r\n"));
  const auto& bars = std::get<InvestmentChart>(h.session.charts.data(ChartKind::Investment)).input.bars;
  REQUIRE_FALSE(bars.empty());
  CHECK(copied.find(bars.front().label + "\t") != std::string::npos);
  CHECK(h.session.charts.copy_message().find(std::to_string(bars.size())) != std::string::npos);
}

TEST_CASE("Copy image hands a PNG of the chart to xclip, or says what to install",
          "[ui][charts][clipboard][screenshot]") {
  std::string error;
  const auto gl = OffscreenGlContext::create(error);  // the window's context in the application
  INFO(error);
  REQUIRE(gl);
  DashboardFrames h(1366, 768);
  PanelContext c{h.session.app, h.session.fonts, 1.0f, h.session.fonts.last_build().fonts};
  const fs::path tools = test::tmp_path("copy-image-tools");
  fs::remove_all(tools);
  fs::create_directories(tools);
  {
    ScopedEnv path("PATH", tools.c_str());
    ScopedEnv x11("DISPLAY", ":0");
    ScopedEnv wayland("WAYLAND_DISPLAY", nullptr);
    h.session.charts.copy_image(c, ChartKind::Capacity);
    CHECK(h.session.charts.copy_message().find("xclip") != std::string::npos);  // none installed
  }
  std::ofstream(tools / "xclip") << "#!/bin/sh\n/bin/cat > \"" << (tools / "clipboard.png").string()
                                 << "\"\n";
  fs::permissions(tools / "xclip", fs::perms::owner_all);
  ScopedEnv path("PATH", tools.c_str());
  ScopedEnv x11("DISPLAY", ":0");
  ScopedEnv wayland("WAYLAND_DISPLAY", nullptr);
  ImGui::NewFrame();  // from the menu: inside the dashboard's frame
  h.session.dashboard.draw(1.0f, h.session.fonts.last_build().fonts);
  h.session.charts.copy_image(c, ChartKind::Capacity);
  ImGui::Render();
  INFO(h.session.charts.copy_message());
  std::ifstream in(tools / "clipboard.png", std::ios::binary);
  const std::string png(std::istreambuf_iterator<char>(in), {});
  REQUIRE(png.size() > 24);
  CHECK(png.compare(1, 3, "PNG") == 0);
  // The export preset: 1600 logical pixels wide at scale 2.
  const auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned>(static_cast<unsigned char>(png[at])) << 24) |
           (static_cast<unsigned>(static_cast<unsigned char>(png[at + 1])) << 16) |
           (static_cast<unsigned>(static_cast<unsigned char>(png[at + 2])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(png[at + 3]));
  };
  CHECK(be32(16) == 3200);
  CHECK(h.session.charts.copy_message().find("3200") != std::string::npos);
}
