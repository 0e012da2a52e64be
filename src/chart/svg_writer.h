// Scene -> SVG text: the vector export of any chart. One SVG element per scene primitive (plus the
// background, clip paths and hatch patterns in <defs>), text kept as <text> with a CJK font-family
// list, every string escaped, numbers written locale-independently with at most two decimals, so
// the same scene always gives byte-identical output.
#pragma once

#include <string>
#include <string_view>

#include "chart/scene.h"

namespace indtrack::chart {

struct SvgOptions {
  // CSS font-family list: Chinese fonts on Linux, Windows and macOS first, then a generic family.
  std::string font_family =
      "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
  bool hit_attributes = true;  // data-hit="kind index part" on primitives that carry a hit id
};

std::string write_svg(const Scene& scene, const SvgOptions& options = {});

// Text for XML content and attribute values: & < > " ' as entities; characters XML 1.0 cannot
// carry (C0 controls other than tab/newline/CR, DEL, C1 controls, surrogates, U+FFFE/U+FFFF) and
// invalid UTF-8 bytes become U+FFFD; tab, newline and CR become spaces (a text is one line).
std::string escape_xml(std::string_view text);

}  // namespace indtrack::chart
