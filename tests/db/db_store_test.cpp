// The dataset on a PostgreSQL server, against a real throw-away server (pg_server.h): the schema
// and its version, the import/export round trip (byte-identical to `indtrack format`), the read
// verbs with --db, the validator's rules as constraints, and clear errors for bad connections.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <filesystem>
#include <set>
#include <string>

#include "cli_support.h"
#include "db/pg.h"
#include "db/pg_dataset_store.h"
#include "db/pg_store.h"
#include "db/schema.h"
#include "db_fixtures.h"
#include "io/dataset_io.h"
#include "pg_server.h"
#include "store/json_file_store.h"
#include "synthetic_dataset.h"
#include "test_support.h"

using namespace indtrack;
using Catch::Matchers::ContainsSubstring;
using indtrack::test::bundled_database;
using indtrack::test::connect;
using indtrack::test::fresh_dir;
using indtrack::test::initialised_database;
using indtrack::test::kBundled;
using indtrack::test::PgTestServer;
using indtrack::test::read_file;
using indtrack::test::run_indtrack;

namespace fs = std::filesystem;

namespace {

// The dataset folder (JSON and article texts) copied into a fresh folder; the JSON's new path.
std::string copy_of_bundled(const std::string& name) {
  const std::string dir = fresh_dir(name);
  fs::copy(fs::path(kBundled).parent_path(), dir, fs::copy_options::recursive);
  return dir + "/wuhai.json";
}

// The members of every `extra` JSON column (the dataset's, a place reference's): what the store
// kept because no column of its own holds it, as "table.column: member".
std::set<std::string> members_kept_in_extra(db::PgConnection& conn) {
  auto columns = conn.exec(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'indtrack' "
      "AND (column_name = 'extra' OR column_name LIKE '%\\_extra') ORDER BY 1, 2");
  if (!columns) FAIL(columns.error().message);
  std::set<std::string> kept;
  for (int i = 0; i < columns->rows(); ++i) {
    const std::string table(columns->get(i, 0)), column(columns->get(i, 1));
    auto keys = conn.exec("SELECT DISTINCT jsonb_object_keys(" + column + "::jsonb) FROM indtrack." + table +
                          " WHERE " + column + " IS NOT NULL");
    if (!keys) FAIL(keys.error().message);
    for (int k = 0; k < keys->rows(); ++k)
      kept.insert(table + "." + column + ": " + std::string(keys->get(k, 0)));
  }
  return kept;
}

// Every article file `data` names, beside `json`, byte for byte.
void require_same_article_files(const std::string& original_json, const std::string& exported_json) {
  const LoadResult loaded = load_dataset(original_json);
  REQUIRE(loaded.ok());
  int compared = 0;
  for (const Source& s : loaded.dataset->sources) {
    if (s.kind != Source::Kind::Article || s.file.empty()) continue;
    const std::string a = read_file((fs::path(original_json).parent_path() / s.file).string());
    const std::string b = read_file((fs::path(exported_json).parent_path() / s.file).string());
    INFO(s.file);
    REQUIRE(!a.empty());
    REQUIRE(a == b);
    ++compared;
  }
  CHECK(compared > 0);
}

}  // namespace

TEST_CASE("db init records the schema version; migrate then has nothing to do", "[db]") {
  const std::string conninfo = PgTestServer::get().new_database();
  auto status = run_indtrack({"db", "status", "--db", conninfo});
  CHECK(status.exit_code == 0);
  CHECK_THAT(status.out, ContainsSubstring("not initialised: indtrack db init"));

  auto init = run_indtrack({"db", "init", "--db", conninfo});
  INFO(init.err);
  REQUIRE(init.exit_code == 0);
  CHECK_THAT(init.out, ContainsSubstring("schema version " + std::to_string(db::program_schema_version())));

  db::PgConnection conn = connect(conninfo);
  auto version = db::schema_version(conn);
  REQUIRE(version.ok());
  CHECK(*version == db::program_schema_version());

  auto migrate = run_indtrack({"db", "migrate", "--db", conninfo});
  CHECK(migrate.exit_code == 0);
  CHECK_THAT(migrate.out, ContainsSubstring("at schema version " +
                                            std::to_string(db::program_schema_version()) + " already"));

  auto again = run_indtrack({"db", "init", "--db", conninfo});
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.err, ContainsSubstring("indtrack db:"));
}

