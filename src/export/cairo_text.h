// Text for the Cairo painter of chart scenes (cairo_painter.h): fonts through Pango and
// fontconfig, set up from the font files the chart layout measured with, and every text
// primitive shaped once into glyph runs placed where the screen painter puts its glyphs.
//
// Fonts. fontconfig gets a configuration of its own holding only the primary font file (the
// bundled Noto Sans CJK SC subset: ~4 ms, where reading the system's configuration costs ~10 ms
// and scanning a system .ttc ~50 ms). The first time a text has a character the primary lacks,
// the system's configuration is loaded with the primary added to it, and from then on Pango falls
// back, character by character, to the installed font fontconfig ranks first for Simplified
// Chinese. A character no installed font has is drawn as U+FFFD (as on screen) and listed in
// missing(). Bold is the regular face emboldened by cairo (one font file is shipped), unless
// the system configuration offers a real bold face.
//
// Placement. The layout measured each text with the screen's arithmetic (chart::FontTextMeasure:
// whole raster-pixel advances at the export's raster scale R). Pango shapes the text (which font,
// clusters, marks), then every cluster is moved to the pen position that measure gives: the text
// starts at box.x0 with its baseline at baseline_y, both snapped to 1/R canvas pixel, and each
// cluster advances by the measured width of its characters (× chart::kBoldWidthFactor in bold).
// Glyphs are drawn at the em size the screen's atlas rasterises
// (chart::raster_pixel_height(E, line height, R) / (line height × R)). So a text takes exactly
// the room the layout gave it, on screen and in PNG, PDF and SVG alike.
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chart/font_measure.h"
#include "chart/scene.h"
#include "chart/text_layout.h"

namespace indtrack {

// How the layout measured its text (see above).
struct TextPlacement {
  const chart::TextMeasure* measure = nullptr;  // glyph advances; null: the fonts' own
  float raster_scale = 1;                       // R: text origins snap to 1/R canvas pixel
  float line_height_em = 0;  // > 0: em sizes quantised like the screen's atlas; 0: drawn as given

  static TextPlacement of(const chart::FontTextMeasure& measure) {
    return {&measure, measure.raster_scale(), measure.line_height_em()};
  }
  // The em size, in canvas pixels, at which text of em size `size_px` is drawn.
  float drawn_em(float size_px) const;
  // Where a text's pen starts on its baseline, in canvas pixels.
  chart::Vec2 origin(const chart::TextPrim& text) const;
  // How far the pen moves for one code point.
  float advance(char32_t cp, float size_px, chart::FontWeight weight) const;
};

// Glyphs of one font, in canvas pixels from the text's origin (pen start on the baseline).
struct GlyphRun {
  cairo_scaled_font_t* font = nullptr;  // a reference of its own
  std::vector<cairo_glyph_t> glyphs;
  // The characters shown, for text extraction from PDF (copy, search): clusters in glyph order.
  std::string utf8;
  std::vector<cairo_text_cluster_t> clusters;
  cairo_text_cluster_flags_t cluster_flags{};

  GlyphRun() = default;
  GlyphRun(GlyphRun&& other) noexcept;
  GlyphRun& operator=(GlyphRun&& other) noexcept;
  GlyphRun(const GlyphRun&) = delete;
  GlyphRun& operator=(const GlyphRun&) = delete;
  ~GlyphRun();
};

struct ShapedText {
  std::vector<GlyphRun> runs;
  float advance = 0;  // where the pen ends, canvas pixels
};

class CairoText {
 public:
  // `faces`: the layout's font files, primary first (chart::FontFace, as FontTextMeasure::open
  // takes them); the later ones are only the measure's fallbacks. Empty: the system's fonts.
  // nullptr with `error` set when the primary is not a font fontconfig can read.
  static std::unique_ptr<CairoText> open(const std::vector<chart::FontFace>& faces, std::string& error);
  ~CairoText();
  CairoText(const CairoText&) = delete;
  CairoText& operator=(const CairoText&) = delete;

  // Makes sure every character of `utf8` has a font, loading the system's font configuration the
  // first time one is missing. shape() and layout() call it; calling it first for all the text of
  // a document loads the configuration before anything is shaped with the smaller one.
  void cover(std::string_view utf8);

  // `text` shaped and placed as `placement` says (see above); cached per text, size and weight.
  std::shared_ptr<const ShapedText> shape(const chart::TextPrim& text, const TextPlacement& placement);

  // A Pango layout with these fonts, for free text (report pages): `size_px` em in the units of
  // the cairo context it will be shown on. The caller owns it (g_object_unref).
  PangoLayout* layout(std::string_view utf8, float size_px, bool bold);

  // Characters of the text seen so far that no installed font has (drawn as U+FFFD), sorted.
  const std::vector<char32_t>& missing() const { return missing_; }
  // True once the system's fonts were needed.
  bool uses_system_fonts() const { return system_; }
  // The font file of the primary face ("" when the system's fonts were asked for).
  const std::string& primary_file() const { return primary_file_; }

 private:
  CairoText() = default;
  bool load_system_config();
  void make_font_map();
  std::string sanitized(std::string_view utf8);  // drawable: controls -> space, missing -> U+FFFD
  bool has_font_for(char32_t cp) const;

  struct Fc;
  std::unique_ptr<Fc> fc_;
  PangoFontMap* font_map_ = nullptr;
  PangoContext* context_ = nullptr;
  PangoAttrList* features_ = nullptr;  // no ligatures: one glyph per character, like the screen
  std::string family_;                 // the primary face's family name
  std::string primary_file_;
  int primary_index_ = 0;
  bool system_ = false;
  std::vector<char32_t> missing_;
  std::vector<char32_t> covered_;  // known to have a font, sorted
  std::unordered_map<std::string, std::shared_ptr<const ShapedText>> cache_;
  TextPlacement cached_placement_{};
};

}  // namespace indtrack
