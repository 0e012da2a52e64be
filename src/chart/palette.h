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

// Okabe–Ito without black, ordered so neighbours in a stack contrast: blue, orange, bluish green,
// vermillion, sky blue, reddish purple, yellow, grey.
std::span<const Rgba> categorical_palette();

// Stable colour per key. Built once from every key the dataset holds (e.g. all company ids in
// dataset order), not from a filtered subset, so a company keeps its colour whatever the filter.
// Keys are given slots in order, cycling through the palette; an unknown key falls back to a
// hash of its bytes (FNV-1a), which is stable across runs.
class CategoryColours {
 public:
  CategoryColours() = default;
  explicit CategoryColours(const std::vector<std::string>& keys);

  std::size_t slot(std::string_view key) const;  // index into categorical_palette()
  Rgba colour(std::string_view key) const;

 private:
  std::vector<std::pair<std::string, std::size_t>> slots_;  // sorted by key
};

// Phase colours for the timeline and the status chart (also Okabe–Ito): announced light grey,
// signed blue, construction orange, trial sky blue, operating bluish green, shelved reddish
// purple, cancelled vermillion.
Rgba status_colour(Status status);

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
