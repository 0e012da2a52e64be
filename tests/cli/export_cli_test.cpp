// `indtrack export` and `indtrack report` through the executable: exit codes and messages, PNG
// sizes, SVG parsed by a real XML parser (expat) with its title, legend and one element per
// plotted item, CSV rows equal to the plotted points, names with < > & " ' in all three formats,
// byte-identical output for the same input, an empty filter giving a "no data" chart, and the
// report pack's files. The invented dataset tests/data/charts/special-names.json is used.
#include <catch2/catch_test_macros.hpp>

#include <expat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "cli_support.h"
#include "stb/stb_image.h"

using namespace indtrack::test;

namespace {

const std::string kSpecial = data_path("charts/special-names.json");
const std::string kAsOf = "2024-06-30";

std::vector<std::string> export_args(const std::string& chart, const std::string& out,
                                     std::vector<std::string> more = {}) {
  std::vector<std::string> args = {"export", "--chart", chart,     "--out", out,
                                   "--data", kSpecial,  "--as-of", kAsOf};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// Exports need no GPU: runs that paint pixels are made with no display and every way to an EGL or
// GL driver closed (the GLVND vendor files and Mesa's driver directory point nowhere), so a PNG
// or PDF that still comes out was painted without them.
const std::string kGpuEnv =
    "env -u DISPLAY -u WAYLAND_DISPLAY __EGL_VENDOR_LIBRARY_FILENAMES=/nonexistent "
    "__EGL_VENDOR_LIBRARY_DIRS=/nonexistent LIBGL_DRIVERS_PATH=/nonexistent EGL_PLATFORM=surfaceless";

// Width and height from a PNG's IHDR chunk; {0, 0} when it is not a PNG.
std::pair<unsigned, unsigned> png_size(const std::string& bytes) {
  if (bytes.size() < 24 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0 || bytes.compare(12, 4, "IHDR") != 0)
    return {0, 0};
  auto be32 = [&](std::size_t at) {
    unsigned v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
    return v;
  };
  return {be32(16), be32(20)};
}

// An SVG document as expat reads it.
struct Svg {
  bool well_formed = false;
  std::string error;
  std::vector<std::string> texts;       // character data of every <text>
  std::map<std::string, int> elements;  // element name -> count
  std::multiset<std::string> hits;      // data-hit attribute values
};

Svg parse_svg(const std::string& xml) {
  Svg svg;
  struct State {
    Svg* svg;
    bool in_text = false;
    std::string text;
  } state{&svg, false, {}};
  XML_Parser parser = XML_ParserCreate("UTF-8");
  XML_SetUserData(parser, &state);
  XML_SetElementHandler(
      parser,
      [](void* data, const XML_Char* name, const XML_Char** attributes) {
        auto* s = static_cast<State*>(data);
        ++s->svg->elements[name];
        for (int i = 0; attributes[i]; i += 2)
          if (std::string(attributes[i]) == "data-hit") s->svg->hits.insert(attributes[i + 1]);
        if (std::string(name) == "text") {
          s->in_text = true;
          s->text.clear();
        }
      },
      [](void* data, const XML_Char* name) {
        auto* s = static_cast<State*>(data);
        if (std::string(name) == "text") {
          s->svg->texts.push_back(s->text);
          s->in_text = false;
        }
      });
  XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* chars, int length) {
    auto* s = static_cast<State*>(data);
    if (s->in_text) s->text.append(chars, static_cast<std::size_t>(length));
  });
  svg.well_formed = XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  if (!svg.well_formed)
    svg.error = std::string(XML_ErrorString(XML_GetErrorCode(parser))) + " at line " +
                std::to_string(XML_GetCurrentLineNumber(parser));
  XML_ParserFree(parser);
  return svg;
}

bool has_text(const Svg& svg, const std::string& wanted) {
  for (const std::string& t : svg.texts)
    if (t == wanted) return true;
  return false;
}

int hits_of_kind(const Svg& svg, const std::string& kind) {
  int n = 0;
  for (const std::string& h : svg.hits) n += h.rfind(kind + " ", 0) == 0;
  return n;
}

