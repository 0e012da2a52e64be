// Scoring the extractor against hand-labelled facts (tests/extract/*/): a capacity matches when
// value, unit and product match; an investment when value and scope match; a date when date (with
// its precision), milestone kind and — where the label says — expected/actual match. Each label
// matches at most one extracted fact; what is missed and what is extra is listed.
#pragma once

#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <iomanip>
#include <map>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/extractor.h"
#include "test_support.h"

namespace indtrack::test {

struct LabelledArticle {
  std::string name;
  std::string text;
  std::optional<Date> article_date;
  nlohmann::json labels;  // the whole label file
};

// `labels_dir`/`stem`.json names its article, read from `articles_dir`.
inline LabelledArticle load_labelled(const std::string& labels_dir, const std::string& articles_dir,
                                     const std::string& stem) {
  LabelledArticle a;
  a.name = stem;
  a.labels = nlohmann::json::parse(read_file(labels_dir + "/" + stem + ".json"));
  a.text = read_file(articles_dir + "/" + a.labels.at("article").get<std::string>());
  const nlohmann::json& date = a.labels.at("article_date");
  if (!date.is_null()) a.article_date = *parse_date(date.get<std::string>()).date;
  return a;
}

inline bool same_value(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

inline bool label_matches(const nlohmann::json& gold, const ExtractedFact& f) {
  const std::string kind = gold.at("kind");
  if (kind != id_of(f.kind)) return false;
  if (kind == "capacity")
    return same_value(gold.at("value").get<double>(), f.value) && gold.at("product") == f.product &&
           gold.at("unit") == f.unit;
  if (kind == "investment")
    return same_value(gold.at("value").get<double>(), f.value) && f.scope &&
           gold.at("scope") == id_of(*f.scope);
  return f.date && f.date_kind && gold.at("date") == f.date->to_string() &&
         gold.at("date_kind") == id_of(*f.date_kind) &&
         (!gold.contains("expected") || gold.at("expected") == f.expected);
}

struct Score {
  int gold = 0, extracted = 0, matched = 0;
  double precision() const { return extracted == 0 ? 1.0 : static_cast<double>(matched) / extracted; }
  double recall() const { return gold == 0 ? 1.0 : static_cast<double>(matched) / gold; }
  void add(const Score& o) {
    gold += o.gold;
    extracted += o.extracted;
    matched += o.matched;
  }
};

inline const std::vector<std::string>& fact_kinds() {
  static const std::vector<std::string> kinds = {"capacity", "investment", "date"};
  return kinds;
}

using Scores = std::map<std::string, Score>;

inline Scores score_article(const LabelledArticle& a, std::ostream& log) {
  const ExtractionResult r = extract_facts(a.text, a.article_date, ExtractionDictionary());
  Scores scores;
  for (const std::string& k : fact_kinds()) scores[k];
  std::vector<bool> used(r.facts.size(), false);
  for (const ExtractedFact& f : r.facts) ++scores[std::string(id_of(f.kind))].extracted;
  for (const nlohmann::json& gold : a.labels.at("facts")) {
    Score& s = scores[gold.at("kind").get<std::string>()];
    ++s.gold;
    bool found = false;
    for (std::size_t i = 0; i < r.facts.size() && !found; ++i) {
      if (used[i] || !label_matches(gold, r.facts[i])) continue;
      used[i] = found = true;
      ++s.matched;
    }
    if (!found) log << "    missed: " << gold.dump() << "\n";
  }
  for (std::size_t i = 0; i < r.facts.size(); ++i) {
    if (used[i]) continue;
    const ExtractedFact& f = r.facts[i];
    log << "    extra: " << id_of(f.kind) << " " << f.value << " " << f.unit << " " << f.product << " "
        << (f.date ? f.date->to_string() : "") << " " << (f.date_kind ? id_of(*f.date_kind) : "")
        << (f.kind == FactKind::Date ? (f.expected ? " expected" : " actual") : "") << " «"
        << a.text.substr(f.mention_start, f.mention_end - f.mention_start) << "»\n";
  }
  return scores;
}

// Scores `stems` and writes one line per article and the totals per kind to `log`.
inline Scores score_set(const std::string& labels_dir, const std::string& articles_dir,
                        const std::vector<std::string>& stems, const std::string& label, std::ostream& log) {
  Scores total;
  for (const std::string& k : fact_kinds()) total[k];
  log << std::fixed << std::setprecision(2) << label << " (" << stems.size() << " articles)\n";
  for (const std::string& stem : stems) {
    const LabelledArticle a = load_labelled(labels_dir, articles_dir, stem);
    std::ostringstream details;
    const Scores scores = score_article(a, details);
    log << "  " << stem;
    for (const std::string& k : fact_kinds()) {
      const Score& s = scores.at(k);
      log << "  " << k << " " << s.matched << "/" << s.extracted << "/" << s.gold;
      total[k].add(s);
    }
    log << "   (matched/extracted/labelled)\n" << details.str();
  }
  for (const std::string& k : fact_kinds())
    log << "  " << k << ": precision " << total[k].precision() << ", recall " << total[k].recall() << " ("
        << total[k].matched << " of " << total[k].extracted << " extracted, " << total[k].gold
        << " labelled)\n";
  return total;
}

}  // namespace indtrack::test
