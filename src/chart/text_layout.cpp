#include "chart/text_layout.h"

#include "core/text.h"

namespace indtrack::chart {

namespace {

bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) ||  // Hangul Jamo
         (cp >= 0x2190 && cp <= 0x2BFF) ||  // arrows, math operators, box drawing, shapes (◆ ≥)
         (cp >= 0x2E80 && cp <= 0xA4CF) ||  // CJK radicals .. Yi, incl. ideographs and 、。
         (cp >= 0xAC00 && cp <= 0xD7A3) ||  // Hangul syllables
         (cp >= 0xF900 && cp <= 0xFAFF) ||  // CJK compatibility ideographs
         (cp >= 0xFE30 && cp <= 0xFE4F) ||  // CJK compatibility forms
         (cp >= 0xFF00 && cp <= 0xFF60) ||  // full-width forms (，：（）)
         (cp >= 0xFFE0 && cp <= 0xFFE6) ||  // full-width signs
         (cp >= 0x20000 && cp <= 0x3FFFD);  // CJK extensions
}

// Characters that must not start a line.
bool is_closing_punctuation(char32_t cp) {
  switch (cp) {
    case U',':
    case U'.':
    case U';':
    case U':':
    case U'!':
    case U'?':
    case U')':
    case U']':
    case U'，':
    case U'。':
    case U'、':
    case U'；':
    case U'：':
    case U'！':
    case U'？':
    case U'）':
    case U'」':
    case U'』':
    case U'》':
    case U'〉':
    case U'】':
    case U'”':
    case U'’':
    case U'…':
    case U'·':
      return true;
    default:
      return false;
  }
}

}  // namespace

float ApproxTextMeasure::width(std::string_view utf8, float size_px) const {
  float em = 0;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const char32_t cp = next_code_point(utf8, pos);
    em += cp < 0x80 ? 0.55f : is_wide(cp) ? 1.0f : 0.6f;
  }
  return em * size_px;
}

float text_width(const TextMeasure& measure, std::string_view text, float size_px, FontWeight weight) {
  const float w = measure.width(text, size_px);
  return weight == FontWeight::Bold ? w * kBoldWidthFactor : w;
}

TextPrim make_text(const TextMeasure& measure, std::string text, float x, float y, HAlign h, VAlign v,
                   const TextStyle& style) {
  const float w = text_width(measure, text, style.size_px, style.weight);
  const float size = style.size_px;
  float left = x;
  if (h == HAlign::Center) left = x - w / 2;
  if (h == HAlign::Right) left = x - w;
  float top = y;
  switch (v) {
    case VAlign::Top:
      top = y;
      break;
    case VAlign::Middle:
      top = y - size / 2;
      break;
    case VAlign::Baseline:
      top = y - kAscentEm * size;
      break;
    case VAlign::Bottom:
      top = y - size;
      break;
  }
  TextPrim t;
  t.text = std::move(text);
  t.size_px = size;
  t.weight = style.weight;
  t.colour = style.colour;
  t.box = {left, top, left + w, top + size};
  t.baseline_y = top + kAscentEm * size;
  t.align = h;
  return t;
}

std::string fit_text(const TextMeasure& measure, std::string_view text, float size_px, float max_width_px,
                     FontWeight weight) {
  if (text_width(measure, text, size_px, weight) <= max_width_px) return std::string(text);
  static constexpr std::string_view kEllipsis = "…";
  if (text_width(measure, kEllipsis, size_px, weight) > max_width_px) return {};
  // Code point boundaries, then the longest prefix that fits with the ellipsis.
  std::vector<std::size_t> ends;
  for (std::size_t pos = 0; pos < text.size();) {
    next_code_point(text, pos);
    ends.push_back(pos);
  }
  std::size_t lo = 0, hi = ends.size();  // number of code points kept; lo always fits
  while (lo < hi) {
    const std::size_t mid = (lo + hi + 1) / 2;
    std::string candidate(text.substr(0, ends[mid - 1]));
    candidate += kEllipsis;
    if (text_width(measure, candidate, size_px, weight) <= max_width_px)
      lo = mid;
    else
      hi = mid - 1;
  }
  std::string out(text.substr(0, lo == 0 ? 0 : ends[lo - 1]));
  out += kEllipsis;
  return out;
}

