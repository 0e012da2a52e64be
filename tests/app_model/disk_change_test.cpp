// Issue 15, item 3: a save must notice that another program changed the file since it was
// opened (or last saved), say so, and offer to merge, to reload keeping these edits as a copy,
// or to save elsewhere — never overwrite the other program's change unseen.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <filesystem>

#include "app_model/edit_session.h"
#include "curation_support.h"
#include "edit/dataset_edits.h"
#include "io/dataset_io.h"

using namespace indtrack;
using namespace indtrack::ui;
using Catch::Matchers::ContainsSubstring;
namespace fs = std::filesystem;

namespace {

constexpr EditSession::Options kWindow{.lock_file = true, .journal = true};

// Another program rewrites the file: `edit` changes its JSON.
template <class Edit>
std::string rewrite_elsewhere(const std::string& path, Edit&& edit) {
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(test::read_file(path));
  edit(doc);
  const std::string text = doc.dump(2) + "\n";
  test::write_file(path, text);
  return text;
}

const DocumentChange* find_change(const std::vector<DocumentChange>& changes, const std::string& id,
                                  const std::string& field) {
  for (const DocumentChange& c : changes)
    if (c.id == id && c.field == field) return &c;
  return nullptr;
}

}  // namespace

TEST_CASE("a save over a file another program changed asks first; merging keeps both changes",
          "[nothing-lost][save][issue15]") {
  const std::string path = test::copy_example_dataset("disk-change-merge");
  AppState app;
  EditSession session(app);
  session.set_options(kWindow);
  REQUIRE(session.open(path));
  REQUIRE(session.apply(set_field("修改名称", project_pointer(0), "name", "我的修改")).ok);
  const std::string theirs =
      rewrite_elsewhere(path, [](auto& doc) { doc["projects"][1]["name"] = "别人的修改"; });

  CHECK_FALSE(session.save());
  CHECK(test::read_file(path) == theirs);  // not overwritten
  CHECK(session.question() == EditSession::Question::FileChangedOnDisk);
  const Notice* told = test::find_notice(app, Str::NoticeFileChangedFmt);
  REQUIRE(told);
  CHECK_THAT(told->text(Language::English), ContainsSubstring("changed by another program"));
  CHECK(session.dirty());

  std::vector<DocumentChange>* changes = session.disk_changes();
  REQUIRE(changes);
  REQUIRE(changes->size() == 2);
  const DocumentChange* mine = find_change(*changes, "example-bdo", "name");
  const DocumentChange* other = find_change(*changes, "example-pbat", "name");
  REQUIRE(mine);
  REQUIRE(other);
  CHECK(mine->mine_changed);
  CHECK_FALSE(mine->theirs_changed);
  CHECK(mine->take_mine);
  CHECK(other->theirs_changed);
  CHECK_FALSE(other->take_mine);

  REQUIRE(session.merge_and_save());
  CHECK(session.question() == EditSession::Question::None);
  CHECK_FALSE(session.dirty());
  CHECK(test::read_file(path + ".bak") == theirs);  // their version, as it was before the merge
  LoadResult saved = load_dataset(path);
  REQUIRE(saved.dataset);
  CHECK(saved.dataset->projects[0].name == "我的修改");
  CHECK(saved.dataset->projects[1].name == "别人的修改");
  CHECK(app.dataset->projects[1].name == "别人的修改");  // the window shows the merged file
  REQUIRE(test::find_notice(app, Str::NoticeMergedFmt));
  // The next save needs no question: the file is what this session wrote.
  REQUIRE(session.apply(set_field("修改备注", project_pointer(0), "notes", "之后")).ok);
  CHECK(session.save());
}

TEST_CASE("a field both sides changed is a conflict the user decides", "[nothing-lost][save][issue15]") {
  const std::string path = test::copy_example_dataset("disk-change-conflict");
  AppState app;
  EditSession session(app);
  session.set_options(kWindow);
  REQUIRE(session.open(path));
  REQUIRE(session.apply(set_field("修改名称", project_pointer(0), "name", "我的名称")).ok);
  rewrite_elsewhere(path, [](auto& doc) {
    doc["projects"][0]["name"] = "他们的名称";
    doc["projects"][0]["units"].erase(0);  // and they removed a line
  });
  CHECK_FALSE(session.save());
  std::vector<DocumentChange>* changes = session.disk_changes();
  REQUIRE(changes);
  DocumentChange* name = nullptr;
  for (DocumentChange& c : *changes)
    if (c.field == "name") name = &c;
  REQUIRE(name);
  CHECK(name->conflict());
  CHECK(name->take_mine);   // by default, mine
  name->take_mine = false;  // the user keeps theirs
  REQUIRE(session.merge_and_save());
  LoadResult saved = load_dataset(path);
  REQUIRE(saved.dataset);
  CHECK(saved.dataset->projects[0].name == "他们的名称");
  CHECK(saved.dataset->projects[0].units.size() == 1);  // their removal kept
}

TEST_CASE("reload after another program's change keeps these edits as a copy",
          "[nothing-lost][save][issue15]") {
  const std::string path = test::copy_example_dataset("disk-change-reload");
  AppState app;
  EditSession session(app);
  session.set_options(kWindow);
  REQUIRE(session.open(path));
  REQUIRE(session.apply(set_field("修改名称", project_pointer(0), "name", "我的修改")).ok);
  rewrite_elsewhere(path, [](auto& doc) { doc["projects"][1]["name"] = "别人的修改"; });
  CHECK_FALSE(session.save());
  REQUIRE(session.reload_keeping_mine());
  CHECK(session.question() == EditSession::Question::None);
  CHECK(app.dataset->projects[1].name == "别人的修改");
  CHECK(app.dataset->projects[0].name == "年产10万吨/年BDO项目");
  const Notice* notice = test::find_notice(app, Str::NoticeReloadedKeptMineFmt);
  REQUIRE(notice);
  const std::string copy = notice->args.at(1);
  CHECK_THAT(copy, ContainsSubstring(".mine-"));
  LoadResult kept = load_dataset(copy);  // loads: the article texts are beside it
  REQUIRE(kept.dataset);
  CHECK(kept.dataset->projects[0].name == "我的修改");
  CHECK(kept.dataset->projects[1].name == "PBAT项目");
}

TEST_CASE("a file only touched (same bytes, new time) is saved without a question",
          "[nothing-lost][save][issue15]") {
  const std::string path = test::copy_example_dataset("disk-change-touch");
  AppState app;
  EditSession session(app);
  session.set_options(kWindow);
  REQUIRE(session.open(path));
  REQUIRE(session.apply(set_field("修改名称", project_pointer(0), "name", "我的修改")).ok);
  const std::string same = test::read_file(path);
  fs::remove(path);
  test::write_file(path, same);  // another inode, same bytes
  CHECK(session.save());
  CHECK(session.question() == EditSession::Question::None);
}
