// PNG encoding for exported charts and screenshots: 8-bit RGB (RGBA when any pixel is not
// opaque), each row filtered with Sub or Up — whichever leaves the smaller residue — and
// compressed by zlib at level 1. Charts are flat areas and thin lines: for the 3200×1800 capacity
// chart this gives 220 kB in ~70 ms where stb_image_write gives 350 kB in ~700 ms
// (docs/performance.md).
//
// An image can also be encoded as horizontal strips, each filtered and compressed on its own
// (PngStrip: a raw deflate stream ended with a sync flush) and joined in order by assemble_png(),
// which adds the zlib header and the Adler-32 of the whole: strips can be painted and compressed
// on separate threads, and no image-sized buffer is ever needed (the Cairo export, docs/charts.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace indtrack {

// The largest side of any picture indtrack writes, in pixels: plenty for print, and what GL
// renderbuffers allow, so a chart exports the same through the file painter and the screen's
// offscreen renderer.
inline constexpr int kMaxImageSide = 16384;

// Pixels to write: 4 bytes (RGBA) per pixel, top row first.
struct RgbaImage {
  int width = 0, height = 0;        // pixels
  std::vector<unsigned char> rgba;  // width*height*4 bytes
};

// `rgba`: width × height pixels, 4 bytes each, top row first. Returns the PNG file's bytes, or an
// empty string when the size is invalid or zlib fails.
std::string encode_png(const unsigned char* rgba, int width, int height);

// Writes the image as a PNG file, atomically (temporary file, then rename). Returns an error
// message, empty on success.
std::string write_png(const std::string& path, const RgbaImage& image);

struct PngFormat {
  int width = 0, height = 0;  // pixels
  bool alpha = false;         // rows are RGBA (else RGB)
  float dots_per_inch = 0;    // > 0: written as the pHYs chunk (how large the image prints)
};

// Consecutive rows of one image, filtered and compressed independently of the other strips.
class PngStrip {
 public:
  // `last`: this strip ends the image (its deflate stream is finished, not flushed).
  PngStrip(const PngFormat& format, bool last);
  ~PngStrip();
  PngStrip(PngStrip&& other) noexcept;
  PngStrip& operator=(PngStrip&&) = delete;
  PngStrip(const PngStrip&) = delete;
  PngStrip& operator=(const PngStrip&) = delete;

  // The image row just above the strip's first row (its Up filter refers to it); not called for
  // the strip holding the image's first row. Packed like add_row's rows.
  void set_row_above(const unsigned char* row);
  // The next row: width × 3 bytes (RGB) or × 4 (RGBA).
  void add_row(const unsigned char* row);
  // Compresses what is left and frees the compressor (~400 kB), keeping the compressed bytes.
  // False when zlib failed (then assemble_png gives nothing).
  bool finish();

 private:
  friend std::string assemble_png(const PngFormat& format, const std::vector<PngStrip>& strips);
  bool start();  // allocates the row buffers and the compressor on first use
  void deflate_block(bool end);
  void release();

  std::size_t row_bytes_ = 0;
  int bpp_ = 3;
  bool last_ = false;
  bool ok_ = true;
  bool finished_ = false;
  void* stream_ = nullptr;  // z_stream, set once deflateInit2 succeeded
  std::vector<unsigned char> above_, block_;
  std::size_t block_rows_ = 0;
  std::size_t rows_ = 0;
  bool has_above_ = false;
  std::string compressed_;
  unsigned long adler_ = 1;      // Adler-32 of the filtered bytes (the zlib stream's content)
  std::uint64_t raw_bytes_ = 0;  // how many filtered bytes
};

// The PNG file of `strips` (top to bottom, the last one made with last = true, together
// format.height rows). Empty when a strip failed or the rows do not add up.
std::string assemble_png(const PngFormat& format, const std::vector<PngStrip>& strips);

}  // namespace indtrack
