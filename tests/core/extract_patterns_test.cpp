// The patterns of issue 21, each on sentences written for this test (invented companies and
// figures): traditional script, several figures in one sentence, aggregates and side figures,
// event dates with their day, news-release dates, completion wording, repeats, invested to date.
#include <catch2/catch_test_macros.hpp>

#include "extract/extractor.h"
#include "extract/script_converter.h"

using namespace indtrack;

namespace {

std::vector<ExtractedFact> facts_of(const std::string& text, FactKind kind,
                                    std::optional<Date> article = Date::of_day(2023, 6, 1)) {
  std::vector<ExtractedFact> out;
  for (ExtractedFact& f : extract_facts(text, article, ExtractionDictionary()).facts)
    if (f.kind == kind) out.push_back(std::move(f));
  return out;
}

std::string describe(const std::vector<ExtractedFact>& facts) {
  std::string out;
  for (const ExtractedFact& f : facts)
    out += std::string(id_of(f.kind)) + " " + std::to_string(f.value) + " " + f.product + " " +
           (f.date ? f.date->to_string() : "") + "\n";
  return out;
}

std::string mention(const std::string& text, const ExtractedFact& f) {
  return text.substr(f.mention_start, f.mention_end - f.mention_start);
}

}  // namespace

TEST_CASE("traditional script is read, and offsets point into the original", "[extract][script]") {
  REQUIRE(simplified_conversion_available());
  const std::string text =
      "示例新材料公司年產10萬噸鋰電池負極材料項目總投資約25億元，已於2022年3月開工建設。";
  const ExtractionResult r = extract_facts(text, Date::of_day(2023, 1, 1), ExtractionDictionary());
  CHECK(r.converted);
  REQUIRE(r.facts.size() == 3);
  CHECK(r.facts[0].kind == FactKind::Capacity);
  CHECK(r.facts[0].value == 100000.0);
  CHECK(r.facts[0].product == "负极材料");
  CHECK(mention(text, r.facts[0]).starts_with("10萬噸"));
  CHECK(r.facts[1].kind == FactKind::Investment);
  CHECK(r.facts[1].value == 2.5e9);
  CHECK(mention(text, r.facts[1]) == "總投資約25億元");
  CHECK(r.facts[2].date->to_string() == "2022-03");
  CHECK(r.facts[2].date_kind == MilestoneKind::ConstructionStart);
  for (const ExtractedFact& f : r.facts) CHECK(f.quote == text);  // the original bytes, not the converted

  // The simplified text gives the same facts and is not marked converted.
  const ExtractionResult s =
      extract_facts("示例新材料公司年产10万吨锂电池负极材料项目总投资约25亿元，已于2022年3月开工建设。",
                    Date::of_day(2023, 1, 1), ExtractionDictionary());
  CHECK_FALSE(s.converted);
  CHECK(s.facts.size() == 3);
}

TEST_CASE("the conversion maps every byte back to its original character", "[extract][script]") {
  const std::string text = "總投資\xFF 萬噸\n年產";
  const std::optional<ConvertedText> c = to_simplified(text);
  REQUIRE(c);
  CHECK(c->text == "总投资\xFF 万吨\n年产");
  REQUIRE(c->origin.size() == c->text.size());
  CHECK(c->origin[0] == 0);    // 总 <- 總
  CHECK(c->origin[3] == 3);    // 投
  CHECK(c->origin[9] == 9);    // the invalid byte passes through
  CHECK(c->origin[11] == 11);  // 万 <- 萬
  for (std::size_t i = 1; i < c->origin.size(); ++i) CHECK(c->origin[i - 1] <= c->origin[i]);
  CHECK_FALSE(to_simplified("总投资10亿元, plain ASCII"));  // nothing to change
}

TEST_CASE("several figures in one sentence each keep their own product", "[extract][capacity]") {
  auto c = facts_of("项目一期建设2万吨硅碳负极和1万吨多孔碳，二期建设3万吨硅碳负极和2万吨多孔碳。",
                    FactKind::Capacity);
  REQUIRE(c.size() == 4);
  CHECK((c[0].value == 20000.0 && c[0].product == "硅碳负极"));
  CHECK((c[1].value == 10000.0 && c[1].product == "多孔碳"));
  CHECK((c[2].value == 30000.0 && c[2].product == "硅碳负极"));
  CHECK((c[3].value == 20000.0 && c[3].product == "多孔碳"));

  c = facts_of("首期规划建设5万吨多晶硅、20GW拉晶、20GW切片、20GW电池、20GW组件。", FactKind::Capacity);
  REQUIRE(c.size() == 5);
  CHECK(c[1].product == "单晶硅");
  CHECK(c[2].product == "硅片");
  CHECK(c[3].product == "电池片");
  CHECK(c[4].product == "光伏组件");

  // The head of the noun phrase is the product; a slash list is labelled by its first.
  c = facts_of("建设年产5万吨锂离子电池人造石墨负极材料项目和年产2×50万吨PBAT/PBS生产装置。",
               FactKind::Capacity);
  REQUIRE(c.size() == 2);
  CHECK(c[0].product == "负极材料");
  CHECK(c[1].product == "PBAT");

  // An unknown product does not borrow the one named before it.
  c = facts_of("公司年产10万吨BDO项目投产后，还将建设年产20万吨示例浆料生产线。", FactKind::Capacity);
  for (const ExtractedFact& f : c) CHECK((f.value == 100000.0 || f.product != "BDO"));
}

