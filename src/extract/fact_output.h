// Extracted facts as the outside world reads them: the JSON of `indtrack extract` (the shape in
// issue 7, values in canonical units) and a readable table with 万吨/年 and 亿元.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "extract/extractor.h"

namespace indtrack {

struct FileFacts {
  std::string file;  // as given on the command line
  std::vector<ExtractedFact> facts;
};

// One fact: kind, value, unit, product, company, project, date, date_kind, expected, scope,
// quote, file, start, end — always present, null where they do not apply — then the details
// park, district, lines, line, approximate, year_inferred, date_note, mention_start, mention_end.
nlohmann::ordered_json fact_to_json(const ExtractedFact& fact, const std::string& file);

// {"facts":[...]} for all files, UTF-8 (invalid bytes in quotes become U+FFFD), final newline.
std::string facts_to_json(const std::vector<FileFacts>& files);

// The same JSON written one fact at a time, so that a file with a million facts is never held
// in memory: add() each fact, then finish().
class FactJsonWriter {
 public:
  explicit FactJsonWriter(std::ostream& out);
  void add(const ExtractedFact& fact, const std::string& file);
  void finish();

 private:
  std::ostream& out_;
  bool any_ = false;
};

// A table for people: one row per fact, values in 万吨/年, 万千瓦, 亿元; quotes shortened.
void write_fact_table(std::ostream& out, const std::vector<FileFacts>& files);

// The table for one file, row by row: the file's name and the column header first, each row as
// it comes, and the count last ("19 facts in FILE"), so nothing is kept.
class FactTableWriter {
 public:
  FactTableWriter(std::ostream& out, std::string file);
  void add(const ExtractedFact& fact);
  void finish();

 private:
  std::ostream& out_;
  std::string file_;
  std::size_t rows_ = 0;
};

// "10.4万吨/年", "105亿元", "120万千瓦": a fact's value the way reports write it.
std::string display_value(const ExtractedFact& fact);

}  // namespace indtrack
