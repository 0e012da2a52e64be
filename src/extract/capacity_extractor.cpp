#include "extract/capacity_extractor.h"

#include <algorithm>
#include <array>

#include "core/text.h"
#include "extract/number_parser.h"

namespace indtrack {
namespace {

// Words before a tonnage that make it a statistic, not a plant's capacity.
constexpr std::array<std::string_view, 24> kStatisticWords = {
    "减少", "减排", "排放", "节约", "节省", "节能", "消耗", "消纳", "运输", "运量", "用量", "用电",
    "用煤", "销售", "销量", "替代", "处置", "外送", "吞吐", "储量", "库存", "进口", "出口", "补贴"};
// Words before a bare tonnage that make it a capacity.
constexpr std::array<std::string_view, 7> kCapacityCues = {"年产",   "产能",   "生产能力", "能力",
                                                           "年加工", "年处理", "年生产"};
// Words after a quantity that say it is the size of a plant: "2.5万吨/年生产线", "50MW电站".
constexpr std::array<std::string_view, 7> kPlantWords = {"生产线", "产线", "装置", "项目",
                                                         "机组",   "电站", "工程"};
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

const Token* product_near(const SentenceView& s, std::size_t begin, std::size_t end, bool allow_before) {
  const ByteRange clause = s.clause_of(begin);
  // After: the product must start within 4 code points ("高纯多晶硅", "的BDO"), same clause.
  std::size_t after_limit = end;
  for (int k = 0; k < 4 && after_limit < clause.end; ++k) next_code_point(s.text, after_limit);
  for (const Token& t : s.tokens_in(end, std::min<std::size_t>(clause.end, after_limit + 64))) {
    if (t.begin > after_limit) break;
    if (t.type != Token::Type::Word) break;  // another number or date comes first
    if (s.is_word(t, WordCategory::Product)) return &t;
  }
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

std::vector<Candidate> extract_capacities(const SentenceView& s) {
  std::vector<Candidate> out;
  for (const Token& t : s.tokens) {
    if (t.type != Token::Type::Quantity) continue;
    const Quantity& q = s.quantity(t);
    if (q.unit_class == UnitClass::Money) continue;
    const ByteRange clause = s.clause_of(q.begin);
    const std::size_t near_begin = back_code_points(s.text, q.begin, 8, clause.begin);
    const std::size_t cue_begin = back_code_points(s.text, q.begin, 14, clause.begin);
    if (s.window_contains(near_begin, q.begin, kStatisticWords)) continue;
    if (text_starts_with(s.text, q.end, "级")) continue;  // "百万千瓦级": a class, not a plant
    if (!(q.value > 0) || q.value > kMaxCanonicalValue) continue;

    const Token* after = product_near(s, q.begin, q.end, false);
    const Token* product = after;
    switch (q.unit_class) {
      case UnitClass::MassPerYear:
      case UnitClass::Power:
      case UnitClass::GasFlow:
        if (!product) product = product_near(s, q.begin, q.end, true);
        break;
      case UnitClass::Mass: {
        if (!product) {
          // A bare tonnage is a capacity only after 年产/产能 with the product named near it.
          if (!s.window_contains(cue_begin, q.begin, kCapacityCues)) continue;
          product = product_near(s, q.begin, q.end, true);
          if (!product || product->end <= clause.begin) continue;
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
