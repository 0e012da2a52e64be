// The UI string table (strings.h) and the language-dependent name helpers.
#include "app_model/strings.h"

#include <array>

#include "model/company_name.h"

namespace indtrack::ui {

namespace {

struct Entry {
  const char* zh;
  const char* en;
};

constexpr std::array<Entry, static_cast<std::size_t>(Str::Count)> kStrings = {{
#define INDTRACK_UI_STRING_ENTRY(id, zh, en) {zh, en},
    INDTRACK_UI_STRINGS(INDTRACK_UI_STRING_ENTRY)
#undef INDTRACK_UI_STRING_ENTRY
}};

// Punctuation and symbols the panels put around dataset text (separators, brackets, quotes,
// marks): part of the atlas from the start, like the table above.
constexpr const char* kSymbolsDrawnByCode =
    "·、，。：；？！（）“”‘’—–…［］【】《》〈〉≥≤≈±×÷→←↑↓●○◆◇▲△▼▽■□★☆°℃％＋－／";

template <class E>
std::string_view vocabulary_label(std::span<const VocabularyEntry<E>> table, E value, Language language) {
  const auto& entry = vocabulary_entry(table, value);
  return language == Language::English ? entry.en : entry.zh;
}

}  // namespace

const char* text(Str id, Language language) {
  const Entry& e = kStrings[static_cast<std::size_t>(id)];
  return language == Language::English ? e.en : e.zh;
}

std::string all_ui_text() {
  std::string out;
  for (const Entry& e : kStrings) {
    out += e.zh;
    out += e.en;
  }
  for (const auto& e : statuses()) (out += e.zh) += e.en;
  for (const auto& e : milestone_kinds()) (out += e.zh) += e.en;
  for (const auto& e : bases()) (out += e.zh) += e.en;
  for (const auto& e : investment_scopes()) (out += e.zh) += e.en;
  for (const auto& u : all_units()) out += u.name;
  out += kSymbolsDrawnByCode;
  return out;
}

std::string_view label(Status s, Language language) { return vocabulary_label(statuses(), s, language); }
std::string_view label(MilestoneKind k, Language language) {
  return vocabulary_label(milestone_kinds(), k, language);
}
std::string_view label(Basis b, Language language) { return vocabulary_label(bases(), b, language); }
std::string_view label(InvestmentScope s, Language language) {
  return vocabulary_label(investment_scopes(), s, language);
}

const std::string& localized(const std::string& zh, const std::string& en, Language language) {
  return in_language(zh, en, language);
}

const std::string& name_of(const Project& p, Language language) {
  return localized(p.name, p.name_en, language);
}
const std::string& name_of(const Company& c, Language language) {
  return localized(display_name(c), c.name_en, language);
}
const std::string& full_name_of(const Company& c, Language language) {
  return localized(c.name, c.name_en, language);
}
std::string short_name_of(const Company& c, Language language) { return company_short_name(c, language); }

const std::string& name_of(const District& d, Language language) {
  return localized(d.name, d.name_en, language);
}
const std::string& name_of(const Park& p, Language language) {
  return localized(p.name, p.name_en, language);
}
const std::string& name_of(const Industry& i, Language language) {
  return localized(i.name, i.name_en, language);
}
const std::string& name_of(const Product& p, Language language) {
  return display_name(p, language == Language::English);
}
const std::string& name_of(const Unit& u, Language language) {
  return localized(u.name, u.name_en, language);
}
const std::string& name_of(const Dataset& d, Language language) {
  return localized(d.name, d.name_en, language);
}

}  // namespace indtrack::ui