TEST_CASE("aggregates and side figures are not plant facts", "[extract][capacity][investment]") {
  CHECK(facts_of("今年全市335个重点项目总投资1860亿元，年内计划完成投资420亿元。", FactKind::Investment)
            .empty());
  CHECK(facts_of("三明区8个、总投资31.2亿元，沙河县6个、总投资14.1亿元。", FactKind::Investment).empty());
  CHECK(facts_of("区域内已形成焦炭产能3200万吨、电石产能900万吨。", FactKind::Capacity).empty());
  CHECK(facts_of("全市风电、光伏可开发潜力超过6000万千瓦。", FactKind::Capacity).empty());
  CHECK(facts_of("依托焦炉煤气，副产氢气潜在产量约8万吨/年。", FactKind::Capacity).empty());
  CHECK(facts_of("示例风机公司计划建成年产2.0MW风机叶片200套生产线。", FactKind::Capacity).empty());
  auto i = facts_of("该项目总投资约9亿元，其中环保投资600万元；项目年度投资3亿元。", FactKind::Investment);
  REQUIRE(i.size() == 1);
  CHECK(i[0].value == 9e8);
}

TEST_CASE("event dates keep their day; campaign names and news dates are not event dates",
          "[extract][date]") {
  auto d = facts_of("8月30日，示例市举行2022年第三季度重点项目集中开工活动，示例化工年产10万吨BDO项目开工。",
                    FactKind::Date, Date::of_day(2022, 9, 1));
  REQUIRE(d.size() == 1);
  CHECK(d[0].date->to_string() == "2022-08-30");
  CHECK(d[0].date_kind == MilestoneKind::ConstructionStart);
  CHECK_FALSE(d[0].expected);

  // The date of the news release is not the signing date.
  CHECK(facts_of("12月1日，据示例市发布消息，示例光伏20GW组件项目正式签约。", FactKind::Date,
                 Date::of_day(2022, 12, 1))
            .empty());
  // The signing date after 本报讯 is.
  d = facts_of("本报讯（记者 王某）2月15日，示例开发区管委会与示例公司签订年产35GW单晶硅片项目合作协议。",
               FactKind::Date, Date::of_day(2023, 2, 17));
  REQUIRE(d.size() == 1);
  CHECK(d[0].date->to_string() == "2023-02-15");
  CHECK(d[0].date_kind == MilestoneKind::Signed);

  // "30日" and 当日 take the month and day written before them.
  d = facts_of("本报北京8月30日电 30日，示例绿氢示范项目全面建成投产。", FactKind::Date,
               Date::of_day(2023, 8, 31));
  INFO(describe(d));
  REQUIRE(d.size() == 1);
  CHECK(d[0].date->to_string() == "2023-08-30");
  d = facts_of("新华社照片，示例市，2012年4月16日。\n\n当日，示例集团年产60万吨烯烃项目奠基开工。",
               FactKind::Date, Date::of_day(2012, 4, 16));
  REQUIRE(d.size() == 1);
  CHECK(d[0].date->to_string() == "2012-04-16");

  // A construction period gives the planned start and completion.
  d = facts_of("项目建设周期为2021年5月至2023年12月。", FactKind::Date, Date::of_day(2021, 5, 8));
  REQUIRE(d.size() == 2);
  CHECK((d[0].date->to_string() == "2021-05" && d[0].date_kind == MilestoneKind::ConstructionStart));
  CHECK((d[1].date->to_string() == "2023-12" && d[1].date_kind == MilestoneKind::Completion));
  // A goal of a zone is not a plant's completion.
  CHECK(facts_of("第三步，2030年基本建成万亿级产业集群。", FactKind::Date).empty());
}

TEST_CASE("completion wording maps to one vocabulary of milestone kinds", "[extract][date]") {
  const std::pair<const char*, MilestoneKind> cases[] = {
      {"示例装置已于2023年3月机械竣工。", MilestoneKind::MechanicalCompletion},
      {"示例装置2023年3月实现中交。", MilestoneKind::MechanicalCompletion},
      {"示例项目2022年12月31日实现全面建成中交。", MilestoneKind::MechanicalCompletion},
      {"示例厂房已于2023年3月完工。", MilestoneKind::Completion},
      {"示例生产线已于2023年3月建成。", MilestoneKind::Completion},
      {"示例项目已于2023年3月建成投产。", MilestoneKind::Commissioning},
      {"示例工厂2023年3月产品下线。", MilestoneKind::TrialProduction},
  };
  for (const auto& [text, kind] : cases) {
    INFO(text);
    const auto d = facts_of(text, FactKind::Date);
    REQUIRE(d.size() == 1);
    CHECK(d[0].date_kind == kind);
  }
}

TEST_CASE("a fact stated twice is proposed once; invested to date is completed", "[extract][investment]") {
  const std::string text =
      "示例化工年产28万吨BDO项目投料开车成功\n\n"
      "2022年11月24日，示例化工年产28万吨BDO项目投料开车成功，该项目总投资29.4亿元。\n\n"
      "据介绍，年产28万吨BDO项目已投入35.69亿元，总投资29.4亿元。";
  const ExtractionResult r = extract_facts(text, Date::of_day(2022, 11, 30), ExtractionDictionary());
  int capacities = 0, totals = 0, completed = 0;
  for (const ExtractedFact& f : r.facts) {
    capacities += f.kind == FactKind::Capacity;
    totals += f.kind == FactKind::Investment && f.scope == InvestmentScope::Total;
    completed +=
        f.kind == FactKind::Investment && f.scope == InvestmentScope::Completed && f.value == 3.569e9;
  }
  CHECK(capacities == 1);
  CHECK(totals == 1);
  CHECK(completed == 1);
  // The amount in 亿 without 元 after 投资 is in yuan.
  const auto i = facts_of("其中1.1期工程总投资70亿、1.2期工程总投资60亿。", FactKind::Investment);
  REQUIRE(i.size() == 2);
  CHECK(i[0].value == 7e9);
}
