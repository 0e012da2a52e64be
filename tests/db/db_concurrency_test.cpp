// Ten curators saving at once (issue 23): every edit is either in the data, with its change in the
// history, or was reported to its curator as a conflict — none lost, none silently overwritten,
// none applied twice.
//
// Each client is a thread with its own connection and does what the editor does: read a project
// with its version, change it, save with that base version; on a conflict read again and retry,
// and after a few tries give up and keep the conflict it was told about. Every edit appends its
// own token to the project's notes and to its aliases (a field of the row and a child table), so
// the final data and the history can be checked token by token.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "db/dataset_tables.h"
#include "db/pg_dataset_store.h"
#include "db/pg_store.h"
#include "db_fixtures.h"

using namespace indtrack;
using indtrack::test::bundled_database;
using indtrack::test::connect;
using indtrack::test::require_data_matches_history;
using indtrack::test::synthetic_database;

namespace {

constexpr int kClients = 10;
constexpr int kEditsPerClient = 200;
constexpr int kProjects = 12;  // every client edits all of them: the edits overlap heavily
constexpr int kTries = 3;      // saves of one edit before the client keeps the conflict

// The tokens an edit appended ("tok:3-17": client 3, edit 17), in order, from a project's notes.
std::vector<std::string> tokens_in_notes(const db::OrderedJson& project) {
  std::vector<std::string> out;
  std::istringstream words(project.value("notes", std::string()));
  for (std::string w; words >> w;)
    if (w.rfind("tok:", 0) == 0) out.push_back(w);
  return out;
}

std::vector<std::string> tokens_in_aliases(const db::OrderedJson& project) {
  std::vector<std::string> out;
  if (const auto a = project.find("aliases"); a != project.end())
    for (const auto& alias : *a)
      if (alias.get<std::string>().rfind("tok:", 0) == 0) out.push_back(alias.get<std::string>());
  return out;
}

std::vector<std::string> with(std::vector<std::string> tokens, const std::string& token) {
  tokens.push_back(token);
  return tokens;
}

struct Edit {
  std::string token, project;
  std::int64_t change_id = 0;  // saved as this change
  bool conflict = false;       // the client was told, and kept the conflict
  int conflicts_seen = 0, busy = 0;
  std::string error;  // anything else (fails the test)
};

struct Client {
  std::vector<Edit> edits;
  int torn_reads = 0;  // a read whose notes and aliases disagree
  std::string failure;
};

void run_client(const std::string& conninfo, const std::vector<std::string>& projects, int client,
                Client& out) {
  auto conn = db::PgConnection::connect(conninfo);
  if (!conn) {
    out.failure = conn.error().message;
    return;
  }
  std::mt19937 random(static_cast<unsigned>(client) * 7919u + 1u);
  for (int e = 0; e < kEditsPerClient; ++e) {
    Edit edit;
    edit.token = "tok:" + std::to_string(client) + "-" + std::to_string(e);
    edit.project = projects[random() % projects.size()];
    for (int attempt = 0; attempt < kTries + edit.busy && edit.change_id == 0; ++attempt) {
      auto read = db::read_records(*conn, db::RecordKind::Project, {edit.project});
      if (!read || read->size() != 1) {
        edit.error = read ? "project missing" : read.error().message;
        break;
      }
      const db::StoredRecord& record = read->front();
      if (tokens_in_notes(record.json) != tokens_in_aliases(record.json)) ++out.torn_reads;
      db::OrderedJson changed = record.json;
      changed["notes"] = changed.value("notes", std::string()) + " " + edit.token;
      changed["aliases"].push_back(edit.token);
      db::SaveRequest request;
      request.request_id = db::new_request_id();
      request.label = "edit " + edit.token;
      db::RecordChange change;
      change.key = {db::RecordKind::Project, edit.project};
      change.base_version = record.version;
      change.after = std::move(changed);
      request.changes.push_back(std::move(change));
      auto saved = db::save_changes(*conn, request);
      if (!saved) {
        // A lock wait that timed out is the one error a curator is asked to simply try again.
        if (saved.error().kind == Error::Kind::Busy && edit.busy < 5) {
          ++edit.busy;
          continue;
        }
        edit.error = saved.error().message;
        break;
      }
      if (saved->conflicts.empty()) {
        edit.change_id = saved->change_id;
        if (saved->versions[{db::RecordKind::Project, edit.project}] != saved->change_id)
          edit.error = "the receipt's version is not the change";
        break;
      }
      ++edit.conflicts_seen;
      // The conflict tells what the record is now: newer than what this client read.
      const db::Conflict& c = saved->conflicts.front();
      if (c.current_version <= record.version || !c.theirs)
        edit.error = "a conflict without the newer record";
    }
    edit.conflict = edit.change_id == 0 && edit.error.empty();
    out.edits.push_back(std::move(edit));
  }
}

}  // namespace

