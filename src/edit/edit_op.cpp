// JSON-pointer edits with inverses (edit_op.h). Pointers are parsed here (RFC 6901: "/"-separated
// tokens, "~1" = "/", "~0" = "~") so that no malformed path from a journal can throw.
#include "edit/edit_op.h"

#include <charconv>

#include "core/fingerprint.h"

namespace indtrack {

namespace {

struct Pointer {
  std::vector<std::string> tokens;
};

std::optional<Pointer> parse_pointer(std::string_view text, std::string& error) {
  Pointer p;
  if (text.empty()) return p;
  if (text.front() != '/') {
    error = "a JSON pointer starts with \"/\": \"" + std::string(text) + "\"";
    return std::nullopt;
  }
  std::size_t pos = 1;
  while (true) {
    const std::size_t slash = text.find('/', pos);
    const std::string_view raw =
        text.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
    std::string token;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '~') {
        token += raw[i];
        continue;
      }
      if (i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
        token += raw[i + 1] == '0' ? '~' : '/';
        ++i;
      } else {
        error = "bad escape \"~\" in the JSON pointer \"" + std::string(text) + "\"";
        return std::nullopt;
      }
    }
    p.tokens.push_back(std::move(token));
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  return p;
}

std::string join_pointer(const std::vector<std::string>& tokens, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += "/" + pointer_token(tokens[i]);
  return out;
}

// An array index token: digits without a leading zero. nullopt otherwise.
std::optional<std::size_t> array_index(const std::string& token) {
  if (token.empty() || (token.size() > 1 && token[0] == '0')) return std::nullopt;
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (ec != std::errc() || end != token.data() + token.size()) return std::nullopt;
  return value;
}

// The value the first `count` tokens lead to, or nullptr.
OrderedJson* follow(OrderedJson& doc, const std::vector<std::string>& tokens, std::size_t count) {
  OrderedJson* node = &doc;
  for (std::size_t i = 0; i < count; ++i) {
    if (node->is_object()) {
      const auto it = node->find(tokens[i]);
      if (it == node->end()) return nullptr;
      node = &*it;
    } else if (node->is_array()) {
      const auto index = array_index(tokens[i]);
      if (!index || *index >= node->size()) return nullptr;
      node = &(*node)[*index];
    } else {
      return nullptr;
    }
  }
  return node;
}

OpResult failure(std::string message) {
  OpResult r;
  r.error = std::move(message);
  return r;
}

OpResult success(EditOp inverse) {
  OpResult r;
  r.ok = true;
  r.inverse = std::move(inverse);
  return r;
}

OpResult apply_set(OrderedJson& doc, const Pointer& p, const EditOp& op) {
  if (p.tokens.empty()) {
    if (op.value.is_null()) return failure("the whole document cannot be removed");
    OrderedJson old = std::move(doc);
    doc = op.value;
    return success(EditOp::set("", std::move(old)));
  }
  OrderedJson* parent = follow(doc, p.tokens, p.tokens.size() - 1);
  if (!parent) return failure("nothing at " + join_pointer(p.tokens, p.tokens.size() - 1));
  const std::string& key = p.tokens.back();
  if (parent->is_object()) {
    const auto it = parent->find(key);
    if (op.value.is_null()) {
      if (it == parent->end()) return success(EditOp::set(op.path, nullptr));
      OrderedJson old = std::move(*it);
      parent->erase(key);
      return success(EditOp::set(op.path, std::move(old)));
    }
    if (it == parent->end()) {
      (*parent)[key] = op.value;
      return success(EditOp::remove(op.path));
    }
    OrderedJson old = std::move(*it);
    *it = op.value;
    return success(EditOp::set(op.path, std::move(old)));
  }
  if (parent->is_array()) {
    const auto index = array_index(key);
    if (!index || *index >= parent->size())
      return failure("no element " + key + " in the array at " + join_pointer(p.tokens, p.tokens.size() - 1));
    if (op.value.is_null()) return failure("an array element cannot be set to null; remove it instead");
    OrderedJson old = std::move((*parent)[*index]);
    (*parent)[*index] = op.value;
    return success(EditOp::set(op.path, std::move(old)));
  }
  return failure(join_pointer(p.tokens, p.tokens.size() - 1) + " is neither an object nor an array");
}

OpResult apply_insert(OrderedJson& doc, const Pointer& p, const EditOp& op) {
  if (p.tokens.size() < 2) return failure("insert needs an array element path, got \"" + op.path + "\"");
  const std::size_t array_depth = p.tokens.size() - 1;
  OrderedJson* array = follow(doc, p.tokens, array_depth);
  bool created = false;
  if (!array) {
    // A list the writer left out because it was empty ("units" of a project without lines).
    OrderedJson* owner = follow(doc, p.tokens, array_depth - 1);
    if (!owner || !owner->is_object()) return failure("nothing at " + join_pointer(p.tokens, array_depth));
    array = &((*owner)[p.tokens[array_depth - 1]] = OrderedJson::array());
    created = true;
  }
  if (!array->is_array()) return failure(join_pointer(p.tokens, array_depth) + " is not an array");
  const std::string& key = p.tokens.back();
  std::size_t index = array->size();
  if (key != "-") {
    const auto parsed = array_index(key);
    if (!parsed || *parsed > array->size()) {
      if (created) follow(doc, p.tokens, array_depth - 1)->erase(p.tokens[array_depth - 1]);
      return failure("cannot insert at index " + key + " of an array of " + std::to_string(array->size()));
    }
    index = *parsed;
  }
  array->insert(array->begin() + static_cast<std::ptrdiff_t>(index), op.value);
  if (created) return success(EditOp::remove(join_pointer(p.tokens, array_depth)));
  return success(EditOp::remove(join_pointer(p.tokens, array_depth) + "/" + std::to_string(index)));
}

OpResult apply_remove(OrderedJson& doc, const Pointer& p, const EditOp& op) {
  if (p.tokens.empty()) return failure("the whole document cannot be removed");
  OrderedJson* parent = follow(doc, p.tokens, p.tokens.size() - 1);
  if (!parent) return failure("nothing at " + join_pointer(p.tokens, p.tokens.size() - 1));
  const std::string& key = p.tokens.back();
  if (parent->is_object()) {
    const auto it = parent->find(key);
    if (it == parent->end()) return success(EditOp::set(op.path, nullptr));
    OrderedJson old = std::move(*it);
    parent->erase(key);
    return success(EditOp::set(op.path, std::move(old)));
  }
  if (parent->is_array()) {
    const auto index = array_index(key);
    if (!index || *index >= parent->size())
      return failure("no element " + key + " in the array at " + join_pointer(p.tokens, p.tokens.size() - 1));
    OrderedJson old = std::move((*parent)[*index]);
    parent->erase(*index);
    return success(EditOp::insert(op.path, std::move(old)));
  }
  return failure(join_pointer(p.tokens, p.tokens.size() - 1) + " is neither an object nor an array");
}

// "the record at /projects/0/units/0 is example-bdo-2, not example-bdo-1 ..." or "".
std::string check_ids(OrderedJson& doc, const EditOp& op) {
  if (!op.ids.is_object()) return {};
  for (auto it = op.ids.begin(); it != op.ids.end(); ++it) {
    if (!it.value().is_string()) return "the record identity at " + it.key() + " is not a string";
    std::string error;
    const auto pointer = parse_pointer(it.key(), error);
    if (!pointer) return error;
    const OrderedJson* node = follow(doc, pointer->tokens, pointer->tokens.size());
    const std::string& expected = it.value().get_ref<const std::string&>();
    if (!node) return "the record " + expected + " this edit was made on is no longer at " + it.key();
    const std::string found = record_identity(*node);
    if (found != expected)
      return "the record at " + it.key() + " is " + found + ", not " + expected +
             " this edit was made on: it was not applied";
  }
  return {};
}

}  // namespace