namespace {

// Byte length of the longest prefix of `text` (at least one code point) narrower than max_width.
std::size_t longest_fitting_prefix(const TextMeasure& measure, std::string_view text, float size_px,
                                   float max_width_px, FontWeight weight) {
  std::vector<std::size_t> ends;
  for (std::size_t pos = 0; pos < text.size();) {
    next_code_point(text, pos);
    ends.push_back(pos);
  }
  std::size_t lo = 1, hi = ends.size();
  while (lo < hi) {
    const std::size_t mid = (lo + hi + 1) / 2;
    if (text_width(measure, text.substr(0, ends[mid - 1]), size_px, weight) <= max_width_px)
      lo = mid;
    else
      hi = mid - 1;
  }
  return ends.empty() ? 0 : ends[lo - 1];
}

struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Tokens: a run of non-space narrow characters (a word), one wide character, or one space;
// closing punctuation joins the token before it so it never starts a line, and a slash joins
// both of its neighbours so a unit (万吨/年) is never split at it.
std::vector<ByteRange> break_tokens(std::string_view text) {
  std::vector<ByteRange> tokens;
  std::size_t pos = 0;
  bool glue_next = false;  // the token before ended in '/'
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    if (cp != U' ' && !is_wide(cp)) {
      while (pos < text.size()) {
        std::size_t look = pos;
        const char32_t next = next_code_point(text, look);
        if (next == U' ' || (is_wide(next) && !is_closing_punctuation(next))) break;
        pos = look;
      }
    }
    const bool joins = (is_closing_punctuation(cp) || cp == U'/' || glue_next) && cp != U' ';
    glue_next = text[pos - 1] == '/';  // a unit's slash holds both neighbours: 吨/年, t/a
    if (joins && !tokens.empty() && text[tokens.back().begin] != ' ') {
      tokens.back().end = pos;
      continue;
    }
    tokens.push_back({start, pos});
  }
  return tokens;
}

}  // namespace

std::vector<std::string> wrap_text(const TextMeasure& measure, std::string_view text, float size_px,
                                   float max_width_px, std::size_t max_lines, FontWeight weight) {
  std::vector<ByteRange> lines;
  bool open = false;  // a line is being filled
  ByteRange line;
  for (ByteRange token : break_tokens(text)) {
    const bool space = text[token.begin] == ' ';
    if (open && text_width(measure, text.substr(line.begin, token.end - line.begin), size_px, weight) <=
                    max_width_px) {
      line.end = token.end;
      continue;
    }
    if (open) {
      lines.push_back(line);
      open = false;
    }
    if (space) continue;  // no line starts with a space
    // A token wider than a whole line is cut by code points.
    while (text_width(measure, text.substr(token.begin, token.end - token.begin), size_px, weight) >
           max_width_px) {
      const std::size_t len = longest_fitting_prefix(
          measure, text.substr(token.begin, token.end - token.begin), size_px, max_width_px, weight);
      lines.push_back({token.begin, token.begin + len});
      token.begin += len;
    }
    if (token.begin < token.end) {
      line = token;
      open = true;
    }
  }
  if (open) lines.push_back(line);

  std::vector<std::string> out;
  auto trimmed = [&](std::size_t begin, std::size_t end) {
    while (end > begin && text[end - 1] == ' ') --end;
    return std::string(text.substr(begin, end - begin));
  };
  for (std::size_t i = 0; i < lines.size() && i < max_lines; ++i) {
    if (i + 1 == max_lines && lines.size() > max_lines)
      out.push_back(fit_text(measure, trimmed(lines[i].begin, text.size()), size_px, max_width_px, weight));
    else
      out.push_back(trimmed(lines[i].begin, lines[i].end));
  }
  return out;
}

}  // namespace indtrack::chart
