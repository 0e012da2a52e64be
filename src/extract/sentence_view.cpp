#include "extract/sentence_view.h"

#include <algorithm>

namespace indtrack {

ByteRange SentenceView::clause_of(std::size_t pos) const {
  for (const ByteRange& c : clauses)
    if (pos >= c.begin && pos < c.end) return c;
  return clauses.empty() ? range : clauses.back();
}

const DictionaryEntry* SentenceView::word(const Token& t) const {
  if (t.type != Token::Type::Word) return nullptr;
  return &dict->entry(t.index);
}

bool SentenceView::is_word(const Token& t, WordCategory category) const {
  const DictionaryEntry* e = word(t);
  return e && e->category == category;
}

std::span<const Token> SentenceView::tokens_in(std::size_t begin, std::size_t end) const {
  const auto first = std::lower_bound(tokens.begin(), tokens.end(), begin,
                                      [](const Token& t, std::size_t b) { return t.begin < b; });
  auto last = first;
  while (last != tokens.end() && last->end <= end) ++last;
  return {first, last};
}

bool SentenceView::has_word_in(WordCategory category, std::size_t begin, std::size_t end) const {
  for (const Token& t : tokens_in(begin, end))
    if (is_word(t, category)) return true;
  return false;
}

bool SentenceView::window_contains(std::size_t begin, std::size_t end,
                                   std::span<const std::string_view> words) const {
  if (begin >= end) return false;
  const std::string_view window = text.substr(begin, end - begin);
  for (std::string_view w : words)
    if (window.find(w) != std::string_view::npos) return true;
  return false;
}

bool text_starts_with(std::string_view text, std::size_t pos, std::string_view word) {
  return pos <= text.size() && text.substr(pos, word.size()) == word;
}

bool text_ends_with(std::string_view text, std::size_t end, std::string_view word) {
  return end >= word.size() && end <= text.size() && text.substr(end - word.size(), word.size()) == word;
}

std::size_t back_code_points(std::string_view text, std::size_t pos, std::size_t code_points,
                             std::size_t floor) {
  while (code_points > 0 && pos > floor) {
    --pos;
    while (pos > floor && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
    --code_points;
  }
  return pos;
}

}  // namespace indtrack
