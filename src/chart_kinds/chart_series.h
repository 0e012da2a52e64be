// From the dataset and the current filter to the plain inputs of the chart layouts
// (src/chart/chart_inputs.h): capacity steps per company/park/district, timeline rows, investment
// bars, status-by-year tables, the filter in words, the headline and the footer citing the sources
// of what is plotted (plotted_sources.h). Recomputed when the filter or options change, never per
// frame.
#pragma once

#include <string>
#include <vector>

#include "chart/chart_inputs.h"
#include "chart/chart_strings.h"
#include "chart/palette.h"
#include "model/dataset.h"
#include "query/filter.h"

namespace indtrack {

struct ChartOptions;  // chart_kinds.h

// The product the capacity chart shows when options.product is -1.
int default_chart_product(const Dataset& data);
// The product the capacity and status charts show: the chosen one, else the filter's first, else
// the default above.
int chart_product(const Dataset& data, const FilterSpec& spec, const ChartOptions& options);

// A product's name for charts: its short name (BDO, PTMEG) when it is ASCII or the language is
// Chinese, else its name in the language ("lithium-ion battery anode material").
std::string product_name(const Dataset& data, int product, Language lang);

// The bound of a sum whose terms have bounds `a` and `b`: more than 60 plus exactly 10 is more than
// 70; "at most" with a lower bound says nothing either way, so it is only "about".
AggregateBound bound_of_sum(AggregateBound a, AggregateBound b);

// One stable colour per company across every chart (built from all companies, not the filter).
chart::CategoryColours company_colours(const Dataset& data);

// The as-of date and its clock, as subtitles and footers name them:
// "截至 2024-10-31（现有报道）" / "as of 2024-10-31 (as known today)", or on the published-by clock
// "截至 2024-10-31（当时已发布报道）" / "as of 2024-10-31 (as published then)".
std::string as_of_words(const FilterSpec& spec, Language lang);
// The clock part alone: "（现有报道）" / " (as known today)", "（当时已发布报道）" / " (as published then)".
std::string clock_words(const FilterSpec& spec, Language lang);

// "海南区 · BDO · 在建 · 截至 2024-10-31（现有报道）" / "Hainan District · BDO · under construction · as of
// …"
std::string filter_in_words(const Dataset& data, const FilterSpec& spec, Language lang, int product = -1);

// The sources (indices into Dataset::sources, ascending) the given projects cite anywhere.
std::vector<int> cited_sources(const Dataset& data, const std::vector<int>& projects);

chart::CapacityChartInput capacity_chart_input(const Dataset& data, const std::vector<int>& projects,
                                               const FilterSpec& spec, const ChartOptions& options);
chart::TimelineChartInput timeline_chart_input(const Dataset& data, const std::vector<int>& projects,
                                               const FilterSpec& spec, const ChartOptions& options);
chart::InvestmentChartInput investment_chart_input(const Dataset& data, const std::vector<int>& projects,
                                                   const FilterSpec& spec, const ChartOptions& options);
chart::StatusChartInput status_chart_input(const Dataset& data, const std::vector<int>& projects,
                                           const FilterSpec& spec, const ChartOptions& options);

// The same from a DatasetIndex built once per load: what the dashboard calls on a filter change
// (the Dataset-taking ones above derive the facts of the given projects on the spot).
chart::CapacityChartInput capacity_chart_input(const DatasetIndex& index, const std::vector<int>& projects,
                                               const FilterSpec& spec, const ChartOptions& options);
chart::TimelineChartInput timeline_chart_input(const DatasetIndex& index, const std::vector<int>& projects,
                                               const FilterSpec& spec, const ChartOptions& options);
chart::InvestmentChartInput investment_chart_input(const DatasetIndex& index,
                                                   const std::vector<int>& projects, const FilterSpec& spec,
                                                   const ChartOptions& options);
chart::StatusChartInput status_chart_input(const DatasetIndex& index, const std::vector<int>& projects,
                                           const FilterSpec& spec, const ChartOptions& options);

// "乌海日报 2023-01-26" for a fact's source ("" when it has none); with `mark_reference`, reports
// whose text is not held get "（摘录，无法离线核对）" / " (excerpt, not checkable offline)".
std::string source_citation(const Dataset& data, const Evidence& e, Language lang,
                            bool mark_reference = false);

// References carried in chart `ref` fields: which project (and unit) an element stands for.
std::int64_t unit_ref(int project, int unit);  // project * 1024 + unit
int project_of_ref(std::int64_t ref);

}  // namespace indtrack
