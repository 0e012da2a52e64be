// Charts a report can print (issue 19, items 4, 6 and 7): statuses stepped in lightness for
// greyscale print, every mark colour at ≥ 3:1 against its background, one colour per company in
// view and the same one in every filter, separators between stacked segments, whole-number ticks
// on count axes, empty filters that say why, and SVG text anchored where the layout aligned it.
#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <map>
#include <set>

#include "chart/frame.h"
#include "chart/investment_chart.h"
#include "chart/status_chart.h"
#include "chart/svg_writer.h"
#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/chart_series.h"
#include "io/dataset_io.h"

using namespace indtrack;
using namespace indtrack::chart;

namespace {

// The step in CIE lightness L* (from the WCAG relative luminance) between two consecutive statuses
// in order of progress: about a fifth of the range a mark colour has on white at 3:1 (L* 0–62).
constexpr double kStatusStepLstar = 9;
constexpr double kMarkContrast = 3;  // WCAG 1.4.11, non-text contrast

constexpr Status kProgress[] = {Status::Announced, Status::Signed, Status::Construction, Status::Trial,
                                Status::Operating};

const Dataset& wuhai() {
  static const auto loaded = load_dataset(std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json");
  REQUIRE(loaded.dataset);
  return *loaded.dataset;
}

FilterSpec as_of_2024() {
  FilterSpec f;
  f.as_of = parse_date("2024-10-31").date;
  return f;
}

// Colour keys of the investment bars (one per project, coloured by company) or capacity series.
std::vector<std::string> investment_keys(const FilterSpec& filter) {
  ChartOptions options;
  const auto in = investment_chart_input(wuhai(), filter_projects(wuhai(), filter), filter, options);
  std::vector<std::string> keys;
  for (const InvestmentBar& b : in.bars) keys.push_back(b.colour_key);
  return keys;
}
std::vector<std::string> capacity_keys(const FilterSpec& filter) {
  ChartOptions options;
  const auto in = capacity_chart_input(wuhai(), filter_projects(wuhai(), filter), filter, options);
  std::vector<std::string> keys;
  for (const CapacitySeries& s : in.series) keys.push_back(s.colour_key.empty() ? s.key : s.colour_key);
  return keys;
}

// Distinct keys in view (other than "其他 / Other") must have distinct colours, none of them the
// Other grey; returns the colour of each key.
std::map<std::string, Rgba> check_distinct(const std::vector<std::string>& keys,
                                           const CategoryColours& colours, const Theme& theme) {
  std::map<std::string, Rgba> by_key;
  for (const std::string& k : keys)
    if (k != kOtherColourKey) by_key.emplace(k, colours.colour(k, theme));
  std::set<std::uint32_t> seen;
  for (const auto& [key, c] : by_key) {
    INFO(key);
    CHECK(seen.insert((std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | c.b).second);
    CHECK(c != other_colour(theme));
  }
  return by_key;
}

template <class T>
std::vector<const T*> all_of(const Scene& scene) {
  std::vector<const T*> out;
  for (const Primitive& p : scene.items)
    if (const auto* x = std::get_if<T>(&p.shape)) out.push_back(x);
  return out;
}

// The <text> elements of an SVG, in order, with the attributes placement depends on. (A small
// scan, not std::regex: GCC 12 warns inside <regex> in the sanitizer build.)
struct SvgText {
  double x = 0, y = 0;
  std::string anchor, baseline;
};
std::vector<SvgText> svg_texts(const std::string& svg) {
  std::vector<SvgText> out;
  for (std::size_t at = svg.find("<text "); at != std::string::npos; at = svg.find("<text ", at + 1)) {
    const std::string tag = svg.substr(at, svg.find('>', at) - at);
    auto attr = [&](const char* name) {
      const std::string key = std::string(" ") + name + "=\"";
      std::size_t p = tag.find(key);
      if (p == std::string::npos) return std::string();
      p += key.size();
      return tag.substr(p, tag.find('"', p) - p);
    };
    const std::string x = attr("x"), y = attr("y");
    out.push_back({x.empty() ? -1e9 : std::stod(x), y.empty() ? -1e9 : std::stod(y), attr("text-anchor"),
                   attr("dominant-baseline")});
  }
  return out;
}

}  // namespace

TEST_CASE("statuses step in lightness in order of progress on both themes", "[chart][palette][encoding]") {
  for (const Theme& theme : {light_theme(), dark_theme()}) {
    INFO((theme.dark ? "dark" : "light"));
    const double bg = lightness(theme.background);
    for (std::size_t i = 0; i + 1 < std::size(kProgress); ++i) {
      const double a = lightness(status_colour(kProgress[i], theme));
      const double b = lightness(status_colour(kProgress[i + 1], theme));
      INFO(status_label(kProgress[i], Language::English) << " L*=" << a << " → L*=" << b);
      // Each step moves away from the background: more progress, more ink.
      CHECK(std::abs(b - bg) - std::abs(a - bg) >= kStatusStepLstar);
    }
    // 停滞 and 取消 leave the order: hatched where stacked, apart from each other and from 投产,
    // which they follow in the status chart's stack.
    CHECK(status_hatched(Status::Shelved));
    CHECK(status_hatched(Status::Cancelled));
    for (Status s : kProgress) CHECK_FALSE(status_hatched(s));
    const double shelved = lightness(status_colour(Status::Shelved, theme));
    const double cancelled = lightness(status_colour(Status::Cancelled, theme));
    const double operating = lightness(status_colour(Status::Operating, theme));
    CHECK(std::abs(shelved - cancelled) >= kStatusStepLstar);
    CHECK(std::abs(shelved - operating) >= kStatusStepLstar);
  }
}

TEST_CASE("every status and categorical colour has 3:1 contrast with its background",
          "[chart][palette][encoding]") {
  for (const Theme& theme : {light_theme(), dark_theme()}) {
    INFO((theme.dark ? "dark" : "light"));
    for (Status s : {Status::Announced, Status::Signed, Status::Construction, Status::Trial,
                     Status::Operating, Status::Shelved, Status::Cancelled}) {
      INFO(status_label(s, Language::English));
      CHECK(contrast_ratio(status_colour(s, theme), theme.background) >= kMarkContrast);
    }
    for (const Rgba c : categorical_palette(theme)) {
      INFO(int(c.r) << "," << int(c.g) << "," << int(c.b));
      CHECK(contrast_ratio(c, theme.background) >= kMarkContrast);
    }
    CHECK(contrast_ratio(other_colour(theme), theme.background) >= kMarkContrast);
  }
  // The WCAG formula itself: black on white is 21:1, grey #777 about 4.48:1.
  CHECK(std::abs(contrast_ratio(Rgba::hex(0x000000), Rgba::hex(0xFFFFFF)) - 21) < 1e-9);
  CHECK(std::abs(contrast_ratio(Rgba::hex(0x777777), Rgba::hex(0xFFFFFF)) - 4.48) < 0.01);
}

TEST_CASE("a colour is never repeated in a view; the first holder of a slot keeps it", "[chart][palette]") {
  std::vector<std::string> keys;
  for (int i = 0; i < 14; ++i) keys.push_back("k" + std::to_string(i));
  const CategoryColours colours(keys);
  // k12 shares k0's slot: in a view with both, the later (smaller) one is grouped into Other.
  CHECK(colours.distinct_in_view({"k0", "k1", "k12", "k1", std::string(kOtherColourKey)}) ==
        std::vector<bool>{true, true, false, true, true});
  CHECK(colours.distinct_in_view({"k12", "k1"}) == std::vector<bool>{true, true});
}

TEST_CASE("companies in view get distinct colours, the same in every filter", "[chart][palette][wuhai]") {
  const CategoryColours colours = company_colours(wuhai());
  const FilterSpec whole = as_of_2024();
  FilterSpec bdo = whole;
  bdo.industries = {wuhai().find_industry("bdo-chain")};
  REQUIRE(bdo.industries.front() >= 0);
  for (const Theme& theme : {light_theme(), dark_theme()}) {
    const auto whole_colours = check_distinct(investment_keys(whole), colours, theme);
    const auto bdo_colours = check_distinct(investment_keys(bdo), colours, theme);
    check_distinct(capacity_keys(whole), colours, theme);
    check_distinct(capacity_keys(bdo), colours, theme);
    // The whole dataset has more companies than colours: some are grouped into Other.
    const auto keys = investment_keys(whole);
    CHECK(std::count(keys.begin(), keys.end(), std::string(kOtherColourKey)) > 0);
    // Every BDO-chain company keeps its own colour in its industry's view and, where it has one
    // in the whole view, the same colour there.
    CHECK(bdo_colours.size() >= 5);
    int same = 0;
    for (const auto& [key, c] : bdo_colours) {
      const auto it = whole_colours.find(key);
      if (it == whole_colours.end()) continue;
      CHECK(it->second == c);
      ++same;
    }
    CHECK(same >= 3);
  }
}

TEST_CASE("stacked status segments are parted by background-coloured separators",
          "[chart][status][encoding]") {
  StatusChartInput in;
  in.text.title = "状态";
  in.statuses = {Status::Construction, Status::Trial, Status::Operating, Status::Cancelled};
  in.years = {2022, 2023};
  in.values = {{2, 1, 0, 0}, {1, 0, 3, 1}};  // joins: 1 in 2022, 2 in 2023
  const ApproxTextMeasure measure;
  for (const Theme& theme : {light_theme(), dark_theme()}) {
    ChartStyle style;
    style.theme = theme;
    const Scene scene = layout_status_chart(in, style, 800, 450, measure);
    std::vector<const RectPrim*> segments;
    for (const Primitive& p : scene.items)
      if (p.hit.kind == HitKind::StatusCell && std::holds_alternative<RectPrim>(p.shape))
        segments.push_back(&std::get<RectPrim>(p.shape));
    REQUIRE(segments.size() == 5);
    int separators = 0;
    for (const LinePrim* l : all_of<LinePrim>(scene)) {
      if (l->colour != theme.plot_background || l->a.y != l->b.y) continue;
      // On the boundary of two segments of one bar, across the bar's width.
      int touching = 0;
      for (const RectPrim* r : segments)
        if ((r->rect.y0 == l->a.y || r->rect.y1 == l->a.y) && r->rect.x0 == l->a.x && r->rect.x1 == l->b.x)
          ++touching;
      if (touching == 2) ++separators;
      CHECK(l->width >= 1);
    }
    CHECK(separators == 3);
    // Cancelled is hatched, the progress statuses are not.
    CHECK(segments[4]->hatch == Hatch::Diagonal);
    CHECK(segments[0]->hatch == Hatch::None);
    CHECK(segments[0]->fill == status_colour(Status::Construction, theme));
  }
}

TEST_CASE("count axes have whole-number ticks only", "[chart][ticks][encoding]") {
  const ApproxTextMeasure measure;
  const ChartStyle style;
  // A tall axis for at most 2 projects would tick every 0.5 as a plain number.
  const ValueAxis plain = make_value_axis(2, 400, NumberStyle::Plain, style, measure);
  CHECK(plain.ticks.step < 1);
  const ValueAxis count = make_value_axis(2, 400, NumberStyle::Count, style, measure);
  REQUIRE(count.ticks.values.size() >= 2);
  for (double v : count.ticks.values) CHECK(v == std::floor(v));
  CHECK(count.max >= 2);
  CHECK(count.labels == std::vector<std::string>{"0", "1", "2", "3"});
  // The status chart by project count uses it.
  FilterSpec filter = as_of_2024();
  ChartOptions options;
  options.status_metric = StatusMetric::ProjectCount;
  const auto in = status_chart_input(wuhai(), filter_projects(wuhai(), filter), filter, options);
  CHECK(in.value_style == NumberStyle::Count);
  options.status_metric = StatusMetric::Capacity;
  CHECK(status_chart_input(wuhai(), filter_projects(wuhai(), filter), filter, options).value_style ==
        NumberStyle::Plain);
}

TEST_CASE("a chart that its filter leaves empty says why in words", "[chart][encoding][wuhai]") {
  FilterSpec pv = as_of_2024();
  pv.industries = {wuhai().find_industry("pv")};
  const std::vector<int> projects = filter_projects(wuhai(), pv);
  REQUIRE_FALSE(projects.empty());
  const ApproxTextMeasure measure;
  for (const Language lang : {Language::Chinese, Language::English}) {
    ChartOptions options;
    options.lang = lang;
    ChartStyle style;
    style.lang = lang;
    // The capacity chart's product (BDO) has no line in photovoltaics.
    const ChartData chart = build_chart_data(ChartKind::Capacity, wuhai(), projects, pv, options);
    const std::string& message = chart_text(chart).empty_message;
    INFO(message);
    if (lang == Language::Chinese) {
      CHECK(message.rfind("没有BDO产能数据：当前筛选为 ", 0) == 0);
      CHECK(message.find("光伏") != std::string::npos);
      CHECK(message.find("截至 2024-10-31") != std::string::npos);
    } else {
      CHECK(message.rfind("No BDO capacity figures for this filter: ", 0) == 0);
      CHECK(message.find("as of 2024-10-31") != std::string::npos);
    }
    ChartData prepared = chart;
    prepare_chart_layout(prepared, style, measure);
    const Scene scene = layout_chart(prepared, {{}, style, 1200, 700, measure});
    std::string drawn;
    for (const TextPrim* t : all_of<TextPrim>(scene)) drawn += t->text;
    CHECK(drawn.find(lang == Language::Chinese ? "没有BDO产能数据" : "No BDO capacity figures") !=
          std::string::npos);
  }
}

TEST_CASE("SVG text is anchored at the edge the layout aligned it to", "[chart][svg][encoding]") {
  // Investment bar labels are right-aligned before the plot, status year labels centred.
  InvestmentChartInput inv;
  inv.text.title = "投资";
  inv.text.value_unit = "亿元";
  for (const char* name : {"东源 · BDO一期", "华恒 · 生物基BDO"}) {
    InvestmentBar b;
    b.label = name;
    b.total = 30;
    inv.bars.push_back(b);
  }
  StatusChartInput st;
  st.statuses = {Status::Construction};
  st.years = {2023, 2024};
  st.values = {{1}, {2}};
  const ApproxTextMeasure measure;
  const ChartStyle style;
  for (const Scene& scene : {layout_investment_chart(inv, style, 800, 400, measure),
                             layout_status_chart(st, style, 800, 400, measure)}) {
    const std::string svg = write_svg(scene);
    // One <text> element per TextPrim, in scene order.
    const std::vector<SvgText> found = svg_texts(svg);
    const auto texts = all_of<TextPrim>(scene);
    REQUIRE(found.size() == texts.size());
    int right = 0, centred = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      const TextPrim& t = *texts[i];
      const double x = found[i].x;
      const std::string& anchor = found[i].anchor;
      CHECK(found[i].baseline == "alphabetic");
      INFO(t.text);
      CHECK(std::abs(found[i].y - t.baseline_y) < 0.01);
      switch (t.align) {
        case HAlign::Left:
          CHECK(anchor == "start");
          CHECK(std::abs(x - t.box.x0) < 0.01);
          break;
        case HAlign::Center:
          CHECK(anchor == "middle");
          CHECK(std::abs(x - (t.box.x0 + t.box.x1) / 2) < 0.01);
          ++centred;
          break;
        case HAlign::Right:
          CHECK(anchor == "end");
          CHECK(std::abs(x - t.box.x1) < 0.01);
          ++right;
          break;
      }
    }
    CHECK(right + centred > 0);
  }
  // The bar label "东源 · BDO一期" ends at its right edge.
  const Scene scene = layout_investment_chart(inv, style, 800, 400, measure);
  for (const TextPrim* t : all_of<TextPrim>(scene))
    if (t->text == "东源 · BDO一期") CHECK(t->align == HAlign::Right);
  CHECK(write_svg(scene).find("text-anchor=\"end\"") != std::string::npos);
}
