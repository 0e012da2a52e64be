#include "extract/extraction_dictionary.h"

#include <map>

#include "core/text.h"
#include "extract/text_normalizer.h"
#include "model/dataset.h"

namespace indtrack {

namespace {

// Dictionary words are matched against normalised text, so they are normalised the same way.
std::string normalized_word(std::string_view word) { return normalize_text(word, {0, word.size()}).text; }

}  // namespace

ExtractionDictionary::ExtractionDictionary() { add_builtins(); }

int ExtractionDictionary::add_entry(DictionaryEntry entry) {
  entries_.push_back(std::move(entry));
  return static_cast<int>(entries_.size() - 1);
}

void ExtractionDictionary::add_word(std::string_view word, int entry) {
  const std::string key = normalized_word(word);
  if (key.size() >= 2) words_.insert(key, entry);  // one byte matches too much to mean a name
}

void ExtractionDictionary::add_builtins() {
  std::map<std::string_view, int> product_entries;  // canonical name -> entry
  for (const ProductWord& p : builtin_products()) {
    auto [it, fresh] = product_entries.try_emplace(p.product, -1);
    if (fresh)
      it->second =
          add_entry({WordCategory::Product, p.category ? kCategoryProduct : 0, -1, std::string(p.product)});
    add_word(p.word, it->second);
  }
  for (const EventWord& e : event_words())
    add_word(e.word, add_entry({WordCategory::Event, static_cast<int>(e.kind), -1, std::string(e.word)}));
  const auto relative = relative_date_words();
  for (std::size_t i = 0; i < relative.size(); ++i)
    add_word(relative[i].word,
             add_entry({WordCategory::RelativeDate, static_cast<int>(i), -1, std::string(relative[i].word)}));
  auto add_places = [&](std::span<const PlaceWord> places, WordCategory category) {
    std::map<std::string_view, int> by_name;
    for (const PlaceWord& p : places) {
      auto [it, fresh] = by_name.try_emplace(p.name, -1);
      if (fresh) it->second = add_entry({category, 0, -1, std::string(p.name)});
      add_word(p.word, it->second);
    }
  };
  add_places(builtin_parks(), WordCategory::Park);
  add_places(builtin_districts(), WordCategory::District);
  auto add_plain = [&](std::span<const std::string_view> list, WordCategory category) {
    for (std::string_view w : list) add_word(w, add_entry({category, 0, -1, std::string(w)}));
  };
  add_plain(expected_cues(), WordCategory::ExpectedCue);
  add_plain(weak_expected_cues(), WordCategory::WeakExpectedCue);
  add_plain(actual_cues(), WordCategory::ActualCue);
  add_plain(blocker_words(), WordCategory::Blocker);
  add_plain(region_prefixes(), WordCategory::RegionPrefix);
  add_plain(company_suffixes(), WordCategory::CompanySuffix);

  const auto units = unit_words();
  for (std::size_t i = 0; i < units.size(); ++i)
    units_.insert(normalized_word(units[i].word), static_cast<int>(i));
  const auto parts = year_part_words();
  for (std::size_t i = 0; i < parts.size(); ++i)
    year_parts_.insert(normalized_word(parts[i].word), static_cast<int>(i));
}

ExtractionDictionary::ExtractionDictionary(const Dataset& data) {
  add_builtins();

  // Products: every spelling of a dataset product, and built-in spellings of the same product.
  for (std::size_t i = 0; i < data.products.size(); ++i) {
    const Product& p = data.products[i];
    const std::string display = !p.short_name.empty() ? p.short_name : p.name;
    const int entry = add_entry({WordCategory::Product, 0, static_cast<int>(i), display});
    std::vector<std::string_view> names = {p.name, p.short_name, p.id};
    for (const std::string& a : p.aliases) names.push_back(a);
    for (std::string_view n : names) {
      if (n.empty()) continue;
      add_word(n, entry);
      // Built-in entries whose canonical name is this spelling now point at the dataset product.
      for (DictionaryEntry& e : entries_)
        if (e.category == WordCategory::Product && e.dataset_index < 0 && e.name == n) {
          e.dataset_index = static_cast<int>(i);
          e.name = display;
        }
    }
  }
  for (std::size_t i = 0; i < data.companies.size(); ++i) {
    const Company& c = data.companies[i];
    const int entry = add_entry({WordCategory::Company, 0, static_cast<int>(i), c.name});
    add_word(c.name, entry);
    add_word(c.short_name, entry);
    for (const std::string& a : c.aliases) add_word(a, entry);
  }
  for (std::size_t i = 0; i < data.projects.size(); ++i) {
    const Project& p = data.projects[i];
    const int entry = add_entry({WordCategory::Project, 0, static_cast<int>(i), p.name});
    add_word(p.name, entry);
    for (const std::string& a : p.aliases) add_word(a, entry);
  }
  // Places: built-in gazetteer entries of the same name (and their former names) are linked too.
  auto link_places = [&](WordCategory category, std::size_t i, const std::string& name) {
    for (DictionaryEntry& e : entries_)
      if (e.category == category && e.dataset_index < 0 && e.name == name)
        e.dataset_index = static_cast<int>(i);
  };
  for (std::size_t i = 0; i < data.parks.size(); ++i) {
    const Park& p = data.parks[i];
    link_places(WordCategory::Park, i, p.name);
    const int entry = add_entry({WordCategory::Park, 0, static_cast<int>(i), p.name});
    add_word(p.name, entry);
    for (const std::string& a : p.aliases) add_word(a, entry);
  }
  for (std::size_t i = 0; i < data.districts.size(); ++i) {
    const District& d = data.districts[i];
    link_places(WordCategory::District, i, d.name);
    const int entry = add_entry({WordCategory::District, 0, static_cast<int>(i), d.name});
    add_word(d.name, entry);
    for (const std::string& a : d.aliases) add_word(a, entry);
  }
}

}  // namespace indtrack
