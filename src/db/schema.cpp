// Initialising and migrating the schema, its vocabularies, roles and grants (schema.h).
#include "db/schema.h"

#include <algorithm>

#include "core/units.h"
#include "model/vocabulary.h"

namespace indtrack::db {
namespace {

// Tables that are not the dataset: curators read them but never write them (the history only
// grows, through INSERT).
constexpr std::string_view kNotData[] = {
    "schema_migrations", "milestone_kinds",  "statuses",       "bases",         "investment_scopes",
    "aggregate_metrics", "aggregate_bounds", "area_kinds",     "measure_units", "changes",
    "change_records",    "rule_checks_due",  "rule_check_runs"};

std::string_view dimension_id(Dimension d) {
  switch (d) {
    case Dimension::MassPerYear:
      return "mass_per_year";
    case Dimension::Power:
      return "power";
    case Dimension::EnergyPerYear:
      return "energy_per_year";
    case Dimension::GasFlow:
      return "gas_flow";
    case Dimension::Money:
      return "money";
    case Dimension::Count:
      return "count";
  }
  return "count";
}

template <class E>
Result<Done> sync_vocabulary(PgConnection& conn, std::string_view table,
                             std::span<const VocabularyEntry<E>> entries) {
  const std::string sql = "INSERT INTO indtrack." + std::string(table) +
                          " (id, label_zh, label_en) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE "
                          "SET label_zh = EXCLUDED.label_zh, label_en = EXCLUDED.label_en";
  for (const auto& e : entries)
    if (auto r = conn.exec(sql, {e.id, e.zh, e.en}); !r) return r.error();
  return done();
}

// The program's vocabularies into their tables: a newer program adds its new words here.
Result<Done> sync_vocabularies(PgConnection& conn) {
  for (auto r : {sync_vocabulary(conn, "milestone_kinds", milestone_kinds()),
                 sync_vocabulary(conn, "statuses", statuses()), sync_vocabulary(conn, "bases", bases()),
                 sync_vocabulary(conn, "investment_scopes", investment_scopes()),
                 sync_vocabulary(conn, "aggregate_metrics", aggregate_metrics()),
                 sync_vocabulary(conn, "aggregate_bounds", aggregate_bounds()),
                 sync_vocabulary(conn, "area_kinds", area_kinds())})
    if (!r) return r.error();
  for (const UnitInfo& u : all_units()) {
    const std::string factor = format_number(u.to_canonical, 0);
    // A unit's factor never changes (rows refer to it); a new unit is added.
    auto r = conn.exec(
        "INSERT INTO indtrack.measure_units (unit, dimension, to_canonical, canonical_unit) "
        "VALUES ($1, $2, $3::double precision, $4) ON CONFLICT (unit) DO NOTHING",
        {u.name, dimension_id(u.dimension), factor, u.canonical});
    if (!r) return r.error();
  }
  return done();
}

Result<Done> apply_grants(PgConnection& conn) {
  const std::string reader = conn.quote_identifier(kReaderRole);
  const std::string curator = conn.quote_identifier(kCuratorRole);
  auto script = conn.exec_script(
      "GRANT USAGE ON SCHEMA indtrack TO " + reader + ";\nGRANT SELECT ON ALL TABLES IN SCHEMA indtrack TO " +
      reader + ";\nGRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA indtrack TO " + reader +
      ";\nGRANT INSERT ON indtrack.changes, indtrack.change_records TO " + curator + ";\n");
  if (!script) return script.error();
  auto tables = conn.exec("SELECT tablename FROM pg_tables WHERE schemaname = 'indtrack' ORDER BY 1");
  if (!tables) return tables.error();
  for (int r = 0; r < tables->rows(); ++r) {
    const std::string_view name = tables->get(r, 0);
    if (std::find(std::begin(kNotData), std::end(kNotData), name) != std::end(kNotData)) continue;
    auto g = conn.exec_script("GRANT INSERT, UPDATE, DELETE ON indtrack." + conn.quote_identifier(name) +
                              " TO " + curator);
    if (!g) return g.error();
  }
  return done();
}

Result<bool> role_exists(PgConnection& conn, std::string_view role) {
  auto r = conn.exec("SELECT 1 FROM pg_roles WHERE rolname = $1", {role});
  if (!r) return r.error();
  return r->rows() > 0;
}

// Runs the migrations after `from` up to `to` as the administrators' role, so the schema's objects belong
// to indtrack_admin (whose members may then migrate) and not to whoever happened to run it.
Result<std::vector<std::string>> run_migrations(PgConnection& conn, int from, int to) {
  std::vector<std::string> applied;
  if (auto r = conn.exec("SET LOCAL ROLE " + conn.quote_identifier(kAdminRole)); !r) return r.error();
  for (const Migration& m : migrations()) {
    if (m.version <= from || m.version > to) continue;
    if (auto r = conn.exec_script(m.sql); !r)
      return Error::of(r.error().kind, "migration " + std::to_string(m.version) + " (" +
                                           std::string(m.description) + ") failed: " + r.error().message);
    auto recorded = conn.exec("INSERT INTO indtrack.schema_migrations (version, description) VALUES ($1, $2)",
                              {param_of(m.version), m.description});
    if (!recorded) return recorded.error();
    applied.push_back(std::to_string(m.version) + ": " + std::string(m.description));
  }
  if (auto r = sync_vocabularies(conn); !r) return r.error();
  if (auto r = apply_grants(conn); !r) return r.error();
  if (auto r = conn.exec("RESET ROLE"); !r) return r.error();
  return applied;
}

}  // namespace

int program_schema_version() { return migrations().back().version; }

Result<int> schema_version(PgConnection& conn) {
  auto exists = conn.exec("SELECT to_regclass('indtrack.schema_migrations') IS NOT NULL");
  if (!exists) return exists.error();
  if (!exists->boolean(0, 0)) return 0;
  auto version = conn.exec("SELECT coalesce(max(version), 0) FROM indtrack.schema_migrations");
  if (!version) return version.error();
  return static_cast<int>(version->integer(0, 0));
}

Result<Done> require_current_schema(PgConnection& conn) {
  auto version = schema_version(conn);
  if (!version) return version.error();
  const int program = program_schema_version();
  if (*version == 0)
    return Error::of(Error::Kind::Schema, "the database " + conn.database() +
                                              " holds no indtrack dataset yet: an administrator runs "
                                              "`indtrack db init` and `indtrack db import FILE` first");
  if (*version < program)
    return Error::of(Error::Kind::Schema, "the database's schema is at version " + std::to_string(*version) +
                                              ", this indtrack needs version " + std::to_string(program) +
                                              ": an administrator runs `indtrack db migrate`");
  if (*version > program)
    return Error::of(Error::Kind::Schema, "the database's schema is at version " + std::to_string(*version) +
                                              ", newer than this indtrack knows (" + std::to_string(program) +
                                              "): install the newer indtrack your team uses");
  return done();
}

Result<InitReport> init_database(PgConnection& conn, int up_to_version) {
  const int target = up_to_version > 0 ? up_to_version : program_schema_version();
  auto encoding =
      conn.exec("SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()");
  if (!encoding) return encoding.error();
  if (encoding->get(0, 0) != "UTF8")
    return Error::of(Error::Kind::Invalid, "the database " + conn.database() + " is encoded in " +
                                               std::string(encoding->get(0, 0)) +
                                               ": indtrack needs UTF8 (createdb -E UTF8 -T template0 ...)");
  auto version = schema_version(conn);
  if (!version) return version.error();
  if (*version > 0)
    return Error::of(Error::Kind::Invalid, "the database " + conn.database() +
                                               " already holds an indtrack schema (version " +
                                               std::to_string(*version) + "): use `indtrack db migrate`");

  auto tx = Transaction::begin(conn);
  if (!tx) return tx.error();
  InitReport report;
  // The group roles: reader < curator < administrator, each holding the rights of the one before.
  const std::pair<std::string_view, std::string_view> roles[] = {
      {kReaderRole, "NOLOGIN"}, {kCuratorRole, "NOLOGIN"}, {kAdminRole, "NOLOGIN CREATEROLE"}};
  for (const auto& [role, attributes] : roles) {
    auto exists = role_exists(conn, role);
    if (!exists) return exists.error();
    if (*exists) continue;
    if (auto r = conn.exec("CREATE ROLE " + conn.quote_identifier(role) + " " + std::string(attributes)); !r)
      return Error::of(r.error().kind,
                       "cannot create the role " + std::string(role) +
                           " (the user running `db init` needs CREATEROLE): " + r.error().message);
    report.roles_created.emplace_back(role);
  }
  auto script = conn.exec_script(
      "GRANT " + conn.quote_identifier(kReaderRole) + " TO " + conn.quote_identifier(kCuratorRole) + ";\n" +
      "GRANT " + conn.quote_identifier(kCuratorRole) + " TO " + conn.quote_identifier(kAdminRole) + ";\n" +
      "GRANT CONNECT, CREATE ON DATABASE " + conn.quote_identifier(conn.database()) + " TO " +
      conn.quote_identifier(kAdminRole) + ";\n" + "GRANT CONNECT ON DATABASE " +
      conn.quote_identifier(conn.database()) + " TO " + conn.quote_identifier(kReaderRole) + ";\n");
  if (!script) return script.error();
  // Whoever initialises the database is its first administrator.
  auto superuser = conn.exec("SELECT rolsuper FROM pg_roles WHERE rolname = session_user");
  if (!superuser) return superuser.error();
  if (!superuser->boolean(0, 0)) {
    auto r =
        conn.exec("GRANT " + conn.quote_identifier(kAdminRole) + " TO " + conn.quote_identifier(conn.user()));
    if (!r) return r.error();
  }
  auto applied = run_migrations(conn, 0, target);
  if (!applied) return applied.error();
  if (auto c = tx->commit(); !c) return c.error();
  report.version = target;
  return report;
}

Result<MigrateReport> migrate_database(PgConnection& conn) {
  auto tx = Transaction::begin(conn);
  if (!tx) return tx.error();
  // Two administrators migrating at once: the second waits, then finds nothing to do.
  if (auto r = conn.exec("SELECT pg_advisory_xact_lock(hashtext('indtrack migrate'))"); !r) return r.error();
  auto version = schema_version(conn);
  if (!version) return version.error();
  MigrateReport report;
  report.from = *version;
  if (*version == 0)
    return Error::of(Error::Kind::Schema, "the database " + conn.database() +
                                              " holds no indtrack schema: use `indtrack db init` first");
  if (*version > program_schema_version())
    return Error::of(Error::Kind::Schema, "the database's schema is at version " + std::to_string(*version) +
                                              ", newer than this indtrack knows (" +
                                              std::to_string(program_schema_version()) + ")");
  auto applied = run_migrations(conn, *version, program_schema_version());
  if (!applied) return applied.error();
  report.applied = std::move(*applied);
  if (auto c = tx->commit(); !c) return c.error();
  report.to = program_schema_version();
  return report;
}

Result<Privileges> privileges(PgConnection& conn) {
  auto r = conn.exec(
      "SELECT session_user, "
      "  has_table_privilege('indtrack.projects', 'SELECT'), "
      "  has_table_privilege('indtrack.projects', 'INSERT, UPDATE, DELETE') "
      "    AND has_table_privilege('indtrack.changes', 'INSERT'), "
      "  (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) "
      "    OR CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) "
      "       THEN pg_has_role(session_user, $1, 'MEMBER') ELSE false END",
      {kAdminRole});
  if (!r) return r.error();
  Privileges p;
  p.user = std::string(r->get(0, 0));
  p.read = r->boolean(0, 1);
  p.curate = r->boolean(0, 2);
  p.administer = r->boolean(0, 3);
  return p;
}

Result<Done> grant_member(PgConnection& conn, const std::string& user, std::string_view role) {
  std::string_view group;
  if (role == "reader") group = kReaderRole;
  if (role == "curator") group = kCuratorRole;
  if (role == "administrator") group = kAdminRole;
  if (group.empty())
    return Error::of(Error::Kind::Invalid,
                     "unknown role \"" + std::string(role) + "\" (one of: reader, curator, administrator)");
  if (user.empty() || user == kReaderRole || user == kCuratorRole || user == kAdminRole)
    return Error::of(Error::Kind::Invalid, "\"" + user + "\" cannot be a member");
  auto tx = Transaction::begin(conn);
  if (!tx) return tx.error();
  // Creating roles takes CREATEROLE, which indtrack_admin has but its members use only through it.
  auto can = conn.exec("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user");
  if (!can) return can.error();
  if (!can->boolean(0, 0))
    if (auto r = conn.exec("SET LOCAL ROLE " + conn.quote_identifier(kAdminRole)); !r)
      return Error::of(Error::Kind::Permission,
                       "only an administrator may add members (" + r.error().message + ")");
  auto exists = role_exists(conn, user);
  if (!exists) return exists.error();
  const std::string who = conn.quote_identifier(user);
  if (!*exists)
    if (auto r = conn.exec("CREATE ROLE " + who + " LOGIN"); !r) return r.error();
  for (std::string_view g : {kReaderRole, kCuratorRole, kAdminRole}) {
    const std::string sql = (g == group ? "GRANT " : "REVOKE ") + conn.quote_identifier(g) +
                            (g == group ? " TO " : " FROM ") + who;
    if (auto r = conn.exec(sql); !r) return r.error();
  }
  if (auto c = tx->commit(); !c) return c.error();
  return done();
}

Result<std::vector<Member>> list_members(PgConnection& conn) {
  auto r = conn.exec(
      "SELECT m.rolname, max(CASE g.rolname WHEN $3 THEN 3 WHEN $2 THEN 2 ELSE 1 END) "
      "FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member "
      "WHERE g.rolname IN ($1, $2, $3) AND m.rolname NOT IN ($1, $2, $3) "
      "GROUP BY m.rolname ORDER BY m.rolname",
      {kReaderRole, kCuratorRole, kAdminRole});
  if (!r) return r.error();
  std::vector<Member> members;
  for (int i = 0; i < r->rows(); ++i) {
    const std::int64_t level = r->integer(i, 1);
    members.push_back({std::string(r->get(i, 0)), level == 3   ? "administrator"
                                                  : level == 2 ? "curator"
                                                               : "reader"});
  }
  return members;
}

}  // namespace indtrack::db
