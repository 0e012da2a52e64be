// Every chart of the bundled data as the export lays it out — the real font's widths
// (FontTextMeasure at the PNG's raster scale), titles, subtitles, footers with all the sources —
// keeps every text inside the canvas, unclipped and overlapping no other text, from 800×450 to
// 3840×2160, in Chinese and English.
#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <sstream>

#include "chart/font_measure.h"
#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/chart_series.h"
#include "dataset_fixtures.h"
#include "export/chart_export.h"
#include "io/data_paths.h"
#include "io/dataset_io.h"

using namespace indtrack;
using namespace indtrack::chart;

namespace {

std::string text_problems(const Scene& scene) {
  std::ostringstream out;
  std::vector<const TextPrim*> texts;
  const RectF canvas{0, 0, scene.width, scene.height};
  for (const Primitive& p : scene.items) {
    const auto* t = std::get_if<TextPrim>(&p.shape);
    if (!t) continue;
    if (!canvas.contains(t->box)) out << "outside: \"" << t->text << "\"\n";
    if (p.clip >= 0 && !scene.clips[static_cast<std::size_t>(p.clip)].contains(t->box))
      out << "clipped: \"" << t->text << "\"\n";
    texts.push_back(t);
  }
  for (std::size_t i = 0; i < texts.size(); ++i)
    for (std::size_t j = i + 1; j < texts.size(); ++j)
      if (texts[i]->box.intersects(texts[j]->box))
        out << "overlap: \"" << texts[i]->text << "\" and \"" << texts[j]->text << "\"\n";
  return out.str();
}

}  // namespace

TEST_CASE("exported charts of the bundled data fit every text at every size", "[chart][sizes][wuhai]") {
  const Dataset& data = test::wuhai();
  FilterSpec filter;
  filter.as_of = parse_date("2024-10-31").date;
  const std::vector<int> projects = filter_projects(data, filter);
  const CategoryColours colours = company_colours(data);
  std::string error;
  const auto measure = FontTextMeasure::open(
      {{std::string(INDTRACK_SOURCE_DIR) + "/assets/fonts/NotoSansCJKsc-indtrack.otf", 0}}, 2, error);
  REQUIRE(measure);
  const std::pair<float, float> sizes[] = {{800, 450}, {1280, 720}, {1600, 900}, {3840, 2160}};
  for (const Language lang : {Language::Chinese, Language::English}) {
    ChartOptions options;
    options.lang = lang;
    ChartStyle style;
    style.lang = lang;
    style.colours = &colours;
    for (const ChartKind kind : kAllChartKinds) {
      ChartData chart = build_chart_data(kind, data, projects, filter, options);
      prepare_chart_for_export(chart);  // the status table, whole timeline rows: as the export lays them out
      prepare_chart_layout(chart, style, *measure);
      for (const auto& [w, h] : sizes) {
        INFO(chart_kind_id(kind) << " " << w << "x" << h << (lang == Language::English ? " en" : " zh"));
        const Scene scene = layout_chart(chart, {{}, style, w, h, *measure});
        CHECK(text_problems(scene) == "");
      }
    }
  }
}

TEST_CASE("an exported timeline too short for its rows draws whole rows and counts the rest",
          "[chart][timeline]") {
  const Dataset& data = test::wuhai();
  FilterSpec filter;
  filter.as_of = parse_date("2024-10-31").date;
  ChartData chart = build_chart_data(ChartKind::Timeline, data, filter_projects(data, filter), filter, {});
  std::get<TimelineChart>(chart).input.whole_rows = true;
  const ApproxTextMeasure measure;
  const ChartStyle style;
  const Scene scene = layout_chart(chart, {{}, style, 1000, 450, measure});
  std::size_t drawn = 0;
  std::string note;
  for (const Primitive& p : scene.items) {
    if (p.hit.kind == HitKind::TimelineRow) {
      ++drawn;
      // Whole rows: the label's box lies inside the plot's rows.
      const auto& t = std::get<TextPrim>(p.shape);
      CHECK(t.box.y1 <= scene.axes.plot.y1);
    }
    // The note under the rows, on up to two lines.
    if (const auto* t = std::get_if<TextPrim>(&p.shape);
        t && t->box.y0 >= scene.axes.plot.y1 && t->box.y0 < scene.axes.plot.y1 + style.small_px * 2.8f)
      note += t->text;
  }
  INFO(note);
  const std::size_t total = std::get<TimelineChart>(chart).input.rows.size();
  REQUIRE(drawn > 0);
  REQUIRE(drawn < total);
  // Says how many are left out, how many fit, and offers to drop the rows with no date.
  CHECK(note.rfind(
            "另有" + std::to_string(total - drawn) + "项未显示：图高只够" + std::to_string(drawn) + "行。",
            0) == 0);
  std::size_t undated = 0;
  for (const TimelineRow& row : std::get<TimelineChart>(chart).input.rows)
    undated += row.segments.empty() && row.milestones.empty();
  if (undated > 0)
    CHECK(note.find("可选“仅显示有日期的行”（" + std::to_string(undated) + "行无日期）") !=
          std::string::npos);

  // The option leaves them out: every row left has something on the time axis.
  ChartOptions dated_only;
  dated_only.timeline_dated_only = true;
  const ChartData dated =
      build_chart_data(ChartKind::Timeline, data, filter_projects(data, filter), filter, dated_only);
  const TimelineChartInput& in = std::get<TimelineChart>(dated).input;
  CHECK(in.rows.size() == total - undated);
  for (const TimelineRow& row : in.rows) CHECK((!row.segments.empty() || !row.milestones.empty()));
  for (const std::uint32_t r : in.order) CHECK(r < in.rows.size());
}

