// AppState: the single source of truth the dashboard draws from — the loaded dataset, the
// problems of the last load, notices, the selection, the table order and the settings — and the
// derived table rows, recomputed when the dataset, the filter or the language changes, never per
// frame. No ImGui here: everything in this file is testable without a GPU.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "io/problem.h"
#include "model/dataset.h"
#include "ui/detail_model.h"
#include "ui/notice.h"
#include "ui/settings.h"
#include "ui/strings.h"

namespace indtrack::ui {

// A date shown in the table: the event when it happened, else the plan, marked expected.
struct TableDate {
  std::optional<Date> date;
  bool expected = false;
};

// What the project table shows for one project, in the UI language.
struct ProjectRow {
  int project = -1;  // index into Dataset::projects
  std::string name, company, district, park, industry;
  Basis district_basis = Basis::Stated;
  bool district_from_park = false;
  std::string capacity_text;  // "BDO 31.2 · PTMEG 18.4 万吨/年"
  double capacity_tpa = 0;    // primary capacities of mass-per-year units, summed (sort key)
  std::string investment_text;
  double investment_yuan = -1;  // the first total-investment statement; -1 when none
  bool investment_conflict = false;  // other total statements give another figure
  TableDate construction_start, commissioning;
};

enum class SortColumn : unsigned char {
  Name, Company, District, Park, Industry, Capacity, Investment, ConstructionStart, Commissioning
};

// Counts over the projects the table shows (the KPI strip until the query module's KPIs exist).
struct VisibleSummary {
  int projects = 0;
  int units = 0;      // production lines of those projects
  int companies = 0;  // distinct companies
  int sources = 0;    // distinct sources cited by those projects
  int articles = 0;   // of which article texts held locally
};
VisibleSummary summarize(const Dataset& data, const std::vector<int>& projects);

struct TableSort {
  SortColumn column = SortColumn::Name;
  bool descending = false;
  bool operator==(const TableSort&) const = default;
};

// Rows for every project of the dataset, in dataset order.
std::vector<ProjectRow> build_rows(const Dataset& data, Language language);
// The table date of a milestone kind for a project (its own milestones and its units'): the
// earliest actual event; failing that, the plan reported last (newer plans supersede older ones).
TableDate table_date(const Dataset& data, const Project& p, MilestoneKind kind);
// Sorts `order` (row indices) by `sort`. Rows without a value go last in either direction; ties
// keep dataset order, so the result is deterministic.
void sort_rows(std::vector<int>& order, const std::vector<ProjectRow>& rows, const TableSort& sort);

class AppState {
 public:
  Settings settings;
  std::string settings_dir;  // empty: settings are not persisted

  std::optional<Dataset> dataset;
  std::vector<Problem> problems;       // of the last load attempt, in file order
  bool problems_match_dataset = true;  // false when the last load failed (problems then concern
                                       // another file than the one shown, so clicks cannot select)
  std::string failed_path;             // the file the failed load tried to open
  std::vector<Notice> notices;         // application notices (fonts, settings, files)

  int selected_project = -1;         // index into dataset->projects
  bool scroll_to_selection = false;  // set when the selection changed outside the table
  TableSort sort;

  // Every piece of text that becomes visible (dataset text, problems, paths, notices) is passed
  // here so the font atlas can add its characters before it is drawn.
  std::function<void(std::string_view)> on_new_text;

  // Loads PATH with the io loader. On success the dataset is replaced and remembered in the
  // recent files; on failure the previous dataset stays and the problems explain why.
  bool open_dataset(const std::string& path);
  bool reload();

  void set_language(Language language);
  void set_sort(const TableSort& sort);
  void select_project(int index);
  // Selects the project a problem concerns (when it belongs to the dataset shown).
  bool select_problem(std::size_t problem_index);
  void add_notice(Notice notice);

  // Derived data. `rows` has one entry per project; `visible` lists the rows the table shows, in
  // table order. Recomputed by refresh() when inputs changed (revision), not per frame.
  const std::vector<ProjectRow>& rows() const { return rows_; }
  const std::vector<int>& visible() const { return visible_; }
  const VisibleSummary& summary() const { return summary_; }
  const VisibleSummary& dataset_summary() const { return dataset_summary_; }  // all projects
  // The selected project's detail, rebuilt when the selection, dataset or language changed.
  const DetailModel& detail() const { return detail_; }
  std::uint64_t revision() const { return revision_; }
  void invalidate() { ++revision_; }
  // Recomputes what changed since the last call; cheap when nothing did (call it every frame).
  void refresh();

 private:
  void emit_text(std::string_view text);
  void emit_dataset_text(const Dataset& data);

  std::vector<ProjectRow> rows_;
  std::vector<int> visible_;
  VisibleSummary summary_, dataset_summary_;
  DetailModel detail_;
  std::uint64_t detail_revision_ = 0;
  int detail_selection_ = -2;  // selected_project the detail was built for
  std::uint64_t revision_ = 1;
  std::uint64_t refreshed_revision_ = 0;
};

}  // namespace indtrack::ui
