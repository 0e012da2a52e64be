// Issue 15 through the executable: outputs that are devices or FIFOs (directly or through a
// link), a `format` of a file open for editing, an empty --data, huge numbers of problems, files
// of zeros, control and bidirectional characters, long names in the table, the report's
// README, an immutable backup, and output that cannot be written with its reason.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "cli_support.h"
#include "io/file_lock.h"

#include <nlohmann/json.hpp>

using namespace indtrack::test;
using Catch::Matchers::ContainsSubstring;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
namespace fs = std::filesystem;

namespace {

const std::string kExample = data_path("example/example.json");

std::string fresh_dir(const std::string& name) {
  const std::string dir = tmp_path(name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// A copy of the example dataset with its article, in its own folder.
std::string example_copy(const std::string& name) {
  const std::string dir = fresh_dir(name);
  fs::create_directories(dir + "/sources");
  fs::copy_file(kExample, dir + "/example.json");
  fs::copy_file(data_path("example/sources/example-2024-03-15.txt"), dir + "/sources/example-2024-03-15.txt");
  return dir + "/example.json";
}

std::string make_fifo(const std::string& path) {
  std::remove(path.c_str());
  REQUIRE(::mkfifo(path.c_str(), 0644) == 0);
  return path;
}

bool is_fifo(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISFIFO(st.st_mode);
}

bool is_char_device(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISCHR(st.st_mode);
}

}  // namespace

TEST_CASE("export and report write regular files only: devices and FIFOs are refused, even through a link",
          "[cli][bad][issue15]") {
  const std::string dir = fresh_dir("outputs-special");
  const std::string fifo = make_fifo(dir + "/chart.svg");
  auto r = run_indtrack({"export", "--data", kExample, "--chart", "status", "--out", fifo}, "timeout 60");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err,
             ContainsSubstring("cannot write " + fifo + ": it is a FIFO (named pipe), not a regular file"));
  CHECK(is_fifo(fifo));  // still a FIFO: not replaced by a file

  // ln -s /dev/null x.svg: as root, replacing it would have replaced the system's /dev/null.
  const std::string link = dir + "/null.csv";
  REQUIRE(::symlink("/dev/null", link.c_str()) == 0);
  r = run_indtrack({"export", "--data", kExample, "--chart", "capacity", "--out", link}, "timeout 60");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err,
             ContainsSubstring("it is a symbolic link to /dev/null, a character device, not a regular file"));
  CHECK(is_char_device("/dev/null"));
  CHECK(fs::is_symlink(link));

  // A report folder that is a FIFO.
  const std::string report = make_fifo(dir + "/report");
  r = run_indtrack({"report", "--data", kExample, "--out", report}, "timeout 60");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, ContainsSubstring("it is a FIFO (named pipe), not a directory"));
  CHECK(is_fifo(report));
}

TEST_CASE("format does not rewrite a file that indtrack has open for editing", "[cli][issue15]") {
  const std::string path = example_copy("format-locked");
  indtrack::test::write_file(path, read_file(path) + "\n");  // not canonical: format would rewrite it
  const std::string before = read_file(path);
  indtrack::FileLock editing;  // as the dashboard holds it
  REQUIRE(editing.acquire(path).outcome == indtrack::FileLock::Outcome::Acquired);
  auto r = run_indtrack({"format", path});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err,
             ContainsSubstring("is open for editing in indtrack (process " + std::to_string(::getpid())));
  CHECK(read_file(path) == before);
  CHECK(run_indtrack({"format", "--check", path}).exit_code == 1);  // looking is still allowed
  editing.release();
  r = run_indtrack({"format", path});
  CHECK(r.exit_code == 0);
  CHECK(read_file(path) != before);
}

TEST_CASE("an empty --data is an error, not the bundled dataset", "[cli][bad][issue15]") {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"list", "--data", ""},
        {"list", "--data="},
        {"extract", "x.txt", "--data", ""},
        {"export", "--chart", "status", "--out", "x.svg", "--data", ""},
        {"report", "--out", "r", "--data="},
        {"screenshot", "--out", "x.png", "--data", ""}}) {
    INFO(args[0]);
    const auto r = run_indtrack(args, "timeout 60");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, ContainsSubstring("--data needs a file name, not an empty string"));
    CHECK(r.out.empty());
  }
  const auto gui = run_indtrack({"--data", ""}, "timeout 20");
  CHECK(gui.exit_code == 2);
  CHECK_THAT(gui.err, ContainsSubstring("--data needs a file name, not an empty string"));
}

TEST_CASE("ten thousand problems are listed up to a thousand, the rest counted", "[cli][bad][issue15]") {
  const std::string path = tmp_path("zeros.json");
  std::string zeros;
  for (int i = 0; i < 100000; ++i) zeros += i ? ",0" : "0";
  write_file(path, R"({"schema_version": 1, "name": "x", "sources": [], "districts": [], "projects": [)" +
                       zeros + "]}\n");
  const auto r = run_indtrack({"validate", path}, "timeout 120");
  CHECK(r.exit_code == 1);
  std::size_t lines = 0;
  for (const char c : r.out + r.err) lines += c == '\n';
  CHECK(lines <= 1003);
  CHECK_THAT(r.out + r.err,
             ContainsSubstring("at least 99000 more problems are not listed (99000 errors, 0 warnings)"));
}

