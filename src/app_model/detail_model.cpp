// Builds the detail panel's content for one project (detail_model.h).
#include "app_model/detail_model.h"

#include "query/filter.h"
#include "query/project_summary.h"

#include <algorithm>
#include <map>

#include "app_model/format.h"
#include "app_model/notice.h"

namespace indtrack::ui {

DetailSource make_detail_source(const Dataset& data, int index, int number, Language language) {
  const bool english = language == Language::English;
  const Source& source = data.sources[static_cast<std::size_t>(index)];
  DetailSource s;
  s.number = number;
  s.source_index = index;
  s.publisher = publisher_text(source, english);
  s.title = source.title;
  s.date = source.date.to_string();
  s.date_basis = in_language(source.date_basis, source.date_basis_en, english);
  s.url = source.url;
  s.notes = in_language(source.notes, source.notes_en, english);
  s.is_article = source.kind == Source::Kind::Article;
  return s;
}

namespace {

template <class T>
const T* item_at(const std::vector<T>& items, int index) {
  return index >= 0 && index < static_cast<int>(items.size()) ? &items[index] : nullptr;
}

class DetailBuilder {
 public:
  DetailBuilder(const Dataset& data, Language language, DetailModel& out)
      : data_(data), language_(language), out_(out) {}

  // Numbers sources in order of first use and collects each source's quotes.
  EvidenceRef ref(const Evidence& e) {
    const bool english = language_ == Language::English;
    EvidenceRef r{0, e.quote, e.basis, in_language(e.note, e.note_en, english)};
    const Source* source = item_at(data_.sources, e.source);
    if (!source) return r;
    auto [it, inserted] = numbers_.try_emplace(e.source, static_cast<int>(out_.sources.size()) + 1);
    if (inserted) out_.sources.push_back(make_detail_source(data_, e.source, it->second, language_));
    r.source_number = it->second;
    auto& quotes = out_.sources[static_cast<std::size_t>(it->second - 1)].quotes;
    if (!e.quote.empty() && std::find(quotes.begin(), quotes.end(), e.quote) == quotes.end())
      quotes.push_back(e.quote);
    return r;
  }

  std::string product_name(int index) const {
    const Product* p = item_at(data_.products, index);
    return p ? name_of(*p, language_) : std::string();
  }

  // "仅指 PTMEG 生产线" / "一期 only": what a project-level fact is about, when narrower.
  std::string scope_text(const FactScope& scope) const {
    std::string out;
    if (scope.product >= 0) {
      const Product* p = item_at(data_.products, scope.product);
      if (p)
        out = fill(text(Str::ScopeProductFmt, language_), {display_name(*p, language_ == Language::English)});
    }
    if (!scope.phase.empty()) {
      if (!out.empty()) out += " · ";
      out += fill(text(Str::ScopePhaseFmt, language_), {scope.phase});
    }
    return out;
  }

  std::vector<DetailMilestone> milestones(const std::vector<Milestone>& list) {
    std::vector<const Milestone*> sorted;
    for (const Milestone& m : list) sorted.push_back(&m);
    // By date; at equal dates the event before the plan.
    std::stable_sort(sorted.begin(), sorted.end(), [](const Milestone* a, const Milestone* b) {
      if (a->date != b->date) return a->date < b->date;
      return !a->expected && b->expected;
    });
    std::vector<DetailMilestone> out;
    for (const Milestone* m : sorted) {
      DetailMilestone d;
      d.kind = std::string(label(m->kind, language_));
      d.date = m->date.to_string();
      d.expected = m->expected;
      if (const auto reported = reported_date(data_, *m)) d.reported = reported->to_string();
      d.scope = scope_text(m->scope);
      d.evidence = ref(m->evidence);
      out.push_back(std::move(d));
    }
    return out;
  }

  std::vector<DetailStatusReport> reports(const std::vector<StatusReport>& list) {
    std::vector<DetailStatusReport> out;
    for (const StatusReport& r : list) {
      DetailStatusReport d;
      d.status = std::string(label(r.status, language_));
      if (const auto as_of = as_of_date(data_, r)) d.as_of = as_of->to_string();
      d.scope = scope_text(r.scope);
      d.evidence = ref(r.evidence);
      out.push_back(std::move(d));
    }
    return out;
  }

  // Actual events of one kind that disagree (different dates, or marked conflicting).
  void milestone_conflicts(const std::string& subject, const std::vector<Milestone>& list) {
    std::map<MilestoneKind, std::vector<const Milestone*>> by_kind;
    for (const Milestone& m : list)
      if (!m.expected) by_kind[m.kind].push_back(&m);
    for (const auto& [kind, group] : by_kind) {
      if (group.size() < 2) continue;
      const Date& first = group.front()->date;  // clang cannot capture a structured binding
      const bool dates_differ =
          std::any_of(group.begin(), group.end(), [&first](const Milestone* m) { return m->date != first; });
      const bool marked = std::any_of(group.begin(), group.end(), [](const Milestone* m) {
        return m->evidence.basis == Basis::Conflicting;
      });
      if (!dates_differ && !marked) continue;
      DetailConflict c;
      c.topic = subject.empty() ? std::string(label(kind, language_))
                                : subject + " · " + std::string(label(kind, language_));
      for (const Milestone* m : group)
        c.statements.push_back({std::string(label(kind, language_)), m->date.to_string(), ref(m->evidence)});
      out_.conflicts.push_back(std::move(c));
    }
  }

 private:
  const Dataset& data_;
  Language language_;
  DetailModel& out_;
  std::map<int, int> numbers_;  // source index -> number
};

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& s : items) {
    if (s.empty()) continue;
    if (!out.empty()) out += separator;
    out += s;
  }
  return out;
}

}  // namespace

