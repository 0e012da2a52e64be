// A chart scene as PNG, PDF or outlined SVG through Cairo (cairo_chart_files.h).
#include "export/cairo_chart_files.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>

#include "core/parallel.h"
#include "export/cairo_painter.h"
#include "io/png_writer.h"

namespace indtrack {

namespace {

// One pixel of a Cairo image surface (a native-endian 32-bit word, premultiplied alpha) as
// straight-alpha RGBA.
inline void unpack(std::uint32_t v, bool alpha, unsigned char* out) {
  const unsigned a = alpha ? v >> 24 : 255;
  unsigned r = (v >> 16) & 0xFF, g = (v >> 8) & 0xFF, b = v & 0xFF;
  if (a != 255) {
    r = a ? (r * 255 + a / 2) / a : 0;
    g = a ? (g * 255 + a / 2) / a : 0;
    b = a ? (b * 255 + a / 2) / a : 0;
  }
  out[0] = static_cast<unsigned char>(r);
  out[1] = static_cast<unsigned char>(g);
  out[2] = static_cast<unsigned char>(b);
  if (alpha) out[3] = static_cast<unsigned char>(a);
}

// Paints the scene in strips of kStripRows image rows on two threads and hands every strip's rows
// to `take(strip, y, row)` — RGB or RGBA bytes of image row y, on the thread that painted the
// strip, top to bottom, starting with the row just above the strip when there is one — then
// calls `end(strip)`. Returns "" or why it could not paint.
using RowSink = std::function<void(int strip, int y, const unsigned char* row)>;
std::string paint_strips(CairoText& fonts, const chart::Scene& scene, const TextPlacement& placement,
                         float scale, bool alpha, int width, int height, const RowSink& take,
                         const std::function<void(int strip)>& end) {
  const ShapedScene shaped = shape_scene(fonts, scene, placement);
  const int rows_per_strip = ChartFilePainter::kStripRows;
  const int strips = (height + rows_per_strip - 1) / rows_per_strip;
  std::atomic<int> next{0};
  std::atomic<bool> failed{false};
  const auto worker = [&] {
    // One row more than a strip: the row above it, which its first row's Up filter refers to.
    cairo_surface_t* surface = cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                                          width, rows_per_strip + 1);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
      failed = true;
      cairo_surface_destroy(surface);
      return;
    }
    std::vector<unsigned char> row(static_cast<std::size_t>(width) * (alpha ? 4 : 3));
    for (int s; (s = next++) < strips && !failed;) {
      const int y0 = s * rows_per_strip;
      const int rows = std::min(rows_per_strip, height - y0);
      const int above = s > 0 ? 1 : 0;
      const int top = y0 - above;  // image row of the surface's first row
      cairo_t* cr = cairo_create(surface);
      // The whole surface in the background first: the surface is reused from strip to strip, and
      // the image's last row can reach past the scene's height (a height rounded up), where the
      // scene paints nothing — the previous strip's text showed there.
      cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
      cairo_set_source_rgba(cr, scene.background.r / 255.0, scene.background.g / 255.0,
                            scene.background.b / 255.0, scene.background.a / 255.0);
      cairo_paint(cr);
      cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
      cairo_translate(cr, 0, -top);
      cairo_scale(cr, scale, scale);
      CairoCanvas canvas{cr, scale,
                         chart::RectF{0, static_cast<float>(top) / scale, scene.width,
                                      static_cast<float>(y0 + rows) / scale}};
      paint_scene(canvas, scene, shaped);
      if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) failed = true;
      cairo_destroy(cr);
      cairo_surface_flush(surface);
      const unsigned char* data = cairo_image_surface_get_data(surface);
      const int stride = cairo_image_surface_get_stride(surface);
      for (int r = 0; r < above + rows; ++r) {
        const auto* px =
            reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(r) * stride);
        unsigned char* out = row.data();
        const int bpp = alpha ? 4 : 3;
        for (int x = 0; x < width; ++x, out += bpp) unpack(px[x], alpha, out);
        take(s, top + r, row.data());
      }
      end(s);
    }
    cairo_surface_destroy(surface);
  };
  run_both(worker, worker);
  return failed ? "cannot paint the chart (cairo ran out of memory?)" : "";
}

