// Missing or broken assets at start-up — the font, the dataset, the settings file — each give a
// clear notice and defaults, and the dashboard still draws (offscreen, EGL).
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <filesystem>

#include "curation_support.h"
#include "ui/host/offscreen.h"
#include "ui/session.h"

using namespace indtrack;
using namespace indtrack::ui;
using Catch::Matchers::ContainsSubstring;
namespace fs = std::filesystem;

namespace {

// Draws the session's dashboard offscreen; true when an image came out.
bool draws(Session& session) {
  std::string error;
  const auto gl = OffscreenGlContext::create(error);
  INFO(error);
  REQUIRE(gl);
  OffscreenSpec spec;
  spec.width = 900;
  spec.height = 600;
  const auto image = render_imgui_offscreen(
      spec, session.fonts, [&](const OffscreenFrame& f) { session.dashboard.draw(1.0f, f.fonts); }, error);
  INFO(error);
  return image && image->width == 900;
}

}  // namespace

TEST_CASE("a missing font: a system font or the built-in one, with a notice", "[startup][assets]") {
  Session session(Settings{}, {}, test::tmp_path("no-such-font.otf"));
  const Notice* fallback = test::find_notice(session.app, Str::NoticeFontFallbackFmt);
  const Notice* missing = test::find_notice(session.app, Str::NoticeFontMissingFmt);
  REQUIRE((fallback || missing));
  const Notice& n = fallback ? *fallback : *missing;
  CHECK(n.level == Notice::Level::Warning);
  CHECK_THAT(n.text(Language::English), ContainsSubstring("no-such-font.otf"));
  REQUIRE(session.open_initial_dataset(test::data_path("example/example.json")));
  CHECK(draws(session));
}

TEST_CASE("a missing or broken dataset: the app starts empty and says why", "[startup][assets]") {
  for (const std::string& path :
       {test::tmp_path("no-such-dataset.json"), test::data_path("bad/01-truncated.json")}) {
    Session session(Settings{});
    CHECK_FALSE(session.open_initial_dataset(path));
    CHECK_FALSE(session.app.dataset);
    CHECK_FALSE(session.curation.session.has_dataset());
    // Nothing was loaded before: the notice does not claim a previous dataset is still shown.
    CHECK(test::find_notice(session.app, Str::NoticeLoadFailedFmt) == nullptr);
    const Notice* n = test::find_notice(session.app, Str::NoticeLoadFailedNoneFmt);
    REQUIRE(n);
    CHECK(n->level == Notice::Level::Error);
    CHECK_THAT(n->text(Language::English), ContainsSubstring(fs::path(path).filename().string()));
    CHECK_THAT(n->text(Language::English), !ContainsSubstring("previous"));
    REQUIRE_FALSE(session.app.problems.empty());  // the reason, with the position
    CHECK(draws(session));
  }
}

TEST_CASE("a broken settings file: defaults, a notice, and the file kept aside", "[startup][assets]") {
  const fs::path dir = fs::path(test::tmp_path("startup-settings"));
  fs::remove_all(dir);
  fs::create_directories(dir);
  test::write_file((dir / "settings.json").string(), "{\"language\": \"en\", \"theme\": ");  // cut short
  const SettingsLoad loaded = load_startup_settings(dir.string());
  CHECK_FALSE(loaded.notice.empty());
  CHECK(loaded.settings.language == Settings{}.language);
  CHECK(loaded.settings.theme == Settings{}.theme);
  CHECK(loaded.settings.layout == LayoutSettings{});
  CHECK(fs::exists(dir / "settings.json.broken"));
  CHECK_FALSE(fs::exists(dir / "settings.json"));  // ours is written on exit

  Session session(loaded.settings, dir.string());
  note_settings_load(session.app, loaded);
  const Notice* n = test::find_notice(session.app, Str::NoticeSettingsBrokenFmt);
  REQUIRE(n);
  CHECK_THAT(n->text(Language::English), ContainsSubstring("defaults are used"));
  REQUIRE(session.open_initial_dataset(test::data_path("example/example.json")));
  CHECK(draws(session));

  // A missing settings file is not a problem at all.
  const SettingsLoad none = load_startup_settings(test::tmp_path("startup-settings-none"));
  CHECK(none.notice.empty());
}

TEST_CASE("font, dataset and settings all broken at once: still starts, with three notices",
          "[startup][assets]") {
  const fs::path dir = fs::path(test::tmp_path("startup-all-broken"));
  fs::remove_all(dir);
  fs::create_directories(dir);
  test::write_file((dir / "settings.json").string(), "\xFF\xFE junk");
  const SettingsLoad loaded = load_startup_settings(dir.string());
  Session session(loaded.settings, dir.string(), test::tmp_path("no-such-font.otf"));
  note_settings_load(session.app, loaded);
  CHECK_FALSE(session.open_initial_dataset(test::tmp_path("no-such-dataset.json")));
  CHECK(test::find_notice(session.app, Str::NoticeSettingsBrokenFmt));
  CHECK((test::find_notice(session.app, Str::NoticeFontFallbackFmt) ||
         test::find_notice(session.app, Str::NoticeFontMissingFmt)));
  CHECK(test::find_notice(session.app, Str::NoticeLoadFailedNoneFmt));
  CHECK(draws(session));
}
