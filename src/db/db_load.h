// Opening the dataset a database holds: a snapshot read in one transaction and handed to the
// loader like a file, so it is validated by the same rules and gives the same Dataset.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/result.h"
#include "db/dataset_tables.h"
#include "db/pg.h"
#include "io/dataset_io.h"

namespace indtrack::db {

struct DbLoad {
  LoadResult load;  // the dataset (unless it has errors) and every problem
  std::map<RecordKey, std::int64_t> versions;
  std::int64_t last_change = 0;
  std::map<std::string, std::string> article_texts;  // source id -> text, as stored
};

// `display` names the dataset in problems and titles ("wuhai @ db.example").
Result<DbLoad> load_from_database(PgConnection& conn, const std::string& display,
                                  const LoadOptions& options = {});

// How a database dataset is named where a file path would be: "postgresql: wuhai (alice @ /run/pg)".
std::string database_display_name(const PgConnection& conn);

}  // namespace indtrack::db
