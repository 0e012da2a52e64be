// Turns a span of article text into the form the extraction rules match against, keeping a byte
// map back to the original so every reported offset points into the text the user gave us.
// Normalising: full-width ASCII (１０．４, ，, ／) becomes ASCII; whitespace and line breaks vanish
// (hard-wrapped columns, "10.4 万吨/年", "2022年 2月") except one space between two ASCII words;
// invalid UTF-8 and control bytes become U+FFFD so they can never join two tokens.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace indtrack {

struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct NormalizedText {
  std::string text;                   // normalised UTF-8
  std::vector<std::uint32_t> origin;  // per byte of `text`: offset, relative to `source_begin`,
                                      // of the original code point (or byte) it came from
  std::size_t source_begin = 0;       // absolute offset of the normalised span in the original

  // Absolute byte range in `original` of normalised bytes [begin, end): from the first source
  // code point to the end of the last one, so line breaks inside the span are kept verbatim.
  ByteRange original_range(std::string_view original, std::size_t begin, std::size_t end) const;
};

// Normalises original[range.begin, range.end). The range must be shorter than 4 GiB.
NormalizedText normalize_text(std::string_view original, ByteRange range);

// The ASCII form of one code point, or the code point itself: U+FF10 '０' -> '0', '，' -> ','.
char32_t fold_full_width(char32_t cp);

}  // namespace indtrack
