// One chart scene as a file, painted by Cairo with no GPU (cairo_painter.h):
//   PNG  W·S × H·S pixels, painted in strips of 64 rows on two threads, each strip filtered and
//        compressed as soon as it is painted (io/png_writer.h): no image-sized buffer exists,
//        so a 3200×1800 export needs ~2 MB of pixels, not 23 MB. pHYs says 96·S dots per inch.
//   PDF  vector, one page of W × H CSS pixels (0.75 pt each), fonts embedded as subsets, text
//        kept as text (copy and search work).
//   SVG  with every glyph as an outline: placed exactly in any program, no font needed, not
//        editable as text (chart::write_svg stays the default SVG, with live text).
// A canvas pixel is a CSS pixel, 1/96 inch, in all three: the PNG and the PDF print at the same
// size.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "chart/font_measure.h"
#include "chart/scene.h"
#include "export/cairo_text.h"
#include "io/png_writer.h"  // kMaxImageSide

namespace indtrack {

inline constexpr float kCssPixelsPerInch = 96;
inline constexpr float kPointsPerCssPixel = 0.75f;

struct PdfInfo {
  std::string title;        // the document's title (PDF viewers show it)
  std::string subject;      // e.g. the filter in words
  std::string create_date;  // ISO 8601, "2024-10-31T09:30:00"; empty: cairo writes the current time
};

class ChartFilePainter {
 public:
  // The fonts of the layout's measure, primary first (chart::FontTextMeasure::open's `faces`).
  static std::unique_ptr<ChartFilePainter> open(const std::vector<chart::FontFace>& faces,
                                                std::string& error);

  CairoText& text() { return *text_; }
  const CairoText& text() const { return *text_; }

  // The PNG file's bytes of `scene` at `scale` image pixels per canvas pixel; empty with `error`
  // set when the size is impossible or painting failed.
  std::string png(const chart::Scene& scene, const TextPlacement& placement, float scale, std::string& error);
  // The scene's pixels, RGBA, top row first (tests; the same strips as png()).
  std::vector<unsigned char> rgba(const chart::Scene& scene, const TextPlacement& placement, float scale,
                                  int& width, int& height, std::string& error);
  std::string pdf(const chart::Scene& scene, const TextPlacement& placement, const PdfInfo& info,
                  std::string& error);
  std::string svg_outlined(const chart::Scene& scene, const TextPlacement& placement, std::string& error);

  // Rows painted per strip, and how many threads paint them (PNG, rgba()).
  static constexpr int kStripRows = 64;

 private:
  explicit ChartFilePainter(std::unique_ptr<CairoText> text) : text_(std::move(text)) {}
  std::unique_ptr<CairoText> text_;
};

// Cairo output written into a std::string (cairo_pdf/svg_surface_create_for_stream).
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

}  // namespace indtrack
