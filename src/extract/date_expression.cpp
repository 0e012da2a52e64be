#include "extract/date_expression.h"

#include "core/date.h"

#include <initializer_list>

namespace indtrack {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool at(std::string_view text, std::size_t pos, std::string_view word) {
  return pos <= text.size() && text.substr(pos, word.size()) == word;
}

bool text_ends_with_any(std::string_view text, std::size_t end,
                        std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (end >= w.size() && text.substr(end - w.size(), w.size()) == w) return true;
  return false;
}

// 1-2 ASCII digits at pos followed by `suffix`; the value, and pos moved past the suffix.
int read_small(std::string_view text, std::size_t& pos, std::string_view suffix, int max) {
  std::size_t i = pos;
  int value = 0;
  while (i < text.size() && i - pos < 2 && is_digit(text[i])) value = value * 10 + (text[i++] - '0');
  if (i == pos || (i < text.size() && is_digit(text[i])) || !at(text, i, suffix)) return 0;
  if (value < 1 || value > max) return 0;
  pos = i + suffix.size();
  return value;
}

// Month, then day, then the words that may trail a month ("底前", "中旬", "份") and "以来".
void read_month_and_day(std::string_view text, std::size_t& pos, DateExpression& d) {
  std::size_t i = pos;
  const int month = read_small(text, i, "月", 12);
  if (month == 0) return;
  d.month = month;
  pos = i;
  std::size_t j = pos;
  int day = read_small(text, j, "日", 31);
  if (day == 0) {
    j = pos;
    day = read_small(text, j, "号", 31);
  }
  if (day > 0) {
    d.day = day;
    pos = j;
  }
}

void read_trailing_words(std::string_view text, std::size_t& pos, DateExpression& d) {
  static constexpr std::string_view kTrailing[] = {"底前", "末前", "底", "末", "初", "上旬",
                                                   "中旬", "下旬", "份", "中", "前"};
  if (d.month > 0 && d.day == 0) {
    for (std::string_view w : kTrailing)
      if (at(text, pos, w)) {
        pos += w.size();
        break;
      }
  } else if (d.day > 0 && at(text, pos, "前")) {
    pos += std::string_view("前").size();
  }
  if (at(text, pos, "以来")) {
    d.since = true;
    pos += std::string_view("以来").size();
  }
}

bool read_year_part(std::string_view text, std::size_t& pos, DateExpression& d,
                    const ExtractionDictionary& dict) {
  const KeywordTrie::Match part = dict.year_parts().longest_match(text, pos);
  if (part.payload < 0) return false;
  d.month = year_part_words()[static_cast<std::size_t>(part.payload)].month;
  d.year_end_part = true;
  pos += part.length;
  return true;
}

bool is_range_dash(std::string_view text, std::size_t pos, std::size_t* after) {
  for (std::string_view dash : {std::string_view("—"), std::string_view("-"), std::string_view("~"),
                                std::string_view("至"), std::string_view("到"), std::string_view("–")}) {
    if (at(text, pos, dash)) {
      std::size_t i = pos + dash.size();
      if (at(text, i, "—")) i += std::string_view("—").size();  // "——"
      *after = i;
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<DateExpression> parse_date_at_digits(std::string_view text, std::size_t pos,
                                                   const ExtractionDictionary& dict) {
  std::size_t i = pos;
  int value = 0;
  while (i < text.size() && is_digit(text[i]) && i - pos < 5) value = value * 10 + (text[i++] - '0');
  const std::size_t run = i - pos;
  if (i < text.size() && is_digit(text[i])) return std::nullopt;

  DateExpression d;
  d.begin = static_cast<std::uint32_t>(pos);
  if (run == 4) {
    // "2021—2023年": a span of years.
    std::size_t after = 0;
    if (is_range_dash(text, i, &after)) {
      std::size_t k = after;
      while (k < text.size() && is_digit(text[k]) && k - after < 5) ++k;
      if (k - after == 4 && at(text, k, "年")) {
        d.range = true;
        d.end = static_cast<std::uint32_t>(k + std::string_view("年").size());
        return d;
      }
    }
    if (!at(text, i, "年") || value < 1900 || value > 2100) return std::nullopt;
    d.year = value;
    std::size_t p = i + std::string_view("年").size();
    if (!read_year_part(text, p, d, dict)) {
      read_month_and_day(text, p, d);
      if (d.month > 0) read_trailing_words(text, p, d);
    }
    if (at(text, p, "以来")) {
      d.since = true;
      p += std::string_view("以来").size();
    }
    if (d.day > 0 && d.day > days_in_month(d.year, d.month)) return std::nullopt;
    d.end = static_cast<std::uint32_t>(p);
    return d;
  }
  if (run > 2) return std::nullopt;
  std::size_t p = pos;
  read_month_and_day(text, p, d);
  if (d.month == 0) {
    // "30日,…": a day alone, not a duration ("5日内", "30日起") or an ordinal ("第5日", "每10日").
    std::size_t q = pos;
    const int day = read_small(text, q, "日", 31);
    if (day == 0 || text_ends_with_any(text, pos, {"第", "每", "月"})) return std::nullopt;
    for (std::string_view w : {"内", "后", "以内", "之内", "以后", "起", "以来", "左右", "电"})
      if (at(text, q, w)) return std::nullopt;
    d.day = day;
    d.day_only = true;
    d.end = static_cast<std::uint32_t>(q);
    return d;
  }
  if (d.day > 0 && d.day > days_in_month(2024, d.month)) return std::nullopt;  // 2024: Feb 29 exists
  read_trailing_words(text, p, d);
  d.end = static_cast<std::uint32_t>(p);
  return d;
}

DateExpression parse_relative_date(std::string_view text, std::size_t pos, std::size_t word_end,
                                   const RelativeDateWord& word, const ExtractionDictionary& dict) {
  DateExpression d;
  d.begin = static_cast<std::uint32_t>(pos);
  d.relative = true;
  d.names_year = word.has_year;
  d.year_offset = word.year_offset;
  d.month = word.month;
  d.year_end_part = word.month != 0;
  d.same_day = word.same_day;
  std::size_t p = word_end;
  if (word.has_year && word.month == 0) {
    if (!read_year_part(text, p, d, dict)) {
      read_month_and_day(text, p, d);
      if (d.month > 0) read_trailing_words(text, p, d);
    }
  }
  if (at(text, p, "以来")) {
    d.since = true;
    p += std::string_view("以来").size();
  }
  d.end = static_cast<std::uint32_t>(p);
  return d;
}

}  // namespace indtrack
