// Nothing lost, across processes: a child process edits a dataset through the same logic the
// window uses (EditSession with its lock and journal) and is killed with SIGKILL; the next
// session finds the journal and recovers every edit. A second process opening a file another
// one is editing gets it read-only instead of clobbering it.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "app_model/edit_session.h"
#include "curation_support.h"
#include "edit/dataset_edits.h"
#include "edit/edit_journal.h"
#include "io/dataset_io.h"
#include "io/file_io.h"
#include "io/file_lock.h"

using namespace indtrack;
using namespace indtrack::ui;
using Catch::Matchers::ContainsSubstring;
namespace fs = std::filesystem;

namespace {

constexpr EditSession::Options kWindow{.lock_file = true, .journal = true};  // as run_gui sets it

// A pipe the child writes one byte to when it has done its part.
struct Signal {
  int fds[2] = {-1, -1};
  Signal() { REQUIRE(::pipe(fds) == 0); }
  ~Signal() {
    for (int fd : fds)
      if (fd >= 0) ::close(fd);
  }
  void send() const {
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(fds[1], &byte, 1);
  }
  bool wait() const {  // false when the child died without sending
    char byte = 0;
    return ::read(fds[0], &byte, 1) == 1;
  }
};

// Runs `body` in a child process; the child exits with its return value (it never returns).
template <class Body>
pid_t spawn(Body&& body) {
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) ::_exit(body());
  return pid;
}

MilestoneFields full_production(const Dataset& d) {
  MilestoneFields m;
  m.kind = MilestoneKind::FullProduction;
  m.date = "2024-02";
  m.source = d.find_source("example-2024-03-15");
  m.quote = "项目一期1号线已于2023年11月20日顺利投产";  // verbatim, though it does not say 达产: the
  m.basis = Basis::Inferred;                            // curator marks it inferred with a note
  m.note = "test edit";
  return m;
}

}  // namespace

TEST_CASE("after a SIGKILL the next session recovers every journaled edit", "[nothing-lost][journal]") {
  const std::string path = test::copy_example_dataset("lost-sigkill");
  const std::string original = test::read_file(path);
  Signal edited;
  const pid_t child = spawn([&] {
    AppState app;
    EditSession session(app);
    session.set_options(kWindow);
    if (!session.open(path)) return 10;
    if (!session.apply(set_field("修改名称", project_pointer(0), "name", "崩溃前的修改")).ok) return 11;
    if (!session.apply(add_milestone(*app.dataset, 0, 0, full_production(*app.dataset))).ok) return 12;
    if (!session.apply(add_unit(*app.dataset, 0, "BDO 3号线", app.dataset->find_product("BDO"))).ok)
      return 13;
    edited.send();
    for (;;) ::pause();  // killed here, edits unsaved
  });
  REQUIRE(edited.wait());
  REQUIRE(::kill(child, SIGKILL) == 0);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGKILL);
  CHECK(test::read_file(path) == original);  // nothing was saved
  CHECK(fs::exists(path + ".lock"));         // the dead process's lock file is left behind ...

  // ... but not its lock: the next session edits, and is offered the three edits.
  AppState app;
  EditSession session(app);
  session.set_options(kWindow);
  REQUIRE(session.open(path));
  CHECK_FALSE(session.read_only());
  REQUIRE(session.question() == EditSession::Question::RecoverJournal);
  REQUIRE(session.recovery());
  CHECK(session.recovery()->edits == 3);
  CHECK_FALSE(session.recovery()->torn_tail);
  CHECK(app.dataset->projects[0].name == "年产10万吨/年BDO项目");  // not applied before the answer
  CHECK_FALSE(session.apply(set_field("x", project_pointer(0), "notes", "y")).ok);  // answer first

  CHECK(session.recover() == 3);
  CHECK(session.question() == EditSession::Question::None);
  const Project& p = app.dataset->projects[0];
  CHECK(p.name == "崩溃前的修改");
  REQUIRE(p.units.size() == 3);
  CHECK(p.units[2].name == "BDO 3号线");
  REQUIRE(p.units[0].milestones.size() == 2);
  CHECK(p.units[0].milestones[1].kind == MilestoneKind::FullProduction);
  CHECK(session.dirty());
  REQUIRE(test::find_notice(app, Str::NoticeRecoveredFmt));

  // The recovered edits are undoable like any, and more edits append to the same journal.
  REQUIRE(session.apply(set_field("修改备注", project_pointer(0), "notes", "恢复之后")).ok);
  CHECK(read_journal(path + ".journal").entries.size() == 4);
  REQUIRE(session.save());
  CHECK_FALSE(fs::exists(path + ".journal"));
  LoadResult saved = load_dataset(path);
  REQUIRE(saved.dataset);
  CHECK(saved.dataset->projects[0].notes == "恢复之后");
  CHECK(saved.dataset->projects[0].units.size() == 3);
}

