// The dataset on a PostgreSQL server as a DatasetStore (store/dataset_store.h): what `--db
// CONNINFO` opens — the read verbs, `db import` / `db export`, and the dashboard, whose editing
// session saves record by record with optimistic concurrency (pg_store.h) and picks up other
// curators' commits through LISTEN/NOTIFY.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "db/db_load.h"
#include "db/pg.h"
#include "store/dataset_store.h"

namespace indtrack::db {

class PgDatasetStore final : public DatasetStore {
 public:
  // Connects (conninfo as check_conninfo accepts it) and checks that the database holds an
  // indtrack schema of this program's version: otherwise an Error saying what to run.
  static Result<std::unique_ptr<PgDatasetStore>> open(const std::string& conninfo);

  std::string name() const override { return name_; }
  // One consistent snapshot (a REPEATABLE READ transaction), validated by the file loader.
  Result<LoadResult> load(const LoadOptions& options = {}) override;
  // The texts read with the last load(); read afresh when there was none.
  Result<ArticleTexts> article_texts(const Dataset& data) override;
  // One transaction replacing every record, recorded as one change by the connected role.
  // Administrators only; with replace_existing false, refused when a dataset is there already.
  Result<Done> write(const Dataset& data, const ArticleTexts& texts,
                     const StoreWriteOptions& options) override;

  // Editing: the role's privileges decide (a reader opens read-only); the journal lives in the
  // user's state folder ($XDG_STATE_HOME/indtrack, else ~/.local/state/indtrack), one per
  // database and user. A save sends the records that changed with the versions they were read
  // at: one transaction, refused as a whole (ChangedElsewhere) when someone else wrote one of
  // them since. A lost connection is reconnected once per save (the request id makes a retried
  // save safe); failing that, the save fails and the edits stay in the journal.
  EditAccess open_for_editing(bool exclusive) override;
  void close_for_editing() override {}
  std::string journal_path() const override { return journal_path_; }
  const std::string& edited_version() override { return edited_version_; }
  // From the history: the records its changes after `version` touched (by anyone).
  std::optional<std::set<StoreRecord>> records_changed_since(const std::string& version,
                                                             const std::set<StoreRecord>& records) override;
  bool changed_elsewhere() override;
  Result<LoadResult> load_theirs() override;
  StoreSaveResult save(const StoreSave& save) override;
  // Notifications of commits, read without blocking. It never connects: after a lost
  // connection the next save, revert or reload reconnects, and changes missed meanwhile count.
  bool poll_others_changes() override;
  bool is_file() const override { return false; }
  bool keeps_history() const override { return true; }
  Result<std::vector<StoreChange>> project_history(const std::string& project_id, int limit) override;
  StoreSaveResult revert(std::int64_t change_id) override;

  PgConnection& connection() { return conn_; }
  std::int64_t last_change() const { return last_change_; }  // of the last load or write
  const std::string& conninfo() const { return conninfo_; }

 private:
  PgDatasetStore(PgConnection conn, std::string conninfo);
  Result<Done> ensure_connected();
  Result<Done> start_listening();
  // Changes after `after` that this store did not make.
  Result<bool> others_changed_since(std::int64_t after);
  void set_base(std::int64_t change);

  PgConnection conn_;
  std::string conninfo_;
  std::string name_;
  std::string journal_path_;
  ArticleTexts texts_;
  bool have_texts_ = false;
  std::int64_t last_change_ = 0;

  // Editing.
  std::map<RecordKey, std::int64_t> versions_;         // each record as read or saved here
  std::map<RecordKey, std::int64_t> theirs_versions_;  // as load_theirs() read them
  std::int64_t theirs_change_ = 0;
  std::string edited_version_;  // "postgresql change N": the journal's base
  std::set<std::int64_t> own_changes_;
  std::int64_t seen_change_ = 0;  // the newest change looked at (own or others')
  bool listening_ = false;
  bool others_pending_ = false;  // others' changes seen and not yet reported by poll
};

}  // namespace indtrack::db
