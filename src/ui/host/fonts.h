// Fonts: the glyph atlas built from the font files chart/font_files.h chooses (the bundled Noto
// Sans CJK SC subset, else a system CJK font, else ImGui's built-in font, each fallback with a notice).
// The atlas holds only the characters in the GlyphSet (UI strings, dataset text, typed text) at
// 1×1 oversampling, and is rebuilt between frames when new characters arrive or the scale changes.
// A character the main font lacks is taken from a system CJK font merged in for just those glyphs.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "app_model/notice.h"
#include "chart/font_files.h"
#include "chart/font_measure.h"
#include "ui/host/glyph_set.h"
#include "ui/host/mapped_file.h"

namespace indtrack::ui {

// Which font files (the bundled subset, else a system CJK font) is decided headlessly in
// chart/font_files.h, shared with chart export; the atlas below is built from them.
using chart::FontFile;
using chart::FontSources;
using chart::resolve_fonts;
using chart::system_cjk_fonts;

// Why the bundled font is not used, for the notices panel: a system font stands in (warning) or
// there is no CJK font at all (error). nullopt when the bundled font is used.
std::optional<Notice> font_notice(const FontSources& sources);

// The fonts the panels draw with.
struct UiFonts {
  ImFont* body = nullptr;     // all UI and dataset text
  ImFont* large = nullptr;    // KPI figures: digits, units
  ImFont* heading = nullptr;  // the detail panel's project title
  // Chart text (chart_painter.h): one font per raster pixel height, ascending by height.
  std::vector<std::pair<int, ImFont*>> chart;
  ImFont* chart_font(int raster_px) const;  // nullptr when that height was not built
};

struct FontBuildReport {
  UiFonts fonts;
  double milliseconds = 0;  // wall time of the atlas build (rasterising and packing)
  int glyphs = 0;           // glyphs rasterised, both fonts
  int texture_width = 0, texture_height = 0;
  std::vector<char32_t> missing;  // wanted characters no font could provide (drawn as "?")
  bool used_fallback = false;     // a system font supplied characters the primary lacks
};

class FontManager {
 public:
  static constexpr float kBodyPixels = 16;  // at UI scale 1
  static constexpr float kLargePixels = 26;
  static constexpr float kHeadingPixels = 19;

  explicit FontManager(FontSources sources);

  const FontSources& sources() const { return sources_; }
  GlyphSet& glyphs() { return glyphs_; }
  const GlyphSet& glyphs() const { return glyphs_; }

  // Adds text that will be drawn; true when it brought characters the atlas lacks.
  bool request_text(std::string_view utf8) { return glyphs_.add_text(utf8); }
  // Text drawn with the large font (KPI figures and their units).
  bool request_large_text(std::string_view utf8) { return large_glyphs_.add_text(utf8); }
  // Text drawn with the heading font (it also goes into the body set: headings are body text too).
  bool request_heading_text(std::string_view utf8) {
    const bool heading = heading_glyphs_.add_text(utf8);
    return glyphs_.add_text(utf8) || heading;
  }

  // Text the chart painter draws at `raster_px` pixels of line height (chart::raster_pixel_height):
  // each height becomes its own font holding the chart characters, so glyph advances are exactly
  // those chart::FontTextMeasure computes. True when it brought a new character or height.
  bool request_chart_text(std::string_view utf8, int raster_px);
  // (ascender − descender) / em of the primary font, read from the file; 0 without one.
  float chart_line_height_em() const { return line_height_em_; }
  // The font files in atlas order (primary first, then fallbacks) for chart::FontTextMeasure.
  std::vector<chart::FontFace> measure_faces() const;

  // True when the atlas last built by build() misses requested characters or has another scale.
  bool needs_rebuild(float raster_scale) const;

  // Clears `atlas` and builds both fonts at `raster_scale` pixels per UI pixel. Call between
  // frames; the renderer must then re-upload the texture. May be called for a second atlas
  // (offscreen export at another scale); the manager's own state tracks the last call.
  FontBuildReport build(ImFontAtlas& atlas, float raster_scale);

  const FontBuildReport& last_build() const { return last_build_; }
  // Forces the next needs_rebuild() to be true (another atlas was built in between).
  void invalidate_build() { built_scale_ = 0; }

 private:
  const MappedFile* file_bytes(const FontFile& file);
  void add_fonts(ImFontAtlas& atlas, float raster_scale, FontBuildReport& report);

  FontSources sources_;
  GlyphSet glyphs_;
  GlyphSet large_glyphs_;
  GlyphSet heading_glyphs_;
  // Chart text per raster pixel height: each height holds only the characters drawn at it (a
  // title's few characters are not rasterised at footer size and the other way round).
  std::map<int, GlyphSet> chart_glyphs_;
  float line_height_em_ = 0;
  std::map<std::string, std::unique_ptr<MappedFile>> file_cache_;  // path -> mapped file; mapped once
  std::vector<char32_t> primary_lacks_;                            // learned from builds: sorted, unique
  // Ranges must outlive ImFontAtlas::Build(), which reads them through ImFontConfig pointers.
  std::vector<ImWchar> body_ranges_, large_ranges_, heading_ranges_, fallback_ranges_;
  std::map<int, std::vector<ImWchar>> chart_ranges_;
  float built_scale_ = 0;
  FontBuildReport last_build_;
};

}  // namespace indtrack::ui
