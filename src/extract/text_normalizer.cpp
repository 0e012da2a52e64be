#include "extract/text_normalizer.h"

#include "core/text.h"

namespace indtrack {

char32_t fold_full_width(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;  // the full-width ASCII block
  if (cp == 0x00B3) return U'3';                         // Nm³/h
  if (cp == 0x00B2) return U'2';
  return cp;
}

static bool is_extra_space(char32_t cp) {
  return (cp >= 0x2000 && cp <= 0x200D) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F;
}

// Latin letters of pinyin, tone marks included (ā á ǎ à ē … ü ǖ ǘ ǚ ǜ).
static bool is_pinyin_letter(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xE0 && cp <= 0xFC) || (cp >= 0x100 && cp <= 0x17F) ||
         (cp >= 0x1CD && cp <= 0x1DC);
}

static bool is_cjk(char32_t cp) { return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF); }

// Some mirrors annotate characters with their pinyin, "業(yè)", "項(xiàng)目": after a CJK character, a
// parenthesis of 1–7 lowercase pinyin letters. Returns the end of that annotation, or `pos`.
static std::size_t pinyin_annotation_end(std::string_view src, std::size_t pos) {
  std::size_t p = pos;
  const char32_t open = next_code_point(src, p);
  if (open != '(' && open != 0xFF08) return pos;
  int letters = 0;
  bool marked = false;  // a tone mark: plain words in brackets ("(a)", "(kw)") stay
  while (p < src.size() && letters <= 7) {
    const std::size_t at = p;
    const char32_t cp = next_code_point(src, p);
    if (cp == ')' || cp == 0xFF09) return letters >= 1 && marked ? p : pos;
    if (!is_pinyin_letter(cp)) return pos;
    marked = marked || cp >= 0x80;
    ++letters;
    (void)at;
  }
  return pos;
}

static bool is_ascii_alnum(char32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

NormalizedText normalize_text(std::string_view original, ByteRange range) {
  NormalizedText out;
  out.source_begin = range.begin;
  const std::string_view src = original.substr(range.begin, range.end - range.begin);
  out.text.reserve(src.size());
  out.origin.reserve(src.size());

  char32_t last_emitted = 0;
  bool pending_space = false;
  std::uint32_t pending_space_origin = 0;
  std::size_t pos = 0;
  while (pos < src.size()) {
    const std::size_t start = pos;
    char32_t cp = next_code_point(src, pos);
    if (is_space_code_point(cp) || is_extra_space(cp)) {
      if (!pending_space) pending_space_origin = static_cast<std::uint32_t>(start);
      pending_space = true;
      continue;
    }
    if ((cp == '(' || cp == 0xFF08) && is_cjk(last_emitted)) {
      const std::size_t after = pinyin_annotation_end(src, start);
      if (after != start) {  // dropped like whitespace: "業(yè)務" reads 業務
        pos = after;
        continue;
      }
    }
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) cp = 0xFFFD;  // binary junk
    cp = fold_full_width(cp);
    if (pending_space && is_ascii_alnum(last_emitted) && is_ascii_alnum(cp)) {
      out.text += ' ';
      out.origin.push_back(pending_space_origin);
    }
    pending_space = false;
    const std::size_t before = out.text.size();
    append_utf8(out.text, cp);
    out.origin.insert(out.origin.end(), out.text.size() - before, static_cast<std::uint32_t>(start));
    last_emitted = cp;
  }
  return out;
}

ByteRange NormalizedText::original_range(std::string_view original, std::size_t begin,
                                         std::size_t end) const {
  if (begin >= end || end > origin.size()) return {source_begin, source_begin};
  const std::size_t first = source_begin + origin[begin];
  std::size_t last = source_begin + origin[end - 1];
  next_code_point(original, last);  // to the end of that source code point
  return {first, last};
}

}  // namespace indtrack
