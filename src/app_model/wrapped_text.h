// Lays out an article's text for the import view: paragraphs (after a blank or an indented line) are
// reflowed to the pane's width — the newspaper's hard column breaks inside a paragraph are
// dropped — and every glyph keeps its byte offset, so highlights can be drawn under byte spans
// and the byte under the mouse found. Chinese breaks between any two characters; a run of
// ASCII letters and digits is kept whole when it fits on a line. No ImGui: glyph widths come
// from a function, so the layout is testable without a font.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace indtrack::ui {

struct LaidGlyph {
  std::size_t byte = 0;  // offset of the glyph's first byte in the text
  std::size_t size = 0;  // its UTF-8 length
  float x = 0;           // left edge, from the line start
  float width = 0;
};

struct LaidLine {
  std::size_t first = 0, end = 0;  // glyphs [first, end) of TextLayout::glyphs
  float y = 0;                     // top of the line
};

struct TextLayout {
  std::vector<LaidGlyph> glyphs;
  std::vector<LaidLine> lines;
  float width = 0, height = 0;  // of the laid-out block

  // The byte offset of the glyph at (x, y) (relative to the block), or npos.
  std::size_t byte_at(float x, float y, float line_height) const;
};

// `advance(code point)` gives a glyph's width in pixels; `paragraph_gap` is added between
// paragraphs. Characters that are not drawn (line breaks, carriage returns) get no glyph.
TextLayout layout_text(std::string_view text, float width, float line_height, float paragraph_gap,
                       const std::function<float(char32_t)>& advance);

}  // namespace indtrack::ui