bool image_size(const chart::Scene& scene, float scale, int& width, int& height, std::string& error) {
  width = static_cast<int>(std::lround(scene.width * scale));
  height = static_cast<int>(std::lround(scene.height * scale));
  if (width <= 0 || height <= 0 || width > kMaxImageSide || height > kMaxImageSide) {
    error = "cannot make a " + std::to_string(width) + "×" + std::to_string(height) +
            " pixel image (at most " + std::to_string(kMaxImageSide) + " a side)";
    return false;
  }
  return true;
}

std::string finish_surface(cairo_surface_t* surface, cairo_t* cr) {
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  return status == CAIRO_STATUS_SUCCESS ? std::string() : std::string(cairo_status_to_string(status));
}

}  // namespace

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::unique_ptr<ChartFilePainter> ChartFilePainter::open(const std::vector<chart::FontFace>& faces,
                                                         std::string& error) {
  std::unique_ptr<CairoText> text = CairoText::open(faces, error);
  if (!text) return nullptr;
  return std::unique_ptr<ChartFilePainter>(new ChartFilePainter(std::move(text)));
}

std::string ChartFilePainter::png(const chart::Scene& scene, const TextPlacement& placement, float scale,
                                  std::string& error) {
  int width = 0, height = 0;
  if (!image_size(scene, scale, width, height, error)) return {};
  const bool alpha = scene.background.a < 255;
  const PngFormat format{width, height, alpha, kCssPixelsPerInch * scale};
  const int count = (height + kStripRows - 1) / kStripRows;
  std::vector<PngStrip> strips;
  strips.reserve(static_cast<std::size_t>(count));
  for (int s = 0; s < count; ++s) strips.emplace_back(format, s == count - 1);
  error = paint_strips(
      *text_, scene, placement, scale, alpha, width, height,
      [&](int s, int y, const unsigned char* row) {
        PngStrip& strip = strips[static_cast<std::size_t>(s)];
        if (y < s * kStripRows)
          strip.set_row_above(row);
        else
          strip.add_row(row);
      },
      [&](int s) { strips[static_cast<std::size_t>(s)].finish(); });
  if (!error.empty()) return {};
  std::string out = assemble_png(format, strips);
  if (out.empty()) error = "cannot compress the PNG image";
  return out;
}

std::vector<unsigned char> ChartFilePainter::rgba(const chart::Scene& scene, const TextPlacement& placement,
                                                  float scale, int& width, int& height, std::string& error) {
  if (!image_size(scene, scale, width, height, error)) return {};
  std::vector<unsigned char> out(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  const std::size_t row_bytes = static_cast<std::size_t>(width) * 4;
  error = paint_strips(
      *text_, scene, placement, scale, true, width, height,
      [&](int s, int y, const unsigned char* row) {
        if (y >= s * kStripRows) std::memcpy(&out[static_cast<std::size_t>(y) * row_bytes], row, row_bytes);
      },
      [](int) {});
  if (!error.empty()) out.clear();
  return out;
}

std::string ChartFilePainter::pdf(const chart::Scene& scene, const TextPlacement& placement,
                                  const PdfInfo& info, std::string& error) {
  const ShapedScene shaped = shape_scene(*text_, scene, placement);
  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
      append_to_string, &out, scene.width * kPointsPerCssPixel, scene.height * kPointsPerCssPixel);
  if (!info.title.empty())
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, info.title.c_str());
  if (!info.subject.empty())
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, info.subject.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "indtrack " INDTRACK_VERSION);
  if (!info.create_date.empty())
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, info.create_date.c_str());
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, kPointsPerCssPixel, kPointsPerCssPixel);
  paint_scene({cr, 0, {}}, scene, shaped);
  if (const std::string problem = finish_surface(surface, cr); !problem.empty()) {
    error = "cannot make the PDF: " + problem;
    return {};
  }
  return out;
}

std::string ChartFilePainter::svg_outlined(const chart::Scene& scene, const TextPlacement& placement,
                                           std::string& error) {
  const ShapedScene shaped = shape_scene(*text_, scene, placement);
  std::string out;
  cairo_surface_t* surface =
      cairo_svg_surface_create_for_stream(append_to_string, &out, scene.width, scene.height);
  cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX);
  cairo_t* cr = cairo_create(surface);
  paint_scene({cr, 0, {}}, scene, shaped);
  if (const std::string problem = finish_surface(surface, cr); !problem.empty()) {
    error = "cannot make the SVG: " + problem;
    return {};
  }
  return out;
}

}  // namespace indtrack
