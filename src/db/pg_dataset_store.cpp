// PgDatasetStore (pg_dataset_store.h).
#include "db/pg_dataset_store.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/fingerprint.h"
#include "db/conninfo.h"
#include "db/pg_store.h"
#include "db/record_changes.h"
#include "db/schema.h"

namespace indtrack::db {

namespace {

// $XDG_STATE_HOME/indtrack, else ~/.local/state/indtrack (the XDG base directory rules).
std::string state_folder() {
  if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg == '/')
    return std::string(xdg) + "/indtrack";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : "/tmp") + "/.local/state/indtrack";
}

// A file name from free text: letters, digits, '.', '-', '_' kept, anything else '_'.
std::string file_name_of(const std::string& text) {
  std::string out;
  for (const char ch : text) {
    const bool keep = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                      ch == '.' || ch == '-' || ch == '_';
    out += keep ? ch : '_';
  }
  return out;
}

}  // namespace

// The journal's name is fixed when the store opens: the connection may be lost (and its user and
// database unknown) when the journal is needed most. One per user, database and server.
PgDatasetStore::PgDatasetStore(PgConnection conn, std::string conninfo)
    : conn_(std::move(conn)),
      conninfo_(std::move(conninfo)),
      name_(database_display_name(conn_)),
      journal_path_(state_folder() + "/" + file_name_of(conn_.user() + "@" + conn_.database()) + "-" +
                    content_fingerprint(conn_.describe()) + ".journal") {}

Result<std::unique_ptr<PgDatasetStore>> PgDatasetStore::open(const std::string& conninfo) {
  if (Result<Done> ok = check_conninfo(conninfo); !ok) return ok.error();
  Result<PgConnection> conn = PgConnection::connect(conninfo);
  if (!conn) return conn.error();
  if (Result<Done> current = require_current_schema(*conn); !current) return current.error();
  return std::unique_ptr<PgDatasetStore>(new PgDatasetStore(std::move(*conn), conninfo));
}

Result<LoadResult> PgDatasetStore::load(const LoadOptions& options) {
  Result<DbLoad> loaded = load_from_database(conn_, name_, options);
  if (!loaded) return loaded.error();
  texts_ = std::move(loaded->article_texts);
  have_texts_ = true;
  last_change_ = loaded->last_change;
  versions_ = std::move(loaded->versions);
  set_base(loaded->last_change);
  others_pending_ = false;
  return std::move(loaded->load);
}

void PgDatasetStore::set_base(std::int64_t change) {
  edited_version_ = "postgresql change " + std::to_string(change);
  seen_change_ = std::max(seen_change_, change);
}

Result<ArticleTexts> PgDatasetStore::article_texts(const Dataset&) {
  if (!have_texts_) {
    Result<Snapshot> snapshot = read_snapshot(conn_);
    if (!snapshot) return snapshot.error();
    texts_ = std::move(snapshot->article_texts);
    have_texts_ = true;
  }
  return texts_;
}

Result<Done> PgDatasetStore::write(const Dataset& data, const ArticleTexts& texts,
                                   const StoreWriteOptions& options) {
  const OrderedJson document = document_of(data);
  ImportRequest request;
  request.document = &document;
  request.article_texts = texts;
  request.label = options.label.empty() ? "import" : options.label;
  request.replace = options.replace_existing;
  Result<std::int64_t> change = import_dataset(conn_, request);
  if (!change) return change.error();
  last_change_ = *change;
  texts_ = texts;
  have_texts_ = true;
  return done();
}

}  // namespace indtrack::db

namespace indtrack::db {

Result<Done> PgDatasetStore::start_listening() {
  if (Result<Done> ok = conn_.listen(kChangesChannel); !ok) return ok.error();
  listening_ = true;
  // A commit between the read and the LISTEN sent its notification to no one: look for it.
  Result<bool> missed = others_changed_since(seen_change_);
  if (!missed) return missed.error();
  others_pending_ = others_pending_ || *missed;
  return done();
}

EditAccess PgDatasetStore::open_for_editing(bool) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(journal_path_).parent_path(),
                                      ec);   // the journal's; failing that it says so
  if (!listening_) (void)start_listening();  // a reader sees others' commits too
  Result<Privileges> may = privileges(conn_);
  if (!may) return {EditAccess::Kind::Unknown, {may.error().message}};
  if (!may->curate) return {EditAccess::Kind::ReadOnlyRole, {may->user, conn_.database()}};
  return {};
}

