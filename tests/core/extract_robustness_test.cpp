// Any bytes in: invalid UTF-8, binary junk, one very long line. No crash, quotes stay exact spans.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <random>

#include "extract/extractor.h"

using namespace indtrack;

namespace {

// Counted, not asserted one by one: a 10 MB input has tens of thousands of facts.
void require_exact_quotes(const std::string& text, const ExtractionResult& r) {
  std::size_t bad = 0;
  for (const ExtractedFact& f : r.facts)
    if (f.start >= f.end || f.end > text.size() || text.compare(f.start, f.end - f.start, f.quote) != 0)
      ++bad;
  REQUIRE(bad == 0);
}

const std::string kSentence = "内蒙古示例化工有限公司年产10万吨BDO项目于2022年5月开工建设，总投资约30亿元。";

}  // namespace

TEST_CASE("binary junk is read without a crash and yields no facts", "[extract][robust]") {
  std::mt19937 random(12345);  // fixed seed: the same bytes every run
  std::string junk(2 << 20, '\0');
  for (char& c : junk) c = static_cast<char>(random() & 0xFF);
  const ExtractionResult r = extract_facts(junk, Date::of_day(2023, 1, 1), ExtractionDictionary());
  require_exact_quotes(junk, r);
  CHECK(r.facts.empty());
}

TEST_CASE("invalid UTF-8 around a sentence does not hide its facts", "[extract][robust]") {
  const std::string text = std::string("\xFF\xFE\xC0\x80 ") + kSentence + std::string("\xED\xA0\x80\xF8", 4);
  const ExtractionResult r = extract_facts(text, Date::of_day(2023, 1, 1), ExtractionDictionary());
  require_exact_quotes(text, r);
  REQUIRE(r.facts.size() == 3);  // capacity, date, investment
  CHECK(r.facts[0].value == 100000.0);
  CHECK(r.facts[1].date->to_string() == "2022-05");
  CHECK(r.facts[2].value == 3000000000.0);
}

TEST_CASE("a 10 MB line without line breaks is processed in bounded pieces", "[extract][robust]") {
  std::string line;
  line.reserve(10u << 20);
  for (int i = 0; line.size() < (10u << 20); ++i)
    line += "第" + std::to_string(i) + "条" + std::to_string(i % 90 + 1) + "万吨/年BDO生产线，";
  const ExtractionResult r = extract_facts(line, Date::of_day(2023, 1, 1), ExtractionDictionary());
  require_exact_quotes(line, r);
  REQUIRE_FALSE(r.facts.empty());
  std::size_t longest = 0;  // sentences are cut into bounded pieces
  for (const ExtractedFact& f : r.facts) longest = std::max(longest, f.end - f.start);
  CHECK(longest <= 7000);
}

TEST_CASE("empty and whitespace-only input yield nothing", "[extract][robust]") {
  CHECK(extract_facts("", std::nullopt, ExtractionDictionary()).facts.empty());
  CHECK(extract_facts("\n\n \t\r\n　", std::nullopt, ExtractionDictionary()).facts.empty());
  CHECK(extract_facts(std::string(1000, '\0'), std::nullopt, ExtractionDictionary()).facts.empty());
}

TEST_CASE("50 MB of articles are read without a crash", "[extract][robust][.slow]") {
  std::string text;
  // Each paragraph states its own figures: a repeated statement would be one fact.
  for (int i = 0; text.size() < (50u << 20); ++i)
    text += "第" + std::to_string(i) + "段：内蒙古示例化工有限公司年产" + std::to_string(i % 5000 + 1) +
            "万吨BDO项目于2022年5月开工建设，总投资约" + std::to_string(i % 3000 + 1) + "亿元。\n\n";
  const ExtractionResult r = extract_facts(text, Date::of_day(2023, 1, 1), ExtractionDictionary());
  require_exact_quotes(text, r);
  CHECK(r.facts.size() > 1000);
}
