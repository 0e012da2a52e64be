// AppState: loading, selection, table rows and their order (app_state.h).
#include "ui/app_state.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "io/dataset_io.h"
#include "ui/format.h"

namespace indtrack::ui {

namespace {

// Every string of the dataset a panel may draw, so the font atlas holds its characters.
template <class Fn>
void for_each_text(const Dataset& d, Fn&& fn) {
  auto evidence = [&](const Evidence& e) {
    fn(e.quote);
    fn(e.note);
  };
  auto names = [&](const auto& item) {
    fn(item.name);
    fn(item.name_en);
  };
  fn(d.name);
  fn(d.name_en);
  fn(d.description);
  for (const Source& s : d.sources) {
    fn(s.publisher), fn(s.title), fn(s.date_basis), fn(s.url), fn(s.notes), fn(s.file);
  }
  for (const District& x : d.districts) {
    names(x);
    for (const auto& a : x.aliases) fn(a);
  }
  for (const Park& x : d.parks) {
    names(x);
    for (const auto& a : x.aliases) fn(a);
    evidence(x.district_evidence);
    fn(x.notes);
  }
  for (const Industry& x : d.industries) names(x);
  for (const Product& x : d.products) {
    names(x);
    fn(x.short_name);
  }
  for (const Company& x : d.companies) {
    names(x);
    fn(x.short_name);
    fn(x.notes);
    for (const auto& a : x.aliases) fn(a);
    for (const Statement& s : x.evidence) evidence(s.evidence);
  }
  auto milestones = [&](const std::vector<Milestone>& ms) {
    for (const Milestone& m : ms) evidence(m.evidence);
  };
  auto reports = [&](const std::vector<StatusReport>& rs) {
    for (const StatusReport& r : rs) evidence(r.evidence);
  };
  for (const Project& p : d.projects) {
    names(p);
    fn(p.notes);
    for (const auto& a : p.aliases) fn(a);
    if (p.park) evidence(p.park->evidence);
    if (p.district) evidence(p.district->evidence);
    for (const Investment& i : p.investments) {
      fn(i.phase);
      fn(i.amount.unit);
      evidence(i.evidence);
    }
    for (const Unit& u : p.units) {
      names(u);
      fn(u.phase);
      fn(u.notes);
      for (const CapacityFact& c : u.capacity) {
        fn(c.amount.unit);
        evidence(c.evidence);
      }
      milestones(u.milestones);
      reports(u.status_reports);
    }
    milestones(p.milestones);
    reports(p.status_reports);
    for (const Statement& s : p.evidence) evidence(s.evidence);
  }
  for (const Aggregate& a : d.aggregates) {
    fn(a.label), fn(a.label_en), fn(a.amount.unit);
    evidence(a.evidence);
  }
}

// Sum of primary capacities per product and dimension, in order of first appearance.
std::string capacity_summary(const Dataset& data, const Project& p, Language language,
                             double& mass_total) {
  struct Item {
    int product;
    Dimension dimension;
    double canonical;
  };
  std::vector<Item> items;
  mass_total = 0;
  for (const Unit& u : p.units) {
    if (u.capacity.empty()) continue;
    const Quantity& q = u.capacity.front().amount;  // the curator's primary statement
    auto it = std::find_if(items.begin(), items.end(), [&](const Item& i) {
      return i.product == u.product && i.dimension == q.dimension;
    });
    if (it == items.end())
      items.push_back({u.product, q.dimension, q.canonical});
    else
      it->canonical += q.canonical;
    if (q.dimension == Dimension::MassPerYear) mass_total += q.canonical;
  }
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += " · ";
    if (items[i].product >= 0 && items[i].product < static_cast<int>(data.products.size())) {
      out += name_of(data.products[items[i].product], language);
      out += ' ';
    }
    out += format_canonical(items[i].canonical, items[i].dimension);
  }
  return out;
}

template <class T>
const std::string& name_at(const std::vector<T>& items, int index, Language language) {
  static const std::string kEmpty;
  return index >= 0 && index < static_cast<int>(items.size()) ? name_of(items[index], language)
                                                               : kEmpty;
}

}  // namespace

TableDate table_date(const Dataset& data, const Project& p, MilestoneKind kind) {
  TableDate actual, plan;
  std::optional<Date> plan_reported;
  auto consider = [&](const Milestone& m) {
    if (m.kind != kind) return;
    if (!m.expected) {
      if (!actual.date || m.date < *actual.date) actual.date = m.date;
      return;
    }
    const std::optional<Date> reported = reported_date(data, m);
    // Newer plans supersede older ones; at the same report date the later target is kept.
    if (!plan.date || (reported && (!plan_reported || *plan_reported < *reported)) ||
        (reported == plan_reported && *plan.date < m.date)) {
      plan = {m.date, true};
      plan_reported = reported;
    }
  };
  for (const Milestone& m : p.milestones) consider(m);
  for (const Unit& u : p.units)
    for (const Milestone& m : u.milestones) consider(m);
  return actual.date ? actual : plan;
}

