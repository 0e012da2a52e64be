// The set of characters the font atlas must hold: UI strings, the dataset's text and whatever
// the user types. Backed by ImGui's ImFontGlyphRangesBuilder; it remembers whether anything new
// arrived since the atlas was last built, so the atlas is rebuilt (between frames) only then.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace indtrack::ui {

class GlyphSet {
 public:
  GlyphSet();

  // Adds every code point of UTF-8 text; true when at least one was new. Code points outside
  // the Basic Multilingual Plane cannot be drawn by this ImGui build (16-bit ImWchar): they are
  // counted in unsupported() instead.
  bool add_text(std::string_view utf8);
  bool add(char32_t code_point);
  bool contains(char32_t code_point) const;

  std::size_t size() const { return count_; }
  std::size_t unsupported() const { return unsupported_; }
  std::vector<char32_t> code_points() const;  // ascending

  // Zero-terminated [first, last] pairs for ImFontAtlas::AddFont*.
  std::vector<ImWchar> ranges() const;

  // Changed since the last mark_built().
  bool dirty() const { return dirty_; }
  void mark_built() { dirty_ = false; }

 private:
  mutable ImFontGlyphRangesBuilder builder_;  // mutable: its BuildRanges() reads only, but is not const
  std::size_t count_ = 0;
  std::size_t unsupported_ = 0;
  bool dirty_ = true;
};

}  // namespace indtrack::ui
