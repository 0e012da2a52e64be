// What indtrack accepts as `--db CONNINFO`: a libpq connection string ("host=/run/pg dbname=wuhai")
// or URI ("postgresql://alice@db.example:5432/wuhai"); what it leaves out comes from the PG*
// environment variables and the service file (PGSERVICE, ~/.pg_service.conf). Passwords never
// pass through indtrack: it refuses a connection string that holds one, and PGPASSWORD, and
// leaves them to ~/.pgpass or PGPASSFILE — a file only its owner can read — so no password ends
// up in settings, recent-file lists, shell history or `ps` output.
#pragma once

#include <string>

#include "core/result.h"

namespace indtrack::db {

// Refuses an empty string, one libpq cannot parse (with libpq's reason), one holding a password,
// and a set PGPASSWORD.
Result<Done> check_conninfo(const std::string& conninfo);

// The connection string without any password, for messages and the recent list.
std::string redacted_conninfo(const std::string& conninfo);

}  // namespace indtrack::db
