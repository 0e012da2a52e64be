// The loader's rules that span rows, held by the database itself (migration 3, docs/database.md
// "The validator's rules in the database"): hand-written SQL that breaks one is refused at COMMIT
// with a message naming the record and the rule, a save and an import through indtrack say the
// same, what the loader accepts is still accepted, and a migrate from version 2 keeps the data.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <string>
#include <vector>

#include "cli_support.h"
#include "db/dataset_tables.h"
#include "db/pg.h"
#include "db/pg_dataset_store.h"
#include "db/pg_store.h"
#include "db/schema.h"
#include "db_fixtures.h"
#include "io/dataset_io.h"
#include "pg_server.h"
#include "store/json_file_store.h"
#include "test_support.h"

using namespace indtrack;
using Catch::Matchers::ContainsSubstring;
using indtrack::test::bundled_database;
using indtrack::test::connect;
using indtrack::test::fresh_dir;
using indtrack::test::kBundled;
using indtrack::test::PgTestServer;
using indtrack::test::read_file;
using indtrack::test::run_indtrack;

namespace {

// Runs `statements` in one transaction: each must be accepted (the rules wait for COMMIT);
// returns the COMMIT's outcome.
Result<Done> transaction(db::PgConnection& conn, const std::vector<std::string>& statements) {
  if (auto b = conn.exec("BEGIN"); !b) FAIL(b.error().message);
  for (const std::string& sql : statements) {
    INFO(sql);
    auto r = conn.exec(sql);
    if (!r) FAIL(r.error().message);
  }
  auto c = conn.exec("COMMIT");
  if (!c) return c.error();
  return done();
}

Error refused_at_commit(db::PgConnection& conn, const std::vector<std::string>& statements) {
  Result<Done> r = transaction(conn, statements);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == Error::Kind::Invalid);
  CHECK_THAT(r.error().message, ContainsSubstring("checked when the transaction commits"));
  CHECK_THAT(r.error().message, ContainsSubstring("nothing was saved"));
  return r.error();
}

std::string one(db::PgConnection& conn, const std::string& sql) {
  auto r = conn.exec(sql);
  if (!r) FAIL(r.error().message);
  REQUIRE(r->rows() >= 1);
  return std::string(r->get(0, 0));
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }  // ids: [A-Za-z0-9_.-] only

// The bundled dataset as `db import` sends it: its canonical document and article texts.
struct Bundled {
  Dataset data;
  db::OrderedJson document;
  ArticleTexts texts;
};
Bundled bundled() {
  JsonFileStore file(kBundled);
  auto loaded = file.load();
  REQUIRE(loaded.ok());
  REQUIRE(loaded->ok());
  Bundled b{std::move(*loaded->dataset), {}, {}};
  b.document = db::document_of(b.data);
  auto texts = file.article_texts(b.data);
  REQUIRE(texts.ok());
  b.texts = std::move(*texts);
  return b;
}

// The first milestone of a project citing an article: project id, ord, source id.
struct CitedMilestone {
  std::string project, ord, source;
};
CitedMilestone cited_milestone(db::PgConnection& conn) {
  auto r = conn.exec(
      "SELECT m.project_id, m.ord, m.source_id FROM indtrack.milestones m JOIN indtrack.sources s "
      "ON s.id = m.source_id AND s.kind = 'article' WHERE m.unit_id IS NULL ORDER BY 1, 2 LIMIT 1");
  if (!r) FAIL(r.error().message);
  REQUIRE(r->rows() == 1);
  return {std::string(r->get(0, 0)), std::string(r->get(0, 1)), std::string(r->get(0, 2))};
}

}  // namespace

