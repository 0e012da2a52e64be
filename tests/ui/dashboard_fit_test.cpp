// What a user sees in the drawn dashboard (issue 20), frame by frame with input through ImGui's
// IO: chart tooltips as wide as their text in Chinese, the light theme reaching the charts at
// once, no "�" in an opened article, a layout that fits 1024×700 and 1366×768 (a plot to read,
// tabs clear of the tools, whole KPI figures, quotes wider than a column of characters), every
// plan-vs-actual row reachable by scrolling, English company names that fit their column.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "app_model/app_state.h"
#include "chart_kinds/chart_kinds.h"
#include "dashboard_frames.h"
#include "test_support.h"
#include "ui/host/widgets.h"
#include "ui/panels.h"

using namespace indtrack;
using namespace indtrack::ui;
using indtrack::test::DashboardFrames;

namespace {

// The centre of a primitive whose hit has a tooltip, found by hit testing as the mouse would.
struct Target {
  chart::Vec2 at;
  chart::HitId hit;
};
std::optional<Target> tooltip_target(const DashboardFrames& h, ChartKind kind, Language language) {
  const chart::Scene& scene = h.scene(kind);
  const chart::RectF visible = h.session.charts.last_visible();
  for (const chart::Primitive& item : scene.items) {
    if (item.hit.kind == chart::HitKind::None || item.hit.kind == chart::HitKind::LegendEntry) continue;
    const chart::RectF b = chart::bounds_of(item.shape);
    if (b.width() < 6 || b.height() < 6) continue;
    const chart::Vec2 c{std::floor((b.x0 + b.x1) / 2), std::floor((b.y0 + b.y1) / 2)};
    if (c.x < visible.x0 || c.x > visible.x1 || c.y < visible.y0 || c.y > visible.y1) continue;
    const auto hit = chart::hit_test(scene, c.x, c.y, 3);
    if (!hit || hit->id.kind == chart::HitKind::LegendEntry) continue;
    const double day = scene.axes.time ? scene.axes.time->invert(c.x) : 0;
    if (!chart_tooltip(h.session.charts.data(kind), hit->id, day, language).empty())
      return Target{c, hit->id};
  }
  return std::nullopt;
}

ImGuiWindow* tooltip_window() {
  ImGuiWindow* w = ImGui::FindWindowByName("##Tooltip_00");
  return w && w->Active ? w : nullptr;
}

double luminance(chart::Rgba c) {
  auto lin = [](std::uint8_t v) {
    const double s = v / 255.0;
    return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}
double contrast(chart::Rgba a, chart::Rgba b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool overlap(const chart::RectF& a, const chart::RectF& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

}  // namespace

TEST_CASE("a chart tooltip in Chinese is as wide as its text, not one character", "[ui][tooltip]") {
  for (const ChartKind kind : {ChartKind::Capacity, ChartKind::Timeline, ChartKind::Slippage}) {
    INFO("chart " << chart_kind_id(kind));
    DashboardFrames h(1366, 768, Language::Chinese);
    h.show(kind);
    const auto target = tooltip_target(h, kind, Language::Chinese);
    REQUIRE(target);
    // The mouse comes from elsewhere (no tooltip yet), then rests on the element for a while.
    h.move(ImVec2(5, 5));
    h.move(h.at(target->at.x, target->at.y));
    h.frames(4);
    ImGuiWindow* tip = tooltip_window();
    REQUIRE(tip);
    const double day = h.scene(kind).axes.time ? h.scene(kind).axes.time->invert(target->at.x) : 0;
    const std::vector<std::string> lines =
        chart_tooltip(h.session.charts.data(kind), target->hit, day, Language::Chinese);
    float widest = 0;
    for (const std::string& line : lines) widest = std::max(widest, ImGui::CalcTextSize(line.c_str()).x);
    const float wrap = ImGui::GetFontSize() * 34;
    INFO("tooltip " << tip->ContentSize.x << " px wide; widest line " << widest << " px; wraps at " << wrap);
    // As wide as the widest line, or the wrap width when a line is longer (give or take a glyph).
    CHECK(tip->ContentSize.x >= std::min(widest, wrap) - ImGui::GetFontSize() * 1.5f);
    CHECK(tip->ContentSize.x <= wrap + 1);
    CHECK(tip->Size.y < ImGui::GetIO().DisplaySize.y);  // on screen, not a column off its bottom
  }
}

TEST_CASE("the light theme reaches the charts in the frame after it is chosen", "[ui][theme]") {
  DashboardFrames h(1366, 768, Language::Chinese, Theme::Dark);
  // As the 视图 → 主题 → 浅色 menu item does: the setting changes during a frame (the chart is
  // drawn after the menu, with ImGui's colours still dark); the style follows before the next.
  h.session.app.settings.theme = Theme::Light;
  h.session.dashboard.restyle_requested = true;
  ImGui::NewFrame();
  h.session.dashboard.draw(1.0f, h.session.fonts.last_build().fonts);
  ImGui::Render();
  h.frames(2);
  const ImVec4 window = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  for (const ChartKind kind : {ChartKind::Capacity, ChartKind::Timeline, ChartKind::Investment}) {
    INFO("chart " << chart_kind_id(kind));
    h.show(kind);
    const chart::Scene& s = h.scene(kind);
    const chart::Rgba panel{static_cast<std::uint8_t>(std::lround(window.x * 255)),
                            static_cast<std::uint8_t>(std::lround(window.y * 255)),
                            static_cast<std::uint8_t>(std::lround(window.z * 255)), 255};
    CHECK(s.background == panel);  // the surround is the light panel, not the dark one
    int texts = 0;
    for (const chart::Primitive& item : s.items)
      if (const auto* t = std::get_if<chart::TextPrim>(&item.shape)) {
        ++texts;
        INFO("text \"" << t->text << "\"");
        CHECK(contrast(t->colour, s.background) >= 3.0);  // legend names, year labels: readable
      }
    CHECK(texts > 0);
  }
}

TEST_CASE("an opened article shows every character at once, before extraction", "[ui][import][glyphs]") {
  DashboardFrames h(1366, 768, Language::Chinese);
  REQUIRE(DashboardFrames::fallback_glyphs_drawn() == 0);
  // Characters no UI string and no dataset text has: only the article brings them.
  const std::string path = test::tmp_path("glyph-article.txt");
  test::write_file(path, "天津市委书记出席会议，提出举措。鑫淼晁氏企业年产十万吨。");
  h.session.curation.import_open = true;
  ImportModel& model = h.session.curation.import;
  model.file_path = path;
  REQUIRE(model.load_file(Language::Chinese));  // what 打开 does
  h.frames(2);
  CHECK_FALSE(model.extracted());
  CHECK(DashboardFrames::fallback_glyphs_drawn() == 0);
}

TEST_CASE("no string of the dashboard is drawn with a missing glyph, in either language", "[ui][glyphs]") {
  for (const Language language : {Language::Chinese, Language::English}) {
    DashboardFrames h(1366, 768, language);
    h.session.app.select_project(0);
    for (const ChartKind kind : kAllChartKinds) {
      h.show(kind);
      INFO("chart " << chart_kind_id(kind));
      CHECK(DashboardFrames::fallback_glyphs_drawn() == 0);
    }
  }
}

TEST_CASE("the layout fits 1024x700 and 1366x768", "[ui][layout]") {
  for (const ImVec2 size : {ImVec2(1024, 700), ImVec2(1366, 768)})
    for (const Language language : {Language::Chinese, Language::English}) {
      INFO(size.x << "x" << size.y << (language == Language::English ? " English" : " Chinese"));
      DashboardFrames h(size.x, size.y, language);
      h.session.app.select_project(0);
      h.frames(2);
      // The capacity plot is tall enough to read.
      const chart::Scene& s = h.scene(ChartKind::Capacity);
      // It was 35 px at 1024x700 (Chinese). English legends wrap onto more lines: less plot.
      CHECK(s.axes.plot.height() >= (language == Language::English ? 50 : 120));
      // No tab runs under the tools.
      const ChartPanel::Toolbar& bar = h.session.charts.last_toolbar();
      REQUIRE(bar.tabs.size() == kAllChartKinds.size());
      for (const chart::RectF& tab : bar.tabs) CHECK_FALSE(overlap(tab, bar.tools));
      // An empty notices panel is one line; the table gets the height.
      const DashboardLayout& l = h.session.dashboard.last_layout();
      REQUIRE(h.session.app.notices.empty());
      CHECK(l.notices.h <= 40);
      CHECK(l.table.h >= 120);
      // Wrapped text (the detail panel's quotes) is never a column of a few characters.
      CHECK(narrowest_wrap() >= ImGui::GetFontSize() * 6);
      // KPI cards: whole figures with their units, every status of the legend.
      const KpiStripReport& kpi = last_kpi_strip();
      CHECK(kpi.cards >= 3);
      CHECK(kpi.units_cut == 0);
      CHECK(kpi.statuses > 0);
      CHECK(kpi.statuses_shown == kpi.statuses);
    }
}

TEST_CASE("a narrowed detail panel keeps quotes readable", "[ui][layout]") {
  DashboardFrames h(1024, 700);
  h.session.app.settings.layout.detail_width = 1;  // dragged as far as it goes
  for (int p = 0; p < static_cast<int>(h.session.app.dataset->projects.size()); p += 7) {
    h.session.app.select_project(p);
    h.frames(2);
    INFO("project " << p);
    CHECK(h.session.dashboard.last_layout().detail.w >= 300);
    CHECK(narrowest_wrap() >= ImGui::GetFontSize() * 6);
  }
}

TEST_CASE("every plan-vs-actual row can be scrolled into view", "[ui][slippage]") {
  DashboardFrames h(1366, 768);
  h.show(ChartKind::Slippage);
  const std::size_t rows =
      std::get<SlippageChart>(h.session.charts.data(ChartKind::Slippage)).input.rows.size();
  REQUIRE(rows > 10);
  std::set<int> seen;
  auto look = [&] {
    const chart::RectF visible = h.session.charts.last_visible();
    for (const chart::Primitive& item : h.scene(ChartKind::Slippage).items) {
      if (item.hit.kind != chart::HitKind::SlippageRow) continue;
      const chart::RectF b = chart::bounds_of(item.shape);
      const float y = (b.y0 + b.y1) / 2;
      if (y >= visible.y0 && y <= visible.y1) seen.insert(item.hit.index);
    }
  };
  look();
  CHECK(seen.size() < rows);  // the panel is shorter than all rows: they scroll
  // The wheel over the row labels scrolls down, as far as the rows go.
  const chart::RectF plot = h.scene(ChartKind::Slippage).axes.plot;
  for (int i = 0; i < 40 && seen.size() < rows; ++i) {
    const chart::RectF visible = h.session.charts.last_visible();
    h.move(h.at(plot.x0 / 2, (visible.y0 + visible.y1) / 2));
    h.wheel(-1);
    look();
  }
  CHECK(seen.size() == rows);
}

TEST_CASE("English company names fit the table: no place and legal form", "[ui][english]") {
  Company c;
  c.name_en = "Inner Mongolia Huaheng Energy Technology Co., Ltd.";
  CHECK(short_name_of(c, Language::English) == "Huaheng Energy");
  c.name_en = "Wuhai Guangjin New Materials Co., Ltd.";
  CHECK(short_name_of(c, Language::English) == "Guangjin New Materials");
  c.name_en = "East Hope";
  CHECK(short_name_of(c, Language::English) == "East Hope");
  c.short_name = "华恒";
  c.name = "内蒙古华恒能源科技有限公司";
  CHECK(short_name_of(c, Language::Chinese) == "华恒");
  // In the table of the bundled dataset no row starts with the place.
  DashboardFrames h(1366, 768, Language::English);
  for (const ProjectRow& r : h.session.app.rows()) {
    INFO(r.company);
    CHECK_FALSE(r.company.starts_with("Inner Mongolia"));
    CHECK(r.company.find("Co., Ltd") == std::string::npos);
  }
}
