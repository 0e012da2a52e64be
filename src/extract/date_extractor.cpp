#include "extract/date_extractor.h"

#include <algorithm>
#include <array>

#include "core/text.h"
#include "extract/capacity_extractor.h"

namespace indtrack {
namespace {

constexpr std::size_t kMaxEventsPerDate = 8;

// Words that may surround a date that stands alone in its clause: "本报讯（记者…）11月24日下午，".
constexpr std::array<std::string_view, 22> kDateFillers = {
    "本报讯", "于", "在",   "截至", "截止", "到",   "至",   "自",   "从", "上午", "下午",
    "晚上",   "晚", "凌晨", "中午", "早上", "日前", "近日", "当天", "—",  "-",    "□"};

bool only_fillers(std::string_view part) {
  while (!part.empty()) {
    if (part.front() == '(') {  // "（记者 王丽）"
      const std::size_t close = part.find(')');
      if (close == std::string_view::npos || close > 60) return false;
      part.remove_prefix(close + 1);
      continue;
    }
    bool removed = false;
    for (std::string_view f : kDateFillers)
      if (part.starts_with(f)) {
        part.remove_prefix(f.size());
        removed = true;
        break;
      }
    if (!removed) return false;
  }
  return true;
}

bool is_topic_date(const SentenceView& s, const Token& t, const DateExpression& d, const ByteRange& clause) {
  if (only_fillers(s.text.substr(clause.begin, t.begin - clause.begin)) &&
      only_fillers(s.text.substr(t.end, clause.end - t.end)))
    return true;
  if (d.month == 0) {  // "海勃湾区今年将…": the year the whole sentence is about
    for (std::string_view w : {"将", "要", "计划", "力争", "拟", "预计", "起"})
      if (text_starts_with(s.text, t.end, w)) return true;
  }
  return false;
}

// Event words used as nouns, conditions or negations are not events.
bool is_event_use(const SentenceView& s, const Token& e) {
  static constexpr std::array<std::string_view, 12> kNotAfter = {
      "后", "率", "区", "前", "阶段", "状态", "以后", "之后", "项目", "企业", "时", "期间"};
  for (std::string_view w : kNotAfter)
    if (text_starts_with(s.text, e.end, w)) return false;
  for (std::string_view w : {"未", "没有", "不能", "无法"})
    if (text_ends_with(s.text, e.begin, w)) return false;
  return true;
}

// "投产时间为2023年10月": the event named before the date.
const Token* event_named_before(const SentenceView& s, const Token& date, const ByteRange& clause) {
  std::size_t p = date.begin;
  for (int step = 0; step < 2; ++step)
    for (std::string_view w : {"为", "是", "定于", "定在", "在", ":", "于", "预计"})
      if (p >= clause.begin + w.size() && text_ends_with(s.text, p, w)) {
        p -= w.size();
        break;
      }
  bool named = false;
  for (std::string_view w : {"时间", "日期", "时点"})
    if (p >= clause.begin + w.size() && text_ends_with(s.text, p, w)) {
      p -= w.size();
      named = true;
      break;
    }
  if (!named) return nullptr;
  for (const Token& t : s.tokens_in(back_code_points(s.text, p, 8, clause.begin), p))
    if (t.end == p && s.is_word(t, WordCategory::Event)) return &t;
  return nullptr;
}

// Year named by a date token, when it names one: "2023年…", or "今年" with an article date.
std::optional<int> named_year(const DateExpression& d, const std::optional<Date>& article) {
  if (d.range || d.since) return std::nullopt;
  if (d.year > 0) return d.year;
  if (d.relative && d.names_year && article) return article->year + d.year_offset;
  return std::nullopt;
}

std::optional<Date> make_date(int year, int month, int day) {
  if (year < 1 || year > 9999) return std::nullopt;
  if (month == 0) return Date::of_year(year);
  if (day == 0) return Date::of_month(year, month);
  if (day > days_in_month(year, month)) return std::nullopt;
  return Date::of_day(year, month, day);
}

}  // namespace

std::vector<Candidate> extract_dates(const SentenceView& s) {
  std::vector<Candidate> out;
  std::vector<const Token*> dates;
  for (const Token& t : s.tokens)
    if (t.type == Token::Type::Date) dates.push_back(&t);

  std::optional<int> context_year;  // the latest year named earlier in this sentence
  for (std::size_t k = 0; k < dates.size(); ++k) {
    const Token& t = *dates[k];
    const DateExpression& d = s.date(t);
    const std::optional<int> this_year = named_year(d, s.article_date);
    if (d.since || d.range) continue;

    const ByteRange clause = s.clause_of(t.begin);
    const bool topic = is_topic_date(s, t, d, clause);
    std::size_t scope_end = topic ? s.range.end : clause.end;
    if (k + 1 < dates.size()) scope_end = std::min<std::size_t>(scope_end, dates[k + 1]->begin);

    std::vector<const Token*> events;
    for (const Token& e : s.tokens_in(t.end, scope_end)) {
      if (events.size() >= kMaxEventsPerDate) break;
      if (!s.is_word(e, WordCategory::Event) || !is_event_use(s, e)) continue;
      const auto kind = static_cast<MilestoneKind>(s.word(e)->value);
      const bool seen = std::any_of(events.begin(), events.end(), [&](const Token* x) {
        return static_cast<MilestoneKind>(s.word(*x)->value) == kind;
      });
      if (!seen) events.push_back(&e);
    }
    if (events.empty() && !topic)
      if (const Token* before = event_named_before(s, t, clause)) events.push_back(before);

    for (const Token* e : events) {
      const auto kind = static_cast<MilestoneKind>(s.word(*e)->value);
      const std::size_t cue_begin =
          topic ? std::max<std::size_t>(clause.begin, back_code_points(s.text, e->begin, 200, clause.begin))
                : clause.begin;
      const std::size_t cue_end = e->end;
      const bool strong_expected = s.has_word_in(WordCategory::ExpectedCue, cue_begin, cue_end) ||
                                   text_starts_with(s.text, e->end, "目标") ||
                                   text_starts_with(s.text, e->end, "计划");
      const bool actual = !strong_expected && (s.has_word_in(WordCategory::ActualCue, cue_begin, cue_end) ||
                                               text_starts_with(s.text, e->end, "成功") ||
                                               text_starts_with(s.text, e->end, "了"));
      const bool weak_expected =
          !strong_expected && !actual && s.has_word_in(WordCategory::WeakExpectedCue, cue_begin, cue_end);

      // The year.
      int year = 0;
      bool from_article = false;
      if (this_year) {
        year = *this_year;
        from_article = d.year == 0;
      } else if (context_year) {
        year = *context_year;
      } else if (s.article_date) {
        year = s.article_date->year;
        from_article = true;
      } else {
        continue;  // "4月" with no year anywhere: cannot be dated
      }
      std::optional<Date> date = make_date(year, d.month, d.day);
      if (!date) continue;
      if (from_article && !d.names_year && s.article_date) {
        // "4月" alone: a plan lies ahead of the article, an event that happened lies before it.
        if (actual && date->first_day() > s.article_date->last_day())
          date = make_date(year - 1, d.month, d.day);
        else if ((strong_expected || weak_expected) && date->last_day() < s.article_date->first_day())
          date = make_date(year + 1, d.month, d.day);
        if (!date) continue;
      }

      bool expected = strong_expected || weak_expected;
      if (!strong_expected && !actual && !weak_expected && s.article_date) {
        const Date& a = *s.article_date;
        if (date->last_day() < a.first_day())
          expected = false;
        else if (date->first_day() > a.last_day())
          expected = true;
        else  // the article's own period: a day on or before the article day has happened
          expected = !(date->precision == DatePrecision::Day && date->last_day() <= a.last_day());
      }

      Candidate c;
      ExtractedFact& f = c.fact;
      f.kind = FactKind::Date;
      f.date = date;
      f.date_kind = kind;
      f.expected = expected;
      f.year_inferred = from_article;
      if (from_article) f.date_note = "year from the article date (" + s.article_date->to_string() + ")";
      if (d.year_end_part) {
        if (!f.date_note.empty()) f.date_note += "; ";
        f.date_note +=
            "a part of the year, recorded as the month it ends in (" + std::to_string(date->month) + ")";
      }
      if (const Token* p = product_near(s, e->begin, e->end, true)) {
        f.product = s.word(*p)->name;
        f.product_index = s.word(*p)->dataset_index;
      }
      c.mention_begin = std::min(t.begin, e->begin);
      c.mention_end = std::max(t.end, e->end);
      out.push_back(std::move(c));
    }
    if (this_year) context_year = this_year;
  }
  return out;
}

}  // namespace indtrack
