#include "extract/sentence_view.h"

#include <algorithm>

namespace indtrack {

ByteRange SentenceView::clause_of(std::size_t pos) const {
  for (std::size_t i = 0; i < clauses.size(); ++i)
    if (pos >= clauses[i].begin &&
        (pos < clauses[i].end || (i + 1 < clauses.size() && pos < clauses[i + 1].begin)))
      return clauses[i];
  return clauses.empty() ? range : clauses.back();
}

ByteRange SentenceView::clause_before(const ByteRange& clause) const {
  ByteRange before = clause;
  for (const ByteRange& c : clauses) {
    if (c.begin >= clause.begin) break;
    before = c;
  }
  return before;
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

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

bool counts_projects(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin >= end) return false;
  const std::string_view w = text.substr(begin, end - begin);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!is_digit(w[i]) || (i > 0 && (is_digit(w[i - 1]) || w[i - 1] == '.'))) continue;
    std::size_t j = i;
    while (j < w.size() && is_digit(w[j])) ++j;
    std::string_view rest = w.substr(j);
    std::size_t measure = 0;
    for (std::string_view m : {"个", "项", "家"})
      if (rest.starts_with(m) && !rest.substr(m.size()).starts_with("目")) measure = m.size();
    if (measure == 0) continue;
    rest.remove_prefix(measure);
    const std::string_view before = w.substr(0, i);
    if (before.ends_with("项目") || rest.substr(0, 24).find("项目") != std::string_view::npos ||
        rest.starts_with("、") || rest.starts_with(",") || rest.starts_with("(") || rest.starts_with(")"))
      return true;
  }
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
