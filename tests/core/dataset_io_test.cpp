#include <catch2/catch_test_macros.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "io/dataset_io.h"
#include "io/file_io.h"
#include "test_support.h"

using namespace indtrack;
using indtrack::test::data_path;
using indtrack::test::read_file;
using indtrack::test::tmp_path;

namespace {

std::string formatted(const std::vector<Problem>& problems) {
  std::string out;
  for (const Problem& p : problems) out += p.format() + "\n";
  return out;
}

std::vector<std::string> bad_catalogue() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(data_path("bad"))) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 9 && name.compare(name.size() - 9, 9, ".expected") == 0)
      names.push_back(name.substr(0, name.size() - 9));
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("every file of the bad-file catalogue gives exactly its expected message", "[io][bad]") {
  const auto names = bad_catalogue();
  REQUIRE(names.size() >= 28);
  for (const std::string& name : names) {
    // Tests run from the source tree, so messages name the file as a user would type it.
    const std::string relative = "tests/data/bad/" + name;
    const std::string expected = read_file(data_path("bad/" + name + ".expected"));
    for (JsonParser parser : {JsonParser::Simdjson, JsonParser::Nlohmann}) {
      INFO(name << (parser == JsonParser::Simdjson ? " (simdjson)" : " (nlohmann)"));
      LoadOptions options;
      options.parser = parser;
      const LoadResult r = load_dataset(relative, options);
      CHECK(formatted(r.problems) == expected);
      CHECK(r.ok() == !has_errors(r.problems));
    }
  }
}

TEST_CASE("the example dataset loads with its facts converted to canonical units", "[io]") {
  const LoadResult r = load_dataset(data_path("example/example.json"));
  REQUIRE(r.ok());
  CHECK(r.problems.empty());
  const Dataset& d = *r.dataset;
  REQUIRE(d.projects.size() == 2);
  const Project& bdo = d.projects[0];
  CHECK(bdo.id == "example-bdo");
  CHECK(d.companies[bdo.company].short_name == "示例新材料");
  CHECK(d.companies[d.companies[bdo.company].parent].id == "example-group");
  REQUIRE(bdo.units.size() == 2);
  CHECK(bdo.units[0].capacity[0].amount.canonical == 50000.0);  // 5万吨/年 in t/a
  CHECK(bdo.units[0].capacity[0].evidence.basis == Basis::Inferred);
  CHECK(bdo.investments[0].amount.canonical == 28.5e8);
  CHECK(bdo.investments[0].amount.approximate);
  CHECK(bdo.investments[1].scope == InvestmentScope::Completed);
  const Milestone& line2 = bdo.units[1].milestones[0];
  CHECK(line2.expected);
  CHECK(line2.date.to_string() == "2024-06");
  CHECK(line2.date.precision == DatePrecision::Month);
  CHECK(reported_date(d, line2)->to_string() == "2024-03-15");
  CHECK(d.sources[0].text.find("示例新材料有限公司") != std::string::npos);
  const DistrictOfProject district = district_of(d, bdo);
  CHECK(d.districts[district.district].name == "东区");
  CHECK(district.from_park);
  CHECK(district.basis == Basis::Inferred);
  REQUIRE(d.aggregates.size() == 1);
  CHECK(d.aggregates[0].amount.bound == AggregateBound::AtLeast);
  CHECK(d.aggregates[0].amount.canonical == 200000.0);
}

TEST_CASE("both JSON parsers build the same dataset", "[io]") {
  LoadOptions nl;
  nl.parser = JsonParser::Nlohmann;
  const LoadResult a = load_dataset(data_path("example/example.json"));
  const LoadResult b = load_dataset(data_path("example/example.json"), nl);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(serialize_dataset(*a.dataset) == serialize_dataset(*b.dataset));
}

TEST_CASE("load then save of a canonical file is byte-identical", "[io][save]") {
  for (const char* file : {"example/example.json"}) {
    INFO(file);
    const std::string original = read_file(data_path(file));
    const LoadResult r = load_dataset(data_path(file));
    REQUIRE(r.ok());
    CHECK(serialize_dataset(*r.dataset) == original);
  }
}

