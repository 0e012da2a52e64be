// Choosing the font files (font_files.h).
#include "chart/font_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace indtrack::chart {

namespace {

// A cheap check of the file header (sfnt version or "ttcf" with enough faces): the full parse
// happens when a font is used. Reading the whole 20 MB system collection here would cost more
// than the screen's atlas build itself.
bool is_usable_font(const std::string& path, int face_index) {
  std::ifstream in(path, std::ios::binary);
  unsigned char head[12] = {};
  if (!in.read(reinterpret_cast<char*>(head), sizeof head)) return false;
  const auto tag = [&](const char* t) { return std::equal(t, t + 4, head); };
  if (tag("ttcf")) {
    const unsigned faces = (unsigned{head[8]} << 24) | (unsigned{head[9]} << 16) | (unsigned{head[10]} << 8) |
                           unsigned{head[11]};
    return face_index >= 0 && static_cast<unsigned>(face_index) < faces;
  }
  const bool sfnt =
      (head[0] == 0 && head[1] == 1 && head[2] == 0 && head[3] == 0) || tag("OTTO") || tag("true");
  return sfnt && face_index == 0;
}

}  // namespace

std::vector<FontFile> system_cjk_fonts() {
  const FontFile candidates[] = {
      {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, "Noto Sans CJK SC"},
      {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0, "WenQuanYi Micro Hei"},
  };
  std::vector<FontFile> out;
  for (const FontFile& f : candidates) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(f.path, ec)) out.push_back(f);
  }
  return out;
}

FontSources resolve_fonts(const std::string& bundled_path, const std::vector<FontFile>& system_fonts) {
  FontSources out;
  out.bundled_path = bundled_path;
  std::vector<FontFile> usable;
  for (const FontFile& f : system_fonts)
    if (is_usable_font(f.path, f.face_index)) usable.push_back(f);

  if (!bundled_path.empty() && is_usable_font(bundled_path, 0)) {
    out.primary = FontFile{bundled_path, 0, "Noto Sans CJK SC (indtrack subset)"};
    out.bundled = true;
    out.fallbacks = usable;
    return out;
  }
  if (!usable.empty()) {
    out.primary = usable.front();
    out.fallbacks.assign(usable.begin() + 1, usable.end());
  }
  return out;
}

std::vector<FontFace> measure_faces(const FontSources& sources) {
  std::vector<FontFace> out;
  if (!sources.primary) return out;
  out.push_back({sources.primary->path, sources.primary->face_index});
  for (const FontFile& f : sources.fallbacks) out.push_back({f.path, f.face_index});
  return out;
}

}  // namespace indtrack::chart
