// The edit journal: PATH.journal beside the dataset, so that a crash or a kill loses at most the
// edit being made. One JSON object per line: a header naming the dataset and a fingerprint of
// the file the edits apply to, then one line per applied transaction (edit_op.h), each written
// with a single write() and fsync'd before the next. Saving removes the journal; the next launch
// that finds one for an unchanged file offers to replay it.
//
//   {"indtrack_journal":1,"dataset":"/data/wuhai.json","base":"fnv1a64:…:122471","started":"2024-05-01T10:12:00"}
//   {"label":"Edit name","ops":[{"op":"set","path":"/projects/3/name","value":"…"}]}
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "edit/edit_op.h"

namespace indtrack {

std::string journal_path_for(const std::string& dataset_path);  // PATH.journal

// "fnv1a64:<16 hex digits>:<size>": identifies the exact bytes a journal's edits apply to.
std::string content_fingerprint(std::string_view bytes);

struct JournalHeader {
  std::string dataset;  // the dataset path when the journal was started
  std::string base;     // content_fingerprint of the dataset file then
  std::string started;  // local time, ISO 8601
};

struct JournalContents {
  bool exists = false;
  std::string error;  // the file exists but is not a journal (unreadable header)
  JournalHeader header;
  std::vector<EditTransaction> transactions;
  bool torn_tail = false;  // the last line was cut short (killed while writing it): ignored
};

// Reads a journal; records after the first unreadable line are ignored (and flagged torn_tail).
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
  // Replaces the journal with `header` plus `transactions` (atomically), then appends after
  // them: used after a recovery, so a torn last line never precedes new records.
  std::string rewrite(std::string path, JournalHeader header,
                      const std::vector<EditTransaction>& transactions);
  // Appends one record and fsyncs it. Returns an error message, empty on success.
  std::string append(const EditTransaction& tx);
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

  std::string path_;
  JournalHeader header_;
  int fd_ = -1;
};

}  // namespace indtrack
