#include "extract/entity_matcher.h"

#include <algorithm>

#include "core/text.h"

namespace indtrack {
namespace {

// Punctuation never occurs inside a company name ("（集团）" aside, which we do not handle).
bool is_punctuation(char32_t cp) {
  switch (cp) {
    case ',':
    case ':':
    case ';':
    case U'、':
    case U'。':
    case '!':
    case '?':
    case U'“':
    case U'”':
    case '"':
    case '\'':
    case U'‘':
    case U'’':
    case U'《':
    case U'》':
    case '(':
    case ')':
    case '[':
    case ']':
    case U'—':
    case U'…':
    case 0xFFFD:
      return true;
    default:
      return false;
  }
}

// Words that end the text before a name when no region prefix marks its start
// ("走进君正集团", "由东方希望集团").
bool is_soft_stop(char32_t cp) {
  switch (cp) {
    case U'的':
    case U'在':
    case U'和':
    case U'与':
    case U'及':
    case U'到':
    case U'进':
    case U'是':
    case U'由':
    case U'对':
    case U'把':
    case U'向':
    case U'同':
    case U'其':
    case U'从':
    case U'为':
      return true;
    default:
      return false;
  }
}

constexpr std::size_t kMaxNameCodePoints = 30;

// Moves back from `pos` over code points while `keep` holds, at most `limit` of them, not before `floor`.
template <class Keep>
std::size_t walk_back(std::string_view text, std::size_t pos, std::size_t floor, std::size_t limit,
                      Keep keep) {
  for (std::size_t n = 0; n < limit && pos > floor; ++n) {
    std::size_t prev = pos - 1;
    while (prev > floor && (static_cast<unsigned char>(text[prev]) & 0xC0) == 0x80) --prev;
    std::size_t probe = prev;
    if (!keep(next_code_point(text, probe))) break;
    pos = prev;
  }
  return pos;
}

// Start of the legal name ending at `suffix_begin`, or npos.
std::size_t legal_name_start(std::string_view text, const ParagraphTokens& tokens, std::size_t token_index,
                             std::size_t suffix_begin, const ExtractionDictionary& dict) {
  std::size_t barrier =
      walk_back(text, suffix_begin, 0, kMaxNameCodePoints, [](char32_t cp) { return !is_punctuation(cp); });
  // Other names (parks, districts, companies), numbers and events end where this one may start;
  // the first region prefix after them is where it starts ("低碳产业园内蒙古华恒…").
  std::size_t region = std::string::npos;
  for (std::size_t i = token_index; i-- > 0;) {
    const Token& t = tokens.tokens[i];
    if (t.end <= barrier) break;
    if (t.type != Token::Type::Word) {
      barrier = std::max<std::size_t>(barrier, t.end);
      break;
    }
    const WordCategory c = dict.entry(t.index).category;
    if (c == WordCategory::RegionPrefix) {
      region = t.begin;
    } else if (c == WordCategory::Park || c == WordCategory::District || c == WordCategory::Company ||
               c == WordCategory::CompanySuffix || c == WordCategory::Event) {
      barrier = std::max<std::size_t>(barrier, t.end);
      break;
    }
  }
  std::size_t start = region != std::string::npos && region >= barrier
                          ? region
                          : walk_back(text, suffix_begin, barrier, kMaxNameCodePoints,
                                      [](char32_t cp) { return !is_soft_stop(cp); });
  if (suffix_begin <= start) return std::string::npos;
  // At least two code points before the suffix ("君正集团").
  std::size_t count = 0;
  for (std::size_t p = start; p < suffix_begin && count < 2; ++count) next_code_point(text, p);
  return count >= 2 ? start : std::string::npos;
}

// "…有限公司年产40万吨…项目", "…有限公司，其年产10万吨γ-丁内酯项目": the project named after a company.
std::optional<EntityMention> project_after(std::string_view text, std::size_t pos) {
  if (text.substr(pos).starts_with(",其"))
    pos += std::string_view(",其").size();
  else if (text.substr(pos).starts_with("的"))
    pos += std::string_view("的").size();
  std::size_t p = pos;
  for (std::size_t n = 0; n < 40 && p < text.size(); ++n) {
    if (text.substr(p).starts_with("项目")) {
      const std::size_t end = p + std::string_view("项目").size();
      if (p - pos < 6) return std::nullopt;  // "公司项目": no name
      return EntityMention{WordCategory::Project, static_cast<std::uint32_t>(pos),
                           static_cast<std::uint32_t>(end), std::string(text.substr(pos, end - pos)), -1};
    }
    const char c = text[p];
    if (c == ',' || c == ';' || c == ':' || text.substr(p).starts_with("。") ||
        text.substr(p).starts_with("有限公司") || text.substr(p).starts_with("集团"))
      return std::nullopt;
    next_code_point(text, p);
  }
  return std::nullopt;
}

}  // namespace

std::vector<EntityMention> find_entities(std::string_view text, const ParagraphTokens& tokens,
                                         const ExtractionDictionary& dict) {
  std::vector<EntityMention> out;
  for (std::size_t i = 0; i < tokens.tokens.size(); ++i) {
    const Token& t = tokens.tokens[i];
    if (t.type != Token::Type::Word) continue;
    const DictionaryEntry& e = dict.entry(t.index);
    switch (e.category) {
      case WordCategory::Company:
      case WordCategory::Project:
      case WordCategory::Park:
      case WordCategory::District:
        out.push_back({e.category, t.begin, t.end, e.name, e.dataset_index});
        break;
      case WordCategory::CompanySuffix: {
        const std::size_t start = legal_name_start(text, tokens, i, t.begin, dict);
        if (start == std::string::npos) break;
        // A name the dictionary knows may be written in full: then it is that company.
        out.push_back({WordCategory::Company, static_cast<std::uint32_t>(start), t.end,
                       std::string(text.substr(start, t.end - start)), -1});
        break;
      }
      default:
        break;
    }
    if (!out.empty() && out.back().category == WordCategory::Company && out.back().end == t.end)
      if (auto project = project_after(text, t.end)) out.push_back(std::move(*project));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const EntityMention& a, const EntityMention& b) { return a.begin < b.begin; });
  return out;
}

