// Settings: round trip, broken and partly wrong files, XDG location, reset, recent files.
#include <catch2/catch_test_macros.hpp>

#include <cstdlib>
#include <filesystem>

#include "app_model/settings.h"
#include "test_support.h"

using namespace indtrack;
using namespace indtrack::ui;

using indtrack::test::ScopedEnv;

namespace {

std::string fresh_dir(const std::string& name) {
  const std::string dir = test::tmp_path(name);
  std::filesystem::remove_all(dir);
  return dir;
}

}  // namespace

TEST_CASE("settings survive a save and a load unchanged", "[settings]") {
  const std::string dir = fresh_dir("settings-roundtrip");
  Settings s;
  s.window = {1280, 720, 40, -20, true};
  s.language = Language::English;
  s.theme = Theme::Light;
  s.layout.detail_width = 612.5f;
  s.layout.notices_height = 90;
  s.layout.data_view_height = 310;  // the chart's data view, dragged taller
  s.layout.table_generation = 3;
  s.layout.kpi_cards_open = false;  // folded by the user on a tall window: stays folded
  s.filters = {{"districts", {"wuda"}}, {"search", "华恒"}};
  s.recent_files = {"/data/a.json", "/data/海勃湾.json"};
  s.extra = {{"future_option", 42}};

  const std::string path = settings_file(dir);
  REQUIRE(save_settings(s, path).empty());  // creates the directory
  const SettingsLoad loaded = load_settings(path);
  CHECK(loaded.notice.empty());
  const Settings& r = loaded.settings;
  CHECK(r.window.width == 1280);
  CHECK(r.window.height == 720);
  CHECK(r.window.x == 40);
  CHECK(r.window.y == -20);
  CHECK(r.window.maximized);
  CHECK(r.language == Language::English);
  CHECK(r.theme == Theme::Light);
  CHECK(r.layout == s.layout);
  CHECK(r.layout.kpi_cards_open == std::optional<bool>(false));
  CHECK(r.filters == s.filters);
  CHECK(r.recent_files == s.recent_files);
  CHECK(r.extra == s.extra);  // a newer version's keys are kept
  CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
}

TEST_CASE("a missing settings file gives defaults without a notice", "[settings]") {
  const SettingsLoad loaded = load_settings(fresh_dir("settings-missing") + "/settings.json");
  CHECK(loaded.notice.empty());
  CHECK(loaded.settings.window.width == 1600);
  CHECK(loaded.settings.window.height == 900);
  CHECK(loaded.settings.language == Language::Chinese);
  CHECK(loaded.settings.theme == Theme::Dark);
}

TEST_CASE("a broken settings file gives defaults and a notice with the position", "[settings]") {
  const std::string dir = fresh_dir("settings-broken");
  std::filesystem::create_directories(dir);
  const std::string path = settings_file(dir);

  SECTION("not JSON") {
    test::write_file(path, "{\"language\": \"en\",\n  \"theme\": ");
    const SettingsLoad loaded = load_settings(path);
    CHECK(loaded.notice.find(path) == 0);
    CHECK(loaded.notice.find("line 2") != std::string::npos);
    CHECK(loaded.settings.language == Language::Chinese);  // nothing half-applied
  }
  SECTION("not an object") {
    test::write_file(path, "[1, 2]");
    CHECK(load_settings(path).notice == path + ": expected a JSON object at the top level");
  }
  SECTION("empty") {
    test::write_file(path, "");
    CHECK_FALSE(load_settings(path).notice.empty());
  }
  SECTION("a directory") {
    std::filesystem::create_directories(path);
    CHECK_FALSE(load_settings(path).notice.empty());
  }
}

TEST_CASE("wrong fields fall back one by one and are named in the notice", "[settings]") {
  const SettingsLoad loaded = parse_settings(R"({
    "window": {"width": "wide", "height": 700, "x": 10},
    "language": "fr",
    "theme": "light",
    "layout": {"detail_width": -5, "notices_height": 120},
    "filters": [1],
    "recent_files": ["/a.json", 7, "", "/b.json"]
  })");
  const Settings& s = loaded.settings;
  CHECK(s.window.width == 1600);  // default: "wide" is not a number
  CHECK(s.window.height == 700);
  CHECK(s.window.x == 10);
  CHECK(s.language == Language::Chinese);
  CHECK(s.theme == Theme::Light);
  CHECK(s.layout.detail_width == LayoutSettings{}.detail_width);
  CHECK(s.layout.notices_height == 120);
  CHECK(s.filters == nlohmann::json::object());
  CHECK(s.recent_files == std::vector<std::string>{"/a.json", "/b.json"});
  CHECK(loaded.notice ==
        "ignored window.width: expected an integer in range; layout.detail_width: expected a number in "
        "range; language: expected \"zh\" or \"en\"; filters: expected an object");
}

TEST_CASE("the settings folder follows XDG_CONFIG_HOME, else HOME", "[settings]") {
  {
    ScopedEnv xdg("XDG_CONFIG_HOME", "/tmp/xdg-config");
    CHECK(settings_directory() == "/tmp/xdg-config/indtrack");
  }
  {
    ScopedEnv xdg("XDG_CONFIG_HOME", "relative/path");  // not absolute: ignored, as XDG says
    ScopedEnv home("HOME", "/home/analyst");
    CHECK(settings_directory() == "/home/analyst/.config/indtrack");
  }
  {
    ScopedEnv xdg("XDG_CONFIG_HOME", nullptr);
    ScopedEnv home("HOME", nullptr);
    CHECK(settings_directory().empty());
  }
  CHECK(imgui_ini_file("/c/indtrack") == "/c/indtrack/imgui.ini");
}

TEST_CASE("resetting removes the settings and the ImGui layout (--reset-settings)", "[settings]") {
  const std::string dir = fresh_dir("settings-reset");
  REQUIRE(save_settings(Settings{}, settings_file(dir)).empty());
  test::write_file(imgui_ini_file(dir), "[Window][x]\n");
  CHECK(reset_settings(dir).empty());
  CHECK_FALSE(std::filesystem::exists(settings_file(dir)));
  CHECK_FALSE(std::filesystem::exists(imgui_ini_file(dir)));
  CHECK(reset_settings(dir).empty());  // nothing left to remove is not an error
}
