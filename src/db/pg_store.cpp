// Import, snapshot, save, history and revert (pg_store.h).
#include "db/pg_store.h"

#include <algorithm>
#include <functional>
#include <random>
#include <set>

namespace indtrack::db {
namespace {

// Held from the moment a write takes its change id until it commits, so change ids become
// visible in the order they were given: a reader that has seen change N has seen every change
// before N, and "changes after N" misses none.
constexpr const char* kChangeLock = "SELECT pg_advisory_xact_lock(hashtext('indtrack change'))";

std::function<void(PgConnection&)>& before_commit_hook() {
  static std::function<void(PgConnection&)> hook;
  return hook;
}

std::optional<OrderedJson> json_column(const PgResult& r, int row, int column) {
  if (r.null(row, column)) return std::nullopt;
  OrderedJson j = OrderedJson::parse(r.get(row, column), nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  return j;
}

std::string dump(const OrderedJson& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Evidence objects (anything with a "source") of a record, as text, for cited_sources.
void collect_evidence(const OrderedJson& j, std::multiset<std::string>& out) {
  if (j.is_object()) {
    if (const auto s = j.find("source"); s != j.end() && s->is_string()) out.insert(dump(j));
    for (const auto& [key, value] : j.items())
      if (value.is_structured()) collect_evidence(value, out);
  } else if (j.is_array()) {
    for (const auto& e : j) collect_evidence(e, out);
  }
}

void describe(const std::string& path, const OrderedJson* before, const OrderedJson* after,
              std::vector<std::string>& out) {
  auto shorten = [](const OrderedJson& j) {
    std::string text = j.is_string() ? j.get<std::string>() : dump(j);
    if (text.size() > 80) {
      std::size_t cut = 77;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      text = text.substr(0, cut) + "…";
    }
    return text;
  };
  if (!before && after) {
    out.push_back(path + ": added " + shorten(*after));
    return;
  }
  if (before && !after) {
    out.push_back(path + ": removed " + shorten(*before));
    return;
  }
  if (!before || !after || *before == *after) return;
  if (before->is_object() && after->is_object()) {
    for (const auto& [key, value] : before->items()) {
      const auto it = after->find(key);
      describe(path.empty() ? key : path + "." + key, &value, it == after->end() ? nullptr : &*it, out);
    }
    for (const auto& [key, value] : after->items())
      if (!before->contains(key)) describe(path.empty() ? key : path + "." + key, nullptr, &value, out);
    return;
  }
  if (before->is_array() && after->is_array()) {
    const std::size_t n = std::max(before->size(), after->size());
    for (std::size_t i = 0; i < n; ++i)
      describe(path + "[" + std::to_string(i) + "]", i < before->size() ? &(*before)[i] : nullptr,
               i < after->size() ? &(*after)[i] : nullptr, out);
    return;
  }
  if (before->is_string() && after->is_string()) {
    // Long texts that share a beginning ("notes" with a sentence added) would both shorten to
    // that beginning: show each from a little before where they start to differ.
    const std::string& a = before->get_ref<const std::string&>();
    const std::string& b = after->get_ref<const std::string&>();
    std::size_t same = 0;
    while (same < a.size() && same < b.size() && a[same] == b[same]) ++same;
    if (same > 40) {
      std::size_t from = same - 30;
      while (from > 0 && (static_cast<unsigned char>(a[from]) & 0xC0) == 0x80) --from;
      out.push_back(path + ": …" + shorten(OrderedJson(a.substr(from))) + " → …" +
                    shorten(OrderedJson(b.substr(from))));
      return;
    }
  }
  out.push_back(path + ": " + shorten(*before) + " → " + shorten(*after));
}

Result<std::vector<ChangeEntry>> read_changes(PgConnection& conn, std::string_view where,
                                              const std::vector<Param>& params, bool with_json,
                                              const std::optional<RecordKey>& only) {
  auto changes = conn.exec(
      "SELECT c.id, to_char(c.at, 'YYYY-MM-DD HH24:MI:SSOF'), c.author, c.label, coalesce(c.reverts, 0), "
      "c.whole_dataset FROM indtrack.changes c " +
          std::string(where),
      params);
  if (!changes) return changes.error();
  std::vector<ChangeEntry> out;
  std::vector<std::string> ids;
  std::map<std::int64_t, std::size_t> index;
  for (int r = 0; r < changes->rows(); ++r) {
    ChangeEntry e;
    e.id = changes->integer(r, 0);
    e.at = std::string(changes->get(r, 1));
    e.author = std::string(changes->get(r, 2));
    e.label = std::string(changes->get(r, 3));
    e.reverts = changes->integer(r, 4);
    e.whole_dataset = changes->boolean(r, 5);
    index[e.id] = out.size();
    ids.push_back(std::to_string(e.id));
    out.push_back(std::move(e));
  }
  if (out.empty()) return out;
  std::string sql =
      std::string("SELECT change_id, kind, record_id, ") + (with_json ? "before, after" : "NULL, NULL") +
      ", array_to_json(sources) FROM indtrack.change_records WHERE change_id = ANY($1::bigint[])";
  std::vector<Param> record_params;
  const std::string literal = "{" + [&] {
    std::string joined;
    for (const std::string& id : ids) joined += (joined.empty() ? "" : ",") + id;
    return joined;
  }() + "}";
  record_params.push_back(literal);
  if (only) {
    sql += " AND kind = $2 AND record_id = $3";
    record_params.push_back(kind_name(only->kind));
    record_params.push_back(only->id);
  }
  sql += " ORDER BY change_id, kind, record_id";
  auto records = conn.exec(sql, record_params);
  if (!records) return records.error();
  for (int r = 0; r < records->rows(); ++r) {
    ChangeRecord rec;
    const auto kind = kind_from_name(records->get(r, 1));
    if (!kind) continue;
    rec.key = {*kind, std::string(records->get(r, 2))};
    rec.before = json_column(*records, r, 3);
    rec.after = json_column(*records, r, 4);
    if (auto sources = json_column(*records, r, 5); sources && sources->is_array())
      for (const auto& s : *sources)
        if (s.is_string()) rec.sources.push_back(s.get<std::string>());
    out[index[records->integer(r, 0)]].records.push_back(std::move(rec));
  }
  return out;
}

}  // namespace

std::string new_request_id() {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  const std::uint64_t a = random(), b = random();
  char text[37];
  std::snprintf(text, sizeof text, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>((a >> 16) & 0xFFFF), static_cast<unsigned>(a & 0xFFF),
                static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3FFF)),
                static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFull));
  return text;
}

