// From a fact the extractor proposed (extract/extractor.h), reviewed and perhaps corrected by the
// curator, to the records it becomes in the dataset: a capacity statement on a production line
// (an existing one, or a new one), a milestone of a project or a line, or an investment — into
// an existing project or a new one — with the article as its source and the sentence as its
// verbatim quote. Accepting is one transaction, so one undo takes it back.
#pragma once

#include <string>
#include <string_view>

#include "edit/dataset_edits.h"
#include "extract/extractor.h"

namespace indtrack {

// What the curator accepts: the extractor's reading, editable field by field.
struct FactDraft {
  FactKind kind = FactKind::Capacity;
  double value = 0;  // as written, in `unit` (10.4)
  std::string unit;  // a unit of core/units.h (万吨/年, 亿元, 万千瓦 ...)
  bool approximate = false;
  std::string date;  // YYYY[-MM[-DD]]: a date fact's date
  MilestoneKind milestone = MilestoneKind::Announced;
  bool expected = false;
  InvestmentScope scope = InvestmentScope::Total;
  std::string quote;  // the sentence, verbatim (line breaks of the column layout removed)
  Basis basis = Basis::Stated;
  std::string note;  // e.g. "year from the article date (2023-01-26)"
};

// The extractor's reading as a draft: the value in the unit the article wrote (found in the
// mention, else the unit reports use: 万吨/年, 亿元, 万千瓦 ...), the quote with line breaks
// removed, an inferred year marked "inferred" with the extractor's note.
FactDraft draft_from_fact(const ExtractedFact& fact, std::string_view article_text);

// The sentence without the line breaks of a hard-wrapped column (a break between two ASCII
// letters or digits becomes a space). It still occurs in the text under the loader's
// whitespace-insensitive quote check.
std::string unwrap_quote(std::string_view text);

// Where an accepted fact goes.
struct FactTarget {
  int project = -1;  // -1: a new project named `new_project_name`
  std::string new_project_name;
  int company = -1;           // a new project's company (-1: none)
  int unit = -1;              // capacity: the line (-1: a new line); date: the line whose
                              // milestone it is (-1: the project's own)
  std::string new_unit_name;  // a new line's name
  int product = -1;           // a new line's product (required for a new line)
};

// Indices that no longer exist in `data` (after an undo, or in another file) become -1: a new
// project or line, no company or product. True when something was reset.
bool clamp_target(const Dataset& data, FactTarget& target);

// The transaction that adds the fact, preceded by adding `source` when the dataset has no
// source with that id yet. A second capacity statement that differs from a line's first is
// marked "conflicting" (the format keeps disagreeing sources side by side). Indices out of range
// are treated as by clamp_target().
EditTransaction accept_fact(const Dataset& data, const OrderedJson& document, const FactDraft& draft,
                            const FactTarget& target, const ArticleSource& source);

// The id the next new project of `source` will get ("<source id>-p1", ...).
std::string new_project_id(const Dataset& data, const ArticleSource& source);

}  // namespace indtrack
