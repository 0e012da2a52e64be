#include "extract/extractor.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "extract/capacity_extractor.h"
#include "extract/date_extractor.h"
#include "extract/entity_matcher.h"
#include "extract/investment_extractor.h"
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

}  // namespace

ExtractionResult extract_facts(std::string_view text, std::optional<Date> article_date,
                               const ExtractionDictionary& dict) {
  ExtractionResult result;
  std::unordered_set<std::uint64_t> seen_sentences;
  EntityContext context;

  for (const ByteRange& paragraph : split_paragraphs(text)) {
    const NormalizedText norm = normalize_text(text, paragraph);
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
        ++result.repeated_sentences;
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
        f.quote = std::string(text.substr(quote.begin, quote.end - quote.begin));
        f.start = quote.begin;
        f.end = quote.end;
        const ByteRange mention = norm.original_range(text, c.mention_begin, c.mention_end);
        f.mention_start = mention.begin;
        f.mention_end = mention.end;
        result.facts.push_back(std::move(f));
      }
    }
  }
  return result;
}

}  // namespace indtrack
