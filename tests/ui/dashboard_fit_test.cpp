// What a user sees in the drawn dashboard (issue 20), frame by frame with input through ImGui's
// IO: chart tooltips as wide as their text in Chinese, the light theme reaching the charts at
// once, no "�" in an opened article, a layout that fits 1024×700 and 1366×768 (a plot to read,
// tabs clear of the tools, whole KPI figures, quotes wider than a column of characters), every
// plan-vs-actual row reachable by scrolling, English company names that fit their column.
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <string_view>

#include "app_model/app_state.h"
#include "app_model/settings.h"
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
    std::string text;
    for (const std::string& line : lines) text += line + "\n";
    INFO("tooltip " << tip->ContentSize.x << " px wide; widest line " << widest << " px; wraps at " << wrap
                    << "\n"
                    << text);
    // As wide as the widest line, or near the wrap width when a line is longer: ImGui breaks a
    // Chinese sentence at ASCII punctuation ("1,4-丁二醇"), so a wrapped row can end a few glyphs
    // short of it. One character wide, it was 20 px.
    CHECK(tip->ContentSize.x >= std::min(widest, wrap) * 0.75f);
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
      // It was 35 px at 1024x700 (Chinese).
      CHECK(s.axes.plot.height() >= 150);
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
      // The KPI cards fold to one line on these windows, the whole of it shown.
      const KpiStripReport& kpi = last_kpi_strip();
      CHECK(kpi.folded);
      CHECK(kpi.cards == 0);
      INFO("KPI line: " << kpi.figures_shown);
      CHECK(kpi.figures_shown.find(std::to_string(h.session.app.kpis().projects)) != std::string::npos);
      CHECK(kpi.figures_shown.find("…") == std::string::npos);
    }
}

TEST_CASE("the KPI cards fold and open with their toggle, and opened they fit a small window",
          "[ui][layout][kpi]") {
  for (const ImVec2 size : {ImVec2(1024, 700), ImVec2(1366, 768)})
    for (const Language language : {Language::Chinese, Language::English}) {
      INFO(size.x << "x" << size.y << (language == Language::English ? " English" : " Chinese"));
      DashboardFrames h(size.x, size.y, language);
      REQUIRE(last_kpi_strip().folded);
      const float folded_plot = h.scene(ChartKind::Capacity).axes.plot.height();
      h.click(last_kpi_strip().fold_toggle_centre);
      h.frames(2);
      CHECK(h.session.app.settings.layout.kpi_cards_open == std::optional<bool>(true));
      // Opened: whole figures with their units, every status of the legend; the chart gives up
      // the cards' height, no more.
      const KpiStripReport& kpi = last_kpi_strip();
      CHECK_FALSE(kpi.folded);
      CHECK(kpi.cards >= 3);
      CHECK(kpi.units_cut == 0);
      CHECK(kpi.statuses > 0);
      CHECK(kpi.statuses_shown == kpi.statuses);
      const float open_plot = h.scene(ChartKind::Capacity).axes.plot.height();
      CHECK(open_plot < folded_plot);
      CHECK(open_plot >= folded_plot - kpi.cards_height - 1);
      h.click(last_kpi_strip().fold_toggle_centre);
      h.frames(2);
      CHECK(h.session.app.settings.layout.kpi_cards_open == std::optional<bool>(false));
      CHECK(last_kpi_strip().folded);
      CHECK(h.scene(ChartKind::Capacity).axes.plot.height() == Catch::Approx(folded_plot).margin(1));
    }
}