// Distinct "index part" pairs among the hit ids of one kind: the input items drawn.
std::set<std::string> items_of_kind(const Svg& svg, const std::string& kind) {
  std::set<std::string> out;
  for (const std::string& h : svg.hits)
    if (h.rfind(kind + " ", 0) == 0) {
      std::istringstream in(h.substr(kind.size() + 1));
      std::string index, part;
      in >> index >> part;
      out.insert(index + " " + part);
    }
  return out;
}

std::vector<std::string> csv_lines(const std::string& csv) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < csv.size()) {
    const std::size_t end = csv.find("\r\n", start);
    lines.push_back(csv.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return lines;
}

// A decoded image, RGB.
struct Pixels {
  int width = 0, height = 0;
  std::vector<unsigned char> rgb;
  const unsigned char* at(int x, int y) const {
    return &rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                 static_cast<std::size_t>(x)) *
                3];
  }
};
Pixels decode_png(const std::string& path) {
  Pixels p;
  const std::string bytes = read_file(path);
  int channels = 0;
  unsigned char* data =
      stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()), static_cast<int>(bytes.size()),
                            &p.width, &p.height, &channels, 3);
  if (!data) return {};
  p.rgb.assign(data, data + static_cast<std::size_t>(p.width) * static_cast<std::size_t>(p.height) * 3);
  stbi_image_free(data);
  return p;
}

// Runs a poppler tool (poppler-utils, scripts/setup); its stdout.
std::string poppler(const std::string& command) {
  const std::string out = tmp_path("poppler-" + std::to_string(::getpid()) + ".txt");
  const int status = std::system((command + " > " + out + " 2>&1").c_str());
  std::string text = read_file(out);
  std::remove(out.c_str());
  INFO(command << " -> " << text);
  REQUIRE(status == 0);
  return text;
}

std::string fresh_dir(const std::string& name) {
  const std::string dir = tmp_path(name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("export and report have help with examples and are in the top-level help", "[cli][export]") {
  const RunResult top = run_indtrack({"--help"});
  CHECK(top.out.find("indtrack export --chart") != std::string::npos);
  CHECK(top.out.find("indtrack report --out DIR") != std::string::npos);
  const RunResult help = run_indtrack({"export", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("usage: indtrack export") != std::string::npos);
  CHECK(help.out.find("examples:") != std::string::npos);
  CHECK(help.out.find("--district") != std::string::npos);  // the shared filter flags
  const RunResult report = run_indtrack({"report", "--help"});
  CHECK(report.exit_code == 0);
  CHECK(report.out.find("index.html") != std::string::npos);
}

TEST_CASE("export: bad options are usage errors (exit 2)", "[cli][export]") {
  const std::string dir = fresh_dir("export-usage");
  const std::string out = dir + "/x.png";
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const Case cases[] = {
      {{"export", "--out", out}, "--chart is required"},
      {{"export", "--chart", "pie", "--out", out}, "--chart must be"},
      {{"export", "--chart", "capacity"}, "--out FILE is required"},
      {{"export", "--chart", "capacity", "--out", dir + "/x.txt"}, "must end in .png, .pdf, .svg or .csv"},
      {{"export", "--chart", "capacity", "--out", out, "--scale", "9"}, "--scale must be"},
      {{"export", "--chart", "capacity", "--out", out, "--width", "abc"}, "--width must be"},
      {{"export", "--chart", "capacity", "--out", out, "--theme", "blue"}, "--theme must be"},
      {{"export", "--chart", "capacity", "--out", out, "--bogus"}, "unknown option"},
      {{"export", "--chart", "capacity", "--out", out, "--data", kSpecial, "--district", "北区"},
       "unknown district"},
  };
  for (const Case& c : cases) {
    const RunResult r = run_indtrack(c.args);
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(c.message) != std::string::npos);
  }
  CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("export: unwritable output is exit 1 with a clear message and no file", "[cli][export]") {
  const std::string dir = fresh_dir("export-unwritable");
  RunResult r = run_indtrack(export_args("capacity", dir + "/missing/x.svg"));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("directory " + dir + "/missing does not exist") != std::string::npos);
  r = run_indtrack(export_args("capacity", dir));  // a directory given as the file
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("is a directory") != std::string::npos);
  if (::geteuid() != 0) {  // root may write anywhere
    const std::string locked = dir + "/locked";
    std::filesystem::create_directories(locked);
    std::filesystem::permissions(locked,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    r = run_indtrack(export_args("capacity", locked + "/x.csv"));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("Permission denied") != std::string::npos);
    std::filesystem::permissions(locked, std::filesystem::perms::owner_all);
  }
  // Nothing but what the test made: no partial or temporary files.
  CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) <= 1);
}

