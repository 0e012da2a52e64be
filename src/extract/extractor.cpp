#include "extract/extractor.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "extract/capacity_extractor.h"
#include "extract/date_extractor.h"
#include "extract/entity_matcher.h"
#include "extract/investment_extractor.h"
#include "extract/script_converter.h"
#include "extract/sentence_view.h"
#include "extract/text_segmenter.h"
#include "extract/tokenizer.h"

namespace indtrack {

std::string_view id_of(FactKind kind) {
  switch (kind) {
    case FactKind::Capacity:
      return "capacity";
    case FactKind::Investment:
      return "investment";
    case FactKind::Date:
      return "date";
  }
  return "";
}

namespace {

// Sentences shorter than this are not checked for repetition ("项目进展顺利。" may recur honestly).
constexpr std::size_t kMinRepeatedSentenceBytes = 24;

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

void attach_entities(ExtractedFact& f, const EntityContext& context, std::size_t pos, bool back) {
  if (const EntityMention* m = context.lookup(WordCategory::Company, pos, back)) {
    f.company = m->name;
    f.company_index = m->dataset_index;
  }
  if (const EntityMention* m = context.lookup(WordCategory::Project, pos, back)) {
    f.project = m->name;
    f.project_index = m->dataset_index;
  }
  if (const EntityMention* m = context.lookup(WordCategory::Park, pos, back)) {
    f.park = m->name;
    f.park_index = m->dataset_index;
  }
  if (const EntityMention* m = context.lookup(WordCategory::District, pos, back)) {
    f.district = m->name;
    f.district_index = m->dataset_index;
  }
}

// Two candidates from one sentence that say the same thing have the same key.
std::string identity(const ExtractedFact& f) {
  std::string key(id_of(f.kind));
  key += '|' + std::to_string(f.value) + '|' + f.product + '|' + (f.date ? f.date->to_string() : "") + '|' +
         std::to_string(f.date_kind ? static_cast<int>(*f.date_kind) : -1) + '|' +
         std::to_string(f.scope ? static_cast<int>(*f.scope) : -1) + '|' + std::to_string(f.lines) + '|' +
         std::to_string(f.line_number);
  return key;
}

// The key under which repeats in an article merge: identity() without the line count ("2×30万吨
// BDO" and "30万吨/年BDO" later in the same notice are one capacity).
std::string merge_key(ExtractedFact f) {
  f.lines = 0;
  return identity(f);
}

// Facts already proposed, by a hash of merge_key(): a few bytes per fact however long its quote.
// The same figure with the same product (or date and kind, or amount and scope) stated again in
// one article is one fact, whichever company the nearest name makes it ("君正集团" in a title,
// its subsidiary's legal name in the text).
// A date's product and company come from the nearest names, which differ between statements of
// one event; dates merge on date and kind when the companies agree or one has none.
class RepeatFilter {
 public:
  bool is_repeat(const ExtractedFact& f) {
    if (f.kind != FactKind::Date) return !seen_.insert(fnv1a(merge_key(f))).second;
    ExtractedFact key = f;
    key.product.clear();
    std::vector<std::uint64_t>& companies = dates_[fnv1a(merge_key(key))];
    const std::uint64_t company = f.company.empty() ? 0 : fnv1a(f.company) | 1;
    for (const std::uint64_t c : companies)
      if (c == 0 || company == 0 || c == company) return true;
    companies.push_back(company);
    return false;
  }

 private:
  std::unordered_set<std::uint64_t> seen_;
  std::unordered_map<std::uint64_t, std::vector<std::uint64_t>> dates_;  // by date and kind: companies
};

}  // namespace

ExtractionStats extract_facts(std::string_view text, std::optional<Date> article_date,
                              const ExtractionDictionary& dict, const FactSink& sink) {
  ExtractionStats stats;
  std::unordered_set<std::uint64_t> seen_sentences;
  EntityContext context;
  std::optional<Date> recent_day;  // for 当日 and "30日"
  RepeatFilter repeats;

  for (const ByteRange& paragraph : split_paragraphs(text)) {
    NormalizedText norm = normalize_text(text, paragraph);
    // Traditional script is read in simplified form; offsets still lead to the original bytes.
    if (std::optional<ConvertedText> simplified = to_simplified(norm.text)) {
      std::vector<std::uint32_t> origin(simplified->origin.size());
      for (std::size_t i = 0; i < origin.size(); ++i) origin[i] = norm.origin[simplified->origin[i]];
      norm.text = std::move(simplified->text);
      norm.origin = std::move(origin);
      stats.converted = true;
    }
    const ParagraphTokens tokens = tokenize_paragraph(norm.text, dict);
    context.begin_paragraph(find_entities(norm.text, tokens, dict));

    std::size_t cursor = 0;
    bool paragraph_refers_back = false;  // once a sentence says 该项目, the paragraph is about it
    for (const ByteRange& sentence : split_sentences(norm.text)) {
      const std::size_t first = cursor;
      bool has_facts = false;
      while (cursor < tokens.tokens.size() && tokens.tokens[cursor].begin < sentence.end) {
        has_facts = has_facts || tokens.tokens[cursor].type != Token::Type::Word;
        ++cursor;
      }
      if (!has_facts) continue;
      const std::string_view sentence_text =
          std::string_view(norm.text).substr(sentence.begin, sentence.end - sentence.begin);
      if (sentence_text.size() >= kMinRepeatedSentenceBytes &&
          !seen_sentences.insert(fnv1a(sentence_text)).second) {
        ++stats.repeated_sentences;
        continue;
      }

      SentenceView view;
      view.text = norm.text;
      view.range = sentence;
      view.clauses = split_clauses(norm.text, sentence);
      view.tokens = std::span<const Token>(tokens.tokens).subspan(first, cursor - first);
      view.paragraph = &tokens;
      view.dict = &dict;
      view.article_date = article_date;
      view.recent_day = &recent_day;

      std::vector<Candidate> candidates = extract_capacities(view);
      for (auto* more : {&extract_investments, &extract_dates})
        for (Candidate& c : more(view)) candidates.push_back(std::move(c));
      std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return a.mention_begin < b.mention_begin;
      });

      const ByteRange quote = norm.original_range(text, sentence.begin, sentence.end);
      paragraph_refers_back = paragraph_refers_back || refers_back(sentence_text);
      const bool back = paragraph_refers_back;
      std::unordered_set<std::string> said;  // one fact per sentence, however often it is matched
      for (Candidate& c : candidates) {
        ExtractedFact& f = c.fact;
        if (!said.insert(identity(f)).second) continue;
        attach_entities(f, context, c.mention_begin, back);
        // The same fact stated again later in the article (a title, a summary, a repeated
        // paragraph) is proposed once, with its first quote.
        if (repeats.is_repeat(f)) continue;
        f.quote = std::string(text.substr(quote.begin, quote.end - quote.begin));
        f.start = quote.begin;
        f.end = quote.end;
        const ByteRange mention = norm.original_range(text, c.mention_begin, c.mention_end);
        f.mention_start = mention.begin;
        f.mention_end = mention.end;
        sink(std::move(f));
        ++stats.facts;
      }
    }
  }
  return stats;
}

ExtractionResult extract_facts(std::string_view text, std::optional<Date> article_date,
                               const ExtractionDictionary& dict) {
  ExtractionResult result;
  const ExtractionStats stats = extract_facts(
      text, article_date, dict, [&](ExtractedFact&& f) { result.facts.push_back(std::move(f)); });
  result.repeated_sentences = stats.repeated_sentences;
  result.converted = stats.converted;
  return result;
}

}  // namespace indtrack