std::string record_identity(const OrderedJson& record) {
  if (record.is_object())
    if (const auto id = record.find("id"); id != record.end() && id->is_string())
      return id->get<std::string>();
  // Short: a fingerprint names the content; its size part is dropped.
  const std::string fp =
      content_fingerprint(record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return "#" + fp.substr(8, 16);
}

OrderedJson record_ids(const OrderedJson& doc, const EditOp& op) {
  std::string error;
  const auto pointer = parse_pointer(op.path, error);
  if (!pointer) return nullptr;
  const std::vector<std::string>& tokens = pointer->tokens;
  // An insert's last token names a place, not a record (the one there now moves along).
  const std::size_t last = tokens.size() - (op.kind == EditOp::Kind::Insert && !tokens.empty() ? 1 : 0);
  OrderedJson ids = nullptr;
  const OrderedJson* node = &doc;
  for (std::size_t i = 0; i < last; ++i) {
    if (node->is_object()) {
      const auto it = node->find(tokens[i]);
      if (it == node->end()) break;
      node = &*it;
    } else if (node->is_array()) {
      const auto index = array_index(tokens[i]);
      if (!index || *index >= node->size()) break;
      node = &(*node)[*index];
      if (ids.is_null()) ids = OrderedJson::object();
      ids[join_pointer(tokens, i + 1)] = record_identity(*node);
    } else {
      break;
    }
  }
  return ids;
}

std::string pointer_token(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char ch : name) {
    if (ch == '~')
      out += "~0";
    else if (ch == '/')
      out += "~1";
    else
      out += ch;
  }
  return out;
}

OpResult apply_op(OrderedJson& doc, const EditOp& op) {
  std::string error;
  const auto pointer = parse_pointer(op.path, error);
  if (!pointer) return failure(error);
  if (std::string wrong = check_ids(doc, op); !wrong.empty()) return failure(std::move(wrong));
  switch (op.kind) {
    case EditOp::Kind::Set:
      return apply_set(doc, *pointer, op);
    case EditOp::Kind::Insert:
      return apply_insert(doc, *pointer, op);
    case EditOp::Kind::Remove:
      return apply_remove(doc, *pointer, op);
  }
  return failure("unknown edit");
}