TEST_CASE("db export of an import of the bundled dataset is byte-identical to indtrack format", "[db]") {
  const std::string conninfo = initialised_database();
  const std::string formatted = copy_of_bundled("formatted");
  const auto format = run_indtrack({"format", formatted});
  INFO(format.err);
  REQUIRE(format.exit_code == 0);

  const auto imported = run_indtrack({"db", "import", kBundled, "--db", conninfo});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK_THAT(imported.out, ContainsSubstring("imported"));

  const std::string exported = fresh_dir("exported") + "/wuhai.json";
  const auto exp = run_indtrack({"db", "export", exported, "--db", conninfo});
  INFO(exp.err);
  REQUIRE(exp.exit_code == 0);
  const std::string bytes = read_file(exported);
  REQUIRE(bytes.size() > 10000);
  CHECK(bytes == read_file(formatted));
  require_same_article_files(kBundled, exported);

  // The export is a dataset the file loader accepts with the same facts.
  const LoadResult again = load_dataset(exported);
  REQUIRE(again.ok());
  CHECK(serialize_dataset(*again.dataset) == bytes);

  // Every field of the bundled file sits in a column of its own: nothing was left to `extra`.
  {
    db::PgConnection conn = connect(conninfo);
    CHECK(members_kept_in_extra(conn).empty());
  }

  // Importing over it is refused unless asked for; then it replaces.
  const auto twice = run_indtrack({"db", "import", kBundled, "--db", conninfo});
  CHECK(twice.exit_code == 1);
  CHECK_THAT(twice.err, ContainsSubstring("--replace"));
  const auto replaced = run_indtrack({"db", "import", exported, "--replace", "--db", conninfo});
  INFO(replaced.err);
  CHECK(replaced.exit_code == 0);
}

