// CSV export cells: RFC 4180 quoting and neutralising of cells a spreadsheet would run as formulas.
#include <catch2/catch_test_macros.hpp>

#include "io/csv_writer.h"

using namespace indtrack;

TEST_CASE("CSV cells are quoted only when they hold a comma, quote or line break", "[io][csv]") {
  CHECK(csv_cell("示例新材料") == "示例新材料");
  CHECK(csv_cell("") == "");
  CHECK(csv_cell("a,b") == "\"a,b\"");
  CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_cell("line\nbreak") == "\"line\nbreak\"");
  CHECK(csv_row({"id", "1,5", ""}) == "id,\"1,5\",\r\n");
}

TEST_CASE("CSV cells a spreadsheet would run as a formula get a leading apostrophe", "[io][csv]") {
  CHECK(csv_cell("=1+2") == "'=1+2");
  CHECK(csv_cell("+86 138") == "'+86 138");
  CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_cell("-") == "'-");
  CHECK(csv_cell("\t=cmd") == "'\t=cmd");
  CHECK(csv_cell("-1e5") == "'-1e5");
  CHECK(csv_cell("-inf") == "'-inf");
  // plain numbers stay numbers
  CHECK(csv_cell("-3.5") == "-3.5");
  CHECK(csv_cell("+12") == "+12");
  CHECK(csv_cell("-.5") == "-.5");
}

// Found by fuzz_csv (tests/data/fuzz-regressions/fuzz_csv/cr-before-number): strtod skips leading
// whitespace, so "\r\n138" counted as a plain number and kept its leading CR unneutralised.
// fuzz_replay_test.cpp replays the input itself.
TEST_CASE("a cell starting with CR or tab before a number is neutralised", "[io][csv][fuzz]") {
  CHECK(csv_cell("\r\n138") == "\"'\r\n138\"");
  CHECK(csv_cell("\t42") == "'\t42");
}
