// The dataset's records in the database's tables and back (migrations.cpp has the tables).
//
// A record is a top-level element of the dataset file — a source, district, park, industry,
// product, company, project or aggregate — or the dataset's own fields. Going in, a record's JSON
// object (its canonical form, as the file holds it) becomes its row and the rows of its lists
// (a project's lines, milestones, ...); a member no column holds, a field of a newer format
// version included, goes into the row's `extra` JSON, so nothing is lost. Coming out, the rows
// become JSON again, which the loader reads (and validates) like a file: one reader, one set of
// rules, and `db export` of an import is byte-identical to `indtrack format` of the file.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include "core/result.h"
#include "db/pg.h"
#include "io/dataset_io.h"

namespace indtrack::db {

using OrderedJson = nlohmann::ordered_json;  // keeps the canonical field order

// A dataset as its canonical JSON document (what `indtrack format` writes), record by record.
OrderedJson document_of(const Dataset& data);

enum class RecordKind : unsigned char {
  Dataset,
  Source,
  District,
  Park,
  Industry,
  Product,
  Company,
  Project,
  Aggregate
};

// In the file's order.
std::span<const RecordKind> record_kinds();
std::string_view kind_name(RecordKind kind);  // "project", as in the history
std::optional<RecordKind> kind_from_name(std::string_view name);
std::string_view list_key(RecordKind kind);  // "projects"; "" for the dataset's own fields

struct RecordKey {
  RecordKind kind = RecordKind::Project;
  std::string id;  // "" for the dataset's own fields
  auto operator<=>(const RecordKey&) const = default;
};
std::string describe(const RecordKey& key);  // "project huaheng-bdo"

// The dataset's own fields: the document without its record lists.
OrderedJson dataset_fields(const OrderedJson& document);

// ---- writing ----

// Every record of `document` (a canonical dataset document), in bulk (COPY); positions follow
// the lists, every record at `version`. The tables must be empty.
Result<Done> insert_document(PgConnection& conn, const OrderedJson& document, std::int64_t version);

// One record: a new one at `position`, or the replacement of an existing one (its row keeps its
// place; its lists are rewritten). The caller holds the row lock and checked the version.
Result<Done> insert_record(PgConnection& conn, const RecordKey& key, const OrderedJson& record,
                           std::int64_t position, std::int64_t version);
Result<Done> replace_record(PgConnection& conn, const RecordKey& key, const OrderedJson& record,
                            std::int64_t version);
Result<Done> delete_record(PgConnection& conn, const RecordKey& key);

// ---- reading ----

// The whole dataset as JSON text (not canonical: the loader makes it so), with each record's
// version.
struct DatasetRows {
  std::string json;
  std::map<RecordKey, std::int64_t> versions;
};
Result<DatasetRows> read_dataset(PgConnection& conn);

// Records of one kind by id, as JSON objects; a missing id is left out.
struct StoredRecord {
  std::string id;
  std::int64_t version = 0;
  std::int64_t position = 0;
  OrderedJson json;
};
Result<std::vector<StoredRecord>> read_records(PgConnection& conn, RecordKind kind,
                                               const std::vector<std::string>& ids);

// The id and version of one record, locked FOR UPDATE until the transaction ends; nullopt when
// it does not exist.
struct RowVersion {
  std::int64_t version = 0;
  std::int64_t position = 0;
};
Result<std::optional<RowVersion>> lock_record(PgConnection& conn, const RecordKey& key);

// The PostgreSQL array literal of `items` ({"a","b"}), for = ANY($1).
std::string array_literal(const std::vector<std::string>& items);

}  // namespace indtrack::db