TransactionResult apply_transaction(OrderedJson& doc, const EditTransaction& tx) {
  TransactionResult result;
  result.inverse.label = tx.label;
  result.applied.label = tx.label;
  result.applied.texts = tx.texts;
  std::vector<EditOp> undo;  // inverses in the order they must be applied
  for (const EditOp& op : tx.ops) {
    result.applied.ops.push_back(op);
    if (op.ids.is_null()) result.applied.ops.back().ids = record_ids(doc, op);
    OpResult r = apply_op(doc, op);
    if (!r.ok) {
      for (auto it = undo.rbegin(); it != undo.rend(); ++it) apply_op(doc, *it);
      result.error = op.path + ": " + r.error;
      return result;
    }
    undo.push_back(std::move(r.inverse));
  }
  result.inverse.ops.assign(std::make_move_iterator(undo.rbegin()), std::make_move_iterator(undo.rend()));
  result.ok = true;
  return result;
}

OrderedJson to_json(const EditOp& op) {
  OrderedJson j = OrderedJson::object();
  switch (op.kind) {
    case EditOp::Kind::Set:
      j["op"] = "set";
      break;
    case EditOp::Kind::Insert:
      j["op"] = "insert";
      break;
    case EditOp::Kind::Remove:
      j["op"] = "remove";
      break;
  }
  j["path"] = op.path;
  if (op.ids.is_object() && !op.ids.empty()) j["ids"] = op.ids;
  if (op.kind != EditOp::Kind::Remove) j["value"] = op.value;
  return j;
}

OrderedJson to_json(const EditTransaction& tx) {
  OrderedJson j = OrderedJson::object();
  j["label"] = tx.label;
  j["ops"] = OrderedJson::array();
  for (const EditOp& op : tx.ops) j["ops"].push_back(to_json(op));
  if (!tx.texts.empty()) j["texts"] = tx.texts;
  return j;
}

std::optional<EditOp> op_from_json(const OrderedJson& json, std::string& error) {
  if (!json.is_object()) {
    error = "an edit is a JSON object";
    return std::nullopt;
  }
  const auto op = json.find("op");
  const auto path = json.find("path");
  if (op == json.end() || !op->is_string() || path == json.end() || !path->is_string()) {
    error = "an edit needs \"op\" and \"path\" strings";
    return std::nullopt;
  }
  EditOp out;
  out.path = path->get<std::string>();
  const std::string kind = op->get<std::string>();
  if (kind == "set")
    out.kind = EditOp::Kind::Set;
  else if (kind == "insert")
    out.kind = EditOp::Kind::Insert;
  else if (kind == "remove")
    out.kind = EditOp::Kind::Remove;
  else {
    error = "unknown edit \"" + kind + "\"";
    return std::nullopt;
  }
  if (const auto ids = json.find("ids"); ids != json.end()) {
    if (!ids->is_object()) {
      error = "an edit's \"ids\" is an object of record identities";
      return std::nullopt;
    }
    out.ids = *ids;
  }
  if (out.kind != EditOp::Kind::Remove) {
    const auto value = json.find("value");
    if (value == json.end()) {
      error = "a " + kind + " edit needs a \"value\"";
      return std::nullopt;
    }
    out.value = *value;
  }
  return out;
}

std::optional<EditTransaction> transaction_from_json(const OrderedJson& json, std::string& error) {
  if (!json.is_object() || !json.contains("ops") || !json["ops"].is_array()) {
    error = "a transaction is an object with an \"ops\" array";
    return std::nullopt;
  }
  EditTransaction tx;
  if (const auto label = json.find("label"); label != json.end() && label->is_string()) tx.label = *label;
  for (const auto& op : json["ops"]) {
    auto parsed = op_from_json(op, error);
    if (!parsed) return std::nullopt;
    tx.ops.push_back(std::move(*parsed));
  }
  if (const auto texts = json.find("texts"); texts != json.end()) {
    if (!texts->is_object()) {
      error = "an edit's \"texts\" is an object of article texts";
      return std::nullopt;
    }
    for (auto it = texts->begin(); it != texts->end(); ++it) {
      if (!it.value().is_string()) {
        error = "an edit's \"texts\" is an object of article texts";
        return std::nullopt;
      }
      tx.texts.emplace(it.key(), it.value().get<std::string>());
    }
  }
  return tx;
}

std::string problem_path_of(std::string_view pointer) {
  std::string error;
  const auto parsed = parse_pointer(pointer, error);
  if (!parsed) return std::string(pointer);
  std::string out;
  for (const std::string& token : parsed->tokens) {
    if (array_index(token) && !out.empty()) {
      out += "[" + token + "]";
    } else {
      if (!out.empty()) out += '.';
      out += token;
    }
  }
  return out;
}

}  // namespace indtrack
