// The dashboard driven by the keyboard and by its new controls, through real frames (GuiDriver):
// Ctrl+F to the search box, the arrow keys through the table, Enter into the detail, Escape out of
// menus, popups and windows, F1's shortcut list, the charts' time presets, and a citation that
// opens its article at the quoted sentence. Each fails on a dashboard without them.
#include <catch2/catch_test_macros.hpp>

#include <GLFW/glfw3.h>
#include <imgui_internal.h>

#include <algorithm>
#include <string_view>

#include "app_model/strings.h"
#include "core/text.h"
#include "gui_driver.h"
#include "ui/host/widgets.h"

using namespace indtrack;
using namespace indtrack::test;
using namespace indtrack::ui;

namespace {

const std::string kBundled = std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json";

// The bundled dataset read only: no lock or journal beside it, loaded before the first frame.
GuiDriver::Options bundled(int width = 1366, int height = 768) {
  GuiDriver::Options o;
  o.dataset = kBundled;
  o.width = width;
  o.height = height;
  o.session = {.lock_file = false, .journal = false, .background_load = false};
  return o;
}

std::string first_characters(std::string_view text, std::size_t n) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < n && pos < text.size(); ++i) next_code_point(text, pos);
  return std::string(text.substr(0, pos));
}

const std::string& project_name(GuiDriver& gui, int project) {
  return gui.app().dataset->projects[static_cast<std::size_t>(project)].name;
}

int popups_open() { return ImGui::GetCurrentContext()->OpenPopupStack.Size; }

// The vertical scroll of the child window whose name contains `name` (-1: none drawn).
float scroll_of(std::string_view name) {
  for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
    if (w->Active && std::string_view(w->Name).find(name) != std::string_view::npos) return w->Scroll.y;
  return -1;
}

int row_of(GuiDriver& gui, int project) {
  const std::vector<int>& rows = gui.app().visible();
  return static_cast<int>(std::find(rows.begin(), rows.end(), project) - rows.begin());
}

}  // namespace

TEST_CASE("Ctrl+F puts the keyboard in the search box: typing then filters the rows", "[gui][keys]") {
  GuiDriver gui(bundled());
  gui.frames(3);
  const std::size_t before = gui.app().visible().size();
  REQUIRE(before > 3);
  const std::string typed = first_characters(project_name(gui, gui.app().visible()[2]), 4);
  gui.key(GLFW_KEY_F, kCtrl);
  gui.frame();  // the focus request is taken by the field in the frame after it
  CHECK(ImGui::GetIO().WantTextInput);
  gui.type(typed);
  gui.frames(2);
  CHECK(gui.app().filter().search == typed);
  CHECK(gui.app().visible().size() < before);
  CHECK_FALSE(gui.app().visible().empty());
  CHECK(gui.shows_text(typed, gui.panel("filter-bar")));
}

TEST_CASE("arrow and page keys move the table's selection and keep it in view; Enter opens the detail",
          "[gui][keys]") {
  GuiDriver gui(bundled());
  gui.frames(3);
  const std::vector<int> rows = gui.app().visible();
  REQUIRE(rows.size() > 30);  // more than a page at 1366×768
  gui.click_text(first_characters(project_name(gui, rows[0]), 6), gui.panel("project-table"));
  REQUIRE(gui.app().selected_project == rows[0]);

  gui.key(GLFW_KEY_DOWN);
  CHECK(gui.app().selected_project == rows[1]);
  CHECK(gui.shows_text(first_characters(project_name(gui, rows[1]), 6), gui.panel("detail")));
  gui.key(GLFW_KEY_DOWN);
  gui.key(GLFW_KEY_UP);
  CHECK(gui.app().selected_project == rows[1]);

  gui.key(GLFW_KEY_PAGE_DOWN);
  const int page = gui.app().table_page_rows;
  CHECK(page >= 2);
  CHECK(row_of(gui, gui.app().selected_project) == 1 + page);
  gui.key(GLFW_KEY_END);
  CHECK(gui.app().selected_project == rows.back());
  gui.frames(2);  // the table scrolled to it
  CHECK(gui.shows_text(first_characters(project_name(gui, rows.back()), 6), gui.panel("project-table")));
  gui.key(GLFW_KEY_HOME);
  CHECK(gui.app().selected_project == rows.front());
  gui.frames(2);
  CHECK(gui.shows_text(first_characters(project_name(gui, rows.front()), 6), gui.panel("project-table")));

  // Enter: the detail has the keys (it says so); Page Down scrolls it, not the table.
  gui.key(GLFW_KEY_ENTER);
  CHECK(gui.session().dashboard.key_focus() == KeyFocus::Detail);
  CHECK(gui.shows_text("Esc", gui.panel("detail")));
  gui.key(GLFW_KEY_PAGE_DOWN);
  gui.frames(2);
  CHECK(gui.app().selected_project == rows.front());
  CHECK(scroll_of("detail-scroll") > 0);

  // Escape: back to the table; the next project's detail starts at its top.
  gui.key(GLFW_KEY_ESCAPE);
  CHECK(gui.session().dashboard.key_focus() == KeyFocus::Table);
  gui.key(GLFW_KEY_DOWN);
  gui.frames(2);
  CHECK(gui.app().selected_project == rows[1]);
  CHECK(scroll_of("detail-scroll") == 0);
}

