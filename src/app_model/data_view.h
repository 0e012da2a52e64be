// The data view under a chart (as ECharts' dataView): the chart's CSV — exactly the rows of its
// CSV file and of 复制数据 — as a table that sorts by a clicked column and copies the selected rows
// (or all) as tab-separated text, which Excel/WPS paste as a table. Its headers are the CSV's
// column ids said in the UI's language (data_view_headers.h), and a copy carries them as shown:
// what is pasted into a spreadsheet is what was read on screen; the CSV file keeps its ids.
// Headless: the chart panel draws it (only the visible rows) and feeds it clicks.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/language.h"

namespace indtrack::ui {

class DataView {
 public:
  // Replaces the table with `csv` (header row first, as chart_csv() gives it). The sort column is
  // kept when the new header still has it; the selection is cleared (the rows are new). Headers and
  // cells holding ids ("exact", "no", "construction") are shown as the CSV has them, or in words of
  // `lang` for the chart kind `kind` ("capacity"); copy_text() copies them as shown.
  void set_csv(std::string_view csv);
  void set_csv(std::string_view csv, std::string_view kind, Language lang);

  const std::vector<std::string>& columns() const { return header_; }        // the CSV's ids
  const std::vector<std::string>& headers() const { return shown_header_; }  // as shown and copied
  std::size_t row_count() const { return order_.size(); }
  // The `shown`-th row in the current order.
  const std::vector<std::string>& row(std::size_t shown) const { return rows_[order_[shown]]; }
  // The column named `name` in the header, or -1.
  int column(std::string_view name) const;

  // Sorts by `column`: numbers by value when every non-empty cell of the column is a number, else
  // text by bytes; empty cells last either way; equal cells keep the CSV's order. Clicking the
  // sorted column again reverses it (click_header); a third click returns to the CSV's order.
  void sort_by(int column, bool descending);
  void click_header(int column);
  std::optional<int> sort_column() const { return sort_column_; }
  bool descending() const { return descending_; }

  // Selection by shown row, as a table's: a plain click selects one row, ctrl toggles it, shift
  // extends from the last clicked row. Kept across sorts (it follows the rows).
  void click_row(std::size_t shown, bool ctrl, bool shift);
  bool selected(std::size_t shown) const { return selected_[order_[shown]]; }
  std::size_t selected_count() const;
  void clear_selection();

  // The shown header and the selected rows (all when none is selected), in the shown order, as
  // tab-separated lines ending "\r\n".
  std::string copy_text() const;
  // How many rows copy_text() holds (less the header).
  std::size_t copied_rows() const { return selected_count() == 0 ? row_count() : selected_count(); }

  // What a row's value leads to: its `source` cell when the CSV has one and it is not empty, else
  // the row's project (its `project`, `label` or first cell), with the column's name.
  struct Origin {
    std::string column;  // "source", "project", "label", ...
    std::string value;
    std::string header;  // the column as shown (来源)
  };
  Origin origin(std::size_t shown) const;

 private:
  // Reads `csv`; `in_words` turns the rows' id cells into words before they are sorted.
  void load(std::string_view csv,
            const std::function<void(std::vector<std::vector<std::string>>&)>& in_words);
  void apply_order();

  std::vector<std::string> header_;
  std::vector<std::string> shown_header_;
  std::vector<std::vector<std::string>> rows_;  // CSV order
  std::vector<std::size_t> order_;              // shown row -> CSV row
  std::vector<bool> selected_;                  // by CSV row
  std::optional<std::size_t> anchor_;           // CSV row of the last plain or ctrl click
  std::optional<int> sort_column_;
  bool descending_ = false;
};

}  // namespace indtrack::ui
