// PNG encoder (png_writer.h): signature, IHDR, pHYs, one IDAT, IEND; CRCs and compression from
// zlib. The IDAT holds a zlib stream made of the strips' raw deflate streams in order.
#include "io/png_writer.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "io/file_io.h"

namespace indtrack {

namespace {

// Rows filtered and handed to zlib at a time: large enough for few deflate calls, small enough
// to stay in cache.
constexpr std::size_t kBlockRows = 32;

void put_u32(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v >> 24);
  out += static_cast<char>(v >> 16);
  out += static_cast<char>(v >> 8);
  out += static_cast<char>(v);
}

void put_chunk(std::string& out, const char* type, const unsigned char* data, std::size_t size) {
  put_u32(out, static_cast<std::uint32_t>(size));
  const std::size_t start = out.size();
  out.append(type, 4);
  if (size) out.append(reinterpret_cast<const char*>(data), size);
  const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(out.data() + start), static_cast<uInt>(size + 4));
  put_u32(out, static_cast<std::uint32_t>(crc));
}

// Filters one row into `out` (filter byte first) with Sub or Up, whichever has the smaller sum of
// absolute residues (the usual PNG heuristic, on the two filters that suit charts).
void filter_row(const unsigned char* row, const unsigned char* above, std::size_t bytes, int bpp,
                unsigned char* out) {
  if (above && std::memcmp(row, above, bytes) == 0) {  // common in charts: Up leaves only zeros
    out[0] = 2;
    std::memset(out + 1, 0, bytes);
    return;
  }
  unsigned long sub_cost = 0, up_cost = 0;
  for (std::size_t i = 0; i < bytes; ++i) {
    const unsigned char sub =
        static_cast<unsigned char>(row[i] - (i >= static_cast<std::size_t>(bpp) ? row[i - bpp] : 0));
    const unsigned char up = static_cast<unsigned char>(row[i] - (above ? above[i] : 0));
    sub_cost += sub < 128 ? sub : 256 - sub;
    up_cost += up < 128 ? up : 256 - up;
  }
  const bool use_up = above && up_cost < sub_cost;
  out[0] = use_up ? 2 : 1;
  for (std::size_t i = 0; i < bytes; ++i)
    out[i + 1] = static_cast<unsigned char>(row[i] - (use_up                               ? above[i]
                                                      : i >= static_cast<std::size_t>(bpp) ? row[i - bpp]
                                                                                           : 0));
}

bool valid_size(int width, int height) {
  return width > 0 && height > 0 && width <= (1 << 24) && height <= (1 << 24);
}

}  // namespace

PngStrip::PngStrip(const PngFormat& format, bool last)
    : row_bytes_(static_cast<std::size_t>(std::max(format.width, 0)) * (format.alpha ? 4 : 3)),
      bpp_(format.alpha ? 4 : 3),
      last_(last),
      ok_(row_bytes_ > 0) {}

PngStrip::~PngStrip() { release(); }

PngStrip::PngStrip(PngStrip&& o) noexcept
    : row_bytes_(o.row_bytes_),
      bpp_(o.bpp_),
      last_(o.last_),
      ok_(o.ok_),
      finished_(o.finished_),
      stream_(o.stream_),
      above_(std::move(o.above_)),
      block_(std::move(o.block_)),
      block_rows_(o.block_rows_),
      rows_(o.rows_),
      has_above_(o.has_above_),
      compressed_(std::move(o.compressed_)),
      adler_(o.adler_),
      raw_bytes_(o.raw_bytes_) {
  // zlib's state points back at its z_stream, which stays where it is (on the heap).
  o.stream_ = nullptr;
  o.ok_ = false;
}

bool PngStrip::start() {
  if (stream_ || !ok_) return ok_;
  auto* z = new z_stream{};
  stream_ = z;
  // Level 1: the filtered rows are mostly zeros and short repeats, which the fastest level
  // already finds (smaller than stb_image_write's output, see png_writer.h). Raw deflate
  // (negative window bits): assemble_png writes the zlib header and checksum of the whole.
  if (deflateInit2(z, 1, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    delete z;
    stream_ = nullptr;
    ok_ = false;
    return false;
  }
  above_.resize(row_bytes_);
  block_.resize(kBlockRows * (row_bytes_ + 1));
  return true;
}

void PngStrip::release() {
  auto* z = static_cast<z_stream*>(stream_);
  if (z) deflateEnd(z);
  delete z;
  stream_ = nullptr;
  std::vector<unsigned char>().swap(above_);
  std::vector<unsigned char>().swap(block_);
}

void PngStrip::set_row_above(const unsigned char* row) {
  if (!row || finished_ || !start()) return;
  std::memcpy(above_.data(), row, row_bytes_);
  has_above_ = true;
}

void PngStrip::add_row(const unsigned char* row) {
  if (finished_ || !start()) return;
  filter_row(row, has_above_ ? above_.data() : nullptr, row_bytes_, bpp_,
             &block_[block_rows_ * (row_bytes_ + 1)]);
  std::memcpy(above_.data(), row, row_bytes_);
  has_above_ = true;
  ++rows_;
  if (++block_rows_ == kBlockRows) deflate_block(false);
}

void PngStrip::deflate_block(bool end) {
  auto* z = static_cast<z_stream*>(stream_);
  const std::size_t bytes = block_rows_ * (row_bytes_ + 1);
  adler_ = adler32(adler_, block_.data(), static_cast<uInt>(bytes));
  raw_bytes_ += bytes;
  z->next_in = block_.data();
  z->avail_in = static_cast<uInt>(bytes);
  const int flush = !end ? Z_NO_FLUSH : last_ ? Z_FINISH : Z_SYNC_FLUSH;
  unsigned char chunk[1 << 16];
  int status = Z_OK;
  do {
    z->next_out = chunk;
    z->avail_out = sizeof chunk;
    status = deflate(z, flush);
    if (status == Z_STREAM_ERROR) {
      ok_ = false;
      break;
    }
    compressed_.append(reinterpret_cast<const char*>(chunk), sizeof chunk - z->avail_out);
  } while (z->avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));
  block_rows_ = 0;
}

