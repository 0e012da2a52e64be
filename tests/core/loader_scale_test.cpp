// The loader's fast paths give exactly the results of the simple ones: projects read on two
// threads, quotes verified article by article on two threads, the file's text released after
// parsing and read again for line numbers, simdjson's depth limit standing in for the nesting scan.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "core/substring_index.h"
#include "core/text.h"
#include "io/dataset_io.h"
#include "test_support.h"

using namespace indtrack;
using indtrack::test::tmp_path;
using indtrack::test::write_file;

namespace {

std::string formatted(const std::vector<Problem>& problems) {
  std::string out;
  for (const Problem& p : problems) out += p.format() + "\n";
  return out;
}

std::string quote_of(int i) { return "第" + std::to_string(i) + "号项目年产1万吨"; }

// One project per line, so a problem's line is its project's. Project i cites article "a"
// (even i) or "b" (odd i); `replaced_lines` rewrites chosen projects' lines.
struct ScaleFile {
  int first_project_line = 0;
  std::vector<std::string> lines;

  ScaleFile(int projects, const std::vector<std::pair<int, std::string>>& replaced_lines) {
    lines.push_back(R"({"schema_version": 1, "name": "规模测试",)");
    lines.push_back(
        R"("sources": [{"id": "a", "kind": "article", "publisher": "报", "title": "甲", "date": "2024-01-02", "file": "scale-a.txt"},)");
    lines.push_back(
        R"({"id": "b", "kind": "article", "publisher": "报", "title": "乙", "date": "2024-01-02", "file": "scale-b.txt"}],)");
    lines.push_back(
        R"("districts": [], "products": [{"id": "BDO", "name": "1,4-丁二醇"}], "companies": [{"id": "c", "name": "公司"}],)");
    lines.push_back(R"("projects": [)");
    first_project_line = static_cast<int>(lines.size()) + 1;
    for (int i = 0; i < projects; ++i)
      lines.push_back(project_line(i, "u" + std::to_string(i), "BDO", quote_of(i)));
    for (const auto& [index, line] : replaced_lines) lines[first_project_line - 1 + index] = line;
    for (int i = 0; i + 1 < projects; ++i) lines[first_project_line - 1 + i] += ",";
    lines.push_back("]}");
  }

  static std::string project_line(int i, const std::string& unit_id, const std::string& product,
                                  const std::string& quote, const std::string& extra = "") {
    return R"({"id": "p)" + std::to_string(i) + R"(", "name": "项目)" + std::to_string(i) +
           R"(", "company": "c", )" + extra + R"("units": [{"id": ")" + unit_id +
           R"(", "name": "一号线", "product": ")" + product +
           R"(", "capacity": {"value": 1, "unit": "万吨/年", "source": ")" + (i % 2 ? "b" : "a") +
           R"(", "quote": ")" + quote + R"("}}]})";
  }

  std::string text() const {
    std::string out;
    for (const std::string& l : lines) out += l + "\n";
    return out;
  }

  // "FILE:LINE:COL" of the first `needle` on project i's line (columns count code points).
  std::string at(const std::string& file, int project, const std::string& needle) const {
    const std::string& line = lines[first_project_line - 1 + project];
    const std::size_t byte = line.find(needle);
    REQUIRE(byte != std::string::npos);
    int column = 1;
    for (std::size_t k = 0; k < byte; ++k) column += (static_cast<unsigned char>(line[k]) & 0xC0) != 0x80;
    return file + ":" + std::to_string(first_project_line + project) + ":" + std::to_string(column);
  }
};

// The article texts: every quote, hard-wrapped inside, plus ~600 KB of filler each, so the
// quote check takes its two-thread path.
// Each test case writes its articles into its own folder: CTest runs the cases as parallel
// processes, and one case rewriting another's article mid-load made the check flaky.
void write_articles(const std::string& dir, int projects) {
  for (const char* name : {"a", "b"}) {
    std::string text;
    for (int i = (name[0] == 'a' ? 0 : 1); i < projects; i += 2) {
      const std::string q = quote_of(i);
      text += q.substr(0, 3) + "\n" + q.substr(3) + "。";  // after 第 (3 bytes)
    }
    for (int k = 0; k < 200000; ++k) text += "。";
    write_file(dir + "/scale-" + name + ".txt", text);
  }
}