void EntityContext::begin_paragraph(std::vector<EntityMention> mentions) {
  // Remember the last mention of each kind for sentences that refer back later.
  bool any = false;
  for (std::size_t c = 0; c < kKinds; ++c) {
    if (current_[c].empty()) continue;
    earlier_[c] = current_[c].back();
    any = true;
  }
  paragraphs_since_earlier_ = any ? 0 : paragraphs_since_earlier_ + 1;
  for (auto& list : current_) list.clear();
  for (EntityMention& m : mentions)
    if (const int k = kind_index(m.category); k >= 0)
      current_[static_cast<std::size_t>(k)].push_back(std::move(m));
}

int EntityContext::kind_index(WordCategory category) {
  switch (category) {
    case WordCategory::Company:
      return 0;
    case WordCategory::Project:
      return 1;
    case WordCategory::Park:
      return 2;
    case WordCategory::District:
      return 3;
    default:
      return -1;
  }
}

const EntityMention* EntityContext::lookup(WordCategory category, std::size_t pos, bool back) const {
  const int k = kind_index(category);
  if (k < 0) return nullptr;
  const std::vector<EntityMention>& list = current_[static_cast<std::size_t>(k)];
  // mentions are sorted by begin: the last one starting at or before pos, else the next one
  const auto it = std::upper_bound(list.begin(), list.end(), pos,
                                   [](std::size_t p, const EntityMention& m) { return p < m.begin; });
  if (it != list.begin()) return &*std::prev(it);
  const std::optional<EntityMention>& earlier = earlier_[static_cast<std::size_t>(k)];
  if (back && earlier && paragraphs_since_earlier_ <= 2) return &*earlier;
  return it != list.end() ? &*it : nullptr;
}

bool refers_back(std::string_view sentence) {
  for (std::string_view w :
       {"该项目", "该公司", "该企业", "此项目", "项目一期", "项目二期", "项目建设", "项目全部", "公司"})
    if (sentence.find(w) != std::string_view::npos) return true;
  return sentence.starts_with("项目") || sentence.starts_with("“项目");
}

}  // namespace indtrack