TEST_CASE("Every field of the format has its column and round-trips byte for byte, hostile text too",
          "[db]") {
  // tests/data/db/every-field.json uses every member the format has (docs/data-format.md), with
  // text that breaks naive SQL, COPY or JSON, and unknown members ("x_...") on every kind of object.
  const std::string dir = fresh_dir("every-field");
  fs::copy(std::string(INDTRACK_TEST_DATA) + "/db", dir, fs::copy_options::recursive);
  const std::string original = dir + "/every-field.json";
  const std::string formatted = fresh_dir("every-field-formatted") + "/every-field.json";
  fs::copy(dir, fs::path(formatted).parent_path(),
           fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  const auto format = run_indtrack({"format", formatted});
  INFO(format.out << format.err);
  REQUIRE(format.exit_code == 0);

  const std::string conninfo = initialised_database();
  const auto imported = run_indtrack({"db", "import", original, "--db", conninfo});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  const std::string exported = fresh_dir("every-field-exported") + "/every-field.json";
  const auto exp = run_indtrack({"db", "export", exported, "--db", conninfo});
  INFO(exp.err);
  REQUIRE(exp.exit_code == 0);
  CHECK(read_file(exported) == read_file(formatted));
  require_same_article_files(original, exported);

  db::PgConnection conn = connect(conninfo);
  // Only the unknown members are kept as JSON; every known one has a column.
  const std::set<std::string> expected_extra = {"aggregates.extra: x_aggregate",
                                                "capacities.extra: x_capacity",
                                                "companies.extra: x_company",
                                                "company_statements.extra: x_statement",
                                                "dataset.extra: x_top_level",
                                                "districts.extra: x_district",
                                                "industries.extra: x_industry",
                                                "investments.extra: x_investment",
                                                "milestones.extra: x_milestone",
                                                "milestones.extra: x_scoped",
                                                "parks.district_extra: x_place_field",
                                                "parks.extra: x_park",
                                                "products.extra: x_product",
                                                "project_statements.extra: x_ev",
                                                "projects.district_extra: x_district_ref",
                                                "projects.extra: x_project",
                                                "projects.park_extra: x_park_ref",
                                                "sources.extra: x_source_field",
                                                "status_reports.extra: x_status",
                                                "totals.extra: x_total",
                                                "units.extra: x_unit"};
  CHECK(members_kept_in_extra(conn) == expected_extra);

  // The new facts are rows and columns an analyst's SQL can use.
  auto value = [&](const std::string& sql) {
    auto r = conn.exec(sql);
    if (!r) FAIL(r.error().message);
    REQUIRE(r->rows() == 1);
    return std::string(r->get(0, 0));
  };
  CHECK(
      value("SELECT product_id || ' ' || canonical_value || ' ' || bound || ' ' || expected || ' ' || phase "
            "FROM indtrack.totals") == "BDO 50000 at_least true 一期");
  CHECK(value("SELECT count(*) FROM indtrack.units WHERE product_id IS NULL") == "1");
  CHECK(value("SELECT scope_product_id FROM indtrack.milestones WHERE project_id = 'example-bdo' "
              "AND unit_id IS NULL AND ord = 0") == "BDO");
  CHECK(value("SELECT scope_phase FROM indtrack.status_reports WHERE unit_id IS NULL AND ord = 0") == "二期");
  CHECK(value("SELECT bound FROM indtrack.investments WHERE ord = 2") == "more_than");
  CHECK(value("SELECT count(*) FROM indtrack.sources WHERE via LIKE '转载站 O''Brien%'") == "1");

  // A line's own milestone has no scope (the loader's rule, as a constraint).
  auto wrong = conn.exec("UPDATE indtrack.milestones SET scope_phase = '一期' WHERE unit_id IS NOT NULL");
  CHECK_FALSE(wrong.ok());
}

TEST_CASE("db migrate upgrades a version-1 database; fields it kept in extra move to their columns", "[db]") {
  const std::string conninfo = PgTestServer::get().new_database();
  {
    db::PgConnection conn = connect(conninfo);
    auto init = db::init_database(conn, 1);
    if (!init) FAIL(init.error().message);
    REQUIRE(init->version == 1);
    // What a version-1 indtrack wrote for a file of today's format: the members it did not know
    // (English notes, a scope, a bound, stated totals) in the rows' `extra`.
    auto rows = conn.exec_script(R"sql(
      INSERT INTO indtrack.dataset (format_version, name, extra, version)
        VALUES (1, '迁移测试', '{"description_en": "Migration test"}', 1);
      INSERT INTO indtrack.sources (id, position, kind, publisher, title, date, url, extra, version)
        VALUES ('ref-1', 0, 'reference', '乌海日报', '报道', '2024-05-01', 'https://example.com/1',
                '{"via": "内蒙古社区报", "notes_en": "a repost"}', 1);
      INSERT INTO indtrack.districts (id, position, name, version) VALUES ('east', 0, '东区', 1);
      INSERT INTO indtrack.products (id, position, name, short_name, version)
        VALUES ('BDO', 0, '1,4-丁二醇', 'BDO', 1);
      INSERT INTO indtrack.projects (id, position, name, extra, version)
        VALUES ('p1', 0, 'BDO项目', '{"notes_en": "English notes", "x_kept": 1, "totals": [{"product": "BDO",
                "value": 31.2, "unit": "万吨/年", "bound": "more_than", "source": "ref-1",
                "quote": "BDO产能达到31.2万吨/年", "note_en": "total"}]}', 1);
      INSERT INTO indtrack.investments (project_id, ord, scope, value, unit, dimension, to_canonical,
                                        source_id, quote, extra)
        VALUES ('p1', 0, 'total', 60, '亿元', 'money', 100000000, 'ref-1', '总投资60多亿元',
                '{"bound": "more_than"}');
      INSERT INTO indtrack.units (id, project_id, ord, name, product_id) VALUES ('u1', 'p1', 0, '一期', 'BDO');
      INSERT INTO indtrack.milestones (project_id, unit_id, ord, kind, date, source_id, quote, extra)
        VALUES ('p1', NULL, 0, 'construction_start', '2024-03', 'ref-1', '2024年3月开工',
                '{"product": "BDO", "note_en": "started"}');
    )sql");
    if (!rows) FAIL(rows.error().message);
  }
  const auto migrate = run_indtrack({"db", "migrate", "--db", conninfo});
  INFO(migrate.out << migrate.err);
  REQUIRE(migrate.exit_code == 0);
  CHECK_THAT(migrate.out, ContainsSubstring("2: "));

  db::PgConnection conn = connect(conninfo);
  auto version = db::schema_version(conn);
  REQUIRE(version.ok());
  CHECK(*version == db::program_schema_version());
  CHECK(members_kept_in_extra(conn) == std::set<std::string>{"projects.extra: x_kept"});
  auto total = conn.exec("SELECT product_id, canonical_value, bound, note_en FROM indtrack.totals");
  REQUIRE(total.ok());
  REQUIRE(total->rows() == 1);
  CHECK(total->get(0, 0) == "BDO");
  CHECK(total->get(0, 1) == "312000");
  CHECK(total->get(0, 2) == "more_than");
  CHECK(total->get(0, 3) == "total");

  // The export reads every moved field back as the format has it.
  const std::string exported = fresh_dir("migrated") + "/migrated.json";
  const auto exp = run_indtrack({"db", "export", exported, "--db", conninfo});
  INFO(exp.err);
  REQUIRE(exp.exit_code == 0);
  const LoadResult back = load_dataset(exported);
  for (const Problem& p : back.problems) UNSCOPED_INFO(p.format());
  REQUIRE(back.ok());
  const Dataset& d = *back.dataset;
  CHECK(d.description_en == "Migration test");
  CHECK(d.sources[0].via == "内蒙古社区报");
  const Project& p = d.projects[0];
  CHECK(p.notes_en == "English notes");
  REQUIRE(p.totals.size() == 1);
  CHECK(p.totals[0].amount.bound == AggregateBound::MoreThan);
  CHECK(p.investments[0].amount.bound == AggregateBound::MoreThan);
  REQUIRE(p.milestones.size() == 1);
  CHECK(p.milestones[0].scope.product == d.find_product("BDO"));
  CHECK(p.milestones[0].evidence.note_en == "started");
}

