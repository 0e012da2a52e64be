// Headlines and what each chart counts (chart_headlines.h).
#include "chart_kinds/chart_headlines.h"

#include <algorithm>
#include <array>
#include <optional>

#include "chart/chart_strings.h"
#include "chart_kinds/chart_series.h"
#include "core/units.h"

namespace indtrack {

namespace {

bool english(const HeadlineScope& s) { return s.lang == Language::English; }

// The subject is the whole city, some places, or a selection the headline cannot name.
constexpr std::string_view kCityZh = "乌海";
constexpr std::string_view kCityEn = "Wuhai";
constexpr std::string_view kSelectedZh = "所选项目";
constexpr std::string_view kSelectedEn = "the selected projects";

bool selected(const HeadlineScope& s) { return s.subject == (english(s) ? kSelectedEn : kSelectedZh); }

std::string number(double v) { return format_number(v, 2); }

// Statuses in the order a headline lists them: the most advanced first.
constexpr std::array<Status, 7> kHeadlineOrder = {Status::Operating, Status::Trial,     Status::Construction,
                                                  Status::Signed,    Status::Announced, Status::Shelved,
                                                  Status::Cancelled};

std::string_view status_words(Status s, bool en) {
  switch (s) {
    case Status::Operating:
      return en ? "operating" : "已投产";
    case Status::Trial:
      return en ? "in trial production" : "试生产";
    case Status::Construction:
      return en ? "under construction" : "在建";
    case Status::Signed:
      return en ? "signed" : "已签约";
    case Status::Announced:
      return en ? "announced" : "规划";
    case Status::Shelved:
      return en ? "shelved" : "停滞";
    case Status::Cancelled:
      return en ? "cancelled" : "取消";
    default:
      return en ? "status unknown" : "状态不明";
  }
}

// "乌海BDO项目12个：5个已投产，4个在建，…" / "12 BDO projects in Wuhai: 5 operating, …"; `lines`:
// production lines.
std::string count_by_status(const HeadlineScope& scope, const std::vector<std::pair<Status, double>>& counts,
                            bool lines) {
  const std::string noun_zh = lines ? "生产线" : "项目", noun_en = lines ? "production line" : "project";
  const std::string measure = lines ? "条" : "个";
  const bool en = english(scope);
  double all = 0;
  for (const auto& [status, n] : counts) all += n;
  std::string out = scope.as_of;
  const std::string total = number(all);
  if (en) {
    out += total + (scope.what.empty() ? "" : " " + scope.what) + " " + noun_en + (all == 1 ? "" : "s");
    out += selected(scope) ? " selected" : " in " + scope.subject;
  } else {
    out += scope.subject + scope.what + noun_zh + total + measure;
  }
  std::string parts;
  for (const auto& [status, n] : counts) {
    if (n <= 0) continue;
    if (!parts.empty()) parts += en ? ", " : "，";
    parts += en ? number(n) + " " + std::string(status_words(status, true))
                : number(n) + measure + std::string(status_words(status, false));
  }
  if (!parts.empty()) out += (en ? ": " : "：") + parts;
  return out;
}

// The target a capacity headline measures against: of the plotted official targets, the first
// one not yet due at the as-of date, else the latest.
const chart::ReferenceMark* headline_target(const chart::CapacityChartInput& input) {
  const chart::ReferenceMark* best = nullptr;
  for (const chart::ReferenceMark& m : input.marks) {
    if (!m.expected) continue;
    if (!best) {
      best = &m;
      continue;
    }
    const bool m_due = m.period.last_day() < input.as_of, best_due = best->period.last_day() < input.as_of;
    if (m_due != best_due ? !m_due : (m_due ? best->period < m.period : m.period < best->period)) best = &m;
  }
  return best;
}

}  // namespace

HeadlineScope headline_scope(const Dataset& d, const FilterSpec& spec, Language lang) {
  const bool en = lang == Language::English;
  HeadlineScope s;
  s.lang = lang;
  const bool narrowed = !spec.companies.empty() || !spec.statuses.empty() || spec.from || spec.to ||
                        spec.possibly_stalled || !spec.search.empty();
  if (narrowed) {
    s.subject = en ? kSelectedEn : kSelectedZh;
  } else if (!spec.districts.empty() || !spec.parks.empty()) {
    for (int i : spec.districts)
      s.subject += (s.subject.empty() ? "" : en ? " and " : "、") + name_in(d.districts[i], lang);
    for (int i : spec.parks)
      s.subject += (s.subject.empty() ? "" : en ? " and " : "、") + name_in(d.parks[i], lang);
  } else {
    s.subject = en ? kCityEn : kCityZh;
  }
  for (int i : spec.industries)
    s.what += (s.what.empty() ? "" : en ? "/" : "、") + name_in(d.industries[i], lang);
  for (int i : spec.products) s.what += (s.what.empty() ? "" : en ? "/" : "、") + product_name(d, i, lang);
  const DayNumber as_of = as_of_day(spec);
  if (as_of != today().placement_day() || spec.clock == Clock::PublishedBy) {
    const std::string day = Date::from_days(as_of).to_string();
    const bool published = spec.clock == Clock::PublishedBy;
    s.as_of = en ? "As of " + day + (published ? " (as published then)" : "") + ": "
                 : "截至" + day + (published ? "（当时已发布报道）" : "") + "，";
  }
  return s;
}

double plotted_operating_capacity(const chart::CapacityChartInput& input, const chart::CapacityStack& stack,
                                  DayNumber day) {
  const auto it = std::upper_bound(stack.days.begin(), stack.days.end(), day);
  if (it == stack.days.begin()) return 0;
  const std::size_t k = static_cast<std::size_t>(it - stack.days.begin()) - 1;
  double sum = 0;
  for (std::size_t b = 0; b < stack.bands.size(); ++b) {
    const chart::CapacityBand& band = stack.bands[b];
    if (!band.expected && !input.series[static_cast<std::size_t>(band.series)].trial)
      sum += stack.level(b, k);
  }
  return sum;
}

std::string capacity_headline(const HeadlineScope& scope, const std::string& product,
                              const chart::CapacityChartInput& input, const chart::CapacityStack& stack) {
  const bool en = english(scope);
  const std::string& unit = input.text.value_unit;
  const double operating = plotted_operating_capacity(input, stack, input.as_of);
  std::string out = scope.as_of;
  if (en)
    out += (selected(scope) ? "" : scope.subject + " ") + product + " capacity in operation" +
           (selected(scope) ? " (selected projects)" : "") + ": " + number(operating) + " " + unit;
  else
    out += scope.subject + product + "已投产产能" + number(operating) + unit;
  const chart::ReferenceMark* target = headline_target(input);
  if (!target) return out;
  const std::string year = target->period.to_string();
  const std::string goal = with_bound(target->bound, number(target->value), en ? " " + unit : unit, en);
  const double gap = target->value - operating;
  if (en)
    out += gap > 0 ? ", " + number(gap) + " " + unit + " short of the " + year + " target (" + goal + ")"
                   : ", meeting the " + year + " target (" + goal + ")";
  else
    out += gap > 0 ? "，距" + year + "年目标" + goal + "差" + number(gap) + unit
                   : "，已达" + year + "年目标" + goal;
  return out;
}

std::string timeline_headline(const HeadlineScope& scope, const chart::TimelineChartInput& input,
                              bool per_line) {
  // Each row's status on the as-of day: the plotted bar under it (plans ahead are not a status).
  std::vector<std::pair<Status, double>> counts;
  for (Status s : kHeadlineOrder) counts.emplace_back(s, 0);
  counts.emplace_back(Status::Unknown, 0);
  for (const chart::TimelineRow& row : input.rows) {
    Status now = Status::Unknown;
    for (const chart::TimelineSegment& seg : row.segments)
      if (!seg.expected && seg.start <= input.as_of && (!seg.end || *seg.end > input.as_of)) now = seg.phase;
    auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == now; });
    if (it == counts.end()) it = counts.end() - 1;
    it->second += 1;
  }
  return count_by_status(scope, counts, per_line);
}

