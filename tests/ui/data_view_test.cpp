// The data view under each chart, drawn in real frames: exactly the rows of the chart's CSV (what
// Copy data and the CSV export give), only the visible ones drawn, sorted by a click on a column
// header, and copied — the selected rows or all — as tab-separated text by Ctrl+C.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <charconv>

#include "app_model/data_view_headers.h"
#include "dashboard_frames.h"
#include "io/csv_reader.h"

using namespace indtrack;
using namespace indtrack::ui;
using indtrack::test::DashboardFrames;

namespace {

ImVec2 centre(const ImVec4& r) { return ImVec2(std::floor((r.x + r.z) / 2), std::floor((r.y + r.w) / 2)); }

double number(const std::string& s) {
  double v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// Ids of a closed vocabulary as the CSV writes them: "exact", "no", "at_least target".
bool is_id(const std::string& cell) {
  return !cell.empty() && std::all_of(cell.begin(), cell.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || ch == '_' || ch == ' ';
  });
}

void press_ctrl_c(DashboardFrames& h) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  io.KeysDown['C'] = true;
  h.frame();
  io.KeysDown['C'] = false;
  io.KeyCtrl = false;
  h.frame();
}

}  // namespace

TEST_CASE("data view: the chart's CSV rows, each kind, only the visible rows drawn",
          "[ui][charts][data-view]") {
  DashboardFrames h(1366, 768);
  h.session.charts.set_data_view_open(true);
  for (const ChartKind kind : kAllChartKinds) {
    INFO(chart_kind_id(kind));
    h.show(kind);
    const std::vector<std::vector<std::string>> csv =
        parse_csv(chart_csv(h.session.charts.data(kind), Language::Chinese));
    REQUIRE(csv.size() > 1);
    const DataView& view = h.session.charts.data_view(kind);
    CHECK(view.columns() == csv.front());
    REQUIRE(view.row_count() == csv.size() - 1);
    // The same rows and cells; only ids are said in words (below).
    for (std::size_t i = 0; i < view.row_count(); ++i) {
      REQUIRE(view.row(i).size() == csv[i + 1].size());
      for (std::size_t c = 0; c < csv[i + 1].size(); ++c)
        if (!is_id(csv[i + 1][c])) CHECK(view.row(i)[c] == csv[i + 1][c]);
    }
    const int drawn = h.session.charts.last_data_view().rows_drawn;
    CHECK(drawn > 0);
    if (view.row_count() > 40) CHECK(drawn < 40);  // a long table draws what is in view
  }
  // Closed, it draws nothing and the chart has the tab again.
  h.session.charts.set_data_view_open(false);
  h.frames(2);
  CHECK(h.session.charts.last_data_view().rows_drawn == 0);
}

TEST_CASE("data view: a click on a column header sorts; Ctrl+C copies rows as a table",
          "[ui][charts][data-view]") {
  DashboardFrames h(1366, 768);
  h.session.charts.set_data_view_open(true);
  h.show(ChartKind::Investment);
  h.frames(2);
  const DataView& view = h.session.charts.data_view(ChartKind::Investment);
  const int total = view.column("total");
  REQUIRE(total >= 0);
  REQUIRE(view.row_count() >= 3);
  const std::vector<ImVec4> headers = h.session.charts.last_data_view().headers;
  REQUIRE(headers.size() > static_cast<std::size_t>(total));

  h.click(centre(headers[static_cast<std::size_t>(total)]));
  REQUIRE(view.sort_column() == total);
  CHECK_FALSE(view.descending());
  auto column_sorted = [&](bool descending) {
    std::vector<double> values;
    for (std::size_t i = 0; i < view.row_count(); ++i)
      if (const std::string& cell = view.row(i)[static_cast<std::size_t>(total)]; !cell.empty())
        values.push_back(number(cell));
    for (std::size_t i = 1; i < values.size(); ++i)
      if (descending ? values[i - 1] < values[i] : values[i - 1] > values[i]) return false;
    return values.size() >= 2;
  };
  CHECK(column_sorted(false));
  h.click(centre(headers[static_cast<std::size_t>(total)]));
  CHECK(view.descending());
  CHECK(column_sorted(true));

  // No selection: Ctrl+C over the table copies all its rows, in the shown order.
  const auto rows = h.session.charts.last_data_view().rows;
  REQUIRE(rows.size() >= 2);
  h.click(centre(rows[1].second));  // selects the second shown row (and focuses the table)
  CHECK(view.selected_count() == 1);
  press_ctrl_c(h);
  const std::string one = ImGui::GetClipboardText();
  std::string expected;  // the header as shown (in words), not the CSV's ids
  for (const std::string& cell : view.headers()) expected += (expected.empty() ? "" : "\t") + cell;
  expected += "\r\n";
  std::string row;
  for (const std::string& cell : view.row(1)) row += (row.empty() ? "" : "\t") + cell;
  CHECK(one == expected + row + "\r\n");
  CHECK(h.session.charts.copy_message().find("1") != std::string::npos);

  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  h.click(centre(rows[1].second));  // ctrl-click: off again
  io.KeyCtrl = false;
  CHECK(view.selected_count() == 0);
  press_ctrl_c(h);
  const std::string all = ImGui::GetClipboardText();
  CHECK(all == view.copy_text());
  CHECK(static_cast<std::size_t>(std::count(all.begin(), all.end(), '\n')) == view.row_count() + 1);
}