Result<bool> PgDatasetStore::others_changed_since(std::int64_t after) {
  Result<std::vector<ChangeEntry>> changes = changes_since(conn_, after, /*with_json=*/false);
  if (!changes) return changes.error();
  bool others = false;
  for (const ChangeEntry& c : *changes) {
    seen_change_ = std::max(seen_change_, c.id);
    if (!own_changes_.count(c.id)) others = true;
  }
  return others;
}

Result<Done> PgDatasetStore::ensure_connected() {
  if (conn_.connected()) return done();
  Result<PgConnection> again = PgConnection::connect(conninfo_);
  if (!again) return again.error();
  conn_ = std::move(*again);
  listening_ = false;
  return start_listening();
}

std::optional<std::set<StoreRecord>> PgDatasetStore::records_changed_since(
    const std::string& version, const std::set<StoreRecord>& records) {
  const std::string prefix = "postgresql change ";  // set_base's form
  if (version.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  char* end = nullptr;
  const long long after = std::strtoll(version.c_str() + prefix.size(), &end, 10);
  if (end == version.c_str() + prefix.size() || *end != '\0' || after > last_change_) return std::nullopt;
  if (!ensure_connected()) return std::nullopt;
  Result<std::vector<ChangeEntry>> changes = changes_since(conn_, after, /*with_json=*/false);
  if (!changes) return std::nullopt;
  std::set<StoreRecord> changed;
  for (const ChangeEntry& c : *changes) {
    if (c.whole_dataset) return std::nullopt;  // an import replaced everything
    for (const ChangeRecord& r : c.records)
      if (StoreRecord named{std::string(list_key(r.key.kind)), r.key.id}; records.count(named))
        changed.insert(std::move(named));
  }
  return changed;
}

bool PgDatasetStore::changed_elsewhere() {
  if (!ensure_connected()) return false;  // unknown: a save will tell
  Result<bool> others = others_changed_since(last_change_);
  return others && *others;
}

bool PgDatasetStore::poll_others_changes() {
  // Never connects: an attempt can take the connect timeout (10 s) and this runs every frame.
  // After a lost connection the next save, revert or reload reconnects, and start_listening
  // looks for the commits missed meanwhile.
  if (!conn_.connected() || !listening_) return false;
  Result<std::vector<Notification>> got = conn_.poll_notifications();
  if (!got) {
    conn_.close();
    return false;
  }
  for (const Notification& n : *got) {
    char* end = nullptr;
    const long long id = std::strtoll(n.payload.c_str(), &end, 10);
    if (end == n.payload.c_str()) continue;
    seen_change_ = std::max<std::int64_t>(seen_change_, id);
    if (!own_changes_.count(id)) others_pending_ = true;
  }
  const bool pending = others_pending_;
  others_pending_ = false;
  return pending;
}

Result<LoadResult> PgDatasetStore::load_theirs() {
  if (Result<Done> up = ensure_connected(); !up) return up.error();
  Result<DbLoad> loaded = load_from_database(conn_, name_);
  if (!loaded) return loaded.error();
  theirs_versions_ = std::move(loaded->versions);
  theirs_change_ = loaded->last_change;
  return std::move(loaded->load);
}

StoreSaveResult PgDatasetStore::save(const StoreSave& save) {
  StoreSaveResult result;
  const std::map<RecordKey, std::int64_t>& read_at = save.onto_theirs ? theirs_versions_ : versions_;
  const OrderedJson base = save.base();
  SaveRequest request;
  request.request_id = new_request_id();
  request.label = save.label.empty() ? "edit" : save.label;
  request.changes = record_changes(base, *save.edited, read_at);
  // Texts of article sources new to the database (an import in the dashboard).
  const auto old_sources = base.find("sources");
  for (const Source& s : save.data->sources) {
    if (s.kind != Source::Kind::Article) continue;
    bool known = false;
    if (old_sources != base.end())
      for (const OrderedJson& o : *old_sources) known = known || (o.contains("id") && o["id"] == s.id);
    if (!known) request.article_texts.emplace(s.id, s.text);
  }
  Result<SaveReceipt> receipt = Error::of(Error::Kind::Connection, "");
  for (int attempt = 0; attempt < 2; ++attempt) {  // once more after reconnecting: same request id
    if (Result<Done> up = ensure_connected(); !up) {
      receipt = up.error();
      break;
    }
    receipt = save_changes(conn_, request);
    if (receipt || receipt.error().kind != Error::Kind::Connection) break;
    conn_.close();
  }
  if (!receipt) {
    result.error = receipt.error().message;
    return result;
  }
  if (!receipt->conflicts.empty()) {
    result.outcome = StoreSaveResult::Outcome::ChangedElsewhere;
    return result;
  }
  if (save.onto_theirs) {
    versions_ = theirs_versions_;
    last_change_ = std::max(last_change_, theirs_change_);
  }
  for (const auto& [key, version] : receipt->versions) {
    if (version == 0)
      versions_.erase(key);
    else
      versions_[key] = version;
  }
  if (receipt->change_id > 0) {
    own_changes_.insert(receipt->change_id);
    seen_change_ = std::max(seen_change_, receipt->change_id);
    // With nobody else's commit between the base and this one, the data held is the database at
    // this change: it becomes the base a journal started now names, so after a crash only later
    // commits count as others' (otherwise this change's own records would look changed). With
    // theirs in between, the older base stays: their records then count as changed, which keeps
    // a journal's edits aside rather than replaying them onto data never seen.
    if (Result<std::vector<ChangeEntry>> since = changes_since(conn_, last_change_, /*with_json=*/false);
        since && std::all_of(since->begin(), since->end(), [&](const ChangeEntry& c) {
          return c.id >= receipt->change_id || own_changes_.count(c.id) > 0;
        })) {
      last_change_ = receipt->change_id;
      set_base(receipt->change_id);
    }
  }
  for (const auto& [id, text] : request.article_texts) texts_[id] = text;
  result.outcome = StoreSaveResult::Outcome::Saved;
  return result;
}

Result<std::vector<StoreChange>> PgDatasetStore::project_history(const std::string& project_id, int limit) {
  if (Result<Done> up = ensure_connected(); !up) return up.error();
  Result<std::vector<ChangeEntry>> changes =
      history(conn_, RecordKey{RecordKind::Project, project_id}, limit);
  if (!changes) return changes.error();
  std::vector<StoreChange> out;
  for (const ChangeEntry& c : *changes) {
    StoreChange entry{c.id, c.at, c.author, c.label, c.reverts, c.whole_dataset, {}, {}};
    for (const ChangeRecord& r : c.records) {
      if (r.key.kind != RecordKind::Project || r.key.id != project_id) continue;
      if (!c.whole_dataset) entry.what = describe_differences(r.before, r.after);
      entry.sources = r.sources;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

StoreSaveResult PgDatasetStore::revert(std::int64_t change_id) {
  StoreSaveResult result;
  if (Result<Done> up = ensure_connected(); !up) {
    result.error = up.error().message;
    return result;
  }
  Result<SaveReceipt> receipt = revert_change(conn_, change_id, new_request_id());
  if (!receipt) {
    result.error = receipt.error().message;
    return result;
  }
  if (!receipt->conflicts.empty()) {
    result.outcome = StoreSaveResult::Outcome::ChangedElsewhere;
    result.error = receipt->conflicts.front().reason;
    return result;
  }
  if (receipt->change_id > 0) own_changes_.insert(receipt->change_id);
  result.outcome = StoreSaveResult::Outcome::Saved;
  return result;
}

}  // namespace indtrack::db
