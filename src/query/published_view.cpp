#include "query/published_view.h"

#include <algorithm>

namespace indtrack {
namespace {

struct Cutoff {
  const Dataset& data;
  DayNumber day;

  // `about`: the date the fact is about, for a fact without a source.
  bool keeps(const Evidence& e, const std::optional<Date>& about = std::nullopt) const {
    if (e.source >= 0) return source_published_by(data, e.source, day);
    return !about || about->placement_day() <= day;
  }
  bool keeps(const Milestone& m) const { return keeps(m.evidence, m.reported ? m.reported : m.date); }
  bool keeps(const StatusReport& r) const { return keeps(r.evidence, r.as_of); }
  bool keeps(const Investment& i) const { return keeps(i.evidence, i.as_of); }
  bool keeps(const StatedTotal& t) const { return keeps(t.evidence, t.as_of); }
  bool keeps(const CapacityFact& c) const { return keeps(c.evidence); }
  bool keeps(const Statement& s) const { return keeps(s.evidence); }
  bool keeps(const Aggregate& a) const { return keeps(a.evidence, a.period); }

  template <class T>
  void prune(std::vector<T>& facts) const {
    std::erase_if(facts, [&](const T& f) { return !keeps(f); });
  }
};

}  // namespace

bool source_published_by(const Dataset& data, int source, DayNumber day) {
  if (source < 0 || source >= static_cast<int>(data.sources.size())) return false;
  return data.sources[static_cast<std::size_t>(source)].date.placement_day() <= day;
}

Dataset published_by(const Dataset& data, DayNumber day) {
  Dataset out = data;
  const Cutoff cut{data, day};
  for (Company& c : out.companies) cut.prune(c.evidence);
  for (Park& park : out.parks)
    if (!cut.keeps(park.district_evidence)) {
      park.district = -1;  // which district the park lies in was not yet reported
      park.district_evidence = {};
    }
  for (Project& p : out.projects) {
    if (p.park && !cut.keeps(p.park->evidence)) p.park.reset();
    if (p.district && !cut.keeps(p.district->evidence)) p.district.reset();
    cut.prune(p.investments);
    cut.prune(p.totals);
    cut.prune(p.milestones);
    cut.prune(p.status_reports);
    cut.prune(p.evidence);
    auto has_facts = [](const Unit& u) {
      return !u.capacity.empty() || !u.milestones.empty() || !u.status_reports.empty();
    };
    std::vector<Unit> units;
    for (Unit& u : p.units) {
      const bool had_facts = has_facts(u);
      cut.prune(u.capacity);
      cut.prune(u.milestones);
      cut.prune(u.status_reports);
      if (has_facts(u) || !had_facts) units.push_back(std::move(u));
    }
    p.units = std::move(units);
  }
  cut.prune(out.aggregates);
  out.rebuild_index();
  return out;
}

Dataset for_clock(Dataset data, const FilterSpec& f) {
  if (f.clock == Clock::KnownNow) return data;
  return published_by(data, as_of_day(f));
}

}  // namespace indtrack
