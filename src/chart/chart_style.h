// How a chart looks, independent of its data: theme colours, language of the built-in words,
// font sizes and spacing in pixels, and the stable company colours.
#pragma once

#include <algorithm>

#include "chart/chart_strings.h"
#include "chart/palette.h"

namespace indtrack::chart {

struct ChartStyle {
  Theme theme = light_theme();
  Language lang = Language::Chinese;
  float font_px = 13;   // axis tick labels, legend, row labels (em size)
  float small_px = 11;  // footer, bar value labels, "N items"
  float title_px = 18;
  float subtitle_px = 13;
  float padding_px = 12;                     // between the canvas edge and any content
  float line_px = 1;                         // grid and axis lines
  float row_px = 22;                         // timeline row height
  float marker_px = 9;                       // ◆ milestones, step markers
  float fold_px = 3;                         // timeline bars narrower than this fold into "N items" blocks
  const CategoryColours* colours = nullptr;  // stable company colours; nullptr: hashed keys
  // The frame's text — title and subtitle above the legend, note and footer under the plot —
  // drawn in the canvas (files). The dashboard's canvas leaves it to the panel around it (tab,
  // filter bar, Sources tooltip): the rest of the chart is the same, only higher (frame.h).
  bool frame_text = true;

  // Every length multiplied by `factor` (exports at 2× or to 4K canvases).
  ChartStyle scaled(float factor) const {
    ChartStyle s = *this;
    s.font_px *= factor;
    s.small_px *= factor;
    s.title_px *= factor;
    s.subtitle_px *= factor;
    s.padding_px *= factor;
    s.line_px *= factor;
    s.row_px *= factor;
    s.marker_px *= factor;
    s.fold_px *= factor;
    return s;
  }
};

// The width of the background-coloured line between two stacked segments (at least 1 px).
inline float separator_px(const ChartStyle& style) { return std::max(1.0f, style.line_px); }

// The stable colour of a series key (company id) in the style's theme: from style.colours, else
// hashed; kOtherColourKey is the "其他 / Other" grey.
inline Rgba colour_for(const ChartStyle& style, std::string_view key) {
  return style.colours ? style.colours->colour(key, style.theme) : CategoryColours{}.colour(key, style.theme);
}

}  // namespace indtrack::chart
