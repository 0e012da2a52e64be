// Revert and watch (issue 23): a change is undone as a new change of its own, never over a later
// edit; a commit on one connection reaches another that LISTENs, and changes_since tells it what
// the commit changed.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "db/dataset_tables.h"
#include "db/pg_store.h"
#include "db/schema.h"
#include "db_fixtures.h"

using namespace indtrack;
using Catch::Matchers::ContainsSubstring;
using indtrack::test::bundled_database;
using indtrack::test::connect;
using indtrack::test::require_data_matches_history;

namespace {

db::StoredRecord read_project(db::PgConnection& conn, const std::string& id) {
  auto read = db::read_records(conn, db::RecordKind::Project, {id});
  REQUIRE(read.ok());
  REQUIRE(read->size() == 1);
  return read->front();
}

bool project_exists(db::PgConnection& conn, const std::string& id) {
  auto read = db::read_records(conn, db::RecordKind::Project, {id});
  REQUIRE(read.ok());
  return !read->empty();
}

// Records compared as plain JSON: member order is the canonical writer's business.
nlohmann::json plain(const db::OrderedJson& j) { return nlohmann::json::parse(j.dump()); }

// Saves the records (nullopt: delete) on the versions given; the receipt must have no conflict.
db::SaveReceipt save(db::PgConnection& conn, const std::string& label,
                     const std::vector<db::RecordChange>& changes) {
  db::SaveRequest request;
  request.request_id = db::new_request_id();
  request.label = label;
  request.changes = changes;
  auto saved = db::save_changes(conn, request);
  if (!saved) FAIL(saved.error().message);
  REQUIRE(saved->conflicts.empty());
  return *saved;
}

db::RecordChange with_notes(const db::StoredRecord& r, const std::string& notes) {
  db::RecordChange c;
  c.key = {db::RecordKind::Project, r.id};
  c.base_version = r.version;
  c.after = r.json;
  (*c.after)["notes"] = notes;
  return c;
}

// Waits on the connection's socket (no sleeping) until a notification comes or `seconds` pass.
std::vector<db::Notification> wait_for_notifications(db::PgConnection& conn, int seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    conn.wait_for_input(static_cast<int>(left.count()) + 1);
    auto notes = conn.poll_notifications();
    REQUIRE(notes.ok());
    if (!notes->empty()) return *notes;
  }
  return {};
}

}  // namespace

TEST_CASE("revert_change undoes a change as a new change; a retry of the revert is already_saved",
          "[db][history]") {
  db::PgConnection conn = connect(bundled_database());
  const db::StoredRecord a = read_project(conn, "dongjing-bdo"), b = read_project(conn, "sanwei-bdo");
  const db::SaveReceipt edit =
      save(conn, "Edit notes", {with_notes(a, "甲的说明 (edit)"), with_notes(b, "乙的说明 (edit)")});

  const std::string request_id = db::new_request_id();
  auto reverted = db::revert_change(conn, edit.change_id, request_id);
  if (!reverted) FAIL(reverted.error().message);
  REQUIRE(reverted->conflicts.empty());
  CHECK(reverted->change_id > edit.change_id);
  // Both records are as they were before the edit, at the revert's version.
  for (const db::StoredRecord& was : {a, b}) {
    const db::StoredRecord now = read_project(conn, was.id);
    CHECK(plain(now.json) == plain(was.json));
    CHECK(now.version == reverted->change_id);
  }
  // The history keeps the edit and adds the revert, which says what it reverts.
  auto history = db::history(conn, db::RecordKey{db::RecordKind::Project, a.id}, 10);
  REQUIRE(history.ok());
  REQUIRE(history->size() >= 2);
  const db::ChangeEntry& revert = (*history)[0];
  CHECK(revert.id == reverted->change_id);
  CHECK(revert.reverts == edit.change_id);
  CHECK_THAT(revert.label, ContainsSubstring("Revert #" + std::to_string(edit.change_id) + " (Edit notes)"));
  REQUIRE(revert.records.size() == 1);
  CHECK((*revert.records[0].before)["notes"] == "甲的说明 (edit)");
  CHECK(plain(*revert.records[0].after) == plain(a.json));
  CHECK((*history)[1].id == edit.change_id);

  // The client did not hear the answer and sends the revert again: not applied twice.
  auto again = db::revert_change(conn, edit.change_id, request_id);
  REQUIRE(again.ok());
  CHECK(again->already_saved);
  CHECK(again->change_id == reverted->change_id);
  CHECK(read_project(conn, a.id).version == reverted->change_id);
  require_data_matches_history(conn);
}