TEST_CASE("export: a PNG is W·S × H·S pixels", "[cli][export][png]") {
  const std::string dir = fresh_dir("export-png");
  struct Size {
    std::string w, h, s;
    unsigned pw, ph;
  };
  for (const Size& s : {Size{"800", "450", "2", 1600, 900}, Size{"1000", "600", "1.5", 1500, 900}}) {
    const std::string out = dir + "/c-" + s.w + ".png";
    const RunResult r = run_indtrack(
        export_args("capacity", out, {"--width", s.w, "--height", s.h, "--scale", s.s}), kGpuEnv);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(png_size(read_file(out)) == std::pair<unsigned, unsigned>{s.pw, s.ph});
  }
  // The default: 1600 × 900 at scale 2.
  const RunResult r = run_indtrack(export_args("status", dir + "/status.png"), kGpuEnv);
  REQUIRE(r.exit_code == 0);
  CHECK(png_size(read_file(dir + "/status.png")) == std::pair<unsigned, unsigned>{3200, 1800});
  CHECK(r.out.find("3200×1800") != std::string::npos);
}

TEST_CASE(
    "export: an image taller than its scene by a rounded-up row shows background there, not another strip",
    "[cli][export][png]") {
  // The slide preset at 200 dpi: 13.5 cm is 1062.99 image rows, so the last row is partly below the
  // scene. Strips of the image are painted on reused surfaces; that row once kept text from a
  // strip painted before it.
  const std::string dir = fresh_dir("export-last-row");
  for (const std::string kind : {"timeline", "capacity", "status"}) {
    const std::string out = dir + "/" + kind + ".png";
    const RunResult r = run_indtrack(export_args(kind, out, {"--preset", "slide"}), kGpuEnv);
    INFO(kind << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    const Pixels p = decode_png(out);
    REQUIRE(p.height > 0);
    int marked = 0;
    for (int x = 0; x < p.width; ++x) {
      const unsigned char* px = p.at(x, p.height - 1);
      marked += px[0] < 250 || px[1] < 250 || px[2] < 250;
    }
    CHECK(marked == 0);
  }
}

TEST_CASE("export --preset: sizes in cm at the preset's dpi, said in pHYs; the report pack is Word's column",
          "[cli][export][png]") {
  const std::string dir = fresh_dir("export-preset");
  const RunResult r = run_indtrack(export_args("capacity", dir + "/word.png", {"--preset", "word"}), kGpuEnv);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string png = read_file(dir + "/word.png");
  CHECK(png_size(png) == std::pair<unsigned, unsigned>{1891, 1181});  // 16 × 10 cm at 300 dpi
  // pHYs follows IHDR: 11811 pixels per metre in x and y = 300 dpi.
  REQUIRE(png.compare(37, 4, "pHYs") == 0);
  CHECK(png.compare(41, 8, std::string("\0\0\x2e\x23\0\0\x2e\x23", 8)) == 0);
  // --width after a preset changes its size (the type stays in points).
  const RunResult wide = run_indtrack(
      export_args("capacity", dir + "/wide.png", {"--preset", "slide", "--width", "1200"}), kGpuEnv);
  REQUIRE(wide.exit_code == 0);
  CHECK(png_size(read_file(dir + "/wide.png")).first == 2500);  // 1200 px at 200 dpi
  const RunResult bad = run_indtrack(export_args("capacity", dir + "/x.png", {"--preset", "A4"}));
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--preset must be word, page, slide or square") != std::string::npos);
  const RunResult help = run_indtrack({"export", "--help"});
  CHECK(help.out.find("1 pt = 4/3 px") != std::string::npos);
  // The report pack without a size: Word's column.
  const RunResult pack =
      run_indtrack({"report", "--out", dir + "/pack", "--data", kSpecial, "--as-of", kAsOf}, kGpuEnv);
  INFO(pack.err);
  REQUIRE(pack.exit_code == 0);
  CHECK(png_size(read_file(dir + "/pack/capacity.png")).first == 1891);
}

TEST_CASE("export: the SVG is well-formed XML with the title, every legend label and one element per item",
          "[cli][export][svg]") {
  const std::string dir = fresh_dir("export-svg");
  {
    const RunResult r = run_indtrack(export_args("capacity", dir + "/capacity.svg"));
    REQUIRE(r.exit_code == 0);
    const Svg svg = parse_svg(read_file(dir + "/capacity.svg"));
    INFO(svg.error);
    REQUIRE(svg.well_formed);
    // The headline states the plotted figure (10 + 8 operating on 2024-06-30).
    CHECK(has_text(svg, "截至2024-06-30，乌海BDO已投产产能18万吨/年"));
    // Legend: both companies (one with every XML special character), expected (solid, actual,
    // needs no entry).
    CHECK(has_text(svg, "A&B<\"甲\">'"));
    CHECK(has_text(svg, "普通化工"));
    CHECK(has_text(svg, "预计"));
    // One step marker per plotted step: the three rows of the CSV.
    CHECK(items_of_kind(svg, "capacity_step") == std::set<std::string>{"0 0", "0 1", "1 0"});
  }
  {
    // --title replaces the headline; the rest of the chart stays.
    const RunResult r =
        run_indtrack(export_args("capacity", dir + "/titled.svg", {"--title", "给报告用的标题"}));
    REQUIRE(r.exit_code == 0);
    const Svg svg = parse_svg(read_file(dir + "/titled.svg"));
    CHECK(has_text(svg, "给报告用的标题"));
    CHECK_FALSE(has_text(svg, "截至2024-06-30，乌海BDO已投产产能18万吨/年"));
    CHECK(has_text(svg, "普通化工"));
  }
  {
    const RunResult r = run_indtrack(export_args("investment", dir + "/investment.svg"));
    REQUIRE(r.exit_code == 0);
    const Svg svg = parse_svg(read_file(dir + "/investment.svg"));
    REQUIRE(svg.well_formed);
    CHECK(has_text(svg, "截至2024-06-30，乌海项目总投资28.5亿元（2个项目）"));
    CHECK(hits_of_kind(svg, "investment_bar") >= 2);
    CHECK(items_of_kind(svg, "investment_bar") == std::set<std::string>{"0 0", "1 0"});  // a total bar each
  }
  {
    const RunResult r = run_indtrack(export_args("timeline", dir + "/timeline.svg"));
    REQUIRE(r.exit_code == 0);
    const Svg svg = parse_svg(read_file(dir + "/timeline.svg"));
    REQUIRE(svg.well_formed);
    // One segment per span of the status engine and every milestone: as in the CSV. The first
    // project is under construction, operating, then partly operating once its second line is
    // reported under construction; the second under construction, then operating.
    CHECK(items_of_kind(svg, "timeline_segment") == std::set<std::string>{"0 0", "0 1", "0 2", "1 0", "1 1"});
    CHECK(items_of_kind(svg, "timeline_milestone").size() == 7);
    CHECK(has_text(svg, "东&区"));  // the group header
  }
  for (const char* chart : {"status", "slippage"}) {
    const std::string out = dir + "/" + chart + ".svg";
    REQUIRE(run_indtrack(export_args(chart, out)).exit_code == 0);
    const Svg svg = parse_svg(read_file(out));
    INFO(chart << ": " << svg.error);
    CHECK(svg.well_formed);
    CHECK(svg.elements.at("text") > 5);
  }
}

TEST_CASE("export: the CSV holds exactly the plotted points, with a BOM and quoted cells",
          "[cli][export][csv]") {
  const std::string dir = fresh_dir("export-csv");
  REQUIRE(run_indtrack(export_args("capacity", dir + "/capacity.csv")).exit_code == 0);
  const std::string csv = read_file(dir + "/capacity.csv");
  REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  const std::vector<std::string> lines = csv_lines(csv.substr(3));
  const std::vector<std::string> expected = {
      "type,series,label,status,date,precision,plotted_on,change,level,unit,stack_total",
      // Line 1 happened on 2023-04-15 (its earlier expectation of 2022-06 is superseded).
      "step,\"A&B<\"\"甲\"\">'\",\"A&B<\"\"甲\"\">' · 项目 <一期> & \"\"二期\"\" 'x' · 线 <1> & "
      "\"\"甲\"\"\",actual,2023-04-15,day,"
      "2023-04-15,10,10,万吨/年,10",
      // A month-only date is drawn on the 16th.
      "step,普通化工,普通化工 · 普通BDO项目 · BDO装置,actual,2024-03,month,2024-03-16,8,8,万吨/年,18",
      // An expected year-only date: 2 July, stacked above the actual capacity.
      "step,\"A&B<\"\"甲\"\">'\",\"A&B<\"\"甲\"\">' · 项目 <一期> & \"\"二期\"\" 'x' · 线 "
      "<2>\",expected,2025,year,"
      "2025-07-02,5,5,万吨/年,23",
      // The column by status on the as-of day: a row per line, its category, basis, capacity and
      // the category's total. Line 2 is under construction, expected in 2025.
      "by_status,operating,\"A&B<\"\"甲\"\">' · 项目 <一期> & \"\"二期\"\" 'x' · 线 <1> & "
      "\"\"甲\"\"\",stated,"
      "2024-06-30,day,2024-06-30,,10,万吨/年,18",
      "by_status,operating,普通化工 · 普通BDO项目 · BDO装置,stated,2024-06-30,day,2024-06-30,,8,万吨/年,18",
      "by_status,construction,\"A&B<\"\"甲\"\">' · 项目 <一期> & \"\"二期\"\" 'x' · 线 <2>\",stated,"
      "2024-06-30,day,2024-06-30,,5,万吨/年,5",
  };
  CHECK(lines == expected);

  REQUIRE(run_indtrack(export_args("investment", dir + "/investment.csv")).exit_code == 0);
  CHECK(csv_lines(read_file(dir + "/investment.csv").substr(3)) ==
        std::vector<std::string>{
            "label,total,completed,approximate,total_bound,completed_approximate,completed_bound,unit",
            "\"A&B<\"\"甲\"\">' · 项目 <一期> & \"\"二期\"\" 'x'\",20,,no,exact,no,exact,亿元",
            "普通化工 · 普通BDO项目,8.5,,no,exact,no,exact,亿元"});
  REQUIRE(run_indtrack(export_args("status", dir + "/status.csv")).exit_code == 0);
  CHECK(csv_lines(read_file(dir + "/status.csv").substr(3)) ==
        std::vector<std::string>{"年份,在建 (个),投产 (个),合计 (个)", "2021,1,0,1", "2022,2,0,2",
                                 "2023,1,1,2", "2024,0,2,2"});
  // English: the same numbers, English labels.
  REQUIRE(run_indtrack(export_args("status", dir + "/status-en.csv", {"--lang", "en"})).exit_code == 0);
  CHECK(csv_lines(read_file(dir + "/status-en.csv").substr(3)).at(0) ==
        "year,under construction (projects),operating (projects),total (projects)");
}

TEST_CASE("export: names with < > & \" ' survive PNG, SVG and CSV", "[cli][export]") {
  const std::string dir = fresh_dir("export-special");
  REQUIRE(run_indtrack(export_args("timeline", dir + "/t.svg", {"--lang", "en"})).exit_code == 0);
  const std::string raw = read_file(dir + "/t.svg");
  CHECK(raw.find("A&amp;B &lt;Chemicals&gt; &quot;Alpha&quot; &apos;Ltd&apos;") != std::string::npos);
  const Svg svg = parse_svg(raw);
  REQUIRE(svg.well_formed);
  CHECK(has_text(svg, "East <&> 'District'"));
  REQUIRE(run_indtrack(export_args("timeline", dir + "/t.csv", {"--lang", "en"})).exit_code == 0);
  CHECK(read_file(dir + "/t.csv")
            .find("\"A&B <Chemicals> \"\"Alpha\"\" 'Ltd' · Project <I> & \"\"II\"\" 'x'\"") !=
        std::string::npos);
  const RunResult png =
      run_indtrack(export_args("timeline", dir + "/t.png", {"--lang", "en", "--scale", "1"}), kGpuEnv);
  INFO(png.err);
  CHECK(png.exit_code == 0);
  CHECK(png_size(read_file(dir + "/t.png")).first == 1600);
}

TEST_CASE("export: the same input gives byte-identical SVG and CSV", "[cli][export]") {
  const std::string dir = fresh_dir("export-determinism");
  for (const char* chart : {"capacity", "timeline", "investment", "status", "slippage"}) {
    for (const char* ext : {".svg", ".csv"}) {
      const std::string a = dir + "/" + chart + "-a" + ext, b = dir + "/" + chart + "-b" + ext;
      REQUIRE(run_indtrack(export_args(chart, a)).exit_code == 0);
      REQUIRE(run_indtrack(export_args(chart, b)).exit_code == 0);
      INFO(chart << ext);
      CHECK(read_file(a) == read_file(b));
      CHECK(read_file(a).size() > 90);
    }
  }
}

TEST_CASE("export: a filter that leaves nothing exports a \"no data\" chart, not an error", "[cli][export]") {
  const std::string dir = fresh_dir("export-empty");
  for (const char* chart : {"capacity", "timeline", "investment", "status", "slippage"}) {
    const RunResult r =
        run_indtrack(export_args(chart, dir + "/" + chart + ".svg", {"--search", "不存在的项目"}));
    INFO(chart << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("no data for this filter") != std::string::npos);
    const Svg svg = parse_svg(read_file(dir + "/" + chart + ".svg"));
    REQUIRE(svg.well_formed);
    // The chart says what it has no data of and names the filter (slippage: the generic words).
    const std::string_view opening =
        std::string_view(chart) == "slippage" ? "当前筛选条件下没有数据" : "没有";
    bool said = false;
    for (const std::string& t : svg.texts) said = said || t.rfind(opening, 0) == 0;
    CHECK(said);
    if (std::string_view(chart) != "slippage") {
      std::string all;
      for (const std::string& t : svg.texts) all += t;
      CHECK(all.find("当前筛选为") != std::string::npos);
    }
  }
  REQUIRE(run_indtrack(export_args("capacity", dir + "/empty.csv", {"--search", "不存在的项目"})).exit_code ==
          0);
  CHECK(csv_lines(read_file(dir + "/empty.csv").substr(3)).size() == 1);  // the header only
  const RunResult png =
      run_indtrack(export_args("capacity", dir + "/empty.png", {"--search", "不存在的项目"}), kGpuEnv);
  CHECK(png.exit_code == 0);
  CHECK(png_size(read_file(dir + "/empty.png")).first == 3200);
}

TEST_CASE("report: every chart, the project table, index.html and README.md", "[cli][report]") {
  const std::string parent = fresh_dir("report");
  const std::string dir = parent + "/pack";  // created by the verb
  const RunResult r =
      run_indtrack({"report", "--out", dir, "--data", kSpecial, "--as-of", kAsOf, "--scale", "1"}, kGpuEnv);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const char* chart : {"capacity", "timeline", "investment", "status", "slippage"})
    for (const char* ext : {".png", ".svg", ".csv"}) {
      INFO(chart << ext);
      CHECK(std::filesystem::file_size(dir + "/" + chart + ext) > 90);
    }
  CHECK(png_size(read_file(dir + "/capacity.png")) == std::pair<unsigned, unsigned>{1600, 900});
  const std::string projects = read_file(dir + "/projects.csv");
  CHECK(projects.rfind("\xEF\xBB\xBFid,name,", 0) == 0);
  CHECK(csv_lines(projects.substr(3)).size() == 3);  // header and two projects
  const std::string html = read_file(dir + "/index.html");
  CHECK(html.find("<img src=\"capacity.png\"") != std::string::npos);
  CHECK(html.find("href=\"slippage.csv\"") != std::string::npos);
  CHECK(html.find("截至 2024-06-30") != std::string::npos);                      // the filter in words
  CHECK(html.find("Wire &lt;&amp;&gt; &quot;News&quot;") != std::string::npos);  // the sources, escaped
  CHECK(html.find("项目：2") != std::string::npos);                              // a KPI
  CHECK(html.find("按期") != std::string::npos);                                 // plan versus actual
  const std::string md = read_file(dir + "/README.md");
  CHECK(md.find("![截至2024-06-30，乌海BDO已投产产能18万吨/年](capacity.png)") != std::string::npos);
  CHECK(md.find("Wire \\<\\&\\> \"News\"") != std::string::npos);  // & too: "&amp;" stays as written

  // Into a file, or under a missing directory: exit 1 with the reason.
  RunResult bad = run_indtrack({"report", "--out", dir + "/index.html", "--data", kSpecial, "--no-png"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("is a file, not a directory") != std::string::npos);
  bad = run_indtrack({"report", "--out", parent + "/no/such/dir", "--data", kSpecial, "--no-png"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("does not exist") != std::string::npos);
  bad = run_indtrack({"report", "--data", kSpecial});
  CHECK(bad.exit_code == 2);
}

TEST_CASE("export: a PDF is the PNG's picture as vectors, with its text and subset fonts embedded",
          "[cli][export][pdf]") {
  const std::string dir = fresh_dir("export-pdf");
  for (const char* chart : {"capacity", "timeline", "investment", "status", "slippage"}) {
    INFO(chart);
    const std::string png = dir + "/" + chart + ".png", pdf = dir + "/" + chart + ".pdf";
    RunResult r = run_indtrack(
        export_args(chart, png, {"--width", "1200", "--height", "675", "--scale", "1"}), kGpuEnv);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    r = run_indtrack(export_args(chart, pdf, {"--width", "1200", "--height", "675"}), kGpuEnv);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(pdf).rfind("%PDF-", 0) == 0);
    // One page of 1200 × 675 CSS pixels: 900 × 506.25 points.
    const std::string info = poppler("pdfinfo " + pdf);
    CHECK(info.find("Pages:           1") != std::string::npos);
    CHECK(info.find("Page size:       900 x 506.25 pts") != std::string::npos);
    // Every font is embedded, as a subset.
    const std::string fonts = poppler("pdffonts " + pdf);
    CHECK(fonts.find(" yes yes ") != std::string::npos);
    CHECK(fonts.find(" no ") == std::string::npos);
    // The text is text: the title, the legend's company names, the footer's source.
    const std::string text = poppler("pdftotext -layout " + pdf + " -");
    CHECK(text.find("截至 2024-06-30") != std::string::npos);
    if (std::string(chart) == "timeline") CHECK(text.find("普通化工") != std::string::npos);
    // Rasterised at 96 dpi (one pixel per CSS pixel), the page is the PNG's picture: the two
    // painters' anti-aliasing may differ at edges, the layout may not. A pixel differs when no
    // pixel of the page within one pixel of it is alike (thin hatch lines fall on either side).
    poppler("pdftoppm -png -r 96 -singlefile " + pdf + " " + dir + "/" + chart + "-page");
    const Pixels a = decode_png(png), b = decode_png(dir + "/" + chart + "-page.png");
    REQUIRE(a.width == 1200);
    REQUIRE(b.width == a.width);
    REQUIRE(b.height == a.height);
    int differ = 0, ink = 0;
    for (int y = 0; y < a.height; ++y)
      for (int x = 0; x < a.width; ++x) {
        const unsigned char* p = a.at(x, y);
        ink += p[0] < 200 || p[1] < 200 || p[2] < 200;
        bool alike = false;
        for (int dy = -1; dy <= 1 && !alike; ++dy)
          for (int dx = -1; dx <= 1 && !alike; ++dx) {
            const int qx = x + dx, qy = y + dy;
            if (qx < 0 || qy < 0 || qx >= b.width || qy >= b.height) continue;
            const unsigned char* q = b.at(qx, qy);
            alike = std::max({std::abs(p[0] - q[0]), std::abs(p[1] - q[1]), std::abs(p[2] - q[2])}) <= 64;
          }
        differ += !alike;
      }
    INFO(differ << " of " << a.width * a.height << " pixels differ; " << ink << " inked");
    CHECK(ink > 5000);
    CHECK(differ < a.width * a.height / 100);
  }
}

TEST_CASE("export: --svg-text outlines draws glyphs as shapes; the default SVG keeps live text",
          "[cli][export][svg]") {
  const std::string dir = fresh_dir("export-svg-outlines");
  RunResult r = run_indtrack(export_args("capacity", dir + "/o.svg", {"--svg-text", "outlines"}), kGpuEnv);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string outlined = read_file(dir + "/o.svg");
  Svg svg = parse_svg(outlined);
  INFO(svg.error);
  CHECK(svg.well_formed);
  CHECK(svg.elements.count("text") == 0);
  CHECK(svg.elements["path"] > 50);  // glyph outlines and the chart's shapes
  r = run_indtrack(export_args("capacity", dir + "/l.svg"));
  REQUIRE(r.exit_code == 0);
  CHECK(parse_svg(read_file(dir + "/l.svg")).elements["text"] > 10);
  r = run_indtrack(export_args("capacity", dir + "/x.svg", {"--svg-text", "glyphs"}));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--svg-text must be live or outlines") != std::string::npos);
}

TEST_CASE("export: a character outside the bundled font comes from a system font; one no font has is named",
          "[cli][export][fonts]") {
  const std::string dir = fresh_dir("export-rare");
  // 龘 (U+9F98) is not in the bundled GB2312 subset; 𠀀 (U+20000, CJK Extension B) is in no font
  // installed by scripts/setup.
  std::string json = read_file(kSpecial);
  for (std::size_t at; (at = json.find("普通化工")) != std::string::npos;) json.replace(at, 12, "龘𠀀化工");
  const std::string data = dir + "/rare.json";
  write_file(data, json);
  const RunResult r = run_indtrack(
      {"export", "--chart", "timeline", "--out", dir + "/t.pdf", "--data", data, "--as-of", kAsOf}, kGpuEnv);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("U+20000") != std::string::npos);  // the warning names the character
  const std::string text = poppler("pdftotext " + dir + "/t.pdf -");
  CHECK(text.find("龘") != std::string::npos);
  const std::string fonts = poppler("pdffonts " + dir + "/t.pdf");
  CHECK(fonts.find(" no ") == std::string::npos);  // the fallback font is embedded too
}