TEST_CASE("10 curators x 200 edits on the same projects: every edit is saved or reported, none lost",
          "[db][concurrency]") {
  // Generated projects: a few lines each, as most are (the bundled ones carry long lists of
  // statements, and every saved row is a statement: twice the test's time).
  const std::string conninfo = synthetic_database(40);
  db::PgConnection conn = connect(conninfo);
  auto first =
      conn.exec("SELECT id FROM indtrack.projects ORDER BY position LIMIT $1", {db::param_of(kProjects)});
  REQUIRE(first.ok());
  std::vector<std::string> projects;
  for (int r = 0; r < first->rows(); ++r) projects.emplace_back(first->get(r, 0));
  REQUIRE(projects.size() == kProjects);

  const auto start = std::chrono::steady_clock::now();
  std::vector<Client> clients(kClients);
  {
    std::vector<std::thread> threads;
    for (int c = 0; c < kClients; ++c)
      threads.emplace_back(run_client, std::cref(conninfo), std::cref(projects), c, std::ref(clients[c]));
    for (std::thread& t : threads) t.join();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // What each client was told, per project.
  std::map<std::string, std::set<std::string>> saved_tokens;  // project -> tokens
  std::map<std::int64_t, const Edit*> by_change;
  std::set<std::string> kept_conflicts;
  int saved = 0, conflicts = 0, conflicts_seen = 0, busy = 0, torn = 0;
  for (const Client& c : clients) {
    REQUIRE(c.failure.empty());
    torn += c.torn_reads;
    for (const Edit& e : c.edits) {
      INFO(e.token << " on " << e.project);
      REQUIRE(e.error.empty());
      conflicts_seen += e.conflicts_seen;
      busy += e.busy;
      if (e.conflict) {
        ++conflicts;
        kept_conflicts.insert(e.token);
        continue;
      }
      ++saved;
      saved_tokens[e.project].insert(e.token);
      CHECK(by_change.emplace(e.change_id, &e).second);  // one change per saved edit
    }
  }
  UNSCOPED_INFO(saved << " saved, " << conflicts << " kept as conflicts, " << conflicts_seen
                      << " conflicts reported in all, " << busy << " busy, " << seconds << " s");
  CHECK(saved + conflicts == kClients * kEditsPerClient);
  CHECK(saved > kClients * kEditsPerClient / 2);  // the retries work: most edits go in
  CHECK(conflicts_seen > 0);                      // the edits did overlap
  CHECK(torn == 0);

  for (const std::string& id : projects) {
    INFO("project " << id);
    const db::RecordKey key{db::RecordKind::Project, id};
    auto now = db::read_records(conn, db::RecordKind::Project, {id});
    REQUIRE(now.ok());
    REQUIRE(now->size() == 1);
    // The data holds every saved token once, and nothing else.
    const std::vector<std::string> tokens = tokens_in_notes(now->front().json);
    CHECK(tokens_in_aliases(now->front().json) == tokens);
    CHECK(std::set<std::string>(tokens.begin(), tokens.end()) == saved_tokens[id]);
    CHECK(tokens.size() == saved_tokens[id].size());

    // The history is one chain: each change starts from what the previous one left and adds
    // exactly its own edit's token, with the curator's label and the database role.
    auto changes = db::history(conn, key, 100000);
    REQUIRE(changes.ok());
    std::reverse(changes->begin(), changes->end());  // oldest first
    std::vector<std::string> chain;                  // the import had none
    std::size_t edits = 0;
    for (const db::ChangeEntry& c : *changes) {
      INFO("change #" << c.id);
      const auto edit = by_change.find(c.id);
      REQUIRE(edit != by_change.end());
      REQUIRE(c.records.size() == 1);
      const db::ChangeRecord& r = c.records.front();
      REQUIRE(r.before);
      REQUIRE(r.after);
      CHECK(edit->second->project == id);
      CHECK(c.label == "edit " + edit->second->token);
      CHECK(c.author == conn.user());
      CHECK(tokens_in_notes(*r.before) == chain);
      chain = with(chain, edit->second->token);
      CHECK(tokens_in_notes(*r.after) == chain);
      CHECK(tokens_in_aliases(*r.after) == chain);
      ++edits;
    }
    CHECK(edits == saved_tokens[id].size());
    CHECK(chain == tokens);
    // A conflict the client kept left no trace.
    for (const std::string& t : tokens) CHECK(kept_conflicts.count(t) == 0);
  }
  require_data_matches_history(conn);
  // And the dataset still opens: the loader accepts what the ten clients left.
  auto store = db::PgDatasetStore::open(conninfo);
  REQUIRE(store.ok());
  auto loaded = (*store)->load();
  REQUIRE(loaded.ok());
  CHECK(loaded->ok());
}

TEST_CASE("A record read while a save commits is the record before or after it, never a mix",
          "[db][concurrency]") {
  // The reader reads the project's row, then waits for its aliases (the writer holds their table);
  // meanwhile the writer changes both and commits. Each statement seeing its own moment, the
  // reader got the row from before and the aliases from after: a record that never existed.
  const std::string conninfo = bundled_database();
  db::PgConnection writer = connect(conninfo), watcher = connect(conninfo), reader = connect(conninfo);
  const std::string id = "dongjing-bdo";
  auto before = db::read_records(watcher, db::RecordKind::Project, {id});
  REQUIRE(before.ok());
  REQUIRE(before->size() == 1);
  REQUIRE(!before->front().json["aliases"].empty());

  REQUIRE(writer.exec("BEGIN").ok());
  REQUIRE(writer.exec("LOCK TABLE indtrack.project_aliases IN ACCESS EXCLUSIVE MODE").ok());
  const int reader_pid = reader.backend_pid();
  Result<std::vector<db::StoredRecord>> read = Error::of(Error::Kind::Internal, "not read");
  std::thread thread([&] { read = db::read_records(reader, db::RecordKind::Project, {id}); });
  // Until the reader waits for the aliases' table (a bounded wait on the server's own view).
  bool waiting = false;
  for (const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
       !waiting && std::chrono::steady_clock::now() < deadline;) {
    auto w = watcher.exec("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = $1",
                          {db::param_of(reader_pid)});
    waiting = w.ok() && w->rows() == 1 && w->boolean(0, 0);
  }
  CHECK(waiting);
  CHECK(writer
            .exec("UPDATE indtrack.projects SET notes = 'changed', version = version + 1000 WHERE id = $1",
                  {id})
            .ok());
  CHECK(writer.exec("DELETE FROM indtrack.project_aliases WHERE project_id = $1", {id}).ok());
  CHECK(writer.exec("COMMIT").ok());
  thread.join();

  REQUIRE(read.ok());
  REQUIRE(read->size() == 1);
  const db::StoredRecord& got = read->front();
  // The snapshot began with the row: the record as it was before the writer's commit.
  CHECK(got.version == before->front().version);
  CHECK(got.json == before->front().json);
  CHECK_FALSE(reader.in_transaction());
}
