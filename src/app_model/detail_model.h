// What the detail panel shows for one project, as plain text and flags: facts with their evidence,
// production lines with capacity and milestones (expected vs actual, dates as written), investments,
// conflicts side by side, and the numbered list of every source with its verbatim quotes.
// Built once when the selection, the dataset or the language changes; pure, testable without a GPU.
#pragma once

#include <string>
#include <vector>

#include "app_model/strings.h"
#include "model/dataset.h"
#include "query/slippage.h"

namespace indtrack::ui {

// The evidence of one statement, pointing into DetailModel::sources by number.
struct EvidenceRef {
  int source_number = 0;  // 1-based position in DetailModel::sources; 0 = no source (inferred)
  std::string quote;      // verbatim
  Basis basis = Basis::Stated;
  std::string note;  // in the UI language
};

struct DetailFact {
  std::string label;  // "园区", "总投资", "产能"
  std::string value;  // "低碳产业园", "105 亿元", "10.4 万吨/年"
  EvidenceRef evidence;
};

struct DetailMilestone {
  std::string kind;  // "开工"
  std::string date;  // as written: "2023" | "2023-10" | "2023-10-24"
  bool expected = false;
  std::string reported;  // statement date, as written; empty when unknown
  std::string scope;     // "仅指 PTMEG 生产线" for a project fact about some of its lines
  EvidenceRef evidence;
};

// "In this state by `as_of`": a report never dates the event itself.
struct DetailStatusReport {
  std::string status;  // "在建"
  std::string as_of;
  std::string scope;
  EvidenceRef evidence;
};

struct DetailUnit {
  std::string name;
  std::string product;
  std::string phase;
  std::vector<DetailFact> capacity;  // first = primary; more = statements that disagree
  std::vector<DetailMilestone> milestones;
  std::vector<DetailStatusReport> status_reports;
  std::string notes;
};

// One topic on which sources disagree, its statements shown side by side.
struct DetailConflict {
  std::string topic;  // "BDO 3号线 · 产能", "开工", "所在区"
  std::vector<DetailFact> statements;
};

struct DetailSource {
  int number = 0;         // as referenced by EvidenceRef::source_number
  int source_index = -1;  // into Dataset::sources
  std::string publisher;  // with the repost site: "乌海日报，经内蒙古社区报转载"
  std::string title, date, date_basis, url, notes;
  bool is_article = true;  // false: the text is not held; its quotes are excerpts not checkable offline
  std::vector<std::string> quotes;  // every quote of this project taken from the source, in order
};

// The panel's entry for data.sources[index], numbered `number`, its quotes still empty.
DetailSource make_detail_source(const Dataset& data, int index, int number, Language language);

// Plan versus actual of one milestone: every dated statement about it, in report order.
struct DetailSlipStep {
  std::string text;  // "2022-08 报道：预计 2022-09 试生产"
  EvidenceRef evidence;
};
struct DetailSlip {
  std::string subject;  // "华恒 PTMEG 1号线 4.6万吨/年 · 投产"
  std::string verdict;  // "延期 5–26 个月", "已过首次预计日期 18 个月，未见完成报道", ...
  SlipState state = SlipState::NotYetDue;
  std::vector<DetailSlipStep> steps;
};

struct DetailModel {
  int project = -1;
  std::string title;     // in the UI language
  std::string subtitle;  // the name in the other language, when there is one
  std::vector<std::string> aliases;
  std::vector<DetailFact> facts;  // company, parent, park, district, industries, products
  std::string district_basis;     // "推断 · 由园区推断" / "来源冲突"; empty when stated
  std::vector<DetailFact> investments;
  std::vector<DetailFact> totals;  // totals as the sources state them ("BDO 31.2 万吨/年 · 截至 …")
  std::string latest_report;       // date of the newest source ("最近报道"); empty when none
  std::vector<DetailUnit> units;
  std::vector<DetailMilestone> milestones;  // project level
  std::vector<DetailStatusReport> status_reports;
  std::vector<DetailFact> statements;  // the project's other evidence
  std::vector<DetailConflict> conflicts;
  std::string notes;
  std::vector<DetailSource> sources;
  std::vector<DetailSlip> slips;  // milestones with an announced expected date (add_slip_history)
};

DetailModel build_detail(const Dataset& data, int project, Language language);

// Fills model.slips for model.project at the as-of day: each milestone that had an announced
// expected date, with its verdict and history (query/slippage.h); quotes point into model.sources
// (sources not listed yet are added). detail_slips.cpp.
void add_slip_history(DetailModel& model, const Dataset& data, DayNumber as_of, Language language);

}  // namespace indtrack::ui
