// Three-way document comparison and merge (document_merge.h).
#include "edit/document_merge.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"

namespace indtrack {

namespace {

const OrderedJson kAbsent = nullptr;

// Equal as JSON values, whatever the order of object members.
bool same(const OrderedJson& a, const OrderedJson& b) {
  if (a.type() != b.type()) return false;
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (auto it = a.begin(); it != a.end(); ++it) {
      const auto other = b.find(it.key());
      if (other == b.end() || !same(it.value(), *other)) return false;
    }
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!same(a[i], b[i])) return false;
    return true;
  }
  return a == b;
}

const OrderedJson& member(const OrderedJson& object, const std::string& key) {
  if (!object.is_object()) return kAbsent;
  const auto it = object.find(key);
  return it == object.end() ? kAbsent : *it;
}

// A list of records each with a unique string "id" (absent counts as an empty list).
bool keyed_list(const OrderedJson& list) {
  if (list.is_null()) return true;
  if (!list.is_array()) return false;
  std::set<std::string> ids;
  for (const OrderedJson& e : list) {
    if (!e.is_object()) return false;
    const auto id = e.find("id");
    if (id == e.end() || !id->is_string() || !ids.insert(id->get<std::string>()).second) return false;
  }
  return true;
}

std::map<std::string, const OrderedJson*> by_id(const OrderedJson& list) {
  std::map<std::string, const OrderedJson*> out;
  if (list.is_array())
    for (const OrderedJson& e : list) out.emplace(e["id"].get<std::string>(), &e);
  return out;
}

const OrderedJson& find_id(const std::map<std::string, const OrderedJson*>& index, const std::string& id) {
  const auto it = index.find(id);
  return it == index.end() ? kAbsent : *it->second;
}

// Keys of the objects, in the order first seen (theirs, then mine, then base).
std::vector<std::string> keys_of(std::initializer_list<const OrderedJson*> objects) {
  std::vector<std::string> keys;
  std::set<std::string> seen;
  for (const OrderedJson* o : objects)
    if (o->is_object())
      for (auto it = o->begin(); it != o->end(); ++it)
        if (seen.insert(it.key()).second) keys.push_back(it.key());
  return keys;
}

void add_change(std::vector<DocumentChange>& out, DocumentChange c) {
  c.mine_changed = !same(c.mine, c.base);
  c.theirs_changed = !same(c.theirs, c.base);
  if (!c.mine_changed && !c.theirs_changed) return;
  if (c.mine_changed && c.theirs_changed && same(c.mine, c.theirs)) return;  // the same change twice
  c.take_mine = c.mine_changed;
  out.push_back(std::move(c));
}

std::string index_in(const OrderedJson& list, const std::string& id) {
  for (std::size_t i = 0; i < list.size(); ++i)
    if (list[i]["id"] == id) return std::to_string(i);
  return {};
}

}  // namespace

std::vector<DocumentChange> compare_documents(const OrderedJson& base, const OrderedJson& mine,
                                              const OrderedJson& theirs) {
  std::vector<DocumentChange> out;
  for (const std::string& key : keys_of({&theirs, &mine, &base})) {
    const OrderedJson& b = member(base, key);
    const OrderedJson& m = member(mine, key);
    const OrderedJson& t = member(theirs, key);
    if (!(keyed_list(b) && keyed_list(m) && keyed_list(t)) || (b.is_null() && m.is_null() && t.is_null())) {
      add_change(out, {"", key, "", b, m, t});
      continue;
    }
    const auto bi = by_id(b), mi = by_id(m), ti = by_id(t);
    std::vector<std::string> ids;
    std::set<std::string> seen;
    for (const OrderedJson* list : {&t, &m, &b})
      if (list->is_array())
        for (const OrderedJson& e : *list)
          if (seen.insert(e["id"].get<std::string>()).second) ids.push_back(e["id"].get<std::string>());
    for (const std::string& id : ids) {
      const OrderedJson& br = find_id(bi, id);
      const OrderedJson& mr = find_id(mi, id);
      const OrderedJson& tr = find_id(ti, id);
      if (same(br, mr) && same(br, tr)) continue;
      if (br.is_null() || mr.is_null() || tr.is_null()) {  // added or removed on some side
        add_change(out, {key, id, "", br, mr, tr});
        continue;
      }
      for (const std::string& field : keys_of({&tr, &mr, &br}))
        add_change(out, {key, id, field, member(br, field), member(mr, field), member(tr, field)});
    }
  }
  return out;
}

EditTransaction merge_transaction(const OrderedJson& theirs, const std::vector<DocumentChange>& changes) {
  EditTransaction tx;
  tx.label = "merge with the file on disk";
  std::vector<EditOp> inserts;
  std::vector<std::pair<std::size_t, EditOp>> removals;
  for (const DocumentChange& c : changes) {
    if (!c.take_mine || same(c.mine, c.theirs)) continue;  // theirs stays as it is
    if (c.collection.empty()) {
      tx.ops.push_back(EditOp::set("/" + pointer_token(c.id), c.mine));
      continue;
    }
    const OrderedJson& list = member(theirs, c.collection);
    const std::string index = list.is_array() ? index_in(list, c.id) : std::string();
    const std::string list_path = "/" + pointer_token(c.collection);
    if (!c.field.empty()) {
      if (index.empty()) continue;  // cannot happen: a field change means the record is on all sides
      tx.ops.push_back(EditOp::set(list_path + "/" + index + "/" + pointer_token(c.field), c.mine));
    } else if (c.mine.is_null()) {
      if (!index.empty()) removals.emplace_back(std::stoul(index), EditOp::remove(list_path + "/" + index));
    } else if (index.empty()) {
      inserts.push_back(EditOp::insert(list_path + "/-", c.mine));
    } else {
      tx.ops.push_back(EditOp::set(list_path + "/" + index, c.mine));
    }
  }
  tx.ops.insert(tx.ops.end(), inserts.begin(), inserts.end());
  std::stable_sort(removals.begin(), removals.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (auto& [index, op] : removals) tx.ops.push_back(std::move(op));
  return tx;
}

std::string describe_change(const DocumentChange& change) {
  if (change.collection.empty()) return change.id;
  std::string out = change.collection + "/" + change.id;
  if (!change.field.empty()) out += ": " + change.field;
  return out;
}

std::string preview_value(const OrderedJson& value, std::size_t max_code_points) {
  if (value.is_null()) return "—";
  const std::string text = value.is_string()
                               ? value.get<std::string>()
                               : value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return shorten(text, max_code_points);
}

}  // namespace indtrack
