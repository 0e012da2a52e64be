// Fuzz target: the edit journal under a crashing, full-disk world. The input is a script of
// steps on a copy of the example dataset — edits (rename a project or a line, notes, add or remove
// a line or a milestone), undo, redo, save, the disk filling up or being freed, the journal file
// deleted by someone else — run as the window runs them (DatasetEditor + JournalWriter, journaled
// as EditSession::journal does), and ended by a kill: at once, or in the middle of writing the
// last journal line. Then a new session recovers as EditSession::recover does.
// Properties: every entry of the journal applies (onto the state it names, to the records it
// names); and the recovered dataset is exactly the last state the journal was known to hold —
// the state at the kill when nothing failed, the state before the torn entry when killed while
// writing it, the state before the first unwritten edit while the disk was full, the saved file
// when the journal was deleted and not written since. Never a state the user did not have.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "edit/dataset_editor.h"
#include "edit/dataset_edits.h"
#include "edit/edit_journal.h"
#include "fuzz_support.h"
#include "io/dataset_io.h"
#include "io/file_io.h"

using namespace indtrack;
namespace fs = std::filesystem;

namespace {

// A scratch folder of this process with the example dataset and its article.
const std::string& scratch_dataset() {
  static const std::string path = [] {
    const fs::path dir = fs::temp_directory_path() / ("indtrack-fuzz-journal-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "sources");
    fs::copy_file(INDTRACK_TEST_DATA "/example/sources/example-2024-03-15.txt",
                  dir / "sources/example-2024-03-15.txt");
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(fs::temp_directory_path() / ("indtrack-fuzz-journal-" + std::to_string(::getpid())), ec);
    });
    return (dir / "example.json").string();
  }();
  return path;
}

// Restores the disk (the write-fault hook) whatever happens.
struct DiskGuard {
  ~DiskGuard() { set_write_fault_hook(nullptr); }
};

// The input, read a byte at a time (0 once it is used up).
struct Script {
  const unsigned char* data;
  std::size_t size, pos = 0;
  bool done() const { return pos >= size; }
  unsigned next() { return pos < size ? data[pos++] : 0u; }
};

const char* const kNames[] = {"甲项目", "乙项目", "BDO 新线", "Line B", "丙", "一期", "二期工程", "x"};

MilestoneFields a_milestone(const Dataset& d, unsigned pick) {
  MilestoneFields m;
  m.kind = pick % 2 ? MilestoneKind::FullProduction : MilestoneKind::Commissioning;
  m.date = pick % 3 ? "2024-02" : "2024";
  m.expected = pick % 4 == 0;
  m.source = d.find_source("example-2024-03-15");
  m.quote = "项目一期1号线已于2023年11月20日顺利投产";
  m.basis = Basis::Inferred;
  m.note = "fuzz";
  return m;
}

// One edit from the script against the current dataset; nullopt: not an edit (index out of range).
std::optional<EditTransaction> an_edit(const Dataset& d, unsigned op, Script& in) {
  if (d.projects.empty())
    return op == 0 ? std::optional(add_project(d, kNames[in.next() % 8])) : std::nullopt;
  const int p = static_cast<int>(in.next() % d.projects.size());
  const Project& project = d.projects[static_cast<std::size_t>(p)];
  const int units = static_cast<int>(project.units.size());
  switch (op) {
    case 0:
      return set_field("name", project_pointer(p), "name", kNames[in.next() % 8]);
    case 1:
      return set_field("notes", project_pointer(p), "notes", kNames[in.next() % 8]);
    case 2: {
      if (units == 0) return std::nullopt;
      const int u = static_cast<int>(in.next() % static_cast<unsigned>(units));
      return set_field("name", unit_pointer(p, u), "name", kNames[in.next() % 8]);
    }
    case 3: {
      if (units == 0) return std::nullopt;
      return remove_unit(d, p, static_cast<int>(in.next() % static_cast<unsigned>(units)));
    }
    case 4:
      return add_unit(d, p, kNames[in.next() % 8], d.find_product("BDO"));
    case 5: {
      const int u =
          units > 0 && in.next() % 2 ? static_cast<int>(in.next() % static_cast<unsigned>(units)) : -1;
      const auto& list = u < 0 ? project.milestones : project.units[static_cast<std::size_t>(u)].milestones;
      if (list.empty()) return std::nullopt;
      return remove_milestone(d, p, u, static_cast<int>(in.next() % list.size()));
    }
    case 6: {
      const int u =
          units > 0 && in.next() % 2 ? static_cast<int>(in.next() % static_cast<unsigned>(units)) : -1;
      return add_milestone(d, p, u, a_milestone(d, in.next()));
    }
    default:
      return add_project(d, kNames[in.next() % 8]);
  }
}

}  // namespace

