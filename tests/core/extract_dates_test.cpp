// Date expressions, the year of a date written without one, precision, milestone kinds and
// expected vs actual.
#include <catch2/catch_test_macros.hpp>

#include "extract/extractor.h"

using namespace indtrack;

namespace {

std::vector<ExtractedFact> dates_in(const std::string& text, std::optional<Date> article) {
  std::vector<ExtractedFact> out;
  for (ExtractedFact& f : extract_facts(text, article, ExtractionDictionary()).facts)
    if (f.kind == FactKind::Date) out.push_back(std::move(f));
  return out;
}

ExtractedFact only_date(const std::string& text, std::optional<Date> article) {
  const auto facts = dates_in(text, article);
  REQUIRE(facts.size() == 1);
  return facts[0];
}

const Date kJan2023 = Date::of_day(2023, 1, 26);

}  // namespace

TEST_CASE("a written date keeps its precision and happened when it is past", "[extract][date]") {
  ExtractedFact f = only_date("该项目于2021年7月开工建设。", kJan2023);
  CHECK(f.date->to_string() == "2021-07");
  CHECK(f.date->precision == DatePrecision::Month);
  CHECK(f.date_kind == MilestoneKind::ConstructionStart);
  CHECK_FALSE(f.expected);
  CHECK_FALSE(f.year_inferred);

  f = only_date("11月24日，项目一次投料开车成功。", Date::of_day(2022, 11, 28));
  CHECK(f.date->to_string() == "2022-11-24");
  CHECK(f.date_kind == MilestoneKind::TrialProduction);
  CHECK_FALSE(f.expected);

  f = only_date("预计2025年建成投产。", kJan2023);
  CHECK(f.date->to_string() == "2025");
  CHECK(f.date->precision == DatePrecision::Year);
  CHECK(f.date_kind == MilestoneKind::Commissioning);
  CHECK(f.expected);
}

TEST_CASE("a month without a year takes the article's year, and says so", "[extract][date]") {
  ExtractedFact f = only_date("2套装置预计4月投产。", kJan2023);
  CHECK(f.date->to_string() == "2023-04");
  CHECK(f.expected);
  CHECK(f.year_inferred);
  CHECK(f.date_note == "year from the article date (2023-01-26)");

  // Without an article date the year cannot be known: nothing is reported.
  CHECK(dates_in("2套装置预计4月投产。", std::nullopt).empty());
  // A written year in the same sentence is the context of a later month.
  f = dates_in("项目2022年2月开工，10月投产。", std::nullopt).at(1);
  CHECK(f.date->to_string() == "2022-10");
  CHECK_FALSE(f.year_inferred);
}

TEST_CASE("past events that would lie after the article date belong to the year before", "[extract][date]") {
  // An article of January 2024 reporting "11月已顺利投产" means November 2023.
  ExtractedFact f = only_date("该项目已于11月顺利投产。", Date::of_day(2024, 1, 10));
  CHECK(f.date->to_string() == "2023-11");
  CHECK_FALSE(f.expected);
  // And a plan for "3月" in an October article is next year's March.
  f = only_date("二期预计3月开工。", Date::of_day(2024, 10, 22));
  CHECK(f.date->to_string() == "2025-03");
  CHECK(f.expected);
}

TEST_CASE("parts of a year are recorded as the month they end in", "[extract][date]") {
  ExtractedFact f = only_date("力争多晶硅年底建成投产。", Date::of_day(2023, 1, 17));
  CHECK(f.date->to_string() == "2023-12");
  CHECK(f.date_note ==
        "year from the article date (2023-01-17); a part of the year, recorded as the month it ends in (12)");
  CHECK(only_date("公共工程将在6月底前完工。", kJan2023).date->to_string() == "2023-06");
  CHECK(only_date("今年上半年将实现达产。", kJan2023).date->to_string() == "2023-06");
  CHECK(only_date("预计2023年下半年开工。", Date::of_day(2022, 11, 28)).date->to_string() == "2023-12");
  CHECK(only_date("明年一季度将实现满负荷生产。", Date::of_day(2022, 11, 28)).date->to_string() == "2023-03");
  CHECK(only_date("二期预计2025年底建成。", kJan2023).date->to_string() == "2025-12");
  const ExtractedFact y = only_date("为确保实现今年投产目标，抢工期。", kJan2023);
  CHECK(y.date->to_string() == "2023");
  CHECK(y.expected);
}