TEST_CASE("Generated data and hostile text round-trip through the database unchanged", "[db]") {
  const std::string conninfo = initialised_database();
  bench::SyntheticOptions options;
  options.projects = 400;
  options.seed = 7;
  Dataset data = bench::make_synthetic_dataset(options);
  // Text that breaks naive SQL or COPY: quotes, backslashes, tabs, line breaks, "\N", emoji.
  data.projects[0].name = "O'Brien \"化工\" \\N\t项目\n二期 '); DROP TABLE indtrack.projects; -- 🧪";
  data.projects[1].notes = "C:\\data\\new\r\n第二行\\.";
  const std::string json = fresh_dir("synthetic") + "/synthetic.json";
  REQUIRE(bench::write_synthetic_dataset(data, json).empty());
  const LoadResult original = load_dataset(json);
  for (const Problem& p : original.problems) UNSCOPED_INFO(p.format());
  REQUIRE(original.ok());

  JsonFileStore file(json);
  auto pg = db::PgDatasetStore::open(conninfo);
  REQUIRE(pg.ok());
  auto copied = copy_dataset(file, **pg, {"import synthetic", false});
  if (!copied) FAIL(copied.error().message);
  CHECK(copied->projects == 400);

  const std::string out = fresh_dir("synthetic-out") + "/synthetic.json";
  JsonFileStore target(out);
  auto reader = db::PgDatasetStore::open(conninfo);
  REQUIRE(reader.ok());
  auto back = copy_dataset(**reader, target, {});
  if (!back) FAIL(back.error().message);
  CHECK(read_file(out) == serialize_dataset(*original.dataset));
  require_same_article_files(json, out);

  // The hostile name reads back from the table as it was written.
  db::PgConnection conn = connect(conninfo);
  auto name = conn.exec("SELECT name FROM indtrack.projects WHERE id = $1", {data.projects[0].id});
  REQUIRE(name.ok());
  REQUIRE(name->rows() == 1);
  CHECK(name->get(0, 0) == data.projects[0].name);
}

