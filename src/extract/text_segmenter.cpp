#include "extract/text_segmenter.h"

#include "core/text.h"

namespace indtrack {
namespace {

bool is_horizontal_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0x00A0 || cp == 0xFEFF || cp == '\r';
}

// Punctuation after which a blank line really ends a paragraph.
bool ends_paragraph(char32_t cp) {
  switch (cp) {
    case U'。':
    case U'！':
    case U'？':
    case U'!':
    case U'?':
    case U'；':
    case U';':
    case U'”':
    case U'’':
    case U'」':
    case U'』':
    case U'）':
    case U')':
    case U'…':
    case U'：':
    case U':':
      return true;
    default:
      return false;
  }
}

struct LineInfo {
  std::size_t begin = 0, end = 0;  // without the '\n'
  std::size_t content_begin = 0;   // first non-space byte
  char32_t first = 0;              // first non-space code point (0: blank line)
  char32_t last = 0;               // last non-space code point
  bool indented = false;
};

LineInfo scan_line(std::string_view text, std::size_t begin, std::size_t end) {
  LineInfo info{begin, end, end, 0, 0, false};
  std::size_t pos = begin;
  while (pos < end) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    if (is_horizontal_space(cp)) {
      if (info.first == 0 && start == begin) info.indented = true;
      continue;
    }
    if (info.first == 0) {
      info.first = cp;
      info.content_begin = start;
    }
    info.last = cp;
  }
  return info;
}

bool starts_new_block(std::string_view text, const LineInfo& line) {
  if (line.indented) return true;
  const std::string_view rest = text.substr(line.content_begin, line.end - line.content_begin);
  return rest.starts_with("#") || rest.starts_with("- ") || rest.starts_with("* ") || rest.starts_with("□") ||
         rest.starts_with("本报讯");
}

