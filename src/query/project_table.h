// The filtered projects as a table of text, one row per project at the filter's as-of date, in
// Chinese or English: what `indtrack list` prints (table, CSV, JSON) and the report pack's
// projects.csv.
#pragma once

#include <string>
#include <vector>

#include "model/dataset.h"
#include "query/filter.h"
#include "query/project_summary.h"

namespace indtrack {

struct ProjectTableRow {
  std::string id, name, company, company_full, district, district_basis, park, status, capacity, operating,
      total_investment, completed_investment, construction_start, commissioning, latest_report;
  int excerpt_only_quotes = 0;    // quotes from reports whose text is not held (not checkable offline)
  bool possibly_stalled = false;  // no report for two years while not operating (a flag, not a status)
};

// With `spec.products` set, capacities are those of the chosen products only.
ProjectTableRow project_table_row(const Dataset& data, const ProjectSummary& summary, const FilterSpec& spec,
                                  bool english);

// The rows as CSV (header row first, no byte-order mark); every row carries `as_of_text` and the
// clock it runs on ("now" / "published", clock_id).
std::string project_rows_csv(const std::vector<ProjectTableRow>& rows, const std::string& as_of_text,
                             Clock clock);
// The projects passing `spec` as `indtrack list --format csv` prints them.
std::string project_table_csv(const Dataset& data, const FilterSpec& spec, bool english);

}  // namespace indtrack
