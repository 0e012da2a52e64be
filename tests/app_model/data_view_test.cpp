// The data view under each chart: the chart's CSV as a table that sorts by a column (numbers by
// value, empty cells last, a third click back to the CSV's order), keeps its selection across
// sorts, and copies the selected rows — or all — as tab-separated text for Excel/WPS.
#include <catch2/catch_test_macros.hpp>

#include "app_model/data_view.h"

using namespace indtrack::ui;

namespace {

// As chart/chart_csv.h writes them: quoted cells, "\r\n".
const std::string kCsv =
    "type,label,change,unit,source\r\n"
    "step,\"华恒, 一期\",10,万吨/年,乌海日报 2024-01-01\r\n"
    "step,东源,2.5,万吨/年,\r\n"
    "step,\"名称\"\"引号\"\"\",,万吨/年,\r\n"
    "reference,规划,100,万吨/年,ref-2022-08\r\n";

std::vector<std::string> column_of(const DataView& v, int c) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v.row_count(); ++i) out.push_back(v.row(i)[static_cast<std::size_t>(c)]);
  return out;
}

}  // namespace

TEST_CASE("data view: the CSV's rows and cells, unquoted", "[data-view]") {
  DataView v;
  v.set_csv(kCsv);
  CHECK(v.columns() == std::vector<std::string>{"type", "label", "change", "unit", "source"});
  REQUIRE(v.row_count() == 4);
  CHECK(v.row(0) == std::vector<std::string>{"step", "华恒, 一期", "10", "万吨/年", "乌海日报 2024-01-01"});
  CHECK(v.row(2)[1] == "名称\"引号\"");
  CHECK(v.column("change") == 2);
  CHECK(v.column("nothing") == -1);
}

TEST_CASE("data view: sorting by a column header, numbers by value, empty last", "[data-view]") {
  DataView v;
  v.set_csv(kCsv);
  v.click_header(2);  // change: numbers, so 2.5 < 10 < 100 (as text "10" < "100" < "2.5")
  CHECK(column_of(v, 2) == std::vector<std::string>{"2.5", "10", "100", ""});
  v.click_header(2);
  CHECK(v.descending());
  CHECK(column_of(v, 2) == std::vector<std::string>{"100", "10", "2.5", ""});
  v.click_header(2);  // third click: the CSV's order
  CHECK_FALSE(v.sort_column());
  CHECK(column_of(v, 1) == std::vector<std::string>{"华恒, 一期", "东源", "名称\"引号\"", "规划"});
  v.click_header(0);  // text; equal cells keep the CSV's order
  CHECK(column_of(v, 1) == std::vector<std::string>{"规划", "华恒, 一期", "东源", "名称\"引号\""});

  // New data (the filter changed) keeps the sorted column by name.
  v.click_header(2);
  v.set_csv("label,change\r\na,3\r\nb,1\r\n");
  REQUIRE(v.sort_column());
  CHECK(*v.sort_column() == 1);
  CHECK(column_of(v, 0) == std::vector<std::string>{"b", "a"});
}

TEST_CASE("data view: copy as tab-separated text, the selection or all", "[data-view]") {
  DataView v;
  v.set_csv(kCsv);
  const std::string header = "type\tlabel\tchange\tunit\tsource\r\n";
  CHECK(v.copy_text() == header +
                             "step\t华恒, 一期\t10\t万吨/年\t乌海日报 2024-01-01\r\n"
                             "step\t东源\t2.5\t万吨/年\t\r\n"
                             "step\t名称\"引号\"\t\t万吨/年\t\r\n"
                             "reference\t规划\t100\t万吨/年\tref-2022-08\r\n");
  CHECK(v.copied_rows() == 4);

  v.click_header(2);             // by change: 东源 2.5, 华恒 10, 规划 100, 名称 (empty)
  v.click_row(2, false, false);  // 规划
  v.click_row(0, true, false);   // ctrl: 东源 too
  CHECK(v.selected_count() == 2);
  CHECK(v.copy_text() == header +
                             "step\t东源\t2.5\t万吨/年\t\r\n"
                             "reference\t规划\t100\t万吨/年\tref-2022-08\r\n");
  v.click_row(1, false, true);  // shift from the last click (东源): 东源, 华恒
  CHECK(v.copied_rows() == 2);
  CHECK(v.selected(0));
  CHECK(v.selected(1));
  CHECK_FALSE(v.selected(2));

  // The selection follows the rows when the order changes.
  v.click_header(2);  // descending: 规划, 华恒, 东源, 名称
  CHECK(v.selected(1));
  CHECK(v.selected(2));
  CHECK_FALSE(v.selected(0));
  v.clear_selection();
  CHECK(v.copied_rows() == 4);

  // A tab or line break inside a cell would split the pasted table: it becomes a space.
  v.set_csv("a,b\r\n\"x\ty\",\"1\r\n2\"\r\n");
  CHECK(v.copy_text() == "a\tb\r\nx y\t1  2\r\n");
}

TEST_CASE("data view: a value leads to its source, else to its row's project", "[data-view]") {
  DataView v;
  v.set_csv(kCsv);
  CHECK(v.origin(0).column == "source");
  CHECK(v.origin(0).value == "乌海日报 2024-01-01");
  CHECK(v.origin(1).column == "label");  // no source in this row: its label
  CHECK(v.origin(1).value == "东源");
  v.set_csv("year,operating,total\r\n2024,3,5\r\n");
  CHECK(v.origin(0).column == "year");
  CHECK(v.origin(0).value == "2024");
}