TEST_CASE("a file of zeros is named as such", "[cli][bad][issue15]") {
  const std::string path = tmp_path("zeros-only.json");
  write_file(path, std::string(1, '\0'));
  auto r = run_indtrack({"validate", path});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out + r.err, ContainsSubstring("the file holds nothing but NUL bytes (1)"));
  CHECK_THAT(r.out + r.err, !ContainsSubstring("empty"));
}

TEST_CASE("list --lang en keeps every table column short", "[cli][issue15]") {
  const std::string path = example_copy("long-names");
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(read_file(path));
  for (auto& company : doc["companies"]) {  // every company, every name the table may show
    company["name_en"] = std::string(10000, 'W');
    company["short_name"] = std::string(3000, 'S');
  }
  write_file(path, doc.dump(2) + "\n");
  const auto r = run_indtrack({"list", "--data", path, "--lang", "en"});
  REQUIRE(r.exit_code == 0);
  for (std::size_t start = 0, end; (end = r.out.find('\n', start)) != std::string::npos; start = end + 1)
    CHECK(end - start < 400);
}

TEST_CASE("the report's README reproduces the pack with --data and survives backticks and &amp;",
          "[cli][issue15]") {
  const std::string dir = fresh_dir("report-readme");
  const auto r = run_indtrack(
      {"report", "--data", kExample, "--out", dir + "/pack", "--search", "a`b&amp;c", "--no-png"},
      "timeout 120");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string readme = read_file(dir + "/pack/README.md");
  // The command in a code span fenced by two backticks (one is inside), with --data.
  CHECK_THAT(readme, ContainsSubstring("``indtrack report --out"));
  CHECK_THAT(readme, ContainsSubstring("--data " + kExample));
  CHECK_THAT(readme, ContainsSubstring("--search 'a`b&amp;c'``"));
  // In text, & is escaped so that "&amp;" is shown as written, not as "&".
  CHECK_THAT(readme, ContainsSubstring("\\&amp;"));
}

TEST_CASE("a backup that cannot be replaced says so instead of \"File exists\"", "[cli][bad][issue15]") {
  const std::string path = example_copy("bak-blocked");
  write_file(path, read_file(path) + "\n");
  fs::create_directories(path + ".bak/inside");  // stands in for chattr +i (root ignores permissions)
  const auto r = run_indtrack({"format", path});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, ContainsSubstring("cannot replace the previous backup " + path + ".bak: Is a directory"));
  CHECK_THAT(r.err, !ContainsSubstring("File exists"));
}

TEST_CASE("output that cannot be written says why, however long it was", "[cli][bad][issue15]") {
  // Much more than one buffer of output: the failed write happens long before the end.
  const std::string err_file = tmp_path("full-disk-long.err");
  const std::string command = std::string(INDTRACK_EXE) + " list --data " + std::string(INDTRACK_SOURCE_DIR) +
                              "/data/wuhai.json --format json >/dev/full 2>" + err_file;
  const int status = std::system(command.c_str());
  CHECK(WEXITSTATUS(status) == 1);
  CHECK(read_file(err_file) == "indtrack list: cannot write the output: No space left on device\n");
}

TEST_CASE("huge and denormal amounts: printed as they are, the denormal refused", "[cli][bad][issue15]") {
  const std::string path = example_copy("amounts");
  std::string text = read_file(path);
  const std::size_t value = text.find("\"value\": 5");
  REQUIRE(value != std::string::npos);
  text.replace(value, 10, "\"value\": 1e308");
  const std::size_t second = text.find("\"value\": 5", value);
  REQUIRE(second != std::string::npos);
  text.replace(second, 10, "\"value\": 5e-324");
  write_file(path, text);
  const auto r = run_indtrack({"validate", path});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out + r.err, ContainsSubstring("capacity 1e+308 万吨/年 is absurd"));
  CHECK_THAT(r.out + r.err, ContainsSubstring("got 5e-324, a number too small"));
}

TEST_CASE("C1 controls and bidirectional overrides are refused in text and escaped on output",
          "[cli][bad][issue15]") {
  const std::string path = example_copy("controls");
  std::string text = read_file(path);
  const std::string name = "\"name\": \"年产10万吨/年BDO项目\"";
  const std::size_t at = text.find(name);
  REQUIRE(at != std::string::npos);
  text.replace(at, name.size(), "\"name\": \"年产\u0085BDO\u202E项目\"");
  write_file(path, text);
  const auto r = run_indtrack({"validate", path});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out + r.err, ContainsSubstring("contains the control character U+0085 (character 3)"));
  // The problem line itself shows the characters escaped, never raw.
  CHECK_THAT(r.out + r.err, !ContainsSubstring("\u0085") && !ContainsSubstring("\u202E"));
  // A search text with an override reaches the chart's subtitle only as U+FFFD.
  const std::string dir = fresh_dir("controls-out");
  const auto e = run_indtrack(
      {"export", "--data", kExample, "--chart", "status", "--out", dir + "/s.svg", "--search", "BDO\u202E"},
      "timeout 60");
  REQUIRE(e.exit_code == 0);
  CHECK_THAT(read_file(dir + "/s.svg"), !ContainsSubstring("\u202E"));
}
