// The import view's text layout (wrapped_text.h).
#include "app_model/wrapped_text.h"

#include <algorithm>

#include "core/text.h"

namespace indtrack::ui {

namespace {

bool is_word_byte(char32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || cp == '.' ||
         cp == '-';
}

struct Item {
  std::size_t byte, size;
  char32_t cp;
};

}  // namespace

std::size_t TextLayout::byte_at(float x, float y, float line_height) const {
  for (const LaidLine& line : lines) {
    if (y < line.y || y >= line.y + line_height) continue;
    for (std::size_t g = line.first; g < line.end; ++g)
      if (x >= glyphs[g].x && x < glyphs[g].x + glyphs[g].width) return glyphs[g].byte;
    return std::string_view::npos;
  }
  return std::string_view::npos;
}

TextLayout layout_text(std::string_view text, float width, float line_height, float paragraph_gap,
                       const std::function<float(char32_t)>& advance) {
  TextLayout out;
  width = std::max(width, 1.0f);
  // Decode once; line breaks decide paragraphs: a blank line or an indented line starts one,
  // a single break otherwise is the column's wrap and joins (with a space between two ASCII words).
  std::vector<Item> items;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    items.push_back({start, pos - start, cp});
  }
  float y = 0, x = 0;
  LaidLine line{0, 0, 0};
  auto end_line = [&](float gap) {
    line.end = out.glyphs.size();
    out.lines.push_back(line);
    y += line_height + gap;
    x = 0;
    line = LaidLine{out.glyphs.size(), 0, y};
  };
  auto place = [&](const Item& it, float w) {
    out.glyphs.push_back({it.byte, it.size, x, w});
    x += w;
    out.width = std::max(out.width, x);
  };
  for (std::size_t i = 0; i < items.size();) {
    const Item& it = items[i];
    if (it.cp == '\r') {
      ++i;
      continue;
    }
    if (it.cp == '\n') {
      std::size_t j = i, breaks = 0, indent = 0;
      while (j < items.size() && (items[j].cp == '\n' || items[j].cp == '\r' || items[j].cp == ' ' ||
                                  items[j].cp == '\t' || items[j].cp == 0x3000)) {
        if (items[j].cp == '\n') {
          ++breaks;
          indent = 0;
        } else if (items[j].cp != '\r') {
          indent += items[j].cp == 0x3000 || items[j].cp == '\t' ? 2 : 1;
        }
        ++j;
      }
      // A blank line, or a line indented the Chinese way (　　), starts a paragraph.
      if (breaks >= 2 || indent >= 2) {
        end_line(paragraph_gap);
        i = j;
        continue;
      }
      // A column wrap: the next line's indentation is the column's, not the text's.
      const bool words_meet = !out.glyphs.empty() && i > 0 && is_word_byte(items[i - 1].cp) &&
                              j < items.size() && is_word_byte(items[j].cp);
      if (words_meet && x > 0) x += advance(' ');
      i = j;
      continue;
    }
    // A run of ASCII word characters moves to the next line whole when it would be cut.
    if (is_word_byte(it.cp)) {
      std::size_t j = i;
      float run = 0;
      while (j < items.size() && is_word_byte(items[j].cp)) run += advance(items[j++].cp);
      if (x > 0 && x + run > width && run <= width) end_line(0);
      for (; i < j; ++i) {
        const float w = advance(items[i].cp);
        if (x > 0 && x + w > width) end_line(0);
        place(items[i], w);
      }
      continue;
    }
    const float w = advance(it.cp);
    if (x > 0 && x + w > width) end_line(0);
    place(it, w);
    ++i;
  }
  line.end = out.glyphs.size();
  if (line.end > line.first) {
    out.lines.push_back(line);
    y += line_height;
  }
  out.height = y;
  return out;
}

}  // namespace indtrack::ui
