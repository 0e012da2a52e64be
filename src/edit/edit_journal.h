// The edit journal: PATH.journal beside the dataset, so that a crash or a kill loses at most the
// edit being made. One JSON object per line: a header naming the dataset and a fingerprint of
// the file the edits apply to, then one entry per applied transaction (edit_op.h), each written
// with a single write() and fsync'd before the next. Saving removes the journal; the next launch
// that finds one for an unchanged file offers to replay it.
//
//   {"indtrack_journal":2,"dataset":"/data/wuhai.json","base":"fnv1a64:…:122471","started":"2024-05-01T10:12:00"}
//   {"seq":1,"before":"fnv1a64:…","after":"fnv1a64:…","label":"Edit name",
//    "ops":[{"op":"set","path":"/projects/3/name","ids":{"/projects/3":"huaheng-bdo"},"value":"…"}]}
//
// An edit that brings an article's text (EditTransaction::texts: a database session's import)
// carries it as "texts":{"ID":"…"}.
//
// A journal cannot skip. Entries are numbered; each names the state of the dataset it applies to
// and the state it leaves (fingerprints of the canonical text, DatasetEditor::state_fingerprint)
// and the records it touches by identity (EditOp::ids), so a replay stops at the first entry
// that is missing, damaged or would land on other data than it was made on. When an entry
// cannot be written (a full disk, the file removed under us) the writer stops appending — an
// entry after a gap would be replayed onto the wrong state — and says so; the next append
// rewrites the whole journal (header and every entry since, kept in memory) atomically, and
// journaling resumes only when that succeeds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/fingerprint.h"
#include "edit/edit_op.h"

namespace indtrack {

std::string journal_path_for(const std::string& dataset_path);  // PATH.journal

struct JournalHeader {
  std::string dataset;  // the dataset path when the journal was started
  std::string base;     // content_fingerprint of the dataset file then
  std::string started;  // local time, ISO 8601
};

// One journaled transaction.
struct JournalEntry {
  std::uint64_t seq = 0;  // 1, 2, 3 ... after the header
  std::string before;     // the dataset's state fingerprint the edit applies to
  std::string after;      // and the one it leaves
  EditTransaction tx;
};

struct JournalContents {
  bool exists = false;
  std::string error;  // the file exists but is not a journal (unreadable header, another version)
  JournalHeader header;
  // Numbered 1, 2, 3 ... without a gap, each applying to the state the previous one left.
  std::vector<JournalEntry> entries;
  bool torn_tail = false;  // the last line was cut short (killed while writing it): ignored
  // Why entries stop before the end of the file ("entry 3 is missing …"): nothing after that
  // point is trusted. Empty when the file was read to its end.
  std::string broken;
};

// Reads a journal: the entries up to the first line that is cut short, damaged, out of sequence
// or does not continue from the state the previous entry left.
JournalContents read_journal(const std::string& path);

class JournalWriter {
 public:
  JournalWriter() = default;
  ~JournalWriter() { close(); }
  JournalWriter(const JournalWriter&) = delete;
  JournalWriter& operator=(const JournalWriter&) = delete;

  // Journal edits of the dataset described by `header` into `path`. Nothing is written until
  // the first append(), so a session without edits leaves no journal behind.
  void start(std::string path, JournalHeader header);
  // Replaces the journal with `header` plus `entries` (atomically), then appends after them:
  // used after a recovery, so a torn last line never precedes new entries. Returns an error
  // message, empty on success (on failure the writer is stopped).
  std::string rewrite(std::string path, JournalHeader header, const std::vector<JournalEntry>& entries);

  enum class Outcome : unsigned char {
    Written,  // the entry is on disk
    Resumed,  // the journal had stopped; it was rewritten whole and holds this entry again
    Stopped,  // not written (see error): the journal holds the entries before the first failure
  };
  struct AppendResult {
    Outcome outcome = Outcome::Stopped;
    std::string error;
  };
  // Appends the next entry, numbered here, for an edit from state `before` to `after`, and
  // fsyncs it.
  AppendResult append(const EditTransaction& tx, std::string before, std::string after);
  // True after a failed append until a rewrite succeeds: nothing is being journaled.
  bool stopped() const { return !stop_reason_.empty(); }
  const std::string& stop_reason() const { return stop_reason_; }
  // Entries since the header (journaled or waiting to be, while stopped).
  std::uint64_t entries() const { return entries_.size(); }

  // Closes and deletes the journal (after a save, or when the user discards the edits).
  // The header given to start() stays: the next append() starts the file afresh with it.
  std::string remove();
  void close();
  void reset();  // closes and forgets the path: no journal until the next start()

  const std::string& path() const { return path_; }
  bool active() const { return !path_.empty(); }
  const JournalHeader& header() const { return header_; }
  // Sets the header's base fingerprint; it is written with the first append().
  void set_base(std::string base) { header_.base = std::move(base); }

 private:
  std::string open_for_append();
  bool still_ours() const;  // the path still names the file we append to
  std::string rewrite_all();

  std::string path_;
  JournalHeader header_;
  int fd_ = -1;
  std::vector<std::string> entries_;  // every entry's line since the header, as written
  std::string stop_reason_;
};

}  // namespace indtrack