bool PngStrip::finish() {
  if (finished_) return ok_;
  if (start()) deflate_block(true);
  finished_ = true;
  release();
  return ok_;
}

std::string assemble_png(const PngFormat& format, const std::vector<PngStrip>& strips) {
  if (!valid_size(format.width, format.height) || strips.empty() || !strips.back().last_) return {};
  std::size_t rows = 0, size = 6;
  for (const PngStrip& s : strips) {
    if (!s.ok_ || !s.finished_) return {};
    rows += s.rows_;
    size += s.compressed_.size();
  }
  if (rows != static_cast<std::size_t>(format.height)) return {};

  // The zlib stream: header (deflate, 32 kB window, fastest level), the strips, Adler-32.
  std::string zlib;
  zlib.reserve(size);
  zlib += '\x78';
  zlib += '\x01';
  uLong adler = 1;
  for (const PngStrip& s : strips) {
    zlib += s.compressed_;
    adler = adler32_combine(adler, s.adler_, static_cast<z_off_t>(s.raw_bytes_));
  }
  put_u32(zlib, static_cast<std::uint32_t>(adler));

  std::string out = "\x89PNG\r\n\x1a\n";
  out.reserve(out.size() + zlib.size() + 64);
  unsigned char ihdr[13] = {};
  for (int i = 0; i < 4; ++i) {
    ihdr[i] = static_cast<unsigned char>(static_cast<std::uint32_t>(format.width) >> (24 - 8 * i));
    ihdr[4 + i] = static_cast<unsigned char>(static_cast<std::uint32_t>(format.height) >> (24 - 8 * i));
  }
  ihdr[8] = 8;                     // bit depth
  ihdr[9] = format.alpha ? 6 : 2;  // colour type: RGBA or RGB
  put_chunk(out, "IHDR", ihdr, sizeof ihdr);
  if (format.dots_per_inch > 0) {
    // Pixels per metre, the same both ways; unit 1 = metre.
    const auto ppm = static_cast<std::uint32_t>(std::lround(format.dots_per_inch / 0.0254));
    unsigned char phys[9] = {};
    for (int i = 0; i < 4; ++i) phys[i] = phys[4 + i] = static_cast<unsigned char>(ppm >> (24 - 8 * i));
    phys[8] = 1;
    put_chunk(out, "pHYs", phys, sizeof phys);
  }
  put_chunk(out, "IDAT", reinterpret_cast<const unsigned char*>(zlib.data()), zlib.size());
  put_chunk(out, "IEND", nullptr, 0);
  return out;
}

std::string encode_png(const unsigned char* rgba, int width, int height) {
  if (!rgba || !valid_size(width, height)) return {};
  const std::size_t w = static_cast<std::size_t>(width), h = static_cast<std::size_t>(height);
  bool opaque = true;
  for (std::size_t i = 3; i < w * h * 4 && opaque; i += 4) opaque = rgba[i] == 255;
  PngFormat format{width, height, !opaque, 0};
  std::vector<PngStrip> strips;
  strips.emplace_back(format, true);
  PngStrip& strip = strips.back();
  // Rows are converted one at a time: no image-sized intermediate buffers (at 3200×1800 those
  // cost more in page faults than the compression itself).
  std::vector<unsigned char> row(w * 3);
  for (std::size_t y = 0; y < h; ++y) {
    const unsigned char* src = rgba + y * w * 4;
    if (!opaque) {
      strip.add_row(src);
      continue;
    }
    for (std::size_t x = 0; x < w; ++x) {
      row[x * 3] = src[x * 4];
      row[x * 3 + 1] = src[x * 4 + 1];
      row[x * 3 + 2] = src[x * 4 + 2];
    }
    strip.add_row(row.data());
  }
  if (!strip.finish()) return {};
  return assemble_png(format, strips);
}

std::string write_png(const std::string& path, const RgbaImage& image) {
  if (image.width <= 0 || image.height <= 0 ||
      image.rgba.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4)
    return "no image to write";
  const std::string encoded = encode_png(image.rgba.data(), image.width, image.height);
  if (encoded.empty()) return "cannot encode the PNG image";
  const WriteFileResult written = write_file_atomically(path, encoded);
  return written.ok ? std::string() : written.error;
}

}  // namespace indtrack
