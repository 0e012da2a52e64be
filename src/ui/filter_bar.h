// The filter bar (left column): free-text search, as-of date, milestone date range, and
// multi-select lists for district, park, industry, product, status and company with the number of
// projects beside each option; "clear all" and "copy as command" (the equivalent `indtrack list`
// line). It edits AppState's FilterSpec — the query module's semantics, shared with the CLI.
#pragma once

#include <string>

#include "ui/panels.h"

namespace indtrack::ui {

class FilterBar {
 public:
  void draw(PanelContext& c);

 private:
  void sync_from(const AppState& app);  // text fields follow a filter changed elsewhere

  std::string search_, from_, to_, as_of_;  // edit buffers
  bool from_bad_ = false, to_bad_ = false, as_of_bad_ = false;
  std::uint64_t synced_revision_ = 0;  // AppState revision the buffers reflect
  std::string copied_;                 // the last command put on the clipboard
};

// "indtrack list --data FILE --district 海南区 ..." for the current filter.
std::string filter_command(const AppState& app);

}  // namespace indtrack::ui
