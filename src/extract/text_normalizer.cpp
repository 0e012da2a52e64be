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
