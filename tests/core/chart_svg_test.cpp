// SVG export of chart scenes: escaping, well-formed XML, one element per primitive, determinism.
#include <catch2/catch_test_macros.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "chart/capacity_chart.h"
#include "chart/investment_chart.h"
#include "chart/slippage_chart.h"
#include "chart/status_chart.h"
#include "chart/svg_writer.h"
#include "chart/timeline_chart.h"
#include "chart_fixtures.h"

using namespace chart_fixtures;

namespace {

// A small XML well-formedness checker (elements nest and close, attributes are quoted, text and
// attribute values hold no raw < or stray &), used whether or not xmllint is installed.
std::string xml_problem(const std::string& xml) {
  std::vector<std::string> open;
  std::size_t i = 0;
  auto entity_ok = [&](std::size_t at) {
    static const char* kEntities[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
    for (const char* e : kEntities)
      if (xml.compare(at, std::char_traits<char>::length(e), e) == 0) return true;
    return false;
  };
  auto is_name = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':';
  };
  if (xml.rfind("<?xml", 0) == 0) i = xml.find("?>") + 2;
  bool root_seen = false;
  while (i < xml.size()) {
    if (xml[i] == '<') {
      if (xml.compare(i, 2, "</") == 0) {
        std::size_t j = i + 2;
        while (j < xml.size() && is_name(xml[j])) ++j;
        const std::string name = xml.substr(i + 2, j - i - 2);
        if (open.empty() || open.back() != name) return "unbalanced </" + name + "> at " + std::to_string(i);
        open.pop_back();
        if (j >= xml.size() || xml[j] != '>') return "bad end tag at " + std::to_string(i);
        i = j + 1;
        continue;
      }
      std::size_t j = i + 1;
      while (j < xml.size() && is_name(xml[j])) ++j;
      const std::string name = xml.substr(i + 1, j - i - 1);
      if (name.empty()) return "empty element name at " + std::to_string(i);
      if (open.empty() && root_seen) return "second root element at " + std::to_string(i);
      root_seen = true;
      // Attributes.
      for (;;) {
        while (j < xml.size() && xml[j] == ' ') ++j;
        if (j >= xml.size()) return "unterminated tag " + name;
        if (xml[j] == '>') {
          open.push_back(name);
          ++j;
          break;
        }
        if (xml.compare(j, 2, "/>") == 0) {
          j += 2;
          break;
        }
        const std::size_t a = j;
        while (j < xml.size() && is_name(xml[j])) ++j;
        if (j == a || j + 1 >= xml.size() || xml[j] != '=' || xml[j + 1] != '"')
          return "attribute without quoted value in <" + name + "> at " + std::to_string(j);
        j += 2;
        while (j < xml.size() && xml[j] != '"') {
          if (xml[j] == '<') return "raw < in attribute at " + std::to_string(j);
          if (xml[j] == '&' && !entity_ok(j)) return "raw & in attribute at " + std::to_string(j);
          ++j;
        }
        ++j;
      }
      i = j;
      continue;
    }
    if (xml[i] == '&' && !entity_ok(i)) return "raw & in text at " + std::to_string(i);
    if (static_cast<unsigned char>(xml[i]) < 0x20 && xml[i] != '\n')
      return "control character at " + std::to_string(i);
    ++i;
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  return {};
}

// xmllint's verdict when it is installed; true when it is not.
bool xmllint_accepts(const std::string& path) {
  if (!std::filesystem::exists("/usr/bin/xmllint")) return true;
  const std::string cmd = "/usr/bin/xmllint --noout '" + path + "' 2>/dev/null";
  return std::system(cmd.c_str()) == 0;
}

std::string write_tmp(const std::string& name, const std::string& text) {
  const std::string path = std::string(INDTRACK_TEST_TMP) + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1))
    ++n;
  return n;
}

std::size_t count_hits(const Scene& scene, HitKind kind) {
  std::size_t n = 0;
  for (const Primitive& p : scene.items) n += p.hit.kind == kind;
  return n;
}

}  // namespace