TEST_CASE("A facility (a line without a product) with a capacity is refused at commit", "[db][rules]") {
  db::PgConnection conn = connect(bundled_database());
  const std::string unit = one(conn, "SELECT unit_id FROM indtrack.capacities ORDER BY 1 LIMIT 1");
  const std::string project = one(conn, "SELECT project_id FROM indtrack.units WHERE id = " + quoted(unit));

  const Error e =
      refused_at_commit(conn, {"UPDATE indtrack.units SET product_id = NULL WHERE id = " + quoted(unit)});
  CHECK_THAT(e.message, ContainsSubstring("line \"" + unit + "\" of project \"" + project + "\""));
  CHECK_THAT(e.message, ContainsSubstring("indtrack.units"));
  CHECK_THAT(e.message, ContainsSubstring("a unit without one is a facility, which has no capacity"));
  CHECK(one(conn, "SELECT product_id IS NOT NULL FROM indtrack.units WHERE id = " + quoted(unit)) == "t");

  // A capacity added to a facility is refused as well.
  const std::string facility = "rules-test-facility";
  const Error added = refused_at_commit(
      conn,
      {"INSERT INTO indtrack.units (id, project_id, ord, name) VALUES (" + quoted(facility) + ", " +
           quoted(project) + ", 900, '自备电厂')",
       "INSERT INTO indtrack.capacities (unit_id, ord, value, unit, dimension, to_canonical, source_id, "
       "quote, basis) SELECT " +
           quoted(facility) +
           ", 0, value, unit, dimension, to_canonical, source_id, quote, basis "
           "FROM indtrack.capacities WHERE unit_id = " +
           quoted(unit) + " AND ord = 0"});
  CHECK_THAT(added.message, ContainsSubstring("line \"" + facility + "\""));

  // Checked at COMMIT, not per statement: the product removed and the capacity with it is fine.
  Result<Done> both =
      transaction(conn, {"UPDATE indtrack.units SET product_id = NULL WHERE id = " + quoted(unit),
                         "DELETE FROM indtrack.capacities WHERE unit_id = " + quoted(unit)});
  INFO((both ? "" : both.error().message));
  CHECK(both.ok());
}

TEST_CASE("A cycle of parent companies is refused at commit, however many statements make it",
          "[db][rules]") {
  db::PgConnection conn = connect(bundled_database());
  auto r = conn.exec(
      "SELECT id, parent_id FROM indtrack.companies WHERE parent_id IS NOT NULL ORDER BY 1 LIMIT 1");
  REQUIRE(r.ok());
  REQUIRE(r->rows() == 1);
  const std::string child(r->get(0, 0)), parent(r->get(0, 1));

  Error e = refused_at_commit(
      conn, {"UPDATE indtrack.companies SET parent_id = " + quoted(child) + " WHERE id = " + quoted(parent)});
  CHECK_THAT(e.message, ContainsSubstring("(table indtrack.companies): parent companies form a cycle"));
  CHECK_THAT(e.message, ContainsSubstring(child));
  CHECK_THAT(e.message, ContainsSubstring(parent));
  CHECK(one(conn, "SELECT coalesce(parent_id, '-') FROM indtrack.companies WHERE id = " + quoted(parent)) !=
        child);

  // Three companies, three statements: the cycle exists only once all three are written.
  auto three = conn.exec("SELECT id FROM indtrack.companies WHERE parent_id IS NULL ORDER BY 1 LIMIT 3");
  REQUIRE(three.ok());
  REQUIRE(three->rows() == 3);
  const std::string a(three->get(0, 0)), b(three->get(1, 0)), c(three->get(2, 0));
  auto set_parent = [](const std::string& of, const std::string& to) {
    return "UPDATE indtrack.companies SET parent_id = " + quoted(to) + " WHERE id = " + quoted(of);
  };
  e = refused_at_commit(conn, {set_parent(a, b), set_parent(b, c), set_parent(c, a)});
  CHECK_THAT(e.message, ContainsSubstring("company \"" + a + "\""));
  CHECK_THAT(e.message, ContainsSubstring(a + " → " + b + " → " + c + " → " + a));
  // A chain without the last link is no cycle.
  Result<Done> chain = transaction(conn, {set_parent(a, b), set_parent(b, c)});
  INFO((chain ? "" : chain.error().message));
  CHECK(chain.ok());
}

