// The database side of a shared dataset: the schema (tables in the `indtrack` schema, numbered
// migrations with the version kept in the database), its vocabularies, and the three group roles
// a team's members are given:
//   indtrack_reader    reads everything
//   indtrack_curator   reads, and edits the dataset (every edit recorded in the history)
//   indtrack_admin     owns the schema: migrations, import, members and their roles
// docs/database.md describes the tables and how a team sets up a server.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "db/pg.h"

namespace indtrack::db {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
};
// Every migration, oldest first; the last one's version is what this program writes.
std::span<const Migration> migrations();
int program_schema_version();

inline constexpr std::string_view kReaderRole = "indtrack_reader";
inline constexpr std::string_view kCuratorRole = "indtrack_curator";
inline constexpr std::string_view kAdminRole = "indtrack_admin";
inline constexpr std::string_view kChangesChannel = "indtrack_changes";  // LISTEN/NOTIFY

// The schema version recorded in the database; 0 when indtrack was never initialised there.
Result<int> schema_version(PgConnection& conn);

// Creates the group roles (when missing), makes the connected user an administrator, creates the
// schema at the newest version and grants each role its rights. Needs a user who may create
// roles and schemas in the database (its owner with CREATEROLE, or a superuser). Refuses a
// database that already holds indtrack tables, and one not encoded in UTF-8.
struct InitReport {
  int version = 0;
  std::vector<std::string> roles_created;
};
// `up_to_version` (tests of migrations only) stops at an older version; 0 is the newest.
Result<InitReport> init_database(PgConnection& conn, int up_to_version = 0);

// Applies the migrations newer than the database's version, each in its own transaction, then
// refreshes vocabularies and grants. Concurrent migrations wait for each other (an advisory lock).
struct MigrateReport {
  int from = 0, to = 0;
  std::vector<std::string> applied;  // "2: stated totals"
};
Result<MigrateReport> migrate_database(PgConnection& conn);

// Refuses to go on unless the database is initialised at exactly this program's version, with
// what to do otherwise (init, migrate, or upgrade indtrack).
Result<Done> require_current_schema(PgConnection& conn);

// What the connected role may do, from the server's own privilege checks.
struct Privileges {
  bool read = false;        // SELECT on the dataset
  bool curate = false;      // INSERT/UPDATE/DELETE on the dataset and INSERT into the history
  bool administer = false;  // member of indtrack_admin (or superuser): migrate, import, members
  std::string user;         // the session user, as recorded in the history
};
Result<Privileges> privileges(PgConnection& conn);

// Members: a login role (created when missing, without a password — set one with psql's
// \password; indtrack never handles passwords) given one of the roles "reader", "curator" or
// "administrator" (and removed from the other two).
Result<Done> grant_member(PgConnection& conn, const std::string& user, std::string_view role);
struct Member {
  std::string user;
  std::string role;  // reader, curator, administrator
};
Result<std::vector<Member>> list_members(PgConnection& conn);

}  // namespace indtrack::db