TEST_CASE("Escape closes a right-click menu, an open menu and the shortcuts window", "[gui][keys]") {
  GuiDriver gui(bundled());
  gui.frames(3);
  const std::string row = first_characters(project_name(gui, gui.app().visible()[1]), 6);
  const std::optional<ScreenRect> at = gui.find_text(row, gui.panel("project-table"));
  REQUIRE(at);
  gui.click(at->center(), 1);
  gui.frame();
  REQUIRE(popups_open() == 1);
  CHECK(gui.shows_text(tr(Str::ChartCopyData)));
  gui.key(GLFW_KEY_ESCAPE);
  CHECK(popups_open() == 0);
  CHECK_FALSE(gui.shows_text(tr(Str::ChartCopyData)));

  gui.click_text(tr(Str::MenuHelp));
  REQUIRE(popups_open() == 1);
  CHECK(gui.shows_text(tr(Str::MenuShortcuts)));
  gui.click_text(tr(Str::MenuShortcuts));
  gui.frame();
  CHECK(popups_open() == 0);
  REQUIRE(gui.window(tr(Str::ShortcutsTitle)));
  const ScreenRect help = *gui.window(tr(Str::ShortcutsTitle));
  // Every shortcut, the editing ones too.
  for (const char* keys : {"Ctrl+F", "Ctrl+Z", "Ctrl+S", "Enter", "Esc", "PageUp/PageDown"})
    CHECK(gui.shows_text(keys, help));
  gui.key(GLFW_KEY_ESCAPE);
  gui.frame();
  CHECK_FALSE(gui.session().dashboard.shortcuts_open());
  CHECK_FALSE(gui.window(tr(Str::ShortcutsTitle)));

  gui.key(GLFW_KEY_F1);
  gui.frame();
  CHECK(gui.session().dashboard.shortcuts_open());
}

TEST_CASE("a time preset beside the as-of date sets the charts' time axis", "[gui][chart-time]") {
  GuiDriver gui(bundled());
  gui.frames(3);
  const ScreenRect filters = gui.panel("filter-bar");
  CHECK(gui.shows_text(tr(Str::TimeRange), filters));
  CHECK(gui.session().charts.shared_time().span() == 0);  // fitted to the data

  gui.click_text(tr(Str::TimePlan14), filters);
  gui.frames(2);
  const chart::TimeRange plan = gui.session().charts.shared_time();
  CHECK(plan.first == days_from_civil(2021, 1, 1));
  CHECK(plan.last == days_from_civil(2026, 1, 1));
  CHECK(gui.app().chart_time_shown);

  gui.click_text(tr(Str::TimeThisYear), filters);
  gui.frames(2);
  int year = 0, month = 0, day = 0;
  civil_from_days(as_of_day(gui.app().filter()), year, month, day);
  CHECK(gui.session().charts.shared_time().first == days_from_civil(year, 1, 1));

  gui.click_text(tr(Str::TimeAll), filters, 1);  // the first 全部 is 全部清除
  gui.frames(2);
  CHECK(gui.session().charts.shared_time().span() == 0);
  CHECK_FALSE(gui.app().chart_time_shown);

  // The chart's gestures are written in its toolbar, not hidden in a tooltip.
  CHECK(gui.shows_text(tr(Str::ChartHint), gui.panel("chart-area")));
}

