// AppState: the single source of truth the dashboard draws from — the loaded dataset, the
// problems of the last load, notices, the filter and as-of date, the selection, the table order
// and the settings — and the data derived from them (table rows, filtered rows, KPIs, option
// counts, the selected project's detail), recomputed by refresh() when an input changed, never
// per frame. No ImGui here: everything in this file is testable without a GPU.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app_model/article_view.h"
#include "app_model/chart_time.h"
#include "app_model/detail_model.h"
#include "app_model/notice.h"
#include "app_model/settings.h"
#include "app_model/strings.h"
#include "io/dataset_io.h"
#include "io/problem.h"
#include "model/dataset.h"
#include "query/dataset_index.h"
#include "query/facet_counts.h"
#include "query/filter.h"
#include "query/kpis.h"
#include "query/project_summary.h"
#include "query/slippage.h"

namespace indtrack::ui {

// What the project table shows for one project, in the UI language, at the filter's as-of date.
struct ProjectRow {
  int project = -1;  // index into Dataset::projects
  std::string name, company, district, park, industry;
  std::string company_full;  // the legal name (the company column shows the short one; its hover this)
  Basis district_basis = Basis::Stated;
  bool district_from_park = false;
  Status status = Status::Unknown;
  bool partly_operating = false;
  std::string status_why;     // how an inferred status was reached (inferred_status_words); empty: stated
  std::string capacity_text;  // "BDO 31.2万吨/年; PTMEG 18.4万吨/年" (design capacity)
  double capacity_tpa = 0;    // design capacity of mass-per-year lines, summed (sort key)
  std::string investment_text;
  double investment_yuan = -1;       // the first total-investment statement; -1 when none
  bool investment_conflict = false;  // other total statements give another figure
  std::optional<KeyDate> construction_start, commissioning;
  std::optional<Date> latest_report;  // the newest source's date ("最近报道")
  bool possibly_stalled = false;      // no report for two years while not operating (a flag)
};

enum class SortColumn : unsigned char {
  Name,
  Company,
  District,
  Park,
  Industry,
  Status,
  Capacity,
  Investment,
  ConstructionStart,
  Commissioning,
  LatestReport
};

struct TableSort {
  SortColumn column = SortColumn::Name;
  bool descending = false;
  bool operator==(const TableSort&) const = default;
};

// Rows for every project of the dataset, in dataset order, from the query module's summaries.
std::vector<ProjectRow> build_rows(const Dataset& data, const std::vector<ProjectSummary>& summaries,
                                   Language language);
// Sorts `order` (row indices) by `sort`. Rows without a value go last in either direction; ties
// keep dataset order, so the result is deterministic.
void sort_rows(std::vector<int>& order, const std::vector<ProjectRow>& rows, const TableSort& sort);

class AppState {
 public:
  Settings settings;
  std::string settings_dir;  // empty: settings are not persisted

  // After assigning a new or edited dataset, call dataset_changed() (the derived index is rebuilt).
  std::optional<Dataset> dataset;
  std::vector<Problem> problems;       // of the last load attempt, in file order
  bool problems_match_dataset = true;  // false when the last load failed (problems then concern
                                       // another file than the one shown, so clicks cannot select)
  std::string failed_path;             // the file the failed load tried to open
  std::vector<Notice> notices;         // application notices (fonts, settings, files)

  int selected_project = -1;                 // index into dataset->projects
  bool scroll_to_selection = false;          // set when the selection changed outside the table
  int table_page_rows = 10;                  // rows the table showed in its last frame (Page Up/Down)
  TableSort sort{SortColumn::Status, true};  // as the table starts; set through set_sort()

  // Every piece of text that becomes visible (dataset text, problems, paths, notices) is passed
  // here so the font atlas can add its characters before it is drawn.
  std::function<void(std::string_view)> on_new_text;
  // Project names, which the detail panel also draws in the heading font: offered when a dataset
  // loads, so selecting a project never waits for an atlas rebuild.
  std::function<void(std::string_view)> on_new_heading_text;

  // Loads PATH with the io loader. On success the dataset is replaced, the stored filter is
  // applied to it and the file is remembered in the recent files; on failure the previous dataset
  // stays and the problems explain why. The application opens files through EditSession (the one
  // owner of opening: it asks about unsaved edits, takes the lock, looks for a journal), which
  // calls this; tests of the state alone call it directly.
  bool open_dataset(const std::string& path);
  // The second half of open_dataset, for a load done elsewhere (a LoadTask): `absolute` is the
  // path it loaded (absolute_dataset_path).
  // `index`, when given, was built from result.dataset (it is rebound, not rebuilt).
  // `remember_recent`: false for a dataset that is not a file (a database), which the recent
  // files list cannot reopen by its name.
  bool adopt_load(const std::string& absolute, LoadResult result, std::optional<DatasetIndex> index = {},
                  bool remember_recent = true);
  static std::string absolute_dataset_path(const std::string& path);

