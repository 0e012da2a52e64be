// The edits a curator makes, as transactions (edit_op.h) on the canonical document: change a
// field of a project, a production line or a milestone; add or remove a project, a line or a
// milestone; add an article source. Paths follow docs/data-format.md; records are built in the
// format's field order. New ids are generated unique (ids are never reused for another record).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "edit/edit_op.h"
#include "model/dataset.h"

namespace indtrack {

// JSON pointers of records: "/projects/3", "/projects/3/units/0", "/projects/3/milestones"
// (unit < 0: the project's own list), "/projects/3/units/0/milestones/2".
std::string project_pointer(int project);
std::string unit_pointer(int project, int unit);
std::string milestones_pointer(int project, int unit);
std::string milestone_pointer(int project, int unit, int milestone);

// Sets `field` of the record at `record` to `value`; an empty string or null removes the field
// (the format omits empty optional fields).
EditTransaction set_field(std::string label, const std::string& record, std::string_view field,
                          OrderedJson value);

// An id made of ASCII letters, digits, '.', '_' and '-' from `base` (other characters dropped),
// with "-2", "-3" ... appended until `taken(id)` is false.
template <class Taken>
std::string unique_id(std::string_view base, Taken&& taken);
std::string slug(std::string_view text);  // the id-safe part of `text`, lower case; may be empty
bool unit_id_taken(const Dataset& data, std::string_view id);  // unit ids are unique dataset-wide

// A new project with only an id and a name (the curator adds the rest).
EditTransaction add_project(const Dataset& data, const std::string& name);
EditTransaction remove_project(const Dataset& data, int project);
// A new production line (name and product: both required by the format).
EditTransaction add_unit(const Dataset& data, int project, const std::string& name, int product);
EditTransaction remove_unit(const Dataset& data, int project, int unit);

struct MilestoneFields {
  MilestoneKind kind = MilestoneKind::Announced;
  std::string date;  // YYYY[-MM[-DD]] as typed; the loader judges it
  bool expected = false;
  int source = -1;  // index into Dataset::sources
  std::string quote;
  Basis basis = Basis::Stated;
  std::string note;
};
OrderedJson milestone_json(const Dataset& data, const MilestoneFields& m);
EditTransaction add_milestone(const Dataset& data, int project, int unit, const MilestoneFields& m);
EditTransaction remove_milestone(const Dataset& data, int project, int unit, int milestone);

// An article the curator imports: the record of docs/data-format.md "sources".
struct ArticleSource {
  std::string id;  // "article-2024-03-01"
  std::string publisher, title;
  std::string date;  // YYYY[-MM[-DD]]
  std::string file;  // relative to the dataset: "sources/article-2024-03-01.txt"
};
OrderedJson source_json(const ArticleSource& s);
EditOp add_source_op(const ArticleSource& s);
// "article-<date>" (or "article" without a date) made unique among the dataset's sources.
std::string suggest_source_id(const Dataset& data, std::string_view date);

// ---- implementation of the template ----
template <class Taken>
std::string unique_id(std::string_view base, Taken&& taken) {
  std::string root = slug(base);
  if (root.empty()) root = "item";
  if (!taken(root)) return root;
  for (int n = 2;; ++n) {
    std::string candidate = root + "-" + std::to_string(n);
    if (!taken(candidate)) return candidate;
  }
}

}  // namespace indtrack