TEST_CASE("A quote not found in its article is refused at commit; whitespace is ignored as the loader does",
          "[db][rules]") {
  db::PgConnection conn = connect(bundled_database());
  const CitedMilestone m = cited_milestone(conn);
  const std::string where =
      " WHERE project_id = " + quoted(m.project) + " AND unit_id IS NULL AND ord = " + m.ord;
  const std::string quote = one(conn, "SELECT quote FROM indtrack.milestones" + where);

  Error e =
      refused_at_commit(conn, {"UPDATE indtrack.milestones SET quote = '乌海从未有过的一句话'" + where});
  CHECK_THAT(e.message, ContainsSubstring("project \"" + m.project + "\", milestones[" + m.ord + "]"));
  CHECK_THAT(e.message, ContainsSubstring("(table indtrack.milestones)"));
  CHECK_THAT(e.message, ContainsSubstring("quote not found in the text of source \"" + m.source + "\""));
  CHECK_THAT(e.message, ContainsSubstring("乌海从未有过的一句话"));
  CHECK(one(conn, "SELECT quote FROM indtrack.milestones" + where) == quote);

  // The article's text rewritten under its quotes: refused, naming a fact that cites it.
  e = refused_at_commit(conn, {"UPDATE indtrack.article_texts SET text = '另一篇文章。' WHERE source_id = " +
                               quoted(m.source)});
  CHECK_THAT(e.message, ContainsSubstring("quote not found in the text of source \"" + m.source + "\""));

  // Line breaks, ideographic and no-break spaces inside a quote: found, as the loader finds it.
  Result<Done> wrapped = transaction(
      conn,
      {"UPDATE indtrack.milestones SET quote = left(quote, 2) || E'\\n\\u3000 \\u00A0' || substr(quote, 3)" +
       where});
  INFO((wrapped ? "" : wrapped.error().message));
  CHECK(wrapped.ok());
  // A reference's quotes cannot be checked (its text is not held): any quote is accepted.
  Result<Done> reference = transaction(
      conn,
      {"INSERT INTO indtrack.sources (id, position, kind, publisher, title, date, url, version) VALUES "
       "('rules-test-ref', 9999, 'reference', '乌海日报', '报道', '2024-05-01', 'https://example.com/r', 1)",
       "UPDATE indtrack.milestones SET source_id = 'rules-test-ref', quote = '任意摘录'" + where});
  INFO((reference ? "" : reference.error().message));
  CHECK(reference.ok());
}

TEST_CASE("A save and an import the database refuses say which record breaks which rule", "[db][rules]") {
  const std::string conninfo = bundled_database();
  auto store = db::PgDatasetStore::open(conninfo);
  if (!store) FAIL(store.error().message);
  auto loaded = (*store)->load();
  REQUIRE(loaded.ok());
  REQUIRE(loaded->ok());
  REQUIRE((*store)->open_for_editing(false).kind == EditAccess::Kind::Writable);
  const Dataset& data = *loaded->dataset;
  const db::OrderedJson base = db::document_of(data);

  // A dashboard save of a milestone whose quote the article does not hold (the window's own
  // validation is what a hand-edited journal or another client could skip).
  db::OrderedJson edited = base;
  db::OrderedJson* milestone = nullptr;
  std::string project;
  for (db::OrderedJson& p : edited["projects"]) {
    if (!p.contains("milestones")) continue;
    for (db::OrderedJson& m : p["milestones"])
      if (m.contains("source") && data.find_source(m["source"].get<std::string>()) >= 0 &&
          data.sources[data.find_source(m["source"].get<std::string>())].kind == Source::Kind::Article) {
        milestone = &m;
        break;
      }
    if (milestone) {
      project = p["id"].get<std::string>();
      break;
    }
  }
  REQUIRE(milestone);
  (*milestone)["quote"] = "乌海从未有过的一句话";
  StoreSave save;
  save.data = &data;
  save.base = [&] { return base; };
  save.edited = &edited;
  save.label = "修改引文";
  const StoreSaveResult saved = (*store)->save(save);
  CHECK(saved.outcome == StoreSaveResult::Outcome::Failed);
  CHECK_THAT(saved.error, ContainsSubstring("project \"" + project + "\", milestones["));
  CHECK_THAT(saved.error, ContainsSubstring("quote not found in the text of source"));
  CHECK_THAT(saved.error, ContainsSubstring("nothing was saved"));

  // An import of a document the loader never saw (a client that skips it): nothing is written.
  db::PgConnection conn = connect(PgTestServer::get().new_database());
  REQUIRE(db::init_database(conn).ok());
  Bundled b = bundled();
  for (db::OrderedJson& c : b.document["companies"])
    if (c.contains("parent")) {
      const std::string parent = c["parent"].get<std::string>();
      for (db::OrderedJson& p : b.document["companies"])
        if (p["id"] == parent) p["parent"] = c["id"];
      break;
    }
  db::ImportRequest request;
  request.document = &b.document;
  request.article_texts = b.texts;
  request.label = "import";
  auto imported = db::import_dataset(conn, request);
  REQUIRE_FALSE(imported.ok());
  CHECK(imported.error().kind == Error::Kind::Invalid);
  CHECK_THAT(imported.error().message, ContainsSubstring("parent companies form a cycle"));
  CHECK(one(conn, "SELECT count(*) FROM indtrack.projects") == "0");
}