TEST_CASE("XML escaping covers markup characters, controls and invalid UTF-8", "[chart][svg]") {
  CHECK(escape_xml("<a & 'b' \"c\">") == "&lt;a &amp; &apos;b&apos; &quot;c&quot;&gt;");
  CHECK(escape_xml("华恒\t10.4万吨\n") == "华恒 10.4万吨 ");
  CHECK(escape_xml(std::string("a\x01"
                               "b")) ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(escape_xml(std::string("x\xFFy")) == "x\xEF\xBF\xBDy");
  CHECK(escape_xml("γ-丁内酯 ≥250") == "γ-丁内酯 ≥250");
}

TEST_CASE("a scene is written as one SVG element per primitive, byte for byte", "[chart][svg]") {
  Scene scene;
  scene.width = 200;
  scene.height = 100;
  scene.background = Rgba::hex(0xFFFFFF);
  scene.set_clip({10, 10, 190, 90});
  scene.add(RectPrim{.rect = {20, 30, 60.5f, 90}, .fill = Rgba::hex(0x0072B2)},
            {HitKind::CapacityBand, 0, 1});
  scene.add(RectPrim{.rect = {60.5f, 50, 100, 90},
                     .fill = Rgba::hex(0x99C7E0),
                     .hatch = Hatch::Diagonal,
                     .hatch_colour = Rgba::hex(0x0072B2),
                     .hatch_spacing = 6});
  scene.clear_clip();
  scene.add(LinePrim{
      .a = {10, 90}, .b = {190, 90}, .colour = Rgba::hex(0x595959, 128), .width = 1, .dash = {4, 3}});
  TextPrim t;
  t.text = "A<B>&\"C'";
  t.size_px = 10;
  t.weight = FontWeight::Bold;
  t.colour = Rgba::hex(0x1A1A1A);
  t.box = {12, 2, 60, 12};
  t.baseline_y = 10.8f;
  scene.add(t);
  scene.add(
      MarkerPrim{
          .centre = {150, 40}, .size_px = 8, .shape = MarkerShape::Diamond, .fill = Rgba::hex(0x1A1A1A)},
      {HitKind::ReferenceMark, 0, -1});
  scene.add(MarkerPrim{.centre = {170, 40},
                       .size_px = 6,
                       .shape = MarkerShape::Circle,
                       .stroke = Rgba::hex(0x1A1A1A),
                       .stroke_width = 1.5f});

  const std::string expected =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"200\" height=\"100\" viewBox=\"0 0 "
      "200 100\" "
      "font-family=\"&apos;Noto Sans CJK SC&apos;, &apos;Source Han Sans SC&apos;, &apos;Microsoft "
      "YaHei&apos;, "
      "&apos;PingFang SC&apos;, sans-serif\">\n"
      "<defs>\n"
      "<clipPath id=\"clip0\"><rect x=\"10\" y=\"10\" width=\"180\" height=\"80\"/></clipPath>\n"
      "<pattern id=\"hatch0\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
      "patternTransform=\"rotate(45)\">"
      "<rect width=\"6\" height=\"6\" fill=\"#99c7e0\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" "
      "stroke=\"#0072b2\" "
      "stroke-width=\"1.5\"/></pattern>\n"
      "</defs>\n"
      "<rect x=\"0\" y=\"0\" width=\"200\" height=\"100\" fill=\"#ffffff\"/>\n"
      "<rect x=\"20\" y=\"30\" width=\"40.5\" height=\"60\" fill=\"#0072b2\" stroke=\"none\" "
      "clip-path=\"url(#clip0)\" "
      "data-hit=\"capacity_band 0 1\"/>\n"
      "<rect x=\"60.5\" y=\"50\" width=\"39.5\" height=\"40\" fill=\"url(#hatch0)\" stroke=\"none\" "
      "clip-path=\"url(#clip0)\"/>\n"
      "<line x1=\"10\" y1=\"90\" x2=\"190\" y2=\"90\" stroke=\"#595959\" stroke-opacity=\"0.5\" "
      "stroke-width=\"1\" "
      "stroke-dasharray=\"4 3\"/>\n"
      "<text x=\"12\" text-anchor=\"start\" y=\"10.8\" dominant-baseline=\"alphabetic\" font-size=\"10\" "
      "font-weight=\"bold\" "
      "fill=\"#1a1a1a\">A&lt;B&gt;&amp;&quot;C&apos;</text>\n"
      "<polygon points=\"150,36 154,40 150,44 146,40\" fill=\"#1a1a1a\" stroke=\"none\" "
      "data-hit=\"reference_mark 0 -1\"/>\n"
      "<circle cx=\"170\" cy=\"40\" r=\"3\" fill=\"none\" stroke=\"#1a1a1a\" stroke-width=\"1.5\"/>\n"
      "</svg>\n";
  const std::string svg = write_svg(scene);
  CHECK(svg == expected);
  CHECK(xml_problem(svg).empty());
  CHECK(xmllint_accepts(write_tmp("chart_svg_small.svg", svg)));
}

TEST_CASE("chart SVGs are well-formed, complete and deterministic", "[chart][svg]") {
  const ApproxTextMeasure measure;
  const CategoryColours colours = wuhai_colours();
  ChartStyle style;
  style.colours = &colours;

  CapacityChartInput cap = wuhai_capacity();
  cap.series[0].label = "东源 <A&B> \"quoted\" 'single'";
  const CapacityStack stack = stack_capacity(cap);
  const Scene cap_scene =
      layout_capacity_chart(cap, stack, capacity_time_extent(stack), style, 1600, 900, measure);
  const std::string cap_svg = write_svg(cap_scene);
  INFO(xml_problem(cap_svg));
  CHECK(xml_problem(cap_svg).empty());
  CHECK(xmllint_accepts(write_tmp("chart_capacity.svg", cap_svg)));
  // Title, every legend label (escaped), the column's labels, one element per plotted band and part.
  CHECK(cap_svg.find(">乌海市BDO产能</text>") != std::string::npos);
  CHECK(cap_svg.find(">东源 &lt;A&amp;B&gt; &quot;quoted&quot; &apos;single&apos;</text>") !=
        std::string::npos);
  for (const char* label : {">华恒</text>", ">君正</text>", ">广锦</text>", ">预计</text>", ">推断</text>",
                            ">在建·无预计日期 90</text>"})
    CHECK(cap_svg.find(label) != std::string::npos);
  CHECK(count(cap_svg, "data-hit=\"capacity_band ") == count_hits(cap_scene, HitKind::CapacityBand));
  CHECK(count(cap_svg, "data-hit=\"capacity_status ") == count_hits(cap_scene, HitKind::CapacityStatus));
  CHECK(count_hits(cap_scene, HitKind::CapacityBand) > 0);
  // Same input, same bytes.
  const Scene again =
      layout_capacity_chart(cap, stack_capacity(cap), capacity_time_extent(stack), style, 1600, 900, measure);
  CHECK(write_svg(again) == cap_svg);

  const TimelineChartInput tl = wuhai_timeline();
  const TimelineIndex index = index_timeline(tl, style, measure);
  const Scene tl_scene =
      layout_timeline_chart(tl, index, {timeline_time_extent(index), 0}, style, 1600, 900, measure);
  const std::string tl_svg = write_svg(tl_scene);
  CHECK(xml_problem(tl_svg).empty());
  CHECK(xmllint_accepts(write_tmp("chart_timeline.svg", tl_svg)));
  CHECK(count(tl_svg, "data-hit=\"timeline_segment ") == count_hits(tl_scene, HitKind::TimelineSegment));
  CHECK(count_hits(tl_scene, HitKind::TimelineSegment) >= 9);

  const InvestmentChartInput inv = wuhai_investment();
  const std::string inv_svg = write_svg(layout_investment_chart(inv, style, 1600, 900, measure));
  CHECK(xml_problem(inv_svg).empty());
  CHECK(xmllint_accepts(write_tmp("chart_investment.svg", inv_svg)));
  CHECK(inv_svg.find(">60多 / 约105亿元</text>") != std::string::npos);

  StatusChartInput st = wuhai_status();
  st.include_table = true;
  const std::string st_svg = write_svg(layout_status_chart(st, style, 1600, 900, measure));
  CHECK(xml_problem(st_svg).empty());
  CHECK(xmllint_accepts(write_tmp("chart_status.svg", st_svg)));

  SlippageChartInput slip = wuhai_slippage();
  sort_slippage_rows(slip.rows);
  const Scene slip_scene = layout_slippage_chart(slip, slippage_time_extent(slip), style, 1600, 900, measure);
  const std::string slip_svg = write_svg(slip_scene);
  CHECK(xml_problem(slip_svg).empty());
  CHECK(xmllint_accepts(write_tmp("chart_slippage.svg", slip_svg)));
  CHECK(slip_svg.find(">晚5–26个月</text>") != std::string::npos);
  CHECK(count(slip_svg, "data-hit=\"slippage_expected ") ==
        count_hits(slip_scene, HitKind::SlippageExpected));
  CHECK(count_hits(slip_scene, HitKind::SlippageExpected) > 0);
  CHECK(write_svg(layout_slippage_chart(slip, slippage_time_extent(slip), style, 1600, 900, measure)) ==
        slip_svg);

  ChartStyle dark = style;
  dark.theme = dark_theme();
  dark.lang = Language::English;
  const std::string dark_svg =
      write_svg(layout_capacity_chart(cap, stack, capacity_time_extent(stack), dark, 1600, 900, measure));
  CHECK(xml_problem(dark_svg).empty());
  write_tmp("chart_capacity_dark_en.svg", dark_svg);
}

// Found by fuzz_svg (tests/data/fuzz-regressions/fuzz_svg/nonfinite-coordinates): NaN and
// infinite coordinates were written as "nan" / "inf", which is not an SVG number.
TEST_CASE("non-finite numbers are written as 0, never as nan or inf", "[chart][svg][fuzz]") {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  Scene scene;
  scene.width = inf;
  scene.height = 100;
  scene.add(LinePrim{.a = {nan, -inf}, .b = {1.5f, 2}, .colour = Rgba::hex(0x000000), .width = nan});
  const std::string svg = write_svg(scene);
  CHECK(svg.find("nan") == std::string::npos);
  CHECK(svg.find("inf") == std::string::npos);
  CHECK(svg.find("<line x1=\"0\" y1=\"0\" x2=\"1.5\" y2=\"2\" stroke=\"#000000\" stroke-width=\"0\"/>") !=
        std::string::npos);
  CHECK(svg.find("width=\"0\" height=\"100\" viewBox=\"0 0 0 100\"") != std::string::npos);
  CHECK(xml_problem(svg).empty());
}