std::string investment_headline(const HeadlineScope& scope, const chart::InvestmentChartInput& input,
                                int projects_with_total) {
  const bool en = english(scope);
  const std::string& unit = input.text.value_unit;
  std::optional<double> total, completed;
  bool approximate = false;
  AggregateBound bound = AggregateBound::Exact;
  for (const chart::InvestmentBar& bar : input.bars) {
    if (bar.total) {
      bound = total ? bound_of_sum(bound, bar.total_bound) : bar.total_bound;
      approximate = approximate || bar.approximate;
      total = total.value_or(0) + *bar.total;
    }
    if (bar.completed) completed = completed.value_or(0) + *bar.completed;
  }
  std::string out = scope.as_of;
  if (!total) return out + (en ? "No total investment reported" : "未见总投资数据");
  const std::string amount = (approximate ? (en ? "about " : "约") : "") +
                             with_bound(bound, number(*total), en ? " " + unit : unit, en);
  const std::string n = std::to_string(projects_with_total);
  if (en) {
    out += "Total investment of " + n + (scope.what.empty() ? "" : " " + scope.what) +
           (selected(scope) ? " selected projects" : " projects in " + scope.subject) + ": " + amount;
    if (completed) out += " (" + number(*completed) + " " + unit + " completed)";
  } else {
    out += scope.subject + scope.what + "项目总投资" + amount + "（" + n + "个项目" +
           (completed ? "，已完成" + number(*completed) + unit : std::string()) + "）";
  }
  return out;
}

