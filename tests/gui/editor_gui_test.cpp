// The project editor driven as a user drives it: click a row, click 编辑, click into the name
// field, select all, type a new name, click somewhere else — through real frames of the
// dashboard (GuiDriver), on the bundled dataset and on a generated one of 20,000 projects. Run
// under AddressSanitizer and with glibc's malloc perturbation (the ENVIRONMENT of these tests in
// tests/CMakeLists.txt), so reading the dataset an edit has just replaced is caught at once
// (issue 15, item 1: it crashed 3 times out of 3 on the large dataset).
#include <catch2/catch_test_macros.hpp>

#include <GLFW/glfw3.h>

#include "app_model/strings.h"
#include "core/text.h"
#include "edit/edit_journal.h"
#include "gui_driver.h"
#include "gui_support.h"
#include "io/dataset_io.h"
#include "ui/host/widgets.h"

using namespace indtrack;
using namespace indtrack::test;
using namespace indtrack::ui;

namespace {

// The first `n` characters of `text` (a long name is clipped by its field: search for its start).
std::string first_characters(std::string_view text, std::size_t n) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < n && pos < text.size(); ++i) next_code_point(text, pos);
  return std::string(text.substr(0, pos));
}

// Opens `path` as the window does, waits for a background load, and selects the first row of
// the table by clicking its name. Returns the project's index.
int open_and_select_first_row(GuiDriver& gui) {
  gui.editing().poll_load(/*wait=*/true);
  gui.frames(3);
  REQUIRE(gui.app().dataset);
  REQUIRE_FALSE(gui.app().visible().empty());
  const int first = gui.app().visible().front();
  const std::string name = gui.app().dataset->projects[static_cast<std::size_t>(first)].name;
  gui.app().selected_project = -1;
  gui.click_text(first_characters(name, 6), gui.panel("project-table"));
  CHECK(gui.app().selected_project == first);
  return first;
}

// Click 编辑, click into the name field, select all, type `new_name`.
void type_new_name(GuiDriver& gui, const std::string& new_name) {
  gui.click_text(tr(Str::EditModeButton), gui.panel("detail"));
  REQUIRE(gui.session().curation.project_edit_mode);
  gui.frame();
  const ScreenRect editor = gui.panel("project-editor");
  gui.click(gui.right_of(tr(Str::EditName), editor));
  gui.key(GLFW_KEY_A, kCtrl);
  gui.type(new_name);
  CHECK(gui.shows_text(new_name, gui.panel("project-editor")));  // the draft, in the field
}

}  // namespace

TEST_CASE("a name typed in the drawn editor is applied when the user clicks elsewhere",
          "[gui][editor][nothing-lost]") {
  const std::string path = copy_bundled_dataset("gui-editor-bundled");
  GuiDriver gui({.dataset = path});
  const int project = open_and_select_first_row(gui);
  const std::string before = gui.app().dataset->projects[static_cast<std::size_t>(project)].name;

  SECTION("clicking on text outside any field") {
    type_new_name(gui, "界面改名测试项目");
    gui.click_text(first_characters(tr(Str::EditFieldHint), 8), gui.panel("project-editor"));
  }
  SECTION("clicking into the next field (which then edits that field)") {
    type_new_name(gui, "界面改名测试项目");
    gui.click(gui.right_of(tr(Str::EditNameEn), gui.panel("project-editor")));
    CHECK(ImGui::GetIO().WantTextInput);  // the English name field has the keyboard now
  }
  gui.frames(3);
  const Project& p = gui.app().dataset->projects[static_cast<std::size_t>(project)];
  CHECK(p.name == "界面改名测试项目");
  CHECK(gui.editing().dirty());
  CHECK(gui.shows_text("界面改名测试项目", gui.panel("project-table")));  // the table has it too
  CHECK_FALSE(gui.shows_text(first_characters(before, 8), gui.panel("project-editor")));
  // Journaled: a crash now loses nothing.
  const JournalContents journal = read_journal(path + ".journal");
  REQUIRE(journal.entries.size() == 1);
}

TEST_CASE("editing a name in the drawn editor on 20,000 projects does not read freed memory",
          "[gui][editor][nothing-lost][large]") {
  const std::string path = copy_synthetic_dataset(20000, "gui-editor-20k");
  GuiDriver gui({.dataset = path});
  const int project = open_and_select_first_row(gui);
  type_new_name(gui, "大数据集改名");
  // Into the English name field: every field after the name is drawn in the same frame as the
  // edit that replaces the dataset; then away from it (no second edit: each costs seconds here).
  gui.click(gui.right_of(tr(Str::EditNameEn), gui.panel("project-editor")));
  CHECK(ImGui::GetIO().WantTextInput);
  gui.click_text(first_characters(tr(Str::EditFieldHint), 8), gui.panel("project-editor"));
  gui.frames(3);
  const Project& p = gui.app().dataset->projects[static_cast<std::size_t>(project)];
  CHECK(p.name == "大数据集改名");
  CHECK(gui.shows_text("大数据集改名", gui.panel("project-table")));
  CHECK(read_journal(path + ".journal").entries.size() == 1);
}
