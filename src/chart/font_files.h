// Which font files draw and measure text: the bundled Noto Sans CJK SC subset, else a system CJK
// font (Noto Sans CJK SC, then WenQuanYi Micro Hei), else none (ImGui's built-in ASCII font on
// screen, the approximate measure in files). Shared by the dashboard's atlas (ui/host/fonts.h)
// and chart export (export/chart_export.h), so a chart is measured with the font it is drawn in.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "chart/font_measure.h"

namespace indtrack::chart {

struct FontFile {
  std::string path;
  int face_index = 0;  // inside a .ttc collection
  std::string label;   // "Noto Sans CJK SC"
};

struct FontSources {
  std::optional<FontFile> primary;  // empty: no usable font (the screen falls back to ImGui's built-in one)
  std::vector<FontFile> fallbacks;  // merged only for characters the primary lacks
  bool bundled = false;             // primary is the shipped asset
  std::string bundled_path;         // the asset that was looked for (named when it is not used)
};

// The system CJK fonts present on this machine, in order of preference: Noto Sans CJK SC
// (face 2 of NotoSansCJK-Regular.ttc), then WenQuanYi Micro Hei.
std::vector<FontFile> system_cjk_fonts();

// The bundled font at `bundled_path` when it is a readable font file, else the first system font.
FontSources resolve_fonts(const std::string& bundled_path,
                          const std::vector<FontFile>& system_fonts = system_cjk_fonts());

// The font files in atlas order (primary first, then fallbacks), for FontTextMeasure::open.
std::vector<FontFace> measure_faces(const FontSources& sources);

}  // namespace indtrack::chart
