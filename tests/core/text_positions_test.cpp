// Line and column of a byte offset, as problems print them: columns count code points; LF, CRLF
// and a lone CR (old Mac files) each end a line.
#include <catch2/catch_test_macros.hpp>

#include "core/text.h"

using namespace indtrack;

namespace {
std::pair<int, int> at(std::string_view text, std::size_t offset) {
  const TextPosition p = position_of_offset(text, offset);
  return {p.line, p.column};
}
}  // namespace

TEST_CASE("positions count lines at LF and columns in code points", "[text]") {
  const std::string text = "ab\n乌海x";
  CHECK(at(text, 0) == std::pair{1, 1});
  CHECK(at(text, 2) == std::pair{1, 3});
  CHECK(at(text, 3) == std::pair{2, 1});
  CHECK(at(text, 6) == std::pair{2, 2});  // after 乌 (3 bytes)
  CHECK(at(text, 9) == std::pair{2, 3});
}

TEST_CASE("CRLF and lone CR end lines too", "[text]") {
  CHECK(at("a\r\nb", 3) == std::pair{2, 1});
  CHECK(at("a\rb\rc", 4) == std::pair{3, 1});
  CHECK(at("a\r", 2) == std::pair{2, 1});
  const std::vector<TextPosition> many = positions_of_offsets("x\ry\r\nz", {0, 2, 5});
  REQUIRE(many.size() == 3);
  CHECK((many[1].line == 2 && many[1].column == 1));
  CHECK((many[2].line == 3 && many[2].column == 1));
}
