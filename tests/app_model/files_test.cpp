// Files without a display: the built-in chooser's model (listing, extension filter, hidden files,
// navigation, typed names, unreadable folders), the desktop chooser as a polled process, files
// dropped onto the window, and the recent-files list.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "app_model/curation.h"
#include "app_model/desktop_chooser.h"
#include "app_model/dropped_files.h"
#include "app_model/file_chooser.h"
#include "app_model/settings.h"
#include "curation_support.h"

using namespace indtrack;
using namespace indtrack::ui;
using Catch::Matchers::ContainsSubstring;
namespace fs = std::filesystem;

namespace {

// A folder with datasets, an article, hidden entries and a subfolder.
std::string make_folder(const std::string& name) {
  const fs::path dir = fs::absolute(test::tmp_path(name)).lexically_normal();
  fs::remove_all(dir);
  fs::create_directories(dir / "sub" / "deeper");
  fs::create_directories(dir / ".hidden-dir");
  for (const char* f : {"b.json", "A.JSON", "notes.txt", ".secret.json", "picture.png", "sub/inner.json"})
    test::write_file((dir / f).string(), "{}");
  return dir.string();
}

std::vector<std::string> names(const FileChooser& chooser) {
  std::vector<std::string> out;
  for (const FileEntry& e : chooser.entries()) out.push_back(e.directory ? e.name + "/" : e.name);
  return out;
}

}  // namespace

TEST_CASE("built-in chooser: folders first, then the purpose's files; hidden ones off", "[files][chooser]") {
  const std::string dir = make_folder("chooser-list");
  FileChooser chooser;
  chooser.open(FilePurpose::OpenDataset, dir);
  CHECK(chooser.directory() == dir);
  CHECK(names(chooser) == std::vector<std::string>{"sub/", "A.JSON", "b.json"});
  CHECK_FALSE(chooser.error());

  chooser.set_show_hidden(true);
  CHECK(names(chooser) ==
        std::vector<std::string>{".hidden-dir/", "sub/", ".secret.json", "A.JSON", "b.json"});
  chooser.set_show_hidden(false);
  chooser.set_all_files(true);
  CHECK(names(chooser) == std::vector<std::string>{"sub/", "A.JSON", "b.json", "notes.txt", "picture.png"});

  FileChooser article;
  article.open(FilePurpose::ImportArticle, dir + "/notes.txt");
  CHECK(article.directory() == dir);
  CHECK(article.name == "notes.txt");  // started from the file: its name is in the field
  CHECK(names(article) == std::vector<std::string>{"sub/", "notes.txt"});

  FileChooser exporting;
  exporting.open(FilePurpose::ExportChart, dir, "BDO产能_截至2026-12-02.png");
  CHECK(names(exporting) == std::vector<std::string>{"sub/", "picture.png"});
  CHECK(exporting.name == "BDO产能_截至2026-12-02.png");
}

TEST_CASE("built-in chooser: into folders, up again, typed paths", "[files][chooser]") {
  const std::string dir = make_folder("chooser-nav");
  FileChooser chooser;
  chooser.open(FilePurpose::OpenDataset, dir);
  chooser.activate(0);  // sub/
  CHECK(chooser.directory() == dir + "/sub");
  CHECK(names(chooser) == std::vector<std::string>{"deeper/", "inner.json"});
  chooser.activate(1);  // a file: its name goes into the field
  CHECK(chooser.directory() == dir + "/sub");
  CHECK(chooser.name == "inner.json");
  CHECK(chooser.choose() == dir + "/sub/inner.json");

  REQUIRE(chooser.go_up());
  CHECK(chooser.directory() == dir);
  chooser.name = "sub/deeper";  // a folder typed into the field is entered
  CHECK_FALSE(chooser.choose());
  CHECK_FALSE(chooser.error());
  CHECK(chooser.directory() == dir + "/sub/deeper");
  CHECK(chooser.name.empty());

  chooser.name = dir + "/b.json";  // an absolute path
  CHECK(chooser.choose() == dir + "/b.json");
  chooser.name = "../../nothing.json";
  CHECK_FALSE(chooser.choose());
  REQUIRE(chooser.error());
  CHECK(chooser.error()->format == Str::ChooserNoFileFmt);
  CHECK_THAT(chooser.error()->text(Language::Chinese),
             ContainsSubstring("文件不存在：" + dir + "/nothing.json"));
}