TEST_CASE("clicking a citation opens the article scrolled to the quoted sentence, highlighted",
          "[gui][article]") {
  GuiDriver gui(bundled());
  gui.frames(3);
  // A project whose source [1] is an article held in full.
  int project = -1;
  for (const int p : gui.app().visible()) {
    gui.app().select_project(p);
    gui.app().refresh();
    const DetailModel& d = gui.app().detail();
    if (!d.sources.empty() && d.sources.front().is_article && !d.sources.front().quotes.empty() &&
        !gui.app().dataset->sources[static_cast<std::size_t>(d.sources.front().source_index)].text.empty()) {
      project = p;
      break;
    }
  }
  REQUIRE(project >= 0);
  gui.app().scroll_to_selection = true;
  gui.frames(3);
  CHECK_FALSE(gui.app().article.open());
  // The first citation marker in view whose source is an article held in full.
  const DetailModel& detail = gui.app().detail();
  bool clicked = false;
  for (const DetailSource& s : detail.sources) {
    if (!s.is_article || gui.app().dataset->sources[static_cast<std::size_t>(s.source_index)].text.empty())
      continue;
    const std::string marker = "[" + std::to_string(s.number) + "]";
    if (!gui.shows_text(marker, gui.panel("detail"))) continue;
    gui.click_text(marker, gui.panel("detail"));
    clicked = true;
    break;
  }
  REQUIRE(clicked);
  gui.frames(3);
  REQUIRE(gui.app().article.open());
  CHECK(gui.app().article.span);
  const std::optional<ScreenRect> window = gui.window(tr(Str::ArticleTitle));
  REQUIRE(window);
  const ArticleWindow::Drawn& drawn = gui.session().dashboard.article_window().last_drawn();
  CHECK(drawn.highlight_visible);
  CHECK(drawn.top >= window->min.y);
  CHECK(drawn.bottom <= window->max.y + 1);
  // The sentence's first characters are drawn inside the window, on the highlight.
  const std::string& text =
      gui.app().dataset->sources[static_cast<std::size_t>(gui.app().article.source)].text;
  const std::string start = first_characters(text.substr(gui.app().article.span->begin), 2);
  const std::vector<ScreenRect> shown = gui.find_all_text(start, window);
  CHECK(std::any_of(shown.begin(), shown.end(), [&](const ScreenRect& r) {
    return r.center().y >= drawn.top && r.center().y <= drawn.bottom;
  }));

  gui.key(GLFW_KEY_ESCAPE);
  gui.frame();
  CHECK_FALSE(gui.app().article.open());
}

TEST_CASE("a typed as-of date applies on Enter; a bad one turns the field red and changes nothing",
          "[gui][filters][dates]") {
  GuiDriver gui(bundled());
  gui.frames(3);
  REQUIRE_FALSE(gui.app().filter().as_of);  // today
  const std::size_t before = gui.app().visible().size();
  gui.click_text(today().to_string(), gui.panel("filter-bar"));  // the empty field's hint
  gui.frame();
  // "2023" on the way to "2023-13-45" is a date of its own: it once filtered while being typed.
  for (const char ch : std::string_view("2023-13-45")) {  // a key a frame, as a person types
    gui.type(std::string(1, ch));
    gui.frame();
  }
  CHECK_FALSE(gui.app().filter().as_of);
  gui.key(GLFW_KEY_ENTER);
  gui.frames(2);
  CHECK_FALSE(gui.app().filter().as_of);
  CHECK(gui.app().visible().size() == before);
  gui.move_to(gui.find_text("2023-13-45", gui.panel("filter-bar"))->min);
  gui.frames(2);
  CHECK(gui.shows_text(text(Str::FilterBadDate, Language::Chinese)));
  // A good date, then Enter: applied.
  gui.click_text("2023-13-45", gui.panel("filter-bar"));
  gui.key(GLFW_KEY_A, kCtrl);
  gui.type("2023-06-30");
  gui.key(GLFW_KEY_ENTER);
  gui.frames(2);
  REQUIRE(gui.app().filter().as_of);
  CHECK(gui.app().filter().as_of->to_string() == "2023-06-30");
  CHECK(gui.app().visible().size() < before);
}
