// Display text for amounts, dates, quotes, sources and problem locations (format.h).
#include "app_model/format.h"

#include <cctype>
#include <cmath>

#include "core/text.h"
#include "core/units.h"

namespace indtrack::ui {

namespace {

bool is_ascii_word_char(char32_t c) { return c < 0x80 && (std::isalnum(static_cast<int>(c)) != 0); }

}  // namespace

std::string format_as_written(const Quantity& q, Language language) {
  std::string out;
  if (q.approximate) {
    out += text(Str::Approximate, language);
    out += ' ';
  }
  out += with_bound(q.bound, format_number(q.value, 4), " " + q.unit, language == Language::English);
  return out;
}

std::string format_dated(const Date& date, bool expected, Language language) {
  std::string out = date.to_string();
  if (expected) {
    out += language == Language::English ? " (" : "（";
    out += text(Str::MilestoneExpected, language);
    out += language == Language::English ? ")" : "）";
  }
  return out;
}

std::string format_quote(std::string_view quote) {
  std::string out = "“";
  std::size_t pos = 0;
  char32_t previous = 0;
  bool pending_space = false, pending_break = false;
  while (pos < quote.size()) {
    const std::size_t start = pos;
    const char32_t c = next_code_point(quote, pos);
    if (is_space_code_point(c)) {
      pending_space = true;
      pending_break = pending_break || c == '\n' || c == '\r';
      continue;
    }
    if (pending_space && previous != 0) {
      // A line break inside Chinese text is only the newspaper's column wrap: drop it.
      const bool keep = !pending_break || (is_ascii_word_char(previous) && is_ascii_word_char(c));
      if (keep) out += ' ';
    }
    pending_space = pending_break = false;
    out.append(quote.substr(start, pos - start));
    previous = c;
  }
  out += "”";
  return out;
}

std::string format_source_line(const Source& s) {
  std::string out = s.publisher;
  out += " · ";
  out += s.date.to_string();
  out += " · ";
  out += s.title;
  return out;
}

std::string format_location(const Problem& p) {
  std::string out = p.file;
  if (p.line > 0) {
    out += ':';
    out += std::to_string(p.line);
    out += ':';
    out += std::to_string(p.column);
  }
  return out;
}

}  // namespace indtrack::ui
