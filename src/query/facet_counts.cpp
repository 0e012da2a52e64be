// Option counts of the filter bar (facet_counts.h).
#include "query/facet_counts.h"

#include "query/project_summary.h"

namespace indtrack {

FacetCounts count_facets(const DatasetIndex& index, const FilterSpec& filter,
                         const std::vector<int>& visible) {
  const Dataset& data = index.data();
  FacetCounts c;
  c.districts.assign(data.districts.size(), 0);
  c.parks.assign(data.parks.size(), 0);
  c.industries.assign(data.industries.size(), 0);
  c.products.assign(data.products.size(), 0);
  c.companies.assign(data.companies.size(), 0);
  // The projects passing every filter kind but `kind`'s own: the visible ones when the filter
  // does not restrict that kind (the common case: no extra pass), else one more filter pass.
  auto passing_without = [&](auto FilterSpec::*kind_ids) {
    if ((filter.*kind_ids).empty()) return visible;
    FilterSpec f = filter;
    (f.*kind_ids).clear();
    return filter_projects(index, f);
  };
  // The index's facts give each project's district, industries, products, companies and status
  // exactly as the Dataset-taking helpers do, without deriving them again.
  // A project whose sources name two districts is selected by either (filter.cpp), so both count
  // it: an option's count is the number of rows that choosing it shows.
  for (int i : passing_without(&FilterSpec::districts))
    for (int d : index.facts(i).district_candidates) ++c.districts[static_cast<std::size_t>(d)];
  for (int i : passing_without(&FilterSpec::parks)) {
    const Project& p = data.projects[static_cast<std::size_t>(i)];
    if (p.park && p.park->index >= 0) ++c.parks[static_cast<std::size_t>(p.park->index)];
  }
  for (int i : passing_without(&FilterSpec::industries))
    for (int x : index.facts(i).industries) ++c.industries[static_cast<std::size_t>(x)];
  for (int i : passing_without(&FilterSpec::products))
    for (int x : index.facts(i).products) ++c.products[static_cast<std::size_t>(x)];
  // A group company counts its subsidiaries' projects, as the filter selects them.
  for (int i : passing_without(&FilterSpec::companies))
    for (int company : index.facts(i).companies) ++c.companies[static_cast<std::size_t>(company)];
  const DayNumber as_of = as_of_day(filter);
  for (int i : passing_without(&FilterSpec::statuses))
    ++c.statuses[static_cast<std::size_t>(index.facts(i).status_at(as_of).status)];
  if (filter.possibly_stalled) {
    c.possibly_stalled = static_cast<int>(visible.size());
  } else {
    for (int i : visible) {
      const ProjectFacts& facts = index.facts(i);
      c.possibly_stalled += possibly_stalled(facts.status_at(as_of),
                                             latest_report_date(data, facts.cited_sources, as_of), as_of);
    }
  }
  return c;
}

}  // namespace indtrack
