// What a journal written on an older version of a shared store is checked against: the records
// each edit touches (journal_records.h), and edits that bring an article's text keeping it in
// the journal (a database session writes no file for it).
#include <catch2/catch_test_macros.hpp>

#include <cstdio>

#include "app_model/journal_records.h"
#include "curation_support.h"
#include "edit/dataset_editor.h"
#include "edit/dataset_edits.h"
#include "edit/edit_journal.h"
#include "io/dataset_io.h"

using namespace indtrack;
using namespace indtrack::ui;

namespace {

// An editor on the example dataset, and the transaction `tx` as it applied (its ids filled in).
// `name`: the copy's own folder (ctest runs the cases of this file side by side).
struct Applied {
  explicit Applied(const std::string& name) : loaded(load_dataset(test::copy_example_dataset(name))) {}
  LoadResult loaded;
  DatasetEditor editor{*loaded.dataset, loaded.problems};
  EditTransaction apply(EditTransaction tx) {
    const EditOutcome out = editor.apply(std::move(tx));
    REQUIRE(out.ok);
    return out.applied;
  }
};

}  // namespace

TEST_CASE("a journaled edit names the records it touches by list and id", "[journal][records]") {
  Applied a("journal-records-named");
  REQUIRE(a.loaded.dataset);
  const OrderedJson& doc = a.editor.document();
  const std::string first = a.editor.dataset().projects[0].id;
  const std::string second = a.editor.dataset().projects[1].id;

  const EditTransaction rename = a.apply(set_field("修改名称", project_pointer(1), "name", "改名"));
  CHECK(records_touched(doc, rename) == std::set<StoreRecord>{{"projects", second}});
  // A field deep inside a project is that project's.
  const EditTransaction deep = a.apply(set_field("修改线名", unit_pointer(0, 0), "name", "新线"));
  CHECK(records_touched(doc, deep) == std::set<StoreRecord>{{"projects", first}});
  // A new project: by its new id.
  const EditTransaction added = a.apply(add_project(a.editor.dataset(), "新项目"));
  const std::string added_id = a.editor.dataset().projects.back().id;
  CHECK(records_touched(doc, added) == std::set<StoreRecord>{{"projects", added_id}});
  // The dataset's own fields.
  CHECK(records_touched(doc, {"改名", {EditOp::set("/name", "新名")}}) == std::set<StoreRecord>{{"", ""}});
  // What cannot be told is never replayed elsewhere: a whole list, an op that names no record.
  CHECK_FALSE(records_touched(doc, {"全换", {EditOp::set("/projects", OrderedJson::array())}}));
  CHECK_FALSE(records_touched(doc, {"无标识", {EditOp::set(project_pointer(0) + "/name", "x")}}));
  // Several ops, several records.
  EditTransaction both = rename;
  both.ops.insert(both.ops.end(), added.ops.begin(), added.ops.end());
  CHECK(records_touched(doc, both) == std::set<StoreRecord>{{"projects", second}, {"projects", added_id}});
}

TEST_CASE("a journaled edit follows its record to where others' deletion moved it", "[journal][records]") {
  Applied a("journal-records-moved");
  const std::string second = a.editor.dataset().projects[1].id;
  const EditTransaction tx = a.apply(set_field("修改线名", unit_pointer(1, 0), "name", "新线"));
  OrderedJson newer = a.editor.document();
  newer["projects"].erase(0);  // someone removed the first project
  const EditTransaction moved = relocate_records(newer, tx);
  REQUIRE(moved.ops.size() == 1);
  CHECK(moved.ops[0].path == unit_pointer(0, 0) + "/name");
  CHECK(moved.ops[0].ids.contains("/projects/0"));
  CHECK(moved.ops[0].ids.contains(unit_pointer(0, 0)));
  CHECK(moved.ops[0].ids["/projects/0"] == second);
  CHECK_FALSE(moved.ops[0].ids.contains("/projects/1"));
  // Where it still is, and a record not there (one the edit adds): unchanged.
  CHECK(relocate_records(a.editor.document(), tx).ops == tx.ops);
  const EditTransaction added = a.apply(add_project(a.editor.dataset(), "新项目"));
  CHECK(relocate_records(newer, added).ops == added.ops);
}

TEST_CASE("an edit that brings an article's text keeps it through the journal", "[journal][records]") {
  EditTransaction tx{"导入文章", {EditOp::insert("/sources/-", OrderedJson{{"id", "a-1"}})}};
  tx.texts.emplace("a-1", "全文\n第二行，“引号”\\ 与 \t 制表");
  const std::string path = test::tmp_path("journal-texts.journal");
  std::remove(path.c_str());
  {
    JournalWriter w;
    w.start(path, {"postgresql: x", "postgresql change 3", "2026-12-03T10:00:00"});
    REQUIRE(w.append(tx, "fnv1a64:a", "fnv1a64:b").outcome == JournalWriter::Outcome::Written);
  }
  const JournalContents read = read_journal(path);
  REQUIRE(read.entries.size() == 1);
  CHECK(read.entries[0].tx.texts == tx.texts);
  CHECK(read.entries[0].tx.ops == tx.ops);
}
