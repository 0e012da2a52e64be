// Issue 15 at the library level: writing only regular files, cleaning up after a killed writer,
// bounded problem lists, files of zeros, huge and denormal numbers, hidden characters.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "chart/svg_writer.h"
#include "core/text.h"
#include "core/units.h"
#include "io/csv_writer.h"
#include "io/dataset_io.h"
#include "io/file_io.h"
#include "test_support.h"

using namespace indtrack;
using Catch::Matchers::ContainsSubstring;
namespace fs = std::filesystem;

namespace {

std::string fresh_dir(const std::string& name) {
  const std::string dir = test::tmp_path(name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// The pid of a process that has exited and been reaped: no process has it (until reused).
pid_t a_dead_pid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  return child;
}

}  // namespace

TEST_CASE("a FIFO, a device or a link to one is never replaced by a written file", "[io][issue15]") {
  const std::string dir = fresh_dir("write-special");
  const std::string fifo = dir + "/out.svg";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  WriteFileResult w = write_file_atomically(fifo, "<svg/>");
  CHECK_FALSE(w.ok);
  CHECK(w.error == "cannot write " + fifo +
                       ": it is a FIFO (named pipe), not a regular file: indtrack writes only "
                       "regular files");
  CHECK(non_regular_kind(fifo) == "a FIFO (named pipe)");

  const std::string link = dir + "/full.csv";
  REQUIRE(::symlink("/dev/null", link.c_str()) == 0);
  w = write_file_atomically(link, "a,b\r\n");
  CHECK_FALSE(w.ok);
  CHECK_THAT(w.error,
             ContainsSubstring("it is a symbolic link to /dev/null, a character device, not a regular file"));
  CHECK(non_regular_kind("/dev/null") == "a character device");
  CHECK(fs::is_symlink(link));
  CHECK(fs::is_fifo(fifo));
  for (const auto& e : fs::directory_iterator(dir))  // and no temporary file left
    CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);

  // A regular file, and a link to one, are written as before.
  CHECK(write_file_atomically(dir + "/plain.txt", "x").ok);
  REQUIRE(::symlink((dir + "/plain.txt").c_str(), (dir + "/link.txt").c_str()) == 0);
  CHECK(write_file_atomically(dir + "/link.txt", "y").ok);
  CHECK(test::read_file(dir + "/plain.txt") == "y");
}

TEST_CASE("temporary files of a writer that was killed are removed on the next write", "[io][issue15]") {
  const std::string dir = fresh_dir("stale-temporaries");
  const std::string path = dir + "/data.json";
  const std::string dead = path + ".tmp-" + std::to_string(a_dead_pid()) + "-123456";
  const std::string alive = path + ".tmp-1-42";  // pid 1 is alive: it may still be writing
  const std::string mine = path + ".tmp-" + std::to_string(::getpid()) + "-7";
  const std::string other_file = dir + "/other.json.tmp-" + std::to_string(a_dead_pid()) + "-1";
  for (const std::string& f : {dead, alive, mine, other_file}) test::write_file(f, std::string(1000, 'x'));
  REQUIRE(write_file_atomically(path, "{}\n").ok);
  CHECK_FALSE(fs::exists(dead));
  CHECK(fs::exists(alive));
  CHECK(fs::exists(mine));
  CHECK(fs::exists(other_file));  // another file's: cleaned when that file is written
  CHECK(test::read_file(path) == "{}\n");
}

