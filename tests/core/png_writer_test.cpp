// The PNG encoder: what it writes decodes (stb_image) to exactly the pixels given, as RGB when
// every pixel is opaque and RGBA otherwise; invalid sizes give no file.
#include <catch2/catch_test_macros.hpp>

#include <stb/stb_image.h>

#include <vector>

#include "io/png_writer.h"

using namespace indtrack;

namespace {

std::vector<unsigned char> test_image(int w, int h, bool with_alpha) {
  std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * 4);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      unsigned char* p = &px[(static_cast<std::size_t>(y) * w + x) * 4];
      // Flat bands (rows repeat: the Up filter), a gradient (Sub) and noise-like values.
      p[0] = static_cast<unsigned char>(y < h / 2 ? 200 : x * 7);
      p[1] = static_cast<unsigned char>((x * 31 + y * 17) & 0xFF);
      p[2] = static_cast<unsigned char>(y < h / 2 ? 40 : 255 - x);
      p[3] = with_alpha && x == y ? 128 : 255;
    }
  return px;
}

std::vector<unsigned char> decode(const std::string& png, int& w, int& h) {
  int channels = 0;
  unsigned char* data = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(png.data()),
                                              static_cast<int>(png.size()), &w, &h, &channels, 4);
  REQUIRE(data);
  std::vector<unsigned char> out(data, data + static_cast<std::size_t>(w) * h * 4);
  stbi_image_free(data);
  return out;
}

}  // namespace

TEST_CASE("encoded PNGs decode to exactly the pixels given", "[png]") {
  for (const bool alpha : {false, true}) {
    const int w = 37, h = 24;
    const std::vector<unsigned char> px = test_image(w, h, alpha);
    const std::string png = encode_png(px.data(), w, h);
    REQUIRE(png.size() > 33);
    CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    CHECK(static_cast<unsigned char>(png[25]) == (alpha ? 6 : 2));  // IHDR colour type
    int dw = 0, dh = 0;
    CHECK(decode(png, dw, dh) == px);
    CHECK(dw == w);
    CHECK(dh == h);
  }
}

TEST_CASE("a flat image compresses to almost nothing; invalid sizes give no PNG", "[png]") {
  const std::vector<unsigned char> white(800u * 600u * 4u, 255);
  const std::string png = encode_png(white.data(), 800, 600);
  CHECK(png.size() < 10000);  // of 1.44 MB of pixels
  int w = 0, h = 0;
  CHECK(decode(png, w, h) == white);
  CHECK(encode_png(white.data(), 0, 10).empty());
  CHECK(encode_png(nullptr, 10, 10).empty());
}
