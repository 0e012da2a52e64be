#include "model/vocabulary.h"

namespace indtrack {

namespace {
constexpr VocabularyEntry<MilestoneKind> kMilestoneKinds[] = {
    {MilestoneKind::Announced, "announced", "公布规划", "announced"},
    {MilestoneKind::Signed, "signed", "签约", "signed"},
    {MilestoneKind::Approved, "approved", "备案/核准", "approved"},
    {MilestoneKind::ConstructionStart, "construction_start", "开工", "construction start"},
    {MilestoneKind::MechanicalCompletion, "mechanical_completion", "具备试车条件", "mechanical completion"},
    {MilestoneKind::TrialProduction, "trial_production", "试生产", "trial production"},
    {MilestoneKind::Commissioning, "commissioning", "投产", "commissioning"},
    {MilestoneKind::FullProduction, "full_production", "达产", "full production"},
    {MilestoneKind::Completion, "completion", "建成", "completion"},
    {MilestoneKind::Shelved, "shelved", "停滞", "shelved"},
    {MilestoneKind::Cancelled, "cancelled", "取消", "cancelled"},
};
constexpr VocabularyEntry<Status> kStatuses[] = {
    {Status::Unknown, "unknown", "未知", "unknown"},
    {Status::Announced, "announced", "规划", "announced"},
    {Status::Signed, "signed", "签约", "signed"},
    {Status::Construction, "construction", "在建", "under construction"},
    {Status::Trial, "trial", "试生产", "trial production"},
    {Status::Operating, "operating", "投产", "operating"},
    {Status::Shelved, "shelved", "停滞", "shelved"},
    {Status::Cancelled, "cancelled", "取消", "cancelled"},
};
constexpr VocabularyEntry<Basis> kBases[] = {
    {Basis::Stated, "stated", "来源明确", "stated"},
    {Basis::Inferred, "inferred", "推断", "inferred"},
    {Basis::Conflicting, "conflicting", "来源冲突", "conflicting"},
};
constexpr VocabularyEntry<InvestmentScope> kScopes[] = {
    {InvestmentScope::Total, "total", "总投资", "total investment"},
    {InvestmentScope::Phase, "phase", "分期投资", "phase investment"},
    {InvestmentScope::Completed, "completed", "已完成投资", "invested so far"},
};
constexpr VocabularyEntry<AggregateMetric> kMetrics[] = {
    {AggregateMetric::Capacity, "capacity", "产能", "capacity"},
    {AggregateMetric::ProjectCount, "project_count", "项目数", "number of projects"},
    {AggregateMetric::Investment, "investment", "总投资", "total investment"},
    {AggregateMetric::CompletedInvestment, "completed_investment", "完成投资", "investment completed"},
    {AggregateMetric::SignedInvestment, "signed_investment", "签约金额", "value signed"},
    {AggregateMetric::SignedProjectCount, "signed_project_count", "签约项目数", "projects signed"},
    {AggregateMetric::OutputValue, "output_value", "产值", "output value"},
    {AggregateMetric::Other, "other", "其他", "other"},
};
constexpr VocabularyEntry<AggregateBound> kBounds[] = {
    {AggregateBound::Exact, "exact", "", ""},
    {AggregateBound::AtLeast, "at_least", "以上", "at least"},
    {AggregateBound::AtMost, "at_most", "以内", "at most"},
    {AggregateBound::About, "about", "约", "about"},
    {AggregateBound::MoreThan, "more_than", "多", "more than"},
};
constexpr VocabularyEntry<AreaKind> kAreas[] = {
    {AreaKind::City, "city", "全市", "city"},
    {AreaKind::District, "district", "区", "district"},
    {AreaKind::Park, "park", "园区", "park"},
};
}  // namespace

std::span<const VocabularyEntry<MilestoneKind>> milestone_kinds() { return kMilestoneKinds; }
std::span<const VocabularyEntry<Status>> statuses() { return kStatuses; }
std::span<const VocabularyEntry<Basis>> bases() { return kBases; }
std::span<const VocabularyEntry<InvestmentScope>> investment_scopes() { return kScopes; }
std::span<const VocabularyEntry<AggregateMetric>> aggregate_metrics() { return kMetrics; }
std::span<const VocabularyEntry<AggregateBound>> aggregate_bounds() { return kBounds; }
std::span<const VocabularyEntry<AreaKind>> area_kinds() { return kAreas; }

std::string_view id_of(MilestoneKind k) { return vocabulary_entry(milestone_kinds(), k).id; }
std::string_view id_of(Status s) { return vocabulary_entry(statuses(), s).id; }
std::string_view id_of(Basis b) { return vocabulary_entry(bases(), b).id; }
std::string_view id_of(InvestmentScope s) { return vocabulary_entry(investment_scopes(), s).id; }
std::string_view id_of(AggregateMetric m) { return vocabulary_entry(aggregate_metrics(), m).id; }
std::string_view id_of(AggregateBound b) { return vocabulary_entry(aggregate_bounds(), b).id; }
std::string_view id_of(AreaKind a) { return vocabulary_entry(area_kinds(), a).id; }

std::string with_bound(AggregateBound bound, std::string_view number, std::string_view unit, bool english) {
  const auto& entry = vocabulary_entry(aggregate_bounds(), bound);
  std::string out;
  if (english) {
    if (bound != AggregateBound::Exact) {
      out += entry.en;
      out += ' ';
    }
    out += number;
    out += unit;
    return out;
  }
  switch (bound) {
    case AggregateBound::About:
      out += entry.zh;
      out += number;
      out += unit;
      break;
    case AggregateBound::MoreThan:  // 60多亿元: 多 follows the number
      out += number;
      out += entry.zh;
      out += unit;
      break;
    case AggregateBound::AtLeast:
    case AggregateBound::AtMost:
      out += number;
      out += unit;
      out += entry.zh;
      break;
    case AggregateBound::Exact:
      out += number;
      out += unit;
      break;
  }
  return out;
}

Status status_after(MilestoneKind kind) {
  switch (kind) {
    case MilestoneKind::Announced:
      return Status::Announced;
    case MilestoneKind::Signed:
    case MilestoneKind::Approved:
      return Status::Signed;
    case MilestoneKind::ConstructionStart:
    case MilestoneKind::MechanicalCompletion:
      return Status::Construction;
    case MilestoneKind::TrialProduction:
      return Status::Trial;
    case MilestoneKind::Commissioning:
    case MilestoneKind::FullProduction:
    case MilestoneKind::Completion:
      return Status::Operating;
    case MilestoneKind::Shelved:
      return Status::Shelved;
    case MilestoneKind::Cancelled:
      return Status::Cancelled;
  }
  return Status::Unknown;
}

int progress_rank(Status s) {
  switch (s) {
    case Status::Unknown:
      return 0;
    case Status::Announced:
      return 1;
    case Status::Signed:
      return 2;
    case Status::Construction:
      return 3;
    case Status::Trial:
      return 4;
    case Status::Operating:
      return 5;
    case Status::Shelved:
    case Status::Cancelled:
      return -1;
  }
  return 0;
}

}  // namespace indtrack
