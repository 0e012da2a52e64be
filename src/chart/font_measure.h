// Text widths from a real font file, computed the way the screen lays the text out: Dear ImGui
// 1.86 rasterises each font size with stb_truetype at a whole pixel height and advances by each
// glyph's advance rounded to whole raster pixels. FontTextMeasure reads the same font file with
// stb_truetype and applies the same rounding, headlessly — so a chart laid out for SVG export (no
// GPU) is the chart the ImDrawList painter draws into a PNG, to the pixel.
//
// The contract with the painter (src/ui/chart_painter.h) is raster_pixel_height(): text of em size
// E canvas pixels, drawn at R image pixels per canvas pixel, is rasterised at
// raster_pixel_height(E, line_height_em, R) pixels of line height, and drawn at 1/R of that.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chart/text_layout.h"

namespace indtrack::chart {

struct FontFace {
  std::string path;
  int face_index = 0;  // inside a .ttc collection
};

// The pixel height (ImFontConfig::SizePixels: ascender − descender) the atlas rasterises text of
// em size `em_px` at, for `raster_scale` image pixels per canvas pixel. At least 1.
int raster_pixel_height(float em_px, float line_height_em, float raster_scale);

class FontTextMeasure final : public TextMeasure {
 public:
  // faces[0] is the primary font; later faces supply only the characters it lacks (the atlas
  // merges them the same way). nullptr with `error` set when the primary cannot be read.
  static std::unique_ptr<FontTextMeasure> open(const std::vector<FontFace>& faces, float raster_scale,
                                               std::string& error);
  ~FontTextMeasure() override;
  FontTextMeasure(const FontTextMeasure&) = delete;
  FontTextMeasure& operator=(const FontTextMeasure&) = delete;

  // Advance width in canvas pixels of one line of text at em size `em_px`.
  float width(std::string_view utf8, float em_px) const override;

  float raster_scale() const { return raster_scale_; }
  // (hhea ascender − descender) / units per em of the primary face: 1.448 for Noto Sans CJK.
  float line_height_em() const { return line_height_em_; }
  // Raster pixels from the top of the line to the baseline, as ImGui computes it (ImFont::Ascent).
  float ascent_pixels(int raster_px) const;

 private:
  struct Face;
  FontTextMeasure() = default;
  float advance_pixels(char32_t cp, int raster_px) const;  // image pixels, whole numbers
  const Face* face_for(char32_t cp) const;

  std::vector<std::unique_ptr<Face>> faces_;
  float raster_scale_ = 1;
  float line_height_em_ = 1;
  // (raster px << 32 | code point) -> advance in image pixels; widths are asked for very often.
  mutable std::unordered_map<std::uint64_t, float> advances_;
};

// The code point a painter draws for `cp`: controls become spaces (a text primitive is one line);
// characters the 16-bit ImGui build cannot hold and C1 controls become U+FFFD (drawn with the
// font's fallback glyph). Shared by the measure and the painter.
char32_t drawable_code_point(char32_t cp);

}  // namespace indtrack::chart
