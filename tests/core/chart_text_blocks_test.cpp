// The text blocks a report quotes (issue 19): the headline states the figure the chart plots, the
// scope line says what is counted, the sources line cites exactly the sources of what is plotted,
// grouped by publisher, translated, and wrapped onto as many lines as it needs inside the canvas.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>
#include <set>
#include <string>
#include <vector>

#include "chart/text_layout.h"
#include "chart_kinds/chart_headlines.h"
#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/chart_series.h"
#include "dataset_fixtures.h"
#include "query/filter_args.h"
#include "query/published_view.h"

using namespace indtrack;
using Catch::Matchers::WithinAbs;
using test::wuhai;

namespace {

FilterSpec bdo_at(const char* date) {
  FilterSpec f;
  f.as_of = parse_date(date).date;
  f.products = {wuhai().find_product("BDO")};
  return f;
}

ChartOptions options_in(Language lang) {
  ChartOptions o;
  o.lang = lang;
  o.generated_on = Date::of_day(2026, 11, 22);
  return o;
}

ChartData chart_of(ChartKind kind, const Dataset& d, const FilterSpec& f, Language lang = Language::Chinese) {
  return build_chart_data(kind, d, filter_projects(d, f), f, options_in(lang));
}

// The publishers and dates a footer cites: the part before " · 截至" / " · as of".
std::string cited_part(const std::string& footer) {
  const std::size_t end = footer.find(" · ");
  return footer.substr(0, end);
}

// Every "YYYY-MM" (or "YYYY" alone) date the cited part names.
std::vector<std::string> cited_months(const std::string& footer) {
  const std::string cited = cited_part(footer);
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 4 <= cited.size(); ++i) {
    const auto digit = [&](std::size_t k) { return k < cited.size() && cited[k] >= '0' && cited[k] <= '9'; };
    if (!(digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3)) || (i > 0 && digit(i - 1))) continue;
    const bool month = i + 7 <= cited.size() && cited[i + 4] == '-' && digit(i + 5) && digit(i + 6);
    out.push_back(cited.substr(i, month ? 7 : 4));
    i += month ? 6 : 3;
  }
  return out;
}

