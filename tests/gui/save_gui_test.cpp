// Saving as a user does it, through the drawn window (GuiDriver): Ctrl+S after another program
// changed the file opens the question instead of overwriting; "review and merge" lists the
// differences and merges them; a journal that cannot be written shows in the status line.
#include <catch2/catch_test_macros.hpp>

#include <GLFW/glfw3.h>

#include <filesystem>

#include "app_model/strings.h"
#include "edit/dataset_edits.h"
#include "gui_driver.h"
#include "gui_support.h"
#include "io/dataset_io.h"
#include "ui/host/widgets.h"

using namespace indtrack;
using namespace indtrack::test;
using namespace indtrack::ui;
namespace fs = std::filesystem;

TEST_CASE("Ctrl+S over a file another program changed asks, and review and merge keeps both changes",
          "[gui][save][nothing-lost]") {
  const std::string path = copy_dataset(data_path("example/example.json"), "gui-save-changed");
  GuiDriver gui({.dataset = path});
  gui.frames(2);
  REQUIRE(gui.editing().apply(set_field("修改名称", project_pointer(0), "name", "窗口里的修改")).ok);
  // Another program changes the other project meanwhile.
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(read_file(path));
  doc["projects"][1]["name"] = "别的程序的修改";
  const std::string theirs = doc.dump(2) + "\n";
  write_file(path, theirs);

  gui.move_to(ImVec2(800, 450));
  gui.key(GLFW_KEY_S, kCtrl);
  gui.frames(2);
  CHECK(read_file(path) == theirs);
  REQUIRE(gui.shows_text(tr(Str::DiskChangedTitle)));
  gui.save_png(tmp_path("gui-disk-changed.png"));
  gui.click_text(tr(Str::ButtonReviewMerge));
  gui.frames(2);
  gui.save_png(tmp_path("gui-merge-review.png"));
  CHECK(gui.shows_text("窗口里的修改"));    // mine
  CHECK(gui.shows_text("别的程序的修改"));  // theirs
  gui.click_text(tr(Str::ButtonMergeSave));
  gui.frames(2);
  CHECK_FALSE(gui.shows_text(tr(Str::DiskChangedTitle)));
  LoadResult saved = load_dataset(path);
  REQUIRE(saved.dataset);
  CHECK(saved.dataset->projects[0].name == "窗口里的修改");
  CHECK(saved.dataset->projects[1].name == "别的程序的修改");
}

TEST_CASE("a journal that cannot be written shows in the status line until it can",
          "[gui][journal][nothing-lost]") {
  const std::string path = copy_dataset(data_path("example/example.json"), "gui-journal-stopped");
  GuiDriver gui({.dataset = path});
  gui.frames(2);
  fs::create_directory(path + ".journal");  // as a full disk would
  REQUIRE(gui.editing().apply(set_field("修改名称", project_pointer(0), "name", "没有日志的修改")).ok);
  gui.frames(2);
  CHECK(gui.shows_text(tr(Str::StatusJournalStopped), gui.status_line()));
  gui.save_png(tmp_path("gui-journal-stopped.png"));
  fs::remove(path + ".journal");
  REQUIRE(gui.editing().apply(set_field("修改名称", project_pointer(0), "notes", "日志恢复")).ok);
  gui.frames(2);
  CHECK_FALSE(gui.shows_text(tr(Str::StatusJournalStopped), gui.status_line()));
}
