// Investment (investment_kind.h).
#include "chart_kinds/investment_kind.h"

#include "chart/chart_csv.h"
#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/chart_series.h"

namespace indtrack {

std::span<const ChartOptionSpec> InvestmentChart::options() {
  static const ChartOptionSpec kOptions[] = {
      choice_option(
          "--investment-group", "分组", "Group", "investment bars (default project)",
          {{static_cast<int>(InvestmentGrouping::Project), "project", "项目", "Project"},
           {static_cast<int>(InvestmentGrouping::Company), "company", "企业", "Company"},
           {static_cast<int>(InvestmentGrouping::Park), "park", "园区", "Park"},
           {static_cast<int>(InvestmentGrouping::District), "district", "区", "District"},
           {static_cast<int>(InvestmentGrouping::Industry), "industry", "产业", "Industry"}},
          [](const ChartOptions& o) { return static_cast<int>(o.investment_grouping); },
          [](ChartOptions& o, int v) { o.investment_grouping = static_cast<InvestmentGrouping>(v); }),
  };
  return kOptions;
}

InvestmentChart InvestmentChart::build(const ChartBuildArgs& a) {
  return {investment_chart_input(a.index, a.projects, a.spec, a.options)};
}

std::string InvestmentChart::csv(Language lang) const { return chart::investment_csv(input, lang); }

std::int64_t InvestmentChart::ref(const chart::HitId& hit) const {
  if (hit.kind != chart::HitKind::InvestmentBar || hit.index < 0 ||
      static_cast<std::size_t>(hit.index) >= input.bars.size())
    return -1;
  return input.bars[static_cast<std::size_t>(hit.index)].ref;
}

}  // namespace indtrack
