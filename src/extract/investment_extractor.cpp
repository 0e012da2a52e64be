#include "extract/investment_extractor.h"

#include <array>

namespace indtrack {
namespace {

// Words allowed between 投资 and the amount: "总投资约105亿元", "总投资达774.1亿元".
constexpr std::array<std::string_view, 18> kFillers = {"约为", "约",   "近",   "达到", "高达", "已达",
                                                       "达",   "为",   "超过", "超",   "逾",   "共计",
                                                       "共",   "累计", "总计", "了",   ":",    "是"};
constexpr std::array<std::string_view, 5> kInvestmentWords = {"投资总额", "总投资额", "投资额", "总投资",
                                                              "投资"};
constexpr std::array<std::string_view, 3> kCompletedMarks = {"完成", "固定资产", "已投资"};

}  // namespace

std::vector<Candidate> extract_investments(const SentenceView& s) {
  std::vector<Candidate> out;
  for (const Token& t : s.tokens) {
    if (t.type != Token::Type::Quantity) continue;
    const Quantity& q = s.quantity(t);
    if (q.unit_class != UnitClass::Money || !(q.value > 0)) continue;
    const ByteRange clause = s.clause_of(q.begin);

    std::size_t p = q.begin;
    for (int step = 0; step < 3; ++step) {  // skip a few hedging or linking words
      bool skipped = false;
      for (std::string_view w : kFillers)
        if (p >= clause.begin + w.size() && text_ends_with(s.text, p, w)) {
          p -= w.size();
          skipped = true;
          break;
        }
      if (!skipped) break;
    }
    std::size_t word_begin = p;
    bool found = false;
    for (std::string_view w : kInvestmentWords)
      if (p >= clause.begin + w.size() && text_ends_with(s.text, p, w)) {
        word_begin = p - w.size();
        found = true;
        break;
      }
    if (!found) continue;

    // "完成投资", "已完成投资", "完成固定资产投资": spent so far. Otherwise the planned total.
    const std::size_t qualifier_begin = back_code_points(s.text, word_begin, 6, clause.begin);
    const bool completed = s.window_contains(qualifier_begin, word_begin, kCompletedMarks) ||
                           text_ends_with(s.text, word_begin, "已");

    Candidate c;
    ExtractedFact& f = c.fact;
    f.kind = FactKind::Investment;
    f.value = q.value;
    f.unit = std::string(q.unit_name);
    f.dimension = Dimension::Money;
    f.approximate = q.approximate;
    f.scope = completed ? InvestmentScope::Completed : InvestmentScope::Total;
    const std::size_t cue_begin = back_code_points(s.text, word_begin, 12, clause.begin);
    f.expected = s.has_word_in(WordCategory::ExpectedCue, cue_begin, q.begin);
    c.mention_begin = static_cast<std::uint32_t>(word_begin);
    c.mention_end = q.end;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace indtrack
