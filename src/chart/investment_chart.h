// Investment: horizontal bars of investment (亿元) by project, company, park, district or industry,
// total planned investment light with an outline and the completed-so-far part solid over it,
// each bar labelled with its value.
#pragma once

#include <string>
#include <vector>

#include "chart/chart_inputs.h"
#include "chart/chart_style.h"
#include "chart/scene.h"
#include "chart/text_layout.h"

namespace indtrack::chart {

// Bars that do not fit at a readable height are left out with a "N more not shown" note; size the
// canvas with investment_full_height() to show them all. Hit ids: InvestmentBar (bar, part 0 =
// total, 1 = completed).
Scene layout_investment_chart(const InvestmentChartInput& input, const ChartStyle& style, float width,
                              float height, const TextMeasure& measure);

// The canvas height at which every bar fits.
float investment_full_height(const InvestmentChartInput& input, const ChartStyle& style, float width,
                             const TextMeasure& measure);

// The label drawn at a bar's end: "约105亿元", "60 / 105亿元".
std::string investment_value_label(const InvestmentBar& bar, const InvestmentChartInput& input,
                                   Language lang);

std::vector<std::string> investment_tooltip(const InvestmentChartInput& input, HitId hit, Language lang);

}  // namespace indtrack::chart
