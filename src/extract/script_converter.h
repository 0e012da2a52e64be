// Traditional Chinese to simplified (OpenCC's "t2s" conversion, Debian's libopencc), keeping a
// map from every output byte back to the input, so that the extractor can read 萬噸, 億元 and 總投資
// with its simplified vocabulary while every offset it reports still points into the original.
//
// Conversion is character by character through OpenCC's t2s table, each character converted once
// and cached, so the cost is one table look-up per code point (OpenCC's own segmenting converter
// runs at about 2 MB/s, too slow for whole articles). Phrase rules that change a character only
// in some words (瞭解 → 了解) are not applied: the extractor's vocabulary does not need them.
// Bytes that are not UTF-8 pass through unchanged. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace indtrack {

struct ConvertedText {
  std::string text;  // simplified UTF-8
  std::vector<std::uint32_t>
      origin;  // per byte of `text`: offset in the input of the code point it came from
};

// The simplified form of `input`, or nullopt when nothing in it changes (or OpenCC's data cannot
// be loaded: see simplified_conversion_available()). `input` must be shorter than 4 GiB.
std::optional<ConvertedText> to_simplified(std::string_view input);

// Whether OpenCC's t2s conversion could be loaded (libopencc-data installs it).
bool simplified_conversion_available();

}  // namespace indtrack