TEST_CASE("a file with a hundred thousand problems lists a thousand and counts the rest", "[io][issue15]") {
  for (const char* element : {"0", "{}"}) {
    INFO(element);
    std::string items;
    for (int i = 0; i < 100000; ++i) (items += i ? "," : "") += element;
    const std::string text =
        R"({"schema_version": 1, "name": "x", "sources": [], "districts": [], "projects": [)" + items +
        "]}\n";
    for (const JsonParser parser : {JsonParser::Simdjson, JsonParser::Nlohmann}) {
      LoadOptions options;
      options.parser = parser;
      const LoadResult r = parse_dataset(text, "many.json", ".", options);
      CHECK_FALSE(r.ok());
      REQUIRE(r.problems.size() == kMaxListedProblems + 1);
      const Problem& last = r.problems.back();
      CHECK(last.severity == Problem::Severity::Error);
      CHECK_THAT(last.message, ContainsSubstring("more problems are not listed"));
      CHECK(count_severity(r.problems, Problem::Severity::Error) >= 100000);
      CHECK(r.problems.front().line > 0);  // the listed ones are still located
    }
  }
}

TEST_CASE("a file of zeros is named after reading a few KB, however large", "[io][issue15]") {
  const std::string dir = fresh_dir("zero-files");
  const std::string one = dir + "/one.json";
  test::write_file(one, std::string(1, '\0'));
  LoadResult r = load_dataset(one);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].message ==
        "the file holds nothing but NUL bytes (1): it was zero-filled, as a crash or an interrupted copy can "
        "leave a file; restore it from " +
            one + ".bak or a backup");
  // 1 GiB of zeros, sparse: reading it all took 15 s and 1 GB before.
  const std::string big = dir + "/big.json";
  const int fd = ::open(big.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(::ftruncate(fd, std::int64_t(1) << 30) == 0);
  ::close(fd);
  r = load_dataset(big);
  REQUIRE(r.problems.size() == 1);
  CHECK_THAT(r.problems[0].message, ContainsSubstring("the file starts with 4096 NUL bytes (of 1073741824)"));
  fs::remove(big);
  // In memory too (parse_dataset), as "NUL bytes", not "empty".
  r = parse_dataset(std::string(10, '\0'), "z.json", ".");
  REQUIRE(r.problems.size() == 1);
  CHECK_THAT(r.problems[0].message, ContainsSubstring("nothing but NUL bytes (10)"));
}

TEST_CASE("numbers far beyond the usual range are printed as they are", "[core][issue15]") {
  CHECK(format_number(1e308, 4) == "1e+308");
  CHECK(format_number(-2.5e20, 2) == "-2.5e+20");
  CHECK(format_number(123456789012345678901234567890.0, 4) == "1.2345678901234568e+29");
  CHECK(format_number(0.004, 2) == "0");  // below the decimals shown: 0, as charts want
  CHECK(format_exact(5e-324) == "5e-324");
  CHECK(format_exact(0.1) == "0.1");
  CHECK(format_number(123456.789, 2) == "123456.79");
  CHECK(format_number(0, 4) == "0");
}

TEST_CASE("hidden controls: C1 and bidirectional overrides are found, replaced and escaped",
          "[core][issue15]") {
  CHECK(is_hidden_control(0x85));
  CHECK(is_hidden_control(0x9B));
  CHECK(is_hidden_control(0x202E));
  CHECK(is_hidden_control(0x2066));
  CHECK(is_hidden_control(0x1B));
  CHECK_FALSE(is_hidden_control('\t'));
  CHECK_FALSE(is_hidden_control(0x200E));  // a left-to-right mark only marks; it reorders nothing
  CHECK_FALSE(is_hidden_control(U'乌'));
  CHECK(replace_hidden_controls("a\u202Eb\xC2\x85"
                                "c\xFF") == "a\uFFFDb\uFFFDc\xFF");  // invalid bytes kept
  CHECK(escape_hidden_controls("a\u202Eb\n", false) == "a\\u202Eb\n");
  CHECK(escape_hidden_controls("a\u202Eb\n", true) == "a\\u202Eb\\u000A");
  CHECK(csv_cell("名\u202E称") == "名\uFFFD称");
  CHECK(chart::escape_xml("名\u202E称\u0085") == "名\uFFFD称\uFFFD");
  Problem p;
  p.file = "f.json";
  p.message = "unknown field \"x\u202Ey\"";
  CHECK(p.format() == "f.json: error: unknown field \"x\\u202Ey\"");
}
