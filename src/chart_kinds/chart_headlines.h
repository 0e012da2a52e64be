// The text blocks above a chart that a report quotes: the headline stating the chart's key figure
// ("乌海BDO已投产产能69.2万吨/年，距2025年目标250万吨/年以上差180.8万吨/年") instead of naming the chart
// type, and what the chart counts (the scope line's last part). Each headline reads its figure from
// the input the chart plots (the capacity chart's from its stack), never from a second
// derivation, so the headline and the picture cannot disagree. `--title` and the export dialog
// replace the headline (chart_export.h).
#pragma once

#include <string>

#include "chart/capacity_chart.h"
#include "chart/chart_inputs.h"
#include "model/dataset.h"
#include "query/filter.h"

namespace indtrack {

// Whose figures and when: "乌海" / "Wuhai" when the filter narrows nothing but the product or
// industry, the districts or parks when it names only places, else "所选项目" / "the selected
// projects"; the as-of date (with the clock when it is "as published then") when it is not today.
struct HeadlineScope {
  Language lang = Language::Chinese;
  std::string subject;  // 乌海 / 海南区 / 所选项目
  std::string what;     // the filter's industries and products: BDO / 光伏 (count headlines name them)
  std::string
      as_of;  // "截至 2023-06-30（当时已发布报道），" / "As of 2023-06-30 (as published then): "; "" today
};
HeadlineScope headline_scope(const Dataset& data, const FilterSpec& spec, Language lang);

// The operating capacity the curve plots at `day`: the actual bands of the companies, without the
// trial-production layer and the expected bands (0 before the first step).
double plotted_operating_capacity(const chart::CapacityChartInput& input, const chart::CapacityStack& stack,
                                  DayNumber day);

// The headlines, each from what its chart plots. `product` is the product's chart name (BDO).
std::string capacity_headline(const HeadlineScope& scope, const std::string& product,
                              const chart::CapacityChartInput& input, const chart::CapacityStack& stack);
std::string timeline_headline(const HeadlineScope& scope, const chart::TimelineChartInput& input,
                              bool per_line);
std::string investment_headline(const HeadlineScope& scope, const chart::InvestmentChartInput& input,
                                int projects_with_total);
// `product` empty: the chart counts projects; else it adds up that product's capacity.
std::string status_headline(const HeadlineScope& scope, const chart::StatusChartInput& input,
                            const std::string& product);
std::string slippage_headline(const HeadlineScope& scope, const chart::SlippageChartInput& input);

// What a chart counts, for the end of its scope line ("计入已投产与试生产产能；预计投产为斜线").
std::string capacity_counts(const chart::CapacityChartInput& input, Language lang);
std::string timeline_counts(bool per_line, Language lang);
std::string investment_counts(Language lang);
std::string status_counts(bool capacity, Language lang);
std::string slippage_counts(Language lang);

}  // namespace indtrack
