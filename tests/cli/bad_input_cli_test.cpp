// The bad-input catalogue (docs/reliability.md) through the executable: unknown verbs and flags,
// flags without values, bad dates and names, paths that are directories, FIFOs or missing, and
// output that cannot be written. Each case checks the exit code and the exact message.
#include <catch2/catch_test_macros.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

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

TEST_CASE("extract: a directory, a FIFO, /dev/zero and a missing file are refused with the reason",
          "[cli][bad]") {
  const std::string fifo = make_fifo("article.fifo");
  // `timeout` turns a hang (reading a FIFO or /dev/zero) into a failed test instead of a stuck suite.
  const auto r =
      run_indtrack({"extract", INDTRACK_TEST_TMP, fifo, "/dev/zero", "/nonexistent/a.txt"}, "timeout 20");
  CHECK(r.exit_code == 1);
  CHECK(r.err == std::string("indtrack extract: cannot read ") + INDTRACK_TEST_TMP +
                     ": is a directory, not a file\n" + "indtrack extract: cannot read " + fifo +
                     ": is not a regular file\n" +
                     "indtrack extract: cannot read /dev/zero: is not a regular file\n" +
                     "indtrack extract: cannot read /nonexistent/a.txt: No such file or directory\n");
  CHECK(r.out == "{\n  \"facts\": []\n}\n");
  std::remove(fifo.c_str());
}

TEST_CASE("extract: GBK, UTF-16 and binary files are refused with the reason and exit status 1",
          "[cli][bad]") {
  const std::string gbk = tmp_path("article-gbk.txt");
  indtrack::test::write_file(gbk,
                             "\xBB\xAA\xBA\xE3\xC4\xEA\xB2\xFA"
                             "10\xCD\xF2\xB6\xD6"
                             "BDO\xA1\xA3");  // 华恒年产10万吨BDO。
  const std::string utf16 = tmp_path("article-utf16.txt");
  indtrack::test::write_file(utf16, std::string("\xFF\xFE\x4E\x53\x52\x60", 6));  // BOM 华恒
  const std::string utf16_no_bom = tmp_path("article-utf16le.txt");
  std::string le;
  for (const char c : std::string("The plant makes 100000 t/a of BDO since 2022."))
    le += std::string{c, '\0'};
  indtrack::test::write_file(utf16_no_bom, le);
  const std::string random = tmp_path("article-random.bin");
  std::string junk(4096, '\0');
  unsigned state = 12345;  // a fixed sequence of bytes
  for (char& c : junk) c = static_cast<char>((state = state * 1103515245u + 12345u) >> 16);
  indtrack::test::write_file(random, junk);
  const std::string good = tmp_path("article-good.txt");
  indtrack::test::write_file(good, "示例化工年产10万吨BDO项目总投资30亿元。\n");

  const auto r =
      run_indtrack({"extract", gbk, utf16, utf16_no_bom, random, good, "--article-date", "2024-01-01"});
  CHECK(r.exit_code == 1);
  std::vector<std::string> lines;
  for (std::size_t begin = 0, end; (end = r.err.find('\n', begin)) != std::string::npos; begin = end + 1)
    lines.push_back(r.err.substr(begin, end - begin));
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "indtrack extract: " + gbk +
                        " is not UTF-8 text (binary data, or a legacy encoding such as GBK): 14 invalid or "
                        "control bytes, the first at line 1, column 1; re-save it as UTF-8");
  CHECK(lines[1] == "indtrack extract: " + utf16 +
                        " is UTF-16 (byte-order mark); indtrack reads UTF-8: convert it first, e.g. iconv -f "
                        "UTF-16 -t UTF-8");
  CHECK(lines[2].find(" looks like UTF-16 without a byte-order mark") != std::string::npos);
  CHECK(lines[3].starts_with("indtrack extract: " + random + " is not UTF-8 text (binary data"));
  // The good file is still read.
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["facts"].size() == 2);
}

