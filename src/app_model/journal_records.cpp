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

EditTransaction relocate_records(const OrderedJson& document, EditTransaction tx) {
  for (EditOp& op : tx.ops) {
    if (!op.ids.is_object() || op.path.size() < 2) continue;
    const std::size_t second = op.path.find('/', 1);
    if (second == std::string::npos) continue;
    const auto list = document.find(op.path.substr(1, second - 1));
    if (list == document.end() || !list->is_array()) continue;
    const std::string element = op.path.substr(0, op.path.find('/', second + 1));
    const auto named = op.ids.find(element);
    if (named == op.ids.end() || !named->is_string()) continue;
    std::size_t at = 0;
    while (at < list->size() &&
           !((*list)[at].is_object() && (*list)[at].value("id", std::string()) == *named))
      ++at;
    const std::string now = op.path.substr(0, second + 1) + std::to_string(at);
    if (at == list->size() || now == element) continue;
    // The element's pointer, and every pointer below it, now name its new place.
    auto moved = [&](const std::string& pointer) {
      const bool under = pointer.compare(0, element.size(), element) == 0 &&
                         (pointer.size() == element.size() || pointer[element.size()] == '/');
      return under ? now + pointer.substr(element.size()) : pointer;
    };
    op.path = moved(op.path);
    OrderedJson ids = OrderedJson::object();
    for (auto it = op.ids.begin(); it != op.ids.end(); ++it) ids[moved(it.key())] = it.value();
    op.ids = std::move(ids);
  }
  return tx;
}

}  // namespace indtrack::ui
