// The dashboard's chart panel driven through ImGui's input (no GPU: frames are built, not
// rendered): nothing is rebuilt while nothing changes, the wheel zooms about the cursor and the
// timeline follows the capacity chart's range, double-click fits, right-drag box-zooms, a click
// on a band selects its project, a click on a legend entry hides its series, Ctrl+wheel scrolls
// the timeline rows.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <variant>

#include "chart_kinds/chart_series.h"
#include "ui/host/offscreen.h"
#include "ui/host/theme.h"
#include "ui/session.h"

using namespace indtrack;
using namespace indtrack::ui;
using Catch::Matchers::WithinRel;
using chart::HitKind;

namespace {

const std::string kBundledData = std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json";

// A dashboard in its own ImGui context, fed input frame by frame.
class Harness {
 public:
  Harness() : session(Settings{}) {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1600, 900);
    io.DeltaTime = 1.0f / 60.0f;
    apply_theme(Theme::Dark, 1.0f);
    REQUIRE(session.open_initial_dataset(kBundledData));
    FilterSpec f;
    f.as_of = parse_date("2024-10-31").date;
    session.app.set_filter(f);
    for (int i = 0; i < 3; ++i) frame();  // fonts, table sizing, first scene
  }
  ~Harness() { ImGui::DestroyContext(context_); }
  Harness(const Harness&) = delete;
  Harness& operator=(const Harness&) = delete;

  void frame() {
    ImGuiIO& io = ImGui::GetIO();
    for (int attempt = 0; attempt < 4; ++attempt) {
      if (session.fonts.needs_rebuild(1.0f)) io.FontDefault = session.fonts.build(*io.Fonts, 1.0f).fonts.body;
      ImGui::NewFrame();
      session.dashboard.draw(1.0f, session.fonts.last_build().fonts);
      ImGui::Render();
      io.MouseWheel = 0;
      if (!session.fonts.needs_rebuild(1.0f)) break;
    }
  }
  // Screen position of a canvas point of the chart panel.
  ImVec2 at(float x, float y) const {
    const ImVec2 o = session.charts.last_origin();
    return ImVec2(o.x + x, o.y + y);
  }
  void move(ImVec2 p) {
    ImGui::GetIO().MousePos = p;
    frame();
  }
  void press(int button = 0) {
    ImGui::GetIO().MouseDown[button] = true;
    frame();
  }
  void release(int button = 0) {
    ImGui::GetIO().MouseDown[button] = false;
    frame();
  }
  void click(ImVec2 p, int button = 0) {
    move(p);
    press(button);
    release(button);
  }
  void wheel(float notches) {
    ImGui::GetIO().MouseWheel = notches;
    frame();
  }
  void show(ChartKind kind) {
    session.charts.set_active(kind);
    frame();
    frame();
  }
  const chart::Scene& scene(ChartKind kind) const {
    const chart::Scene* s = session.charts.last_scene(kind);
    REQUIRE(s);
    return *s;
  }
  chart::TimeRange range(ChartKind kind) const { return scene(kind).axes.time->range; }

  Session session;

 private:
  ImGuiContext* context_ = nullptr;
};

