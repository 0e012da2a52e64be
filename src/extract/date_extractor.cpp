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

// The text before a date in its clause, without a news dateline ("东南网2月8日讯(记者…)",
// "本报北京8月30日电"): what remains decides whether the date stands alone.
std::string_view before_date(const SentenceView& s, const Token& t, const ByteRange& clause) {
  std::string_view before = s.text.substr(clause.begin, t.begin - clause.begin);
  for (std::string_view mark : {"日讯", "日电"}) {
    const std::size_t at = before.rfind(mark);
    if (at != std::string_view::npos && at + mark.size() <= before.size()) {
      before.remove_prefix(at + mark.size());
      break;
    }
  }
  return before;
}

bool is_topic_date(const SentenceView& s, const Token& t, const DateExpression& d, const ByteRange& clause) {
  if (only_fillers(before_date(s, t, clause)) && only_fillers(s.text.substr(t.end, clause.end - t.end)))
    return true;
  if (d.month == 0) {  // "海勃湾区今年将…": the year the whole sentence is about
    for (std::string_view w : {"将", "要", "计划", "力争", "拟", "预计", "起"})
      if (text_starts_with(s.text, t.end, w)) return true;
  }
  return false;
}

// Event words used as nouns, conditions or negations are not events; nor is a completion whose
// object is a goal rather than a plant ("2030年基本建成万亿级产业集群").
bool is_event_use(const SentenceView& s, const Token& e) {
  static constexpr std::array<std::string_view, 12> kNotAfter = {
      "后", "率", "区", "前", "阶段", "状态", "以后", "之后", "项目", "企业", "时", "期间"};
  for (std::string_view w : kNotAfter)
    if (text_starts_with(s.text, e.end, w)) return false;
  for (std::string_view w : {"未", "没有", "不能", "无法", "接近", "尚未"})
    if (text_ends_with(s.text, e.begin, w)) return false;
  const ByteRange clause = s.clause_of(e.begin);
  std::size_t goal_end = e.end;
  for (int k = 0; k < 12 && goal_end < clause.end; ++k) next_code_point(s.text, goal_end);
  return !s.window_contains(e.end, std::min(goal_end, clause.end), goal_words());
}

// The date opens a news report, not an event: "12月1日,据成都发布消息,…", "5月7日,某公司发布公告,…".
bool is_reporting_date(const SentenceView& s, const Token& t, const ByteRange& clause) {
  auto reports = [&](std::size_t begin, std::size_t end) {
    for (std::string_view w : reporting_words()) {
      const bool one_code_point = w.size() <= 4 && (static_cast<unsigned char>(w[0]) >= 0xE0);
      if (one_code_point ? text_starts_with(s.text, begin, w)
                         : s.window_contains(begin, end, std::span(&w, 1)))
        return true;
    }
    return false;
  };
  if (reports(t.end, clause.end)) return true;
  for (const ByteRange& next : s.clauses)
    if (next.begin > clause.begin) return reports(next.begin, next.end);
  return false;
}

// "2022年第三季度重点项目集中开工活动": a year or a part of one that names a campaign of
// projects, not the date of the event (the day written before it is). Returns where the
// campaign's name ends (after its event word), or 0.
std::size_t campaign_label_end(const SentenceView& s, const Token& t, const DateExpression& d,
                               const ByteRange& clause) {
  if (d.day > 0 || (d.month > 0 && !d.year_end_part)) return 0;
  const std::size_t limit = std::min<std::size_t>(clause.end, t.end + 90);
  for (const Token& e : s.tokens_in(t.end, limit)) {
    if (e.type != Token::Type::Word) return 0;
    if (!s.is_word(e, WordCategory::Event)) continue;
    const std::string_view between = s.text.substr(t.end, e.begin - t.end);
    if (between.find("项目") == std::string_view::npos) return 0;
    // "…重点项目集中开工活动", "…重大项目建设动员大会…项目集中开工现场"
    for (std::string_view w : campaign_words())
      if (text_starts_with(s.text, e.end, w) || between.find(w) != std::string_view::npos) return e.end;
    return 0;
  }
  return 0;
}