std::vector<ProjectRow> build_rows(const Dataset& data, Language language) {
  std::vector<ProjectRow> rows;
  rows.reserve(data.projects.size());
  for (std::size_t i = 0; i < data.projects.size(); ++i) {
    const Project& p = data.projects[i];
    ProjectRow r;
    r.project = static_cast<int>(i);
    r.name = name_of(p, language);
    r.company = name_at(data.companies, p.company, language);
    const DistrictOfProject district = district_of(data, p);
    r.district = name_at(data.districts, district.district, language);
    r.district_basis = district.basis;
    r.district_from_park = district.from_park;
    if (p.park) r.park = name_at(data.parks, p.park->index, language);
    for (int industry : p.industries) {
      if (!r.industry.empty()) r.industry += "、";
      r.industry += name_at(data.industries, industry, language);
    }
    r.capacity_text = capacity_summary(data, p, language, r.capacity_tpa);
    for (const Investment& inv : p.investments) {
      if (inv.scope != InvestmentScope::Total) continue;
      if (r.investment_yuan < 0) {
        r.investment_yuan = inv.amount.canonical;
        r.investment_text = format_money(inv.amount.canonical);
        if (inv.amount.approximate) r.investment_text = text(Str::Approximate, language) + (" " + r.investment_text);
      } else if (inv.amount.canonical != r.investment_yuan) {
        r.investment_conflict = true;
      }
    }
    r.construction_start = table_date(data, p, MilestoneKind::ConstructionStart);
    r.commissioning = table_date(data, p, MilestoneKind::Commissioning);
    rows.push_back(std::move(r));
  }
  return rows;
}

void sort_rows(std::vector<int>& order, const std::vector<ProjectRow>& rows, const TableSort& sort) {
  // -1: a before b, 1: after, 0: equal. Missing values compare after present ones regardless of
  // direction, so empty cells never crowd the top of the table.
  auto compare_text = [](const std::string& a, const std::string& b) {
    if (a.empty() != b.empty()) return a.empty() ? 2 : -2;
    return a < b ? -1 : (b < a ? 1 : 0);
  };
  auto compare_number = [](double a, double b, bool a_has, bool b_has) {
    if (a_has != b_has) return a_has ? -2 : 2;
    return a < b ? -1 : (b < a ? 1 : 0);
  };
  auto compare_date = [](const TableDate& a, const TableDate& b) {
    if (a.date.has_value() != b.date.has_value()) return a.date ? -2 : 2;
    if (!a.date) return 0;
    return *a.date < *b.date ? -1 : (*b.date < *a.date ? 1 : 0);
  };
  auto compare = [&](const ProjectRow& a, const ProjectRow& b) {
    switch (sort.column) {
      case SortColumn::Name: return compare_text(a.name, b.name);
      case SortColumn::Company: return compare_text(a.company, b.company);
      case SortColumn::District: return compare_text(a.district, b.district);
      case SortColumn::Park: return compare_text(a.park, b.park);
      case SortColumn::Industry: return compare_text(a.industry, b.industry);
      case SortColumn::Capacity:
        return compare_number(a.capacity_tpa, b.capacity_tpa, a.capacity_tpa > 0, b.capacity_tpa > 0);
      case SortColumn::Investment:
        return compare_number(a.investment_yuan, b.investment_yuan, a.investment_yuan >= 0,
                              b.investment_yuan >= 0);
      case SortColumn::ConstructionStart: return compare_date(a.construction_start, b.construction_start);
      case SortColumn::Commissioning: return compare_date(a.commissioning, b.commissioning);
    }
    return 0;
  };
  std::stable_sort(order.begin(), order.end(), [&](int ia, int ib) {
    int c = compare(rows[ia], rows[ib]);
    if (c == 2 || c == -2) return c < 0;  // a missing value: last in either direction
    if (sort.descending) c = -c;
    if (c != 0) return c < 0;
    return ia < ib;
  });
}

void AppState::emit_text(std::string_view text) {
  if (on_new_text && !text.empty()) on_new_text(text);
}

void AppState::emit_dataset_text(const Dataset& data) {
  if (!on_new_text) return;
  for_each_text(data, [&](const std::string& s) { emit_text(s); });
}

