// Exported charts (painted by Cairo, no GL) have W·S × H·S pixels and the series colour wherever
// the scene puts a bar, band or segment; the dashboard's chart panel (ImGui through EGL) shows the
// capacity bands at the pixels its scene gives; SVG and PNG come from the very same scene; the
// dashboard's canvas and a file of the same chart are one layout, element by element, for every
// kind, and both painters put the data's rects where that layout says.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cmath>
#include <variant>

#include "chart/frame.h"
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

// The file's elements that are not its frame text (title and subtitle in the header band, note
// and footer in the footer band), each compared with the screen's element of the same rank: the
// same sort of primitive with the same hit, its bounds (and a text's baseline) `bands.header`
// lower in the file to 0.01 px, a text with the same string, size and alignment. Returns how
// many were compared.
std::size_t compare_with_file(const chart::Scene& screen, const chart::Scene& file,
                              const chart::FrameBands& bands, float padding) {
  std::vector<const chart::Primitive*> body;
  std::size_t frame_texts = 0;
  for (const chart::Primitive& item : file.items) {
    const chart::RectF b = chart::bounds_of(item.shape);
    const bool in_bands = b.y1 <= padding + bands.header || b.y0 >= file.height - padding - bands.footer;
    if (std::holds_alternative<chart::TextPrim>(item.shape) && in_bands) {
      ++frame_texts;
      continue;
    }
    body.push_back(&item);
  }
  CHECK(frame_texts >= 3);  // a title, a subtitle and a footer at least
  REQUIRE(body.size() == screen.items.size());
  const float dy = bands.header;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const chart::Primitive& a = screen.items[i];
    const chart::Primitive& b = *body[i];
    INFO("element " << i << ": " << chart::hit_kind_name(a.hit.kind) << " " << a.hit.index << "/"
                    << a.hit.part);
    REQUIRE(a.shape.index() == b.shape.index());
    CHECK(a.hit.kind == b.hit.kind);
    CHECK(a.hit.index == b.hit.index);
    CHECK(a.hit.part == b.hit.part);
    const chart::RectF ra = chart::bounds_of(a.shape), rb = chart::bounds_of(b.shape);
    CHECK(std::abs(ra.x0 - rb.x0) < 0.01f);
    CHECK(std::abs(ra.x1 - rb.x1) < 0.01f);
    CHECK(std::abs(ra.y0 + dy - rb.y0) < 0.01f);
    CHECK(std::abs(ra.y1 + dy - rb.y1) < 0.01f);
    if (const auto* ta = std::get_if<chart::TextPrim>(&a.shape)) {
      const auto& tb = std::get<chart::TextPrim>(b.shape);
      CHECK(ta->text == tb.text);
      CHECK(ta->size_px == tb.size_px);
      CHECK(ta->align == tb.align);
      CHECK(std::abs(ta->baseline_y + dy - tb.baseline_y) < 0.01f);
    }
  }
  const chart::RectF& pa = screen.axes.plot;
  const chart::RectF& pb = file.axes.plot;
  CHECK(std::abs(pa.x0 - pb.x0) < 0.01f);
  CHECK(std::abs(pa.x1 - pb.x1) < 0.01f);
  CHECK(std::abs(pa.y0 + dy - pb.y0) < 0.01f);
  CHECK(std::abs(pa.y1 + dy - pb.y1) < 0.01f);
  return body.size();
}