TEST_CASE("unknown fields survive a load-save round trip", "[io][save]") {
  const std::string text = R"({"schema_version": 1, "name": "x", "future_top": [1, 2],
    "sources": [{"id": "s", "kind": "reference", "publisher": "p", "title": "t", "date": "2024", "url": "https://example.com/s", "x_src": true}],
    "districts": [{"id": "d", "name": "东区", "x_district": {"b": 1, "a": 2}}],
    "projects": [{"id": "p", "name": "项目", "company_rating": "AAA",
      "park_hint": null,
      "units": [{"id": "u", "name": "线", "product_code": 7, "product": "BDO",
                 "capacity": {"value": 1, "unit": "万吨/年", "source": "s", "quote": "q", "confidence": 0.9}}]}],
    "products": [{"id": "BDO", "name": "BDO"}]})";
  const LoadResult r = parse_dataset(text, "mem.json", ".");
  REQUIRE(r.ok());
  const auto unknown_warnings = std::count_if(r.problems.begin(), r.problems.end(), [](const Problem& p) {
    return p.severity == Problem::Severity::Warning && p.message.rfind("unknown field", 0) == 0;
  });
  CHECK(unknown_warnings == 7);
  const std::string saved = serialize_dataset(*r.dataset);
  for (const char* key :
       {"\"future_top\"", "\"x_src\": true", "\"x_district\"", "\"company_rating\": \"AAA\"",
        "\"park_hint\": null", "\"product_code\": 7", "\"confidence\": 0.9"})
    CHECK(saved.find(key) != std::string::npos);
  // Saved again, the canonical text is stable.
  const LoadResult again = parse_dataset(saved, "mem.json", ".");
  REQUIRE(again.ok());
  CHECK(serialize_dataset(*again.dataset) == saved);
}

TEST_CASE("provenance, bounds, scopes, stated totals and facilities load and save canonically",
          "[io][save]") {
  // Written out of canonical order on purpose: saving puts every field in its documented place.
  const std::string text = R"({"schema_version": 1, "name": "x", "description_en": "An example.",
    "sources": [
      {"id": "s", "kind": "reference", "publisher": "乌海日报", "via": "内蒙古社区报", "title": "t",
       "date": "2022", "url": "https://example.com/s", "date_basis": "据正文推断", "date_basis_en": "from the text",
       "notes": "全文未取得。", "notes_en": "The full text could not be obtained."}],
    "districts": [], "products": [{"id": "BDO", "name": "1,4-丁二醇"}],
    "projects": [{"id": "p", "name": "项目", "notes_en": "In English.", "notes": "中文。",
      "totals": [{"source": "s", "quote": "BDO产能将达到38万多吨", "expected": true, "as_of": "2024",
                  "product": "BDO", "value": 38, "unit": "万吨/年", "bound": "more_than", "phase": "一期"}],
      "milestones": [{"kind": "commissioning", "date": "2023-10", "expected": true, "phase": "一期",
                      "product": "BDO", "source": "s", "quote": "项目一期预计将在10月投产",
                      "basis": "inferred", "note_en": "year from the article date", "note": "年份据报道日期"}],
      "status_reports": [{"status": "operating", "product": "BDO", "source": "s", "quote": "已建成投产"}],
      "units": [
        {"id": "u", "name": "一期", "product": "BDO", "phase": "一期",
         "capacity": {"value": 38, "unit": "万吨/年", "source": "s", "quote": "BDO产能将达到38万吨"}},
        {"id": "power", "name": "动力站", "notes": "无产品：设施。", "notes_en": "No product: a facility.",
         "milestones": [{"kind": "completion", "date": "2023-02", "expected": true, "source": "s", "quote": "动力站预计2月投用"}]}]}]})";
  const LoadResult r = parse_dataset(text, "mem.json", ".");
  std::string problems;
  for (const Problem& p : r.problems) problems += p.format() + "\n";
  INFO(problems);
  REQUIRE(r.ok());
  CHECK(r.problems.empty());
  const Dataset& d = *r.dataset;
  CHECK(d.description_en == "An example.");
  const Source& s = d.sources[0];
  CHECK(s.via == "内蒙古社区报");
  CHECK(s.date_basis_en == "from the text");
  CHECK(s.notes_en == "The full text could not be obtained.");
  const Project& p = d.projects[0];
  CHECK(p.notes_en == "In English.");
  REQUIRE(p.totals.size() == 1);
  CHECK(p.totals[0].product == d.find_product("BDO"));
  CHECK(p.totals[0].amount.bound == AggregateBound::MoreThan);
  CHECK(p.totals[0].amount.canonical == 380000.0);
  CHECK(p.totals[0].expected);
  CHECK(p.totals[0].as_of == Date::of_year(2024));
  CHECK(p.totals[0].phase == "一期");
  REQUIRE(p.milestones.size() == 1);
  CHECK(p.milestones[0].scope.product == d.find_product("BDO"));
  CHECK(p.milestones[0].scope.phase == "一期");
  CHECK(p.milestones[0].evidence.note_en == "year from the article date");
  CHECK(p.status_reports[0].scope.product == d.find_product("BDO"));
  REQUIRE(p.units.size() == 2);
  CHECK(p.units[1].product == -1);  // a facility
  CHECK(p.units[1].notes_en == "No product: a facility.");

  const std::string saved = serialize_dataset(d);
  // Chinese before English; scope after the date fields, before the evidence.
  const auto at = [&](const char* key) { return saved.find(key); };
  CHECK(at("\"via\"") < at("\"title\""));
  CHECK(at("\"notes\": \"全文未取得。\"") < at("\"notes_en\": \"The full text"));
  CHECK(at("\"product\": \"BDO\",\n          \"phase\": \"一期\"") != std::string::npos);
  CHECK(at("\"bound\": \"more_than\"") != std::string::npos);
  CHECK(at("\"note\": \"年份据报道日期\"") < at("\"note_en\""));
  const LoadResult again = parse_dataset(saved, "mem.json", ".");
  REQUIRE(again.ok());
  CHECK(serialize_dataset(*again.dataset) == saved);
}

