// The shared dataset's operations on the server: import, read, save with optimistic concurrency,
// history and revert. Every write is one transaction that records who (the database role), when
// (the server's clock), what (each record before and after) and from which sources.
//
// Optimistic concurrency: a client reads records with their versions (the id of the change
// that last wrote them) and sends back the records it changed with the version it read. If any
// of them has been written since, nothing is saved and the client is told, for each, who changed
// it, when, and what it is now — the user sees both versions and chooses. A retried save (the
// connection broke after the commit) is recognised by its request id and not applied twice.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "db/dataset_tables.h"
#include "db/pg.h"

namespace indtrack::db {

// ---- import ----

// The dataset (a canonical document, validated by the loader) and its article texts
// (source id -> text) replace what the database holds. Refused when it holds a dataset unless
// `replace`. Administrators only.
struct ImportRequest {
  const OrderedJson* document = nullptr;
  std::map<std::string, std::string> article_texts;
  std::string label;  // "import data/wuhai.json"
  bool replace = false;
};
Result<std::int64_t> import_dataset(PgConnection& conn, const ImportRequest& request);  // the change id

// ---- reading ----

struct Snapshot {
  DatasetRows rows;                                  // the dataset as JSON, versions
  std::map<std::string, std::string> article_texts;  // source id -> text
  std::int64_t last_change = 0;                      // the newest change the snapshot includes
};
// Everything, as of one moment (one REPEATABLE READ transaction).
Result<Snapshot> read_snapshot(PgConnection& conn);

// ---- saving ----

struct RecordChange {
  RecordKey key;
  std::int64_t base_version = 0;     // the version read; 0 for a record new to the database
  std::optional<OrderedJson> after;  // nullopt: delete the record
};

struct SaveRequest {
  std::string request_id;  // a UUID the client chose (new_request_id())
  std::string label;       // "Edit name; Add milestone"
  std::vector<RecordChange> changes;
  std::map<std::string, std::string> article_texts;  // texts of new article sources (id -> text)
  std::int64_t reverts = 0;                          // the change this one reverts
};

// A record someone else wrote after the client read it.
struct Conflict {
  RecordKey key;
  std::int64_t base_version = 0;      // what the client read (0: it thought the record new)
  std::int64_t current_version = 0;   // 0: deleted meanwhile
  std::optional<OrderedJson> theirs;  // the record as the database holds it now
  std::string author, at, label;      // the change that wrote it (empty if unknown)
  std::string reason;                 // one sentence for the user
};

struct SaveReceipt {
  std::int64_t change_id = 0;                  // 0 when nothing was saved
  std::map<RecordKey, std::int64_t> versions;  // each saved record's new version (0: deleted)
  std::vector<Conflict> conflicts;             // non-empty: nothing was saved
  bool already_saved = false;                  // the request had been committed before
};

Result<SaveReceipt> save_changes(PgConnection& conn, const SaveRequest& request);

// A new random request id (UUID text).
std::string new_request_id();

// Called inside a save's transaction just before COMMIT (tests use it to break the connection
// at the worst moment). Not for production code.
void set_before_commit_hook(std::function<void(PgConnection&)> hook);

// ---- history ----

struct ChangeRecord {
  RecordKey key;
  std::optional<OrderedJson> before, after;  // nullopt: created / deleted
  std::vector<std::string> sources;
};
struct ChangeEntry {
  std::int64_t id = 0;
  std::string at;      // ISO 8601 with the time zone, the server's clock
  std::string author;  // the database role
  std::string label;
  std::int64_t reverts = 0;
  bool whole_dataset = false;  // an import
  std::vector<ChangeRecord> records;
};

// Changes after `after_id`, oldest first (what a dashboard missed); records without their JSON
// unless `with_json`.
Result<std::vector<ChangeEntry>> changes_since(PgConnection& conn, std::int64_t after_id, bool with_json);
// The newest `limit` changes touching `record` (all changes when nullopt), newest first.
Result<std::vector<ChangeEntry>> history(PgConnection& conn, const std::optional<RecordKey>& record,
                                         int limit);
// Undoes change `change_id` as a new change: every record it touched goes back to how it was
// before — refused (conflicts) for a record changed again since, so a later edit is never
// undone unseen.
Result<SaveReceipt> revert_change(PgConnection& conn, std::int64_t change_id, const std::string& request_id);

// The facts' sources cited in what changed between two versions of a record.
std::vector<std::string> cited_sources(const std::optional<OrderedJson>& before,
                                       const std::optional<OrderedJson>& after);
// What changed, one line per field: "name: 旧名 → 新名", "milestones[2]: added".
std::vector<std::string> describe_differences(const std::optional<OrderedJson>& before,
                                              const std::optional<OrderedJson>& after);

}  // namespace indtrack::db
