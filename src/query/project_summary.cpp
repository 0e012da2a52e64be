#include "query/project_summary.h"

#include <algorithm>

#include "query/dataset_index.h"
#include "query/published_view.h"

namespace indtrack {

std::optional<KeyDate> key_date(const Dataset& data, const Project& p, MilestoneKind kind, DayNumber as_of) {
  const Milestone* actual = nullptr;
  const Milestone* expected = nullptr;
  std::optional<Date> expected_reported;
  auto scan = [&](const std::vector<Milestone>& ms) {
    for (const Milestone& m : ms) {
      if (m.kind != kind) continue;
      if (!m.expected) {
        if (m.date.placement_day() > as_of) continue;  // not yet happened on the as-of date
        if (!actual || m.date < actual->date) actual = &m;
      } else {
        const auto reported = reported_date(data, m);
        if (reported && reported->placement_day() > as_of) continue;  // not yet said
        if (!expected || (reported && (!expected_reported || *expected_reported < *reported))) {
          expected = &m;
          expected_reported = reported;
        }
      }
    }
  };
  scan(p.milestones);
  for (const Unit& u : p.units) scan(u.milestones);
  if (actual) return KeyDate{actual->date, false, actual};
  if (expected) return KeyDate{expected->date, true, expected};
  return std::nullopt;
}

std::string key_date_text(const std::optional<KeyDate>& k, bool english) {
  if (!k) return {};
  const bool trial = k->milestone && k->milestone->kind == MilestoneKind::TrialProduction;
  return (trial ? (english ? "trial " : "试生产 ") : "") + k->date.to_string() +
         (k->expected ? (english ? " (expected)" : "（预计）") : "");
}

std::optional<Date> latest_report_date(const Dataset& data, const Project& p) {
  return latest_report_date(data, cited_sources(p));  // the one walk over a project's evidence
}

std::optional<Date> latest_report_date(const Dataset& data, const std::vector<int>& cited,
                                       std::optional<DayNumber> as_of) {
  std::optional<Date> latest;
  for (const int source : cited) {
    if (source < 0 || source >= static_cast<int>(data.sources.size())) continue;
    if (as_of && !source_published_by(data, source, *as_of)) continue;
    const Date& d = data.sources[static_cast<std::size_t>(source)].date;
    // The later end wins: a report of "2024" may be newer than one of 2024-03.
    if (!latest || d.last_day() > latest->last_day()) latest = d;
  }
  return latest;
}

std::string possibly_stalled_rule_words(bool english) {
  static_assert(kStalledAfterMonths == 24, "the words below say two years");
  return english
             ? "Possibly stalled: not (wholly) operating and no report for two years (Global Energy "
               "Monitor's rule for shelved); a flag, not a status any source states"
             : "可能停滞：未全面投产，且两年无新报道（全球能源监测的搁置规则）；仅为提示，并非来源所述状态";
}

bool possibly_stalled(const ProjectStatus& status, const std::optional<Date>& latest_report,
                      DayNumber as_of) {
  if (!latest_report) return false;
  switch (status.status) {
    case Status::Announced:
    case Status::Signed:
    case Status::Construction:
    case Status::Trial:
      break;
    default:
      if (!status.partly_operating) return false;  // the lines not yet operating may have stalled
  }
  return complete_months_between(latest_report->last_day(), as_of) >= kStalledAfterMonths;
}

int excerpt_only_quotes(const Dataset& data, const Project& p) {
  int n = 0;
  auto count = [&](const Evidence& e) {
    if (e.source >= 0 && !e.quote.empty() &&
        data.sources[static_cast<std::size_t>(e.source)].kind == Source::Kind::Reference)
      ++n;
  };
  if (p.park) count(p.park->evidence);
  if (p.district) count(p.district->evidence);
  for (const Investment& inv : p.investments) count(inv.evidence);
  for (const StatedTotal& t : p.totals) count(t.evidence);
  for (const Milestone& m : p.milestones) count(m.evidence);
  for (const StatusReport& r : p.status_reports) count(r.evidence);
  for (const Statement& s : p.evidence) count(s.evidence);
  for (const Unit& u : p.units) {
    for (const CapacityFact& c : u.capacity) count(c.evidence);
    for (const Milestone& m : u.milestones) count(m.evidence);
    for (const StatusReport& r : u.status_reports) count(r.evidence);
  }
  return n;
}

namespace {

// What a summary needs beyond the project itself, derived on the spot for one project (the
// DatasetIndex keeps the same for every project).
struct OnTheSpotFacts {
  OnTheSpotFacts(const Dataset& data, const Project& p)
      : own(data, p.milestones, p.status_reports),
        inherited(inherited_timelines(data, p)),
        facility(facility_flags(p)),
        known_since(project_known_since(data, p)),
        unit_known(unit_known_since(data, p, known_since)),
        cited_sources(indtrack::cited_sources(p)) {
    units.reserve(p.units.size());
    for (const Unit& u : p.units) units.emplace_back(data, u.milestones, u.status_reports);
  }
  ProjectStatus status_at(DayNumber day) const {
    return project_status_from(own, units, known_since, day, &inherited, &facility, &unit_known);
  }
  DerivedStatus unit_status_at(int unit, DayNumber day) const {
    return unit_status_from(units[unit], inherited.empty() ? own : inherited[unit], unit_known[unit], day);
  }
  StatusTimeline own;
  std::vector<StatusTimeline> inherited;
  std::vector<unsigned char> facility;
  std::vector<StatusTimeline> units;
  std::optional<DayNumber> known_since;
  std::vector<std::optional<DayNumber>> unit_known;
  std::vector<int> cited_sources;
};

// The summary rule, written once for ProjectFacts and OnTheSpotFacts.
template <class Facts>
ProjectSummary summarize(const Dataset& data, int project, const Facts& facts, DayNumber as_of) {
  const Project& p = data.projects[project];
  ProjectSummary s;
  s.project = project;
  s.status = facts.status_at(as_of);
  for (std::size_t ui = 0; ui < p.units.size(); ++ui) {
    const Unit& u = p.units[ui];
    if (u.product < 0 || u.capacity.empty()) continue;
    const Quantity& q = u.capacity.front().amount;
    auto it = std::find_if(s.capacity.begin(), s.capacity.end(), [&](const ProductCapacity& c) {
      return c.product == u.product && c.dimension == q.dimension;
    });
    if (it == s.capacity.end()) {
      s.capacity.push_back({u.product, q.dimension, 0, {}});
      it = s.capacity.end() - 1;
    }
    it->designed += q.canonical;
    const int unit = static_cast<int>(ui);
    if (const auto c =
            line_category(data, p, unit, facts.units[ui], facts.unit_status_at(unit, as_of), as_of))
      it->by_category[static_cast<std::size_t>(c->category)] += q.canonical;
  }
  for (const Investment& inv : p.investments) {
    if (inv.scope == InvestmentScope::Total && !s.total_investment) {
      s.total_investment = inv.amount.canonical;
      s.total_statement = &inv;
    }
  }
  std::optional<Date> completed_as_of;
  for (const Investment& inv : p.investments) {
    if (inv.scope != InvestmentScope::Completed) continue;
    std::optional<Date> when = inv.as_of;
    if (!when && inv.evidence.source >= 0) when = data.sources[inv.evidence.source].date;
    if (!when || when->placement_day() > as_of) continue;
    if (!completed_as_of || *completed_as_of < *when) {
      completed_as_of = when;
      s.completed_investment = inv.amount.canonical;
      s.completed_statement = &inv;
    }
  }
  s.construction_start = key_date(data, p, MilestoneKind::ConstructionStart, as_of);
  s.commissioning = key_date(data, p, MilestoneKind::Commissioning, as_of);
  if (!s.commissioning) s.commissioning = key_date(data, p, MilestoneKind::TrialProduction, as_of);
  // The newest report published by the as-of date; none for two years while the project is
  // not operating: possibly stalled (docs/status.md, "Freshness").
  s.latest_report = latest_report_date(data, facts.cited_sources, as_of);
  s.possibly_stalled = possibly_stalled(s.status, s.latest_report, as_of);
  return s;
}

}  // namespace

ProjectSummary summarize_project(const Dataset& data, int index, DayNumber as_of) {
  return summarize(data, index, OnTheSpotFacts(data, data.projects[index]), as_of);
}

ProjectSummary summarize_project(const DatasetIndex& index, int project, DayNumber as_of) {
  return summarize(index.data(), project, index.facts(project), as_of);
}

std::string format_capacities(const Dataset& data, const std::vector<ProductCapacity>& caps,
                              const std::vector<int>& only, bool operating, bool english) {
  std::string out;
  for (const ProductCapacity& c : caps) {
    if (!only.empty() && std::find(only.begin(), only.end(), c.product) == only.end()) continue;
    const double amount = operating ? c.operating() : c.designed;
    if (operating && amount <= 0) continue;
    if (!out.empty()) out += "; ";
    const Product& pr = data.products[c.product];
    out += display_name(pr, english);
    out += ' ';
    out += format_amount(amount, c.dimension, english);
  }
  return out;
}

}  // namespace indtrack