std::string case_dir(const std::string& name) {
  const std::string dir = tmp_path("scale-" + name);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("a file large enough for two threads gives every problem, in file order, with the right indices",
          "[io][scale][threads]") {
  constexpr int kProjects = 3000;  // above the two-thread threshold; the halves meet at 1500
  const std::string dir = case_dir("problems");
  write_articles(dir, kProjects);
  const ScaleFile file(
      kProjects,
      {
          {3, ScaleFile::project_line(3, "u3", "BDO", "这句话不在文章里")},
          {4, ScaleFile::project_line(4, "u4", "BDO", "这一句也不在文章里")},
          {10, "42"},
          {20, ScaleFile::project_line(20, "dup", "BDO", quote_of(20))},
          {1499, ScaleFile::project_line(1499, "dup2", "BDO", quote_of(1499))},
          {1500, ScaleFile::project_line(1500, "dup2", "BDO", quote_of(1500))},
          {2000, ScaleFile::project_line(2000, "u2000", "BDO", quote_of(2000), R"("mystery": [1, 2], )")},
          {2001, ScaleFile::project_line(2001, "u2001", "NOPE", quote_of(2001))},
          {2500, ScaleFile::project_line(2500, "dup", "BDO", quote_of(2500))},
          {2600, ScaleFile::project_line(2600, "dup", "BDO", quote_of(2600))},
      });
  const std::string path = dir + "/scale.json";
  write_file(path, file.text());

  // Project 10 is not an object, so from project 11 on model indices are one less than the
  // file's: messages that name another project use the model's, paths the file's.
  const std::string expected =
      file.at(path, 3, "\"这句") +
      ": error: projects[3].units[0].capacity.quote: quote not found in the text of source \"b\" "
      "(scale-b.txt): \"这句话不在文章里\"\n" +
      file.at(path, 4, "\"这一") +
      ": error: projects[4].units[0].capacity.quote: quote not found in the text of source \"a\" "
      "(scale-a.txt): \"这一句也不在文章里\"\n" +
      file.at(path, 10, "42") + ": error: projects[10]: expected an object, got number 42\n" +
      file.at(path, 1500, "\"dup2\"") +
      ": error: projects[1500].units[0].id: duplicate unit id \"dup2\" (also projects[1498].units[0])\n" +
      file.at(path, 2000, "[1, 2]") +
      ": warning: projects[2000].mystery: unknown field \"mystery\" (kept as is)\n" +
      file.at(path, 2001, "\"NOPE\"") +
      ": error: projects[2001].units[0].product: unknown product \"NOPE\" (known: BDO)\n" +
      file.at(path, 2500, "\"dup\"") +
      ": error: projects[2500].units[0].id: duplicate unit id \"dup\" (also projects[19].units[0])\n" +
      file.at(path, 2600, "\"dup\"") +
      ": error: projects[2600].units[0].id: duplicate unit id \"dup\" (also projects[19].units[0])\n";

  for (JsonParser parser : {JsonParser::Simdjson, JsonParser::Nlohmann}) {
    INFO((parser == JsonParser::Simdjson ? "simdjson" : "nlohmann"));
    LoadOptions options;
    options.parser = parser;
    const LoadResult from_file = load_dataset(path, options);  // text released, read again
    CHECK(formatted(from_file.problems) == expected);
    const LoadResult from_memory = parse_dataset(file.text(), path, dir, options);  // text kept
    CHECK(formatted(from_memory.problems) == expected);
    CHECK_FALSE(from_file.ok());
  }
}

TEST_CASE("both parsers build the same large dataset on two threads as the order of the file says",
          "[io][scale][threads]") {
  constexpr int kProjects = 2500;
  const std::string dir = case_dir("valid");
  write_articles(dir, kProjects);
  const std::string path = dir + "/scale-valid.json";
  write_file(path, ScaleFile(kProjects, {}).text());
  LoadOptions nl;
  nl.parser = JsonParser::Nlohmann;
  const LoadResult a = load_dataset(path);
  const LoadResult b = load_dataset(path, nl);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a.problems.empty());
  REQUIRE(a.dataset->projects.size() == kProjects);
  for (int i : {0, 1249, 1250, 2499}) {
    CHECK(a.dataset->projects[i].id == "p" + std::to_string(i));
    CHECK(a.dataset->projects[i].units[0].capacity[0].evidence.quote == quote_of(i));
  }
  CHECK(serialize_dataset(*a.dataset) == serialize_dataset(*b.dataset));
}

TEST_CASE("problems lose their positions rather than get wrong ones when the file changes during the load",
          "[io][scale]") {
  constexpr int kProjects = 1100;  // the progress callback runs after 1024 projects
  const std::string dir = case_dir("changing");
  write_articles(dir, kProjects);
  const std::string path = dir + "/scale-changing.json";
  const ScaleFile file(kProjects, {{5, ScaleFile::project_line(5, "u5", "NOPE", quote_of(5))}});
  write_file(path, file.text());
  LoadOptions options;
  options.progress = [&](float) {
    write_file(path, "\n\n" + file.text());  // an editor saved a new version meanwhile
    return true;
  };
  const LoadResult r = load_dataset(path, options);
  CHECK(formatted(r.problems) ==
        path + ": error: projects[5].units[0].product: unknown product \"NOPE\" (known: BDO)\n");
}