// The centre of the first primitive with a hit of `kind` (and `index`, when >= 0).
std::optional<chart::Vec2> centre_of(const chart::Scene& scene, HitKind kind, int index = -2) {
  for (const chart::Primitive& item : scene.items) {
    if (item.hit.kind != kind || (index != -2 && item.hit.index != index)) continue;
    const chart::RectF b = chart::bounds_of(item.shape);
    if (b.width() < 4 || b.height() < 4) continue;
    return chart::Vec2{(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2};
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("the chart panel rebuilds nothing while nothing changes", "[charts][panel]") {
  Harness h;
  REQUIRE(h.session.charts.active() == ChartKind::Capacity);
  const ChartPanel::Rebuilds before = h.session.charts.rebuilds();
  CHECK(before.data == 1);
  for (int i = 0; i < 10; ++i) h.frame();
  h.move(h.at(300, 200));  // hovering shows a tooltip but changes no input
  h.move(h.at(320, 210));
  CHECK(h.session.charts.rebuilds().data == before.data);
  CHECK(h.session.charts.rebuilds().scene == before.scene);
  CHECK(h.session.charts.rebuilds().paint_list == before.paint_list);
  // A filter change rebuilds the data once, and its scene.
  FilterSpec f = h.session.app.filter();
  f.districts = {h.session.app.dataset->find_district("wuda")};
  h.session.app.set_filter(f);
  h.frame();
  h.frame();
  CHECK(h.session.charts.rebuilds().data == before.data + 1);
  CHECK(h.session.charts.rebuilds().scene == before.scene + 1);
  CHECK(h.session.charts.rebuilds().paint_list == before.paint_list + 1);
}

TEST_CASE("the wheel zooms about the cursor and the timeline shares the range", "[charts][panel]") {
  Harness h;
  const chart::Scene& s = h.scene(ChartKind::Capacity);
  const chart::RectF plot = s.axes.plot;
  const chart::TimeRange fitted = h.range(ChartKind::Capacity);
  const float x = std::floor((plot.x0 + plot.x1) / 2);  // ImGui floors the mouse position
  const double day_under_cursor = s.axes.time->invert(x);
  h.move(h.at(x, (plot.y0 + plot.y1) / 2));
  h.wheel(1);
  const chart::TimeRange zoomed = h.range(ChartKind::Capacity);
  CHECK_THAT(zoomed.span(), WithinRel(fitted.span() * 0.8, 1e-6));
  CHECK_THAT(h.scene(ChartKind::Capacity).axes.time->invert(x), WithinRel(day_under_cursor, 1e-6));
  // The timeline shows the same time range.
  h.show(ChartKind::Timeline);
  CHECK(h.range(ChartKind::Timeline) == zoomed);
  // Dragging pans it (the content follows the mouse: the range moves the other way).
  const chart::RectF tplot = h.scene(ChartKind::Timeline).axes.plot;
  const float px_per_day = h.scene(ChartKind::Timeline).axes.time->px_per_day();
  h.move(h.at((tplot.x0 + tplot.x1) / 2, tplot.y0 + 30));
  h.press();
  ImGui::GetIO().MousePos.x += 100;
  h.frame();
  h.release();
  CHECK_THAT(h.range(ChartKind::Timeline).first, WithinRel(zoomed.first - 100 / px_per_day, 1e-4));
  h.show(ChartKind::Capacity);
  CHECK(h.range(ChartKind::Capacity) == h.range(ChartKind::Timeline));
}

TEST_CASE("double-click fits the data, right-drag zooms to the box", "[charts][panel]") {
  Harness h;
  const chart::TimeRange fitted = h.range(ChartKind::Capacity);
  const chart::RectF plot = h.scene(ChartKind::Capacity).axes.plot;
  const chart::TimeScale scale = *h.scene(ChartKind::Capacity).axes.time;
  const float a = std::floor(plot.x0 + plot.width() * 0.25f), b = std::floor(plot.x0 + plot.width() * 0.5f);
  const float y = std::floor((plot.y0 + plot.y1) / 2);
  h.move(h.at(a, y));
  h.press(1);
  ImGui::GetIO().MousePos = h.at(b, y);
  h.frame();
  h.release(1);
  const chart::TimeRange boxed = h.range(ChartKind::Capacity);
  const chart::TimeRange expected = chart::box_zoom(scale, a, b);
  CHECK_THAT(boxed.first, WithinRel(expected.first, 1e-6));
  CHECK_THAT(boxed.last, WithinRel(expected.last, 1e-6));
  // Double-click: back to all the data.
  h.click(h.at(a, y));
  h.click(h.at(a, y));
  CHECK(h.range(ChartKind::Capacity) == fitted);
}

TEST_CASE("a click on a band selects its project; a click on a legend entry hides its series",
          "[charts][panel]") {
  Harness h;
  const chart::Scene& s = h.scene(ChartKind::Capacity);
  const auto band = centre_of(s, HitKind::CapacityBand);
  REQUIRE(band);
  const auto hit = chart::hit_test(s, band->x, band->y);
  REQUIRE(hit);
  const ChartData& data = h.session.charts.data(ChartKind::Capacity);
  const int project = project_of_ref(std::get<CapacityChart>(data)
                                         .input.series[static_cast<std::size_t>(hit->id.index)]
                                         .steps[static_cast<std::size_t>(hit->id.part)]
                                         .ref);
  h.session.app.select_project(-1);
  h.click(h.at(band->x, band->y));
  CHECK(h.session.app.selected_project == project);  // the table scrolled to it in the same frame

  // The legend entry of the series: its band disappears, the entry stays (hollow).
  const int series = hit->id.index;
  const auto legend = centre_of(h.scene(ChartKind::Capacity), HitKind::LegendEntry, series);
  REQUIRE(legend);
  h.click(h.at(legend->x, legend->y));
  h.frame();
  const chart::Scene& after = h.scene(ChartKind::Capacity);
  CHECK_FALSE(centre_of(after, HitKind::CapacityBand, series));
  CHECK(centre_of(after, HitKind::LegendEntry, series));
  CHECK_FALSE(std::get<CapacityChart>(h.session.charts.data(ChartKind::Capacity))
                  .input.series[static_cast<std::size_t>(series)]
                  .visible);
}

TEST_CASE("Ctrl+wheel scrolls the timeline's rows; only the visible rows are laid out", "[charts][panel]") {
  Harness h;
  h.show(ChartKind::Timeline);
  auto first_row = [&] {
    for (const chart::Primitive& item : h.scene(ChartKind::Timeline).items)
      if (item.hit.kind == HitKind::TimelineRow) return item.hit.index;
    return -1;
  };
  auto rows_laid_out = [&] {
    int n = 0;
    for (const chart::Primitive& item : h.scene(ChartKind::Timeline).items)
      n += item.hit.kind == HitKind::TimelineRow;
    return n;
  };
  const int top = first_row();
  const std::size_t total_rows =
      std::get<TimelineChart>(h.session.charts.data(ChartKind::Timeline)).input.rows.size();
  REQUIRE(total_rows > 20);
  CHECK(rows_laid_out() < static_cast<int>(total_rows));  // the panel is shorter than all rows
  const chart::RectF plot = h.scene(ChartKind::Timeline).axes.plot;
  h.move(h.at((plot.x0 + plot.x1) / 2, (plot.y0 + plot.y1) / 2));
  ImGui::GetIO().KeyCtrl = true;
  h.wheel(-2);
  ImGui::GetIO().KeyCtrl = false;
  h.frame();
  CHECK(first_row() != top);
}

TEST_CASE("the export dialog writes the chart, and asks before replacing a file", "[charts][panel][export]") {
  Harness h;
  ChartExportDialogs& dialog = h.session.charts.export_dialogs();
  ChartExportSpec spec;
  spec.kind = ChartKind::Investment;
  dialog.open_chart(spec, "investment-2024-10-31");
  CHECK(dialog.path().ends_with("/investment-2024-10-31.png"));  // PNG first, in the working directory
  const std::string path = std::string(INDTRACK_TEST_TMP) + "/dialog-investment.csv";
  std::remove(path.c_str());
  dialog.set_path(path);
  PanelContext c{h.session.app, h.session.fonts, 1.0f, h.session.fonts.last_build().fonts};
  dialog.press_export(c);
  CHECK_FALSE(dialog.asking_to_replace());
  CHECK(dialog.message().find(path) != std::string::npos);  // the saved path is shown
  std::string written;
  {
    std::ifstream in(path, std::ios::binary);
    written.assign(std::istreambuf_iterator<char>(in), {});
  }
  CHECK(written.find(
            "label,total,completed,approximate,total_bound,completed_approximate,completed_bound,unit") !=
        std::string::npos);
  // The file exists now: Export asks, and nothing is written until Replace.
  { std::ofstream(path, std::ios::binary) << "keep me"; }
  dialog.press_export(c);
  CHECK(dialog.asking_to_replace());
  {
    std::ifstream in(path, std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == "keep me");
  }
  dialog.press_replace(c);
  CHECK_FALSE(dialog.asking_to_replace());
  std::ifstream in(path, std::ios::binary);
  CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == written);
}

TEST_CASE("the export dialog offers the generated headline to edit; an edit is the file's title",
          "[charts][panel][export]") {
  Harness h;
  ChartExportDialogs& dialog = h.session.charts.export_dialogs();
  ChartExportSpec spec;
  spec.kind = ChartKind::Capacity;
  spec.width = 800;
  spec.height = 500;
  dialog.open_chart(spec, "capacity", "乌海BDO已投产产能69.2万吨/年");
  CHECK(dialog.headline() == "乌海BDO已投产产能69.2万吨/年");  // prefilled with the generated one
  PanelContext c{h.session.app, h.session.fonts, 1.0f, h.session.fonts.last_build().fonts};
  auto export_svg = [&](const std::string& name) {
    const std::string path = std::string(INDTRACK_TEST_TMP) + "/" + name;
    std::remove(path.c_str());
    dialog.set_path(path);
    dialog.press_export(c);
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  dialog.set_headline("给报告用的标题");
  const std::string edited = export_svg("dialog-headline.svg");
  CHECK(edited.find("给报告用的标题") != std::string::npos);
  CHECK(edited.find("BDO已投产产能") == std::string::npos);
  // Left as generated, the chart's own headline is drawn.
  dialog.open_chart(spec, "capacity", "乌海BDO已投产产能69.2万吨/年");
  CHECK(export_svg("dialog-generated.svg").find("BDO已投产产能") != std::string::npos);
}

TEST_CASE("exporting a PNG in the middle of a dashboard frame leaves the dashboard's context intact",
          "[charts][panel][export][screenshot]") {
  std::string error;
  const auto gl = OffscreenGlContext::create(error);  // the window's context in the application
  INFO(error);
  REQUIRE(gl);
  Harness h;
  ImGuiContext* dashboard_context = ImGui::GetCurrentContext();
  ChartExportDialogs& dialog = h.session.charts.export_dialogs();
  ChartExportSpec spec;
  spec.kind = ChartKind::Capacity;
  spec.width = 800;
  spec.height = 450;
  spec.scale = 1;
  dialog.open_chart(spec, "capacity");
  const std::string path = std::string(INDTRACK_TEST_TMP) + "/dialog-capacity.png";
  std::remove(path.c_str());
  dialog.set_path(path);
  h.frame();  // the dialog is open
  const int scenes = h.session.charts.rebuilds().scene;
  // As when the Export button is pressed: inside the dashboard's frame.
  ImGui::NewFrame();
  h.session.dashboard.draw(1.0f, h.session.fonts.last_build().fonts);
  PanelContext c{h.session.app, h.session.fonts, 1.0f, h.session.fonts.last_build().fonts};
  dialog.press_export(c);
  CHECK(ImGui::GetCurrentContext() == dashboard_context);
  ImGui::Render();
  INFO(dialog.message());
  std::ifstream in(path, std::ios::binary);
  std::string png(std::istreambuf_iterator<char>(in), {});
  REQUIRE(png.size() > 24);
  CHECK(png.compare(1, 3, "PNG") == 0);
  // The dashboard goes on drawing, its chart unchanged.
  h.frame();
  h.frame();
  CHECK(h.session.charts.rebuilds().scene == scenes);
  CHECK(h.session.charts.last_scene(ChartKind::Capacity));
}