TEST_CASE("saving is atomic and keeps the previous file as .bak", "[io][save]") {
  const std::string path = tmp_path("atomic-save.json");
  const LoadResult r = load_dataset(data_path("example/example.json"));
  REQUIRE(r.ok());
  indtrack::test::write_file(path, "old contents\n");
  const SaveResult saved = save_dataset(*r.dataset, path);
  REQUIRE(saved.ok);
  CHECK(read_file(path) == serialize_dataset(*r.dataset));
  CHECK(read_file(path + ".bak") == "old contents\n");
}

TEST_CASE("a write that fails half-way leaves the old file intact and says why", "[io][save]") {
  const std::string path = tmp_path("failing-save.json");
  indtrack::test::write_file(path, "precious\n");
  Dataset d;
  d.name = "x";
  d.projects.resize(20000);  // large enough to need several write chunks
  for (std::size_t i = 0; i < d.projects.size(); ++i) {
    d.projects[i].id = "p" + std::to_string(i);
    d.projects[i].name = std::string(100, 'n');
  }
  int chunks = 0;
  set_write_fault_hook([&](std::size_t) { return ++chunks < 2; });  // the second chunk fails
  const SaveResult saved = save_dataset(d, path);
  set_write_fault_hook(nullptr);
  CHECK_FALSE(saved.ok);
  CHECK(saved.error == "cannot write " + path + ": No space left on device");
  CHECK(read_file(path) == "precious\n");
  // No temporary file is left behind.
  int leftovers = 0;
  for (const auto& entry : std::filesystem::directory_iterator(INDTRACK_TEST_TMP))
    if (entry.path().filename().string().rfind("failing-save.json.tmp", 0) == 0) ++leftovers;
  CHECK(leftovers == 0);
}

TEST_CASE("saving into a missing directory is a clear error", "[io][save]") {
  Dataset d;
  const SaveResult saved = save_dataset(d, tmp_path("no/such/dir/x.json"));
  CHECK_FALSE(saved.ok);
  CHECK(saved.error.find("does not exist") != std::string::npos);
}

TEST_CASE("a 100 MB file is refused quickly with a clear message", "[io][bad][large]") {
  const std::string path = tmp_path("100mb.json");
  {
    std::string big;
    big.reserve(100u << 20);
    big += '"';
    big.append((100u << 20) - 2, 'x');
    big += '"';
    indtrack::test::write_file(path, big);
  }
  const LoadResult r = load_dataset(path);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].format() == path + ": error: expected the dataset to be a JSON object, got string \"" +
                                      std::string(40, 'x') + "\xE2\x80\xA6\"");
  std::filesystem::remove(path);
}

TEST_CASE("a file above the 1 GiB limit is refused without reading it", "[io][bad][large]") {
  const std::string path = tmp_path("sparse-2g.json");
  const int fd = ::open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(::ftruncate(fd, 2048L << 20) == 0);  // sparse: no disk used
  ::close(fd);
  const LoadResult r = load_dataset(path);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].format() ==
        path + ": error: cannot open the dataset: is too large (2048 MB; the limit is 1024 MB)");
  std::filesystem::remove(path);
}