TEST_CASE("data view: headers in the interface's language; the CSV keeps its ids",
          "[ui][charts][data-view]") {
  DashboardFrames h(1366, 768);
  h.session.charts.set_data_view_open(true);
  h.show(ChartKind::Investment);
  const DataView& view = h.session.charts.data_view(ChartKind::Investment);
  // The CSV file (and 导出 → CSV) names its columns by id, in either language.
  const std::string csv = chart_csv(h.session.charts.data(ChartKind::Investment), Language::Chinese);
  CHECK(csv.starts_with("label,total,completed,"));
  CHECK(view.columns().front() == "label");
  // On screen, in Chinese: words, drawn as the table's headers.
  REQUIRE(view.headers().size() >= 3);
  CHECK(view.headers()[0] == "名称");
  CHECK(view.headers()[1] == "总额");
  CHECK(view.headers()[2] == "已完成");
  const auto headers_drawn = [&] {
    std::vector<std::string> names;
    ImGuiTable* table = nullptr;
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
      if (w->Active && std::string_view(w->Name).find("data-view") != std::string_view::npos)
        for (int i = 0; i < ImGui::GetCurrentContext()->Tables.GetMapSize(); ++i)
          if (ImGuiTable* t = ImGui::GetCurrentContext()->Tables.TryGetMapData(i); t && t->InnerWindow == w)
            table = t;
    if (table)
      for (int c = 0; c < table->ColumnsCount; ++c) names.emplace_back(ImGui::TableGetColumnName(table, c));
    return names;
  };
  CHECK(headers_drawn() == view.headers());
  // Copied for WPS: the header as read on screen.
  h.click(centre(h.session.charts.last_data_view().rows.front().second));
  press_ctrl_c(h);
  CHECK(std::string(ImGui::GetClipboardText()).starts_with("名称\t总额\t已完成\t"));

  // The language toggle: the same columns in English.
  h.session.app.set_language(Language::English);
  h.frames(3);
  CHECK(view.headers()[0] == "Label");
  CHECK(view.headers()[1] == "Total");
  CHECK(view.columns().front() == "label");
  CHECK(headers_drawn() == view.headers());

  // One id, two meanings: plan versus actual's "unit" is a production line.
  CHECK(data_view_header("slippage", "unit", Language::Chinese) == "产线");
  CHECK(data_view_header("capacity", "unit", Language::Chinese) == "单位");
  CHECK(data_view_header("status", "年份", Language::English) == "年份");  // already words: kept
}

TEST_CASE("data view: cells holding ids are said in the interface's language", "[ui][charts][data-view]") {
  DashboardFrames h(1366, 768);
  h.session.charts.set_data_view_open(true);
  for (const ChartKind kind : kAllChartKinds) {
    INFO(chart_kind_id(kind));
    h.show(kind);
    const DataView& view = h.session.charts.data_view(kind);
    // In Chinese no cell is an English id ("exact", "no", "step", "construction").
    for (std::size_t i = 0; i < view.row_count(); ++i)
      for (const std::string& cell : view.row(i)) {
        INFO("row " << i << ": " << cell);
        CHECK_FALSE(is_id(cell));
      }
  }
  // The words, as a reader of the Chinese table and a pasted spreadsheet sees them.
  CHECK(data_view_cell("investment", "approximate", "no", Language::Chinese) == "否");
  CHECK(data_view_cell("investment", "total_bound", "exact", Language::Chinese) == "确数");
  CHECK(data_view_cell("investment", "total_bound", "at_least", Language::Chinese) == "以上");
  CHECK(data_view_cell("timeline", "what", "construction", Language::Chinese) == "在建");
  CHECK(data_view_cell("timeline", "precision", "month", Language::English) == "month");
  CHECK(data_view_cell("capacity", "type", "step", Language::English) == "capacity step");
  CHECK(data_view_cell("capacity", "label", "step", Language::Chinese) == "step");  // a name: kept
  // Plan versus actual's outcome shows the words its CSV writes beside the id.
  h.show(ChartKind::Slippage);
  const DataView& slip = h.session.charts.data_view(ChartKind::Slippage);
  const int outcome = slip.column("status"), words = slip.column("status_label");
  REQUIRE(outcome >= 0);
  REQUIRE(words >= 0);
  REQUIRE(slip.row_count() > 0);
  CHECK(slip.row(0)[static_cast<std::size_t>(outcome)] == slip.row(0)[static_cast<std::size_t>(words)]);
}
