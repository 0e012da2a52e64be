// Exported charts (painted by Cairo, no GL) have W·S × H·S pixels and the series colour wherever
// the scene puts a bar, band or segment; the dashboard's chart panel (ImGui through EGL) shows the
// capacity bands at the pixels its scene gives; SVG and PNG come from the very same scene.
#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <variant>

#include "chart/svg_writer.h"
#include "chart_kinds/chart_series.h"
#include "export/chart_export.h"
#include "io/data_paths.h"
#include "io/dataset_io.h"
#include "test_support.h"
#include "ui/host/offscreen.h"
#include "ui/session.h"

using namespace indtrack;
using namespace indtrack::ui;
using chart::HitKind;

namespace {

const std::string kBundledData = std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json";

Dataset load(const std::string& path) {
  auto loaded = load_dataset(path);
  REQUIRE(loaded.dataset);
  return std::move(*loaded.dataset);
}

FilterSpec as_of(const char* date) {
  FilterSpec f;
  f.as_of = parse_date(date).date;
  return f;
}

// For every opaque, unhatched rect of the given kinds that nothing later in the scene covers at
// its centre, the image pixel there must have the rect's fill. Returns how many were checked.
int check_rect_colours(const chart::Scene& scene, const OffscreenImage& image, float scale, float origin_x,
                       float origin_y, std::initializer_list<HitKind> kinds) {
  int checked = 0;
  for (std::size_t i = 0; i < scene.items.size(); ++i) {
    const chart::Primitive& item = scene.items[i];
    const auto* r = std::get_if<chart::RectPrim>(&item.shape);
    if (!r || std::find(kinds.begin(), kinds.end(), item.hit.kind) == kinds.end()) continue;
    if (r->fill.a != 255 || r->hatch != chart::Hatch::None) continue;
    if (r->rect.width() * scale < 6 || r->rect.height() * scale < 6) continue;  // too thin to sample safely
    const float cx = (r->rect.x0 + r->rect.x1) / 2, cy = (r->rect.y0 + r->rect.y1) / 2;
    if (item.clip >= 0 && !scene.clips[static_cast<std::size_t>(item.clip)].contains(cx, cy)) continue;
    bool covered = false;
    for (std::size_t j = i + 1; j < scene.items.size() && !covered; ++j) {
      const chart::RectF b = chart::bounds_of(scene.items[j].shape);
      covered = cx >= b.x0 - 2 && cx <= b.x1 + 2 && cy >= b.y0 - 2 && cy <= b.y1 + 2;
    }
    if (covered) continue;
    const int px = static_cast<int>(std::floor((origin_x + cx) * scale));
    const int py = static_cast<int>(std::floor((origin_y + cy) * scale));
    REQUIRE(px >= 0);
    REQUIRE(py >= 0);
    REQUIRE(px < image.width);
    REQUIRE(py < image.height);
    const unsigned char* p = &image.rgba[(static_cast<std::size_t>(py) * image.width + px) * 4];
    INFO(chart::hit_kind_name(item.hit.kind)
         << " " << item.hit.index << "/" << item.hit.part << " at " << px << "," << py);
    CHECK(std::abs(p[0] - r->fill.r) <= 2);
    CHECK(std::abs(p[1] - r->fill.g) <= 2);
    CHECK(std::abs(p[2] - r->fill.b) <= 2);
    ++checked;
  }
  return checked;
}

}  // namespace

TEST_CASE("exported PNGs have W·S × H·S pixels and the series colours where the scene puts bars",
          "[export]") {
  std::string error;
  const Dataset data = load(kBundledData);
  const FilterSpec filter = as_of("2024-10-31");
  const std::vector<int> projects = filter_projects(data, filter);
  const chart::CategoryColours colours = company_colours(data);
  ChartExporter exporter(resolve_fonts(find_bundled_file(kBundledFont), {}));

  struct Case {
    ChartKind kind;
    std::initializer_list<HitKind> kinds;
    int minimum;  // rects that must have been checked
  };
  const Case cases[] = {
      {ChartKind::Capacity, {HitKind::CapacityBand}, 2},
      {ChartKind::Timeline, {HitKind::TimelineSegment}, 5},
      {ChartKind::Investment, {HitKind::InvestmentBar}, 4},
      {ChartKind::Status, {HitKind::StatusCell}, 10},
      {ChartKind::Slippage, {HitKind::SlippageActual}, 0},
  };
  for (const float scale : {1.0f, 2.0f}) {
    for (const Case& c : cases) {
      ChartExportSpec spec;
      spec.kind = c.kind;
      spec.width = 1200;
      spec.height = 700;
      spec.scale = scale;
      const PreparedChart chart = exporter.prepare(data, projects, filter, spec, colours);
      INFO(chart_kind_id(c.kind) << " at scale " << scale);
      const auto image = exporter.render_png(chart, error);
      INFO(error);
      REQUIRE(image);
      CHECK(image->width == static_cast<int>(1200 * scale));
      CHECK(image->height == static_cast<int>(700 * scale));
      CHECK(check_rect_colours(chart.scene, *image, scale, 0, 0, c.kinds) >= c.minimum);
      // The SVG is the same scene: one element per primitive, same canvas.
      const std::string svg = chart::write_svg(chart.scene);
      CHECK(svg.find("viewBox=\"0 0 1200 700\"") != std::string::npos);
    }
  }
}

TEST_CASE("the dark theme paints the chart background dark, the light theme light", "[export]") {
  std::string error;
  const Dataset data = load(kBundledData);
  const FilterSpec filter = as_of("2024-10-31");
  const chart::CategoryColours colours = company_colours(data);
  ChartExporter exporter(resolve_fonts(find_bundled_file(kBundledFont), {}));
  for (const bool dark : {false, true}) {
    ChartExportSpec spec;
    spec.kind = ChartKind::Capacity;
    spec.width = 800;
    spec.height = 450;
    spec.scale = 1;
    spec.dark = dark;
    const PreparedChart chart = exporter.prepare(data, filter_projects(data, filter), filter, spec, colours);
    const auto image = exporter.render_png(chart, error);
    REQUIRE(image);
    const chart::Rgba bg = dark ? chart::dark_theme().background : chart::light_theme().background;
    const unsigned char* corner = &image->rgba[(2 * static_cast<std::size_t>(image->width) + 2) * 4];
    CHECK(corner[0] == bg.r);
    CHECK(corner[1] == bg.g);
    CHECK(corner[2] == bg.b);
  }
}

TEST_CASE("the dashboard's chart panel shows the capacity bands at the scene's pixels",
          "[screenshot][charts]") {
  std::string error;
  const auto gl = OffscreenGlContext::create(error);
  REQUIRE(gl);
  Settings settings;
  Session session(settings);
  REQUIRE(session.open_initial_dataset(kBundledData));
  session.app.set_filter(as_of("2024-10-31"));
  OffscreenSpec spec;
  spec.width = 1600;
  spec.height = 900;
  spec.scale = 1;
  const auto image = render_imgui_offscreen(
      spec, session.fonts, [&](const OffscreenFrame& f) { session.dashboard.draw(1.0f, f.fonts); }, error);
  INFO(error);
  REQUIRE(image);
  const chart::Scene* scene = session.charts.last_scene(ChartKind::Capacity);
  REQUIRE(scene);
  CHECK(scene->width > 600);
  CHECK(scene->height > 200);
  const ImVec2 origin = session.charts.last_origin();
  // 东景's and 华恒's operating BDO capacity: solid bands in the company colours.
  CHECK(check_rect_colours(*scene, *image, 1, origin.x, origin.y, {HitKind::CapacityBand}) >= 2);
}