TEST_CASE("edits after undoing back to the saved state are still recovered", "[nothing-lost][journal]") {
  // A file written by another tool (4-space indent, sorted keys), not in canonical form: the
  // journal must name these very bytes, not those a save would write.
  const std::string path = test::copy_example_dataset("lost-after-undo");
  test::write_file(path, nlohmann::json::parse(test::read_file(path)).dump(4) + "\n");
  LoadResult as_is = load_dataset(path);
  REQUIRE(as_is.dataset);
  REQUIRE(serialize_dataset(*as_is.dataset) != test::read_file(path));
  {
    AppState app;
    EditSession session(app);
    session.set_options(kWindow);
    REQUIRE(session.open(path));
    REQUIRE(session.apply(set_field("修改名称", project_pointer(0), "name", "先改后撤销")).ok);
    REQUIRE(session.undo());
    CHECK_FALSE(fs::exists(path + ".journal"));  // clean again
    REQUIRE(session.apply(set_field("修改名称", project_pointer(0), "name", "撤销之后的修改")).ok);
  }  // ends without saving (as a kill would, minus the lock)
  AppState app;
  EditSession session(app);
  session.set_options(kWindow);
  REQUIRE(session.open(path));
  REQUIRE(session.question() == EditSession::Question::RecoverJournal);
  CHECK(session.recover() == 1);
  CHECK(app.dataset->projects[0].name == "撤销之后的修改");
}

TEST_CASE("recovered edits can be discarded, and a journal for other bytes is not replayed",
          "[nothing-lost][journal]") {
  const std::string path = test::copy_example_dataset("lost-discard");
  const std::string original = test::read_file(path);
  Signal edited;
  const pid_t child = spawn([&] {
    AppState app;
    EditSession session(app);
    session.set_options(kWindow);
    if (!session.open(path) || !session.apply(set_field("修改名称", project_pointer(0), "name", "丢弃我")).ok)
      return 1;
    edited.send();
    for (;;) ::pause();
  });
  REQUIRE(edited.wait());
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);

  {
    AppState app;
    EditSession session(app);
    session.set_options(kWindow);
    REQUIRE(session.open(path));
    REQUIRE(session.question() == EditSession::Question::RecoverJournal);
    session.discard_recovery();
    CHECK(session.question() == EditSession::Question::None);
    CHECK(app.dataset->projects[0].name == "年产10万吨/年BDO项目");
    CHECK_FALSE(session.dirty());
    CHECK(fs::exists(path + ".journal.discarded"));  // kept, in case it was a mistake
  }

  // A journal whose file changed since (edited by hand, saved elsewhere) is set aside, not applied.
  fs::rename(path + ".journal.discarded", path + ".journal");
  test::write_file(path, original + "\n");  // other bytes, same data
  AppState app;
  EditSession session(app);
  session.set_options(kWindow);
  REQUIRE(session.open(path));
  CHECK(session.question() == EditSession::Question::None);
  CHECK(app.dataset->projects[0].name == "年产10万吨/年BDO项目");
  CHECK(fs::exists(path + ".journal.stale"));
  REQUIRE(test::find_notice(app, Str::NoticeJournalStaleFmt));
}