TEST_CASE("on a 1920x1080 window the KPI cards are open and the chart keeps its height",
          "[ui][layout][kpi]") {
  DashboardFrames small(1366, 768);
  const float small_plot = small.scene(ChartKind::Capacity).axes.plot.height();
  DashboardFrames h(1920, 1080);
  h.frames(2);
  const KpiStripReport& kpi = last_kpi_strip();
  CHECK_FALSE(kpi.folded);
  CHECK(kpi.cards >= 5);  // three product cards beside projects, investment and plan vs actual
  CHECK(kpi.statuses_shown == kpi.statuses);
  CHECK(h.scene(ChartKind::Capacity).axes.plot.height() >= small_plot);
  // Folded by the user, it stays folded there too (the choice is the user's from then on).
  h.session.app.settings.layout.kpi_cards_open = false;
  h.frames(2);
  CHECK(last_kpi_strip().folded);
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
  c.name_en = "Wuhai City Guangjin New Materials Co., Ltd.";  // the city's word goes with it
  CHECK(short_name_of(c, Language::English) == "Guangjin New Materials");
  c.name_en = "Qingtao (Wuhai) Energy Technology Co., Ltd.";  // a place in brackets
  CHECK(short_name_of(c, Language::English) == "Qingtao Energy");
  c.name_en = "Beijing Jingyuntong Technology Co., Ltd.";
  CHECK(short_name_of(c, Language::English) == "Jingyuntong");
  c.name_en = "Inner Mongolia Co., Ltd.";  // nothing would be left of it: the place stays
  CHECK(short_name_of(c, Language::English) == "Inner Mongolia");
  c.short_name = "华恒";
  c.name = "内蒙古华恒能源科技有限公司";
  CHECK(short_name_of(c, Language::Chinese) == "华恒");
  // In the table of the bundled dataset no row starts with the place.
  DashboardFrames h(1366, 768, Language::English);
  std::set<std::string> in_table;
  for (const ProjectRow& r : h.session.app.rows()) {
    INFO(r.company);
    CHECK_FALSE(r.company.starts_with("Inner Mongolia"));
    CHECK(r.company.find("Co., Ltd") == std::string::npos);
    // The legal name is the cell's hover (and the detail panel's).
    if (!r.company.empty()) CHECK(r.company_full.size() >= r.company.size());
    in_table.insert(r.company);
  }
  // The capacity chart's legend names companies as the table does (one rule, model/company_name.h).
  h.show(ChartKind::Capacity);
  const auto& series = std::get<CapacityChart>(h.session.charts.data(ChartKind::Capacity)).input.series;
  int named = 0;
  for (const chart::CapacitySeries& s : series)
    if (in_table.count(s.label)) ++named;
  CHECK(named >= 2);
}

namespace {

ImGuiWindow* panel_window(std::string_view name) {
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
    if (w->Active && std::string_view(w->Name).find(name) != std::string_view::npos) return w;
  return nullptr;
}

chart::RectF rect_of(const ImVec4& r) { return {r.x, r.y, r.z, r.w}; }

// Every rectangle inside [x0, x1] and none over another.
void check_fit(const std::vector<chart::RectF>& items, float x0, float x1) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    INFO("item " << i << ": " << items[i].x0 << "–" << items[i].x1 << " of " << x0 << "–" << x1);
    CHECK(items[i].x0 >= x0 - 0.5f);
    CHECK(items[i].x1 <= x1 + 0.5f);
    for (std::size_t j = i + 1; j < items.size(); ++j) {
      INFO("and item " << j);
      CHECK_FALSE(overlap(items[i], items[j]));
    }
  }
}

}  // namespace

TEST_CASE("the English dashboard at 1024x700: nothing cut, nothing over another", "[ui][layout][english]") {
  DashboardFrames h(1024, 700, Language::English);
  h.session.app.select_project(0);
  h.frames(2);
  const ImGuiStyle& style = ImGui::GetStyle();

  // The chart tabs are as wide as their labels (not "Capacity growt…") and all in the panel.
  ImGuiWindow* area = panel_window("chart-area");
  REQUIRE(area);
  const float left = area->InnerClipRect.Min.x, right = area->InnerClipRect.Max.x;
  const ChartPanel::Toolbar& bar = h.session.charts.last_toolbar();
  REQUIRE(bar.tabs.size() == kAllChartKinds.size());
  for (std::size_t i = 0; i < bar.tabs.size(); ++i) {
    const std::string label(chart_kind_tab_label(kAllChartKinds[i], Language::English));
    INFO("tab " << label);
    CHECK(bar.tabs[i].width() >= ImGui::CalcTextSize(label.c_str()).x + style.FramePadding.x * 2 - 1);
  }
  // The tools, the tabs, the options and the data view's checkbox: each whole, none over another.
  std::vector<chart::RectF> items(bar.tabs.begin(), bar.tabs.end());
  items.push_back(bar.tools);
  items.push_back(bar.data_view);
  items.insert(items.end(), bar.options.begin(), bar.options.end());
  REQUIRE(bar.options.size() >= 3);  // product, grouping, trial, expected
  check_fit(items, left, right);

  // The filter bar's date and clock controls: whole (a date fits its field), none over another.
  ImGuiWindow* filters = panel_window("filter-bar");
  REQUIRE(filters);
  const FilterBar& filter_bar = h.session.dashboard.filter_bar();
  std::vector<chart::RectF> fields;
  for (const ImVec4& r : filter_bar.last_field_rects()) fields.push_back(rect_of(r));
  REQUIRE(fields.size() >= 9);  // as-of, today, four presets, two clocks, from, to
  check_fit(fields, filters->InnerClipRect.Min.x, filters->InnerClipRect.Max.x);
  CHECK(filter_bar.as_of_field_width() >= ImGui::CalcTextSize("2026-12-03").x);
  const float radio_text = ImGui::CalcTextSize(tr(Str::FilterClockPublished)).x;
  CHECK(fields[7].width() >= radio_text + ImGui::GetFrameHeight());
}

