// The dashboard's keyboard, time presets, citations and window placement without a GPU: where a
// key moves the table's selection, the shortcuts list, the charts' time presets, the quoted
// sentence found in an article, a filter change dropping the selected project it excludes, and
// the window fitted to a smaller screen.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <set>

#include "app_model/app_state.h"
#include "app_model/article_view.h"
#include "app_model/chart_time.h"
#include "app_model/keyboard_navigation.h"
#include "app_model/window_fit.h"
#include "test_support.h"

using namespace indtrack;
using namespace indtrack::ui;

TEST_CASE("arrow keys, page keys, Home and End move the table's selection in table order", "[keys]") {
  const std::vector<int> rows = {7, 3, 9, 1, 4, 8};  // project indices as the table orders them
  CHECK(step_selection(rows, 9, TableStep::Down, 3) == 1);
  CHECK(step_selection(rows, 9, TableStep::Up, 3) == 3);
  CHECK(step_selection(rows, 7, TableStep::Up, 3) == 7);    // the top stops
  CHECK(step_selection(rows, 8, TableStep::Down, 3) == 8);  // the bottom stops
  CHECK(step_selection(rows, 3, TableStep::PageDown, 3) == 4);
  CHECK(step_selection(rows, 4, TableStep::PageDown, 3) == 8);  // a page past the end: the last row
  CHECK(step_selection(rows, 4, TableStep::PageUp, 3) == 3);
  CHECK(step_selection(rows, 3, TableStep::PageUp, 3) == 7);
  CHECK(step_selection(rows, 1, TableStep::Home, 3) == 7);
  CHECK(step_selection(rows, 1, TableStep::End, 3) == 8);
  // No selection among the rows: Down starts at the top, Up at the bottom.
  CHECK(step_selection(rows, -1, TableStep::Down, 3) == 7);
  CHECK(step_selection(rows, 5, TableStep::Up, 3) == 8);
  CHECK(step_selection({}, 5, TableStep::Down, 3) == -1);
}

TEST_CASE("the shortcuts list names every key the dashboard answers, in both languages", "[keys]") {
  std::set<std::string> keys;
  for (const Shortcut& s : shortcuts()) {
    keys.insert(text(s.keys, Language::English));
    for (const Language l : {Language::Chinese, Language::English}) {
      CHECK_FALSE(std::string(text(s.keys, l)).empty());
      CHECK_FALSE(std::string(text(s.action, l)).empty());
      CHECK_FALSE(std::string(text(s.group, l)).empty());
    }
  }
  for (const char* key : {"Ctrl+F", "Up / Down", "Page Up / Page Down", "Home / End", "Enter", "Esc",
                          "Ctrl+S", "Ctrl+Z", "Ctrl+Y / Ctrl+Shift+Z", "F1", "Wheel", "Double-click"})
    CHECK(keys.count(key) == 1);
}

TEST_CASE("time presets give the charts' range from the as-of date", "[chart-time]") {
  const DayNumber as_of = days_from_civil(2024, 10, 31);
  auto day = [](int y, int m, int d) { return static_cast<double>(days_from_civil(y, m, d)); };
  CHECK_FALSE(time_preset_range(TimePreset::All, as_of));
  CHECK(time_preset_range(TimePreset::Plan14, as_of) == AxisRange{day(2021, 1, 1), day(2026, 1, 1)});
  CHECK(time_preset_range(TimePreset::LastThreeYears, as_of) ==
        AxisRange{day(2021, 10, 31), day(2024, 11, 1)});
  CHECK(time_preset_range(TimePreset::ThisYear, as_of) == AxisRange{day(2024, 1, 1), day(2025, 1, 1)});
  // 29 February three years back is the 28th.
  CHECK(time_preset_range(TimePreset::LastThreeYears, days_from_civil(2024, 2, 29))->first ==
        day(2021, 2, 28));

  // Which preset a shown range is: fitted is 全部, a zoomed range none.
  CHECK(preset_shown(std::nullopt, as_of) == TimePreset::All);
  CHECK(preset_shown(AxisRange{day(2021, 1, 1), day(2026, 1, 1)}, as_of) == TimePreset::Plan14);
  CHECK(preset_shown(AxisRange{day(2024, 1, 1), day(2025, 1, 1)}, as_of) == TimePreset::ThisYear);
  CHECK_FALSE(preset_shown(AxisRange{day(2022, 3, 1), day(2023, 1, 1)}, as_of));
  CHECK(time_presets().size() == 4);
  CHECK(std::string(text(time_preset_label(TimePreset::Plan14), Language::Chinese)) == "十四五");
}

