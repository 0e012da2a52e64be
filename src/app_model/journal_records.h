// The records a journaled edit touches, by list and id (store/dataset_store.h, StoreRecord): what
// a journal written on an older version of a shared store is checked against — an edit whose
// records nobody changed since can be replayed onto the newer data (EditSession, recovery).
#pragma once

#include <optional>
#include <set>

#include "edit/edit_op.h"
#include "store/dataset_store.h"

namespace indtrack::ui {

// Each op's record: the top-level list element its path passes through (by the identity the
// journal recorded, EditOp::ids; an insert at the list's end by the new record's id), else the
// dataset's own fields. nullopt when an op's record cannot be told (a whole list replaced, a
// record without an id): such an edit is never replayed onto another version. `document`
// tells which top-level members are lists.
std::optional<std::set<StoreRecord>> records_touched(const OrderedJson& document, const EditTransaction& tx);

// `tx` with each top-level record its ops name by id looked up where it is in `document` now:
// on a newer version others' deletions may have moved it along its list. Records not found there
// (one the transaction itself adds) keep their place, and applying checks the ids as ever.
EditTransaction relocate_records(const OrderedJson& document, EditTransaction tx);

}  // namespace indtrack::ui
