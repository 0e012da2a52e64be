// Cuts an article into paragraphs (on the original bytes) and a normalised paragraph into
// sentences and clauses. Newspaper columns are hard-wrapped and even blank lines can fall inside
// a sentence ("建设完成并\n\n投产"), so a blank line ends a paragraph only after sentence-final
// punctuation; an indented line, a heading ("# ") or a list item ("- ") always starts one.
// Pieces are bounded in size so that one 10 MB line costs time and memory linear in its size.
#pragma once

#include <string_view>
#include <vector>

#include "extract/text_normalizer.h"

namespace indtrack {

inline constexpr std::size_t kMaxParagraphBytes = 1 << 20;  // longer ones are cut at a line or code point
inline constexpr std::size_t kSoftSentenceBytes = 3000;     // past this a sentence ends at the next comma
inline constexpr std::size_t kMaxSentenceBytes = 6000;      // and is cut hard here

// Paragraphs of the original text, in order, without their surrounding whitespace lines.
std::vector<ByteRange> split_paragraphs(std::string_view original);

// Sentences of a normalised paragraph: up to and including 。！？!?; and any closing quotes or
// brackets after it. Offsets are into `text`.
std::vector<ByteRange> split_sentences(std::string_view text);

// Clauses of a sentence [range): split at ',' ':' (not between two digits, so "1,4-丁二醇" and
// "1,000" stay whole). Offsets are into `text`.
std::vector<ByteRange> split_clauses(std::string_view text, ByteRange sentence);

}  // namespace indtrack