TEST_CASE("a quoted sentence is found in its article across the paper's line breaks", "[article]") {
  const std::string text = "乌海日报讯 记者获悉，\n项目一期 10 万吨/年\nBDO 装置已投产。其余在建。";
  const std::optional<ByteSpan> span = find_quote_span(text, "项目一期10万吨/年BDO装置已投产");
  REQUIRE(span);
  CHECK(text.substr(span->begin, span->end - span->begin) == "项目一期 10 万吨/年\nBDO 装置已投产");
  CHECK_FALSE(find_quote_span(text, "二期"));
  CHECK_FALSE(find_quote_span(text, " \n"));
}

TEST_CASE("opening a citation finds its sentence in the dataset's article", "[article]") {
  AppState app;
  REQUIRE(app.open_dataset(std::string(INDTRACK_SOURCE_DIR) + "/tests/ui/data/ui-fixture.json"));
  app.refresh();
  const Dataset& data = *app.dataset;
  const int article = data.find_source("fixture-2024-01-10");
  REQUIRE(article >= 0);
  const std::string& text = data.sources[static_cast<std::size_t>(article)].text;
  REQUIRE_FALSE(text.empty());
  app.open_article(article, "记者从乌达区获悉，位于乌达产业园");
  REQUIRE(app.article.open());
  CHECK(app.article.source == article);
  REQUIRE(app.article.span);
  CHECK(text.substr(app.article.span->begin, app.article.span->end - app.article.span->begin)
            .find("乌达产业园") != std::string::npos);
  const std::uint64_t first = app.article.serial;
  app.open_article(article, "not in the text");
  CHECK(app.article.serial == first + 1);  // the window scrolls again
  CHECK_FALSE(app.article.span);
  // A reference holds no text: open, nothing to highlight.
  app.open_article(data.find_source("ref-fixture-2022"), "任何");
  CHECK(app.article.open());
  CHECK_FALSE(app.article.span);
}

TEST_CASE("a filter change drops the selected project it excludes", "[app]") {
  AppState app;
  REQUIRE(app.open_dataset(std::string(INDTRACK_SOURCE_DIR) + "/tests/ui/data/ui-fixture.json"));
  FilterSpec f;
  f.as_of = parse_date("2024-01-15").date;
  app.set_filter(f);
  app.refresh();
  const int bdo = app.dataset->find_project("bdo");
  REQUIRE(bdo >= 0);
  app.select_project(bdo);
  app.refresh();
  CHECK(app.detail().project == bdo);

  f.search = "不存在的项目名";  // nothing passes
  app.set_filter(f);
  app.refresh();
  CHECK(app.selected_project == -1);
  CHECK(app.detail().project == -1);

  f.search.clear();
  app.set_filter(f);
  app.refresh();
  app.select_project(bdo);
  f.search = "丁内酯";  // another project passes: it takes the selection's place
  app.set_filter(f);
  app.refresh();
  REQUIRE_FALSE(app.visible().empty());
  CHECK(std::find(app.visible().begin(), app.visible().end(), bdo) == app.visible().end());
  CHECK(app.selected_project == app.visible().front());
  CHECK(app.detail().project == app.visible().front());

  // A filter that keeps it keeps it.
  app.select_project(app.visible().front());
  const int kept = app.selected_project;
  app.set_filter(f);
  app.refresh();
  CHECK(app.selected_project == kept);
}

TEST_CASE("a window saved on a larger screen opens inside this one's work area", "[window]") {
  WindowGeometry saved;
  saved.width = 1366;
  saved.height = 768;
  saved.x = 200;
  saved.y = 100;
  const std::vector<WorkArea> laptop = {{0, 0, 1024, 740}};  // 1024×768 less a 28 px panel
  const WindowGeometry fitted = fit_to_work_area(saved, laptop, 800, 500);
  CHECK(fitted.width == 1024);
  CHECK(fitted.height == 740);
  CHECK(fitted.x == 0);
  CHECK(fitted.y == 0);

  // On a big enough screen it stays as saved; moved back inside when it hung off the edge.
  const std::vector<WorkArea> two = {{0, 0, 1920, 1050}, {1920, 0, 1024, 740}};
  CHECK(fit_to_work_area(saved, two, 800, 500).width == 1366);
  saved.x = 1900;  // mostly on the second, small monitor
  saved.width = 1200;
  const WindowGeometry second = fit_to_work_area(saved, two, 800, 500);
  CHECK(second.width == 1024);
  CHECK(second.x == 1920);
  // A place on no monitor (they changed): the size fitted to the primary, the place left to the
  // window manager. Never below the window's own minimum.
  saved.x = 5000;
  const WindowGeometry lost = fit_to_work_area(saved, {{0, 0, 700, 400}}, 800, 500);
  CHECK_FALSE(lost.x);
  CHECK(lost.width == 800);
  CHECK(lost.height == 500);
}