// 1024×700 is the smallest window the layout is made for. The target is 150 px of plot: the
// capacity chart's value axis then has three labelled ticks at least 50 px apart, and a band of a
// tenth of the stack's height is 15 px — a step that can be hovered (3 px of hit slop either side)
// and told from its neighbour. With the KPI cards open it was 57 px in English (their status
// legend wrapped to 4 lines, the chart's legend to 3 rows) and 129 px in Chinese; folded to one
// line on windows this short, they leave the height to the plot.
TEST_CASE("the capacity plot at 1024x700 is 150 px tall in both languages", "[ui][layout]") {
  for (const Language language : {Language::Chinese, Language::English}) {
    DashboardFrames h(1024, 700, language);
    h.session.app.select_project(0);
    h.frames(2);
    const float plot = h.scene(ChartKind::Capacity).axes.plot.height();
    INFO((language == Language::English ? "English" : "Chinese") << ": capacity plot " << plot << " px tall");
    CHECK(plot >= 150);
  }
}

TEST_CASE("the data view's splitter: dragged, the chart and the view trade height; both keep a minimum",
          "[ui][layout][data-view]") {
  DashboardFrames h(1366, 768);
  h.session.charts.set_data_view_open(true);
  h.show(ChartKind::Capacity);
  h.frames(2);
  ChartPanel& charts = h.session.charts;
  float& stored = h.session.app.settings.layout.data_view_height;
  auto canvas_h = [&] { return charts.last_visible().height(); };
  // Opened at 1366×768 the chart keeps its least height (it had 60 px).
  CHECK(canvas_h() >= 180);
  CHECK(charts.last_data_view().rows_drawn >= 3);

  // Drags the splitter by `dy` pixels, a few pixels a frame as a hand does.
  auto drag = [&](float dy) {
    const chart::RectF s = charts.last_data_view_splitter();
    REQUIRE(s.height() > 0);
    ImVec2 p((s.x0 + s.x1) / 2, (s.y0 + s.y1) / 2);
    h.move(p);
    h.press();
    const int steps = 10;
    for (int i = 0; i < steps; ++i) {
      p.y += dy / steps;
      h.move(p);
    }
    h.release();
    h.frames(2);
  };

  // A view dragged taller earlier than fits beside the chart's minimum: the chart keeps it.
  stored = 400;
  h.frames(2);
  CHECK(canvas_h() == Catch::Approx(180).margin(1));
  const float chart_before = canvas_h();
  const float splitter_before = charts.last_data_view_splitter().y0;
  const float view_before = charts.last_data_view().headers.front().y;
  drag(20);  // down: the view gives 20 px to the chart, under the mouse
  CHECK(canvas_h() == Catch::Approx(chart_before + 20).margin(1));
  CHECK(charts.last_data_view_splitter().y0 == Catch::Approx(splitter_before + 20).margin(1));
  CHECK(charts.last_data_view().headers.front().y == Catch::Approx(view_before + 20).margin(1));
  const float view_h = stored;

  drag(-400);  // far up: the chart keeps its minimum
  CHECK(canvas_h() == Catch::Approx(180).margin(1));
  CHECK(stored == Catch::Approx(view_h + 20).margin(1));
  drag(-100);  // further up changes nothing, and does not pile up: one drag down tells
  CHECK(canvas_h() == Catch::Approx(180).margin(1));
  drag(10);
  CHECK(canvas_h() == Catch::Approx(190).margin(1));

  drag(800);  // far down: the view keeps its Copy line, header and rows
  CHECK(stored == Catch::Approx(120).margin(0.5));
  CHECK(charts.last_data_view().rows_drawn >= 3);

  // The height is a setting: saved with the others, it is the next session's.
  const nlohmann::json saved = settings_to_json(h.session.app.settings);
  CHECK(saved["layout"]["data_view_height"].get<float>() == Catch::Approx(120));
}