TEST_CASE("loading can be cancelled through the progress callback", "[io]") {
  std::string text = R"({"schema_version": 1, "name": "x", "sources": [], "districts": [], "projects": [)";
  for (int i = 0; i < 5000; ++i)
    text +=
        std::string(i ? "," : "") + R"({"id": "p)" + std::to_string(i) + R"(", "name": "n", "company": "c"})";
  text += R"(], "companies": [{"id": "c", "name": "公司"}]})";
  float last = 0;
  LoadOptions options;
  options.progress = [&](float f) {
    last = f;
    return f < 0.3f;
  };
  const LoadResult r = parse_dataset(text, "big.json", ".", options);
  CHECK_FALSE(r.ok());
  CHECK(last >= 0.3f);
  CHECK(formatted(r.problems).find("loading was cancelled") != std::string::npos);
}

TEST_CASE("progress rises through parsing, building and checking, and each phase can cancel", "[io]") {
  const std::string path = data_path("example/example.json");
  std::vector<float> seen;
  LoadOptions options;
  options.progress = [&](float f) {
    seen.push_back(f);
    return true;
  };
  REQUIRE(load_dataset(path, options).ok());
  REQUIRE(seen.size() >= 2);
  CHECK(std::is_sorted(seen.begin(), seen.end()));
  CHECK(seen.front() == 0.1f);                                     // read
  CHECK(std::find(seen.begin(), seen.end(), 0.3f) != seen.end());  // parsed
  CHECK(seen.back() == 0.8f);                                      // built; the checks follow
  for (const float stop_at : {0.1f, 0.3f, 0.8f}) {
    LoadOptions cancelling;
    cancelling.progress = [&](float f) { return f < stop_at; };
    const LoadResult r = load_dataset(path, cancelling);
    INFO(stop_at);
    CHECK_FALSE(r.ok());
    CHECK(formatted(r.problems) == path + ": error: loading was cancelled\n");
  }
}

// Found by fuzz_dataset (tests/data/fuzz-regressions/fuzz_dataset/integer-beyond-64-bits): simdjson
// refused an integer beyond 64 bits that nlohmann read as a double, so the parsers disagreed.
TEST_CASE("an integer beyond 64 bits reads the same with both parsers", "[io][bad][fuzz]") {
  const std::string text = read_file(data_path("fuzz-regressions/fuzz_dataset/integer-beyond-64-bits"));
  for (JsonParser parser : {JsonParser::Simdjson, JsonParser::Nlohmann}) {
    LoadOptions options;
    options.parser = parser;
    CHECK(formatted(parse_dataset(text, "n.json", ".", options).problems) ==
          "n.json: error: expected the dataset to be a JSON object, got number 1.0113333333333334e+118\n");
  }
}

TEST_CASE("saving through a symbolic link replaces the file it points to and keeps the link",
          "[io][save][bad]") {
  const std::string real = tmp_path("linked-real.json");
  const std::string link = tmp_path("linked-link.json");
  std::remove(link.c_str());
  std::remove((real + ".bak").c_str());
  indtrack::test::write_file(real, "old\n");
  REQUIRE(::symlink(real.c_str(), link.c_str()) == 0);
  const LoadResult r = load_dataset(data_path("example/example.json"));
  REQUIRE(r.ok());
  REQUIRE(save_dataset(*r.dataset, link).ok);
  CHECK(std::filesystem::is_symlink(link));
  CHECK(read_file(real) == serialize_dataset(*r.dataset));
  CHECK(read_file(real + ".bak") == "old\n");

  std::remove(link.c_str());
  REQUIRE(::symlink(tmp_path("no-such-target/x.json").c_str(), link.c_str()) == 0);
  const SaveResult dangling = save_dataset(*r.dataset, link);
  CHECK_FALSE(dangling.ok);
  CHECK(dangling.error == "cannot write " + link +
                              ": it is a symbolic link that cannot be followed: No such file or directory");
  std::remove(link.c_str());
}

TEST_CASE("saving keeps the file's permissions", "[io][save]") {
  const std::string path = tmp_path("private.json");
  indtrack::test::write_file(path, "old\n");
  REQUIRE(::chmod(path.c_str(), 0600) == 0);
  const LoadResult r = load_dataset(data_path("example/example.json"));
  REQUIRE(r.ok());
  REQUIRE(save_dataset(*r.dataset, path).ok);
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);
}

