// The English interface read as a user reads it (GuiDriver: real frames, real input, the text the
// frame drew): the table's company column names each company by its short name, and resting the
// mouse on one shows its full legal name.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "gui_driver.h"

using namespace indtrack;
using namespace indtrack::test;

TEST_CASE("English company cells show the short name; the hover gives the legal name", "[gui][english]") {
  GuiDriver::Options o;
  o.dataset = std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json";
  o.width = 1366;
  o.height = 768;
  o.language = Language::English;
  o.session = {.lock_file = false, .journal = false, .background_load = false};
  GuiDriver gui(o);
  gui.frames(3);
  const ScreenRect table = gui.panel("project-table");
  // The company column: from its header to the next one's.
  const std::optional<ScreenRect> company = gui.find_text("Company", table);
  const std::optional<ScreenRect> district = gui.find_text("District", table);
  REQUIRE(company);
  REQUIRE(district);
  const ScreenRect column{ImVec2(company->min.x - 4, table.min.y), ImVec2(district->min.x - 4, table.max.y)};
  // Rows of the table whose company's short name is drawn whole in its cell.
  const ui::ProjectRow* row = nullptr;
  std::optional<ScreenRect> cell;
  for (const int p : gui.app().visible()) {
    const ui::ProjectRow& r = gui.app().rows()[static_cast<std::size_t>(p)];
    if (r.company.empty() || r.company == r.company_full) continue;
    if ((cell = gui.find_text(r.company, column))) {
      row = &r;
      break;
    }
  }
  INFO(gui.visible_text(table));
  REQUIRE(row);
  CHECK(row->company_full.starts_with("Inner Mongolia"));
  CHECK_FALSE(gui.shows_text(row->company_full, table));                      // not in the table
  const std::size_t elsewhere = gui.find_all_text(row->company_full).size();  // the detail may say it
  gui.move_to(ImVec2(cell->min.x + 2, cell->center().y));
  gui.frames(3);
  CHECK(gui.find_all_text(row->company_full).size() == elsewhere + 1);  // in the tooltip
  gui.move_to(ImVec2(5, 5));
  gui.frames(2);
  CHECK(gui.find_all_text(row->company_full).size() == elsewhere);
}

TEST_CASE("the filter's company list names companies as the table does; the hover gives the legal name",
          "[gui][english]") {
  GuiDriver::Options o;
  o.dataset = std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json";
  o.width = 1366;
  o.height = 1000;
  o.language = Language::English;
  o.session = {.lock_file = false, .journal = false, .background_load = false};
  GuiDriver gui(o);
  gui.frames(3);
  ScreenRect filters = gui.panel("filter-bar");
  // Fold the long lists above it, then open Company.
  for (const char* header : {"District", "Park", "Status"})
    if (const auto at = gui.find_text(header, filters)) gui.click(at->center());
  const std::optional<ScreenRect> company = gui.find_text("Company", filters);
  REQUIRE(company);
  gui.click(company->center());
  gui.frames(2);
  INFO(gui.visible_text(filters));
  const std::optional<ScreenRect> huaheng = gui.find_text("Huaheng Energy", filters);
  REQUIRE(huaheng);
  CHECK_FALSE(gui.shows_text("Inner Mongolia", filters));
  CHECK_FALSE(gui.shows_text("Co., Ltd", filters));
  const std::string legal = "Inner Mongolia Huaheng Energy Technology Co., Ltd.";
  const std::size_t elsewhere = gui.find_all_text(legal).size();  // the detail panel may say it
  gui.move_to(huaheng->center());
  gui.frames(3);
  CHECK(gui.find_all_text(legal).size() == elsewhere + 1);  // in the tooltip
}