// "建设周期为2021年5月至2023年12月": the planned start and end of construction.
bool opens_construction_period(const SentenceView& s, const Token& t, const ByteRange& clause) {
  std::size_t p = t.begin;
  for (std::string_view w : {"自", "从"})
    if (text_ends_with(s.text, p, w)) p -= w.size();
  for (std::string_view w : {"为", "是", ":"})
    if (text_ends_with(s.text, p, w)) {
      p -= w.size();
      break;
    }
  for (std::string_view w : {"建设周期", "建设期", "建设工期", "工期", "施工周期", "建设时间"})
    if (p >= clause.begin + w.size() && text_ends_with(s.text, p, w)) return true;
  return false;
}

std::size_t after_range_dash(std::string_view text, std::size_t pos) {
  for (std::string_view dash : {"至", "到", "—", "-", "~", "–"})
    if (text_starts_with(text, pos, dash)) {
      pos += dash.size();
      if (text_starts_with(text, pos, "—")) pos += std::string_view("—").size();
      return pos;
    }
  return std::string_view::npos;
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

namespace {

struct ResolvedDate {
  Date date;
  bool from_article = false;  // the year (or month) came from the article date
  std::string note;
};

// The date a token names, before expected/actual adjust a missing year.
std::optional<ResolvedDate> resolve(const SentenceView& s, const DateExpression& d,
                                    std::optional<int> context_year, int context_month) {
  if (d.same_day) {  // 当日: the latest full date before it
    if (!s.recent_day || !*s.recent_day) return std::nullopt;
    return ResolvedDate{**s.recent_day, false, "the day of the date written before it"};
  }
  if (d.day_only) {  // "30日": the month named before it in the sentence, else the latest one, else the
                     // article's
    std::optional<Date> base;
    if (context_year && context_month > 0)
      base = Date::of_month(*context_year, context_month);
    else if (s.recent_day && *s.recent_day)
      base = **s.recent_day;
    else if (s.article_date && s.article_date->month > 0)
      base = *s.article_date;
    if (!base) return std::nullopt;
    std::optional<Date> date = make_date(base->year, base->month, d.day);
    if (!date) return std::nullopt;
    return ResolvedDate{*date, !context_year, "month from the date written before it"};
  }
  const std::optional<int> this_year = named_year(d, s.article_date);
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
    return std::nullopt;  // "4月" with no year anywhere: cannot be dated
  }
  std::optional<Date> date = make_date(year, d.month, d.day);
  if (!date) return std::nullopt;
  return ResolvedDate{*date, from_article, ""};
}

Candidate make_candidate(const SentenceView& s, const Token& t, const Token& e, MilestoneKind kind, Date date,
                         bool expected, const ResolvedDate& r, const DateExpression& d) {
  Candidate c;
  ExtractedFact& f = c.fact;
  f.kind = FactKind::Date;
  f.date = date;
  f.date_kind = kind;
  f.expected = expected;
  f.year_inferred = r.from_article;
  if (r.from_article && s.article_date)
    f.date_note = "year from the article date (" + s.article_date->to_string() + ")";
  if (!r.note.empty()) f.date_note += (f.date_note.empty() ? "" : "; ") + r.note;
  if (d.year_end_part) {
    if (!f.date_note.empty()) f.date_note += "; ";
    f.date_note +=
        "a part of the year, recorded as the month it ends in (" + std::to_string(date.month) + ")";
  }
  if (const Token* p = product_near(s, e.begin, e.end, true)) {
    f.product = s.word(*p)->name;
    f.product_index = s.word(*p)->dataset_index;
  }
  c.mention_begin = std::min(t.begin, e.begin);
  c.mention_end = std::max(t.end, e.end);
  return c;
}

// Expected when the date lies after the article date, happened when before it.
bool expected_by_article_date(const SentenceView& s, const Date& date) {
  if (!s.article_date) return false;
  const Date& a = *s.article_date;
  if (date.last_day() < a.first_day()) return false;
  if (date.first_day() > a.last_day()) return true;
  // the article's own period: a day on or before the article day has happened
  return !(date.precision == DatePrecision::Day && date.last_day() <= a.last_day());
}

}  // namespace