TEST_CASE("built-in chooser: saving adds the extension and needs an existing folder", "[files][chooser]") {
  const std::string dir = make_folder("chooser-save");
  FileChooser chooser;
  chooser.open(FilePurpose::SaveDataset, dir + "/b.json");
  CHECK(chooser.name == "b.json");
  chooser.name = "copy";
  CHECK(chooser.choose() == dir + "/copy.json");
  chooser.name = "copy.JSON";
  CHECK(chooser.choose() == dir + "/copy.JSON");
  chooser.name = "no-such-folder/copy.json";
  CHECK_FALSE(chooser.choose());
  REQUIRE(chooser.error());
  CHECK(chooser.error()->format == Str::ChooserNoFolderFmt);
}

TEST_CASE("built-in chooser: a folder that cannot be read says why and keeps the listing",
          "[files][chooser]") {
  const std::string dir = make_folder("chooser-unreadable");
  FileChooser chooser;
  chooser.open(FilePurpose::OpenDataset, dir);
  CHECK_FALSE(chooser.navigate(dir + "/b.json"));  // a file, not a folder
  REQUIRE(chooser.error());
  CHECK(chooser.error()->format == Str::ChooserUnreadableFmt);
  CHECK_THAT(chooser.error()->text(Language::English),
             ContainsSubstring("Cannot read the folder " + dir + "/b.json: Not a directory"));
  CHECK(chooser.directory() == dir);
  CHECK(names(chooser) == std::vector<std::string>{"sub/", "A.JSON", "b.json"});

  CHECK_FALSE(chooser.navigate("gone"));
  CHECK_THAT(chooser.error()->text(Language::Chinese),
             ContainsSubstring("无法读取文件夹 " + dir + "/gone："));
  if (::geteuid() != 0) {  // root reads any folder
    fs::permissions(dir + "/sub", fs::perms::none);
    CHECK_FALSE(chooser.navigate("sub"));
    CHECK_THAT(chooser.error()->text(Language::English), ContainsSubstring("Permission denied"));
    fs::permissions(dir + "/sub", fs::perms::owner_all);
  }
  // A chooser opened on a start that is gone lists the current folder instead, without an error.
  FileChooser fallback;
  fallback.open(FilePurpose::OpenDataset, dir + "/gone/x.json");
  CHECK_FALSE(fallback.error());
  CHECK(fallback.directory() == fs::current_path().string());
}