bool AppState::open_dataset(const std::string& path) {
  std::error_code ec;
  std::string absolute = std::filesystem::absolute(path, ec).lexically_normal().string();
  if (ec) absolute = path;
  LoadResult result = load_dataset(absolute);
  problems = std::move(result.problems);
  for (const Problem& p : problems) {
    emit_text(p.file);
    emit_text(p.path);
    emit_text(p.message);
  }
  if (!result.dataset) {
    problems_match_dataset = false;
    failed_path = absolute;
    emit_text(absolute);
    add_notice({Notice::Level::Error, Str::NoticeLoadFailedFmt,
                {absolute, std::to_string(count_severity(problems, Problem::Severity::Error))}});
    return false;
  }
  dataset = std::move(result.dataset);
  dataset->path = absolute;
  problems_match_dataset = true;
  failed_path.clear();
  selected_project = dataset->projects.empty() ? -1 : 0;
  scroll_to_selection = true;
  remember_recent_file(settings, absolute);
  emit_text(absolute);
  emit_dataset_text(*dataset);
  invalidate();
  return true;
}

bool AppState::reload() {
  if (!dataset) return false;
  const std::string path = dataset->path;
  const int selected = selected_project;
  const bool ok = open_dataset(path);
  if (ok && selected >= 0 && selected < static_cast<int>(dataset->projects.size()))
    selected_project = selected;  // same file, same order: keep the user's place
  return ok;
}

void AppState::set_language(Language language) {
  if (settings.language == language) return;
  settings.language = language;
  ui::set_language(language);
  invalidate();  // names in the rows change language
}

void AppState::set_sort(const TableSort& s) {
  if (sort == s) return;
  sort = s;
  invalidate();
}

void AppState::select_project(int index) {
  if (!dataset || index < -1 || index >= static_cast<int>(dataset->projects.size())) return;
  selected_project = index;
}

bool AppState::select_problem(std::size_t problem_index) {
  if (problem_index >= problems.size() || !problems_match_dataset || !dataset) return false;
  const int project = problems[problem_index].project;
  if (project < 0 || project >= static_cast<int>(dataset->projects.size())) return false;
  selected_project = project;
  scroll_to_selection = true;
  return true;
}

void AppState::add_notice(Notice notice) {
  for (const std::string& a : notice.args) emit_text(a);
  notices.push_back(std::move(notice));
}

void AppState::refresh() {
  if (refreshed_revision_ != revision_) {
    refreshed_revision_ = revision_;
    rows_.clear();
    visible_.clear();
    summary_ = dataset_summary_ = {};
    if (dataset) {
      rows_ = build_rows(*dataset, settings.language);
      // Filter: every project until the filter bar (query module) narrows this list.
      visible_.resize(rows_.size());
      for (std::size_t i = 0; i < rows_.size(); ++i) visible_[i] = static_cast<int>(i);
      sort_rows(visible_, rows_, sort);
      summary_ = summarize(*dataset, visible_);
      std::vector<int> all(rows_.size());
      for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
      dataset_summary_ = summarize(*dataset, all);
    }
  }
  if (detail_revision_ != revision_ || detail_selection_ != selected_project) {
    detail_revision_ = revision_;
    detail_selection_ = selected_project;
    detail_ = dataset ? build_detail(*dataset, selected_project, settings.language) : DetailModel{};
  }
}

VisibleSummary summarize(const Dataset& data, const std::vector<int>& projects) {
  VisibleSummary s;
  std::vector<bool> company_seen(data.companies.size()), source_seen(data.sources.size());
  auto cite = [&](const Evidence& e) {
    if (e.source < 0 || e.source >= static_cast<int>(source_seen.size()) || source_seen[e.source]) return;
    source_seen[e.source] = true;
    ++s.sources;
    if (data.sources[e.source].kind == Source::Kind::Article) ++s.articles;
  };
  for (int index : projects) {
    const Project& p = data.projects[index];
    ++s.projects;
    s.units += static_cast<int>(p.units.size());
    if (p.company >= 0 && p.company < static_cast<int>(company_seen.size()) && !company_seen[p.company]) {
      company_seen[p.company] = true;
      ++s.companies;
    }
    if (p.park) cite(p.park->evidence);
    if (p.district) cite(p.district->evidence);
    for (const Investment& i : p.investments) cite(i.evidence);
    for (const Milestone& m : p.milestones) cite(m.evidence);
    for (const StatusReport& r : p.status_reports) cite(r.evidence);
    for (const Statement& st : p.evidence) cite(st.evidence);
    for (const Unit& u : p.units) {
      for (const CapacityFact& c : u.capacity) cite(c.evidence);
      for (const Milestone& m : u.milestones) cite(m.evidence);
      for (const StatusReport& r : u.status_reports) cite(r.evidence);
    }
  }
  return s;
}

}  // namespace indtrack::ui
