#include "extract/tokenizer.h"

#include <cmath>

#include "core/text.h"
#include "core/units.h"
#include "extract/date_expression.h"
#include "extract/number_parser.h"

namespace indtrack {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_alnum(char c) { return is_digit(c) || is_letter(c); }

std::size_t skip_alnum_run(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (is_alnum(text[pos]) || text[pos] == '.')) ++pos;
  return pos;
}

bool ends_with_at(std::string_view text, std::size_t end, std::string_view word) {
  return end >= word.size() && text.substr(end - word.size(), word.size()) == word;
}
bool starts_with_at(std::string_view text, std::size_t pos, std::string_view word) {
  return text.substr(pos, word.size()) == word;
}

bool hedged_before(std::string_view text, std::size_t begin) {
  for (std::string_view w : {"约", "近", "超", "逾", "将近", "接近", "大约", "超过", "约为"})
    if (ends_with_at(text, begin, w)) return true;
  return false;
}
bool hedged_after(std::string_view text, std::size_t end) {
  for (std::string_view w : {"左右", "以上", "上下", "余", "多"})
    if (starts_with_at(text, end, w)) return true;
  return false;
}

// An investment word ends within a few bytes before `begin` ("总投资70亿", "投资约60亿").
bool money_word_before(std::string_view text, std::size_t begin) {
  std::size_t p = begin;
  for (std::string_view filler : {"约为", "约", "达", "为", "近", "超"})
    if (ends_with_at(text, p, filler)) {
      p -= filler.size();
      break;
    }
  for (std::string_view w : {"投资", "投入", "投资额", "总额"})
    if (ends_with_at(text, p, w)) return true;
  return false;
}

int yuan_unit_index() {
  const std::span<const UnitWord> units = unit_words();
  for (std::size_t i = 0; i < units.size(); ++i)
    if (units[i].unit_class == UnitClass::Money) return static_cast<int>(i);
  return -1;
}

// A numeral right before `pos`: "3年内", "三年内", "两年内", "几年内".
bool counted_before(std::string_view text, std::size_t pos) {
  if (pos > 0 && is_digit(text[pos - 1])) return true;
  for (std::string_view n :
       {"一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "几", "数", "半"})
    if (ends_with_at(text, pos, n)) return true;
  return false;
}

// Power of ten of a core/units.h conversion factor (all of ours are 10^k).
int factor_exponent(double factor) { return static_cast<int>(std::lround(std::log10(factor))); }

}  // namespace

ParagraphTokens tokenize_paragraph(std::string_view text, const ExtractionDictionary& dict) {
  ParagraphTokens out;
  auto add_word = [&](std::size_t begin, std::size_t length, int entry) {
    out.tokens.push_back({Token::Type::Word, static_cast<std::uint32_t>(begin),
                          static_cast<std::uint32_t>(begin + length), entry});
  };
  const std::span<const UnitWord> units = unit_words();

  std::size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (is_digit(c)) {
      if (pos > 0 && is_letter(text[pos - 1])) {  // SO2, PM10, K196: an identifier
        pos = skip_alnum_run(text, pos);
        continue;
      }
      const KeywordTrie::Match word = dict.words().longest_match(text, pos);
      if (word.payload >= 0 && dict.entry(word.payload).category == WordCategory::Product) {
        add_word(pos, word.length, word.payload);  // "1,4-丁二醇" is a name, not numbers
        pos += word.length;
        continue;
      }
      if (auto date = parse_date_at_digits(text, pos, dict)) {
        out.tokens.push_back({Token::Type::Date, date->begin, date->end, static_cast<int>(out.dates.size())});
        out.dates.push_back(*date);
        pos = date->end;
        continue;
      }
      std::optional<ParsedNumber> number = parse_number(text, pos);
      if (!number) {
        pos = skip_alnum_run(text, pos);
        continue;
      }
      std::size_t unit_pos = number->end;
      bool approximate = hedged_before(text, pos);
      // "10余万吨", "300多万千瓦": the hedge sits between the digits and the multiplier.
      for (std::string_view w : {"余", "多"}) {
        if (number->end == number->digits_end && starts_with_at(text, unit_pos, w)) {
          const std::size_t after = unit_pos + w.size();
          for (auto [m, e] : {std::pair{std::string_view("万"), 4}, std::pair{std::string_view("亿"), 8}})
            if (starts_with_at(text, after, m)) {
              number->exponent += e;
              unit_pos = after + m.size();
              approximate = true;
            }
        }
      }
      KeywordTrie::Match unit = dict.units().longest_match(text, unit_pos);
      std::size_t unit_end = unit_pos + unit.length;
      // "总投资70亿": an amount in 亿 or 万 right after an investment word is in yuan.
      if (unit.payload < 0 && number->end > number->digits_end && money_word_before(text, pos)) {
        unit = {yuan_unit_index(), 0};
        unit_end = unit_pos;
      }
      if (unit.payload < 0 ||
          (unit_end < text.size() && is_letter(text[unit_end]) && is_letter(text[unit_end - 1]))) {
        pos = number->end;  // a bare number (percentages, counts): nothing to report
        if (pos < text.size() && is_letter(text[pos])) pos = skip_alnum_run(text, pos);  // 5G
        continue;
      }
      const UnitWord& u = units[static_cast<std::size_t>(unit.payload)];
      const std::optional<UnitInfo> info = find_unit(u.unit_name);
      Quantity q;
      q.begin = static_cast<std::uint32_t>(pos);
      q.number_end = static_cast<std::uint32_t>(unit_pos);
      q.end = static_cast<std::uint32_t>(unit_end);
      ParsedNumber scaled = *number;
      if (info) scaled.exponent += factor_exponent(info->to_canonical);
      q.value = scaled.value();
      q.unit_class = u.unit_class;
      q.unit_name = info ? info->canonical : std::string_view{};
      q.count = number->count;
      q.approximate = approximate || hedged_after(text, unit_end);
      out.tokens.push_back({Token::Type::Quantity, q.begin, q.end, static_cast<int>(out.quantities.size())});
      out.quantities.push_back(q);
      pos = unit_end;
      continue;
    }
    if (is_letter(c) && pos > 0 && is_alnum(text[pos - 1])) {  // inside a Latin word
      pos = skip_alnum_run(text, pos);
      continue;
    }
    const KeywordTrie::Match word = dict.words().longest_match(text, pos);
    if (word.payload >= 0) {
      const std::size_t end = pos + word.length;
      // A Latin word must end at a word boundary: "PBS" is not in "PBSA".
      if (is_letter(text[end - 1]) && end < text.size() && is_alnum(text[end]) && !is_digit(text[end])) {
        pos = skip_alnum_run(text, pos);
        continue;
      }
      const DictionaryEntry& entry = dict.entry(word.payload);
      if (entry.category == WordCategory::RelativeDate) {
        // "三年内", "2年内": a duration, not this year.
        if (text.substr(pos).starts_with("年") && counted_before(text, pos)) {
          pos = end;
          continue;
        }
        const DateExpression date = parse_relative_date(
            text, pos, end, relative_date_words()[static_cast<std::size_t>(entry.value)], dict);
        out.tokens.push_back({Token::Type::Date, date.begin, date.end, static_cast<int>(out.dates.size())});
        out.dates.push_back(date);
        pos = date.end;
        continue;
      }
      add_word(pos, word.length, word.payload);
      pos = end;
      continue;
    }
    if (is_letter(c)) {
      pos = skip_alnum_run(text, pos);
      continue;
    }
    next_code_point(text, pos);
  }
  return out;
}

}  // namespace indtrack