void set_before_commit_hook(std::function<void(PgConnection&)> hook) {
  before_commit_hook() = std::move(hook);
}

Result<std::int64_t> import_dataset(PgConnection& conn, const ImportRequest& request) {
  if (!request.document) return Error::of(Error::Kind::Internal, "no document to import");
  auto tx = Transaction::begin(conn);
  if (!tx) return tx.error();
  if (auto r = conn.exec("SET CONSTRAINTS ALL DEFERRED"); !r) return r.error();
  if (auto r = conn.exec(kChangeLock); !r) return r.error();
  auto existing = conn.exec("SELECT count(*) FROM indtrack.dataset");
  if (!existing) return existing.error();
  if (existing->integer(0, 0) > 0) {
    if (!request.replace)
      return Error::of(Error::Kind::Invalid,
                       "the database already holds a dataset: `indtrack db import --replace FILE` replaces "
                       "it (its history is kept), `indtrack db export FILE` saves it first");
    auto wipe = conn.exec_script(
        "DELETE FROM indtrack.article_texts; DELETE FROM indtrack.aggregates; DELETE FROM indtrack.projects; "
        "DELETE FROM indtrack.companies; DELETE FROM indtrack.products; DELETE FROM indtrack.industries; "
        "DELETE FROM indtrack.parks; DELETE FROM indtrack.districts; DELETE FROM indtrack.sources; "
        "DELETE FROM indtrack.dataset;");
    if (!wipe) return wipe.error();
  }
  auto change = conn.exec(
      "INSERT INTO indtrack.changes (label, whole_dataset) VALUES ($1, true) RETURNING id", {request.label});
  if (!change) return change.error();
  const std::int64_t id = change->integer(0, 0);
  if (auto r = insert_document(conn, *request.document, id); !r) return r.error();
  for (const auto& [source, text] : request.article_texts)
    if (auto r =
            conn.exec("INSERT INTO indtrack.article_texts (source_id, text) VALUES ($1, $2)", {source, text});
        !r)
      return r.error();
  if (auto c = tx->commit(); !c) return c.error();
  return id;
}