TEST_CASE("desktop chooser: zenity's command line, and its answer picked up by polling", "[files][chooser]") {
  {
    test::ScopedEnv builtin("INDTRACK_FILE_CHOOSER", "builtin");
    CHECK_FALSE(desktop_chooser_command(FilePurpose::OpenDataset, "/tmp", "打开"));
  }
  {
    test::ScopedEnv no_x("DISPLAY", nullptr), no_wayland("WAYLAND_DISPLAY", nullptr);
    CHECK_FALSE(desktop_chooser_command(FilePurpose::OpenDataset, "/tmp", "打开"));
  }
  // A stand-in zenity on PATH that prints what it was asked, as the real one prints the choice.
  const std::string bin = fs::absolute(test::tmp_path("fake-zenity")).string();
  fs::remove_all(bin);
  fs::create_directories(bin);
  test::write_file(bin + "/zenity", "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
  fs::permissions(bin + "/zenity", fs::perms::owner_all);
  test::ScopedEnv path("PATH", bin.c_str()), display("DISPLAY", ":99"),
      chooser("INDTRACK_FILE_CHOOSER", nullptr);
  const auto command = desktop_chooser_command(FilePurpose::SaveDataset, "/tmp", "另存为");
  REQUIRE(command);
  CHECK(command->program == bin + "/zenity");
  CHECK(command->args == std::vector<std::string>{"--file-selection", "--title=另存为", "--filename=/tmp/",
                                                  "--save", "--file-filter=*.json | *.json",
                                                  "--file-filter=* | *"});
  ChooserProcess process;
  REQUIRE(process.start(*command).empty());
  CHECK(process.running());
  const auto outcome = process.wait();
  REQUIRE(outcome);
  CHECK(outcome->kind == ChooserOutcome::Kind::Chosen);
  CHECK(outcome->text.starts_with(
      "--file-selection\n--title=另存为\n"));  // its whole output, less the last line end
  CHECK_FALSE(process.running());
  CHECK_FALSE(process.poll());

  // Cancel (exit 1) and failure (another status) are told apart.
  ChooserProcess cancelled;
  REQUIRE(cancelled.start({"/bin/sh", {"-c", "exit 1"}}).empty());
  CHECK(cancelled.wait()->kind == ChooserOutcome::Kind::Cancelled);
  ChooserProcess failed;
  REQUIRE(failed.start({"/bin/sh", {"-c", "exit 5"}}).empty());
  const auto failure = failed.wait();
  CHECK(failure->kind == ChooserOutcome::Kind::Failed);
  CHECK(failure->text == "sh exited with 5");
  ChooserProcess missing;
  CHECK_THAT(missing.start({"/nonexistent/zenity", {}}), ContainsSubstring("cannot run zenity"));
}

TEST_CASE("dropped files: a dataset opens, an article goes to the import window, others get a notice",
          "[files][drop]") {
  const std::string path = test::copy_example_dataset("drop-open");
  const std::string other = test::copy_example_dataset("drop-open-other");
  AppState app;
  app.set_language(Language::Chinese);
  Curation cur(app);
  cur.session.set_options({.lock_file = false, .journal = false});
  REQUIRE(cur.session.open(path));

  const std::string article = test::data_path("curate/new-article.txt");
  const std::string picture = test::tmp_path("chart.png");
  const DropResult r = drop_files(cur, app, {picture, other, article, path});
  CHECK(r.opened == other);
  CHECK(cur.session.path() == other);  // no edits: opened at once
  CHECK(r.imported == article);
  CHECK(cur.import_open);
  CHECK(cur.import.file_path == article);
  CHECK_FALSE(cur.import.text().empty());
  // The picture and the second dataset were not used, and the notices say so.
  std::vector<std::string> unused;
  for (const Notice& n : app.notices)
    if (n.format == Str::NoticeDropUnusedFmt) unused.push_back(n.args.at(0));
  CHECK(unused == std::vector<std::string>{picture, path});
  CHECK_THAT(test::find_notice(app, Str::NoticeDropUnusedFmt)->text(Language::Chinese),
             ContainsSubstring("拖入的文件未使用"));

  // With edits, dropping a dataset asks first, as File → Open does.
  REQUIRE(cur.session.apply(set_field("修改名称", project_pointer(0), "name", "甲")).ok);
  const DropResult asked = drop_files(cur, app, {path});
  CHECK(asked.opened == path);
  CHECK(cur.session.question() == EditSession::Question::UnsavedChanges);
  CHECK(cur.session.path() == other);
  cur.session.answer_unsaved(EditSession::Answer::Cancel);

  // An article that cannot be read is named in an error notice.
  const DropResult broken = drop_files(cur, app, {test::tmp_path("no-such-article.txt")});
  CHECK(broken.imported.empty());
  REQUIRE(test::find_notice(app, Str::NoticeDropArticleFailedFmt));
}

TEST_CASE("recent files: most recent first, deduplicated, eight kept, saved, missing ones found",
          "[files][settings]") {
  const std::string dir = make_folder("recent");
  Settings s;
  for (int i = 0; i < 10; ++i) remember_recent_file(s, dir + "/f" + std::to_string(i) + ".json");
  REQUIRE(s.recent_files.size() == 8);
  CHECK(s.recent_files.front() == dir + "/f9.json");
  CHECK(s.recent_files.back() == dir + "/f2.json");
  remember_recent_file(s, dir + "/f4.json");
  CHECK(s.recent_files.front() == dir + "/f4.json");
  CHECK(std::count(s.recent_files.begin(), s.recent_files.end(), dir + "/f4.json") == 1);
  CHECK(s.recent_files.size() == 8);

  // Saved and read back in the same order.
  const std::string file = dir + "/settings.json";
  REQUIRE(save_settings(s, file).empty());
  const SettingsLoad loaded = load_settings(file);
  CHECK(loaded.notice.empty());
  CHECK(loaded.settings.recent_files == s.recent_files);

  // Only f4 and f9 exist: the others are shown as missing and can be forgotten.
  test::write_file(dir + "/f4.json", "{}");
  test::write_file(dir + "/f9.json", "{}");
  const std::vector<bool> present = recent_files_present(s);
  CHECK(present == std::vector<bool>{true, true, false, false, false, false, false, false});
  CHECK(forget_missing_recent_files(s) == 6);
  CHECK(s.recent_files == std::vector<std::string>{dir + "/f4.json", dir + "/f9.json"});
}
