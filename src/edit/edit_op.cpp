// JSON-pointer edits with inverses (edit_op.h). Pointers are parsed here (RFC 6901: "/"-separated
// tokens, "~1" = "/", "~0" = "~") so that no malformed path from a journal can throw.
#include "edit/edit_op.h"

#include <charconv>

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

}  // namespace

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
  std::vector<EditOp> undo;  // inverses in the order they must be applied
  for (const EditOp& op : tx.ops) {
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
  if (op.kind != EditOp::Kind::Remove) j["value"] = op.value;
  return j;
}

OrderedJson to_json(const EditTransaction& tx) {
  OrderedJson j = OrderedJson::object();
  j["label"] = tx.label;
  j["ops"] = OrderedJson::array();
  for (const EditOp& op : tx.ops) j["ops"].push_back(to_json(op));
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
