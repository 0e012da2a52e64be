// What the database test files share: a fresh database with the schema, one with the bundled
// dataset imported, connections that fail the test when they cannot be made, and the check that
// the data is exactly what its history says.
#pragma once

#include <string>

#include "db/pg.h"

namespace indtrack::test {

inline const std::string kBundled = std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json";

// A fresh database with the schema (`indtrack db init`); its connection string.
std::string initialised_database();
// A fresh database holding the bundled dataset (`indtrack db import`), as its one change.
std::string bundled_database();
// A fresh database holding a generated dataset of `projects` projects (bench/synthetic_dataset.h:
// lines, milestones, investments, article texts), imported as its one change.
std::string synthetic_database(int projects);
// A new empty folder under the tests' temporary directory.
std::string fresh_dir(const std::string& name);
// A connection, or the test fails with libpq's message.
db::PgConnection connect(const std::string& conninfo);

// Every record the history has touched is, in the tables, what the newest change touching it
// left (`after`; gone when that was a deletion) at that change's version, and every change of
// the history wrote at least one record: nothing half-written, nothing written outside it.
void require_data_matches_history(db::PgConnection& conn);

}  // namespace indtrack::test
