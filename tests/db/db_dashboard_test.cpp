// The dashboard's editing session on a team's database (issue 23, items 4 and 7): two curators'
// sessions on one server — a commit of one reaches the other without losing its filter, its
// selection or its unsaved edits; a save over a record someone else changed asks first and
// merges; a reader opens read-only; a connection broken at the worst moment neither loses nor
// doubles a save.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>

#include "app_model/edit_session.h"
#include "app_model/import_model.h"
#include "cli_support.h"
#include "curation_support.h"
#include "db/pg_dataset_store.h"
#include "db/pg_store.h"
#include "db_fixtures.h"
#include "edit/dataset_edits.h"
#include "pg_server.h"
#include "test_support.h"

using namespace indtrack;
using namespace indtrack::ui;
using Catch::Matchers::ContainsSubstring;
using indtrack::test::PgTestServer;
using indtrack::test::run_indtrack;
namespace fs = std::filesystem;

namespace {

constexpr EditSession::Options kWindow{.lock_file = true, .journal = true};  // as run_gui sets them

// A database holding the bundled dataset, with curators alice and bob and reader carol; the
// connection string of the database without a user.
std::string team_database() {
  // The journals of database sessions go to the user's state folder: a fresh one per run.
  const std::string state = test::tmp_path("db-dashboard-state-" + std::to_string(::getpid()));
  fs::create_directories(state);
  ::setenv("XDG_STATE_HOME", state.c_str(), 1);
  const std::string admin = PgTestServer::get().new_database();
  for (const std::vector<std::string>& verb :
       {std::vector<std::string>{"db", "init"},
        {"db", "import", std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json"},
        {"db", "member", "alice", "curator"},
        {"db", "member", "bob", "curator"},
        {"db", "member", "carol", "reader"}}) {
    std::vector<std::string> args = verb;
    args.insert(args.end(), {"--db", admin});
    const auto r = run_indtrack(args);
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
  }
  return admin;
}

std::string as_user(const std::string& database, const std::string& user) {
  return database + " user=" + user;
}

// One dashboard: its state and editing session on the database, as `indtrack --db` opens them.
struct Dashboard {
  AppState app;
  EditSession session{app};
  explicit Dashboard(const std::string& conninfo) {
    session.set_options(kWindow);
    auto store = db::PgDatasetStore::open(conninfo);
    if (!store) FAIL(store.error().message);
    REQUIRE(session.open_store(std::move(*store)));
  }
  db::PgDatasetStore& store() { return static_cast<db::PgDatasetStore&>(*session.store()); }
  // What arrives from the server within 5 s: true when others' changes were picked up.
  bool wait_and_poll() {
    store().connection().wait_for_input(5000);
    return session.poll_others_changes();
  }
  int index_of(const std::string& id) const {
    for (std::size_t i = 0; i < app.dataset->projects.size(); ++i)
      if (app.dataset->projects[i].id == id) return static_cast<int>(i);
    FAIL("no project " << id);
    return -1;
  }
  const Project& project(const std::string& id) const { return app.dataset->projects[index_of(id)]; }
  // Applies an edit and requires it accepted (with the refusal's reason otherwise).
  void edit(EditTransaction tx) {
    const EditOutcome out = session.apply(std::move(tx));
    INFO(out.error);
    for (const Problem& p : out.problems) UNSCOPED_INFO(p.format());
    REQUIRE(out.ok);
  }
};

// The project as the database holds it now.
nlohmann::ordered_json stored_project(const std::string& conninfo, const std::string& id) {
  auto conn = db::PgConnection::connect(conninfo);
  if (!conn) FAIL(conn.error().message);
  auto rows = db::read_records(*conn, db::RecordKind::Project, {id});
  if (!rows || rows->size() != 1) FAIL("cannot read project " << id);
  return rows->front().json;
}

const std::string kPtmeg = "huaheng-ptmeg-pbat";

}  // namespace

TEST_CASE("A curator's save reaches another open dashboard, which keeps its filter and selection",
          "[db][dashboard]") {
  const std::string database = team_database();
  Dashboard alice(as_user(database, "alice")), bob(as_user(database, "bob"));
  CHECK_FALSE(alice.session.read_only());
  CHECK_THAT(alice.session.path(), ContainsSubstring("postgresql"));
  CHECK_FALSE(alice.session.is_file());

  // Bob narrows the table and looks at one project.
  FilterSpec filter = bob.app.filter();
  filter.search = "华恒";
  bob.app.set_filter(filter);
  bob.app.refresh();
  bob.app.selected_project = bob.index_of(kPtmeg);

  const int row = alice.index_of(kPtmeg);
  alice.edit(set_field("修改名称", project_pointer(row), "name", "华恒 PTMEG/PBAT（alice 改）"));
  REQUIRE(alice.session.save());
  CHECK_FALSE(alice.session.dirty());
  CHECK(stored_project(database, kPtmeg)["name"] == "华恒 PTMEG/PBAT（alice 改）");
  CHECK_FALSE(alice.wait_and_poll());  // her own commit is not news to her

  REQUIRE(bob.wait_and_poll());
  CHECK(bob.project(kPtmeg).name == "华恒 PTMEG/PBAT（alice 改）");
  CHECK(bob.app.filter().search == "华恒");
  REQUIRE(bob.app.selected_project >= 0);
  CHECK(bob.app.dataset->projects[bob.app.selected_project].id == kPtmeg);
  CHECK(test::find_notice(bob.app, Str::NoticeOthersChangedReloaded));
  CHECK(db::history(alice.store().connection(), db::RecordKey{db::RecordKind::Project, kPtmeg}, 1)
            ->front()
            .author == "alice");
}

TEST_CASE("Others' commits wait behind unsaved edits; saving keeps both", "[db][dashboard]") {
  const std::string database = team_database();
  Dashboard alice(as_user(database, "alice")), bob(as_user(database, "bob"));
  const std::string bobs_id = bob.app.dataset->projects[0].id;
  const std::string alices_id = alice.app.dataset->projects[1].id;
  bob.edit(set_field("修改备注", project_pointer(0), "notes", "bob 的备注"));

  alice.edit(set_field("修改名称", project_pointer(1), "name", "alice 的名称"));
  REQUIRE(alice.session.save());

  CHECK_FALSE(bob.wait_and_poll());  // not reloaded: his edit would be lost
  CHECK(bob.session.dirty());
  CHECK(bob.project(bobs_id).notes == "bob 的备注");
  CHECK(test::find_notice(bob.app, Str::NoticeOthersChangedKeptEdits));

  // His save touches only his record: accepted, and then alice's change is shown too.
  REQUIRE(bob.session.save());
  CHECK_FALSE(bob.session.dirty());
  CHECK(bob.project(alices_id).name == "alice 的名称");
  CHECK(bob.project(bobs_id).notes == "bob 的备注");
  CHECK(stored_project(database, bobs_id)["notes"] == "bob 的备注");
  CHECK(stored_project(database, alices_id)["name"] == "alice 的名称");
}

TEST_CASE("A save over a record someone else changed asks first; the merge keeps both changes",
          "[db][dashboard]") {
  const std::string database = team_database();
  Dashboard alice(as_user(database, "alice")), bob(as_user(database, "bob"));
  const int a_row = alice.index_of(kPtmeg), b_row = bob.index_of(kPtmeg);
  alice.edit(set_field("修改名称", project_pointer(a_row), "name", "alice 的名称"));
  bob.edit(set_field("修改备注", project_pointer(b_row), "notes", "bob 的备注"));
  REQUIRE(alice.session.save());

  CHECK_FALSE(bob.session.save());
  CHECK(bob.session.question() == EditSession::Question::FileChangedOnDisk);
  const Notice* told = test::find_notice(bob.app, Str::NoticeDbChangedFmt);
  REQUIRE(told);
  CHECK_THAT(told->text(Language::English), ContainsSubstring("changed by someone else"));
  CHECK(stored_project(database, kPtmeg)["name"] == "alice 的名称");  // hers is untouched
  CHECK(bob.session.dirty());

  std::vector<DocumentChange>* changes = bob.session.disk_changes();
  REQUIRE(changes);
  REQUIRE(changes->size() == 2);  // her name, his notes: different fields, no conflict
  for (const DocumentChange& c : *changes) CHECK(c.take_mine == c.mine_changed);
  REQUIRE(bob.session.merge_and_save());
  CHECK(bob.session.question() == EditSession::Question::None);
  CHECK_FALSE(bob.session.dirty());
  const auto stored = stored_project(database, kPtmeg);
  CHECK(stored["name"] == "alice 的名称");
  CHECK(stored["notes"] == "bob 的备注");
  CHECK(bob.project(kPtmeg).name == "alice 的名称");
  CHECK(test::find_notice(bob.app, Str::NoticeDbMergedFmt));

  // The next save builds on the merged versions: no question.
  bob.edit(set_field("再改", project_pointer(b_row), "notes", "之后"));
  CHECK(bob.session.save());
}

TEST_CASE("A reader's dashboard is read-only and says why", "[db][dashboard]") {
  const std::string database = team_database();
  Dashboard carol(as_user(database, "carol"));
  CHECK(carol.session.read_only());
  const Notice* told = test::find_notice(carol.app, Str::NoticeReadOnlyRoleFmt);
  REQUIRE(told);
  CHECK_THAT(told->text(Language::English), ContainsSubstring("carol"));
  CHECK_FALSE(carol.session.apply(set_field("x", project_pointer(0), "notes", "x")).ok);
}

TEST_CASE("A connection broken during a save: retried once, never doubled; failing that the edits stay",
          "[db][dashboard]") {
  const std::string database = team_database();
  Dashboard alice(as_user(database, "alice"));
  const int row = alice.index_of(kPtmeg);

  SECTION("broken just before COMMIT: the retry after reconnecting saves it once") {
    int broken = 0;
    db::set_before_commit_hook([&broken](db::PgConnection& conn) {
      if (broken++ == 0) conn.close();
    });
    alice.edit(set_field("修改名称", project_pointer(row), "name", "断线后保存"));
    const bool saved = alice.session.save();
    db::set_before_commit_hook(nullptr);
    REQUIRE(saved);
    CHECK(broken == 2);
    CHECK(stored_project(database, kPtmeg)["name"] == "断线后保存");
    auto history =
        db::history(alice.store().connection(), db::RecordKey{db::RecordKind::Project, kPtmeg}, 10);
    REQUIRE(history.ok());
    int saves = 0;
    for (const auto& change : *history) saves += change.label == "修改名称";
    CHECK(saves == 1);
  }
  SECTION("broken on every try: nothing saved, the edits stay in memory and in the journal") {
    db::set_before_commit_hook([](db::PgConnection& conn) { conn.close(); });
    alice.edit(set_field("修改名称", project_pointer(row), "name", "未能保存"));
    const bool saved = alice.session.save();
    db::set_before_commit_hook(nullptr);
    CHECK_FALSE(saved);
    CHECK(alice.session.dirty());
    const Notice* told = test::find_notice(alice.app, Str::NoticeDbSaveFailedFmt);
    REQUIRE(told);
    CHECK_THAT(told->text(Language::English), ContainsSubstring("the database is unchanged"));
    CHECK(stored_project(database, kPtmeg)["name"] != "未能保存");
    const std::string journal = alice.store().journal_path();
    INFO(journal << " stopped: " << alice.session.journal_stopped() << " "
                 << alice.session.journal_stop_reason());
    CHECK_THAT(journal, ContainsSubstring(std::getenv("XDG_STATE_HOME")));
    CHECK_THAT(test::read_file(journal), ContainsSubstring("未能保存"));
    // The server is back (the hook is gone): the next save reconnects and goes through.
    CHECK(alice.session.save());
    CHECK(stored_project(database, kPtmeg)["name"] == "未能保存");
    CHECK_FALSE((fs::exists(journal) && test::read_file(journal).find("未能保存") != std::string::npos));
  }
}

TEST_CASE("The history shows where a long text changed, not only its shared beginning", "[db][history]") {
  const std::string notes = "母公司东源与经营者东景是两家公司；乌海市2023年的回顾称此项目为东源。";
  nlohmann::ordered_json before = {{"id", "p"}, {"notes", notes}};
  nlohmann::ordered_json after = {{"id", "p"}, {"notes", notes + "一期已于2022年12月投产。"}};
  const std::vector<std::string> lines = db::describe_differences(before, after);
  REQUIRE(lines.size() == 1);
  CHECK_THAT(lines[0], ContainsSubstring("一期已于2022年12月投产。"));
  CHECK_THAT(lines[0], ContainsSubstring("notes: …"));
  // Short texts are shown whole.
  const auto short_lines = db::describe_differences(nlohmann::ordered_json{{"name", "甲"}},
                                                    nlohmann::ordered_json{{"name", "乙"}});
  REQUIRE(short_lines.size() == 1);
  CHECK(short_lines[0] == "name: 甲 → 乙");
}

TEST_CASE("A project's history in the dashboard: who changed what; a curator reverts a change",
          "[db][dashboard]") {
  const std::string database = team_database();
  Dashboard alice(as_user(database, "alice")), bob(as_user(database, "bob"));
  CHECK(alice.session.keeps_history());
  const int row = alice.index_of(kPtmeg);
  const std::string old_notes = alice.project(kPtmeg).notes;
  alice.edit(set_field("修改备注", project_pointer(row), "notes", "alice 的备注"));
  REQUIRE(alice.session.save());

  const std::vector<StoreChange>* history = bob.session.project_history(kPtmeg);
  REQUIRE(history);
  REQUIRE(history->size() ==
          1);  // her edit (an import is one change of the whole dataset, not listed per record)
  const StoreChange hers = history->front();  // a copy: the next read replaces the list
  CHECK(hers.author == "alice");
  CHECK(hers.label == "修改备注");
  REQUIRE(hers.what.size() == 1);
  CHECK_THAT(hers.what[0], ContainsSubstring("alice 的备注"));
  CHECK(bob.session.project_history(kPtmeg) == history);  // read once, not per frame

  // Bob, with an unsaved edit, may not revert (the reload would drop it); clean, he may.
  bob.edit(set_field("x", project_pointer(0), "notes", "x"));
  CHECK_FALSE(bob.session.revert_change(hers.id));
  CHECK(test::find_notice(bob.app, Str::NoticeRevertNeedsSave));
  REQUIRE(bob.session.undo());
  REQUIRE(bob.session.revert_change(hers.id));
  CHECK(bob.project(kPtmeg).notes == old_notes);
  CHECK(stored_project(database, kPtmeg).value("notes", "") == old_notes);
  const std::vector<StoreChange>* after = bob.session.project_history(kPtmeg);
  REQUIRE(after);
  REQUIRE(after->size() == 2);
  CHECK(after->front().reverts == hers.id);
  CHECK(after->front().author == "bob");
  // Reverting the same change again would undo bob's revert unseen: refused.
  CHECK_FALSE(bob.session.revert_change(hers.id));
  CHECK(test::find_notice(bob.app, Str::NoticeRevertRefusedFmt));
}

namespace {

// Alice edits, then her window is gone without saving (a crash): her journal stays behind.
// Edits: `first`'s name, a new project, then `last`'s name.
void alice_crashes(const std::string& database, const std::string& first, const std::string& last) {
  Dashboard alice(as_user(database, "alice"));
  alice.edit(set_field("修改名称", project_pointer(alice.index_of(first)), "name", "alice 改的第一处"));
  alice.edit(add_project(*alice.app.dataset, "alice 新建的项目"));
  alice.edit(set_field("修改名称", project_pointer(alice.index_of(last)), "name", "alice 改的第三处"));
  REQUIRE(fs::exists(alice.store().journal_path()));
}

// Bob commits a new name for `id`.
void bob_commits(const std::string& database, const std::string& id) {
  Dashboard bob(as_user(database, "bob"));
  bob.edit(set_field("修改名称", project_pointer(bob.index_of(id)), "name", "bob 改的"));
  REQUIRE(bob.session.save());
}

bool has_project_named(const AppState& app, const std::string& name) {
  for (const Project& p : app.dataset->projects)
    if (p.name == name) return true;
  return false;
}

}  // namespace

TEST_CASE(
    "After a crash, a journal onto records nobody changed since is offered and replayed onto others' commits",
    "[db][dashboard][journal]") {
  const std::string database = team_database();
  alice_crashes(database, kPtmeg, "dongjing-bdo");
  bob_commits(database, "sanwei-bdo");  // another project

  Dashboard alice(as_user(database, "alice"));
  const std::string journal = alice.store().journal_path();
  CHECK_FALSE(fs::exists(journal + ".stale"));
  CHECK_FALSE(fs::exists(journal + ".conflicting"));
  REQUIRE(alice.session.question() == EditSession::Question::RecoverJournal);
  CHECK(alice.session.recovery()->edits == 3);
  CHECK(alice.session.recover() == 3);
  CHECK(test::find_notice(alice.app, Str::NoticeRecoveredFmt));
  CHECK(alice.project(kPtmeg).name == "alice 改的第一处");
  CHECK(alice.project("dongjing-bdo").name == "alice 改的第三处");
  CHECK(has_project_named(alice.app, "alice 新建的项目"));
  CHECK(alice.project("sanwei-bdo").name == "bob 改的");  // theirs, under mine

  // A crash again now: the rewritten journal is one on the version shown, replayed whole.
  alice.edit(set_field("修改名称", project_pointer(alice.index_of("sanwei-bdo")), "name", "alice 又改"));
  {
    Dashboard again(as_user(database, "alice"));
    REQUIRE(again.session.question() == EditSession::Question::RecoverJournal);
    CHECK(again.session.recovery()->edits == 4);
    CHECK(again.session.recover() == 4);
    CHECK(again.project("sanwei-bdo").name == "alice 又改");
    REQUIRE(again.session.save());
  }
  CHECK(stored_project(database, kPtmeg)["name"] == "alice 改的第一处");
  CHECK(stored_project(database, "dongjing-bdo")["name"] == "alice 改的第三处");
  CHECK(stored_project(database, "sanwei-bdo")["name"] == "alice 又改");
}

TEST_CASE(
    "After a save and then a crash, the journal is offered: the save is its base, not a change of others",
    "[db][dashboard][journal]") {
  const std::string database = team_database();
  {
    Dashboard alice(as_user(database, "alice"));
    alice.edit(set_field("修改名称", project_pointer(alice.index_of(kPtmeg)), "name", "alice 存过的"));
    REQUIRE(alice.session.save());
    // The same project again, unsaved; then the window is gone.
    alice.edit(set_field("修改名称", project_pointer(alice.index_of(kPtmeg)), "name", "alice 没存的"));
    REQUIRE(fs::exists(alice.store().journal_path()));
  }
  bob_commits(database, "sanwei-bdo");  // another project, after her save

  Dashboard alice(as_user(database, "alice"));
  const std::string journal = alice.store().journal_path();
  // It was set aside as .stale: the journal after a save named the editor's fingerprint, which
  // a database's version ("postgresql change N") never equals.
  CHECK_FALSE(fs::exists(journal + ".stale"));
  CHECK_FALSE(fs::exists(journal + ".conflicting"));
  REQUIRE(alice.session.question() == EditSession::Question::RecoverJournal);
  CHECK(alice.session.recovery()->edits == 1);
  CHECK(alice.session.recover() == 1);
  CHECK(alice.project(kPtmeg).name == "alice 没存的");
  CHECK(alice.project("sanwei-bdo").name == "bob 改的");
  REQUIRE(alice.session.save());
  CHECK(stored_project(database, kPtmeg)["name"] == "alice 没存的");
}

TEST_CASE("After a crash, a journal is replayed onto its records where others' deletion moved them",
          "[db][dashboard][journal]") {
  const std::string database = team_database();
  alice_crashes(database, kPtmeg, "sanwei-bdo");
  {
    Dashboard bob(as_user(database, "bob"));  // removes the first project: the others move up
    REQUIRE(bob.index_of("dongjing-bdo") < bob.index_of(kPtmeg));
    bob.edit({"删除项目", {EditOp::remove(project_pointer(bob.index_of("dongjing-bdo")))}});
    REQUIRE(bob.session.save());
  }
  Dashboard alice(as_user(database, "alice"));
  REQUIRE(alice.session.question() == EditSession::Question::RecoverJournal);
  CHECK(alice.session.recover() == 3);
  CHECK(alice.project(kPtmeg).name == "alice 改的第一处");
  CHECK(alice.project("sanwei-bdo").name == "alice 改的第三处");
  CHECK(has_project_named(alice.app, "alice 新建的项目"));
  CHECK(alice.app.dataset->find_project("dongjing-bdo") < 0);
}

TEST_CASE(
    "After a crash, journal edits from the first touching a record others changed are kept, not offered",
    "[db][dashboard][journal]") {
  const std::string database = team_database();
  alice_crashes(database, kPtmeg, "dongjing-bdo");
  bob_commits(database, "dongjing-bdo");  // the project of alice's third edit

  Dashboard alice(as_user(database, "alice"));
  const std::string journal = alice.store().journal_path();
  const Notice* told = test::find_notice(alice.app, Str::NoticeJournalOthersChangedFmt);
  REQUIRE(told);
  REQUIRE(told->args.size() == 3);
  CHECK_THAT(told->args[0], ContainsSubstring("dongjing-bdo"));
  CHECK_THAT(told->args[0], ContainsSubstring("bob 改的"));  // by its name now
  CHECK_THAT(told->args[0], !ContainsSubstring(kPtmeg));
  CHECK(told->args[1] == "3");
  CHECK(told->args[2] == journal + ".conflicting");
  // Nothing lost: the kept journal has every edit, the third included.
  const JournalContents kept = read_journal(journal + ".conflicting");
  CHECK(kept.entries.size() == 3);
  CHECK_THAT(test::read_file(journal + ".conflicting"), ContainsSubstring("alice 改的第三处"));

  REQUIRE(alice.session.question() == EditSession::Question::RecoverJournal);
  CHECK(alice.session.recovery()->edits == 2);
  CHECK(alice.session.recover() == 2);
  CHECK(alice.project(kPtmeg).name == "alice 改的第一处");
  CHECK(has_project_named(alice.app, "alice 新建的项目"));
  CHECK(alice.project("dongjing-bdo").name == "bob 改的");  // bob's stays
  REQUIRE(alice.session.save());
  CHECK(stored_project(database, "dongjing-bdo")["name"] == "bob 改的");
  CHECK(stored_project(database, kPtmeg)["name"] == "alice 改的第一处");
}

TEST_CASE(
    "After a crash, a journal whose first edit touches a record others changed is kept whole, nothing "
    "offered",
    "[db][dashboard][journal]") {
  const std::string database = team_database();
  alice_crashes(database, kPtmeg, "dongjing-bdo");
  bob_commits(database, kPtmeg);

  Dashboard alice(as_user(database, "alice"));
  const std::string journal = alice.store().journal_path();
  CHECK(alice.session.question() == EditSession::Question::None);
  REQUIRE(test::find_notice(alice.app, Str::NoticeJournalOthersChangedFmt));
  CHECK(read_journal(journal + ".conflicting").entries.size() == 3);
  CHECK_FALSE(fs::exists(journal));
  CHECK(alice.project(kPtmeg).name == "bob 改的");
}

namespace {

// The working folder is `dir` while it lives: an import must write nothing there.
struct InFolder {
  fs::path was = fs::current_path();
  explicit InFolder(const std::string& dir) { fs::current_path(dir); }
  ~InFolder() { fs::current_path(was); }
  InFolder(const InFolder&) = delete;
  InFolder& operator=(const InFolder&) = delete;
};

// The bundled test article, extracted against the dashboard's dataset, with its first acceptable
// candidate accepted; that candidate's index.
std::size_t import_and_accept(Dashboard& d, ImportModel& model) {
  model.file_path = test::data_path("curate/new-article.txt");
  REQUIRE(model.load_file(Language::Chinese));
  model.publisher = "示例日报";
  model.title = "示例项目进展";
  model.article_date = "2024-09-02";
  REQUIRE(model.extract(*d.app.dataset, Language::Chinese));
  for (std::size_t i = 0; i < model.candidates().size(); ++i)
    if (model.accept(i, d.session, Language::Chinese)) return i;
  for (const ImportCandidate& c : model.candidates())
    for (const std::string& e : c.errors) UNSCOPED_INFO(e);
  FAIL("no candidate could be accepted");
  return 0;
}

// The article text the database holds for `source`; nullopt when none.
std::optional<std::string> stored_text(const std::string& conninfo, const std::string& source) {
  db::PgConnection conn = test::connect(conninfo);
  auto r = conn.exec("SELECT text FROM indtrack.article_texts WHERE source_id = $1", {source});
  REQUIRE(r.ok());
  if (r->rows() == 0) return std::nullopt;
  return std::string(r->get(0, 0));
}

bool folder_empty(const std::string& dir) { return fs::is_empty(dir); }

}  // namespace

TEST_CASE("An article imported in the dashboard on a database goes to the database only, with the save",
          "[db][dashboard][import]") {
  const std::string database = team_database();
  const std::string cwd = test::tmp_path("db-import-cwd-" + std::to_string(::getpid()));
  fs::remove_all(cwd);
  fs::create_directories(cwd);
  InFolder in(cwd);
  Dashboard alice(as_user(database, "alice"));
  ImportModel model;
  import_and_accept(alice, model);
  const std::string source = model.source().id;
  CHECK(alice.app.dataset->find_source(source) >= 0);
  CHECK(folder_empty(cwd));                    // nothing written beside the working folder
  CHECK_FALSE(stored_text(database, source));  // not before the save

  SECTION("saved: the database holds the source and its text, byte for byte") {
    REQUIRE(alice.session.save());
    CHECK(stored_text(database, source) == model.text());
    CHECK(folder_empty(cwd));
    // Another window reads it from the database.
    Dashboard bob(as_user(database, "bob"));
    const int at = bob.app.dataset->find_source(source);
    REQUIRE(at >= 0);
    CHECK(bob.app.dataset->sources[static_cast<std::size_t>(at)].text == model.text());
  }
  SECTION("undone: nothing left behind, nothing saved") {
    REQUIRE(alice.session.undo());
    model.sync(alice.session);
    CHECK(alice.app.dataset->find_source(source) < 0);
    REQUIRE(alice.session.redo());  // the text went along with the edit
    CHECK(alice.app.dataset->find_source(source) >= 0);
    REQUIRE(alice.session.undo());
    alice.edit(set_field("修改名称", project_pointer(alice.index_of(kPtmeg)), "name", "撤销导入之后"));
    model.sync(alice.session);
    REQUIRE(alice.session.save());
    CHECK(folder_empty(cwd));
    CHECK_FALSE(stored_text(database, source));
    db::PgConnection conn = test::connect(database);
    auto rows = db::read_records(conn, db::RecordKind::Source, {source});
    REQUIRE(rows.ok());
    CHECK(rows->empty());
  }
  SECTION("a crash before the save: the journal holds the text, recovered and saved") {
    {
      Dashboard again(as_user(database, "alice"));
      REQUIRE(again.session.question() == EditSession::Question::RecoverJournal);
      REQUIRE(again.session.recover() == 1);
      REQUIRE(again.session.save());
    }
    CHECK(stored_text(database, source) == model.text());
    CHECK(folder_empty(cwd));
  }
}
