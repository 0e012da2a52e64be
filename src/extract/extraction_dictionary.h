// The words the extractor recognises, in one trie: the built-in vocabulary (lexicon.h) plus,
// when built from a Dataset, the dataset's own products, companies, projects, parks and
// districts with their short names and aliases — the strongest signal for names in this domain.
// A dataset spelling overrides a built-in one; built-in product spellings are linked to the
// dataset product of the same canonical name, so "BOD" leads to the dataset's BDO.
#pragma once

#include <string>
#include <vector>

#include "extract/keyword_trie.h"
#include "extract/lexicon.h"

namespace indtrack {

struct Dataset;

// DictionaryEntry::value of a product that is a class of products (ProductWord::category).
inline constexpr int kCategoryProduct = 1;

struct DictionaryEntry {
  WordCategory category = WordCategory::Product;
  int value = 0;           // Event: MilestoneKind; RelativeDate: index into relative_date_words(); Product:
                           // kCategoryProduct or 0
  int dataset_index = -1;  // index in the Dataset's vector of that kind, -1 for built-in words
  std::string name;        // what a fact reports: canonical product, legal company name, park name
};

class ExtractionDictionary {
 public:
  ExtractionDictionary();  // built-in vocabulary only
  explicit ExtractionDictionary(const Dataset& data);

  const KeywordTrie& words() const { return words_; }
  const KeywordTrie& units() const { return units_; }            // payload: index into unit_words()
  const KeywordTrie& year_parts() const { return year_parts_; }  // payload: index into year_part_words()
  const DictionaryEntry& entry(int payload) const { return entries_[static_cast<std::size_t>(payload)]; }
  std::size_t entry_count() const { return entries_.size(); }

 private:
  void add_builtins();
  int add_entry(DictionaryEntry entry);
  void add_word(std::string_view word, int entry);

  KeywordTrie words_;
  KeywordTrie units_;
  KeywordTrie year_parts_;
  std::vector<DictionaryEntry> entries_;
};

}  // namespace indtrack