INDTRACK_FUZZ_TARGET(fuzz_journal) {
  const std::string& path = scratch_dataset();
  const std::string journal_path = journal_path_for(path);
  for (const char* suffix : {"", ".bak"}) fs::remove(path + suffix);
  fs::remove(journal_path);
  fs::copy_file(INDTRACK_TEST_DATA "/example/example.json", path);
  DiskGuard disk;
  bool disk_full = false;
  set_write_fault_hook([&disk_full](std::size_t) { return !disk_full; });

  Script in{data, size};
  std::string expected;  // the state the journal (or the saved file) is known to hold
  bool torn = false;
  {
    LoadResult opened = load_dataset(path);
    FUZZ_REQUIRE(opened.dataset, "the example dataset does not load");
    DatasetEditor editor(std::move(*opened.dataset), opened.problems);
    JournalWriter journal;
    journal.start(journal_path, {path, content_fingerprint(read_whole_file(path).content), ""});
    std::string saved = editor.state_fingerprint();
    expected = saved;
    // As EditSession::journal: an edit that leaves unsaved changes is journaled; one that goes
    // back to the saved state removes the journal.
    auto journal_edit = [&](const EditOutcome& out, const std::string& before) {
      if (!out.ok) return;
      if (!editor.dirty()) {
        journal.remove();
        expected = saved;
        return;
      }
      const JournalWriter::AppendResult r = journal.append(out.applied, before, editor.state_fingerprint());
      if (r.outcome != JournalWriter::Outcome::Stopped) expected = editor.state_fingerprint();
      FUZZ_REQUIRE((r.outcome == JournalWriter::Outcome::Stopped) == journal.stopped(),
                   "the writer's stopped state disagrees with its answer");
      FUZZ_REQUIRE(r.outcome != JournalWriter::Outcome::Stopped || disk_full,
                   "a journal write failed with disk space available", r.error);
    };
    for (int steps = 0; steps < 24 && !in.done(); ++steps) {
      const unsigned op = in.next() % 16;
      const std::string before = editor.state_fingerprint();
      if (op <= 7) {
        if (const auto tx = an_edit(editor.dataset(), op, in)) journal_edit(editor.apply(*tx), before);
      } else if (op == 8 || op == 9) {
        journal_edit(op == 8 ? editor.undo() : editor.redo(), before);
      } else if (op == 10 || op == 11) {
        disk_full = op == 10;
      } else if (op == 12) {  // someone deletes the journal: nothing is recoverable until rewritten
        fs::remove(journal_path);
        expected = saved;
      } else if (op == 13) {
        if (save_dataset(editor.dataset(), path).ok) {
          editor.mark_saved();
          journal.remove();
          journal.start(journal_path, {path, content_fingerprint(serialize_dataset(editor.dataset())), ""});
          saved = editor.state_fingerprint();
          expected = saved;
        }
      } else {  // killed; while writing the last line when asked and there is one
        torn = op == 15 && in.next() % 2 == 0;
        break;
      }
    }
    if (torn && fs::exists(journal_path)) {
      const JournalContents before_kill = read_journal(journal_path);
      if (!before_kill.entries.empty()) {
        // Cut the last line somewhere inside it: that entry is lost, the ones before stay.
        std::string content = read_whole_file(journal_path).content;
        const std::size_t line_start = content.rfind('\n', content.size() - 2) + 1;
        const std::size_t cut = line_start + 1 + in.next() % (content.size() - line_start - 1);
        content.resize(cut);
        disk_full = false;
        FUZZ_REQUIRE(write_file_atomically(journal_path, content).ok, "cannot cut the journal");
        expected = before_kill.entries.size() >= 2 ? before_kill.entries[before_kill.entries.size() - 2].after
                                                   : before_kill.entries.back().before;
      }
    }
  }  // the process is gone

  set_write_fault_hook(nullptr);
  LoadResult reopened = load_dataset(path);
  FUZZ_REQUIRE(reopened.dataset, "the saved dataset does not load");
  DatasetEditor editor(std::move(*reopened.dataset), reopened.problems);
  const JournalContents found = read_journal(journal_path);
  if (found.exists) {
    FUZZ_REQUIRE(found.error.empty(), "the journal cannot be read", found.error);
    FUZZ_REQUIRE(found.broken.empty(), "the journal has a gap or a damaged entry", found.broken);
    FUZZ_REQUIRE(found.header.base == content_fingerprint(read_whole_file(path).content),
                 "the journal names another version of the file");
    for (const JournalEntry& entry : found.entries) {
      FUZZ_REQUIRE(editor.state_fingerprint() == entry.before,
                   "an entry does not start where the last ended");
      const EditOutcome out = editor.apply(entry.tx);
      FUZZ_REQUIRE(out.ok, "a journaled edit does not apply again", out.error);
      FUZZ_REQUIRE(editor.state_fingerprint() == entry.after, "an entry leads elsewhere than it says");
    }
  }
  FUZZ_REQUIRE(editor.state_fingerprint() == expected, "recovery does not give the state last journaled",
               serialize_dataset(editor.dataset()));
  return 0;
}
