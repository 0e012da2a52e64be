// Numbers, multipliers, counts and the units of quantities.
#include <catch2/catch_test_macros.hpp>

#include "extract/extraction_dictionary.h"
#include "extract/number_parser.h"
#include "extract/text_normalizer.h"
#include "extract/tokenizer.h"

using namespace indtrack;

namespace {

double value_of(const std::string& text) {
  const auto n = parse_number(text, 0);
  REQUIRE(n);
  return n->value();
}

std::vector<Quantity> quantities(const std::string& original) {
  static const ExtractionDictionary dict;
  const NormalizedText n = normalize_text(original, {0, original.size()});
  return tokenize_paragraph(n.text, dict).quantities;
}

}  // namespace

TEST_CASE("numbers are exact decimals with 万 and 亿 multipliers", "[extract][number]") {
  CHECK(value_of("10.4万吨") == 104000.0);
  CHECK(value_of("4.6万") == 46000.0);
  CHECK(value_of("568.8亿元") == 56880000000.0);
  CHECK(value_of("1,317人") == 1317.0);
  CHECK(value_of("3千万元") == 30000000.0);
  CHECK(value_of("120万千瓦") == 1200000.0);  // 万 + 千瓦: the 千 belongs to the unit
  CHECK(value_of("12") == 12.0);
  const auto n = parse_number("3×10.4万吨/年", 0);
  REQUIRE(n);
  CHECK(n->count == 3);
  CHECK(n->value() == 104000.0);
  CHECK_FALSE(parse_number("1234567890123456789", 0));  // more than 15 significant digits
}

TEST_CASE("Chinese and Arabic counts before a measure word", "[extract][number]") {
  const std::string two = "两条";
  CHECK(parse_chinese_count_before(two, two.size() - std::string("条").size()) == 2);
  const std::string twelve = "十二";
  CHECK(parse_chinese_count_before(twelve, twelve.size()) == 12);
  const std::string thirty = "三十";
  CHECK(parse_chinese_count_before(thirty, thirty.size()) == 30);
  CHECK(parse_chinese_count_before("项目", 6) == 0);
  CHECK(parse_ascii_count_before("建设2", 7) == 2);
  CHECK(parse_ascii_count_before("10.2", 4) == 0);  // part of a decimal
}

TEST_CASE("quantities carry canonical values in the units of core/units.h", "[extract][number]") {
  auto q = quantities("10.4 万吨/年");
  REQUIRE(q.size() == 1);
  CHECK(q[0].value == 104000.0);
  CHECK(q[0].unit_name == "t/a");
  CHECK(q[0].unit_class == UnitClass::MassPerYear);

  q = quantities("总投资约105亿元");
  REQUIRE(q.size() == 1);
  CHECK(q[0].value == 10500000000.0);
  CHECK(q[0].unit_name == "CNY");
  CHECK(q[0].approximate);

  q = quantities("１２０万千瓦、10GW、200兆瓦、19亿kWh、8000标立方米/小时、50万元");
  REQUIRE(q.size() == 6);
  CHECK(q[0].value == 1200000.0);
  CHECK(q[1].value == 10000000.0);
  CHECK(q[1].unit_name == "kW");
  CHECK(q[2].value == 200000.0);
  CHECK(q[3].value == 1900000000.0);
  CHECK(q[3].unit_name == "kWh/a");
  CHECK(q[4].value == 8000.0);
  CHECK(q[4].unit_name == "Nm3/h");
  CHECK(q[5].value == 500000.0);

  q = quantities("10余万吨");
  REQUIRE(q.size() == 1);
  CHECK(q[0].value == 100000.0);
  CHECK(q[0].approximate);
}

TEST_CASE("digits inside identifiers and product names are not quantities", "[extract][number]") {
  CHECK(quantities("减少SO2排放，PM10，K196次列车，5G基站600座").empty());
  CHECK(quantities("1，4-丁二醇").empty());
  CHECK(quantities("100MWh储能").empty());  // MWh is not MW followed by h
}