TEST_CASE("milestone kinds from the event words", "[extract][date]") {
  const Date article = Date::of_day(2023, 6, 1);
  CHECK(only_date("2023年3月签约。", article).date_kind == MilestoneKind::Signed);
  CHECK(only_date("2023年3月动工。", article).date_kind == MilestoneKind::ConstructionStart);
  CHECK(only_date("2023年3月实现机械竣工。", article).date_kind == MilestoneKind::MechanicalCompletion);
  CHECK(only_date("2023年3月投料试车。", article).date_kind == MilestoneKind::TrialProduction);
  CHECK(only_date("2023年3月建成投产。", article).date_kind == MilestoneKind::Commissioning);
  CHECK(only_date("2023年3月并网发电。", article).date_kind == MilestoneKind::Commissioning);
  CHECK(only_date("2023年3月达产。", article).date_kind == MilestoneKind::FullProduction);
  CHECK(only_date("2023年3月完工。", article).date_kind == MilestoneKind::Completion);
  // Two events of one date: both.
  const auto two = dates_in("项目一期预计在6月全部建设完成并投产。", kJan2023);
  REQUIRE(two.size() == 2);
  CHECK(two[0].date_kind == MilestoneKind::Completion);
  CHECK(two[1].date_kind == MilestoneKind::Commissioning);
}

TEST_CASE("expected versus actual", "[extract][date]") {
  const Date article = Date::of_day(2023, 6, 15);
  for (const char* plan :
       {"预计2023年10月投产。", "力争2023年10月投产。", "将于2023年10月投产。", "计划2023年10月投产。",
        "拟于2023年10月投产。", "确保2023年10月投产。", "争取2023年10月投产。"})
    CHECK(only_date(plan, article).expected);
  for (const char* done : {"已于2023年3月投产。", "2023年3月顺利投产。", "2023年3月投产。"})
    CHECK_FALSE(only_date(done, article).expected);
  // A strong plan word wins over 实现/已 in the same clause.
  CHECK(only_date("今年10月将实现投产。", article).expected);
  // No cue at all: a date after the article date is a plan.
  CHECK(only_date("一期12月投料试车。", article).expected);
}

TEST_CASE("event words used as nouns, conditions or negations are not events", "[extract][date]") {
  const Date article = Date::of_day(2023, 6, 15);
  CHECK(dates_in("2023年重点项目开工率100%。", article).empty());
  CHECK(dates_in("2023年投产后可实现产值10亿元。", article).empty());
  CHECK(dates_in("3月18日，生产线已进入调试阶段。", article).empty());
  CHECK(dates_in("2023年3月尚未投产。", article).empty());
  CHECK(dates_in("今年以来，已有2个项目开工。", article).empty());                  // a period, not a date
  CHECK(dates_in("《乌海市2021—2023年淘汰落后产能计划》开工。", article).empty());  // a span
  CHECK(dates_in("2023年新开工项目35个。", article).empty());
}

TEST_CASE("a date that opens a sentence governs the events after it", "[extract][date]") {
  const auto facts =
      dates_in("海勃湾区今年将加速推进改造，开工建设3000万吨煤炭加工项目。", Date::of_day(2023, 1, 17));
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].date->to_string() == "2023");
  CHECK(facts[0].date_kind == MilestoneKind::ConstructionStart);
  CHECK(facts[0].expected);
  // A later date takes over: each clause keeps its own.
  const auto two = dates_in("一期于2022年9月动工，计划今年5月投产。", Date::of_day(2024, 3, 20));
  REQUIRE(two.size() == 2);
  CHECK(two[0].date->to_string() == "2022-09");
  CHECK(two[1].date->to_string() == "2024-05");
  // "投产时间为…": the event named before the date.
  CHECK(only_date("项目投产时间为2023年10月。", Date::of_day(2023, 1, 1)).date_kind ==
        MilestoneKind::Commissioning);
}
