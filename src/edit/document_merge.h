// Three-way comparison of dataset documents, for a save that finds the file changed by another
// program since it was opened: `base` is the file as opened (or last saved), `mine` the edited
// state, `theirs` the file on disk now. Records of the top-level lists (projects, sources,
// companies ...) are matched by id, not by position, and compared field by field; other top-level
// members as a whole. The user picks a side for each change; merge_transaction() turns the
// choices into one edit of `theirs`, which the editor validates like any other.
#pragma once

#include <string>
#include <vector>

#include "edit/edit_op.h"

namespace indtrack {

struct DocumentChange {
  std::string collection;          // "projects", "sources" ...; empty: a top-level member
  std::string id;                  // the record's id (the member's name when `collection` is empty)
  std::string field;               // the record's field; empty: the whole record (added or removed)
  OrderedJson base, mine, theirs;  // the values; null where absent
  bool mine_changed = false, theirs_changed = false;
  bool take_mine = false;  // the choice: mine, else theirs (the default: whoever changed it; mine
                           // when both did)
  bool conflict() const { return mine_changed && theirs_changed; }
};

// Every difference of `mine` or `theirs` from `base`, in document order. Changes both sides made
// identically are left out.
std::vector<DocumentChange> compare_documents(const OrderedJson& base, const OrderedJson& mine,
                                              const OrderedJson& theirs);

// The edit that makes `theirs` take mine where chosen (sets and additions first, then removals
// from the last index down, so every path is valid when applied).
EditTransaction merge_transaction(const OrderedJson& theirs, const std::vector<DocumentChange>& changes);

// "projects/example-bdo: name", "sources/whrb-2023-01-26 (the whole record)", "updated".
std::string describe_change(const DocumentChange& change);
// A value shortened for display: a string as it is, anything else as compact JSON, cut at
// `max_code_points` with "…"; "—" when absent.
std::string preview_value(const OrderedJson& value, std::size_t max_code_points = 80);

}  // namespace indtrack