// A line ending in a publication stamp ("2022-04-12 15:33", "2022-03-15") is a byline: the text
// after it is not the same sentence.
bool ends_with_time_stamp(std::string_view text, const LineInfo& line) {
  std::size_t end = line.end;
  while (end > line.begin && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r')) --end;
  auto digit = [&](std::size_t i) { return i < end && text[i] >= '0' && text[i] <= '9'; };
  if (end >= line.begin + 5 && digit(end - 1) && digit(end - 2) && text[end - 3] == ':' && digit(end - 4))
    return true;  // HH:MM
  return end >= line.begin + 10 && digit(end - 1) && digit(end - 2) && text[end - 3] == '-' &&
         digit(end - 4) && digit(end - 5) && text[end - 6] == '-' && digit(end - 7) &&
         digit(end - 10);  // YYYY-MM-DD
}

// Where a paragraph's text starts: after a Markdown heading or list marker ("## ", "- ").
std::size_t skip_list_marker(std::string_view text, const LineInfo& line) {
  std::size_t p = line.content_begin;
  const std::size_t start = p;
  while (p < line.end && text[p] == '#') ++p;
  if (p == start && p + 1 < line.end && (text[p] == '-' || text[p] == '*')) ++p;
  if (p == start || p >= line.end || (text[p] != ' ' && text[p] != '\t')) return start;
  while (p < line.end && (text[p] == ' ' || text[p] == '\t')) ++p;
  return p < line.end ? p : start;
}

// Moves `pos` back to the start of the code point containing it.
std::size_t code_point_floor(std::string_view text, std::size_t pos) {
  while (pos > 0 && pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

}  // namespace

std::vector<ByteRange> split_paragraphs(std::string_view text) {
  std::vector<ByteRange> paragraphs;
  bool open = false;
  ByteRange current;
  LineInfo previous;
  bool previous_is_heading = false;
  bool blank_since_previous = false;

  auto close = [&] {
    if (open && current.end > current.begin) paragraphs.push_back(current);
    open = false;
  };

  std::size_t line_begin = 0;
  while (line_begin <= text.size()) {
    std::size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    // A line longer than a paragraph may be is handled in pieces cut at code points.
    for (std::size_t piece = line_begin; piece < line_end || piece == line_begin;) {
      std::size_t piece_end = line_end;
      if (piece_end - piece > kMaxParagraphBytes)
        piece_end = code_point_floor(text, piece + kMaxParagraphBytes);
      if (piece_end <= piece) piece_end = line_end;  // cannot happen for valid sizes; stay safe
      const LineInfo line = scan_line(text, piece, piece_end);
      if (line.first == 0) {
        blank_since_previous = open || blank_since_previous;
      } else {
        const bool is_heading = text.substr(line.content_begin).starts_with("#");
        const bool new_paragraph =
            !open || previous_is_heading || is_heading || starts_new_block(text, line) ||
            (blank_since_previous && ends_paragraph(previous.last)) || ends_with_time_stamp(text, previous) ||
            (line.content_begin - current.begin) >= kMaxParagraphBytes || piece != line_begin;
        if (new_paragraph) {
          close();
          current = {skip_list_marker(text, line), line.end};
          open = true;
        } else {
          current.end = line.end;
        }
        // Trim trailing spaces of the paragraph so it ends on content.
        std::size_t trimmed = current.end;
        while (trimmed > current.begin &&
               (text[trimmed - 1] == ' ' || text[trimmed - 1] == '\t' || text[trimmed - 1] == '\r'))
          --trimmed;
        current.end = trimmed;
        previous = line;
        previous_is_heading = is_heading;
        blank_since_previous = false;
      }
      if (piece_end >= line_end) break;
      piece = piece_end;
    }
    if (line_end >= text.size()) break;
    line_begin = line_end + 1;
  }
  close();
  return paragraphs;
}

namespace {

bool is_sentence_end(char32_t cp) {
  return cp == U'。' || cp == U'!' || cp == U'?' || cp == U';' || cp == U'！' || cp == U'？' || cp == U'；';
}

bool is_closer(char32_t cp) {
  return cp == U'”' || cp == U'’' || cp == U'」' || cp == U'』' || cp == U')' || cp == U'）' || cp == U'"' ||
         cp == U'\'' || cp == U']' || cp == U'》';
}

bool is_digit_at(std::string_view text, std::size_t pos) {
  return pos < text.size() && text[pos] >= '0' && text[pos] <= '9';
}

}  // namespace

std::vector<ByteRange> split_sentences(std::string_view text) {
  std::vector<ByteRange> sentences;
  std::size_t begin = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = next_code_point(text, pos);
    bool cut = is_sentence_end(cp);
    const std::size_t length = pos - begin;
    if (!cut && length >= kSoftSentenceBytes && (cp == ',' || cp == U'、')) cut = true;
    if (!cut && length >= kMaxSentenceBytes) cut = true;
    if (!cut) continue;
    if (is_sentence_end(cp)) {
      while (pos < text.size()) {  // closing quotes and brackets belong to the sentence
        std::size_t peek = pos;
        if (!is_closer(next_code_point(text, peek))) break;
        pos = peek;
      }
    }
    sentences.push_back({begin, pos});
    begin = pos;
  }
  if (begin < text.size()) sentences.push_back({begin, text.size()});
  return sentences;
}

std::vector<ByteRange> split_clauses(std::string_view text, ByteRange sentence) {
  std::vector<ByteRange> clauses;
  std::size_t begin = sentence.begin;
  for (std::size_t i = sentence.begin; i < sentence.end; ++i) {
    const char c = text[i];
    if (c != ',' && c != ':') continue;
    if (i > sentence.begin && is_digit_at(text, i - 1) && is_digit_at(text, i + 1)) continue;
    clauses.push_back({begin, i});
    begin = i + 1;
  }
  clauses.push_back({begin, sentence.end});
  return clauses;
}

}  // namespace indtrack
