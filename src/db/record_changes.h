// What a save sends: the records that differ between two canonical dataset documents (as opened
// and as edited), each with the version it was read at, so the server can refuse a record
// someone else wrote meanwhile (pg_store.h, optimistic concurrency).
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "db/dataset_tables.h"
#include "db/pg_store.h"

namespace indtrack::db {

// Changed and new records carry their JSON, removed ones none; `versions` gives the version each
// existing record was read at (a record missing there is new to the database: version 0).
// In the file's order: kinds as record_kinds(), records as their list.
std::vector<RecordChange> record_changes(const OrderedJson& before, const OrderedJson& after,
                                         const std::map<RecordKey, std::int64_t>& versions);

}  // namespace indtrack::db