TEST_CASE("saving where nothing can be created is a clear error and creates nothing", "[io][save][bad]") {
  Dataset d;
  d.name = "x";
  // /proc refuses new files even to root, so this holds for any user running the tests.
  const SaveResult in_proc = save_dataset(d, "/proc/indtrack-test.json");
  CHECK_FALSE(in_proc.ok);
  CHECK(in_proc.error.rfind("cannot write /proc/indtrack-test.json: ", 0) == 0);
  // A path "under" a regular file.
  const std::string file = tmp_path("plain-file");
  indtrack::test::write_file(file, "x");
  const SaveResult under_file = save_dataset(d, file + "/x.json");
  CHECK_FALSE(under_file.ok);
  CHECK(under_file.error == "cannot write " + file + "/x.json: " + file + " is a file, not a directory");
  // A directory.
  const SaveResult dir = save_dataset(d, INDTRACK_TEST_TMP);
  CHECK(dir.error == std::string("cannot write ") + INDTRACK_TEST_TMP + ": it is a directory");
}

TEST_CASE("article texts that are a directory, a FIFO, GBK or UTF-16 are refused with the reason",
          "[io][bad]") {
  namespace fs = std::filesystem;
  const fs::path dir = tmp_path("articles-bad");
  fs::remove_all(dir);
  fs::create_directories(dir / "sources" / "a-directory.txt");
  REQUIRE(::mkfifo((dir / "sources" / "a.fifo").c_str(), 0644) == 0);
  indtrack::test::write_file(dir / "sources" / "gbk.txt",
                             "\xBB\xAA\xBA\xE3\xC4\xEA\xB2\xFA");  // 华恒年产 in GBK
  indtrack::test::write_file(dir / "sources" / "utf16.txt", std::string("\xFF\xFE\x4E\x53\x52\x60", 6));
  // One source per line, so each problem's line:column is easy to state.
  const char* files[] = {"a-directory.txt", "a.fifo", "gbk.txt", "utf16.txt"};
  std::string json =
      "{\"schema_version\": 1, \"name\": \"x\", \"districts\": [], \"projects\": [], \"sources\": [\n";
  for (int i = 0; i < 4; ++i)
    json += std::string(i ? ",\n" : "") + R"({"id": "s)" + std::to_string(i) +
            R"(", "kind": "article", "publisher": "p", "title": "t", "date": "2024", "file": "sources/)" +
            files[i] + "\"}";
  json += "]}\n";
  const std::size_t column =
      std::string(
          R"({"id": "s0", "kind": "article", "publisher": "p", "title": "t", "date": "2024", "file": )")
          .size() +
      1;
  indtrack::test::write_file(dir / "d.json", json);
  const std::string d = (dir / "d.json").string();
  const std::string s = (dir / "sources").string();
  const LoadResult r = load_dataset(d);  // must not block on the FIFO
  CHECK_FALSE(r.ok());
  const std::string at = ":" + std::to_string(column) + ": error: sources[";
  CHECK(formatted(r.problems) ==
        d + ":2" + at + "0].file: cannot read the article text " + s +
            "/a-directory.txt: is a directory, not a file\n" + d + ":3" + at +
            "1].file: cannot read the article text " + s + "/a.fifo: is not a regular file\n" + d + ":4" +
            at + "2].file: the article text " + s + "/gbk.txt is not valid UTF-8 (line 1, column 1)\n" + d +
            ":5" + at + "3].file: the article text " + s +
            "/utf16.txt is not valid UTF-8 (line 1, column 1)\n");
  fs::remove_all(dir);
}

TEST_CASE("a link to a directory is refused; a 5 MB line loads", "[io][bad]") {
  const std::string link = tmp_path("link-to-dir.json");
  std::remove(link.c_str());
  REQUIRE(::symlink(INDTRACK_TEST_TMP, link.c_str()) == 0);
  CHECK(formatted(load_dataset(link).problems) ==
        link + ": error: cannot open the dataset: is a directory, not a file\n");
  std::remove(link.c_str());

  std::string text = read_file(data_path("example/example.json"));
  const std::string original = "A small, invented dataset used by the tests and the format documentation.";
  const std::string added = std::string(5'000'000, 'x') + "乌海";  // one line of 5 MB
  text.insert(text.find(original), added);
  const LoadResult r = parse_dataset(text, "long.json", data_path("example"));
  REQUIRE(r.ok());
  CHECK(r.dataset->description == added + original);
}