std::string status_headline(const HeadlineScope& scope, const chart::StatusChartInput& input,
                            const std::string& product) {
  const bool en = english(scope);
  std::vector<std::pair<Status, double>> values;
  for (Status s : kHeadlineOrder) {
    const auto it = std::find(input.statuses.begin(), input.statuses.end(), s);
    const double v = it == input.statuses.end() || input.values.empty()
                         ? 0
                         : input.values.back()[static_cast<std::size_t>(it - input.statuses.begin())];
    values.emplace_back(s, v);
  }
  if (product.empty()) return count_by_status(scope, values, false);
  // Capacity by status on the as-of day (the last column).
  const std::string& unit = input.text.value_unit;
  double all = 0;
  for (const auto& [s, v] : values) all += v;
  std::string out = scope.as_of;
  out += en ? (selected(scope) ? "" : scope.subject + " ") + product + " capacity known: " + number(all) +
                  " " + unit
            : scope.subject + product + "已知产能" + number(all) + unit;
  std::string parts;
  for (const auto& [s, v] : values) {
    if (v <= 0) continue;
    if (!parts.empty()) parts += en ? ", " : "，";
    parts += en ? number(v) + " " + std::string(status_words(s, true))
                : std::string(status_words(s, false)) + number(v);
  }
  if (!parts.empty()) out += (en ? " (" : "：") + parts + (en ? ")" : "");
  return out;
}

std::string slippage_headline(const HeadlineScope& scope, const chart::SlippageChartInput& input) {
  const bool en = english(scope);
  int late = 0, past_due = 0, on_time = 0, not_due = 0, undetermined = 0, longest = 0;
  for (const chart::SlippageRow& row : input.rows) {
    switch (row.outcome) {
      case chart::SlipOutcome::Late:
        ++late;
        longest = std::max(longest, row.delay_min);
        break;
      case chart::SlipOutcome::PastDue:
        ++past_due;
        longest = std::max(longest, row.delay_min);
        break;
      case chart::SlipOutcome::OnTime:
        ++on_time;
        break;
      case chart::SlipOutcome::NotYetDue:
        ++not_due;
        break;
      case chart::SlipOutcome::Undetermined:
        ++undetermined;
        break;
    }
  }
  const std::string n = std::to_string(input.rows.size());
  std::string out = scope.as_of;
  out += en ? n + (scope.what.empty() ? "" : " " + scope.what) + " milestones with an announced date" +
                  (selected(scope) ? " (selected projects)" : " in " + scope.subject)
            : scope.subject + scope.what + "有计划日期的里程碑" + n + "个";
  std::string parts;
  auto add = [&](int count, std::string_view zh, std::string_view en_words) {
    if (count == 0) return;
    if (!parts.empty()) parts += en ? ", " : "，";
    parts += std::to_string(count) + (en ? " " + std::string(en_words) : std::string(zh));
  };
  add(late, "个晚于首次公布的日期", "late");
  add(past_due, "个逾期未完成", "past due");
  add(on_time, "个按期", "on time");
  add(undetermined, "个无法判断", "undetermined");
  add(not_due, "个尚未到期", "not yet due");
  if (!parts.empty()) out += (en ? ": " : "：") + parts;
  if (longest > 0)
    out += en ? "; longest delay at least " + std::to_string(longest) + " months"
              : "；最长延期至少" + std::to_string(longest) + "个月";
  return out;
}

std::string capacity_counts(const chart::CapacityChartInput& input, Language lang) {
  const bool en = lang == Language::English;
  const bool trial = std::any_of(input.series.begin(), input.series.end(),
                                 [](const chart::CapacitySeries& s) { return s.trial && !s.steps.empty(); });
  const bool expected =
      input.include_expected && std::any_of(input.series.begin(), input.series.end(), [](const auto& s) {
        return std::any_of(s.steps.begin(), s.steps.end(),
                           [](const chart::CapacityStep& st) { return st.expected; });
      });
  if (en)
    return std::string(trial ? "counts capacity in operation and in trial production"
                             : "counts capacity in operation") +
           (expected ? "; expected starts hatched" : "") + "; column: every known line by status";
  return std::string(trial ? "计入已投产与试生产产能" : "计入已投产产能") +
         (expected ? "；预计投产为斜线" : "") + "；右列为全部已知生产线按状态";
}

std::string timeline_counts(bool per_line, Language lang) {
  if (lang == Language::English)
    return per_line ? "one row per production line, its status as reported"
                    : "one row per project, its status as reported";
  return per_line ? "每行一条生产线，状态依报道" : "每行一个项目，状态依报道";
}

std::string investment_counts(Language lang) {
  return lang == Language::English ? "each project's reported total and completed investment"
                                   : "计入各项目报道的总投资与已完成投资";
}

std::string status_counts(bool capacity, Language lang) {
  if (lang == Language::English)
    return capacity ? "capacity of each line by its status at each year end (this year: the as-of date)"
                    : "projects by status at each year end (this year: the as-of date)";
  return capacity ? "各生产线产能按其年末状态计（今年按截至日）" : "项目按年末状态计（今年按截至日）";
}

std::string slippage_counts(Language lang) {
  return lang == Language::English
             ? "milestones with an announced date; delay counted from the first date announced"
             : "有公布计划日期的里程碑；延期自首次公布的日期起算";
}

}  // namespace indtrack