TEST_CASE("flags: unknown options, missing values, bad dates, unknown names and formats are usage errors",
          "[cli][bad]") {
  struct Case {
    std::vector<std::string> args;
    std::string first_line;  // of stderr
  };
  const std::vector<Case> cases = {
      {{"validate", "--frobnicate", "x.json"}, "indtrack validate: unknown option --frobnicate"},
      {{"format"}, "indtrack format: no FILE given"},
      {{"format", "a.json", "b.json"}, "indtrack format: unexpected argument b.json"},
      {{"list", "--bogus"}, "indtrack list: unknown option --bogus (see indtrack list --help)"},
      {{"list", "--data"}, "indtrack list: --data needs a value"},
      {{"list", "--data", kExample, "--district"}, "indtrack list: --district needs a value (see --help)"},
      {{"list", "--data", kExample, "--format"}, "indtrack list: --format needs a value"},
      {{"list", "--data", kExample, "--format", "xml"},
       "indtrack list: --format must be table, csv or json, not \"xml\""},
      {{"list", "--data", kExample, "--lang", "fr"}, "indtrack list: --lang must be zh or en, not \"fr\""},
      {{"list", "--data", kExample, "--from", "2024-02-30"},
       "indtrack list: --from: \"2024-02-30\" is not a date: February 2024 has 29 days"},
      {{"list", "--data", kExample, "--as-of", "tomorrow"},
       "indtrack list: --as-of: \"tomorrow\" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"},
      {{"list", "--data", kExample, "--as-of", "0000"},
       "indtrack list: --as-of: \"0000\" is not a date: year 0000 does not exist"},
      {{"list", "--data", kExample, "--to", "2024-00"},
       "indtrack list: --to: \"2024-00\" is not a date: month 0 is not 01..12"},
      {{"list", "--data", kExample, "--from", "2025", "--to", "2024"},
       "indtrack list: --to 2024 is before --from 2025"},
      {{"list", "--data", kExample, "--status", "running"},
       "indtrack list: unknown status \"running\"; valid statuses: announced (规划), signed (签约), "
       "construction (在建), "
       "trial (试生产), operating (投产), shelved (停滞), cancelled (取消)"},
      {{"list", "--data", kExample, "--company", "不存在"},
       "indtrack list: unknown company \"不存在\"; valid companies: 示例集团, 示例新材料, 示例能源"},
      {{"list", "--data", kExample, "--park=nowhere"},
       "indtrack list: unknown park \"nowhere\"; valid parks: 示例化工园 (Example Chemical Park)"},
      {{"list", "--data", kExample, "--district="},
       "indtrack list: unknown district \"\"; valid districts: 东区 (East District), 西区 (West District)"},
      {{"extract"}, "indtrack extract: no FILE given"},
      {{"extract", "--article-date"}, "indtrack extract: --article-date needs a value"},
      {{"extract", "x.txt", "--article-date", "2023-13-01"},
       "indtrack extract: --article-date: \"2023-13-01\" is not a date: month 13 is not 01..12"},
      {{"extract", "x.txt", "--format", "csv"}, "indtrack extract: --format must be json or table, not csv"},
      {{"extract", "--bogus", "x.txt"}, "indtrack extract: unknown option --bogus"},
  };
  for (const Case& c : cases) {
    std::string command;
    for (const std::string& a : c.args) command += " " + a;
    INFO("indtrack" << command);
    const auto r = run_indtrack(c.args);
    CHECK(r.exit_code == 2);
    CHECK(r.err.substr(0, r.err.find('\n')) == c.first_line);
    CHECK(r.out.empty());
  }
}

TEST_CASE("paths: a directory, a FIFO, a dangling link or a missing file as the dataset", "[cli][bad]") {
  const std::string fifo = make_fifo("dataset.fifo");
  const std::string dangling = tmp_path("dangling.json");
  std::remove(dangling.c_str());
  REQUIRE(::symlink("no-such-file.json", dangling.c_str()) == 0);
  const auto r =
      run_indtrack({"validate", INDTRACK_TEST_TMP, fifo, dangling, "/nonexistent/x.json"}, "timeout 20");
  CHECK(r.exit_code == 1);
  CHECK(r.out == std::string(INDTRACK_TEST_TMP) +
                     ": error: cannot open the dataset: is a directory, not a file\n" + fifo +
                     ": error: cannot open the dataset: is not a regular file\n" + dangling +
                     ": error: cannot open the dataset: No such file or directory\n" +
                     "/nonexistent/x.json: error: cannot open the dataset: No such file or directory\n");
  const auto listed = run_indtrack({"list", "--data", fifo}, "timeout 20");
  CHECK(listed.exit_code == 1);
  CHECK(listed.err == fifo +
                          ": error: cannot open the dataset: is not a regular file\n"
                          "indtrack list: " +
                          fifo + " has errors; nothing done\n");
  const auto formatted = run_indtrack({"format", INDTRACK_TEST_TMP});
  CHECK(formatted.exit_code == 1);
  CHECK(formatted.err.find("is a directory, not a file") != std::string::npos);
  std::remove(fifo.c_str());
  std::remove(dangling.c_str());
}

TEST_CASE("output that cannot be written (a full disk) is an error, not success", "[cli][bad]") {
  for (const char* format : {"table", "csv", "json"}) {
    INFO(format);
    const std::string err_file = tmp_path("full-disk.err");
    const std::string command = std::string(INDTRACK_EXE) + " list --data " + kExample + " --format " +
                                format + " >/dev/full 2>" + err_file;
    const int status = std::system(command.c_str());
    CHECK(WEXITSTATUS(status) == 1);
    CHECK(read_file(err_file) == "indtrack list: cannot write the output: No space left on device\n");
  }
}

TEST_CASE("an unknown verb or top-level option is a usage error, not the dashboard", "[cli][bad]") {
  for (const char* word : {"frobnicate", "--frobnicate"}) {
    INFO(word);
    const auto r = run_indtrack({word}, "timeout 20");
    CHECK(r.exit_code == 2);
    CHECK(r.err.substr(0, r.err.find('\n')) == "indtrack: unknown option \"" + std::string(word) + "\"");
  }
}
