// Chart inputs shaped like the bundled Wuhai data (BDO capacity of 东源, 华恒, 君正; the city's
// figures; a handful of project timelines), shared by the chart tests. Built in code so the
// tests never depend on the dataset loader.
#pragma once

#include <string>
#include <vector>

#include "chart/chart_inputs.h"
#include "chart/palette.h"

namespace chart_fixtures {

using namespace indtrack;
using namespace indtrack::chart;

inline DayNumber day_of(int y, int m, int d) { return days_from_civil(y, m, d); }

inline CapacityStep step(Date date, double delta, bool expected, std::int64_t ref, std::string label) {
  CapacityStep s;
  s.date = date;
  s.delta = delta;
  s.expected = expected;
  s.ref = ref;
  s.label = std::move(label);
  return s;
}

inline CapacityStatusLine status_line(std::string label, double value, bool inferred, std::int64_t ref) {
  CapacityStatusLine l;
  l.label = std::move(label);
  l.value = value;
  l.inferred = inferred;
  l.ref = ref;
  l.tooltip = {"状态：" + std::string(inferred ? "推断" : "来源所述")};
  return l;
}

inline CapacityStatusPart status_part(std::string id, std::string label, Status status, bool no_date,
                                      std::vector<CapacityStatusLine> lines) {
  return {std::move(id), std::move(label), status, no_date, std::move(lines)};
}

inline CapacityChartInput wuhai_capacity() {
  CapacityChartInput in;
  in.text.title = "乌海市BDO产能";
  in.text.subtitle = "全市 · BDO · 截至 2024-10-31";
  in.text.value_unit = "万吨/年";
  in.text.footer =
      "数据来源：乌海日报 2023-01-26、2024-10-15；内蒙古日报 2023-08-18。截至 2024-10-31，生成于 "
      "2024-11-01。";
  CapacitySeries dongyuan{"dongyuan", "东源", "dongyuan", true, {}};
  dongyuan.steps.push_back(step(Date::of_year(2014), 10, false, 0, "东源 BDO 一期"));
  dongyuan.steps.push_back(step(Date::of_day(2022, 11, 24), 28, false, 1, "东源 28万吨 BDO"));
  CapacitySeries huaheng{"huaheng", "华恒", "huaheng", true, {}};
  huaheng.steps.push_back(step(Date::of_month(2023, 10), 10.4, false, 2, "华恒 BDO 1号线"));
  huaheng.steps.push_back(step(Date::of_month(2023, 12), 10.4, false, 3, "华恒 BDO 2号线"));
  huaheng.steps.push_back(step(Date::of_month(2024, 10), 10.4, false, 4, "华恒 BDO 3号线"));
  CapacitySeries junzheng{"junzheng", "君正", "junzheng", true, {}};
  junzheng.steps.push_back(step(Date::of_day(2024, 6, 12), 30, false, 5, "君正 BDO 一期"));
  junzheng.steps.push_back(step(Date::of_year(2025), 30, true, 6, "君正 BDO 一期第二套"));
  CapacitySeries guangjin{"guangjin", "广锦", "guangjin", true, {}};
  guangjin.steps.push_back(step(Date::of_month(2025, 7), 30, true, 7, "广锦 BDO"));
  in.series = {dongyuan, huaheng, junzheng, guangjin};
  ReferenceMark city2023;
  city2023.period = Date::of_year(2023);
  city2023.value = 100;
  city2023.label = "年内BDO产能达100万吨";
  city2023.quote = "年内BDO产能达100万吨";
  city2023.source = "乌海日报 2024-01-01";
  city2023.ref = 0;
  ReferenceMark target2025;
  target2025.period = Date::of_year(2025);
  target2025.value = 250;
  target2025.bound = AggregateBound::AtLeast;
  target2025.expected = true;
  target2025.label = "2025年BDO产能≥250万吨";
  target2025.quote = "到2025年BDO产能达到250万吨以上";
  target2025.source = "内蒙古日报 2023-08-18";
  target2025.ref = 1;
  in.marks = {city2023, target2025};
  in.as_of = day_of(2024, 10, 31);
  in.by_status = {
      status_part(
          "operating", "投产", Status::Operating, false,
          {status_line("东源 BDO 一期", 10, false, 0), status_line("东源 28万吨 BDO", 28, false, 1),
           status_line("华恒 BDO 1号线", 10.4, false, 2), status_line("华恒 BDO 2号线", 10.4, false, 3),
           status_line("华恒 BDO 3号线", 10.4, false, 4)}),
      status_part("trial", "试生产", Status::Trial, false, {status_line("君正 BDO 一期", 30, true, 5)}),
      status_part("construction", "在建·有预计日期", Status::Construction, false,
                  {status_line("广锦 BDO", 30, false, 7)}),
      status_part("construction_no_date", "在建·无预计日期", Status::Construction, true,
                  {status_line("三维 BDO", 90, false, 8)}),
  };
  in.text.note =
      "曲线：各企业投产产能（实色），其上为试生产（浅蓝），预计投产为斜线。右列：截至 2024-10-31 "
      "全部已知生产线按状态的产能，含无预计日期的在建产能。";
  return in;
}

inline TimelineMilestone milestone(Date date, MilestoneKind kind, bool expected, std::string quote) {
  TimelineMilestone m;
  m.date = date;
  m.kind = kind;
  m.expected = expected;
  m.quote = std::move(quote);
  m.source = "乌海日报";
  return m;
}

inline TimelineChartInput wuhai_timeline() {
  TimelineChartInput in;
  in.text.title = "项目进度";
  in.text.subtitle = "按园区 · 截至 2024-10-31";
  in.text.footer = "数据来源：乌海日报；中化新网；内蒙古日报。";
  in.groups = {"乌达产业园", "低碳产业园"};
  TimelineRow dongyuan{"东源 28万吨/年 BDO", 0, 10, {}, {}};
  dongyuan.segments = {{day_of(2021, 5, 16), day_of(2022, 11, 24), Status::Construction, false},
                       {day_of(2022, 11, 24), std::nullopt, Status::Operating, false}};
  dongyuan.milestones = {
      milestone(Date::of_month(2021, 5), MilestoneKind::ConstructionStart, false, "2021年5月开工"),
      milestone(Date::of_day(2022, 11, 24), MilestoneKind::TrialProduction, false, "投料开车")};
  TimelineRow junzheng{"君正 BDO/PTMEG 一期", 0, 11, {}, {}};
  junzheng.segments = {{day_of(2021, 6, 21), day_of(2023, 4, 16), Status::Signed, false},
                       {day_of(2023, 4, 16), day_of(2024, 6, 12), Status::Construction, false},
                       {day_of(2024, 6, 12), std::nullopt, Status::Trial, false}};
  junzheng.milestones = {
      milestone(Date::of_day(2021, 6, 21), MilestoneKind::Signed, false, "签约"),
      milestone(Date::of_day(2024, 6, 12), MilestoneKind::TrialProduction, false, "试生产")};
  TimelineRow huaheng{"华恒 BDO", 1, 12, {}, {}};
  huaheng.segments = {{day_of(2021, 7, 16), day_of(2023, 10, 16), Status::Construction, false},
                      {day_of(2023, 10, 16), std::nullopt, Status::Operating, false}};
  huaheng.milestones = {
      milestone(Date::of_month(2021, 7), MilestoneKind::ConstructionStart, false,
                "该项目于2021年7月开工建设"),
      milestone(Date::of_month(2022, 9), MilestoneKind::TrialProduction, true, "预计9月底试生产")};
  TimelineRow guangjin{"广锦 BDO-PBAT", 1, 13, {}, {}};
  guangjin.segments = {{day_of(2023, 3, 1), std::nullopt, Status::Construction, false},
                       {day_of(2025, 7, 16), day_of(2026, 1, 1), Status::Operating, true}};
  guangjin.milestones = {milestone(Date::of_month(2025, 7), MilestoneKind::Commissioning, true,
                                   "expected in operation 2025-07")};
  in.rows = {dongyuan, junzheng, huaheng, guangjin};
  in.order = {0, 1, 2, 3};
  in.as_of = day_of(2024, 10, 31);
  return in;
}

inline InvestmentChartInput wuhai_investment() {
  InvestmentChartInput in;
  in.text.title = "项目投资";
  in.text.subtitle = "BDO产业链";
  in.text.value_unit = "亿元";
  in.text.footer = "数据来源：乌海日报；经济日报 2022-09-20。";
  auto bar = [](std::string label, std::optional<double> total, std::optional<double> completed, bool approx,
                std::string key, std::int64_t ref) {
    InvestmentBar b;
    b.label = std::move(label);
    b.total = total;
    b.completed = completed;
    b.approximate = approx;
    b.colour_key = std::move(key);
    b.ref = ref;
    return b;
  };
  in.bars = {bar("君正 BDO/PBAT 一体化", 207, std::nullopt, false, "junzheng", 0),
             bar("三维 90万吨 BDO 一体化", 130.66, std::nullopt, false, "sanwei", 1),
             bar("华恒 BDO 一体化", 105, 60, true, "huaheng", 2),  // 总投资约105亿元, 已完成投资60多亿元
             bar("广锦 BDO-PBAT", 57.77, std::nullopt, false, "guangjin", 3),
             bar("东源 28万吨 BDO", 29.4, std::nullopt, false, "dongyuan", 4)};
  in.bars[2].completed_bound = AggregateBound::MoreThan;
  return in;
}

inline StatusChartInput wuhai_status() {
  StatusChartInput in;
  in.text.title = "BDO产能按状态";
  in.text.value_unit = "万吨/年";
  in.text.footer = "数据来源：乌海日报。";
  in.years = {2021, 2022, 2023, 2024};
  in.statuses = {Status::Operating, Status::Trial, Status::Construction, Status::Announced};
  in.values = {{10, 0, 28, 120}, {38, 0, 31.2, 120}, {58.8, 0, 10.4, 150}, {69.2, 30, 30, 120}};
  in.decimals = 1;
  return in;
}

inline CategoryColours wuhai_colours() {
  return CategoryColours({"dongyuan", "junzheng", "huaheng", "sanwei", "guangjin", "guoxuan"});
}

// Plan versus actual, as of 2024-10-31, in an order the chart must re-sort: the bundled data's
// 华恒, 君正, 东方希望 and 广锦 milestones, plus an invented on-time line ("示例") for the colour.
inline SlipExpectation expectation(Date reported, Date expected, std::string quote, std::string source) {
  return {reported, expected, std::move(quote), std::move(source)};
}

inline SlippageChartInput wuhai_slippage() {
  SlippageChartInput in;
  in.text.title = "计划与实际：里程碑延期";
  in.text.subtitle = "全市 · 截至 2024-10-31";
  in.text.footer = "数据来源：乌海日报 2023-01-26、2024-10-22；中化新网 2021-05-08。";
  in.as_of = day_of(2024, 10, 31);

  SlippageRow guangjin;  // not yet due
  guangjin.label = "广锦BDO-PBAT项目";
  guangjin.project = "广锦BDO-PBAT项目";
  guangjin.kind = MilestoneKind::Commissioning;
  guangjin.ref = 40;
  guangjin.expectations = {expectation(Date::of_day(2024, 6, 20), Date::of_month(2025, 7),
                                       "expected in operation 2025-07 (E)", "[not recorded] 2024-06-20")};
  guangjin.latest_expected = Date::of_month(2025, 7);
  guangjin.outcome = SlipOutcome::NotYetDue;

  SlippageRow trial;  // late; when it began is known only between two reports
  trial.label = "华恒 PTMEG、PBAT新型材料产业链一体化项目";
  trial.project = trial.label;
  trial.kind = MilestoneKind::TrialProduction;
  trial.ref = 10;
  trial.expectations = {expectation(Date::of_month(2022, 8), Date::of_month(2022, 8),
                                    "PTMEG trial expected end of Aug 2022", "[not recorded] 2022-08"),
                        expectation(Date::of_month(2022, 8), Date::of_month(2022, 9),
                                    "BDO end of Sep 2022 (E)", "[not recorded] 2022-08")};
  trial.latest_expected = Date::of_month(2022, 8);
  trial.outcome = SlipOutcome::Late;
  trial.happened_first = day_of(2023, 1, 26);
  trial.happened_last = day_of(2024, 10, 22);
  trial.actual_quote = "之前已经建成投产的2条10.4万吨/年BOD生产线";
  trial.actual_source = "乌海日报 2024-10-22";
  trial.delay_min = 5;
  trial.delay_max = 26;

  SlippageRow ptmeg;  // undetermined
  ptmeg.label = "华恒 PTMEG 1号线 4.6万吨/年";
  ptmeg.project = "华恒 PTMEG、PBAT新型材料产业链一体化项目";
  ptmeg.unit = "PTMEG 1号线 4.6万吨/年";
  ptmeg.kind = MilestoneKind::Commissioning;
  ptmeg.ref = 14;
  ptmeg.expectations = {expectation(Date::of_day(2023, 1, 26), Date::of_month(2023, 4),
                                    "2套聚四亚甲基醚二醇装置预计4月投产", "乌海日报 2023-01-26")};
  ptmeg.latest_expected = Date::of_month(2023, 4);
  ptmeg.outcome = SlipOutcome::Undetermined;
  ptmeg.happened_first = day_of(2023, 1, 26);
  ptmeg.happened_last = day_of(2024, 10, 22);
  ptmeg.delay_min = -3;
  ptmeg.delay_max = 18;

  SlippageRow junzheng;  // late, by an exact date
  junzheng.label = "君正化工 BDO 可降解塑料产业链项目";
  junzheng.project = junzheng.label;
  junzheng.kind = MilestoneKind::ConstructionStart;
  junzheng.ref = 20;
  junzheng.expectations = {expectation(Date::of_day(2021, 5, 8), Date::of_month(2021, 5),
                                       "build period 2021-05 → 2023-12 (E)", "中化新网 2021-05-08")};
  junzheng.latest_expected = Date::of_month(2021, 5);
  junzheng.outcome = SlipOutcome::Late;
  junzheng.actual = Date::of_day(2022, 4, 8);
  junzheng.happened_first = day_of(2022, 4, 8);
  junzheng.happened_last = day_of(2022, 4, 8);
  junzheng.actual_quote = "Ceremonial start 2022-04-08 (A)";
  junzheng.actual_source = "内蒙古日报 2022-04-12";
  junzheng.delay_min = 11;
  junzheng.delay_max = 11;

  SlippageRow easthope;  // past due
  easthope.label = "东方希望 多晶硅 第一阶段 6.25万吨/年";
  easthope.project = "东方希望光伏全产业链项目";
  easthope.unit = "多晶硅 第一阶段 6.25万吨/年";
  easthope.kind = MilestoneKind::Commissioning;
  easthope.ref = 30;
  easthope.expectations = {expectation(Date::of_month(2023, 1), Date::of_month(2023, 12),
                                       "力争东方希望光伏全产业链多晶硅年底建成投产", "乌海日报 2023-01")};
  easthope.latest_expected = Date::of_month(2023, 12);
  easthope.outcome = SlipOutcome::PastDue;
  easthope.delay_min = 10;
  easthope.delay_max = 10;

  SlippageRow example;  // on time, in a month-only actual date (invented)
  example.label = "示例项目 1号线";
  example.project = "示例项目";
  example.unit = "1号线";
  example.kind = MilestoneKind::Commissioning;
  example.ref = 50;
  example.expectations = {
      expectation(Date::of_day(2023, 3, 1), Date::of_month(2023, 12), "预计12月投产", "示例 2023-03-01"),
      expectation(Date::of_day(2023, 9, 1), Date::of_month(2023, 11), "预计11月投产", "示例 2023-09-01")};
  example.latest_expected = Date::of_month(2023, 11);
  example.outcome = SlipOutcome::OnTime;
  example.actual = Date::of_month(2023, 11);
  example.happened_first = day_of(2023, 11, 1);
  example.happened_last = day_of(2023, 11, 30);
  example.delay_min = -1;
  example.delay_max = -1;

  in.rows = {guangjin, trial, ptmeg, junzheng, easthope, example};
  return in;
}

}  // namespace chart_fixtures
