#include "extract/capacity_extractor.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.h"
#include "extract/number_parser.h"

namespace indtrack {
namespace {

// Words before a tonnage that make it a statistic, not a plant's capacity.
constexpr std::array<std::string_view, 30> kStatisticWords = {
    "减少", "减排", "排放", "节约", "节省", "节能", "消耗", "消纳", "运输",   "运量",
    "用量", "用电", "用煤", "销售", "销量", "替代", "处置", "外送", "吞吐",   "储量",
    "库存", "进口", "出口", "补贴", "转化", "消化", "潜力", "潜在", "可开发", "资源量"};
// Words before a bare tonnage that make it a capacity.
constexpr std::array<std::string_view, 14> kCapacityCues = {"年产",   "产能",   "生产能力", "能力", "年加工",
                                                            "年处理", "年生产", "每年",     "年可", "一期",
                                                            "二期",   "三期",   "四期",     "首期"};
// Words right after a bare tonnage that make it a capacity: "已经投产的10万吨产能".
constexpr std::array<std::string_view, 4> kCapacityCuesAfter = {"产能", "的产能", "生产能力", "的生产能力"};
// Where the noun phrase after a quantity ends (besides punctuation, numbers and dates).
constexpr std::array<std::string_view, 12> kPhraseEnds = {"项目", "装置", "生产线", "产线", "工厂", "基地",
                                                          "和",   "及",   "与",     "联产", "配套", "暨"};
// Words after a quantity that say it is the size of a plant: "2.5万吨/年生产线", "50MW电站".
constexpr std::array<std::string_view, 11> kPlantWords = {
    "生产线", "产线", "装置", "项目", "机组", "电站", "工程", "发电机组", "电厂", "发电厂", "基地"};
constexpr std::array<std::string_view, 4> kInstalledCues = {"装机", "规模", "容量", "建设"};
// Above this a "capacity" is a misreading (docs/data-format.md: absurd above 1亿吨/年).
constexpr double kMaxCanonicalValue = 1e10;
constexpr std::array<std::string_view, 3> kAnnualGeneration = {"年发电", "年均发电", "每年发电"};

// "2条", "两套", "3个" right before the number: identical lines.
int count_before(std::string_view text, std::size_t begin) {
  for (std::string_view measure : {"条", "套", "台", "个", "组", "座"}) {
    if (!text_ends_with(text, begin, measure)) continue;
    const std::size_t at = begin - measure.size();
    if (int n = parse_ascii_count_before(text, at); n > 0 && n <= 50) return n;
    if (int n = parse_chinese_count_before(text, at); n > 0) return n;
  }
  return 0;
}

// "生产3号线", "3#线", "4号装置" right after the product: the line's number.
int line_number_after(std::string_view text, std::size_t pos, std::size_t limit) {
  if (text_starts_with(text, pos, "生产")) pos += std::string_view("生产").size();
  std::size_t i = pos;
  int value = 0;
  while (i < limit && i - pos < 3 && text[i] >= '0' && text[i] <= '9') value = value * 10 + (text[i++] - '0');
  if (i == pos) return 0;
  for (std::string_view suffix : {"号线", "号生产线", "#线", "#生产线", "号装置", "号机组"})
    if (text_starts_with(text, i, suffix)) return value;
  return 0;
}

Dimension dimension_of(UnitClass c) {
  switch (c) {
    case UnitClass::MassPerYear:
    case UnitClass::Mass:
      return Dimension::MassPerYear;
    case UnitClass::Power:
      return Dimension::Power;
    case UnitClass::Energy:
      return Dimension::EnergyPerYear;
    case UnitClass::GasFlow:
      return Dimension::GasFlow;
    case UnitClass::Money:
      return Dimension::Money;
  }
  return Dimension::MassPerYear;
}

}  // namespace

namespace {

bool is_phrase_punctuation(char32_t cp) {
  switch (cp) {
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case U'、':
    case U'。':
    case U'“':
    case U'”':
    case U'《':
    case U'》':
    case 0xFFFD:
      return true;
    default:
      return false;
  }
}

// Where the noun phrase starting at `pos` ends: punctuation, a plant or linking word, or 24 code
// points; a short parenthesis ("50GW(G12)太阳能级…") is skipped.
std::size_t phrase_end(const SentenceView& s, std::size_t pos, std::size_t limit) {
  for (int n = 0; n < 24 && pos < limit; ++n) {
    for (std::string_view w : kPhraseEnds)
      if (text_starts_with(s.text, pos, w)) return pos;
    std::size_t next = pos;
    const char32_t cp = next_code_point(s.text, next);
    if (cp == ',' && pos > 0 && std::isdigit(static_cast<unsigned char>(s.text[pos - 1])) &&
        std::isdigit(static_cast<unsigned char>(s.text[next]))) {  // "1,4-丁二醇"
      pos = next;
      continue;
    }
    if (cp == '(') {
      const std::size_t close = s.text.substr(pos, 16).find(')');
      if (close == std::string_view::npos) return pos;
      pos += close + 1;
      continue;
    }
    if (is_phrase_punctuation(cp) || cp == ')') return pos;
    pos = next;
  }
  return std::min(pos, limit);
}

}  // namespace

const Token* product_after(const SentenceView& s, std::size_t end) {
  const ByteRange clause = s.clause_of(end == 0 ? 0 : end - 1);
  const std::size_t stop = phrase_end(s, end, clause.end);
  // The first product must start within 12 code points; later ones follow it closely (the head of
  // "锂离子电池石墨负极材料" or "太阳能电池用直拉单晶硅片" is the last), except in a slash list, in
  // a parenthesis ("可降解聚酯(PBS/PBAT)") or when the later one is a category ("PBS可降解材料").
  std::size_t reach = end;
  for (int k = 0; k < 12 && reach < stop; ++k) {
    if (s.text[reach] == '(') {  // a parenthesis does not count: "高纯太阳能(000591)超薄单晶硅片"
      const std::size_t close = s.text.substr(reach, 16).find(')');
      if (close != std::string_view::npos) reach += close;
    }
    next_code_point(s.text, reach);
  }
  const Token* head = nullptr;
  for (const Token& t : s.tokens_in(end, stop)) {
    const std::string_view before = s.text.substr(end, t.begin - end);
    const bool in_parenthesis =
        before.rfind('(') != std::string_view::npos &&
        (before.rfind(')') == std::string_view::npos || before.rfind(')') < before.rfind('('));
    if (in_parenthesis) continue;            // "35GW高纯太阳能(000591)超薄单晶硅片"
    if (t.type != Token::Type::Word) break;  // another number or date
    if (t.begin > reach) break;
    if (!s.is_word(t, WordCategory::Product)) continue;
    if (head) {
      const std::string_view between = s.text.substr(head->end, t.begin - head->end);
      if (between == "/" || between.find('(') != std::string_view::npos ||
          s.word(t)->value == kCategoryProduct)
        continue;
    }
    head = &t;
    reach = t.end;
    for (int k = 0; k < 4 && reach < stop; ++k) next_code_point(s.text, reach);
  }
  return head;
}

const Token* product_near(const SentenceView& s, std::size_t begin, std::size_t end, bool allow_before) {
  if (const Token* after = product_after(s, end)) return after;
  if (!allow_before) return nullptr;
  // Before: the nearest product in the sentence within 80 code points, else in the paragraph's
  // preceding text ("年产30万吨PVC项目…。今年2月，一期10万吨/年生产线…").
  const std::size_t floor = back_code_points(s.text, begin, 80, s.range.begin);
  const std::span<const Token> before = s.tokens_in(floor, begin);
  for (auto it = before.rbegin(); it != before.rend(); ++it)
    if (s.is_word(*it, WordCategory::Product)) return &*it;
  const std::vector<Token>& all = s.paragraph->tokens;
  const std::size_t paragraph_floor = back_code_points(s.text, s.range.begin, 120, 0);
  auto it = std::lower_bound(all.begin(), all.end(), s.range.begin,
                             [](const Token& t, std::size_t b) { return t.begin < b; });
  while (it != all.begin()) {
    --it;
    if (it->begin < paragraph_floor) break;
    if (s.is_word(*it, WordCategory::Product)) return &*it;
  }
  return nullptr;
}

namespace {

// A product the lexicon does not know follows: two to twelve characters that are no dictionary
// word, up to a plant word ("20万吨涂布白卡纸生产线"). Returns those characters' range (empty when
// there are none); the product named earlier in the sentence is then not this one's.
ByteRange unknown_product_after(const SentenceView& s, std::size_t pos, std::size_t limit) {
  if (text_starts_with(s.text, pos, "的")) pos += std::string_view("的").size();
  const std::span<const Token> next = s.tokens_in(pos, limit);
  const std::size_t token_begin = next.empty() ? limit : next.front().begin;
  int chars = 0;
  for (std::size_t p = pos; p < std::min(token_begin, limit) && chars <= 12;) {
    for (std::string_view w : kPlantWords)
      if (text_starts_with(s.text, p, w)) return chars >= 2 ? ByteRange{pos, p} : ByteRange{};
    if (static_cast<unsigned char>(s.text[p]) < 0xE0 || is_phrase_punctuation(next_code_point(s.text, p)))
      return {};
    ++chars;
  }
  return {};
}

bool equipment_rating(const SentenceView& s, const Quantity& q, const ByteRange& clause) {
  const std::size_t after = std::min<std::size_t>(clause.end, q.end + 9);
  const std::size_t before = back_code_points(s.text, q.begin, 6, clause.begin);
  return s.window_contains(q.end, after, equipment_words()) ||
         s.window_contains(before, q.begin, equipment_words());
}

}  // namespace

std::vector<Candidate> extract_capacities(const SentenceView& s) {
  std::vector<Candidate> out;
  for (const Token& t : s.tokens) {
    if (t.type != Token::Type::Quantity) continue;
    const Quantity& q = s.quantity(t);
    if (q.unit_class == UnitClass::Money) continue;
    const ByteRange clause = s.clause_of(q.begin);
    const std::size_t near_begin = back_code_points(s.text, q.begin, 8, clause.begin);
    const std::size_t cue_begin = back_code_points(s.text, q.begin, 14, clause.begin);
    const std::size_t scope_begin = back_code_points(s.text, q.begin, 40, clause.begin);
    if (s.window_contains(near_begin, q.begin, kStatisticWords)) continue;
    if (s.window_contains(scope_begin, q.begin, aggregate_scope_words())) continue;  // "区域内…产能3200万吨"
    if (counts_projects(s.text, s.clause_before(clause).begin, q.begin))
      continue;                                           // "5个BDO项目…产能达100万吨"
    if (text_starts_with(s.text, q.end, "级")) continue;  // "百万千瓦级": a class, not a plant
    if (!(q.value > 0) || q.value > kMaxCanonicalValue) continue;
    if (q.unit_class == UnitClass::Power && equipment_rating(s, q, clause)) continue;  // "2.0MW风机叶片"

    const Token* after = product_after(s, q.end);
    const Token* product = after;
    const ByteRange unknown = after ? ByteRange{} : unknown_product_after(s, q.end, clause.end);
    const bool may_borrow = !after && unknown.end == unknown.begin;
    switch (q.unit_class) {
      case UnitClass::MassPerYear:
      case UnitClass::Power:
      case UnitClass::GasFlow:
        if (may_borrow) product = product_near(s, q.begin, q.end, true);
        break;
      case UnitClass::Mass: {
        if (!product) {
          // A bare tonnage is a capacity only with 年产/产能 before or after it, the product named near.
          bool cue_after = false;
          for (std::string_view w : kCapacityCuesAfter)
            cue_after = cue_after || text_starts_with(s.text, q.end, w);
          if (!cue_after && !s.window_contains(cue_begin, q.begin, kCapacityCues)) continue;
          if (may_borrow) product = product_near(s, q.begin, q.end, true);
          // The product may lie in an earlier clause when 产能 says so right before the number
          // ("分两期建设导电剂…生产线,建成后可实现年产能19.4万吨").
          const std::size_t right_before = back_code_points(s.text, q.begin, 3, clause.begin);
          const bool strong_cue =
              s.window_contains(right_before, q.begin, std::array<std::string_view, 2>{"产能", "生产能力"});
          const bool plant_after =
              s.window_contains(q.end, std::min<std::size_t>(clause.end, q.end + 9), kPlantWords);
          if (unknown.end > unknown.begin &&
              (strong_cue || s.window_contains(cue_begin, q.begin, kCapacityCues)))
            break;  // "年产102万吨涂布白卡纸生产线": reported with the product as written
          if (!product || (!cue_after && !strong_cue && !plant_after && product->end <= clause.begin))
            continue;
        }
        break;
      }
      case UnitClass::Energy:
        if (!s.window_contains(cue_begin, q.begin, kAnnualGeneration)) continue;
        if (!product) product = product_near(s, q.begin, q.end, true);
        break;
      case UnitClass::Money:
        continue;
    }

    // A quantity with neither a product nor a word saying it is a plant's size is not reported.
    if (!product && !s.window_contains(cue_begin, q.begin, kCapacityCues) &&
        !s.window_contains(cue_begin, q.begin, kInstalledCues) &&
        !s.window_contains(q.end, std::min<std::size_t>(clause.end, q.end + 12), kPlantWords))
      continue;

    Candidate c;
    ExtractedFact& f = c.fact;
    f.kind = FactKind::Capacity;
    f.value = q.value;
    f.unit = std::string(q.unit_name);
    f.dimension = dimension_of(q.unit_class);
    f.approximate = q.approximate;
    f.lines = q.count > 0 ? q.count : count_before(s.text, q.begin);
    if (product) {
      const DictionaryEntry& e = *s.word(*product);
      f.product = e.name;
      f.product_index = e.dataset_index;
      if (product == after) f.line_number = line_number_after(s.text, product->end, clause.end);
    } else if (unknown.end > unknown.begin) {
      f.product =
          std::string(s.text.substr(unknown.begin, unknown.end - unknown.begin));  // not in the lexicon
    } else {
      f.line_number = line_number_after(s.text, q.end, clause.end);
    }
    // 规划建设90万吨/年 is planned capacity: weak plan words count here.
    f.expected = s.has_word_in(WordCategory::ExpectedCue, cue_begin, q.begin) ||
                 s.has_word_in(WordCategory::WeakExpectedCue, cue_begin, q.begin);
    c.mention_begin = q.begin;
    c.mention_end = product == after && after ? after->end : q.end;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace indtrack
