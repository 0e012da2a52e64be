// The built-in file chooser as a user meets it when the desktop has none (no zenity or kdialog):
// a modal listing the folder, clicked into a subfolder and onto a file, chosen with its button —
// and files dropped onto the window: a dataset opens, an article opens the import window.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>

#include "dashboard_frames.h"
#include "test_support.h"

using namespace indtrack;
using namespace indtrack::ui;
using indtrack::test::DashboardFrames;
using indtrack::test::ScopedEnv;
namespace fs = std::filesystem;

namespace {

ImVec2 centre(const ImVec4& r) { return ImVec2(std::floor((r.x + r.z) / 2), std::floor((r.y + r.w) / 2)); }

std::optional<ImVec4> row_of(const FileDialogs& files, const std::string& name) {
  for (const auto& [n, rect] : files.drawn_rows())
    if (n == name) return rect;
  return std::nullopt;
}

}  // namespace

TEST_CASE("built-in chooser: clicked into a folder, onto a file, and chosen", "[ui][files]") {
  ScopedEnv builtin("INDTRACK_FILE_CHOOSER", "builtin");
  const fs::path dir = fs::absolute(test::tmp_path("chooser-clicks")).lexically_normal();
  fs::remove_all(dir);
  fs::create_directories(dir / "数据");
  test::write_file((dir / "数据" / "乌海.json").string(), "{}");
  test::write_file((dir / "数据" / "notes.txt").string(), "x");
  test::write_file((dir / "top.json").string(), "{}");

  DashboardFrames h(1366, 768);
  FileDialogs& files = h.session.dashboard.files();
  PanelContext c{h.session.app, h.session.fonts, 1.0f, h.session.fonts.last_build().fonts};
  std::string chosen;
  files.ask(c, FilePurpose::OpenDataset, dir.string(), {}, [&](const std::string& p) { chosen = p; });
  h.frames(3);
  REQUIRE(files.builtin_open());
  CHECK_FALSE(files.desktop_open());
  const auto folder = row_of(files, "数据");
  REQUIRE(folder);
  CHECK(row_of(files, "top.json"));

  h.click(centre(*folder));
  h.frames(30);  // half a second: the next click, at the same place, is not a double click
  CHECK(files.builtin().directory() == (dir / "数据").string());
  const auto file = row_of(files, "乌海.json");
  REQUIRE(file);
  CHECK_FALSE(row_of(files, "notes.txt"));  // not a dataset
  h.click(centre(*file));
  CHECK(files.builtin().name == "乌海.json");
  CHECK(chosen.empty());
  h.click(centre(files.choose_button()));
  CHECK(chosen == (dir / "数据" / "乌海.json").string());
  h.frames(2);
  CHECK_FALSE(files.builtin_open());
  CHECK(DashboardFrames::fallback_glyphs_drawn() == 0);
}

TEST_CASE("dropped files: the first .json opens, a .txt opens the import window, others get a notice",
          "[ui][files][drop]") {
  DashboardFrames h(1366, 768);
  const std::string fixture = std::string(INDTRACK_SOURCE_DIR) + "/tests/ui/data/ui-fixture.json";
  const std::string article = test::data_path("curate/new-article.txt");
  h.session.app.notices.clear();
  h.session.dashboard.open_paths({"/tmp/report.docx", fixture, article});
  h.frames(2);
  REQUIRE(h.session.app.dataset);
  CHECK(h.session.app.dataset->name == "界面测试数据集");
  CHECK(h.session.curation.import_open);
  CHECK(h.session.curation.import.file_path == article);
  REQUIRE(h.session.app.notices.size() == 1);
  CHECK(h.session.app.notices[0].format == Str::NoticeDropUnusedFmt);
  CHECK(h.session.app.notices[0].args == std::vector<std::string>{"/tmp/report.docx"});
}
