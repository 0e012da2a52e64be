// Every chart of the bundled data as the export lays it out — the real font's widths
// (FontTextMeasure at the PNG's raster scale), titles, subtitles, footers with all the sources —
// keeps every text inside the canvas, unclipped and overlapping no other text, from 800×450 to
// 3840×2160, in Chinese and English.
#include <catch2/catch_test_macros.hpp>

#include <sstream>

#include "chart/font_measure.h"
#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/chart_series.h"
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
  auto loaded = load_dataset(std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json");
  REQUIRE(loaded.dataset);
  const Dataset& data = *loaded.dataset;
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
  auto loaded = load_dataset(std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json");
  REQUIRE(loaded.dataset);
  FilterSpec filter;
  filter.as_of = parse_date("2024-10-31").date;
  ChartData chart = build_chart_data(ChartKind::Timeline, *loaded.dataset,
                                     filter_projects(*loaded.dataset, filter), filter, {});
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
    if (const auto* t = std::get_if<TextPrim>(&p.shape); t && t->text.find("未显示") != std::string::npos)
      note = t->text;
  }
  const std::size_t total = std::get<TimelineChart>(chart).input.rows.size();
  REQUIRE(drawn > 0);
  REQUIRE(drawn < total);
  CHECK(note == "另有" + std::to_string(total - drawn) + "项未显示");
}
