// The dashboard without drawing: what dropped files do, and how the window is split into panels.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

#include "test_support.h"
#include "ui/dashboard.h"

using namespace indtrack;
using namespace indtrack::ui;

namespace {

const std::string kFixture = std::string(INDTRACK_SOURCE_DIR) + "/tests/ui/data/ui-fixture.json";

}  // namespace

TEST_CASE("dropped files: the first .json opens, others get a notice", "[app]") {
  AppState app;
  Curation curation(app);  // opening goes through its EditSession, the one owner of opening
  FontManager fonts(FontSources{});
  Dashboard dashboard(app, fonts, curation);
  dashboard.open_paths({"/tmp/notes.docx", kFixture, "/tmp/other.json"});
  REQUIRE(app.dataset);
  CHECK(app.dataset->name == "界面测试数据集");
  REQUIRE(app.notices.size() == 2);
  CHECK(app.notices[0].format == Str::NoticeDropUnusedFmt);
  CHECK(app.notices[0].args == std::vector<std::string>{"/tmp/notes.docx"});
  CHECK(app.notices[1].args == std::vector<std::string>{"/tmp/other.json"});
  CHECK(app.settings.recent_files.front() == kFixture);
  CHECK(dashboard.settings_changed);
}

TEST_CASE("the layout keeps every panel inside the window, without overlaps", "[layout]") {
  auto inside = [](const Rect& r, const Rect& body) {
    return r.x >= body.x && r.y >= body.y && r.x + r.w <= body.x + body.w + 0.01f &&
           r.y + r.h <= body.y + body.h + 0.01f && r.w >= 0 && r.h >= 0;
  };
  auto overlap = [](const Rect& a, const Rect& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h && a.w > 0 && b.w > 0 &&
           a.h > 0 && b.h > 0;
  };
  for (const float scale : {1.0f, 2.0f})
    for (const Rect body : {Rect{10, 30, 1580, 840}, Rect{0, 0, 600, 400}, Rect{0, 0, 200, 100}})
      for (const bool filter_bar : {true, false}) {
        INFO("scale " << scale << " body " << body.w << "x" << body.h << " filter bar " << filter_bar);
        LayoutSettings sizes;
        sizes.detail_width = 3000;  // asks for more than there is
        const DashboardLayout l = compute_layout(body, scale, sizes, filter_bar, 6 * scale);
        const Rect panels[] = {l.filter_bar, l.chart_area, l.table, l.notices, l.detail};
        for (const Rect& r : panels) CHECK((r.w == 0 || inside(r, body)));
        for (std::size_t i = 0; i < 5; ++i)
          for (std::size_t j = i + 1; j < 5; ++j) CHECK_FALSE(overlap(panels[i], panels[j]));
        CHECK((filter_bar ? l.filter_bar.w > 0 : l.filter_bar.w == 0));
      }
  // At the default 1600×900 the stored sizes are used as they are.
  const DashboardLayout l = compute_layout({0, 20, 1600, 850}, 1.0f, LayoutSettings{}, true, 6);
  CHECK(l.filter_bar.w == 280);
  CHECK(l.detail.w == 500);
  CHECK(l.chart_area.h == 480);  // the stored 460 is below the chart area's least height
  CHECK(l.notices.h == 150);
  CHECK(l.table.w == 1600 - 280 - 500 - 12);
}

TEST_CASE(
    "on a 1024x700 window a broken file's problems get three rows; one warning one row; none folds the panel",
    "[layout]") {
  const Rect body{0, 20, 1024, 650};
  LayoutSettings sizes;
  sizes.notices_height = 60;  // a user once dragged it small
  const DashboardLayout with_problems = compute_layout(body, 1.0f, sizes, true, 6, 3);
  CHECK(with_problems.notices.h >= 34 + 3 * 30);  // title + "cannot open" + FILE:LINE:COL + one more
  CHECK(with_problems.table.h >= 120);
  const DashboardLayout one_warning = compute_layout(body, 1.0f, sizes, true, 6, 1);
  CHECK(one_warning.notices.h >= 34 + 30);
  // The room one warning does not need goes to the chart and the table, not to empty rows.
  CHECK(one_warning.chart_area.h + one_warning.table.h >=
        with_problems.chart_area.h + with_problems.table.h + 2 * 30);
  const DashboardLayout empty = compute_layout(body, 1.0f, sizes, true, 6, 0);
  CHECK(empty.notices.h == 34);
  CHECK(empty.chart_area.h >= with_problems.chart_area.h);
}
