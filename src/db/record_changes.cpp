// record_changes (record_changes.h).
#include "db/record_changes.h"

namespace indtrack::db {

namespace {

// id -> the record's object, for one list of a document ("projects").
std::map<std::string, const OrderedJson*> records_by_id(const OrderedJson& document, std::string_view key) {
  std::map<std::string, const OrderedJson*> out;
  const auto list = document.find(std::string(key));
  if (list == document.end() || !list->is_array()) return out;
  for (const OrderedJson& record : *list) {
    const auto id = record.find("id");
    if (id != record.end() && id->is_string()) out.emplace(id->get<std::string>(), &record);
  }
  return out;
}

std::int64_t version_of(const std::map<RecordKey, std::int64_t>& versions, const RecordKey& key) {
  const auto it = versions.find(key);
  return it == versions.end() ? 0 : it->second;
}

}  // namespace

std::vector<RecordChange> record_changes(const OrderedJson& before, const OrderedJson& after,
                                         const std::map<RecordKey, std::int64_t>& versions) {
  std::vector<RecordChange> changes;
  for (const RecordKind kind : record_kinds()) {
    if (kind == RecordKind::Dataset) {
      OrderedJson old_fields = dataset_fields(before), new_fields = dataset_fields(after);
      if (old_fields != new_fields) {
        const RecordKey key{kind, ""};
        changes.push_back({key, version_of(versions, key), std::move(new_fields)});
      }
      continue;
    }
    const std::string_view list = list_key(kind);
    const auto old_records = records_by_id(before, list);
    const auto new_records = records_by_id(after, list);
    // New and changed records in the edited list's order (new ones are appended in it).
    const auto new_list = after.find(std::string(list));
    if (new_list != after.end() && new_list->is_array()) {
      for (const OrderedJson& record : *new_list) {
        const auto id = record.find("id");
        if (id == record.end() || !id->is_string()) continue;
        const RecordKey key{kind, id->get<std::string>()};
        const auto old = old_records.find(key.id);
        if (old != old_records.end() && *old->second == record) continue;
        changes.push_back({key, version_of(versions, key), record});
      }
    }
    for (const auto& [id, record] : old_records) {
      if (new_records.count(id)) continue;
      const RecordKey key{kind, id};
      changes.push_back({key, version_of(versions, key), std::nullopt});
    }
  }
  return changes;
}

}  // namespace indtrack::db
