// The chart's numbers as a sortable, copyable table (data_view.h).
#include "app_model/data_view.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <numeric>

#include "app_model/data_view_headers.h"
#include "io/csv_reader.h"

namespace indtrack::ui {

namespace {

std::optional<double> number(const std::string& cell) {
  double v = 0;
  const char* end = cell.data() + cell.size();
  const auto [ptr, ec] = std::from_chars(cell.data(), end, v);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return v;
}

const std::string& cell_of(const std::vector<std::string>& row, std::size_t column) {
  static const std::string kEmpty;
  return column < row.size() ? row[column] : kEmpty;
}

}  // namespace

void DataView::set_csv(std::string_view csv, std::string_view kind, Language lang) {
  load(csv, [&](std::vector<std::vector<std::string>>& rows) {
    for (std::size_t c = 0; c < header_.size(); ++c) {
      shown_header_[c] = data_view_header(kind, header_[c], lang);
      // A column with its words beside it ("status" and "status_label") shows those words.
      const int words = column(header_[c] + "_label");
      for (std::vector<std::string>& row : rows) {
        if (c >= row.size()) continue;
        row[c] = words >= 0 ? cell_of(row, static_cast<std::size_t>(words))
                            : data_view_cell(kind, header_[c], row[c], lang);
      }
    }
  });
}

void DataView::set_csv(std::string_view csv) {
  load(csv, [](std::vector<std::vector<std::string>>&) {});
}

void DataView::load(std::string_view csv,
                    const std::function<void(std::vector<std::vector<std::string>>&)>& in_words) {
  std::optional<std::string> sorted_name;
  if (sort_column_) sorted_name = header_[static_cast<std::size_t>(*sort_column_)];
  std::vector<std::vector<std::string>> rows = parse_csv(csv);
  header_.clear();
  if (!rows.empty()) {
    header_ = std::move(rows.front());
    rows.erase(rows.begin());
  }
  shown_header_ = header_;
  in_words(rows);  // before the sort below: rows sort as they are shown
  rows_ = std::move(rows);
  selected_.assign(rows_.size(), false);
  anchor_.reset();
  sort_column_.reset();
  if (sorted_name)
    if (const int c = column(*sorted_name); c >= 0) sort_column_ = c;
  apply_order();
}

int DataView::column(std::string_view name) const {
  const auto it = std::find(header_.begin(), header_.end(), name);
  return it == header_.end() ? -1 : static_cast<int>(it - header_.begin());
}

void DataView::sort_by(int column, bool descending) {
  if (column < 0 || static_cast<std::size_t>(column) >= header_.size()) {
    sort_column_.reset();
  } else {
    sort_column_ = column;
    descending_ = descending;
  }
  apply_order();
}

void DataView::click_header(int column) {
  if (sort_column_ != column) return sort_by(column, false);
  if (!descending_) return sort_by(column, true);
  sort_by(-1, false);  // third click: the CSV's order
}

void DataView::apply_order() {
  order_.resize(rows_.size());
  std::iota(order_.begin(), order_.end(), std::size_t{0});
  if (!sort_column_) return;
  const auto c = static_cast<std::size_t>(*sort_column_);
  const bool numeric = std::all_of(rows_.begin(), rows_.end(), [&](const std::vector<std::string>& r) {
    return cell_of(r, c).empty() || number(cell_of(r, c)).has_value();
  });
  const bool desc = descending_;
  std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
    const std::string& x = cell_of(rows_[a], c);
    const std::string& y = cell_of(rows_[b], c);
    if (x.empty() || y.empty()) return !x.empty() && y.empty();  // empty cells last
    if (numeric) {
      const double u = *number(x), v = *number(y);
      return desc ? v < u : u < v;
    }
    return desc ? y < x : x < y;
  });
}

void DataView::click_row(std::size_t shown, bool ctrl, bool shift) {
  if (shown >= order_.size()) return;
  const std::size_t row = order_[shown];
  if (shift && anchor_) {
    // The anchor's shown position under the current order.
    const auto at =
        static_cast<std::size_t>(std::find(order_.begin(), order_.end(), *anchor_) - order_.begin());
    if (!ctrl) std::fill(selected_.begin(), selected_.end(), false);
    for (std::size_t i = std::min(at, shown); i <= std::max(at, shown); ++i) selected_[order_[i]] = true;
    return;
  }
  if (ctrl) {
    selected_[row] = !selected_[row];
  } else {
    std::fill(selected_.begin(), selected_.end(), false);
    selected_[row] = true;
  }
  anchor_ = row;
}

std::size_t DataView::selected_count() const {
  return static_cast<std::size_t>(std::count(selected_.begin(), selected_.end(), true));
}

void DataView::clear_selection() {
  std::fill(selected_.begin(), selected_.end(), false);
  anchor_.reset();
}

std::string DataView::copy_text() const {
  std::string out = tsv_row(shown_header_);
  const bool all = selected_count() == 0;
  for (const std::size_t r : order_)
    if (all || selected_[r]) out += tsv_row(rows_[r]);
  return out;
}

DataView::Origin DataView::origin(std::size_t shown) const {
  const std::vector<std::string>& r = row(shown);
  auto origin_in = [&](int c) {
    const auto i = static_cast<std::size_t>(c);
    return Origin{header_[i], cell_of(r, i), shown_header_[i]};
  };
  if (const int s = column("source"); s >= 0 && !cell_of(r, static_cast<std::size_t>(s)).empty())
    return origin_in(s);
  for (const char* name : {"project", "label"})
    if (const int p = column(name); p >= 0) return origin_in(p);
  return header_.empty() ? Origin{{}, cell_of(r, 0), {}} : origin_in(0);
}

}  // namespace indtrack::ui