DetailModel build_detail(const Dataset& data, int project_index, Language language) {
  DetailModel out;
  const Project* p = item_at(data.projects, project_index);
  if (!p) return out;
  out.project = project_index;
  DetailBuilder b(data, language, out);
  const char* separator = language == Language::English ? ", " : "、";

  out.title = name_of(*p, language);
  const std::string& other = language == Language::English ? p->name : p->name_en;
  if (!other.empty() && other != out.title) out.subtitle = other;
  out.aliases = p->aliases;

  // Facts: company, parent, park, district, industries, products.
  if (const Company* c = item_at(data.companies, p->company)) {
    std::string value = full_name_of(*c, language);
    if (!c->short_name.empty() && c->short_name != value)
      value += language == Language::English ? " (" + c->short_name + ")" : "（" + c->short_name + "）";
    out.facts.push_back({text(Str::DetailCompany, language), value, {}});
    if (const Company* parent = item_at(data.companies, c->parent))
      out.facts.push_back({text(Str::DetailParent, language), full_name_of(*parent, language), {}});
    for (const Statement& s : c->evidence)
      out.statements.push_back({name_of(*c, language), {}, b.ref(s.evidence)});
  }
  if (p->park) {
    const Park* park = item_at(data.parks, p->park->index);
    out.facts.push_back(
        {text(Str::DetailPark, language), park ? name_of(*park, language) : "", b.ref(p->park->evidence)});
  }
  const DistrictOfProject district = district_of(data, *p);
  if (const District* d = item_at(data.districts, district.district)) {
    DetailFact fact{text(Str::DetailDistrict, language), name_of(*d, language), {}};
    if (district.evidence) fact.evidence = b.ref(*district.evidence);
    fact.evidence.basis = district.basis;
    if (district.basis != Basis::Stated) {
      out.district_basis = std::string(label(district.basis, language));
      if (district.from_park)
        out.district_basis += std::string(" · ") + text(Str::DetailDistrictFromPark, language);
    }
    if (district.basis == Basis::Conflicting)
      out.conflicts.push_back({text(Str::DetailDistrict, language), {fact}});
    out.facts.push_back(std::move(fact));
  }
  std::vector<std::string> industries;
  for (int i : p->industries)
    if (const Industry* industry = item_at(data.industries, i))
      industries.push_back(name_of(*industry, language));
  if (!industries.empty())
    out.facts.push_back({text(Str::DetailIndustries, language), join(industries, separator), {}});
  std::vector<std::string> products;
  for (int id : project_products(data, *p)) products.push_back(b.product_name(id));
  if (!products.empty())
    out.facts.push_back({text(Str::DetailProducts, language), join(products, separator), {}});

  // Investments, and total-investment statements that disagree.
  std::vector<DetailFact> totals;
  std::vector<double> total_values;
  for (const Investment& inv : p->investments) {
    const std::string what(label(inv.scope, language));
    std::string value = format_as_written(inv.amount, language);
    if (!inv.phase.empty()) value += " · " + inv.phase;  // the label column is narrow
    if (inv.as_of) value += " · " + fill(text(Str::AsOfFmt, language), {inv.as_of->to_string()});
    DetailFact fact{what, value, b.ref(inv.evidence)};
    if (inv.scope == InvestmentScope::Total) {
      totals.push_back(fact);
      total_values.push_back(inv.amount.canonical);
    }
    out.investments.push_back(std::move(fact));
  }
  if (totals.size() > 1 && std::any_of(total_values.begin(), total_values.end(),
                                       [&](double v) { return v != total_values.front(); }))
    out.conflicts.push_back({std::string(label(InvestmentScope::Total, language)), totals});

  // Totals as the sources state them, beside the lines.
  for (const StatedTotal& t : p->totals) {
    std::string value = format_as_written(t.amount, language);
    if (!t.phase.empty()) value += " · " + t.phase;
    if (t.expected) value += " · " + std::string(text(Str::MilestoneExpected, language));
    if (t.as_of) value += " · " + fill(text(Str::AsOfFmt, language), {t.as_of->to_string()});
    out.totals.push_back({b.product_name(t.product), value, b.ref(t.evidence)});
  }
  if (const auto latest = latest_report_date(data, *p)) out.latest_report = latest->to_string();

  // Production lines.
  for (const Unit& u : p->units) {
    DetailUnit d;
    d.name = name_of(u, language);
    d.product = b.product_name(u.product);
    d.phase = u.phase;
    for (std::size_t i = 0; i < u.capacity.size(); ++i) {
      const CapacityFact& c = u.capacity[i];
      d.capacity.push_back(
          {text(Str::DetailCapacity, language), format_as_written(c.amount, language), b.ref(c.evidence)});
    }
    if (d.capacity.size() > 1)
      out.conflicts.push_back({d.name + " · " + text(Str::DetailCapacity, language), d.capacity});
    d.milestones = b.milestones(u.milestones);
    d.status_reports = b.reports(u.status_reports);
    d.notes = in_language(u.notes, u.notes_en, language == Language::English);
    b.milestone_conflicts(d.name, u.milestones);
    out.units.push_back(std::move(d));
  }

  out.milestones = b.milestones(p->milestones);
  b.milestone_conflicts({}, p->milestones);
  out.status_reports = b.reports(p->status_reports);
  for (const Statement& s : p->evidence)
    out.statements.push_back({{}, {}, b.ref(s.evidence)});  // the section heading names them
  out.notes = in_language(p->notes, p->notes_en, language == Language::English);
  return out;
}

}  // namespace indtrack::ui
