// UTF-8 decoding as every reader of text sees it: the loader's "invalid UTF-8 (byte 0x..)"
// message, column counting, chart text and search all agree on what a well-formed character is.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

#include "core/text.h"

using namespace indtrack;

namespace {
std::vector<char32_t> decode_all(std::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t pos = 0; pos < text.size();) out.push_back(next_code_point(text, pos));
  return out;
}
}  // namespace

TEST_CASE("well-formed text decodes to its code points and is valid", "[text][utf8]") {
  const std::string text = "a乌海γ😀";
  CHECK(find_invalid_utf8(text) == std::string_view::npos);
  CHECK(decode_all(text) == std::vector<char32_t>{U'a', U'乌', U'海', U'γ', U'😀'});
  std::string round_trip;
  for (char32_t cp : decode_all(text)) append_utf8(round_trip, cp);
  CHECK(round_trip == text);
}

TEST_CASE("what find_invalid_utf8 refuses, next_code_point reads as one U+FFFD per byte", "[text][utf8]") {
  struct Case {
    const char* what;
    std::string bytes;
  };
  const Case cases[] = {
      {"overlong '/'", "\xC0\xAF"},
      {"overlong 3-byte NUL", "\xE0\x80\x80"},
      {"surrogate U+D800", "\xED\xA0\x80"},
      {"above U+10FFFF", "\xF4\x90\x80\x80"},
      {"lone continuation", "\x80"},
      {"truncated 乌", "\xE4\xB9"},
      {"GBK 乌", "\xCE\xDA"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    const std::string text = "x" + c.bytes + "y";
    CHECK(find_invalid_utf8(text) == 1);
    const std::vector<char32_t> cps = decode_all(text);
    CHECK(cps.front() == U'x');
    CHECK(cps.back() == U'y');
    CHECK(cps[1] == 0xFFFD);
    // The bytes after the bad one are read afresh: never more code points than bytes.
    CHECK(cps.size() <= text.size());
  }
}