namespace {

std::uint32_t png_u32(const std::string& s, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 3]));
}

}  // namespace

TEST_CASE("a Word-column timeline grows to show its rows instead of a few rows over the sources",
          "[chart][presets][wuhai]") {
  const Dataset& data = test::wuhai();
  FilterSpec filter;
  filter.as_of = parse_date("2026-11-30").date;
  filter.products = {data.find_product("BDO")};
  REQUIRE(filter.products.front() >= 0);
  const std::vector<int> projects = filter_projects(data, filter);
  REQUIRE(projects.size() == 5);  // in three districts
  ChartExporter exporter(resolve_fonts(find_bundled_file(kBundledFont)));
  const ExportPreset& word = *export_preset("word");
  const auto rows_drawn = [&](bool fit, int& height) {
    ChartExportSpec spec;
    spec.kind = ChartKind::Timeline;
    apply_preset(spec, word);
    spec.fit_height = fit;
    const PreparedChart chart = exporter.prepare(data, projects, filter, spec, company_colours(data));
    height = chart.height;
    std::size_t rows = 0, notes = 0;
    for (const Primitive& p : chart.scene.items)
      if (const auto* t = std::get_if<TextPrim>(&p.shape)) {
        notes += t->text.find("未显示") != std::string::npos;
        rows += p.hit.kind == HitKind::TimelineRow;  // a row's label
      }
    return std::pair{rows, notes};
  };
  int fixed_height = 0, fitted_height = 0;
  const auto fixed = rows_drawn(false, fixed_height);
  const auto fitted = rows_drawn(true, fitted_height);
  CHECK(fixed_height == word.height_px());
  CHECK(fixed.first < 5);  // 10 cm leaves room for two rows under the legend, the sources under them
  CHECK(fixed.second == 1);
  CHECK(fitted_height > word.height_px());  // the preset's default: as tall as the rows need
  CHECK(fitted_height <= word.max_height_px());
  CHECK(fitted.first == 5);
  CHECK(fitted.second == 0);
}

TEST_CASE("presets print type at its size in points and say their dpi", "[chart][presets][wuhai]") {
  const Dataset& data = test::wuhai();
  FilterSpec filter;
  filter.as_of = parse_date("2024-10-31").date;
  const std::vector<int> projects = filter_projects(data, filter);
  const CategoryColours colours = company_colours(data);
  ChartExporter exporter(resolve_fonts(find_bundled_file(kBundledFont)));

  const ExportPreset* word = export_preset("word");
  REQUIRE(word);
  CHECK(word->width_px() == 605);  // 16 cm at 96 px per inch
  CHECK(word->scale() == 3.125f);  // 300 dpi
  CHECK(export_preset("A4") == nullptr);

  for (const ExportPreset& preset : export_presets()) {
    for (const Language lang : {Language::Chinese, Language::English}) {
      for (const ChartKind kind : kAllChartKinds) {
        INFO(preset.id << " " << chart_kind_id(kind) << (lang == Language::English ? " en" : " zh"));
        ChartExportSpec spec;
        spec.kind = kind;
        spec.options.lang = lang;
        apply_preset(spec, preset);
        const PreparedChart chart = exporter.prepare(data, projects, filter, spec, colours);
        CHECK(chart.width == preset.width_px());
        // Charts of rows grow to show them, up to the preset's page; the others keep its height.
        if (kind == ChartKind::Timeline || kind == ChartKind::Investment || kind == ChartKind::Slippage) {
          CHECK(chart.height >= preset.height_px());
          CHECK(chart.height <= preset.max_height_px());
        } else {
          CHECK(chart.height == preset.height_px());
        }
        // A canvas px prints at 1/96 inch (dpi / 96 PNG pixels at dpi): p px is p × 72/96 pt.
        float largest = 0, smallest = 1e9f;
        for (const Primitive& p : chart.scene.items)
          if (const auto* t = std::get_if<TextPrim>(&p.shape)) {
            largest = std::max(largest, t->size_px / kPxPerPt);
            smallest = std::min(smallest, t->size_px / kPxPerPt);
          }
        CHECK(std::abs(largest - preset.type.title_pt) < 0.01f);  // the title
        CHECK(smallest >= 7);                                     // sources and notes at least 7 pt
        CHECK(preset.type.text_pt >= 8);                          // labels at least 8 pt
        CHECK(text_problems(chart.scene) == "");
      }
    }
    // The PNG is dpi / 96 pixels per canvas px and says so in pHYs (pixels per metre).
    ChartExportSpec spec;
    apply_preset(spec, preset);
    const PreparedChart chart = exporter.prepare(data, projects, filter, spec, colours);
    std::string error;
    const std::string png = exporter.render(chart, ExportFormat::Png, error);
    REQUIRE(error == "");
    REQUIRE(png.compare(37, 4, "pHYs") == 0);
    const auto ppm = static_cast<std::uint32_t>(std::lround(preset.dpi / 0.0254));
    CHECK(png_u32(png, 41) == ppm);
    CHECK(png_u32(png, 45) == ppm);
    const double printed_cm = png_u32(png, 16) / static_cast<double>(preset.dpi) * 2.54;
    CHECK(std::abs(printed_cm - preset.width_cm) < 0.02);
  }
}
