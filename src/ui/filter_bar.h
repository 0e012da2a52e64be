// The filter bar (left column): free-text search, as-of date, milestone date range, and
// multi-select lists for district, park, industry, product, status and company with the number of
// projects beside each option; "clear all" and "copy as command" (the equivalent `indtrack list`
// line). It edits AppState's FilterSpec — the query module's semantics, shared with the CLI.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ui/panels.h"

namespace indtrack::ui {

// The options one list shows (those with projects, selected or named), rebuilt when the
// AppState revision changes; the list draws only the rows on screen.
struct FacetRows {
  std::uint64_t revision = 0;
  std::size_t options = 0;  // the option count it was built for
  std::vector<int> shown;   // option indices, in dataset order
  int drawn = 0;            // rows drawn by the last frame
};

class FilterBar {
 public:
  void draw(PanelContext& c);
  // Ctrl+F: the search box takes the keyboard in the next draw.
  void request_search_focus() { focus_search_ = true; }
  // Option rows of every list drawn by the last draw() (tests: long lists draw what is on screen).
  int option_rows_drawn() const;
  // The as-of date field's width in the last draw (tests: a whole date fits at any panel width).
  float as_of_field_width() const { return as_of_field_w_; }
  // Where the time and clock controls were in the last draw (as-of date, 今天, the presets, the
  // clock's choices, the date range's fields), screen pixels x0, y0, x1, y1 (tests: none runs past
  // the bar or over another); and whether their labels were above them (a narrow bar).
  const std::vector<ImVec4>& last_field_rects() const { return field_rects_; }
  bool labels_above() const { return labels_above_; }

 private:
  void sync_from(const AppState& app);                   // text fields follow a filter changed elsewhere
  void draw_time_presets(AppState& app, float field_x);  // the charts' time range, under the as-of date
  void note_field();                                     // the last item into field_rects_

  std::string search_, from_, to_, as_of_;  // edit buffers
  bool from_bad_ = false, to_bad_ = false, as_of_bad_ = false;
  bool focus_search_ = false;
  float as_of_field_w_ = 0;
  std::vector<ImVec4> field_rects_;
  bool labels_above_ = false;
  std::uint64_t synced_revision_ = 0;  // AppState revision the buffers reflect
  std::string copied_;                 // the last command put on the clipboard
  FacetRows district_rows_, park_rows_, industry_rows_, product_rows_, company_rows_;
};

// "indtrack list --data FILE --district 海南区 ..." for the current filter.
std::string filter_command(const AppState& app);

}  // namespace indtrack::ui
