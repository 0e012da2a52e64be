// AppState: loading, selection, table rows and their order (app_state.h).
#include "app_model/app_state.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "app_model/format.h"
#include "io/dataset_io.h"
#include "query/filter_json.h"
#include "query/published_view.h"
#include "query/status.h"

namespace indtrack::ui {

namespace {

const Date& date_of(const KeyDate& d) { return d.date; }
const Date& date_of(const Date& d) { return d; }

// Every string of the dataset a panel may draw, so the font atlas holds its characters.
template <class Fn>
void for_each_text(const Dataset& d, Fn&& fn) {
  auto evidence = [&](const Evidence& e) {
    fn(e.quote);
    fn(e.note);
    fn(e.note_en);
  };
  auto names = [&](const auto& item) {
    fn(item.name);
    fn(item.name_en);
  };
  fn(d.name);
  fn(d.name_en);
  fn(d.description);
  fn(d.description_en);
  for (const Source& s : d.sources) {
    fn(s.publisher), fn(s.via), fn(s.title), fn(s.date_basis), fn(s.date_basis_en), fn(s.url), fn(s.notes),
        fn(s.notes_en), fn(s.file);
    fn(publisher_text(s, false));  // the repost wording ("，经…转载")
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
    fn(x.notes_en);
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
    fn(x.notes_en);
    for (const auto& a : x.aliases) fn(a);
    for (const Statement& s : x.evidence) evidence(s.evidence);
  }
  auto milestones = [&](const std::vector<Milestone>& ms) {
    for (const Milestone& m : ms) {
      evidence(m.evidence);
      fn(m.scope.phase);
    }
  };
  auto reports = [&](const std::vector<StatusReport>& rs) {
    for (const StatusReport& r : rs) {
      evidence(r.evidence);
      fn(r.scope.phase);
    }
  };
  for (const Project& p : d.projects) {
    names(p);
    fn(p.notes);
    fn(p.notes_en);
    for (const StatedTotal& t : p.totals) {
      fn(t.phase);
      fn(t.amount.unit);
      evidence(t.evidence);
    }
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
      fn(u.notes_en);
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

template <class T>
const std::string& name_at(const std::vector<T>& items, int index, Language language) {
  static const std::string kEmpty;
  return index >= 0 && index < static_cast<int>(items.size()) ? name_of(items[index], language) : kEmpty;
}

}  // namespace

std::vector<ProjectRow> build_rows(const Dataset& data, const std::vector<ProjectSummary>& summaries,
                                   Language language) {
  const bool english = language == Language::English;
  std::vector<ProjectRow> rows;
  rows.reserve(data.projects.size());
  for (std::size_t i = 0; i < data.projects.size(); ++i) {
    const Project& p = data.projects[i];
    const ProjectSummary& s = summaries[i];
    ProjectRow r;
    r.project = static_cast<int>(i);
    r.name = name_of(p, language);
    if (p.company >= 0 && p.company < static_cast<int>(data.companies.size())) {
      const Company& company = data.companies[static_cast<std::size_t>(p.company)];
      r.company = short_name_of(company, language);
      r.company_full = full_name_of(company, language);
    }
    const DistrictOfProject district = district_of(data, p);
    r.district = name_at(data.districts, district.district, language);
    r.district_basis = district.basis;
    r.district_from_park = district.from_park;
    if (p.park) r.park = name_at(data.parks, p.park->index, language);
    for (int industry : project_industries(data, p)) {
      if (!r.industry.empty()) r.industry += english ? ", " : "、";
      r.industry += name_at(data.industries, industry, language);
    }
    r.status = s.status.status;
    r.partly_operating = s.status.partly_operating;
    r.status_why = inferred_status_words(s.status.decided_by, english);
    r.capacity_text = format_capacities(data, s.capacity, {}, false, english);
    for (const ProductCapacity& c : s.capacity)
      if (c.dimension == Dimension::MassPerYear) r.capacity_tpa += c.designed;
    if (s.total_investment) {
      r.investment_yuan = *s.total_investment;
      r.investment_text = format_amount(*s.total_investment, Dimension::Money, english);
      for (const Investment& inv : p.investments) {
        if (inv.scope != InvestmentScope::Total) continue;
        if (inv.amount.canonical == *s.total_investment && inv.amount.approximate &&
            r.investment_text.find(text(Str::Approximate, language)) == std::string::npos)
          r.investment_text = std::string(text(Str::Approximate, language)) + " " + r.investment_text;
        if (inv.amount.canonical != *s.total_investment) r.investment_conflict = true;
      }
    }
    r.construction_start = s.construction_start;
    r.commissioning = s.commissioning;
    r.latest_report = s.latest_report;
    r.possibly_stalled = s.possibly_stalled;
    rows.push_back(std::move(r));
  }
  return rows;
}

void sort_rows(std::vector<int>& order, const std::vector<ProjectRow>& rows, const TableSort& sort) {
  // -1: a before b, 1: after, 0: equal; ±2: one value is missing, which sorts last in either
  // direction so empty cells never crowd the top of the table.
  auto compare_text = [](const std::string& a, const std::string& b) {
    if (a.empty() != b.empty()) return a.empty() ? 2 : -2;
    return a < b ? -1 : (b < a ? 1 : 0);
  };
  auto compare_number = [](double a, double b, bool a_has, bool b_has) {
    if (a_has != b_has) return a_has ? -2 : 2;
    return a < b ? -1 : (b < a ? 1 : 0);
  };
  // Missing dates last; a KeyDate compares by its date.
  auto compare_date = [](const auto& a, const auto& b) {
    if (a.has_value() != b.has_value()) return a ? -2 : 2;
    if (!a) return 0;
    const Date& da = date_of(*a);
    const Date& db = date_of(*b);
    return da < db ? -1 : (db < da ? 1 : 0);
  };
  auto status_key = [](const ProjectRow& r) {
    // Progress order; a partly operating project sits just below a fully operating one.
    return progress_rank(r.status) * 2 + (r.status == Status::Operating && !r.partly_operating ? 1 : 0);
  };
  auto compare = [&](const ProjectRow& a, const ProjectRow& b) {
    switch (sort.column) {
      case SortColumn::Name:
        return compare_text(a.name, b.name);
      case SortColumn::Company:
        return compare_text(a.company, b.company);
      case SortColumn::District:
        return compare_text(a.district, b.district);
      case SortColumn::Park:
        return compare_text(a.park, b.park);
      case SortColumn::Industry:
        return compare_text(a.industry, b.industry);
      case SortColumn::Status:
        return compare_number(status_key(a), status_key(b), a.status != Status::Unknown,
                              b.status != Status::Unknown);
      case SortColumn::Capacity:
        return compare_number(a.capacity_tpa, b.capacity_tpa, a.capacity_tpa > 0, b.capacity_tpa > 0);
      case SortColumn::Investment:
        return compare_number(a.investment_yuan, b.investment_yuan, a.investment_yuan >= 0,
                              b.investment_yuan >= 0);
      case SortColumn::ConstructionStart:
        return compare_date(a.construction_start, b.construction_start);
      case SortColumn::Commissioning:
        return compare_date(a.commissioning, b.commissioning);
      case SortColumn::LatestReport:
        return compare_date(a.latest_report, b.latest_report);
    }
    return 0;
  };
  std::stable_sort(order.begin(), order.end(), [&](int ia, int ib) {
    int c = compare(rows[static_cast<std::size_t>(ia)], rows[static_cast<std::size_t>(ib)]);
    if (c == 2 || c == -2) return c < 0;
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

std::string AppState::absolute_dataset_path(const std::string& path) {
  std::error_code ec;
  std::string absolute = std::filesystem::absolute(path, ec).lexically_normal().string();
  return ec ? path : absolute;
}

bool AppState::open_dataset(const std::string& path) {
  const std::string absolute = absolute_dataset_path(path);
  return adopt_load(absolute, load_dataset(absolute));
}

bool AppState::adopt_load(const std::string& absolute, LoadResult result, std::optional<DatasetIndex> index,
                          bool remember_recent) {
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
    // "The previous dataset stays" only when there is one.
    add_notice({Notice::Level::Error,
                dataset ? Str::NoticeLoadFailedFmt : Str::NoticeLoadFailedNoneFmt,
                {absolute, std::to_string(count_severity(problems, Problem::Severity::Error))}});
    return false;
  }
  dataset = std::move(result.dataset);
  dataset->path = absolute;
  problems_match_dataset = true;
  failed_path.clear();
  filter_ = filter_from_json(*dataset, settings.filters);
  emit_text(filter_.search);
  selected_project = -1;  // refresh() selects the first row of the table
  scroll_to_selection = true;
  if (remember_recent) remember_recent_file(settings, absolute);
  emit_text(absolute);
  emit_dataset_text(*dataset);
  if (on_new_heading_text)
    for (const Project& p : dataset->projects) {
      on_new_heading_text(p.name);
      if (!p.name_en.empty()) on_new_heading_text(p.name_en);
    }
  dataset_changed();
  if (index) {  // built with the load, off the window's thread
    index->rebind(*dataset);
    index_ = std::move(index);
    published_.reset();
    indexed_ = {dataset_revision_, -1};
  }
  return true;
}

void AppState::set_filter(FilterSpec filter) {
  filter_ = std::move(filter);
  check_selection_ = true;
  emit_text(filter_.search);
  if (dataset) settings.filters = filter_to_json(*dataset, filter_);
  invalidate();
}

void AppState::request_chart_time(TimePreset preset) {
  chart_time_request_.preset = preset;
  ++chart_time_request_.serial;
}

void AppState::open_article(int source, std::string quote) {
  if (const Dataset* data = shown()) ui::open_article(article, *data, source, std::move(quote));
}

void AppState::set_language(Language language) {
  if (settings.language == language) return;
  settings.language = language;
  invalidate();  // names in the rows change language
}

void AppState::set_sort(const TableSort& s) { sort = s; }  // refresh() re-sorts, nothing else

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
    visible_.clear();
    kpis_ = {};
    facets_ = {};
    if (!dataset) {
      summaries_.clear();
      rows_.clear();
      all_slips_.clear();
      per_project_ = {};
    }
    if (dataset) {
      const DayNumber as_of = as_of_day(filter_);
      const bool by_publication = filter_.clock == Clock::PublishedBy;
      const IndexKey index_key{dataset_revision_, by_publication ? as_of : -1};
      if (!index_ || !(indexed_ == index_key)) {
        indexed_ = index_key;
        index_.reset();  // it refers to the dataset about to be replaced
        if (by_publication)
          published_ = published_by(*dataset, as_of);
        else
          published_.reset();
        index_.emplace(*shown());
      }
      const Dataset& data = *shown();
      // Per project, whatever the filter shows: redone only when the data, the as-of date, the
      // clock or the language changes, not on every filter change (at 100k projects: a third of
      // its cost).
      const PerProjectKey key{dataset_revision_, as_of, filter_.clock, settings.language};
      if (!(per_project_ == key)) {
        per_project_ = key;
        summaries_.clear();
        summaries_.reserve(data.projects.size());
        for (std::size_t i = 0; i < data.projects.size(); ++i)
          summaries_.push_back(summarize_project(*index_, static_cast<int>(i), as_of));
        rows_ = build_rows(data, summaries_, settings.language);
        // The card needs each milestone's outcome only; computed block by block, so the full
        // MilestoneSlips (with their statements) never all exist at once (~120 MB at 100k).
        all_slips_.clear();
        constexpr int kBlock = 1024;
        const int n = static_cast<int>(data.projects.size());
        std::vector<int> block;
        for (int first = 0; first < n; first += kBlock) {
          block.clear();
          for (int p = first; p < std::min(n, first + kBlock); ++p) block.push_back(p);
          for (const MilestoneSlip& s : compute_slippage(data, block, as_of))
            all_slips_.push_back(outcome_of(s));
        }
      }
      visible_ = filter_projects(*index_, filter_);
      sort_rows(visible_, rows_, sort);
      sorted_by_ = sort;
      kpis_ = summarize_kpis(*index_, summaries_, visible_);
      std::vector<bool> in_view(data.projects.size(), false);
      for (int p : visible_) in_view[static_cast<std::size_t>(p)] = true;
      std::vector<SlipOutcome> shown_slips;
      for (const SlipOutcome& s : all_slips_)
        if (in_view[static_cast<std::size_t>(s.project)]) shown_slips.push_back(s);
      const SlipKpiText slip =
          slippage_kpi_text(summarize_slippage(*index_, shown_slips), settings.language == Language::English);
      kpis_.slip_on_time = slip.on_time;
      kpis_.slip_median_delay = slip.median_delay;
      facets_ = count_facets(*index_, filter_, visible_);
      if (check_selection_ && selected_project >= 0 &&
          std::find(visible_.begin(), visible_.end(), selected_project) == visible_.end()) {
        selected_project = -1;
        scroll_to_selection = true;  // the table shows the row that takes its place
      }
      check_selection_ = false;
      if (selected_project < 0 && !visible_.empty()) selected_project = visible_.front();
    }
  }
  if (sorted_by_ != sort) {
    sorted_by_ = sort;
    sort_rows(visible_, rows_, sort);
  }
  if (detail_revision_ != revision_ || detail_selection_ != selected_project) {
    detail_revision_ = revision_;
    detail_selection_ = selected_project;
    detail_ = dataset ? build_detail(*shown(), selected_project, settings.language) : DetailModel{};
    if (dataset) add_slip_history(detail_, *shown(), as_of_day(filter_), settings.language);
  }
}

}  // namespace indtrack::ui
