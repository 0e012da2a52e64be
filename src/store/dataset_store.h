// Where a dataset lives: the seam between the program and its storage. A store loads the whole
// dataset (validated by the loader's rules, so every store gives the same Dataset for the same
// facts), hands out its article texts byte for byte, and replaces what it holds in one step.
// Implementations: JsonFileStore (the dataset file and the article files beside it; the default
// and the exchange format) and db::PgDatasetStore (a team's PostgreSQL server, src/db).
//
// The editing session (app_model/edit_session.h) goes through the second half: who may write,
// where the journal of unsaved edits lives, whether someone else changed the dataset, and a save
// that never overwrites their change unseen (docs/architecture.md, "A store").
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include "core/result.h"
#include "io/dataset_io.h"

namespace indtrack {

// Source id -> the article's text exactly as its file holds it (a byte-order mark included).
using ArticleTexts = std::map<std::string, std::string>;

// Whether this program may edit what a store holds (DatasetStore::open_for_editing).
struct EditAccess {
  enum class Kind : unsigned char {
    Writable,
    LockedByOther,  // another indtrack edits the file: args = pid, host, path
    NoLock,         // the lock file cannot be made: args = why
    ReadOnlyRole,   // the database role may only read: args = role, database
    Unknown,        // what the store allows cannot be found out: args = why
  };
  Kind kind = Kind::Writable;
  std::vector<std::string> args;  // for the notice that says why it opened read-only
  bool writable() const { return kind == Kind::Writable; }
};

// What a save of edits should build on, and what it wrote.
struct StoreSave {
  const Dataset* data = nullptr;  // the edited dataset (article texts in its sources)
  // Its canonical document as opened or last saved (asked only by a store that saves record by
  // record: at 100k projects it is a copy of a gigabyte), and as it is now.
  std::function<nlohmann::ordered_json()> base;
  const nlohmann::ordered_json* edited = nullptr;
  std::string fingerprint;  // content_fingerprint of the canonical text of `edited`
  std::string label;        // what the edits were, for a store that keeps history
  // False: the edits build on what was opened or last saved. True: on the version the last
  // load_theirs() read (a merge of both sides); refused when the store changed again since.
  bool onto_theirs = false;
};
struct StoreSaveResult {
  enum class Outcome : unsigned char { Saved, ChangedElsewhere, Failed };
  Outcome outcome = Outcome::Failed;
  std::string error;  // Failed: why, for the user
  bool saved() const { return outcome == Outcome::Saved; }
};

// A record of the dataset: its list in the canonical document and its id ({"projects",
// "huaheng-bdo"}); {"", ""} is the dataset's own fields (name, description ...).
struct StoreRecord {
  std::string list, id;
  auto operator<=>(const StoreRecord&) const = default;
};

// One change in a store's history (a store that keeps none has none).
struct StoreChange {
  std::int64_t id = 0;
  std::string at;                    // ISO 8601 with the time zone
  std::string author;                // who (a database role)
  std::string label;                 // what the edit was called ("修改备注")
  std::int64_t reverts = 0;          // the change this one undid
  bool whole_dataset = false;        // an import
  std::vector<std::string> what;     // one line per field: "notes: 旧 → 新"
  std::vector<std::string> sources;  // the sources cited in what changed
};

struct StoreWriteOptions {
  std::string label;             // what the write is, for a store that keeps history: "import x.json"
  bool replace_existing = true;  // false: refuse when the store already holds a dataset
};

class DatasetStore {
 public:
  virtual ~DatasetStore() = default;

  // Names the dataset in messages, problems and titles: "data/wuhai.json", "postgresql: wuhai (alice)".
  virtual std::string name() const = 0;

  // The whole dataset. An Error when the store cannot be read at all (no server, no file
  // permission); problems of the data itself are in the LoadResult, as for a file.
  [[nodiscard]] virtual Result<LoadResult> load(const LoadOptions& options = {}) = 0;

  // The texts of `data`'s article sources (data as load() returned it).
  [[nodiscard]] virtual Result<ArticleTexts> article_texts(const Dataset& data) = 0;

  // Replaces what the store holds by `data` and `texts`, all or nothing.
  [[nodiscard]] virtual Result<Done> write(const Dataset& data, const ArticleTexts& texts,
                                           const StoreWriteOptions& options) = 0;

  // ---- editing (after load()) ----

  // Claims the dataset for editing: a file takes its lock (`exclusive`; another indtrack holding
  // it makes this one read-only), a database asks whether the role may write.
  virtual EditAccess open_for_editing(bool exclusive) = 0;
  // Gives the claim up (the file's lock); the store stays readable.
  virtual void close_for_editing() = 0;
  // Where the journal of unsaved edits lives: beside a file, in the user's state folder for a
  // database. Empty: this store keeps no journal.
  virtual std::string journal_path() const = 0;
  // Names the version the edits started from (a journal's base): a journal written on another
  // version is not replayed. A file's is the fingerprint of its bytes, taken on the first call
  // while the file is still as opened.
  virtual const std::string& edited_version() = 0;
  // Which of `records` were created, changed or deleted since `version` (an edited_version() of
  // this store, a journal's base): a journal written on an older version can still be replayed
  // onto the records nobody changed since. nullopt when the store cannot tell record by record (a
  // file: its version is its bytes; a database re-imported since) or cannot be asked now.
  virtual std::optional<std::set<StoreRecord>> records_changed_since(const std::string& version,
                                                                     const std::set<StoreRecord>& records) {
    (void)version, (void)records;
    return std::nullopt;
  }
  // True when someone else changed the dataset since it was opened or last saved here.
  virtual bool changed_elsewhere() = 0;
  // The dataset as the store holds it now, other writers' changes included: what a merge
  // compares with and, for a save with onto_theirs, builds on.
  [[nodiscard]] virtual Result<LoadResult> load_theirs() = 0;
  // Saves the edits, all or nothing. ChangedElsewhere: nothing written, because what it would
  // build on is no longer what the store holds (load_theirs() to see both versions).
  virtual StoreSaveResult save(const StoreSave& save) = 0;
  // A store that others write to while it is open (a shared database): true when changes of
  // theirs arrived since the last call — the caller reloads, or keeps its edits and is told.
  // Cheap enough for every frame. Files: always false (a save finds their change).
  virtual bool poll_others_changes() { return false; }
  // True for a file path: Save As, recent files and "beside the file" make sense.
  virtual bool is_file() const = 0;

  // ---- history (a store that keeps one) ----
  virtual bool keeps_history() const { return false; }
  // The newest `limit` changes that touched project `project_id`, newest first.
  [[nodiscard]] virtual Result<std::vector<StoreChange>> project_history(const std::string& project_id,
                                                                         int limit) {
    (void)project_id, (void)limit;
    return std::vector<StoreChange>{};
  }
  // Undoes change `change_id` as a new change; ChangedElsewhere when a record it touched was
  // changed again since (a later edit is never undone unseen).
  virtual StoreSaveResult revert(std::int64_t change_id) {
    (void)change_id;
    return {StoreSaveResult::Outcome::Failed, "this store keeps no history"};
  }
};

// Copies everything `from` holds into `to` (import, export). The source must load without errors;
// their problems are returned in the error's message, one per line.
struct CopyReport {
  std::size_t projects = 0, sources = 0, article_texts = 0;
  std::vector<Problem> warnings;
};
[[nodiscard]] Result<CopyReport> copy_dataset(DatasetStore& from, DatasetStore& to,
                                              const StoreWriteOptions& options);

}  // namespace indtrack
