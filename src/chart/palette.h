// Colours: a colour-blind-safe categorical palette (Okabe & Ito, "Color Universal Design") with
// one stable colour per key (company id) across all charts, colours for project phases/statuses,
// and the light and dark themes (background, grid, text, axis).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chart/scene.h"
#include "model/vocabulary.h"

namespace indtrack::chart {

struct Theme;

// Twelve categorical colours per theme: the Okabe–Ito hues (blue, orange, bluish green, vermillion,
// sky blue, reddish purple) and a darker (light theme) or lighter (dark theme) shade of each plus
// olive, all at ≥ 3:1 contrast against the theme's background (the light theme has no yellow: 1.3:1
// on white). Slot i has the same hue in both themes. Grey is kept for "其他 / Other".
std::span<const Rgba> categorical_palette(const Theme& theme);
Rgba other_colour(const Theme& theme);  // the grey of keys grouped into "其他 / Other"
// The colour key of a series or bar that stands for "其他 / Other" (no colour of its own).
inline constexpr std::string_view kOtherColourKey =
    "\x1f"
    "other";

// Stable colour per key. Built once from every key the dataset holds, not from a filtered subset,
// so a company keeps its colour whatever the filter. Keys get slots in the given order, cycling
// through the palette (so give keys that are seen together neighbouring places); an unknown key
// falls back to a hash of its bytes (FNV-1a), which is stable across runs.
class CategoryColours {
 public:
  CategoryColours() = default;
  explicit CategoryColours(const std::vector<std::string>& keys);

  std::size_t slot(std::string_view key) const;  // index into categorical_palette()
  Rgba colour(std::string_view key, const Theme& theme) const;

  // For the keys in one view, most important first: whether each keeps its own colour. A key
  // whose slot an earlier key already holds does not (the caller groups it into "其他 / Other"),
  // so no colour is repeated in a view. kOtherColourKey and duplicates of a kept key count as kept.
  std::vector<bool> distinct_in_view(const std::vector<std::string>& keys) const;

 private:
  std::vector<std::pair<std::string, std::size_t>> slots_;  // sorted by key
};

// Phase colours for the timeline, the status chart and the dashboard, per theme. In order of
// progress (规划, 签约, 在建, 试生产, 投产) the CIE lightness L* steps by ≥ 9 away from the background
// (darker on the light theme, lighter on the dark), so the statuses stay apart in greyscale print;
// hues alternate (grey, reddish purple, orange, blue, bluish green) for colour readers. 停滞 (dark
// grey) and 取消 (vermillion) leave that order: where they stack next to the others (the status
// chart) they are hatched (status_hatched). Every colour has ≥ 3:1 contrast against its theme's
// background.
Rgba status_colour(Status status, const Theme& theme);
bool status_hatched(Status status);  // stacked: Hatch::Diagonal in the background colour

// CIE 1976 lightness L* (0–100) of a colour's relative luminance (WCAG/sRGB), and the WCAG contrast
// ratio of two colours (1–21).
double relative_luminance(Rgba c);
double lightness(Rgba c);
double contrast_ratio(Rgba a, Rgba b);

struct Theme {
  bool dark = false;
  Rgba background;       // the canvas
  Rgba plot_background;  // inside the plot rectangle
  Rgba grid;             // minor grid lines
  Rgba grid_major;       // year boundaries, zero line
  Rgba axis;             // axis lines and tick marks
  Rgba text;             // titles, labels
  Rgba text_muted;       // subtitle, footer, tick labels
  Rgba as_of_line;       // the as-of date
  Rgba today_line;
  Rgba reference;   // city-level reference marks
  Rgba group_band;  // background of timeline group headers
  Rgba fold;        // folded "N items" blocks
  Rgba hidden;      // legend entries of hidden series
};
Theme light_theme();
Theme dark_theme();

// Expected quantities: the series colour made lighter (mixed towards the background), hatched
// with the full colour.
Rgba expected_fill(Rgba colour, const Theme& theme);
Rgba mix(Rgba a, Rgba b, float t);  // t = 0 -> a, 1 -> b; alpha mixed too

}  // namespace indtrack::chart
