// Extraction quality against hand-labelled gold facts (tests/extract/gold/*.json, written from
// reading the articles in tests/extract/articles/). A capacity matches when value and product
// match, an investment when value and scope match, a date when date (with its precision) and
// milestone kind match. Precision and recall per kind must reach 0.90 / 0.85 on the five seed
// articles and, separately, on the articles written in their style for these tests.
#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "extract/extractor.h"
#include "test_support.h"

using namespace indtrack;

namespace {

const std::string kExtractDir = std::string(INDTRACK_SOURCE_DIR) + "/tests/extract";

struct GoldArticle {
  std::string name;
  std::string text;
  Date article_date;
  nlohmann::json facts;
};

GoldArticle load_gold(const std::string& stem) {
  GoldArticle g;
  g.name = stem;
  const nlohmann::json j = nlohmann::json::parse(test::read_file(kExtractDir + "/gold/" + stem + ".json"));
  g.text = test::read_file(kExtractDir + "/articles/" + j.at("article").get<std::string>());
  g.article_date = *parse_date(j.at("article_date").get<std::string>()).date;
  g.facts = j.at("facts");
  return g;
}

bool same_value(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

bool matches(const nlohmann::json& gold, const ExtractedFact& f) {
  const std::string kind = gold.at("kind");
  if (kind != id_of(f.kind)) return false;
  if (kind == "capacity")
    return same_value(gold.at("value").get<double>(), f.value) && gold.at("product") == f.product &&
           gold.at("unit") == f.unit;
  if (kind == "investment")
    return same_value(gold.at("value").get<double>(), f.value) && f.scope &&
           gold.at("scope") == id_of(*f.scope);
  return f.date && f.date_kind && gold.at("date") == f.date->to_string() &&
         gold.at("date_kind") == id_of(*f.date_kind);
}

struct Score {
  int gold = 0, extracted = 0, matched = 0, expected_agrees = 0;
  double precision() const { return extracted == 0 ? 1.0 : static_cast<double>(matched) / extracted; }
  double recall() const { return gold == 0 ? 1.0 : static_cast<double>(matched) / gold; }
  void add(const Score& o) {
    gold += o.gold;
    extracted += o.extracted;
    matched += o.matched;
    expected_agrees += o.expected_agrees;
  }
};

const char* kKinds[] = {"capacity", "investment", "date"};

// Scores per kind, with each gold fact matched at most once; misses and false positives listed.
std::map<std::string, Score> score(const GoldArticle& g, std::ostream& log) {
  const ExtractionResult r = extract_facts(g.text, g.article_date, ExtractionDictionary());
  std::map<std::string, Score> scores;
  for (const char* k : kKinds) scores[k];
  std::vector<bool> used(r.facts.size(), false);
  for (const ExtractedFact& f : r.facts) ++scores[std::string(id_of(f.kind))].extracted;
  for (const nlohmann::json& gold : g.facts) {
    Score& s = scores[gold.at("kind").get<std::string>()];
    ++s.gold;
    bool found = false;
    for (std::size_t i = 0; i < r.facts.size() && !found; ++i) {
      if (used[i] || !matches(gold, r.facts[i])) continue;
      used[i] = found = true;
      ++s.matched;
      if (!gold.contains("expected") || gold.at("expected") == r.facts[i].expected) ++s.expected_agrees;
    }
    if (!found) log << "  missed: " << gold.dump() << "\n";
  }
  for (std::size_t i = 0; i < r.facts.size(); ++i)
    if (!used[i]) {
      const ExtractedFact& f = r.facts[i];
      log << "  extra: " << id_of(f.kind) << " " << f.value << " " << f.product << " "
          << (f.date ? f.date->to_string() : "") << " " << (f.date_kind ? id_of(*f.date_kind) : "") << "\n";
    }
  return scores;
}

void check_set(const std::vector<std::string>& stems, const std::string& label) {
  std::map<std::string, Score> total;
  std::ostringstream log;
  log << std::fixed << std::setprecision(2) << label << "\n";
  for (const std::string& stem : stems) {
    const GoldArticle g = load_gold(stem);
    const auto scores = score(g, log);
    log << "  " << stem;
    for (const char* k : kKinds) {
      const Score& s = scores.at(k);
      log << "  " << k << " " << s.matched << "/" << s.extracted << "/" << s.gold;
      total[k].add(s);
    }
    log << "   (matched/extracted/gold)\n";
  }
  for (const char* k : kKinds)
    log << "  " << k << ": precision " << total[k].precision() << ", recall " << total[k].recall() << " ("
        << total[k].matched << " of " << total[k].extracted << " extracted, " << total[k].gold << " gold)\n";
  std::cout << log.str();
  INFO(log.str());
  for (const char* k : kKinds) {
    CHECK(total[k].precision() >= 0.90);
    CHECK(total[k].recall() >= 0.85);
  }
  // Matched dates must also agree on expected vs actual.
  CHECK(total["date"].expected_agrees == total["date"].matched);
}

}  // namespace

TEST_CASE("precision and recall on the five seed articles reach 0.90 / 0.85 per kind", "[extract][quality]") {
  check_set({"000_6e585e96716a7f59", "001_29e9c26f9419fb0d", "002_2d76d3aba63dab13", "003_3c1276fe86904cca",
             "004_3e4d958af8c47870"},
            "seed articles");
}

TEST_CASE("precision and recall on articles written in the same style reach 0.90 / 0.85",
          "[extract][quality]") {
  check_set({"unseen_01_wuda", "unseen_02_hainan", "unseen_03_donghao", "unseen_04_heldout"},
            "articles in the seeds' style");
}

TEST_CASE("every fact's quote is exactly the original text between start and end", "[extract][quality]") {
  for (const auto& entry : std::filesystem::directory_iterator(kExtractDir + "/articles")) {
    const std::string text = test::read_file(entry.path().string());
    const ExtractionResult r = extract_facts(text, Date::of_day(2023, 6, 1), ExtractionDictionary());
    INFO(entry.path().filename().string());
    for (const ExtractedFact& f : r.facts) {
      REQUIRE(f.start < f.end);
      REQUIRE(f.end <= text.size());
      CHECK(text.substr(f.start, f.end - f.start) == f.quote);
      CHECK(f.start <= f.mention_start);
      CHECK(f.mention_start < f.mention_end);
      CHECK(f.mention_end <= f.end);
    }
  }
}
