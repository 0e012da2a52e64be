#include "extract/investment_extractor.h"

#include <array>

namespace indtrack {
namespace {

// Words allowed between 投资 and the amount: "总投资约105亿元", "总投资达774.1亿元".
constexpr std::array<std::string_view, 19> kFillers = {"约为", "约",   "近", "达到", "高达", "已达", "达",
                                                       "为",   "超过", "超", "逾",   "共计", "共",   "累计",
                                                       "总计", "了",   ":",  "是",   "资金"};
constexpr std::array<std::string_view, 8> kInvestmentWords = {"投资总额", "总投资额", "投资额", "总投资",
                                                              "投资",     "总投入",   "投入",   "投资金额"};
// Spent so far: "已完成投资", "累计完成投资", "已投入", "已投资".
constexpr std::array<std::string_view, 3> kCompletedMarks = {"完成", "已投资", "累计"};

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
    // 投入 alone is often spending of any kind ("投入5.7亿元完善医疗设施"): with 已, 累计, 计划 … only.
    if (text_starts_with(s.text, word_begin, "投入")) {
      bool qualified = false;
      for (std::string_view w : {"已", "累计", "计划", "拟", "预计", "共", "总", "项目"})
        qualified = qualified || text_ends_with(s.text, word_begin, w);
      if (!qualified) continue;
    }

    // Not one project's total or spending: a year's share or a side part ("年度计划投资",
    // "环保投资"), or a total over many projects ("全市…", "23个项目…总投资").
    const std::size_t partial_begin = back_code_points(s.text, word_begin, 8, clause.begin);
    if (s.window_contains(partial_begin, word_begin, partial_investment_words())) continue;
    const ByteRange previous = s.clause_before(clause);
    const std::size_t scope_begin = back_code_points(s.text, word_begin, 40, previous.begin);
    if (s.window_contains(scope_begin, word_begin, aggregate_scope_words())) continue;
    if (counts_projects(s.text, previous.begin, word_begin) || counts_projects(s.text, q.end, clause.end))
      continue;
    // A comparison with last year makes it a statistic ("完成固定资产投资86亿元,同比增长12%").
    if (s.window_contains(q.end, std::min<std::size_t>(s.range.end, q.end + 30),
                          std::array<std::string_view, 1>{"同比"}))
      continue;
    // Projects in the plural right before: "新签约项目总投资200亿元", "园区落地项目总投资".
    const std::size_t plural_begin = back_code_points(s.text, word_begin, 6, clause.begin);
    if (s.window_contains(plural_begin, word_begin, plural_project_words())) continue;

    // "完成投资", "已完成投资", "已投入", "累计投入": spent so far. Otherwise the planned total.
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