TEST_CASE("simdjson's depth limit matches the nesting check: 64 levels parse, 65 are refused", "[io][bad]") {
  for (JsonParser parser : {JsonParser::Simdjson, JsonParser::Nlohmann}) {
    INFO((parser == JsonParser::Simdjson ? "simdjson" : "nlohmann"));
    LoadOptions options;
    options.parser = parser;
    const std::string deep64 = std::string(64, '[') + std::string(64, ']');
    CHECK(formatted(parse_dataset(deep64, "d.json", ".", options).problems) ==
          "d.json: error: expected the dataset to be a JSON object, got an array\n");
    const std::string deep65 = std::string(65, '[') + std::string(65, ']');
    CHECK(formatted(parse_dataset(deep65, "d.json", ".", options).problems) ==
          "d.json:1:65: error: nesting deeper than 64 levels: this is not a dataset file\n");
    // A syntax error after the excess nesting still reports the nesting, as before.
    CHECK(formatted(parse_dataset(deep65 + " x", "d.json", ".", options).problems) ==
          "d.json:1:65: error: nesting deeper than 64 levels: this is not a dataset file\n");
  }
}

namespace {

// The reference: decode code point by code point and drop the whitespace ones.
std::string remove_whitespace_by_decoding(std::string_view text) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    if (!is_space_code_point(next_code_point(text, pos))) out.append(text.substr(start, pos - start));
  }
  return out;
}

}  // namespace

TEST_CASE("whitespace removal on bytes removes exactly what decoding removes", "[text]") {
  const std::vector<std::string> samples = {"年产 10 万吨\n的BDO",
                                            "\xE3\x80\x80全角空格\xE3\x80\x80",
                                            "不换行\xC2\xA0空格",
                                            "\xEF\xBB\xBF带BOM",
                                            "顿号、句号。引号「」",
                                            "，逗号",
                                            "\t\r\n\f\v",
                                            "",
                                            "截断\xE3\x80",
                                            "截断\xC2",
                                            "坏字节\xFF\xE3\x80\x80后",
                                            "续字节\x80\xA0\xC2\xA0",
                                            "\xE5\xE3\x80\x80",
                                            "\xEF\xBB",
                                            "\xF0\x9F\x98\x80 表情"};
  for (const std::string& s : samples) {
    INFO(s);
    CHECK(remove_whitespace(s) == remove_whitespace_by_decoding(s));
  }
  // Every space kind, and CJK punctuation sharing their lead bytes, at every offset in longer text.
  for (const char* space :
       {" ", "\n", "\xE3\x80\x80", "\xC2\xA0", "\xEF\xBB\xBF", "\xE3\x80\x81", "\xEF\xBC\x8C"})
    for (int lead = 0; lead < 17; ++lead) {
      const std::string s = std::string(static_cast<std::size_t>(lead), 'a') + "乌海市" + space + "年产BDO" +
                            space + "万吨项目建设";
      INFO(s);
      CHECK(remove_whitespace(s) == remove_whitespace_by_decoding(s));
    }
  std::string reused = "previous content";
  remove_whitespace("a b", reused);
  CHECK(reused == "ab");
}

TEST_CASE("the substring index finds every substring at a character start and nothing else", "[text]") {
  std::string text;
  for (int i = 0; i < 300; ++i)
    text += "第" + std::to_string(i) + "号项目年产" + std::to_string(i % 7) + "万吨，";
  const SubstringIndex index(text);
  std::vector<std::size_t> starts;
  for (std::size_t pos = 0; pos < text.size();) {
    starts.push_back(pos);
    next_code_point(text, pos);
  }
  for (std::size_t a = 0; a < starts.size(); a += 7) {
    for (std::size_t len : {1, 3, 11, 12, 13, 40, 100}) {
      if (starts[a] + len > text.size()) continue;
      CHECK(index.contains(std::string_view(text).substr(starts[a], len)));
    }
  }
  CHECK(index.contains(""));
  CHECK(index.contains(text));
  CHECK_FALSE(index.contains("第300号项目"));
  CHECK_FALSE(index.contains("第12号项目年产6万吨"));  // 12 % 7 = 5
  CHECK_FALSE(index.contains(text + "x"));
  CHECK_FALSE(index.contains("年产9万吨"));  // shorter than the hashed window: the scan path
}