TEST_CASE("The read verbs take --db and print what they print for the file", "[db]") {
  const std::string conninfo = bundled_database();

  for (const std::vector<std::string>& flags :
       {std::vector<std::string>{"--product", "BDO", "--as-of", "2024-06-30"},
        std::vector<std::string>{"--format", "csv", "--lang", "en"},
        std::vector<std::string>{"--format", "json", "--district", "海南区"}}) {
    std::vector<std::string> from_file = {"list", "--data", kBundled};
    std::vector<std::string> from_db = {"list", "--db", conninfo};
    from_file.insert(from_file.end(), flags.begin(), flags.end());
    from_db.insert(from_db.end(), flags.begin(), flags.end());
    const auto a = run_indtrack(from_file);
    const auto b = run_indtrack(from_db);
    INFO(b.err);
    REQUIRE(a.exit_code == 0);
    CHECK(b.exit_code == 0);
    CHECK(a.out.size() > 200);
    CHECK(b.out == a.out);
  }

  const auto valid = run_indtrack({"validate", "--db", conninfo});
  INFO(valid.out << valid.err);
  CHECK(valid.exit_code == 0);
  CHECK_THAT(valid.err, ContainsSubstring("valid — "));

  const std::string dir = fresh_dir("csv");
  const auto csv_file =
      run_indtrack({"export", "--chart", "capacity", "--out", dir + "/file.csv", "--data", kBundled});
  const auto csv_db =
      run_indtrack({"export", "--chart", "capacity", "--out", dir + "/db.csv", "--db", conninfo});
  INFO(csv_db.err);
  REQUIRE(csv_file.exit_code == 0);
  REQUIRE(csv_db.exit_code == 0);
  CHECK(read_file(dir + "/db.csv") == read_file(dir + "/file.csv"));

  const auto report = run_indtrack({"report", "--out", dir + "/report", "--no-png", "--db", conninfo});
  INFO(report.err);
  CHECK(report.exit_code == 0);
  CHECK(fs::exists(dir + "/report/projects.csv"));

  const auto both = run_indtrack({"list", "--data", kBundled, "--db", conninfo});
  CHECK(both.exit_code == 2);
  CHECK_THAT(both.err, ContainsSubstring("not both"));
}