std::size_t occurrences(const std::string& text, const std::string& word) {
  std::size_t n = 0;
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("capacity headline: the operating figure the chart plots, and the gap to the city's target",
          "[chart-text][wuhai]") {
  const FilterSpec f = bdo_at("2026-12-02");
  const ChartData data = chart_of(ChartKind::Capacity, wuhai(), f);
  const CapacityChart& chart = std::get<CapacityChart>(data);
  // The curve's operating bands at the as-of day: 东源/东景 10 + 28, 华恒 3 × 10.4 (`indtrack list
  // --product BDO`: 69.2 operating; the capacity CSV's operating column part).
  const double plotted = plotted_operating_capacity(chart.input, chart.stack, chart.input.as_of);
  CHECK_THAT(plotted, WithinAbs(69.2, 1e-9));
  for (const chart::CapacityStatusPart& part : chart.input.by_status)
    if (part.id == "operating") CHECK_THAT(part.total(), WithinAbs(plotted, 1e-9));
  const std::string csv = chart_csv(data, Language::Chinese);
  CHECK(csv.find("by_status,operating,") != std::string::npos);
  CHECK(csv.find(",万吨/年,69.2") != std::string::npos);
  // The headline says that figure, the as-of day (not today), and the 2025 target (≥250) it falls short of.
  CHECK(chart.input.text.title ==
        "截至2026-12-02，乌海BDO已投产产能69.2万吨/年，距2025年目标250万吨/年以上差180.8万吨/年");

  // English: one unit in the whole chart (kt/a): axis, headline, column and the target's label.
  const ChartData en = chart_of(ChartKind::Capacity, wuhai(), f, Language::English);
  const CapacityChart& chart_en = std::get<CapacityChart>(en);
  CHECK(chart_en.input.text.value_unit == "kt/a");
  CHECK_THAT(plotted_operating_capacity(chart_en.input, chart_en.stack, chart_en.input.as_of),
             WithinAbs(692, 1e-9));
  CHECK(chart_en.input.text.title ==
        "As of 2026-12-02: Wuhai BDO capacity in operation: 692 kt/a, 1808 kt/a short of the 2025 target "
        "(at least 2500 kt/a)");
  REQUIRE_FALSE(chart_en.input.marks.empty());
  for (const chart::ReferenceMark& m : chart_en.input.marks) {
    INFO(m.label);
    CHECK(m.label.find("kt/a") != std::string::npos);
    CHECK(m.label.find("Mt/a") == std::string::npos);
  }

  // The headline follows the filter and the as-of date: a district, then mid-2022 (东源's first line).
  FilterSpec hainan = f;
  hainan.districts = {wuhai().find_district("hainan")};
  const std::string title = chart_text(chart_of(ChartKind::Capacity, wuhai(), hainan)).title;
  CHECK(title.find("海南区BDO已投产产能") != std::string::npos);
  const ChartData early = chart_of(ChartKind::Capacity, wuhai(), bdo_at("2022-06-30"));
  const CapacityChart& early_chart = std::get<CapacityChart>(early);
  CHECK(early_chart.input.text.title.rfind("截至2022-06-30，乌海BDO已投产产能10万吨/年", 0) == 0);
}

TEST_CASE("headlines of the other charts state their key figure from the plotted data",
          "[chart-text][wuhai]") {
  FilterSpec f;
  f.as_of = parse_date("2026-12-02").date;
  const ChartData timeline = chart_of(ChartKind::Timeline, wuhai(), f);
  const auto& rows = std::get<TimelineChart>(timeline).input.rows;
  const std::string t = chart_text(timeline).title;
  INFO(t);
  CHECK(t.rfind("截至2026-12-02，乌海项目" + std::to_string(rows.size()) + "个：", 0) == 0);
  CHECK(t.find("个已投产") != std::string::npos);
  CHECK(t.find("个在建") != std::string::npos);

  const ChartData status = chart_of(ChartKind::Status, wuhai(), f);
  // The same projects on the same day: the status chart's last column and the timeline agree.
  CHECK(chart_text(status).title == t);

  const ChartData investment = chart_of(ChartKind::Investment, wuhai(), f);
  const auto& bars = std::get<InvestmentChart>(investment).input.bars;
  REQUIRE_FALSE(bars.empty());
  CHECK(chart_text(investment).title.find("乌海项目总投资") != std::string::npos);

  const ChartData slippage = chart_of(ChartKind::Slippage, wuhai(), f);
  const std::string s = chart_text(slippage).title;
  INFO(s);
  CHECK(s.find("有计划日期的里程碑" + std::to_string(std::get<SlippageChart>(slippage).input.rows.size()) +
               "个") != std::string::npos);

  // English.
  const std::string en = chart_text(chart_of(ChartKind::Timeline, wuhai(), f, Language::English)).title;
  CHECK(en.rfind("As of 2026-12-02: " + std::to_string(rows.size()) + " projects in Wuhai: ", 0) == 0);
  CHECK(en.find(" operating") != std::string::npos);
}

TEST_CASE("scope line: the filter, the as-of date and what the chart counts", "[chart-text][wuhai]") {
  const FilterSpec f = bdo_at("2026-12-02");
  const std::string zh = chart_text(chart_of(ChartKind::Capacity, wuhai(), f)).subtitle;
  CHECK(zh ==
        "BDO · 截至 2026-12-02（现有报道） · "
        "计入已投产与试生产产能；预计投产为斜线；右列为全部已知生产线按状态");
  ChartOptions no_trial = options_in(Language::Chinese);
  no_trial.show_trial = false;
  no_trial.include_expected = false;
  const ChartData plain =
      build_chart_data(ChartKind::Capacity, wuhai(), filter_projects(wuhai(), f), f, no_trial);
  CHECK(chart_text(plain).subtitle.find("计入已投产产能；右列") != std::string::npos);
  const std::string en = chart_text(chart_of(ChartKind::Capacity, wuhai(), f, Language::English)).subtitle;
  CHECK(en.find("counts capacity in operation and in trial production") != std::string::npos);
}

TEST_CASE("sources line: only the sources of the plotted numbers, by publisher, on the clock",
          "[chart-text][wuhai]") {
  FilterSpec all;
  all.as_of = parse_date("2026-12-02").date;
  // The whole dataset: the timeline plots the photovoltaic project, the BDO capacity chart does not.
  const std::string capacity = chart_text(chart_of(ChartKind::Capacity, wuhai(), all)).footer;
  const std::string timeline = chart_text(chart_of(ChartKind::Timeline, wuhai(), all)).footer;
  INFO(capacity);
  CHECK(capacity.rfind("数据来源：", 0) == 0);
  CHECK(timeline.find("索比光伏网") != std::string::npos);
  CHECK(capacity.find("索比光伏网") == std::string::npos);
  CHECK(capacity.find("乌海日报") != std::string::npos);
  // Each publisher once, its months after it: "乌海日报 2023-01、2024-01、2024-10".
  CHECK(occurrences(capacity, "乌海日报") == 1);
  CHECK(capacity.find("乌海日报 2023-01、") != std::string::npos);
  const std::vector<std::string> months = cited_months(capacity);
  CHECK(std::set<std::string>(months.begin(), months.end()).size() >= 3);

  // As published by 2023-06-30: nothing published later is cited.
  FilterSpec then = bdo_at("2023-06-30");
  then.clock = Clock::PublishedBy;
  const Dataset published = for_clock(wuhai(), then);
  const std::string footer = chart_text(chart_of(ChartKind::Capacity, published, then)).footer;
  INFO(footer);
  CHECK(footer.find("截至 2023-06-30（当时已发布报道）") != std::string::npos);
  const std::vector<std::string> then_months = cited_months(footer);
  REQUIRE_FALSE(then_months.empty());
  for (const std::string& m : then_months) CHECK(m <= "2023-06");
  // Known today, the same day cites what later reports say about then (乌海日报 2024-10).
  const std::string now = chart_text(chart_of(ChartKind::Capacity, wuhai(), bdo_at("2023-06-30"))).footer;
  CHECK(cited_part(now) != cited_part(footer));

  // English labels, publishers as published.
  const std::string en = chart_text(chart_of(ChartKind::Capacity, wuhai(), all, Language::English)).footer;
  INFO(en);
  CHECK(en.rfind("Sources: ", 0) == 0);
  CHECK(en.find(" · as of 2026-12-02 · generated 2026-11-22 by indtrack") != std::string::npos);
  for (const char* zh : {"数据来源", "截至", "生成于"}) CHECK(en.find(zh) == std::string::npos);
  CHECK(en.find("; ") != std::string::npos);  // publishers parted the English way
}

TEST_CASE("sources line: a long one wraps inside an 800 px canvas, at the labels' size, nothing cut",
          "[chart-text][wuhai]") {
  FilterSpec all;
  all.as_of = parse_date("2026-12-02").date;
  ChartData data = chart_of(ChartKind::Timeline, wuhai(), all);
  prepare_chart_for_export(data);
  const chart::ApproxTextMeasure measure;
  chart::ChartStyle style;
  prepare_chart_layout(data, style, measure);
  const std::string footer = chart_text(data).footer;
  const chart::Scene scene = layout_chart(data, {chart::ChartView{}, style, 800, 500, measure});
  // The footer's lines are the texts at the bottom that are pieces of it, in order.
  std::vector<const chart::TextPrim*> lines;
  for (const chart::Primitive& p : scene.items)
    if (const auto* t = std::get_if<chart::TextPrim>(&p.shape); t && t->text.size() > 12 &&
                                                                footer.find(t->text) != std::string::npos &&
                                                                t->box.y0 > scene.axes.plot.y1)
      lines.push_back(t);
  REQUIRE(lines.size() >= 2);
  std::string joined;
  for (const chart::TextPrim* t : lines) {
    INFO(t->text);
    CHECK(t->text.find("…") == std::string::npos);
    CHECK(t->size_px >= style.font_px);
    CHECK(t->box.x0 >= 0);
    CHECK(t->box.x1 <= 800);
    CHECK(t->box.y1 <= 500);
    CHECK(t->box.y0 >= scene.axes.plot.y1);  // below the plot, which made room
    joined += t->text;
  }
  std::string unspaced;
  for (char c : footer)
    if (c != ' ') unspaced += c;
  std::string joined_unspaced;
  for (char c : joined)
    if (c != ' ') joined_unspaced += c;
  CHECK(joined_unspaced == unspaced);  // every word of it, none cut
}