// Issue 15, item 2: the disk was full for one edit (the deletion of a line), then free again for
// the next (a rename of the line that had become the first); after a kill, recovery restored the
// rename onto the other line and lost the deletion. The journal must hold both or say it stopped.
TEST_CASE("a journal that could not be written for a while never replays an edit onto the wrong line",
          "[nothing-lost][journal]") {
  const std::string path = test::copy_example_dataset("lost-journal-gap");
  {
    AppState app;
    EditSession session(app);
    session.set_options(kWindow);
    REQUIRE(session.open(path));
    fs::create_directory(path + ".journal");  // the journal cannot be written, as on a full disk
    REQUIRE(session.apply(remove_unit(*app.dataset, 0, 0)).ok);  // BDO 1号线 deleted, not journaled
    CHECK(session.journal_stopped());
    REQUIRE(test::find_notice(app, Str::NoticeJournalFailedFmt));
    // A save that fails now must not say the edits are safe in the journal.
    set_write_fault_hook([](std::size_t) { return false; });
    CHECK_FALSE(session.save());
    set_write_fault_hook(nullptr);
    CHECK(test::find_notice(app, Str::NoticeSaveFailedFmt) == nullptr);
    const Notice* failed = test::find_notice(app, Str::NoticeSaveFailedNoJournalFmt);
    REQUIRE(failed);
    CHECK_THAT(failed->text(Language::Chinese), !ContainsSubstring("修改仍在编辑日志中"));

    fs::remove(path + ".journal");  // space again
    REQUIRE(app.dataset->projects[0].units[0].id == "example-bdo-2");
    REQUIRE(session.apply(set_field("修改名称", unit_pointer(0, 0), "name", "二号线新名")).ok);
    CHECK_FALSE(session.journal_stopped());
    CHECK(test::find_notice(app, Str::NoticeJournalResumed));
  }  // gone without saving, as with kill -9

  AppState app;
  EditSession session(app);
  session.set_options(kWindow);
  REQUIRE(session.open(path));
  REQUIRE(session.question() == EditSession::Question::RecoverJournal);
  CHECK(session.recovery()->edits == 2);
  CHECK(session.recover() == 2);
  const Project& p = app.dataset->projects[0];
  REQUIRE(p.units.size() == 1);  // the deletion is back
  CHECK(p.units[0].id == "example-bdo-2");
  CHECK(p.units[0].name == "二号线新名");  // and the rename is on the line it was made on
}

TEST_CASE("a journal with an entry missing is recovered only up to the gap, and the rest is kept",
          "[nothing-lost][journal]") {
  const std::string path = test::copy_example_dataset("lost-journal-hole");
  {
    AppState app;
    EditSession session(app);
    session.set_options(kWindow);
    REQUIRE(session.open(path));
    REQUIRE(session.apply(remove_unit(*app.dataset, 0, 0)).ok);
    REQUIRE(session.apply(set_field("修改名称", unit_pointer(0, 0), "name", "二号线新名")).ok);
    REQUIRE(session.apply(set_field("修改名称", project_pointer(1), "name", "第三处修改")).ok);
  }
  // Entry 2 goes missing (a disk error, a hand edit): entry 3 must not be replayed after entry 1.
  std::string journal = test::read_file(path + ".journal");
  const std::size_t second = journal.find("\n{\"seq\":2");
  const std::size_t third = journal.find("\n{\"seq\":3");
  REQUIRE(second != std::string::npos);
  REQUIRE(third != std::string::npos);
  test::write_file(path + ".journal", journal.erase(second, third - second));

  AppState app;
  EditSession session(app);
  session.set_options(kWindow);
  REQUIRE(session.open(path));
  REQUIRE(session.question() == EditSession::Question::RecoverJournal);
  CHECK(session.recovery()->edits == 1);
  CHECK_THAT(session.recovery()->broken, ContainsSubstring("entry 2 is missing"));
  CHECK(session.recover() == 1);
  CHECK(app.dataset->projects[0].units.size() == 1);
  CHECK(app.dataset->projects[0].units[0].name == "BDO 2号线");
  CHECK(app.dataset->projects[1].name == "PBAT项目");
  CHECK(test::read_file(path + ".journal.unapplied") == journal);  // nothing thrown away
  REQUIRE(test::find_notice(app, Str::NoticeRecoverStoppedFmt));
}