TEST_CASE("A bad connection or schema is a clear error naming what is wrong", "[db]") {
  PgTestServer& server = PgTestServer::get();

  SECTION("no server at that address") {
    const std::string dir = fresh_dir("no-server");
    const auto r =
        run_indtrack({"list", "--db", "host=" + dir + " port=5432 dbname=wuhai connect_timeout=5"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, ContainsSubstring("indtrack list: cannot connect to the database server"));
    CHECK_THAT(r.err, ContainsSubstring(dir));
  }
  SECTION("a connection string libpq cannot read") {
    const auto r = run_indtrack({"list", "--db", "host='unterminated"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, ContainsSubstring("cannot read the connection string"));
  }
  SECTION("a password in the connection string is refused, never used") {
    const auto r = run_indtrack({"db", "status", "--db", server.conninfo("postgres") + " password=secret"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, ContainsSubstring("~/.pgpass"));
    CHECK_THAT(r.err, !ContainsSubstring("secret"));
    const auto env = run_indtrack({"list", "--db", server.conninfo("postgres")}, "PGPASSWORD=secret");
    CHECK(env.exit_code == 1);
    CHECK_THAT(env.err, ContainsSubstring("PGPASSWORD is set"));
  }
  SECTION("a database that does not exist") {
    const auto r = run_indtrack({"list", "--db", server.conninfo("no_such_db")});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, ContainsSubstring("no_such_db"));
    CHECK_THAT(r.err, ContainsSubstring("does not exist"));
  }
  SECTION("a database never initialised") {
    const auto r = run_indtrack({"list", "--db", server.new_database()});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, ContainsSubstring("holds no indtrack dataset yet"));
    CHECK_THAT(r.err, ContainsSubstring("indtrack db init"));
  }
  SECTION("initialised but empty") {
    const auto r = run_indtrack({"list", "--db", initialised_database()});
    CHECK(r.exit_code == 1);
    INFO(r.err);
    CHECK_THAT(r.err, ContainsSubstring("db import"));
  }
  SECTION("a schema newer than this program") {
    const std::string conninfo = initialised_database();
    db::PgConnection conn = connect(conninfo);
    REQUIRE(conn.exec("INSERT INTO indtrack.schema_migrations (version, description) VALUES (99, 'future')")
                .ok());
    const auto r = run_indtrack({"list", "--db", conninfo});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, ContainsSubstring("schema is at version 99, newer than this indtrack knows (" +
                                        std::to_string(db::program_schema_version()) + ")"));
    const auto m = run_indtrack({"db", "migrate", "--db", conninfo});
    CHECK(m.exit_code == 1);
  }
  SECTION("an invalid file is not imported, and the database stays empty") {
    const std::string conninfo = initialised_database();
    const auto r = run_indtrack({"db", "import",
                                 std::string(INDTRACK_TEST_DATA) + "/bad/19-negative-and-absurd-amounts.json",
                                 "--db", conninfo});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, ContainsSubstring("19-negative-and-absurd-amounts.json:"));
    CHECK_THAT(r.err, ContainsSubstring("has errors; nothing written"));
    db::PgConnection conn = connect(conninfo);
    auto n = conn.exec("SELECT count(*) FROM indtrack.projects");
    REQUIRE(n.ok());
    CHECK(n->integer(0, 0) == 0);
  }
}

TEST_CASE("The validator's rules hold in the database for SQL written by hand", "[db]") {
  const std::string conninfo = bundled_database();
  db::PgConnection conn = connect(conninfo);
  auto project = conn.exec("SELECT id FROM indtrack.projects ORDER BY position LIMIT 1");
  REQUIRE(project.ok());
  const std::string id(project->get(0, 0));
  auto refused = [&](const std::string& sql, std::initializer_list<db::Param> params) {
    auto r = conn.exec(sql, params);
    REQUIRE_FALSE(r.ok());
    return r.error();
  };
  // A milestone on a day that does not exist.
  auto e = refused(
      "INSERT INTO indtrack.milestones (project_id, ord, kind, date, source_id, quote) "
      "SELECT $1, 999, 'construction_start', '2024-02-30', id, 'x' FROM indtrack.sources LIMIT 1",
      {id});
  CHECK(e.kind == Error::Kind::Invalid);
  CHECK_THAT(e.message, ContainsSubstring("partial_date"));
  // A fact with a source but no quote.
  e = refused(
      "INSERT INTO indtrack.status_reports (project_id, ord, status, source_id) "
      "SELECT $1, 999, 'construction', id FROM indtrack.sources LIMIT 1",
      {id});
  CHECK(e.kind == Error::Kind::Invalid);
  // A negative investment.
  e = refused(
      "INSERT INTO indtrack.investments (project_id, ord, scope, value, unit, dimension, to_canonical, "
      "source_id, quote) SELECT $1, 999, 'total', -5, unit, dimension, to_canonical, "
      "(SELECT id FROM indtrack.sources LIMIT 1), 'x' FROM indtrack.measure_units WHERE dimension = 'money' "
      "LIMIT 1",
      {id});
  CHECK(e.kind == Error::Kind::Invalid);
  // A project of a company that does not exist.
  e = refused("UPDATE indtrack.projects SET company_id = 'no-such-company' WHERE id = $1", {id});
  CHECK(e.kind == Error::Kind::Invalid);
  // An unknown status word.
  e = refused(
      "INSERT INTO indtrack.status_reports (project_id, ord, status, source_id, quote) "
      "SELECT $1, 999, 'finished-ish', id, 'x' FROM indtrack.sources LIMIT 1",
      {id});
  CHECK(e.kind == Error::Kind::Invalid);
}

