// The closed vocabularies of the dataset format: milestone kinds, statuses, bases, scopes and
// aggregate metrics, with their JSON ids and Chinese/English labels. One table per enum so the
// loader, the saver, the CLI and the UI agree on every spelling.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace indtrack {

// Events in a project's or a production line's life (GEM-style taxonomy, extended).
enum class MilestoneKind : unsigned char {
  Announced,             // announced / planned publicly (规划, 公布)
  Signed,                // agreement signed with the government (签约)
  Approved,              // filed, permitted or approved (备案, 核准, 批复)
  ConstructionStart,     // construction start (开工, 开工建设, 动工)
  MechanicalCompletion,  // built, ready for trial (具备试生产条件, 主体完工)
  TrialProduction,       // trial production / start-up (试生产, 试车, 投料开车)
  Commissioning,         // in production (投产, 建成投产)
  FullProduction,        // at design output (达产)
  Completion,            // construction complete (建成, 完工), for facilities that do not "produce"
  Shelved,               // stalled / suspended (停建, 搁置)
  Cancelled,             // cancelled (取消)
};

// A project's or line's state at a date. Derived from milestones and status reports.
enum class Status : unsigned char {
  Unknown,       // nothing reported on or before the date: not shown for that date
  Announced,     // 规划
  Signed,        // 签约
  Construction,  // 在建
  Trial,         // 试生产
  Operating,     // 投产
  Shelved,       // 停滞
  Cancelled,     // 取消
};

// How a fact rests on its sources.
enum class Basis : unsigned char {
  Stated,       // a source says it (the default)
  Inferred,     // derived by the curator from other facts (reason in "note")
  Conflicting,  // sources disagree; kept side by side with the alternatives
};

enum class InvestmentScope : unsigned char {
  Total,      // 总投资 / 计划投资: the whole project's planned cost
  Phase,      // the cost of one phase (一期...)
  Completed,  // 完成投资 / 已完成投资: spent so far, as of the statement date
};

// City-, district- or park-level statements that belong to no single project.
enum class AggregateMetric : unsigned char {
  Capacity,             // installed or planned capacity of a product
  ProjectCount,         // number of projects
  Investment,           // total investment of a set of projects
  CompletedInvestment,  // investment completed in a period
  SignedInvestment,     // value of agreements signed
  SignedProjectCount,   // number of agreements signed
  OutputValue,          // output value (产值)
  Other,
};

// How a figure relates to the number written: exactly it, at least it ("以上"), more than it
// ("60多亿元"), at most it ("以内"), or about it. Used by quantities of every kind.
enum class AggregateBound : unsigned char { Exact, AtLeast, AtMost, About, MoreThan };

enum class AreaKind : unsigned char { City, District, Park };

template <class E>
struct VocabularyEntry {
  E value;
  std::string_view id;  // JSON spelling
  std::string_view zh;
  std::string_view en;
};

std::span<const VocabularyEntry<MilestoneKind>> milestone_kinds();
std::span<const VocabularyEntry<Status>> statuses();
std::span<const VocabularyEntry<Basis>> bases();
std::span<const VocabularyEntry<InvestmentScope>> investment_scopes();
std::span<const VocabularyEntry<AggregateMetric>> aggregate_metrics();
std::span<const VocabularyEntry<AggregateBound>> aggregate_bounds();
std::span<const VocabularyEntry<AreaKind>> area_kinds();

template <class E>
std::optional<E> vocabulary_from_id(std::span<const VocabularyEntry<E>> table, std::string_view id) {
  for (const auto& e : table)
    if (e.id == id) return e.value;
  return std::nullopt;
}
template <class E>
const VocabularyEntry<E>& vocabulary_entry(std::span<const VocabularyEntry<E>> table, E value) {
  for (const auto& e : table)
    if (e.value == value) return e;
  return table.front();
}

std::string_view id_of(MilestoneKind k);
std::string_view id_of(Status s);
std::string_view id_of(Basis b);
std::string_view id_of(InvestmentScope s);
std::string_view id_of(AggregateMetric m);
std::string_view id_of(AggregateBound b);
std::string_view id_of(AreaKind a);

// A number and its unit with the bound in words: "约60亿元", "60亿元以上", "60多亿元" /
// "about 60 亿元", "more than 60 亿元". `unit` is appended as given (with any leading space).
std::string with_bound(AggregateBound bound, std::string_view number, std::string_view unit, bool english);

// The status a milestone moves its subject into when it happens.
Status status_after(MilestoneKind kind);
// Ordering of progress: Announced < Signed < Construction < Trial < Operating.
int progress_rank(Status s);

}  // namespace indtrack