// The rects of the data of each kind: bands, segments, bars, cells.
HitKind data_rect(ChartKind kind) {
  switch (kind) {
    case ChartKind::Capacity:
      return HitKind::CapacityBand;
    case ChartKind::Timeline:
      return HitKind::TimelineSegment;
    case ChartKind::Investment:
      return HitKind::InvestmentBar;
    case ChartKind::Status:
      return HitKind::StatusCell;
    case ChartKind::Slippage:
      return HitKind::SlippageActual;
  }
  return HitKind::None;
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

TEST_CASE("the dashboard's canvas is the file's layout less its title and footer, for every chart kind",
          "[screenshot][charts][export]") {
  // Screen and file may differ in anti-aliasing, not in layout. The dashboard draws a chart with
  // ImDrawList through GL, a file with Cairo; both paint a scene from the same layout_chart().
  // The canvas leaves the frame's text to the panel (ChartStyle::frame_text), so the file of the
  // same chart, filter, options and width, as tall as the canvas plus the two text bands, must
  // hold every element the screen shows at the same place, lower by the header band.
  std::string error;
  const auto gl = OffscreenGlContext::create(error);
  REQUIRE(gl);
  Settings settings;
  settings.theme = Theme::Light;
  Session session(settings);
  REQUIRE(session.open_initial_dataset(kBundledData));
  FilterSpec filter = as_of("2024-10-31");
  // One district: every timeline row fits the canvas (a file never cuts a row, the screen
  // scrolls them: the one difference that stays, chart_kinds.h prepare_chart_for_export).
  filter.districts = {session.app.dataset->find_district("wuda")};
  session.app.set_filter(filter);
  ChartExporter exporter(session.fonts.sources());
  const chart::CategoryColours colours = company_colours(*session.app.dataset);
  std::size_t rects_checked = 0;
  for (const ChartKind kind : kAllChartKinds) {
    INFO(chart_kind_id(kind));
    OffscreenSpec spec;
    spec.width = 1600;
    spec.height = 1000;
    spec.scale = 1;
    spec.theme = Theme::Light;
    const auto screen_image = render_imgui_offscreen(
        spec, session.fonts,
        [&](const OffscreenFrame& f) {
          if (f.index == 0) session.charts.set_active(kind);
          session.dashboard.draw(1.0f, f.fonts);
        },
        error);
    INFO(error);
    REQUIRE(screen_image);
    REQUIRE(session.charts.active() == kind);
    const chart::Scene* screen = session.charts.last_scene(kind);
    REQUIRE(screen);
    REQUIRE(screen->width == std::floor(screen->width));  // a file's size is whole pixels
    REQUIRE(screen->height == std::floor(screen->height));
    if (const auto* timeline = std::get_if<TimelineChart>(&session.charts.data(kind)))
      REQUIRE(timeline->index.content_height <= screen->axes.plot.height());

    ChartExportSpec file_spec;
    file_spec.kind = kind;
    file_spec.width = static_cast<int>(screen->width);
    file_spec.height = static_cast<int>(screen->height);
    file_spec.scale = 1;  // text measured as on this screen (a framebuffer scale of 1)
    file_spec.options.lang = session.app.language();
    std::vector<int> projects = session.app.visible();
    std::sort(projects.begin(), projects.end());
    // The bands of the file's title, subtitle, note and footer; then the file that tall.
    PreparedChart file = exporter.prepare(*session.app.dataset, projects, filter, file_spec, colours);
    chart::ChartStyle file_style;
    file_style.lang = file_spec.options.lang;
    const chart::FrameBands bands = chart::frame_bands(chart_text(file.data), file_style, screen->width,
                                                       screen->height, exporter.measure(1));
    CHECK(bands.header > 0);
    CHECK(bands.footer > 0);
    file_spec.height += static_cast<int>(bands.header + bands.footer);
    // the sources' 40 % cap does not bind here: the taller file has the same bands
    const chart::FrameBands taller =
        chart::frame_bands(chart_text(file.data), file_style, screen->width,
                           static_cast<float>(file_spec.height), exporter.measure(1));
    CHECK(taller.header == bands.header);
    CHECK(taller.footer == bands.footer);
    file = exporter.prepare(*session.app.dataset, projects, filter, file_spec, colours);
    CHECK(compare_with_file(*screen, file.scene, bands, file_style.padding_px) > 20);

    // Both painters put the data's rects where the layout says: the screen's pixels at its
    // canvas, the file's at the same places lower by the header band.
    const auto file_image = exporter.render_png(file, error);
    REQUIRE(file_image);
    const ImVec2 origin = session.charts.last_origin();
    const int on_screen =
        check_rect_colours(*screen, *screen_image, 1, origin.x, origin.y, {data_rect(kind)});
    const int in_file = check_rect_colours(file.scene, *file_image, 1, 0, 0, {data_rect(kind)});
    CHECK(on_screen == in_file);
    rects_checked += static_cast<std::size_t>(in_file);
  }
  CHECK(rects_checked >= 10);
}
