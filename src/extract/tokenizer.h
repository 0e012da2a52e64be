// One left-to-right pass over a normalised paragraph producing its tokens: at each code point,
// a date ("2022年12月", "10月19日", "今年5月"), a quantity ("10.4万吨/年", "105亿元"), or the
// longest dictionary word. Digits glued to Latin letters (SO2, PM10, K196, 5G) are identifiers,
// not numbers, and a product name such as "1,4-丁二醇" is read before its digits could be.
#pragma once

#include <string_view>

#include "extract/extraction_dictionary.h"
#include "extract/tokens.h"

namespace indtrack {

ParagraphTokens tokenize_paragraph(std::string_view text, const ExtractionDictionary& dict);

}  // namespace indtrack