TEST_CASE("Reverting a creation deletes the record; reverting that revert brings it back", "[db][history]") {
  db::PgConnection conn = connect(bundled_database());
  const db::StoredRecord model = read_project(conn, "dongjing-bdo");
  db::RecordChange create;
  create.key = {db::RecordKind::Project, "revert-test-new"};
  create.base_version = 0;
  db::OrderedJson fresh = model.json;
  fresh["id"] = "revert-test-new";
  fresh["name"] = "回滚测试项目";
  fresh.erase("aliases");
  fresh.erase("units");  // line ids are unique in the whole dataset
  fresh.erase("totals");
  create.after = fresh;
  const db::SaveReceipt created = save(conn, "Add project", {create});
  REQUIRE(project_exists(conn, "revert-test-new"));

  auto undone = db::revert_change(conn, created.change_id, db::new_request_id());
  if (!undone) FAIL(undone.error().message);
  REQUIRE(undone->conflicts.empty());
  CHECK_FALSE(project_exists(conn, "revert-test-new"));
  CHECK(undone->versions.at(create.key) == 0);

  auto redone = db::revert_change(conn, undone->change_id, db::new_request_id());
  if (!redone) FAIL(redone.error().message);
  REQUIRE(redone->conflicts.empty());
  const db::StoredRecord back = read_project(conn, "revert-test-new");
  CHECK(plain(back.json) == plain(fresh));
  CHECK(back.version == redone->change_id);
  require_data_matches_history(conn);
}

TEST_CASE("A revert is refused for a record changed again since, and an import cannot be reverted",
          "[db][history]") {
  db::PgConnection conn = connect(bundled_database());
  const db::StoredRecord a = read_project(conn, "dongjing-bdo"), b = read_project(conn, "sanwei-bdo");
  const db::SaveReceipt first = save(conn, "First", {with_notes(a, "first"), with_notes(b, "first")});
  // Someone edits one of the two records again.
  const db::SaveReceipt second = save(conn, "Second", {with_notes(read_project(conn, a.id), "second")});

  auto refused = db::revert_change(conn, first.change_id, db::new_request_id());
  REQUIRE(refused.ok());
  CHECK(refused->change_id == 0);
  REQUIRE(refused->conflicts.size() == 1);
  const db::Conflict& c = refused->conflicts.front();
  CHECK(c.key.id == a.id);
  CHECK(c.base_version == first.change_id);
  CHECK(c.current_version == second.change_id);
  CHECK(c.label == "Second");
  REQUIRE(c.theirs);
  CHECK((*c.theirs)["notes"] == "second");
  // Nothing of the revert was written, not even to the record nobody touched since.
  CHECK(read_project(conn, a.id).json["notes"] == "second");
  CHECK(read_project(conn, b.id).json["notes"] == "first");
  CHECK(read_project(conn, b.id).version == first.change_id);
  auto newest = db::history(conn, std::nullopt, 1);
  REQUIRE(newest.ok());
  CHECK(newest->front().id == second.change_id);

  // The import, and a change that does not exist.
  auto import_id = conn.exec("SELECT id FROM indtrack.changes WHERE whole_dataset");
  REQUIRE(import_id.ok());
  REQUIRE(import_id->rows() == 1);
  auto import = db::revert_change(conn, import_id->integer(0, 0), db::new_request_id());
  REQUIRE_FALSE(import.ok());
  CHECK(import.error().kind == Error::Kind::Invalid);
  CHECK_THAT(import.error().message, ContainsSubstring("import"));
  auto missing = db::revert_change(conn, 999999, db::new_request_id());
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().kind == Error::Kind::NotFound);
}

TEST_CASE("A commit on one connection reaches a listening one, and changes_since says what changed",
          "[db][history]") {
  const std::string conninfo = bundled_database();
  db::PgConnection watcher = connect(conninfo), curator = connect(conninfo);
  REQUIRE(watcher.listen(db::kChangesChannel).ok());
  auto start = watcher.exec("SELECT max(id) FROM indtrack.changes");
  REQUIRE(start.ok());
  const std::int64_t seen = start->integer(0, 0);

  // A save that fails after taking its change id sends nothing: NOTIFY goes out on commit only.
  const db::StoredRecord a = read_project(curator, "dongjing-bdo");
  db::SaveRequest bad;
  bad.request_id = db::new_request_id();
  bad.label = "Refused";
  bad.changes.push_back(with_notes(a, "a control character \x01 the database refuses"));
  auto refused = db::save_changes(curator, bad);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == Error::Kind::Invalid);

  const db::SaveReceipt saved = save(curator, "Edit notes", {with_notes(a, "seen by the watcher")});
  const std::vector<db::Notification> notes = wait_for_notifications(watcher, 10);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].channel == db::kChangesChannel);
  CHECK(notes[0].payload == std::to_string(saved.change_id));
  CHECK(notes[0].backend_pid == curator.backend_pid());

  auto missed = db::changes_since(watcher, seen, true);
  REQUIRE(missed.ok());
  REQUIRE(missed->size() == 1);
  const db::ChangeEntry& c = missed->front();
  CHECK(c.id == saved.change_id);
  CHECK(c.label == "Edit notes");
  CHECK(c.author == curator.user());
  REQUIRE(c.records.size() == 1);
  CHECK(c.records[0].key.id == a.id);
  CHECK((*c.records[0].after)["notes"] == "seen by the watcher");
  // Without JSON (what a dashboard asks first): the records, not their contents.
  auto light = db::changes_since(watcher, seen, false);
  REQUIRE(light.ok());
  REQUIRE(light->size() == 1);
  CHECK_FALSE(light->front().records.at(0).after);

  // Nothing more happened, and nothing more is pending.
  CHECK(db::changes_since(watcher, saved.change_id, false)->empty());
  auto more = watcher.poll_notifications();
  REQUIRE(more.ok());
  CHECK(more->empty());
}
