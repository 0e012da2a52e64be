// One change to a dataset, expressed on its JSON document (the canonical serialization of
// docs/data-format.md) and addressed by a JSON pointer: set a member or an array element, insert
// into an array, remove. Edits are transactions of ops; applying an op returns its inverse, so
// undo is applying the inverses in reverse order. Ops are plain JSON, which makes the edit
// journal (edit_journal.h) a list of them.
//
// An op applied once carries the identity of every record its path passes through (`ids`): a
// record's "id" (projects, production lines, sources ...), or for a record without one (a
// milestone, a capacity statement) a fingerprint of its content. Applied again — redo, or a
// replay from the journal — it is refused unless the same records are still at those indices,
// so an edit is never applied to another object than the one it was made on.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace indtrack {

using OrderedJson = nlohmann::ordered_json;  // keeps the canonical field order

struct EditOp {
  enum class Kind : unsigned char {
    Set,     // create or replace the value at `path`; a null value removes an object member
    Insert,  // insert `value` into an array before index (or "-" = at the end); creates a
             // missing array member of an object
    Remove,  // remove the array element or object member at `path` (a missing member: no-op)
  };
  Kind kind = Kind::Set;
  std::string path;  // JSON pointer: "/projects/3/units/0/name"
  OrderedJson value;
  // {"/projects/3": "huaheng-bdo", "/projects/3/units/0": "huaheng-bdo-1"}: the records on the
  // path when the op was first applied (null: not known yet; nothing is checked).
  OrderedJson ids;

  static EditOp set(std::string path, OrderedJson value) {
    return {Kind::Set, std::move(path), std::move(value), nullptr};
  }
  static EditOp insert(std::string path, OrderedJson value) {
    return {Kind::Insert, std::move(path), std::move(value), nullptr};
  }
  static EditOp remove(std::string path) { return {Kind::Remove, std::move(path), nullptr, nullptr}; }
  bool operator==(const EditOp&) const = default;
};

// A named group of ops applied, undone and journaled together ("Accept fact", "Edit name").
struct EditTransaction {
  std::string label;
  std::vector<EditOp> ops;
  // Texts of the article sources the ops add (source id -> text), for a store that holds them
  // itself (a database): no file is written, the text travels with the edit — validated with
  // it, journaled with it, sent by the save. Empty when the text is a file beside the dataset.
  std::map<std::string, std::string> texts = {};
};

struct OpResult {
  bool ok = false;
  std::string error;  // "no member \"unit\" at /projects/3": the document is unchanged
  EditOp inverse;     // when ok: applying it restores the document
};

// Applies `op` to `doc`. On failure `doc` is unchanged. An op with `ids` is refused when a record
// on its path is not the one named there.
OpResult apply_op(OrderedJson& doc, const EditOp& op);

// The identities of the records `op`'s path passes through in `doc` (see EditOp::ids): every
// array element on the path — the target itself too, except for an insert. Null when none.
OrderedJson record_ids(const OrderedJson& doc, const EditOp& op);
// A record's identity: its "id" when it has one, else "#" and a fingerprint of its content.
std::string record_identity(const OrderedJson& record);

// Applies every op in order; on the first failure the ones applied are rolled back. The returned
// inverse transaction (same label) undoes the whole transaction; `applied` is `tx` with each
// op's `ids` filled in (what the journal records).
struct TransactionResult {
  bool ok = false;
  std::string error;
  EditTransaction inverse;
  EditTransaction applied;
};
TransactionResult apply_transaction(OrderedJson& doc, const EditTransaction& tx);

// JSON forms for the journal: {"op":"set","path":...,"ids":{...},"value":...},
// {"label":...,"ops":[...]} with "texts":{...} when it brings any.
OrderedJson to_json(const EditOp& op);
OrderedJson to_json(const EditTransaction& tx);
std::optional<EditOp> op_from_json(const OrderedJson& json, std::string& error);
std::optional<EditTransaction> transaction_from_json(const OrderedJson& json, std::string& error);

// The loader's problem path for a pointer: "/projects/3/units/0/name" -> "projects[3].units[0].name".
std::string problem_path_of(std::string_view pointer);
// A JSON pointer token for a member name ("~" and "/" escaped).
std::string pointer_token(std::string_view name);

}  // namespace indtrack