TEST_CASE("report --format pdf: a title page, every chart, the project table and the sources",
          "[cli][report][pdf]") {
  const std::string dir = fresh_dir("report-pdf");
  const std::string pdf = dir + "/报告.pdf";
  const RunResult r = run_indtrack(
      {"report", "--format", "pdf", "--out", pdf, "--data", kSpecial, "--as-of", kAsOf}, kGpuEnv);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string info = poppler("pdfinfo " + indtrack::shell_quote(pdf));
  CHECK(info.find("Pages:           8") != std::string::npos);  // title, 5 charts, table, sources
  const std::string text = poppler("pdftotext " + indtrack::shell_quote(pdf) + " -");
  CHECK(text.find("乌海产业项目报告") != std::string::npos);
  CHECK(text.find("截至：2024-06-30") != std::string::npos);
  CHECK(text.find("乌海BDO已投产产能18万吨/年") != std::string::npos);
  CHECK(text.find("项目表") != std::string::npos);
  CHECK(text.find("Wire <&> \"News\"") != std::string::npos);  // a source
  const RunResult bad =
      run_indtrack({"report", "--format", "pdf", "--out", dir + "/x.html", "--data", kSpecial});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("must end in .pdf") != std::string::npos);
  const RunResult missing =
      run_indtrack({"report", "--format", "pdf", "--out", dir + "/no/x.pdf", "--data", kSpecial});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("does not exist") != std::string::npos);
}

TEST_CASE("export and report load no EGL or Mesa driver", "[cli][export][headless]") {
  // The dynamic loader lists every library it initialises: a GL driver would show up here.
  const std::string dir = fresh_dir("export-no-gl");
  for (const char* out : {"c.png", "c.pdf", "c.svg"}) {
    const RunResult r =
        run_indtrack(export_args("capacity", dir + "/" + out, {"--svg-text", "outlines"}), "LD_DEBUG=libs");
    INFO(out);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("calling init") != std::string::npos);  // LD_DEBUG did report
    CHECK(r.err.find("libEGL_mesa") == std::string::npos);
    CHECK(r.err.find("_dri.so") == std::string::npos);
    CHECK(r.err.find("libGLX") == std::string::npos);
  }
  const RunResult r =
      run_indtrack({"report", "--out", dir + "/pack", "--data", kSpecial, "--scale", "1"}, "LD_DEBUG=libs");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("libEGL_mesa") == std::string::npos);
  CHECK(r.err.find("_dri.so") == std::string::npos);
}