Result<Snapshot> read_snapshot(PgConnection& conn) {
  auto tx = Transaction::begin(conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  if (!tx) return tx.error();
  Snapshot s;
  auto last = conn.exec("SELECT coalesce(max(id), 0) FROM indtrack.changes");
  if (!last) return last.error();
  s.last_change = last->integer(0, 0);
  auto rows = read_dataset(conn);
  if (!rows) return rows.error();
  s.rows = std::move(*rows);
  auto texts = conn.exec("SELECT source_id, text FROM indtrack.article_texts");
  if (!texts) return texts.error();
  for (int r = 0; r < texts->rows(); ++r)
    s.article_texts.emplace(std::string(texts->get(r, 0)), std::string(texts->get(r, 1)));
  if (auto c = tx->commit(); !c) return c.error();
  return s;
}

namespace {

// The receipt of `request` when a change with its request id was committed (a retry), else nullopt.
Result<std::optional<SaveReceipt>> already_saved(PgConnection& conn, const SaveRequest& request) {
  if (request.request_id.empty()) return std::optional<SaveReceipt>();
  auto seen = conn.exec("SELECT id FROM indtrack.changes WHERE request_id = $1::uuid", {request.request_id});
  if (!seen) return seen.error();
  if (seen->rows() == 0) return std::optional<SaveReceipt>();
  SaveReceipt saved;
  saved.change_id = seen->integer(0, 0);
  saved.already_saved = true;
  for (const RecordChange& c : request.changes) saved.versions[c.key] = c.after ? saved.change_id : 0;
  return std::optional<SaveReceipt>(std::move(saved));
}

}  // namespace

Result<SaveReceipt> save_changes(PgConnection& conn, const SaveRequest& request) {
  SaveReceipt receipt;
  auto tx = Transaction::begin(conn);
  if (!tx) return tx.error();
  if (auto r = conn.exec("SET CONSTRAINTS ALL DEFERRED"); !r) return r.error();

  // Lock every record in one order (no deadlock between two saves) and compare versions.
  std::vector<const RecordChange*> changes;
  for (const RecordChange& c : request.changes) changes.push_back(&c);
  std::sort(changes.begin(), changes.end(), [](auto* a, auto* b) { return a->key < b->key; });
  std::map<RecordKey, RowVersion> current;
  for (const RecordChange* c : changes) {
    auto locked = lock_record(conn, c->key);
    if (!locked) return locked.error();
    const std::int64_t now = *locked ? (*locked)->version : 0;
    if (*locked) current[c->key] = **locked;
    if (now == c->base_version) continue;
    Conflict conflict;
    conflict.key = c->key;
    conflict.base_version = c->base_version;
    conflict.current_version = now;
    conflict.reason = c->base_version == 0 ? describe(c->key) + " was created by someone else meanwhile"
                      : now == 0           ? describe(c->key) + " was deleted by someone else meanwhile"
                                           : describe(c->key) + " was changed by someone else meanwhile";
    receipt.conflicts.push_back(std::move(conflict));
  }

  // A retry of a save whose commit was not confirmed (the connection broke): it happened or not.
  // Asked once the records are locked: a first attempt still committing holds their locks, so
  // this waits for it and then sees it, instead of finding its own change in the way (a conflict).
  if (auto saved = already_saved(conn, request); !saved) {
    return saved.error();
  } else if (*saved) {
    return std::move(**saved);
  }
  if (!receipt.conflicts.empty()) {
    // What the records are now, and who made them so: the user decides with both versions.
    for (Conflict& c : receipt.conflicts) {
      if (c.current_version == 0) continue;
      auto theirs = read_records(conn, c.key.kind, {c.key.id});
      if (!theirs) return theirs.error();
      if (!theirs->empty()) c.theirs = std::move(theirs->front().json);
      auto who = conn.exec(
          "SELECT author, to_char(at, 'YYYY-MM-DD HH24:MI:SSOF'), label FROM indtrack.changes WHERE id = $1",
          {param_of(c.current_version)});
      if (!who) return who.error();
      if (who->rows() > 0) {
        c.author = std::string(who->get(0, 0));
        c.at = std::string(who->get(0, 1));
        c.label = std::string(who->get(0, 2));
        c.reason += " (" + c.author + ", " + c.at + ": " + c.label + ")";
      }
    }
    return receipt;  // the transaction rolls back
  }

  // The records as they are before this change, for the history.
  std::map<RecordKey, OrderedJson> before;
  for (const RecordKind kind : record_kinds()) {
    std::vector<std::string> ids;
    for (const RecordChange* c : changes)
      if (c->key.kind == kind && c->base_version != 0) ids.push_back(c->key.id);
    if (ids.empty()) continue;
    auto records = read_records(conn, kind, ids);
    if (!records) return records.error();
    for (StoredRecord& s : *records) before[{kind, s.id}] = std::move(s.json);
  }

  if (auto r = conn.exec(kChangeLock); !r) return r.error();
  // Asked again: a save that only creates records had no row to wait on above, but a first
  // attempt still committing holds this lock until it is done, and is seen now.
  if (auto saved = already_saved(conn, request); !saved) {
    return saved.error();
  } else if (*saved) {
    return std::move(**saved);
  }
  auto change = conn.exec(
      "INSERT INTO indtrack.changes (request_id, label, reverts) VALUES ($1::uuid, $2, $3) "
      "RETURNING id",
      {request.request_id.empty() ? Param() : Param(request.request_id), request.label,
       request.reverts ? Param(param_of(request.reverts)) : Param()});
  if (!change) return change.error();
  const std::int64_t version = change->integer(0, 0);

  // Deletions first, so that a line moved from one project to another is gone before it returns.
  for (const RecordChange* c : changes)
    if (!c->after && c->base_version != 0)
      if (auto r = delete_record(conn, c->key); !r) return r.error();
  for (const RecordChange* c : changes) {
    if (!c->after) continue;
    if (c->base_version != 0) {
      if (auto r = replace_record(conn, c->key, *c->after, version); !r) return r.error();
      continue;
    }
    std::int64_t position = 0;
    if (c->key.kind != RecordKind::Dataset) {
      auto next = conn.exec("SELECT coalesce(max(position), -1) + 1 FROM indtrack." +
                            std::string(list_key(c->key.kind)));
      if (!next) return next.error();
      position = next->integer(0, 0);
    }
    if (auto r = insert_record(conn, c->key, *c->after, position, version); !r) {
      if (r.error().kind != Error::Kind::Conflict) return r.error();
      Conflict conflict;
      conflict.key = c->key;
      conflict.reason = describe(c->key) + ": " + r.error().message;
      receipt.conflicts.push_back(std::move(conflict));
      return receipt;
    }
  }
  for (const auto& [source, text] : request.article_texts) {
    auto r = conn.exec(
        "INSERT INTO indtrack.article_texts (source_id, text) VALUES ($1, $2) "
        "ON CONFLICT (source_id) DO UPDATE SET text = EXCLUDED.text",
        {source, text});
    if (!r) return r.error();
  }
  for (const RecordChange* c : changes) {
    const auto b = before.find(c->key);
    const std::optional<OrderedJson> was =
        b == before.end() ? std::nullopt : std::optional<OrderedJson>(b->second);
    const std::vector<std::string> sources = cited_sources(was, c->after);
    auto r = conn.exec(
        "INSERT INTO indtrack.change_records (change_id, kind, record_id, before, after, sources) "
        "VALUES ($1, $2, $3, $4::json, $5::json, $6::text[])",
        {param_of(version), kind_name(c->key.kind), c->key.id, was ? Param(dump(*was)) : Param(),
         c->after ? Param(dump(*c->after)) : Param(), array_literal(sources)});
    if (!r) return r.error();
    receipt.versions[c->key] = c->after ? version : 0;
  }
  if (before_commit_hook()) before_commit_hook()(conn);
  if (auto c = tx->commit(); !c) return c.error();
  receipt.change_id = version;
  return receipt;
}

Result<std::vector<ChangeEntry>> changes_since(PgConnection& conn, std::int64_t after_id, bool with_json) {
  return read_changes(conn, "WHERE c.id > $1 ORDER BY c.id", {param_of(after_id)}, with_json, std::nullopt);
}

Result<std::vector<ChangeEntry>> history(PgConnection& conn, const std::optional<RecordKey>& record,
                                         int limit) {
  if (!record)
    return read_changes(conn, "ORDER BY c.id DESC LIMIT $1", {param_of(limit)}, true, std::nullopt);
  return read_changes(conn,
                      "WHERE EXISTS (SELECT 1 FROM indtrack.change_records r WHERE r.change_id = c.id "
                      "AND r.kind = $1 AND r.record_id = $2) ORDER BY c.id DESC LIMIT $3",
                      {kind_name(record->kind), record->id, param_of(limit)}, true, record);
}

Result<SaveReceipt> revert_change(PgConnection& conn, std::int64_t change_id, const std::string& request_id) {
  auto found = read_changes(conn, "WHERE c.id = $1", {param_of(change_id)}, true, std::nullopt);
  if (!found) return found.error();
  if (found->empty())
    return Error::of(Error::Kind::NotFound, "there is no change #" + std::to_string(change_id));
  const ChangeEntry& change = found->front();
  if (change.whole_dataset)
    return Error::of(Error::Kind::Invalid, "change #" + std::to_string(change_id) +
                                               " is an import: it cannot be reverted; import the earlier "
                                               "file again with `indtrack db import --replace`");
  SaveRequest request;
  request.request_id = request_id;
  request.reverts = change_id;
  request.label = "Revert #" + std::to_string(change_id) + " (" + change.label + ")";
  for (const ChangeRecord& r : change.records) {
    RecordChange c;
    c.key = r.key;
    c.base_version = r.after ? change_id : 0;  // the record must still be as that change left it
    c.after = r.before;
    request.changes.push_back(std::move(c));
  }
  return save_changes(conn, request);
}

std::vector<std::string> cited_sources(const std::optional<OrderedJson>& before,
                                       const std::optional<OrderedJson>& after) {
  std::multiset<std::string> was, now;
  if (before) collect_evidence(*before, was);
  if (after) collect_evidence(*after, now);
  std::set<std::string> sources;
  auto add_difference = [&](const std::multiset<std::string>& a, const std::multiset<std::string>& b) {
    std::vector<std::string> only;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(only));
    for (const std::string& text : only) {
      const OrderedJson j = OrderedJson::parse(text, nullptr, false);
      if (j.is_object() && j.contains("source") && j["source"].is_string())
        sources.insert(j["source"].get<std::string>());
    }
  };
  add_difference(now, was);
  add_difference(was, now);
  return {sources.begin(), sources.end()};
}

std::vector<std::string> describe_differences(const std::optional<OrderedJson>& before,
                                              const std::optional<OrderedJson>& after) {
  std::vector<std::string> out;
  if (!before && after) return {"created"};
  if (before && !after) return {"deleted"};
  describe("", before ? &*before : nullptr, after ? &*after : nullptr, out);
  return out;
}

}  // namespace indtrack::db
