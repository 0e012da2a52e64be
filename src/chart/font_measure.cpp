// Exact text widths from the font file (font_measure.h). The formulas mirror ImGui 1.86's
// stb_truetype atlas builder: scale = stbtt_ScaleForPixelHeight(SizePixels), a glyph's advance is
// scale × advanceWidth rounded to a whole pixel (ImFontConfig::PixelSnapH, which the atlas sets),
// no kerning; a character no font has takes the fallback glyph's advance (U+FFFD, '?', ' ').
#include "chart/font_measure.h"

#include <stb_truetype.h>  // libstb exports the implementation

#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "io/file_io.h"

namespace indtrack::chart {

struct FontTextMeasure::Face {
  FontFace file;
  std::string bytes;  // stb_truetype reads the font in place: must live as long as `info`
  stbtt_fontinfo info{};
  bool tried = false;  // fallbacks are read on first need (a system collection is 20 MB)
  bool ok = false;
};

namespace {

bool open_face(const FontFace& file, std::string& bytes, stbtt_fontinfo& info, std::string& error) {
  ReadFileResult read = read_whole_file(file.path);
  if (!read.ok) {
    error = "cannot read the font " + file.path + ": " + read.error;
    return false;
  }
  bytes = std::move(read.content);
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const int faces = bytes.size() >= 12 ? stbtt_GetNumberOfFonts(data) : 0;
  const int offset = file.face_index >= 0 && file.face_index < faces
                         ? stbtt_GetFontOffsetForIndex(data, file.face_index)
                         : -1;
  if (offset < 0 || !stbtt_InitFont(&info, data, offset)) {
    error = "not a usable font (face " + std::to_string(file.face_index) + "): " + file.path;
    return false;
  }
  return true;
}

}  // namespace

int raster_pixel_height(float em_px, float line_height_em, float raster_scale) {
  return std::max(1, static_cast<int>(std::lround(em_px * line_height_em * raster_scale)));
}

char32_t drawable_code_point(char32_t cp) {
  if (cp < 0x20) return U' ';
  if ((cp >= 0x7F && cp < 0xA0) || cp > 0xFFFF) return U'\uFFFD';
  return cp;
}

std::unique_ptr<FontTextMeasure> FontTextMeasure::open(const std::vector<FontFace>& faces, float raster_scale,
                                                       std::string& error) {
  if (faces.empty()) {
    error = "no font given";
    return nullptr;
  }
  std::unique_ptr<FontTextMeasure> out(new FontTextMeasure());
  out->raster_scale_ = raster_scale > 0 ? raster_scale : 1;
  for (const FontFace& f : faces) {
    out->faces_.push_back(std::make_unique<Face>());
    out->faces_.back()->file = f;
  }
  Face& primary = *out->faces_.front();
  primary.tried = true;
  primary.ok = open_face(primary.file, primary.bytes, primary.info, error);
  if (!primary.ok) return nullptr;
  int ascent = 0, descent = 0, gap = 0;
  stbtt_GetFontVMetrics(&primary.info, &ascent, &descent, &gap);
  out->line_height_em_ =
      static_cast<float>(ascent - descent) * stbtt_ScaleForMappingEmToPixels(&primary.info, 1.0f);
  return out;
}

FontTextMeasure::~FontTextMeasure() = default;

const FontTextMeasure::Face* FontTextMeasure::face_for(char32_t cp) const {
  for (const auto& face : faces_) {
    if (!face->tried) {
      face->tried = true;
      std::string ignored;
      face->ok = open_face(face->file, face->bytes, face->info, ignored);
    }
    if (face->ok && stbtt_FindGlyphIndex(&face->info, static_cast<int>(cp)) != 0) return face.get();
  }
  return nullptr;
}

float FontTextMeasure::advance_pixels(char32_t cp, int raster_px) const {
  const std::uint64_t key = (static_cast<std::uint64_t>(raster_px) << 32) | cp;
  if (const auto it = advances_.find(key); it != advances_.end()) return it->second;
  const Face* face = face_for(cp);
  float advance = 0;
  if (face) {
    int advance_units = 0, bearing = 0;
    stbtt_GetCodepointHMetrics(&face->info, static_cast<int>(cp), &advance_units, &bearing);
    // In float, like stb_truetype's packer (xadvance = scale * advance) and IM_ROUND.
    const float scale = stbtt_ScaleForPixelHeight(&face->info, static_cast<float>(raster_px));
    const float unrounded = scale * static_cast<float>(advance_units);
    advance = static_cast<float>(static_cast<int>(unrounded + 0.5f));
  } else {
    // ImGui's fallback glyph: the first of U+FFFD, '?', ' ' the font has.
    for (const char32_t fallback : {U'\uFFFD', U'?', U' '}) {
      if (fallback != cp && face_for(fallback)) {
        advance = advance_pixels(fallback, raster_px);
        break;
      }
    }
  }
  advances_.emplace(key, advance);
  return advance;
}

float FontTextMeasure::width(std::string_view utf8, float em_px) const {
  const int raster_px = raster_pixel_height(em_px, line_height_em_, raster_scale_);
  float pixels = 0;
  std::size_t pos = 0;
  while (pos < utf8.size())
    pixels += advance_pixels(drawable_code_point(next_code_point(utf8, pos)), raster_px);
  return pixels / raster_scale_;
}

float FontTextMeasure::ascent_pixels(int raster_px) const {
  const Face& primary = *faces_.front();
  int ascent = 0, descent = 0, gap = 0;
  stbtt_GetFontVMetrics(&primary.info, &ascent, &descent, &gap);
  const float scale = stbtt_ScaleForPixelHeight(&primary.info, static_cast<float>(raster_px));
  return std::floor(static_cast<float>(ascent) * scale + 1.0f);  // ImGui: ImFloor(ascent * scale + 1)
}

}  // namespace indtrack::chart
