// PNG encoder (png_writer.h): signature, IHDR, one IDAT, IEND; CRCs and compression from zlib.
#include "io/png_writer.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "io/file_io.h"

namespace indtrack {

namespace {

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
  out.append(reinterpret_cast<const char*>(data), size);
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

}  // namespace

std::string encode_png(const unsigned char* rgba, int width, int height) {
  if (!rgba || width <= 0 || height <= 0 || width > (1 << 24) || height > (1 << 24)) return {};
  const std::size_t w = static_cast<std::size_t>(width), h = static_cast<std::size_t>(height);
  bool opaque = true;
  for (std::size_t i = 3; i < w * h * 4 && opaque; i += 4) opaque = rgba[i] == 255;
  const int bpp = opaque ? 3 : 4;
  const std::size_t row_bytes = w * static_cast<std::size_t>(bpp);

  // Rows are filtered and compressed a block at a time: no image-sized intermediate buffers (at
  // 3200×1800 those cost more in page faults than the compression itself).
  z_stream z{};
  // Level 1: the filtered rows are mostly zeros and short repeats, which the fastest level
  // already finds (smaller than stb_image_write's output, see png_writer.h).
  if (deflateInit2(&z, 1, Z_DEFLATED, 15, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  constexpr std::size_t kBlockRows = 32;
  std::vector<unsigned char> block(kBlockRows * (row_bytes + 1));
  std::vector<unsigned char> row(row_bytes), above(row_bytes);
  std::string compressed;
  compressed.reserve(h * row_bytes / 16);
  unsigned char chunk[1 << 16];
  bool ok = true;
  for (std::size_t y0 = 0; y0 < h && ok; y0 += kBlockRows) {
    const std::size_t rows = std::min(kBlockRows, h - y0);
    for (std::size_t r = 0; r < rows; ++r) {
      const std::size_t y = y0 + r;
      const unsigned char* src = rgba + y * w * 4;
      if (opaque) {
        for (std::size_t x = 0; x < w; ++x) {
          row[x * 3] = src[x * 4];
          row[x * 3 + 1] = src[x * 4 + 1];
          row[x * 3 + 2] = src[x * 4 + 2];
        }
      } else {
        std::copy(src, src + row_bytes, row.begin());
      }
      filter_row(row.data(), y > 0 ? above.data() : nullptr, row_bytes, bpp, &block[r * (row_bytes + 1)]);
      row.swap(above);
    }
    const bool last = y0 + rows == h;
    z.next_in = block.data();
    z.avail_in = static_cast<uInt>(rows * (row_bytes + 1));
    int status = Z_OK;
    do {
      z.next_out = chunk;
      z.avail_out = sizeof chunk;
      status = deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
      if (status == Z_STREAM_ERROR) ok = false;
      compressed.append(reinterpret_cast<const char*>(chunk), sizeof chunk - z.avail_out);
    } while (ok && (z.avail_out == 0 || (last && status != Z_STREAM_END)));
  }
  deflateEnd(&z);
  if (!ok) return {};

  std::string out = "\x89PNG\r\n\x1a\n";
  unsigned char ihdr[13] = {};
  for (int i = 0; i < 4; ++i) {
    ihdr[i] = static_cast<unsigned char>(static_cast<std::uint32_t>(width) >> (24 - 8 * i));
    ihdr[4 + i] = static_cast<unsigned char>(static_cast<std::uint32_t>(height) >> (24 - 8 * i));
  }
  ihdr[8] = 8;               // bit depth
  ihdr[9] = opaque ? 2 : 6;  // colour type: RGB or RGBA
  put_chunk(out, "IHDR", ihdr, sizeof ihdr);
  put_chunk(out, "IDAT", reinterpret_cast<const unsigned char*>(compressed.data()), compressed.size());
  put_chunk(out, "IEND", nullptr, 0);
  return out;
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
