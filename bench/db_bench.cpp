// The dataset on PostgreSQL (issue 23), on a throw-away server started for this process
// (tests/db/pg_server.h: initdb + pg_ctl in /tmp, a Unix socket, fsync off): opening the
// synthetic datasets from the database against opening their JSON file, pg_dump of the same
// database (what a team's backup reads), one edit's round trip, and ten curators saving at once.
// Each size is imported once per process (the import time is the `import_s` counter).
#include <benchmark/benchmark.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <thread>

#include "bench_data.h"
#include "db/dataset_tables.h"
#include "db/pg_dataset_store.h"
#include "db/pg_store.h"
#include "db/schema.h"
#include "io/dataset_io.h"
#include "pg_server.h"
#include "store/json_file_store.h"

using namespace indtrack;

namespace {

struct Database {
  std::string conninfo, json;
  double import_s = 0;
  std::vector<std::string> projects;  // the first ones, which the edits touch
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The synthetic dataset of `n` projects in a database of its own, imported on first use.
const Database* database(int n, std::string& error) {
  static std::map<int, Database> made;
  if (const auto it = made.find(n); it != made.end()) return &it->second;
  Database d;
  d.json = bench::synthetic_file(n);
  d.conninfo = test::PgTestServer::get().new_database();
  auto conn = db::PgConnection::connect(d.conninfo);
  if (!conn) return error = conn.error().message, nullptr;
  if (auto init = db::init_database(*conn); !init) return error = init.error().message, nullptr;
  const auto start = std::chrono::steady_clock::now();
  JsonFileStore file(d.json);
  auto store = db::PgDatasetStore::open(d.conninfo);
  if (!store) return error = store.error().message, nullptr;
  if (auto copied = copy_dataset(file, **store, {"import synthetic", false}); !copied)
    return error = copied.error().message, nullptr;
  d.import_s = seconds_since(start);
  auto first = conn->exec("SELECT id FROM indtrack.projects ORDER BY position LIMIT 20");
  if (!first) return error = first.error().message, nullptr;
  for (int r = 0; r < first->rows(); ++r) d.projects.emplace_back(first->get(r, 0));
  return &made.emplace(n, std::move(d)).first->second;
}

const Database* database_or_skip(benchmark::State& state, int n) {
  std::string error;
  const Database* d = nullptr;
  try {
    d = database(n, error);
  } catch (const std::exception& e) {
    error = e.what();  // no server binaries: scripts/setup installs them
  }
  if (!d) state.SkipWithError(("no database: " + error).c_str());
  return d;
}

void BM_OpenJsonFile(benchmark::State& state) {
  const std::string path = bench::synthetic_file(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    LoadResult r = load_dataset(path);
    if (!r.ok()) return state.SkipWithError("the file did not load");
    benchmark::DoNotOptimize(r);
    state.PauseTiming();  // freeing the model is not part of opening
    r = LoadResult();
    state.ResumeTiming();
  }
}

// What `--db` does: connect, check the schema, read one snapshot, validate it with the loader.
void BM_OpenDatabase(benchmark::State& state) {
  const Database* d = database_or_skip(state, static_cast<int>(state.range(0)));
  if (!d) return;
  for (auto _ : state) {
    auto store = db::PgDatasetStore::open(d->conninfo);
    if (!store) return state.SkipWithError(store.error().message.c_str());
    auto r = (*store)->load();
    if (!r || !r->ok()) return state.SkipWithError("the database's dataset did not load");
    benchmark::DoNotOptimize(r);
    state.PauseTiming();
    r = LoadResult();
    state.ResumeTiming();
  }
  state.counters["import_s"] = d->import_s;
}

// pg_dump of the whole database to /dev/null: the server's own fastest way to read it all out.
void BM_PgDump(benchmark::State& state) {
  const Database* d = database_or_skip(state, static_cast<int>(state.range(0)));
  if (!d) return;
  const std::string command =
      test::PgTestServer::get().bindir() + "/pg_dump -d '" + d->conninfo + "' -f /dev/null";
  for (auto _ : state)
    if (std::system(command.c_str()) != 0) return state.SkipWithError("pg_dump failed");
}

// One curator's save of one project (a changed note), on the version the last save returned:
// what the editor's Save waits for.
void BM_SaveOneRecord(benchmark::State& state) {
  const Database* d = database_or_skip(state, static_cast<int>(state.range(0)));
  if (!d) return;
  auto conn = db::PgConnection::connect(d->conninfo);
  if (!conn) return state.SkipWithError(conn.error().message.c_str());
  const db::RecordKey key{db::RecordKind::Project, d->projects.front()};
  auto read = db::read_records(*conn, key.kind, {key.id});
  if (!read || read->empty()) return state.SkipWithError("no project to edit");
  db::RecordChange change;
  change.key = key;
  change.base_version = read->front().version;
  change.after = read->front().json;
  int n = 0;
  for (auto _ : state) {
    (*change.after)["notes"] = "bench " + std::to_string(++n);
    db::SaveRequest request;
    request.request_id = db::new_request_id();
    request.label = "bench edit";
    request.changes.push_back(change);
    auto saved = db::save_changes(*conn, request);
    if (!saved || !saved->conflicts.empty()) return state.SkipWithError("the save failed");
    change.base_version = saved->change_id;
  }
}

// Reading one project with its version (what the editor does before an edit).
void BM_ReadOneRecord(benchmark::State& state) {
  const Database* d = database_or_skip(state, static_cast<int>(state.range(0)));
  if (!d) return;
  auto conn = db::PgConnection::connect(d->conninfo);
  if (!conn) return state.SkipWithError(conn.error().message.c_str());
  for (auto _ : state) {
    auto read = db::read_records(*conn, db::RecordKind::Project, {d->projects.front()});
    if (!read || read->empty()) return state.SkipWithError("the read failed");
    benchmark::DoNotOptimize(read);
  }
}

// The floor under both: one `SELECT 1` on an open connection.
void BM_SelectOne(benchmark::State& state) {
  const Database* d = database_or_skip(state, static_cast<int>(state.range(0)));
  if (!d) return;
  auto conn = db::PgConnection::connect(d->conninfo);
  if (!conn) return state.SkipWithError(conn.error().message.c_str());
  for (auto _ : state)
    if (!conn->exec("SELECT 1")) return state.SkipWithError("SELECT 1 failed");
}

// Ten curators, each on its own connection, editing the first 20 projects at random: read, change,
// save; on a conflict read again and retry. Counters: saves/s, and conflicts per save.
void BM_TenCurators(benchmark::State& state) {
  const Database* d = database_or_skip(state, static_cast<int>(state.range(0)));
  if (!d) return;
  const int saves_each = static_cast<int>(state.range(1));
  constexpr int kCurators = 10;
  std::atomic<long> saved{0}, conflicts{0}, failed{0};
  double seconds = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> curators;
    for (int c = 0; c < kCurators; ++c)
      curators.emplace_back([&, c] {
        auto conn = db::PgConnection::connect(d->conninfo);
        if (!conn) return void(++failed);
        std::mt19937 random(static_cast<unsigned>(c) + 1u);
        for (int s = 0; s < saves_each;) {
          const std::string id = d->projects[random() % d->projects.size()];
          auto read = db::read_records(*conn, db::RecordKind::Project, {id});
          if (!read || read->empty()) return void(++failed);
          db::OrderedJson after = read->front().json;
          after["notes"] = "curator " + std::to_string(c) + " edit " + std::to_string(s);
          db::SaveRequest request;
          request.request_id = db::new_request_id();
          request.label = "bench edit";
          request.changes.emplace_back();
          request.changes.back().key = {db::RecordKind::Project, id};
          request.changes.back().base_version = read->front().version;
          request.changes.back().after = std::move(after);
          auto result = db::save_changes(*conn, request);
          if (!result) return void(++failed);
          if (!result->conflicts.empty()) {
            ++conflicts;
            continue;
          }
          ++saved;
          ++s;
        }
      });
    for (std::thread& t : curators) t.join();
    seconds += seconds_since(start);
  }
  if (failed > 0) return state.SkipWithError("a curator's read or save failed");
  state.counters["saves_per_s"] = static_cast<double>(saved) / seconds;
  state.counters["conflicts_per_save"] = static_cast<double>(conflicts) / static_cast<double>(saved);
}

void sizes(benchmark::internal::Benchmark* b) {
  for (int n : bench::bench_sizes()) b->Arg(n);
}

}  // namespace

BENCHMARK(BM_OpenJsonFile)
    ->Apply(sizes)
    ->ArgName("projects")
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK(BM_OpenDatabase)
    ->Apply(sizes)
    ->ArgName("projects")
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK(BM_PgDump)
    ->Apply(sizes)
    ->ArgName("projects")
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK(BM_SelectOne)->Arg(1000)->ArgName("projects")->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReadOneRecord)->Apply(sizes)->ArgName("projects")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SaveOneRecord)->Apply(sizes)->ArgName("projects")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TenCurators)
    ->Apply([](benchmark::internal::Benchmark* b) {
      // 10 saves each on the smallest dataset keeps bench/run --smoke to seconds.
      for (int n : bench::bench_sizes()) b->Args({n, n < 10000 ? 10 : 50});
    })
    ->ArgNames({"projects", "saves_each"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

BENCHMARK_MAIN();
