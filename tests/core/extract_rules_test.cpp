// Capacities, investments, entities, repeated paragraphs, and what is not a fact.
#include <catch2/catch_test_macros.hpp>

#include "extract/extractor.h"
#include "model/dataset.h"

using namespace indtrack;

namespace {

std::vector<ExtractedFact> facts_of(const std::string& text, FactKind kind,
                                    const ExtractionDictionary& dict = ExtractionDictionary()) {
  std::vector<ExtractedFact> out;
  for (ExtractedFact& f : extract_facts(text, Date::of_day(2023, 6, 1), dict).facts)
    if (f.kind == kind) out.push_back(std::move(f));
  return out;
}

}  // namespace

TEST_CASE("capacities: number, unit and product, in tonnes per year", "[extract][capacity]") {
  auto c = facts_of("内蒙古华恒能源科技有限公司 10.4 万吨/年 BDO 生产 3 号线顺利投产。", FactKind::Capacity);
  REQUIRE(c.size() == 1);
  CHECK(c[0].value == 104000.0);
  CHECK(c[0].unit == "t/a");
  CHECK(c[0].product == "BDO");
  CHECK(c[0].line_number == 3);
  CHECK(c[0].company == "内蒙古华恒能源科技有限公司");

  c = facts_of("年产40万吨锂电池负极材料一体化产线项目。", FactKind::Capacity);
  REQUIRE(c.size() == 1);
  CHECK(c[0].value == 400000.0);
  CHECK(c[0].product == "负极材料");

  c = facts_of("加上之前已建成的2条10.4万吨/年BOD生产线和3×4.6万吨/年PTMEG装置。", FactKind::Capacity);
  REQUIRE(c.size() == 2);
  CHECK(c[0].product == "BDO");  // the trade press's typo
  CHECK(c[0].lines == 2);
  CHECK(c[1].lines == 3);
  CHECK(c[1].value == 46000.0);

  c = facts_of("目前该公司BDO产能达到31.2万吨/年。年内BDO产能达100万吨。", FactKind::Capacity);
  REQUIRE(c.size() == 2);
  CHECK(c[0].product == "BDO");
  CHECK(c[1].value == 1000000.0);

  c = facts_of("主要生产1，4-丁二醇（BDO）。建有两套6万吨/年1，4-丁二醇装置。", FactKind::Capacity);
  REQUIRE(c.size() == 1);
  CHECK(c[0].value == 60000.0);
  CHECK(c[0].lines == 2);
  CHECK(c[0].product == "BDO");
}

TEST_CASE("capacities in power, energy per year and gas flow", "[extract][capacity]") {
  auto c = facts_of("项目同步规划120万千瓦光伏储能项目，建成后年发电量约19亿kWh。", FactKind::Capacity);
  REQUIRE(c.size() == 2);
  CHECK(c[0].value == 1200000.0);
  CHECK(c[0].unit == "kW");
  CHECK(c[0].product == "光伏");
  CHECK(c[0].expected);  // 规划
  CHECK(c[1].value == 1900000000.0);
  CHECK(c[1].unit == "kWh/a");
  CHECK(c[1].approximate);
  c = facts_of("制氢规模达到8000标立方米/小时。", FactKind::Capacity);
  REQUIRE(c.size() == 1);
  CHECK(c[0].unit == "Nm3/h");
  CHECK(c[0].product == "氢气");
}

TEST_CASE("statistics, counts and classes are not plant capacities", "[extract][capacity]") {
  CHECK(facts_of("新建5G基站600座，推进矿区园区5G网络全覆盖。", FactKind::Capacity).empty());
  CHECK(
      facts_of("每年可减少SO2排放量约1400吨、温室气体（以CO2计）约18万吨、烟尘约80万吨。", FactKind::Capacity)
          .empty());
  CHECK(facts_of("按照每户2吨1400元的标准发放。", FactKind::Capacity).empty());
  CHECK(facts_of("单体规模达到300万吨及以上。", FactKind::Capacity).empty());
  CHECK(facts_of("打造千万千瓦级新能源基地，建设百万千瓦级光伏基地。", FactKind::Capacity).empty());
  CHECK(facts_of("全市工业用电量达到150亿千瓦时，年节约标准煤1.2万吨。", FactKind::Capacity).empty());
}

TEST_CASE("investments: total versus completed, in yuan", "[extract][investment]") {
  auto v = facts_of("该项目于2021年7月开工建设，总投资约105亿元，已完成投资约12亿元。", FactKind::Investment);
  REQUIRE(v.size() == 2);
  CHECK(v[0].value == 10500000000.0);
  CHECK(v[0].unit == "CNY");
  CHECK(v[0].scope == InvestmentScope::Total);
  CHECK(v[0].approximate);
  CHECK(v[1].value == 1200000000.0);
  CHECK(v[1].scope == InvestmentScope::Completed);

  v = facts_of("计划总投资29.6 亿元，完成固定资产投资74亿元以上，投资总额为5000万元。", FactKind::Investment);
  REQUIRE(v.size() == 3);
  CHECK(v[0].value == 2960000000.0);
  CHECK(v[1].scope == InvestmentScope::Completed);
  CHECK(v[2].value == 50000000.0);
  CHECK(v[2].scope == InvestmentScope::Total);
}