  // The filter (query module semantics, shared with the command line). Changing it re-derives
  // rows, KPIs and counts at the next refresh() and stores it in the settings.
  const FilterSpec& filter() const { return filter_; }
  void set_filter(FilterSpec filter);

  // The UI's language: settings.language is its one owner (the View menu sets it through
  // set_language, the panels read it through language()).
  Language language() const { return settings.language; }
  void set_language(Language language);
  void set_sort(const TableSort& sort);
  void select_project(int index);
  // The charts' time axis (chart_time.h): a preset asked for, and the range the charts showed in
  // their last frame (nullopt: fitted to their data), which says whether a preset is what is shown.
  void request_chart_time(TimePreset preset);
  const ChartTimeRequest& chart_time_request() const { return chart_time_request_; }
  std::optional<AxisRange> chart_time_shown;
  // The article window: data.sources[source] at `quote` (a citation clicked in the detail panel).
  void open_article(int source, std::string quote);
  ArticleView article;
  // Selects the project a problem concerns (when it belongs to the dataset shown).
  bool select_problem(std::size_t problem_index);
  void add_notice(Notice notice);

  // Derived data. `rows` has one entry per project; `visible` lists the rows passing the filter,
  // in table order.
  const std::vector<ProjectRow>& rows() const { return rows_; }
  const std::vector<int>& visible() const { return visible_; }
  const std::vector<ProjectSummary>& summaries() const { return summaries_; }
  const KpiSummary& kpis() const { return kpis_; }
  const FacetCounts& facets() const { return facets_; }
  // The dataset every view reads (after refresh()): `dataset` itself, or on the published-by clock
  // the dataset as published by the as-of date (query/published_view.h; same indices). Edits
  // always go to `dataset`, and are offered only on the known-now clock (editable()).
  const Dataset* shown() const {
    if (!dataset) return nullptr;
    return published_ ? &*published_ : &*dataset;
  }
  bool editable() const { return dataset && filter_.clock == Clock::KnownNow; }
  // The index of the dataset shown (after refresh()); null when there is none.
  const DatasetIndex* index() const { return index_ ? &*index_ : nullptr; }
  // The selected project's detail, rebuilt when the selection, dataset or language changed.
  const DetailModel& detail() const { return detail_; }
  std::uint64_t revision() const { return revision_; }
  void invalidate() { ++revision_; }
  void dataset_changed() {
    ++dataset_revision_;
    invalidate();
  }
  // Recomputes what changed since the last call; cheap when nothing did (call it every frame).
  void refresh();

 private:
  void emit_text(std::string_view text);
  void emit_dataset_text(const Dataset& data);

  FilterSpec filter_;
  // A filter change drops a selected project it excludes (at the next refresh): the detail never
  // shows a project the table does not list. Edits keep it (a new project may not pass yet).
  bool check_selection_ = false;
  ChartTimeRequest chart_time_request_;
  // Facts derived once per dataset version (status timelines, name sets, search text) so a
  // filter change does not re-derive them for every project.
  std::optional<DatasetIndex> index_;
  std::uint64_t dataset_revision_ = 1;
  // What index_ (and published_) were built for: the dataset version, and on the published-by
  // clock the as-of day (known-now: -1).
  struct IndexKey {
    std::uint64_t dataset_revision = 0;
    DayNumber published_by = -1;
    bool operator==(const IndexKey&) const = default;
  };
  IndexKey indexed_;
  std::optional<Dataset> published_;  // the dataset as published by the as-of day, on that clock
  // What summaries_, rows_ and all_slips_ were derived for.
  struct PerProjectKey {
    std::uint64_t dataset_revision = 0;
    DayNumber as_of = 0;
    Clock clock = Clock::KnownNow;
    Language language = Language::Chinese;
    bool operator==(const PerProjectKey&) const = default;
  };
  PerProjectKey per_project_;
  std::vector<SlipOutcome> all_slips_;  // every project's milestones at the as-of date
  std::vector<ProjectSummary> summaries_;
  std::vector<ProjectRow> rows_;
  std::vector<int> visible_;
  KpiSummary kpis_;
  FacetCounts facets_;
  TableSort sorted_by_;  // the order `visible_` is in
  DetailModel detail_;
  std::uint64_t revision_ = 1;
  std::uint64_t refreshed_revision_ = 0;
  std::uint64_t detail_revision_ = 0;
  int detail_selection_ = -2;  // selected_project the detail was built for
};

}  // namespace indtrack::ui
