// Shared fixtures of the database tests (db_fixtures.h).
#include "db_fixtures.h"

#include <unistd.h>
#include <catch2/catch_test_macros.hpp>

#include <filesystem>

#include "cli_support.h"
#include "db/dataset_tables.h"
#include "db/pg_dataset_store.h"
#include "pg_server.h"
#include "store/json_file_store.h"
#include "synthetic_dataset.h"
#include "test_support.h"

namespace indtrack::test {

std::string initialised_database() {
  const std::string conninfo = PgTestServer::get().new_database();
  const auto r = run_indtrack({"db", "init", "--db", conninfo});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  return conninfo;
}

std::string bundled_database() {
  const std::string conninfo = initialised_database();
  const auto r = run_indtrack({"db", "import", kBundled, "--db", conninfo});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  return conninfo;
}

std::string synthetic_database(int projects) {
  const std::string conninfo = initialised_database();
  bench::SyntheticOptions options;
  options.projects = projects;
  const std::string json = fresh_dir("synthetic-" + std::to_string(projects)) + "/synthetic.json";
  REQUIRE(bench::write_synthetic_dataset(bench::make_synthetic_dataset(options), json).empty());
  JsonFileStore file(json);
  auto store = db::PgDatasetStore::open(conninfo);
  if (!store) FAIL(store.error().message);
  auto copied = copy_dataset(file, **store, {"import synthetic", false});
  if (!copied) FAIL(copied.error().message);
  return conninfo;
}

std::string fresh_dir(const std::string& name) {
  namespace fs = std::filesystem;
  const std::string dir = tmp_path("db-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

db::PgConnection connect(const std::string& conninfo) {
  auto conn = db::PgConnection::connect(conninfo);
  if (!conn) FAIL(conn.error().message);
  return std::move(*conn);
}

void require_data_matches_history(db::PgConnection& conn) {
  auto empty = conn.exec(
      "SELECT c.id FROM indtrack.changes c WHERE NOT c.whole_dataset AND NOT EXISTS "
      "(SELECT 1 FROM indtrack.change_records r WHERE r.change_id = c.id)");
  REQUIRE(empty.ok());
  CHECK(empty->rows() == 0);
  auto newest = conn.exec(
      "SELECT DISTINCT ON (kind, record_id) kind, record_id, change_id, after::text "
      "FROM indtrack.change_records ORDER BY kind, record_id, change_id DESC");
  REQUIRE(newest.ok());
  for (int r = 0; r < newest->rows(); ++r) {
    const auto kind = db::kind_from_name(newest->get(r, 0));
    REQUIRE(kind);
    const std::string id(newest->get(r, 1));
    INFO(db::describe({*kind, id}) << " after change #" << newest->integer(r, 2));
    auto now = db::read_records(conn, *kind, {id});
    REQUIRE(now.ok());
    if (newest->null(r, 3)) {
      CHECK(now->empty());
      continue;
    }
    REQUIRE(now->size() == 1);
    CHECK(now->front().version == newest->integer(r, 2));
    // Compared as plain JSON: the order of members is the canonical writer's business.
    CHECK(nlohmann::json::parse(now->front().json.dump()) == nlohmann::json::parse(newest->get(r, 3)));
  }
}

}  // namespace indtrack::test