TEST_CASE("money that is not an investment", "[extract][investment]") {
  CHECK(facts_of("预计可形成近160亿元的产值，实现营业收入12亿元。", FactKind::Investment).empty());
  CHECK(facts_of("推动3个投资百亿元以上可降解材料产业项目投产。", FactKind::Investment).empty());
  CHECK(facts_of("共发放1317.96万元补贴，协议金额达912.99亿元。", FactKind::Investment).empty());
}

TEST_CASE("legal company names and the project after them", "[extract][entity]") {
  auto c = facts_of(
      "同在低碳产业园的内蒙古国轩零碳科技有限公司年产40万吨锂电池负极材料一体化产线项目，分四期建设。",
      FactKind::Capacity);
  REQUIRE(c.size() == 1);
  CHECK(c[0].company == "内蒙古国轩零碳科技有限公司");
  CHECK(c[0].project == "年产40万吨锂电池负极材料一体化产线项目");
  CHECK(c[0].park == "低碳产业园");
  c = facts_of("君正集团第一批次建设的30万吨/年BDO项目完成总体建设。", FactKind::Capacity);
  REQUIRE(c.size() == 1);
  CHECK(c[0].company == "君正集团");
  // The speaker after a quote is who the quoted plans belong to.
  const auto d =
      facts_of("“项目一期预计将在10月投产。”内蒙古华恒能源科技有限公司副总经理说。", FactKind::Date);
  REQUIRE(d.size() == 1);
  CHECK(d[0].company == "内蒙古华恒能源科技有限公司");
  // A later sentence that refers back keeps the company of an earlier paragraph.
  const auto back =
      facts_of("记者走进内蒙古瑞丰新材料有限公司现场。\n\n该项目于2023年3月开工建设。", FactKind::Date);
  REQUIRE(back.size() == 1);
  CHECK(back[0].company == "内蒙古瑞丰新材料有限公司");
}

TEST_CASE("a dataset's names, short names and aliases are the dictionary", "[extract][entity]") {
  Dataset data;
  Product bdo;
  bdo.id = "BDO";
  bdo.name = "1,4-丁二醇";
  bdo.short_name = "BDO";
  bdo.aliases = {"BOD"};
  data.products.push_back(bdo);
  Company huaheng;
  huaheng.id = "huaheng";
  huaheng.name = "内蒙古华恒能源科技有限公司";
  huaheng.short_name = "华恒";
  data.companies.push_back(huaheng);
  Project project;
  project.id = "huaheng-bdo";
  project.name = "PTMEG、PBAT新型材料产业链一体化项目";
  project.aliases = {"华恒一体化项目"};
  data.projects.push_back(project);
  Park park;
  park.id = "lowcarbon";
  park.name = "低碳产业园";
  data.parks.push_back(park);
  data.rebuild_index();
  const ExtractionDictionary dict(data);

  auto c = facts_of("华恒一体化项目2条10.4万吨/年BOD生产线已投产。", FactKind::Capacity, dict);
  REQUIRE(c.size() == 1);
  CHECK(c[0].product == "BDO");
  CHECK(c[0].product_index == 0);
  CHECK(c[0].project == "PTMEG、PBAT新型材料产业链一体化项目");
  CHECK(c[0].project_index == 0);
  c = facts_of("华恒在低碳产业园的10.4万吨/年丁二醇装置。", FactKind::Capacity, dict);
  REQUIRE(c.size() == 1);
  CHECK(c[0].company == "内蒙古华恒能源科技有限公司");  // the short name leads to the legal name
  CHECK(c[0].company_index == 0);
  CHECK(c[0].park_index == 0);
  CHECK(c[0].product_index == 0);  // a built-in spelling linked to the dataset's product
  // A former name in the built-in gazetteer leads to the dataset's park of the current name.
  Park haibowan;
  haibowan.id = "haibowan-park";
  haibowan.name = "海勃湾产业园";
  data.parks.push_back(haibowan);
  const ExtractionDictionary with_park(data);
  c = facts_of("千里山工业园区的10万吨/年焦化项目。", FactKind::Capacity, with_park);
  REQUIRE(c.size() == 1);
  CHECK(c[0].park == "海勃湾产业园");
  CHECK(c[0].park_index == 1);
}

TEST_CASE("a repeated paragraph is reported once", "[extract]") {
  const std::string paragraph = "该项目总投资68亿元，分两期建设，一期于2022年9月动工。";
  const ExtractionResult r = extract_facts(paragraph + "\n\n其他内容。\n\n" + paragraph + "\n",
                                           Date::of_day(2024, 3, 20), ExtractionDictionary());
  REQUIRE(r.facts.size() == 2);
  CHECK(r.repeated_sentences == 1);
  CHECK(r.facts[0].start == 0);
}