TEST_CASE("A second curator's save on a stale version is refused and told who changed what", "[db]") {
  PgTestServer& server = PgTestServer::get();
  const std::string admin = bundled_database();
  REQUIRE(run_indtrack({"db", "member", "alice", "curator", "--db", admin}).exit_code == 0);
  REQUIRE(run_indtrack({"db", "member", "bob", "curator", "--db", admin}).exit_code == 0);
  REQUIRE(run_indtrack({"db", "member", "carol", "reader", "--db", admin}).exit_code == 0);
  const std::string dbname = admin.substr(admin.rfind("dbname=") + 7);
  auto as = [&](const std::string& user) { return connect(server.conninfo(dbname) + " user=" + user); };
  db::PgConnection alice = as("alice"), bob = as("bob"), carol = as("carol");

  // Both open the same project at the same version.
  auto first = db::read_records(alice, db::RecordKind::Project, {"huaheng-ptmeg-pbat"});
  REQUIRE(first.ok());
  REQUIRE(first->size() == 1);
  const db::StoredRecord read = first->front();
  const db::RecordKey key{db::RecordKind::Project, read.id};

  db::SaveRequest a;
  a.request_id = db::new_request_id();
  a.label = "Edit name";
  db::OrderedJson alices = read.json;
  alices["name"] = "华恒 PTMEG/PBAT 项目（alice）";
  a.changes.push_back({key, read.version, alices});
  auto saved = db::save_changes(alice, a);
  if (!saved) FAIL(saved.error().message);
  REQUIRE(saved->conflicts.empty());
  REQUIRE(saved->change_id > read.version);

  db::SaveRequest b;
  b.request_id = db::new_request_id();
  b.label = "Edit notes";
  db::OrderedJson bobs = read.json;
  bobs["notes"] = "bob's note";
  b.changes.push_back({key, read.version, bobs});
  auto refused = db::save_changes(bob, b);
  if (!refused) FAIL(refused.error().message);
  CHECK(refused->change_id == 0);
  REQUIRE(refused->conflicts.size() == 1);
  const db::Conflict& c = refused->conflicts.front();
  CHECK(c.author == "alice");
  CHECK(c.label == "Edit name");
  CHECK(c.current_version == saved->change_id);
  REQUIRE(c.theirs.has_value());
  CHECK((*c.theirs)["name"] == "华恒 PTMEG/PBAT 项目（alice）");
  CHECK_THAT(c.reason, ContainsSubstring("changed by someone else meanwhile (alice"));

  // Nothing of bob's is in the data; alice's edit is, with her name and the server's time.
  auto now = db::read_records(bob, db::RecordKind::Project, {read.id});
  REQUIRE(now.ok());
  CHECK(now->front().json["name"] == "华恒 PTMEG/PBAT 项目（alice）");
  CHECK(now->front().json.value("notes", "") != "bob's note");
  auto history = db::history(bob, key, 5);
  REQUIRE(history.ok());
  REQUIRE(!history->empty());
  CHECK(history->front().author == "alice");
  CHECK(history->front().label == "Edit name");
  CHECK(!history->front().at.empty());

  // Bob saves again on what he now sees: accepted. A reader may not save at all.
  b.request_id = db::new_request_id();
  b.changes.front().base_version = now->front().version;
  bobs = now->front().json;
  bobs["notes"] = "bob's note";
  b.changes.front().after = bobs;
  auto retried = db::save_changes(bob, b);
  REQUIRE(retried.ok());
  CHECK(retried->conflicts.empty());
  db::SaveRequest r;
  r.request_id = db::new_request_id();
  r.label = "reader tries";
  r.changes.push_back({key, retried->change_id, bobs});
  auto by_reader = db::save_changes(carol, r);
  REQUIRE_FALSE(by_reader.ok());
  CHECK(by_reader.error().kind == Error::Kind::Permission);
}
