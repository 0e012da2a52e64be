// From the text of one Chinese news article to candidate facts — capacities, investments and
// dated milestones — each with the sentence it came from and that sentence's byte span in the
// ORIGINAL text, so curating is reviewing, not retyping. Rules, not statistics: see
// docs/extraction.md for the design, the measured precision/recall and the known misses.
//
// Any bytes are accepted (invalid UTF-8, binary junk, one 10 MB line): time and memory are
// linear in the input size. No exception is thrown for bad input.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/units.h"
#include "extract/extraction_dictionary.h"
#include "model/vocabulary.h"

namespace indtrack {

enum class FactKind : unsigned char { Capacity, Investment, Date };
std::string_view id_of(FactKind kind);  // "capacity" | "investment" | "date"

struct ExtractedFact {
  FactKind kind = FactKind::Capacity;

  // capacity and investment
  double value = 0;  // canonical: t/a, kW, kWh/a, Nm3/h, or CNY (yuan)
  std::string unit;  // "t/a", "kW", "kWh/a", "Nm3/h", "CNY"
  Dimension dimension = Dimension::MassPerYear;
  bool approximate = false;  // 约, 近, 左右, 以上 ...
  int lines = 0;             // "2条…生产线", "3×…": identical lines of `value` each; 0: not said
  int line_number = 0;       // "3号线" -> 3; 0: not said
  std::optional<InvestmentScope> scope;  // investment: Total (总投资/计划投资) or Completed (完成投资)

  // date
  std::optional<Date> date;
  std::optional<MilestoneKind> date_kind;
  bool year_inferred = false;  // the year came from the article date, not the sentence
  std::string date_note;       // e.g. "year from the article date (2023-01-26); 年底 recorded as month 12"

  bool expected = false;  // a plan or forecast (预计, 力争, 将 ...), not something that happened

  // what the fact belongs to; empty / -1 when unknown. *_index are dataset indices when the
  // name came from the dictionary's Dataset.
  std::string product;
  int product_index = -1;
  std::string company;
  int company_index = -1;
  std::string project;
  int project_index = -1;
  std::string park;
  int park_index = -1;
  std::string district;
  int district_index = -1;

  // provenance: the sentence, verbatim, and where it is in the original text
  std::string quote;
  std::size_t start = 0;          // byte offset of the quote in the original text
  std::size_t end = 0;            // one past its last byte
  std::size_t mention_start = 0;  // the number or date expression itself (inside the quote)
  std::size_t mention_end = 0;
};

struct ExtractionResult {
  std::vector<ExtractedFact> facts;    // in text order
  std::size_t repeated_sentences = 0;  // sentences skipped because they repeat an earlier one
  bool converted = false;              // some text was in traditional script and read converted
};

// `article_date` supplies the year of "4月", "年底" and "今年"; without it such dates are dropped
// (their year cannot be known) while dates with a written year are still reported.
ExtractionResult extract_facts(std::string_view text, std::optional<Date> article_date,
                               const ExtractionDictionary& dict);

// The same, handing each fact to `sink` as soon as it is known (in text order) instead of keeping
// them: memory stays proportional to the longest paragraph, not to the number of facts.
struct ExtractionStats {
  std::size_t facts = 0;
  std::size_t repeated_sentences = 0;
  bool converted = false;
};
using FactSink = std::function<void(ExtractedFact&&)>;
ExtractionStats extract_facts(std::string_view text, std::optional<Date> article_date,
                              const ExtractionDictionary& dict, const FactSink& sink);

}  // namespace indtrack