// The journal's fingerprint of the opened file is taken at the first edit (not at open: a pass
// over a 300 MB file); the file's stamp from the open says whether it is still those bytes.
TEST_CASE("edits made after another program saved the file are not replayed onto its new bytes",
          "[nothing-lost][journal]") {
  const std::string path = test::copy_example_dataset("lost-changed-after-open");
  const std::string original = test::read_file(path);
  {
    AppState app;
    EditSession session(app);
    session.set_options(kWindow);
    REQUIRE(session.open(path));
    test::write_file(path, original + "\n");  // another program saves the file meanwhile
    REQUIRE(session.apply(set_field("修改名称", project_pointer(0), "name", "别人保存之后的修改")).ok);
    REQUIRE(fs::exists(path + ".journal"));
  }  // gone without saving, as in a crash: the journal stays
  AppState app;
  EditSession session(app);
  session.set_options(kWindow);
  REQUIRE(session.open(path));
  CHECK(session.question() == EditSession::Question::None);
  CHECK(app.dataset->projects[0].name == "年产10万吨/年BDO项目");
  CHECK(fs::exists(path + ".journal.stale"));
  CHECK(test::find_notice(app, Str::NoticeJournalStaleFmt) != nullptr);
}

TEST_CASE("a second process opening a file being edited gets it read-only", "[nothing-lost][lock]") {
  const std::string path = test::copy_example_dataset("lost-second-instance");
  Signal opened, finish_parent_side;
  const pid_t first = spawn([&] {
    AppState app;
    EditSession session(app);
    session.set_options(kWindow);
    if (!session.open(path) || session.read_only()) return 1;
    if (!session.apply(set_field("修改名称", project_pointer(0), "name", "第一个窗口")).ok) return 2;
    opened.send();
    finish_parent_side.wait();  // hold the file while the other process tries
    return session.save() ? 0 : 3;
  });
  REQUIRE(opened.wait());

  AppState app;
  EditSession second(app);
  second.set_options(kWindow);
  REQUIRE(second.open(path));  // it can be looked at ...
  CHECK(second.read_only());   // ... not edited
  CHECK_FALSE(second.editable());
  const Notice* warning = test::find_notice(app, Str::NoticeReadOnlyLockedFmt);
  REQUIRE(warning);
  CHECK(warning->args.at(0) == std::to_string(first));  // names the other process
  CHECK_THAT(warning->text(Language::English),
             ContainsSubstring("Another indtrack") && ContainsSubstring(path));
  const EditOutcome refused = second.apply(set_field("修改名称", project_pointer(0), "name", "第二个窗口"));
  CHECK_FALSE(refused.ok);
  CHECK_FALSE(second.save());
  CHECK(second.question() == EditSession::Question::None);  // the other's journal is not offered
  // Save as elsewhere makes a copy this process may edit.
  const std::string copy = test::tmp_path("lost-second-instance/copy.json");
  REQUIRE(second.save_as(copy));
  CHECK(second.editable());
  CHECK(second.path() == copy);

  finish_parent_side.send();
  int status = -1;
  REQUIRE(::waitpid(first, &status, 0) == first);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  LoadResult saved = load_dataset(path);
  REQUIRE(saved.dataset);
  CHECK(saved.dataset->projects[0].name == "第一个窗口");  // the first writer's save, unclobbered
  CHECK_FALSE(fs::exists(path + ".lock"));                 // released when it exited

  AppState later_app;
  EditSession later(later_app);
  later.set_options(kWindow);
  REQUIRE(later.open(path));
  CHECK_FALSE(later.read_only());
}

TEST_CASE("reloading the file being edited keeps its lock all along", "[nothing-lost][lock]") {
  const std::string path = test::copy_example_dataset("lost-reload-lock");
  AppState app;
  EditSession session(app);
  session.set_options(kWindow);
  REQUIRE(session.open(path));
  // The lock file as taken, held open here so that its inode cannot be reused: released and
  // taken again, the path would name another file — and another indtrack could have taken the
  // lock in between.
  const std::string lock = FileLock::lock_path_for(path);
  const int fd = ::open(lock.c_str(), O_RDONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  struct stat held {};
  REQUIRE(::fstat(fd, &held) == 0);
  const auto same_file = [&] {
    struct stat now {};
    return ::stat(lock.c_str(), &now) == 0 && now.st_ino == held.st_ino && now.st_dev == held.st_dev;
  };
  REQUIRE(session.request_reload());
  CHECK(same_file());
  CHECK_FALSE(session.read_only());
  REQUIRE(session.open(path));
  CHECK(same_file());
  ::close(fd);
}
