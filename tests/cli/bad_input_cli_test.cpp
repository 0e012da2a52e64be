// The bad-input catalogue (docs/reliability.md) through the executable: unknown verbs and flags,
// flags without values, bad dates and names, paths that are directories, FIFOs or missing, and
// output that cannot be written. Each case checks the exit code and the exact message.
#include <catch2/catch_test_macros.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "cli_support.h"

using indtrack::test::data_path;
using indtrack::test::read_file;
using indtrack::test::run_indtrack;
using indtrack::test::tmp_path;

namespace {

const std::string kExample = data_path("example/example.json");

// A FIFO nobody writes to: opening it for reading would block forever.
std::string make_fifo(const std::string& name) {
  const std::string path = tmp_path(name);
  std::remove(path.c_str());
  REQUIRE(::mkfifo(path.c_str(), 0644) == 0);
  return path;
}

}  // namespace

TEST_CASE("extract: a directory, a FIFO, /dev/zero and a missing file are refused with the reason", "[cli][bad]") {
  const std::string fifo = make_fifo("article.fifo");
  // `timeout` turns a hang (reading a FIFO or /dev/zero) into a failed test instead of a stuck suite.
  const auto r = run_indtrack({"extract", INDTRACK_TEST_TMP, fifo, "/dev/zero", "/nonexistent/a.txt"}, "timeout 20");
  CHECK(r.exit_code == 1);
  CHECK(r.err == std::string("indtrack extract: cannot read ") + INDTRACK_TEST_TMP + ": is a directory, not a file\n" +
                     "indtrack extract: cannot read " + fifo + ": is not a regular file\n" +
                     "indtrack extract: cannot read /dev/zero: is not a regular file\n" +
                     "indtrack extract: cannot read /nonexistent/a.txt: No such file or directory\n");
  CHECK(r.out == "{\n  \"facts\": []\n}\n");
  std::remove(fifo.c_str());
}

TEST_CASE("extract: an article in GBK or UTF-16 is named as such instead of giving 0 facts silently", "[cli][bad]") {
  const std::string gbk = tmp_path("article-gbk.txt");
  indtrack::test::write_file(gbk, "\xBB\xAA\xBA\xE3\xC4\xEA\xB2\xFA" "10\xCD\xF2\xB6\xD6" "BDO\xA1\xA3");  // 华恒年产10万吨BDO。
  const std::string utf16 = tmp_path("article-utf16.txt");
  indtrack::test::write_file(utf16, std::string("\xFF\xFE\x4E\x53\x52\x60", 6));  // BOM 华恒
  const auto r = run_indtrack({"extract", gbk, utf16, "--article-date", "2024-01-01"});
  CHECK(r.exit_code == 0);
  CHECK(r.err == gbk + ":1:1: not valid UTF-8 (GBK or another legacy encoding?); the invalid bytes are skipped: "
                       "re-save it as UTF-8\n" +
                     utf16 + ": looks like UTF-16 or UTF-32 (byte-order mark or NUL bytes); indtrack reads UTF-8: "
                             "re-save it as UTF-8\n");
}