TEST_CASE("Generated data with every kind of fact imports with the rules on", "[db][rules]") {
  // 2,000 generated projects: lines, milestones, investments and their quotes in 20 articles.
  db::PgConnection conn = connect(test::synthetic_database(2000));
  CHECK(one(conn, "SELECT count(*) FROM indtrack.projects") == "2000");
  CHECK(one(conn, "SELECT count(*) FROM indtrack.rule_checks_due") == "0");
}

TEST_CASE("db migrate from version 2 checks the data there and keeps it unchanged", "[db][rules]") {
  const Bundled b = bundled();
  auto version_2 = [&](const std::string& name) {
    const std::string conninfo = PgTestServer::get().new_database();
    db::PgConnection conn = connect(conninfo);
    auto init = db::init_database(conn, 2);
    if (!init) FAIL(init.error().message);
    db::ImportRequest request;
    request.document = &b.document;
    request.article_texts = b.texts;
    request.label = "import " + name;
    auto imported = db::import_dataset(conn, request);
    if (!imported) FAIL(imported.error().message);
    return conninfo;
  };

  const std::string conninfo = version_2("good");
  const auto migrate = run_indtrack({"db", "migrate", "--db", conninfo});
  INFO(migrate.out << migrate.err);
  REQUIRE(migrate.exit_code == 0);
  CHECK_THAT(migrate.out, ContainsSubstring("3: the loader's rules that span rows"));
  db::PgConnection conn = connect(conninfo);
  CHECK(*db::schema_version(conn) == 3);
  const std::string exported = fresh_dir("migrated-3") + "/wuhai.json";
  const auto exp = run_indtrack({"db", "export", exported, "--db", conninfo});
  INFO(exp.err);
  REQUIRE(exp.exit_code == 0);
  CHECK(read_file(exported) == serialize_dataset(b.data));
  // The rules hold from now on.
  const CitedMilestone m = cited_milestone(conn);
  refused_at_commit(conn,
                    {"UPDATE indtrack.milestones SET quote = '乌海从未有过的一句话' WHERE project_id = " +
                     quoted(m.project) + " AND unit_id IS NULL AND ord = " + m.ord});

  // A version-2 database that SQL written by hand broke: the migrate names it and changes nothing.
  const std::string broken = version_2("broken");
  {
    db::PgConnection c = connect(broken);
    const CitedMilestone bm = cited_milestone(c);
    REQUIRE(c.exec("UPDATE indtrack.milestones SET quote = '乌海从未有过的一句话' WHERE project_id = " +
                   quoted(bm.project) + " AND unit_id IS NULL AND ord = " + bm.ord)
                .ok());
  }
  const auto refused = run_indtrack({"db", "migrate", "--db", broken});
  CHECK(refused.exit_code == 1);
  CHECK_THAT(refused.err, ContainsSubstring("quote not found in the text of source"));
  db::PgConnection still = connect(broken);
  CHECK(*db::schema_version(still) == 2);
}
