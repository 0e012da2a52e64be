// What a rule module sees of one sentence: the paragraph's normalised text, the sentence and
// clause ranges, the sentence's tokens and the article date; and what it returns, a candidate
// fact with the normalised range of its mention. Shared by capacity, investment and date rules.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "extract/extraction_dictionary.h"
#include "extract/extractor.h"
#include "extract/text_normalizer.h"
#include "extract/tokens.h"

namespace indtrack {

struct SentenceView {
  std::string_view text;  // the whole paragraph, normalised
  ByteRange range;        // this sentence
  std::vector<ByteRange> clauses;
  std::span<const Token> tokens;  // this sentence's tokens
  const ParagraphTokens* paragraph = nullptr;
  const ExtractionDictionary* dict = nullptr;
  std::optional<Date> article_date;
  // The latest day-precision date read so far in the article (for 当日 and "30日"); the date
  // rules update it as they read.
  std::optional<Date>* recent_day = nullptr;

  ByteRange clause_of(std::size_t pos) const;  // a separator belongs to the clause before it
  // The clause before `clause` in this sentence, or `clause` itself when it is the first.
  ByteRange clause_before(const ByteRange& clause) const;
  // The dictionary entry of a Word token, or nullptr for other tokens.
  const DictionaryEntry* word(const Token& t) const;
  bool is_word(const Token& t, WordCategory category) const;
  const Quantity& quantity(const Token& t) const {
    return paragraph->quantities[static_cast<std::size_t>(t.index)];
  }
  const DateExpression& date(const Token& t) const {
    return paragraph->dates[static_cast<std::size_t>(t.index)];
  }
  // The sentence's tokens lying inside [begin, end). Callers keep windows short (a few dozen
  // code points) so that every rule costs a bounded amount per token.
  std::span<const Token> tokens_in(std::size_t begin, std::size_t end) const;
  // A cue word of `category` among the tokens inside [begin, end).
  bool has_word_in(WordCategory category, std::size_t begin, std::size_t end) const;
  // Whether any of `words` occurs in the text window [begin, end) (bounded by the caller).
  bool window_contains(std::size_t begin, std::size_t end, std::span<const std::string_view> words) const;
};

struct Candidate {
  ExtractedFact fact;               // kind, value, date ... (entities, quote and offsets are filled later)
  std::uint32_t mention_begin = 0;  // normalised offsets in the paragraph
  std::uint32_t mention_end = 0;
};

// Helpers on normalised text.
// Whether text[begin, end) counts projects: "23个重大项目", "项目35个", "三元区8个、" (a count of
// projects in a list), so that an amount or a capacity next to it is their total.
bool counts_projects(std::string_view text, std::size_t begin, std::size_t end);
bool text_starts_with(std::string_view text, std::size_t pos, std::string_view word);
bool text_ends_with(std::string_view text, std::size_t end, std::string_view word);
// `pos` moved back by at most `code_points` code points, not before `floor`.
std::size_t back_code_points(std::string_view text, std::size_t pos, std::size_t code_points,
                             std::size_t floor);

}  // namespace indtrack
