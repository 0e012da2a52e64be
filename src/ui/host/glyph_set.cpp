// GlyphSet: UTF-8 text -> the code points the atlas needs.
#include "ui/host/glyph_set.h"

#include "core/text.h"

namespace indtrack::ui {

namespace {
constexpr char32_t kLastDrawable = 0xFFFF;  // ImWchar is 16 bits in Debian's imconfig.h
}

GlyphSet::GlyphSet() {
  // ImGui draws these itself: printable ASCII (widgets, numbers), the ellipsis of clipped text
  // and the replacement character it tries first for a missing glyph.
  for (char32_t c = 0x20; c < 0x7F; ++c) add(c);
  add(U'\u2026');
  add(U'\uFFFD');
}

bool GlyphSet::add(char32_t code_point) {
  if (code_point < 0x20 || (code_point >= 0x7F && code_point < 0xA0)) return false;  // controls
  if (code_point > kLastDrawable) {
    ++unsupported_;
    return false;
  }
  const auto c = static_cast<ImWchar>(code_point);
  if (builder_.GetBit(c)) return false;
  builder_.SetBit(c);
  ++count_;
  dirty_ = true;
  return true;
}

bool GlyphSet::add_text(std::string_view utf8) {
  bool added = false;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const unsigned char byte = static_cast<unsigned char>(utf8[pos]);
    if (byte < 0x80) {  // ASCII is always present
      ++pos;
      continue;
    }
    added = add(next_code_point(utf8, pos)) || added;
  }
  return added;
}

bool GlyphSet::contains(char32_t code_point) const {
  return code_point <= kLastDrawable && builder_.GetBit(static_cast<ImWchar>(code_point));
}

std::vector<char32_t> GlyphSet::code_points() const {
  std::vector<char32_t> out;
  out.reserve(count_);
  for (char32_t c = 0; c <= kLastDrawable; ++c)
    if (builder_.GetBit(static_cast<ImWchar>(c))) out.push_back(c);
  return out;
}

std::vector<ImWchar> GlyphSet::ranges() const {
  ImVector<ImWchar> built;
  builder_.BuildRanges(&built);
  return std::vector<ImWchar>(built.begin(), built.end());
}

}  // namespace indtrack::ui
