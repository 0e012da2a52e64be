// records_touched (journal_records.h).
#include "app_model/journal_records.h"

#include <string>

namespace indtrack::ui {

std::optional<std::set<StoreRecord>> records_touched(const OrderedJson& document, const EditTransaction& tx) {
  std::set<StoreRecord> out;
  for (const EditOp& op : tx.ops) {
    // "/projects/3/name": the list "projects" and the element "/projects/3". Top-level names
    // need no unescaping (none has "~" or "/").
    if (op.path.size() < 2 || op.path[0] != '/') return std::nullopt;
    const std::size_t second = op.path.find('/', 1);
    const std::string list = op.path.substr(1, second == std::string::npos ? std::string::npos : second - 1);
    const auto member = document.find(list);
    if (member == document.end() || !member->is_array()) {
      out.insert({"", ""});  // a field of the dataset itself
      continue;
    }
    if (second == std::string::npos) return std::nullopt;  // the whole list
    const std::size_t third = op.path.find('/', second + 1);
    const std::string element = op.path.substr(0, third);
    std::string id;
    if (op.ids.is_object())
      if (const auto it = op.ids.find(element); it != op.ids.end() && it->is_string())
        id = it->get<std::string>();
    if (id.empty() && op.kind == EditOp::Kind::Insert && third == std::string::npos && op.value.is_object())
      if (const auto it = op.value.find("id"); it != op.value.end() && it->is_string())
        id = it->get<std::string>();
    if (id.empty() || id[0] == '#') return std::nullopt;  // not known, or a record without an id
    out.insert({list, id});
  }
  return out;
}

}  // namespace indtrack::ui