std::vector<Candidate> extract_dates(const SentenceView& s) {
  std::vector<Candidate> out;
  std::vector<const Token*> dates;
  std::vector<std::size_t> campaign_ends;  // a campaign's name is no cue ("推进高质量发展…大会")
  for (const Token& t : s.tokens) {
    if (t.type != Token::Type::Date) continue;
    const DateExpression& d = s.date(t);
    if (d.since || d.range) continue;
    if (const std::size_t end = campaign_label_end(s, t, d, s.clause_of(t.begin))) {
      campaign_ends.push_back(end);  // the day written before it governs
      continue;
    }
    dates.push_back(&t);
  }

  std::optional<int> context_year;  // the latest year named earlier in this sentence
  int context_month = 0;            // and its month, for "30日"
  for (std::size_t k = 0; k < dates.size(); ++k) {
    const Token& t = *dates[k];
    const DateExpression& d = s.date(t);
    const ByteRange clause = s.clause_of(t.begin);
    const std::optional<ResolvedDate> resolved = resolve(s, d, context_year, context_month);
    if (resolved) {
      if (resolved->date.precision == DatePrecision::Day && s.recent_day) *s.recent_day = resolved->date;
    }
    auto remember_context = [&] {
      if (const std::optional<int> y = named_year(d, s.article_date)) {
        context_year = y;
        context_month = d.month;
      } else if (resolved && (d.day_only || d.same_day)) {
        context_year = resolved->date.year;
        context_month = resolved->date.month;
      }
    };
    if (!resolved || is_reporting_date(s, t, clause)) {
      remember_context();
      continue;
    }

    // "建设周期为2021年5月至2023年12月": start and completion of construction.
    if (k + 1 < dates.size() && opens_construction_period(s, t, clause)) {
      const Token& t2 = *dates[k + 1];
      const std::size_t dash_end = after_range_dash(s.text, t.end);
      if (dash_end == t2.begin) {
        const DateExpression& d2 = s.date(t2);
        remember_context();
        if (const std::optional<ResolvedDate> r2 = resolve(s, d2, context_year, context_month)) {
          out.push_back(make_candidate(s, t, t, MilestoneKind::ConstructionStart, resolved->date,
                                       expected_by_article_date(s, resolved->date), *resolved, d));
          out.push_back(make_candidate(s, t2, t2, MilestoneKind::Completion, r2->date,
                                       expected_by_article_date(s, r2->date), *r2, d2));
        }
        ++k;
        if (const std::optional<int> y = named_year(d2, s.article_date)) {
          context_year = y;
          context_month = d2.month;
        }
        continue;
      }
    }

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
      std::size_t cue_begin =
          topic ? std::max<std::size_t>(clause.begin, back_code_points(s.text, e->begin, 200, clause.begin))
                : clause.begin;
      for (const std::size_t end : campaign_ends)
        if (end > cue_begin && end <= e->end) cue_begin = end;
      const std::size_t cue_end = e->end;
      const bool strong_expected = s.has_word_in(WordCategory::ExpectedCue, cue_begin, cue_end) ||
                                   text_starts_with(s.text, e->end, "目标") ||
                                   text_starts_with(s.text, e->end, "计划");
      const bool actual = !strong_expected && (s.has_word_in(WordCategory::ActualCue, cue_begin, cue_end) ||
                                               text_starts_with(s.text, e->end, "成功") ||
                                               text_starts_with(s.text, e->end, "了"));
      const bool weak_expected =
          !strong_expected && !actual && s.has_word_in(WordCategory::WeakExpectedCue, cue_begin, cue_end);

      std::optional<Date> date = resolved->date;
      const bool adjustable = resolved->from_article && !d.names_year && !d.same_day && !d.day_only;
      if (adjustable && s.article_date) {
        // "4月" alone: a plan lies ahead of the article, an event that happened lies before it.
        if (actual && date->first_day() > s.article_date->last_day())
          date = make_date(date->year - 1, d.month, d.day);
        else if ((strong_expected || weak_expected) && date->last_day() < s.article_date->first_day())
          date = make_date(date->year + 1, d.month, d.day);
        if (!date) continue;
      }
      bool expected = strong_expected || weak_expected;
      if (!strong_expected && !actual && !weak_expected) expected = expected_by_article_date(s, *date);
      out.push_back(make_candidate(s, t, *e, kind, *date, expected, *resolved, d));
    }
    remember_context();
  }
  return out;
}

}  // namespace indtrack
