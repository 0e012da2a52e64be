// From the dataset and the filter to the chart layouts' inputs (chart_series.h).
//
// Index of this file:
// [SECTION] Names and labels
// [SECTION] Citations, the chosen product, colours, the filter in words
// [SECTION] Sources
// [SECTION] Capacity growth
// [SECTION] Project timeline
// [SECTION] Investment
// [SECTION] Status summary
// [SECTION] The Dataset-taking twins
#include "chart_kinds/chart_series.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>

#include "chart_kinds/chart_headlines.h"
#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/plotted_sources.h"
#include "core/text.h"
#include "core/units.h"
#include "model/company_name.h"
#include "query/capacity_categories.h"
#include "query/dataset_index.h"
#include "query/project_summary.h"
#include "query/slippage.h"
#include "query/status.h"
#include "query/status_spans.h"

namespace indtrack {
namespace {

// [SECTION] Names and labels

bool english(const ChartOptions& o) { return o.lang == Language::English; }

// An amount in the unit its chart plots it in: 万吨/年, 亿元 in Chinese; in English the unit
// English text uses (kt/a, MW, GWh/a, bn CNY), one scale for the whole chart, so that the axis, the column,
// the marks and the headline agree ("10k t/a" on the axis beside "Mt/a" in a label was issue 19).
DisplayAmount chart_amount(double canonical, Dimension d, Language lang) {
  if (lang != Language::English) return display_amount(canonical, d);
  switch (d) {
    case Dimension::MassPerYear:
    case Dimension::EnergyPerYear:
    case Dimension::Money:
      return english_text_amount(canonical, d);
    case Dimension::Power:
      return {canonical / 1e3, "MW", "MW"};
    default:
      return display_amount(canonical, d);
  }
}

std::string company_label(const Dataset& d, int company, Language lang) {
  if (company < 0) return lang == Language::English ? "company not stated" : "未注明企业";
  // The full legal names crowd legends (model/company_name.h); the detail panel keeps them.
  return company_short_name(d.companies[company], lang);
}

}  // namespace

// The bound of a sum whose terms have bounds `a` and `b`: more than 60 plus exactly 10 is more than
// 70; "at most" with a lower bound says nothing either way, so it is only "about".
AggregateBound bound_of_sum(AggregateBound a, AggregateBound b) {
  if (a == AggregateBound::Exact || a == b) return b;
  if (b == AggregateBound::Exact) return a;
  const auto lower = [](AggregateBound x) {
    return x == AggregateBound::AtLeast || x == AggregateBound::MoreThan;
  };
  if (lower(a) && lower(b)) return AggregateBound::AtLeast;
  return AggregateBound::About;
}

std::string product_name(const Dataset& d, int product, Language lang) {
  if (product < 0) return {};
  return display_name(d.products[product], lang == Language::English);
}

namespace {

std::string source_line(const Dataset& d, const Evidence& e, Language lang) {
  return source_citation(d, e, lang);
}

// Adds one project's figure, with the hedge of the statement behind it, to a bar's sum.
void add_hedged(std::optional<double>& sum, bool& approximate, AggregateBound& bound, double yi,
                const Investment* statement) {
  const AggregateBound term = statement ? statement->amount.bound : AggregateBound::Exact;
  bound = sum ? bound_of_sum(bound, term) : term;
  approximate = approximate || (statement && statement->amount.approximate);
  sum = sum.value_or(0) + yi;
}

std::vector<std::string> evidence_tooltip(const Dataset& d, const Evidence& e, Language lang) {
  std::vector<std::string> lines;
  if (!e.quote.empty()) lines.push_back("“" + e.quote + "”");
  if (e.source >= 0) {
    const std::string line = (lang == Language::English ? "Source: " : "来源：") +
                             source_citation(d, e, lang, /*mark_reference=*/true);
    lines.push_back(line);
  }
  const std::string& note = in_language(e.note, e.note_en, lang == Language::English);
  // Notes often open with their own "推断：" / "Inferred:": not said twice.
  auto labelled = [&](std::string_view label) {
    const std::string_view bare = label.substr(0, label.find_last_not_of(' ') + 1);
    return note.rfind(bare, 0) == 0 ? note : std::string(label) + note;
  };
  if (e.basis == Basis::Inferred)
    lines.push_back(labelled(lang == Language::English ? "Inferred: " : "推断："));
  if (e.basis == Basis::Conflicting)
    lines.push_back(labelled(lang == Language::English ? "Sources conflict: " : "来源冲突："));
  return lines;
}

std::string project_label(const Dataset& d, const Project& p, Language lang) {
  std::string name = name_in(p, lang);
  if (p.company < 0) return name;
  const std::string company = company_label(d, p.company, lang);
  if (name.find(company) != std::string::npos) return name;
  return company + " · " + name;
}

// The series a project's capacity is stacked in.
struct SeriesKey {
  std::string key, label, colour_key;
};
SeriesKey series_of(const Dataset& d, const ProjectFacts& facts, SeriesGrouping g, Language lang) {
  const Project& p = d.projects[facts.project];
  switch (g) {
    case SeriesGrouping::Company:
      if (p.company < 0) return {"-", company_label(d, -1, lang), ""};
      return {d.companies[p.company].id, company_label(d, p.company, lang), d.companies[p.company].id};
    case SeriesGrouping::Park:
      if (!p.park || p.park->index < 0)
        return {"-", lang == Language::English ? "park not stated" : "未注明园区", ""};
      return {d.parks[p.park->index].id, name_in(d.parks[p.park->index], lang), d.parks[p.park->index].id};
    case SeriesGrouping::District: {
      const int district = facts.district;
      if (district < 0) return {"-", lang == Language::English ? "district not stated" : "未注明区", ""};
      return {d.districts[district].id, name_in(d.districts[district], lang), d.districts[district].id};
    }
  }
  return {};
}

// No colour twice in one chart: series whose colour a larger series (by capacity) already shows are
// merged into one "其他 / Other" series in grey, placed last.
void group_colour_clashes(const chart::CategoryColours& colours, std::vector<chart::CapacitySeries>& series,
                          Language lang) {
  const auto size = [](const chart::CapacitySeries& s) {
    double sum = 0;
    for (const chart::CapacityStep& step : s.steps) sum += step.delta;
    return sum;
  };
  std::vector<std::size_t> by_size(series.size());
  for (std::size_t i = 0; i < by_size.size(); ++i) by_size[i] = i;
  std::stable_sort(by_size.begin(), by_size.end(),
                   [&](std::size_t a, std::size_t b) { return size(series[a]) > size(series[b]); });
  std::vector<std::string> keys;
  for (std::size_t i : by_size)
    keys.push_back(series[i].colour_key.empty() ? series[i].key : series[i].colour_key);
  const std::vector<bool> kept_by_size = colours.distinct_in_view(keys);
  std::vector<bool> kept(series.size());
  for (std::size_t r = 0; r < by_size.size(); ++r) kept[by_size[r]] = kept_by_size[r];
  chart::CapacitySeries other{
      "other", lang == Language::English ? "Other" : "其他", std::string(chart::kOtherColourKey), true, {}};
  std::vector<chart::CapacitySeries> out;
  for (std::size_t i = 0; i < series.size(); ++i) {
    if (kept[i]) {
      out.push_back(std::move(series[i]));
      continue;
    }
    for (chart::CapacityStep& step : series[i].steps) other.steps.push_back(std::move(step));
  }
  if (!other.steps.empty()) out.push_back(std::move(other));
  series = std::move(out);
}

// What an empty chart says instead of an empty plot: "没有投资数据：当前筛选为 光伏 · 截至 …" /
// "No investment figures for this filter: photovoltaics · as of …".
std::string empty_words(std::string_view what_zh, std::string_view what_en, const std::string& filter,
                        Language lang) {
  if (lang == Language::English) return "No " + std::string(what_en) + " for this filter: " + filter;
  return "没有" + std::string(what_zh) + "：当前筛选为 " + filter;
}

bool mark_applies(const Aggregate& a, const FilterSpec& spec) {
  switch (a.area_kind) {
    case AreaKind::City:
      return spec.districts.empty() && spec.parks.empty();
    case AreaKind::District:
      return spec.parks.empty() &&
             std::find(spec.districts.begin(), spec.districts.end(), a.area) != spec.districts.end();
    case AreaKind::Park:
      return std::find(spec.parks.begin(), spec.parks.end(), a.area) != spec.parks.end();
  }
  return false;
}

}  // namespace

// [SECTION] Citations, the chosen product, colours, the filter in words

std::string source_citation(const Dataset& d, const Evidence& e, Language lang, bool mark_reference) {
  if (e.source < 0) return {};
  const Source& s = d.sources[static_cast<std::size_t>(e.source)];
  std::string line = publisher_text(s, lang == Language::English) + " " + s.date.to_string();
  if (mark_reference && s.kind == Source::Kind::Reference)
    line += lang == Language::English ? " (excerpt, not checkable offline)" : "（摘录，无法离线核对）";
  return line;
}

std::int64_t unit_ref(int project, int unit) {
  return static_cast<std::int64_t>(project) * 1024 + (unit + 1);
}
int project_of_ref(std::int64_t ref) { return ref < 0 ? -1 : static_cast<int>(ref / 1024); }

int chart_product(const Dataset& data, const FilterSpec& spec, const ChartOptions& options) {
  if (options.product >= 0) return options.product;
  if (!spec.products.empty()) return spec.products.front();
  return default_chart_product(data);
}

int default_chart_product(const Dataset& data) {
  const int bdo = data.find_product("BDO");
  if (bdo >= 0) return bdo;
  for (const Project& p : data.projects)
    for (const Unit& u : p.units)
      if (u.product >= 0 && !u.capacity.empty()) return u.product;
  return data.products.empty() ? -1 : 0;
}

chart::CategoryColours company_colours(const Dataset& data) {
  // Companies of one industry (by their first project's first industry) take neighbouring slots, so
  // the companies a product or industry filter shows get different colours; dataset order within.
  std::vector<int> industry(data.companies.size(), INT32_MAX);
  for (const Project& p : data.projects) {
    if (p.company < 0 || industry[p.company] != INT32_MAX) continue;
    const std::vector<int> industries = project_industries(data, p);
    if (!industries.empty()) industry[p.company] = industries.front();
  }
  std::vector<int> order(data.companies.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return industry[a] < industry[b]; });
  std::vector<std::string> keys;
  for (int c : order) keys.push_back(data.companies[c].id);
  for (const Park& p : data.parks) keys.push_back(p.id);
  for (const District& d : data.districts) keys.push_back(d.id);
  return chart::CategoryColours(keys);
}

std::string clock_words(const FilterSpec& spec, Language lang) {
  const bool en = lang == Language::English;
  if (spec.clock == Clock::PublishedBy) return en ? " (as published then)" : "（当时已发布报道）";
  return en ? " (as known today)" : "（现有报道）";
}

std::string as_of_words(const FilterSpec& spec, Language lang) {
  return chart::as_of_label(as_of_day(spec), lang) + clock_words(spec, lang);
}

std::string filter_in_words(const Dataset& d, const FilterSpec& spec, Language lang, int product) {
  std::vector<std::string> parts;
  auto join_names = [&](const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names)
      out += (out.empty() ? "" : (lang == Language::English ? " or " : "、")) + n;
    return out;
  };
  auto add = [&](const std::vector<std::string>& names) {
    if (!names.empty()) parts.push_back(join_names(names));
  };
  std::vector<std::string> names;
  for (int i : spec.districts) names.push_back(name_in(d.districts[i], lang));
  add(names);
  names.clear();
  for (int i : spec.parks) names.push_back(name_in(d.parks[i], lang));
  add(names);
  names.clear();
  for (int i : spec.industries) names.push_back(name_in(d.industries[i], lang));
  add(names);
  names.clear();
  for (int i : spec.products) names.push_back(product_name(d, i, lang));
  if (names.empty() && product >= 0) names.push_back(product_name(d, product, lang));
  add(names);
  names.clear();
  for (int i : spec.companies) names.push_back(company_label(d, i, lang));
  add(names);
  names.clear();
  for (Status s : spec.statuses) names.push_back(std::string(chart::status_label(s, lang)));
  add(names);
  if (spec.from || spec.to) {
    const std::string from = spec.from ? spec.from->to_string() : "…";
    const std::string to = spec.to ? spec.to->to_string() : "…";
    parts.push_back((lang == Language::English ? "milestones " : "节点 ") + from + "–" + to);
  }
  if (!trim(spec.search).empty())
    parts.push_back((lang == Language::English ? "matching “" : "含“") + std::string(trim(spec.search)) +
                    "”");
  if (spec.possibly_stalled) parts.push_back(lang == Language::English ? "possibly stalled" : "可能停滞");
  parts.push_back(as_of_words(spec, lang));
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : " · ") + p;
  return out;
}

// [SECTION] Sources

namespace {

// The sources any of `projects` cites, ascending; `cited_by(project)` lists one project's.
template <class CitedBy>
std::vector<int> union_of_cited(std::size_t source_count, const std::vector<int>& projects,
                                CitedBy&& cited_by) {
  std::vector<bool> is_cited(source_count, false);
  for (int project : projects)
    for (int source : cited_by(project)) is_cited[static_cast<std::size_t>(source)] = true;
  std::vector<int> cited;
  for (std::size_t s = 0; s < is_cited.size(); ++s)
    if (is_cited[s]) cited.push_back(static_cast<int>(s));
  return cited;
}

}  // namespace

std::vector<int> cited_sources(const Dataset& d, const std::vector<int>& projects) {
  return union_of_cited(d.sources.size(), projects, [&](int p) { return cited_sources(d.projects[p]); });
}

// [SECTION] Capacity growth

namespace {

std::vector<std::string> status_reasons(const Dataset& d, const ProjectStatus& s, Language lang);

// "约10万吨/年" / "about 100 kt/a": a capacity as its source states it (English in kt/a, the
// axis keeps the chart's unit).
std::string capacity_text(const CapacityFact& cap, bool en) {
  const auto amount = display_amount(cap.amount.canonical, cap.amount.dimension);
  return (cap.amount.approximate ? (en ? "about " : "约") : "") +
         (en ? with_bound(cap.amount.bound, format_amount(cap.amount.canonical, cap.amount.dimension, true),
                          "", en)
             : with_bound(cap.amount.bound, format_number(amount.value), " " + std::string(amount.unit), en));
}

// A step of the curve: a line's capacity entering (delta > 0) or leaving (< 0) a layer at `start`.
// `plotted` collects the sources the step rests on (its capacity, its date, its whisker's bound);
// null for a step not drawn.
chart::CapacityStep capacity_step(const Dataset& d, int project, int unit, const CapacityStart& start,
                                  double delta, DayNumber as_of, Language lang, PlottedSources* plotted) {
  const bool en = lang == Language::English;
  const Project& p = d.projects[project];
  const Unit& u = p.units[static_cast<std::size_t>(unit)];
  const CapacityFact& cap = u.capacity.front();
  chart::CapacityStep step;
  step.date = start.date;
  step.delta = delta;
  step.expected = start.expected;
  step.ref = unit_ref(project, unit);
  step.label = project_label(d, p, lang) + " · " + name_in(u, lang);
  if (delta < 0)
    step.tooltip.push_back(en ? "Commissioned: leaves the trial-production layer" : "投产：移出试生产层");
  step.tooltip.push_back(capacity_text(cap, en));
  for (const std::string& line : evidence_tooltip(d, cap.evidence, lang)) step.tooltip.push_back(line);
  const Evidence* date_evidence = start.milestone ? &start.milestone->evidence
                                  : start.report  ? &start.report->evidence
                                                  : nullptr;
  if (plotted) {
    plotted->add(cap.evidence);
    plotted->add(date_evidence);
  }
  if (start.report) {
    // "In operation by" a report's date is not "started on" it: the step stands at the report
    // date (the line is certainly counted from then) and its whisker reaches back to the last
    // statement that it had not yet started (open when there is none).
    step.by = true;
    const MilestoneKind kind =
        start.report->status == Status::Trial ? MilestoneKind::TrialProduction : MilestoneKind::Commissioning;
    const MilestoneSlip slip = milestone_slip(d, project, start.inherited ? -1 : unit, kind, as_of);
    if (slip.happened && slip.happened->first != kNoLowerBound) {
      step.not_before = slip.happened->first;
      for (const SlipStep& bound : slip.steps)  // the statement the whisker reaches back to
        if (plotted && bound.kind == SlipStepKind::NotYet) plotted->add(bound.evidence);
    }
    const std::string by = start.date.to_string();
    const std::string after = step.not_before ? Date::from_days(*step.not_before).to_string() : "";
    const bool trial = kind == MilestoneKind::TrialProduction;
    if (en)
      step.tooltip.push_back(std::string(trial ? "Trial start" : "Start") + " not reported: in " +
                             (trial ? "trial production" : "operation") + " by " + by +
                             (after.empty() ? "" : ", not before " + after));
    else
      step.tooltip.push_back(std::string(trial ? "试生产日期未见报道：" : "投产日期未见报道：") + "最迟 " +
                             by + (trial ? " 已试生产" : " 已投产") +
                             (after.empty() ? "" : "，不早于 " + after));
  }
  if (start.inherited) step.tooltip.push_back(en ? "Date from the project as a whole" : "日期取自项目整体");
  if (date_evidence)
    for (const std::string& line : evidence_tooltip(d, *date_evidence, lang)) step.tooltip.push_back(line);
  return step;
}

// A line in the column: its capacity, its status with the rule and fact behind it, its expected
// start (or that none is reported).
chart::CapacityStatusLine status_line(const Dataset& d, int project, int unit, const LineCategory& c,
                                      Language lang) {
  const bool en = lang == Language::English;
  const Project& p = d.projects[project];
  const Unit& u = p.units[static_cast<std::size_t>(unit)];
  const CapacityFact& cap = u.capacity.front();
  chart::CapacityStatusLine line;
  line.label = project_label(d, p, lang) + " · " + name_in(u, lang);
  line.value = chart_amount(cap.amount.canonical, cap.amount.dimension, lang).value;
  line.inferred = is_inferred(rule_of(c.status));
  line.ref = unit_ref(project, unit);
  line.tooltip.push_back(
      (en ? "Status: " : "状态：") + std::string(chart::status_label(c.status.status, lang)) +
      (line.inferred ? (en ? " (inferred)" : "（推断）") : (en ? " (stated)" : "（来源所述）")));
  if (c.expected) {
    const auto reported = c.expected->milestone ? reported_date(d, *c.expected->milestone) : std::nullopt;
    line.tooltip.push_back(
        (en ? "Expected start " : "预计投产 ") + c.expected->date.to_string() +
        (reported ? (en ? " (reported " : "（报道于 ") + reported->to_string() + (en ? ")" : "）") : ""));
  } else if (c.category == CapacityCategory::ConstructionNoDate || c.category == CapacityCategory::Planned) {
    line.tooltip.push_back(en ? "No expected start reported" : "未见预计投产日期");
  }
  ProjectStatus as_project;  // status_reasons explains a project's status; a line's is the same
  as_project.status = c.status.status;
  as_project.decided_by = c.status;
  for (std::string& reason : status_reasons(d, as_project, lang)) line.tooltip.push_back(std::move(reason));
  line.tooltip.push_back((en ? "Capacity: " : "产能：") + capacity_text(cap, en));
  for (const std::string& e : evidence_tooltip(d, cap.evidence, lang)) line.tooltip.push_back(e);
  return line;
}

// A reference mark's label in an English chart: its figure in the chart's unit, bound and period
// ("target: at least 2500 kt/a by 2025", "1000 kt/a in 2023"); the quote stays in the tooltip.
std::string english_mark_label(const chart::ReferenceMark& mark, const std::string& unit) {
  const std::string figure = with_bound(mark.bound, format_number(mark.value), " " + unit, true);
  const std::string period = mark.period.to_string();
  return mark.expected ? "target: " + figure + " by " + period : figure + " in " + period;
}

// What the curve and the column count, in words under the chart: the trial layer and the
// expected starts only when the curve has them (`trial`, `expected`), or that trial production
// was left out on request.
std::string capacity_note(const ChartOptions& o, bool trial, bool expected, DayNumber as_of) {
  const std::string day = Date::from_days(as_of).to_string();
  if (english(o))
    return std::string("Curve: operating capacity by company (solid)") +
           (trial          ? ", trial production above it (light blue)"
            : o.show_trial ? ""
                           : ", trial production left out") +
           (expected ? ", expected starts hatched" : "") +
           ". Column: every known line's capacity by status on " + day +
           ", lines under construction with no date yet included.";
  return std::string("曲线：各企业投产产能（实色）") +
         (trial          ? "，其上为试生产（浅蓝）"
          : o.show_trial ? ""
                         : "，不含试生产") +
         (expected ? "，预计投产为斜线" : "") + "。右列：截至 " + day +
         " 全部已知生产线按状态的产能，含无预计日期的在建产能。";
}

}  // namespace

chart::CapacityChartInput capacity_chart_input(const DatasetIndex& ix, const std::vector<int>& projects,
                                               const FilterSpec& spec, const ChartOptions& options) {
  const Dataset& d = ix.data();
  const Language lang = options.lang;
  const bool en = english(options);
  const int product = chart_product(d, spec, options);
  const DayNumber as_of = as_of_day(spec);
  chart::CapacityChartInput in;
  const std::string product_text = product_name(d, product, lang);
  in.text.title = en ? product_text + " capacity growth" : product_text + "产能增长";
  in.text.subtitle = filter_in_words(d, spec, lang, product);
  in.text.empty_message =
      empty_words(product_text + "产能数据", product_text + " capacity figures", in.text.subtitle, lang);
  in.as_of = as_of;
  const DayNumber now = today().placement_day();
  if (now != as_of) in.today = now;
  in.include_expected = options.include_expected;
  PlottedSources plotted(d);

  // The trial-production layer of every company, stacked above the operating bands.
  chart::CapacitySeries trial_layer{"status:trial", en ? "trial production" : "试生产", "", true, {}, true};
  std::array<chart::CapacityStatusPart, kCapacityCategoryCount> parts;
  for (const CapacityCategory c : kCapacityCategories) {
    chart::CapacityStatusPart& part = parts[static_cast<std::size_t>(c)];
    part.id = capacity_category_id(c);
    part.label = capacity_category_label(c, en);
    part.status = capacity_category_status(c);
    part.no_date = c == CapacityCategory::ConstructionNoDate;
  }
  Dimension dimension = Dimension::MassPerYear;
  std::map<std::string, std::size_t> series_index;
  for (int index : projects) {
    const Project& p = d.projects[index];
    const ProjectFacts& facts = ix.facts(index);
    for (std::size_t ui = 0; ui < p.units.size(); ++ui) {
      const Unit& u = p.units[ui];
      if (u.product != product || u.capacity.empty()) continue;
      const int unit = static_cast<int>(ui);
      const CapacityFact& cap = u.capacity.front();
      dimension = cap.amount.dimension;
      const double value = chart_amount(cap.amount.canonical, cap.amount.dimension, lang).value;
      // The column: the engine's status of the line on the as-of day.
      if (const auto c =
              line_category(d, p, unit, facts.units[ui], facts.unit_status_at(unit, as_of), as_of)) {
        parts[static_cast<std::size_t>(c->category)].lines.push_back(status_line(d, index, unit, *c, lang));
        plotted.add(cap.evidence);
        plotted.add(c->status);
        if (c->expected && c->expected->milestone) plotted.add(c->expected->milestone->evidence);
      }
      // The curve: operating from commissioning in the company's band; trial production from its
      // start until commissioning in the trial layer; else the expected start, hatched.
      const auto operating = unit_capacity_start(d, p, u, facts.units[ui], as_of, false);
      const auto trial =
          options.show_trial ? unit_capacity_start(d, p, u, facts.units[ui], as_of, true) : std::nullopt;
      auto company = [&]() -> chart::CapacitySeries& {
        const SeriesKey key = series_of(d, facts, options.grouping, lang);
        auto [it, inserted] = series_index.emplace(key.key, in.series.size());
        if (inserted) in.series.push_back({key.key, key.label, key.colour_key, true, {}});
        return in.series[it->second];
      };
      auto step = [&](const CapacityStart& start, double delta) {
        const bool drawn = !start.expected || options.include_expected;
        return capacity_step(d, index, unit, start, delta, as_of, lang, drawn ? &plotted : nullptr);
      };
      if (operating && !operating->expected) {
        company().steps.push_back(step(*operating, value));
        if (trial && !trial->expected && trial->date.placement_day() < operating->date.placement_day()) {
          trial_layer.steps.push_back(step(*trial, value));
          trial_layer.steps.push_back(step(*operating, -value));
        }
      } else if (trial && !trial->expected) {
        trial_layer.steps.push_back(step(*trial, value));
      } else if (const auto& plan = options.show_trial ? trial : operating; plan && plan->expected) {
        company().steps.push_back(step(*plan, value));
      }
    }
  }
  const bool expected =
      options.include_expected && std::any_of(in.series.begin(), in.series.end(), [](const auto& s) {
        return std::any_of(s.steps.begin(), s.steps.end(),
                           [](const chart::CapacityStep& st) { return st.expected; });
      });
  in.text.note = capacity_note(options, !trial_layer.steps.empty(), expected, as_of);
  // Before the trial layer joins: it is not a company and keeps its own colour.
  group_colour_clashes(company_colours(d), in.series, lang);
  if (!trial_layer.steps.empty()) in.series.push_back(std::move(trial_layer));
  for (chart::CapacityStatusPart& part : parts) {
    std::stable_partition(part.lines.begin(), part.lines.end(),
                          [](const chart::CapacityStatusLine& l) { return !l.inferred; });
    in.by_status.push_back(std::move(part));
  }
  const auto unit = chart_amount(0, dimension, lang);
  in.text.value_unit = std::string(en ? unit.unit_en : unit.unit);
  in.text.subtitle += " · " + capacity_counts(in, lang);

  // No line of the product in the filter (光伏 and BDO): the city's BDO figures alone would draw a
  // chart of nothing the filter holds; it says so instead (empty_message).
  for (std::size_t i = 0; i < d.aggregates.size() && !in.series.empty(); ++i) {
    const Aggregate& a = d.aggregates[i];
    if (a.metric != AggregateMetric::Capacity || a.product != product || !mark_applies(a, spec)) continue;
    // A target without a year ("未来将形成300万吨") has no time to be drawn at: the report's date
    // would make it look reached then.
    if (a.expected && !a.period) continue;
    chart::ReferenceMark mark;
    const std::optional<Date> period = a.period ? a.period
                                       : a.evidence.source >= 0
                                           ? std::optional<Date>(d.sources[a.evidence.source].date)
                                           : std::nullopt;
    if (!period) continue;
    const std::optional<Date> reported =
        a.evidence.source >= 0 ? std::optional<Date>(d.sources[a.evidence.source].date) : std::nullopt;
    if (reported && reported->placement_day() > as_of) continue;  // not yet said at the as-of date
    mark.period = *period;
    mark.value = chart_amount(a.amount.canonical, a.amount.dimension, lang).value;
    mark.bound = a.amount.bound;
    mark.expected = a.expected;
    // In English the figure in the chart's unit (the dataset's English labels use their own, Mt/a).
    mark.label = en ? english_mark_label(mark, in.text.value_unit) : a.label;
    mark.quote = a.evidence.quote;
    mark.source = source_line(d, a.evidence, lang);
    if (a.evidence.source >= 0) {  // the official figure says who published it, in the plot
      const Source& src = d.sources[a.evidence.source];
      std::string when = src.date.to_string();
      mark.cited = src.publisher + (src.publisher.empty() ? "" : " ") +
                   when.substr(0, std::min<std::size_t>(7, when.size()));
    }
    mark.ref = static_cast<std::int64_t>(i);
    in.marks.push_back(std::move(mark));
    plotted.add(a.evidence);
  }
  in.text.footer = sources_footer(d, plotted, spec, options);
  return in;
}

// [SECTION] Project timeline

namespace {

struct KeyEvents {
  std::optional<Date> start, trial, operating;  // actual, placed on or before as-of
  std::optional<Date> expected_start, expected_trial, expected_operating;  // latest reported by as-of
  std::vector<const Milestone*> milestones;
};

// The latest reported date of an expectation, per milestone kind (a small array: this runs for
// every row of a 100k-project timeline).
using LatestReported =
    std::array<std::optional<Date>, static_cast<std::size_t>(MilestoneKind::Cancelled) + 1>;

// `inheriting`: a unit taking these project milestones (only those whose scope applies to it).
void collect(const Dataset& d, const std::vector<Milestone>& ms, DayNumber as_of, KeyEvents& k,
             LatestReported& latest_reported, const Unit* inheriting = nullptr) {
  for (const Milestone& m : ms) {
    if (inheriting && !scope_applies(m.scope, *inheriting)) continue;
    const auto reported = reported_date(d, m);
    // What happened by the as-of date, as known today (the status engine's clock); a plan as the
    // latest one said by then.
    if (m.expected ? reported && reported->placement_day() > as_of : m.date.placement_day() > as_of) continue;
    k.milestones.push_back(&m);
    const Status after = status_after(m.kind);
    auto earliest = [&](std::optional<Date>& slot) {
      if (!slot || m.date < *slot) slot = m.date;
    };
    auto latest_expectation = [&](std::optional<Date>& slot) {
      const Date r = reported ? *reported : m.date;
      std::optional<Date>& latest = latest_reported[static_cast<std::size_t>(m.kind)];
      if (!slot || !latest || *latest < r) {
        slot = m.date;
        latest = r;
      }
    };
    if (!m.expected) {
      if (after == Status::Construction && m.kind == MilestoneKind::ConstructionStart) earliest(k.start);
      if (after == Status::Trial) earliest(k.trial);
      if (after == Status::Operating) earliest(k.operating);
    } else {
      if (m.kind == MilestoneKind::ConstructionStart) latest_expectation(k.expected_start);
      if (after == Status::Trial) latest_expectation(k.expected_trial);
      if (after == Status::Operating) latest_expectation(k.expected_operating);
    }
  }
}

// Why a span has its status: the deciding fact (quote, source, the curator's reasoning), or the
// rule that gave it (docs/status.md).
std::vector<std::string> status_reasons(const Dataset& d, const ProjectStatus& s, Language lang) {
  const bool en = lang == Language::English;
  std::vector<std::string> lines;
  if (s.partly_operating)
    lines.push_back(en ? "Partly operating: the other lines " +
                             std::string(chart::status_label(s.others, lang))
                       : "部分投产：其余生产线" + std::string(chart::status_label(s.others, lang)));
  const DerivedStatus& why = s.decided_by;
  switch (rule_of(why)) {
    case StatusRule::KnownNoStatus:
      lines.push_back(inferred_status_words(why, en));
      return lines;
    case StatusRule::FromProject:
      lines.push_back(inferred_status_words(why, en));
      break;
    case StatusRule::Stated:
    case StatusRule::Curator:  // the deciding fact's note says how, below
      break;
  }
  const Evidence& e = why.milestone ? why.milestone->evidence : why.report->evidence;
  if (why.report) {
    lines.push_back(en ? "Status report as of " + Date::from_days(why.decided_on).to_string()
                       : "状态报道，截至 " + Date::from_days(why.decided_on).to_string());
  } else {
    lines.push_back(std::string(chart::milestone_label(why.milestone->kind, lang)) + " · " +
                    why.milestone->date.to_string());
  }
  for (std::string& line : evidence_tooltip(d, e, lang)) lines.push_back(std::move(line));
  return lines;
}

// Which line a status fact is about (-1: the project's own): whose statements bound when it began.
int unit_of_fact(const Project& p, const DerivedStatus& why) {
  for (std::size_t u = 0; u < p.units.size(); ++u) {
    for (const Milestone& m : p.units[u].milestones)
      if (&m == why.milestone) return static_cast<int>(u);
    for (const StatusReport& r : p.units[u].status_reports)
      if (&r == why.report) return static_cast<int>(u);
  }
  return -1;
}

// The milestone whose happening a report "in this state by then" bounds.
MilestoneKind kind_reaching(Status s) {
  switch (s) {
    case Status::Signed:
      return MilestoneKind::Signed;
    case Status::Construction:
      return MilestoneKind::ConstructionStart;
    case Status::Trial:
      return MilestoneKind::TrialProduction;
    case Status::Operating:
      return MilestoneKind::Commissioning;
    case Status::Shelved:
      return MilestoneKind::Shelved;
    case Status::Cancelled:
      return MilestoneKind::Cancelled;
    default:
      return MilestoneKind::Announced;
  }
}

// A span that a year- or month-only date starts, or a report that the line was in this state by
// its date (the status changing with it: the start not reported), did not begin on the day the
// engine places it: keep the date as written and the earliest day the other statements allow
// (plan-versus-actual's bounds: an earlier stage, a stated report of a lower status, a forecast).
void keep_start_precision(const Dataset& d, int project, const std::vector<StatusSpan>& spans, std::size_t i,
                          DayNumber as_of, chart::TimelineSegment& s, PlottedSources& plotted) {
  const StatusSpan& span = spans[i];
  const DerivedStatus& why = span.status.decided_by;
  if (why.decided_on != span.from) return;  // began by a rule (known, no status): no date to keep
  const Project& p = d.projects[static_cast<std::size_t>(project)];
  auto lower_bound = [&](MilestoneKind kind) -> std::optional<DayNumber> {
    const MilestoneSlip slip = milestone_slip(d, project, unit_of_fact(p, why), kind, as_of);
    if (!slip.happened || slip.happened->first == kNoLowerBound) return std::nullopt;
    for (const SlipStep& bound : slip.steps)  // the statement the bracket reaches back to
      if (bound.kind == SlipStepKind::NotYet) plotted.add(bound.evidence);
    return slip.happened->first;
  };
  if (why.milestone && !why.milestone->date.is_exact_day()) {
    const Date& date = why.milestone->date;
    s.start_date = date;
    s.not_before = std::max(date.first_day(), lower_bound(why.milestone->kind).value_or(date.first_day()));
    return;
  }
  if (!why.report) return;
  // Only a report of a status the row reaches with it: one confirming the status already held
  // (it began earlier) or going back to an earlier stage (sources that disagree) starts nothing.
  const bool reached = i == 0 || spans[i - 1].to != span.from ||
                       progress_rank(span.status.status) > progress_rank(spans[i - 1].status.status);
  const std::optional<Date> by = as_of_date(d, *why.report);
  if (!reached || !by) return;
  s.start_date = by;
  s.start_by = true;
  if (const auto first = lower_bound(kind_reaching(span.status.status)); first && *first < span.from)
    s.not_before = first;
}

std::vector<chart::TimelineSegment> segments_of(const Dataset& d, int project,
                                                const std::vector<StatusSpan>& spans, const KeyEvents& k,
                                                DayNumber as_of, Language lang, PlottedSources& plotted) {
  std::vector<chart::TimelineSegment> out;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const StatusSpan& span = spans[i];
    chart::TimelineSegment s;
    s.start = span.from;
    s.end = span.to;
    s.phase = span.status.status;
    s.inferred = is_inferred(rule_of(span.status.decided_by));
    s.others = span.status.others;
    s.tooltip = status_reasons(d, span.status, lang);
    plotted.add(span.status.decided_by);
    keep_start_precision(d, project, spans, i, as_of, s, plotted);
    // Stages come in order: it began after the fact that put the row in the stage before it (the
    // bounds above come from the subject's own stated facts only; a line's or an inferred stage
    // may be later). That fact's day: a report's, else the first day its event can have been.
    if (s.start_date)
      for (auto prev = out.rbegin(); prev != out.rend(); ++prev)
        if (progress_rank(prev->phase) < progress_rank(s.phase)) {
          const DayNumber began =
              prev->start_by ? prev->start_date->first_day() : prev->not_before.value_or(prev->start);
          if (!s.not_before || *s.not_before < began) s.not_before = std::min(began, chart::certain_from(s));
          break;
        }
    out.push_back(std::move(s));
  }
  // Plans beyond the status at the as-of date, dashed from their date on. A plan whose date has
  // passed without it happening is overdue, not under way: only its hollow ◆ marks it.
  const Status now = spans.empty() || spans.back().to ? Status::Unknown : spans.back().status.status;
  const int reached = progress_rank(now);
  auto day = [](const std::optional<Date>& date) { return date->placement_day(); };
  auto expected_phase = [&](const std::optional<Date>& date, Status status, const std::optional<Date>& next) {
    if (!date || progress_rank(status) <= reached || day(date) <= as_of) return;
    chart::TimelineSegment s;
    s.start = day(date);
    s.phase = status;
    s.expected = true;
    if (next && day(next) > s.start) s.end = day(next);
    out.push_back(s);
  };
  expected_phase(k.expected_start, Status::Construction,
                 k.expected_trial ? k.expected_trial : k.expected_operating);
  expected_phase(k.expected_trial, Status::Trial, k.expected_operating);
  if (k.expected_operating && progress_rank(Status::Operating) > reached &&
      day(k.expected_operating) > as_of) {
    chart::TimelineSegment s;
    s.start = day(k.expected_operating);
    s.end = s.start + 1;  // a plan for the start of production: drawn as its ◆ and a sliver
    s.phase = Status::Operating;
    s.expected = true;
    out.push_back(s);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
  return out;
}

// What group_label depends on: the district, park or first industry index (-1: none).
int group_key(const Dataset& d, const ProjectFacts& facts, TimelineGrouping g) {
  const Project& p = d.projects[facts.project];
  switch (g) {
    case TimelineGrouping::District:
      return facts.district;
    case TimelineGrouping::Park:
      return p.park && p.park->index >= 0 ? p.park->index : -1;
    case TimelineGrouping::Industry:
      return facts.industries.empty() ? -1 : facts.industries.front();
  }
  return -1;
}

std::string group_label(const Dataset& d, const ProjectFacts& facts, TimelineGrouping g, Language lang) {
  const Project& p = d.projects[facts.project];
  switch (g) {
    case TimelineGrouping::District: {
      const int district = facts.district;
      return district < 0 ? (lang == Language::English ? "district not stated" : "未注明区")
                          : name_in(d.districts[district], lang);
    }
    case TimelineGrouping::Park:
      return p.park && p.park->index >= 0 ? name_in(d.parks[p.park->index], lang)
                                          : (lang == Language::English ? "park not stated" : "未注明园区");
    case TimelineGrouping::Industry: {
      const std::vector<int>& industries = facts.industries;
      return industries.empty() ? (lang == Language::English ? "industry not stated" : "未注明产业")
                                : name_in(d.industries[industries.front()], lang);
    }
  }
  return {};
}

}  // namespace

chart::TimelineChartInput timeline_chart_input(const DatasetIndex& ix, const std::vector<int>& projects,
                                               const FilterSpec& spec, const ChartOptions& options) {
  const Dataset& d = ix.data();
  const Language lang = options.lang;
  const bool en = english(options);
  const DayNumber as_of = as_of_day(spec);
  chart::TimelineChartInput in;
  in.text.title = en ? "Project status timeline" : "项目进度时间线";
  in.text.subtitle = filter_in_words(d, spec, lang);
  in.text.empty_message = empty_words("项目进度数据", "project timelines", in.text.subtitle, lang);
  in.text.subtitle += " · " + timeline_counts(options.timeline_per_unit, lang);
  in.as_of = as_of;
  const DayNumber now = today().placement_day();
  if (now != as_of) in.today = now;
  PlottedSources plotted(d);

  std::map<std::string, std::int32_t> groups;
  // A row's group depends only on its district, park or industry: labelled once per one of those.
  std::unordered_map<int, std::int32_t> group_of_key;
  struct SortKey {
    std::int32_t group;
    DayNumber day;
    std::uint32_t row;
  };
  std::vector<SortKey> keys;
  const std::size_t expected_rows = options.timeline_per_unit ? projects.size() * 3 : projects.size();
  in.rows.reserve(expected_rows);
  keys.reserve(expected_rows);
  auto add_row = [&](int project, int unit, const KeyEvents& k, const std::vector<StatusSpan>& spans,
                     std::string label) {
    chart::TimelineRow row;
    row.label = std::move(label);
    const ProjectFacts& facts = ix.facts(project);
    const auto [cached, first_time] = group_of_key.emplace(group_key(d, facts, options.timeline_grouping), 0);
    if (first_time) {
      const std::string group = group_label(d, facts, options.timeline_grouping, lang);
      auto [it, inserted] = groups.emplace(group, static_cast<std::int32_t>(in.groups.size()));
      if (inserted) in.groups.push_back(group);
      cached->second = it->second;
    }
    row.group = cached->second;
    row.ref = unit_ref(project, unit);
    row.segments = segments_of(d, project, spans, k, as_of, lang, plotted);
    // Possibly stalled: the project's flag; on a line's row only while that line is not operating.
    const std::optional<Date> newest = latest_report_date(d, facts.cited_sources, as_of);
    const bool line_waits =
        unit < 0 || (!spans.empty() && !spans.back().to && spans.back().status.status != Status::Operating);
    if (line_waits && possibly_stalled(facts.status_at(as_of), newest, as_of)) {
      row.possibly_stalled = true;
      row.tooltip.push_back(possibly_stalled_rule_words(en));
      row.tooltip.push_back((en ? "Newest report " : "最近报道 ") + newest->to_string());
    }
    for (const Milestone* m : k.milestones) {
      plotted.add(m->evidence);
      chart::TimelineMilestone tm;
      tm.date = m->date;
      tm.kind = m->kind;
      tm.expected = m->expected;
      tm.quote = m->evidence.quote;
      tm.source = source_line(d, m->evidence, lang);
      if (m->expected)
        if (const auto reported = reported_date(d, *m))
          tm.tooltip.push_back((en ? "Reported " : "报道于 ") + reported->to_string());
      if (m->evidence.basis != Basis::Stated)
        for (const std::string& line : evidence_tooltip(d, m->evidence, lang))
          if (line.rfind("“", 0) != 0) tm.tooltip.push_back(line);
      row.milestones.push_back(std::move(tm));
    }
    std::sort(row.milestones.begin(), row.milestones.end(),
              [](const auto& a, const auto& b) { return a.date < b.date; });
    // Sort key: start (or commissioning), actual first, else expected; undated rows last.
    std::optional<Date> when = options.timeline_sort == TimelineSort::Start
                                   ? (k.start ? k.start : k.expected_start)
                                   : (k.operating ? k.operating : k.expected_operating);
    if (!when && !row.milestones.empty()) when = row.milestones.front().date;
    if (!when && !row.segments.empty()) when = Date::from_days(row.segments.front().start);
    keys.push_back(
        {row.group, when ? when->placement_day() : INT32_MAX, static_cast<std::uint32_t>(in.rows.size())});
    in.rows.push_back(std::move(row));
  };

  for (int index : projects) {
    const Project& p = d.projects[index];
    if (options.timeline_per_unit && !p.units.empty()) {
      for (std::size_t ui = 0; ui < p.units.size(); ++ui) {
        KeyEvents k;
        LatestReported latest;
        collect(d, p.units[ui].milestones, as_of, k, latest);
        // A line without dated events of its own follows its project's.
        if (k.milestones.empty()) collect(d, p.milestones, as_of, k, latest, &p.units[ui]);
        add_row(index, static_cast<int>(ui), k,
                unit_status_spans(ix.facts(index), static_cast<int>(ui), as_of),
                project_label(d, p, lang) + " · " + name_in(p.units[ui], lang));
      }
    } else {
      KeyEvents k;
      LatestReported latest;
      collect(d, p.milestones, as_of, k, latest);
      for (const Unit& u : p.units) collect(d, u.milestones, as_of, k, latest);
      add_row(index, -1, k, project_status_spans(ix.facts(index), as_of), project_label(d, p, lang));
    }
  }
  // Groups in order of their first label (stable, readable); rows by date within a group.
  std::vector<std::int32_t> group_rank(in.groups.size());
  {
    std::vector<std::int32_t> by_name(in.groups.size());
    for (std::size_t i = 0; i < by_name.size(); ++i) by_name[i] = static_cast<std::int32_t>(i);
    std::sort(by_name.begin(), by_name.end(), [&](auto a, auto b) { return in.groups[a] < in.groups[b]; });
    for (std::size_t r = 0; r < by_name.size(); ++r) group_rank[by_name[r]] = static_cast<std::int32_t>(r);
  }
  std::stable_sort(keys.begin(), keys.end(), [&](const SortKey& a, const SortKey& b) {
    if (group_rank[a.group] != group_rank[b.group]) return group_rank[a.group] < group_rank[b.group];
    return a.day < b.day;
  });
  in.order.reserve(keys.size());
  for (const SortKey& k : keys) in.order.push_back(k.row);
  in.text.footer = sources_footer(d, plotted, spec, options);
  if (!in.rows.empty())
    in.text.title = timeline_headline(headline_scope(d, spec, lang), in, options.timeline_per_unit);
  return in;
}

// [SECTION] Investment

chart::InvestmentChartInput investment_chart_input(const DatasetIndex& ix, const std::vector<int>& projects,
                                                   const FilterSpec& spec, const ChartOptions& options) {
  const Dataset& d = ix.data();
  const Language lang = options.lang;
  const bool en = english(options);
  const DayNumber as_of = as_of_day(spec);
  chart::InvestmentChartInput in;
  static constexpr const char* kGroupZh[] = {"项目", "企业", "园区", "区", "产业"};
  static constexpr const char* kGroupEn[] = {"project", "company", "park", "district", "industry"};
  const int g = static_cast<int>(options.investment_grouping);
  in.text.title =
      en ? std::string("Investment by ") + kGroupEn[g] : std::string("投资（按") + kGroupZh[g] + "）";
  in.text.subtitle = filter_in_words(d, spec, lang);
  in.text.empty_message = empty_words("投资数据", "investment figures", in.text.subtitle, lang);
  in.text.subtitle += " · " + investment_counts(lang);
  // Money in the chart's unit: 亿元, in English bn CNY (the unit of English text; "105 100M CNY" read badly).
  const auto money = [&](double yuan) { return chart_amount(yuan, Dimension::Money, lang).value; };
  const DisplayAmount money_unit = chart_amount(0, Dimension::Money, lang);
  in.text.value_unit = std::string(en ? money_unit.unit_en : money_unit.unit);
  PlottedSources plotted(d);
  int projects_with_total = 0;

  std::unordered_map<std::string, std::size_t> bar_index;  // key -> bar; bars stay in first-seen order
  bar_index.reserve(projects.size());
  for (int index : projects) {
    const Project& p = d.projects[index];
    const ProjectSummary s = summarize_project(ix, index, as_of);
    if (!s.total_investment && !s.completed_investment) continue;
    std::string key, label, colour;
    std::int64_t ref = -1;
    switch (options.investment_grouping) {
      case InvestmentGrouping::Project:
        key = p.id;
        label = project_label(d, p, lang);
        colour = p.company >= 0 ? d.companies[p.company].id : "";
        ref = unit_ref(index, -1);
        break;
      case InvestmentGrouping::Company: {
        const SeriesKey k = series_of(d, ix.facts(index), SeriesGrouping::Company, lang);
        key = k.key, label = k.label, colour = k.colour_key;
        break;
      }
      case InvestmentGrouping::Park: {
        const SeriesKey k = series_of(d, ix.facts(index), SeriesGrouping::Park, lang);
        key = k.key, label = k.label, colour = k.colour_key;
        break;
      }
      case InvestmentGrouping::District: {
        const SeriesKey k = series_of(d, ix.facts(index), SeriesGrouping::District, lang);
        key = k.key, label = k.label, colour = k.colour_key;
        break;
      }
      case InvestmentGrouping::Industry:
        key = label = group_label(d, ix.facts(index), TimelineGrouping::Industry, lang);
        break;
    }
    auto [it, inserted] = bar_index.emplace(key, in.bars.size());
    if (inserted) {
      chart::InvestmentBar bar;
      bar.label = label;
      bar.colour_key = colour;
      bar.ref = ref;
      in.bars.push_back(std::move(bar));
    }
    chart::InvestmentBar& bar = in.bars[it->second];
    if (s.total_investment) {
      ++projects_with_total;
      add_hedged(bar.total, bar.approximate, bar.total_bound, money(*s.total_investment), s.total_statement);
      if (s.total_statement) plotted.add(s.total_statement->evidence);
    }
    if (s.completed_investment) {
      add_hedged(bar.completed, bar.completed_approximate, bar.completed_bound,
                 money(*s.completed_investment), s.completed_statement);
      if (s.completed_statement) plotted.add(s.completed_statement->evidence);
    }
    if (options.investment_grouping == InvestmentGrouping::Project)
      for (const Investment& inv : p.investments) {  // every statement, as written, with its source
        const auto& scope = vocabulary_entry(investment_scopes(), inv.scope);
        bar.tooltip.push_back(
            std::string(en ? scope.en : scope.zh) + " " +
            (inv.amount.approximate ? (en ? "about " : "约") : "") +
            with_bound(inv.amount.bound, format_number(inv.amount.value), " " + inv.amount.unit, en) +
            (en ? ": “" : "：“") + inv.evidence.quote + "” — " + source_line(d, inv.evidence, lang));
      }
    if (options.investment_grouping != InvestmentGrouping::Project)
      bar.tooltip.push_back(project_label(d, p, lang));
  }
  std::stable_sort(
      in.bars.begin(), in.bars.end(), [](const chart::InvestmentBar& a, const chart::InvestmentBar& b) {
        return a.total.value_or(a.completed.value_or(0)) > b.total.value_or(b.completed.value_or(0));
      });
  // No colour twice: a bar whose company's colour a larger bar already shows is "其他" grey.
  std::vector<std::string> colour_keys;
  for (const chart::InvestmentBar& bar : in.bars)
    colour_keys.push_back(bar.colour_key.empty() ? std::string(chart::kOtherColourKey) : bar.colour_key);
  // The same slots as the painter's company_colours(): both are built from the whole dataset.
  const std::vector<bool> kept = company_colours(d).distinct_in_view(colour_keys);
  for (std::size_t i = 0; i < in.bars.size(); ++i)
    if (!kept[i]) in.bars[i].colour_key = chart::kOtherColourKey;
  in.text.footer = sources_footer(d, plotted, spec, options);
  if (!in.bars.empty())
    in.text.title = investment_headline(headline_scope(d, spec, lang), in, projects_with_total);
  return in;
}

// [SECTION] Status summary

chart::StatusChartInput status_chart_input(const DatasetIndex& ix, const std::vector<int>& projects,
                                           const FilterSpec& spec, const ChartOptions& options) {
  const Dataset& d = ix.data();
  const Language lang = options.lang;
  const bool en = english(options);
  const DayNumber as_of = as_of_day(spec);
  const int product = chart_product(d, spec, options);
  chart::StatusChartInput in;
  const bool by_capacity = options.status_metric == StatusMetric::Capacity;
  if (by_capacity) {
    const std::string pn = product_name(d, product, lang);
    in.text.title = en ? pn + " capacity by status, year end" : pn + "产能按状态（年末）";
    const DisplayAmount unit = chart_amount(0, Dimension::MassPerYear, lang);
    in.text.value_unit = std::string(en ? unit.unit_en : unit.unit);
    in.decimals = 2;
  } else {
    in.text.title = en ? "Projects by status, year end" : "项目数按状态（年末）";
    in.text.value_unit = en ? "projects" : "个";
    in.decimals = 0;
    in.value_style = chart::NumberStyle::Count;  // whole-number ticks
  }
  in.text.subtitle = filter_in_words(d, spec, lang, by_capacity ? product : -1);
  in.text.empty_message =
      by_capacity ? empty_words(product_name(d, product, lang) + "产能数据",
                                product_name(d, product, lang) + " capacity figures", in.text.subtitle, lang)
                  : empty_words("项目", "projects", in.text.subtitle, lang);
  in.text.subtitle += " · " + status_counts(by_capacity, lang);
  PlottedSources plotted(d);

  int as_of_year = 0, m = 0, dd = 0;
  civil_from_days(as_of, as_of_year, m, dd);
  int first_year = as_of_year;
  for (int index : projects) {
    const auto known = ix.facts(index).known_since;
    if (known) {
      int y = 0;
      civil_from_days(*known, y, m, dd);
      first_year = std::min(first_year, y);
    }
  }
  static constexpr Status kOrder[] = {Status::Announced, Status::Signed,  Status::Construction, Status::Trial,
                                      Status::Operating, Status::Shelved, Status::Cancelled};
  std::vector<std::vector<double>> values;
  std::vector<bool> used(std::size(kOrder), false);
  for (int year = first_year; year <= as_of_year; ++year) {
    const DayNumber day = std::min(as_of, days_from_civil(year, 12, 31));
    std::vector<double> row(std::size(kOrder), 0);
    for (int index : projects) {
      const Project& p = d.projects[index];
      if (by_capacity) {
        for (std::size_t ui = 0; ui < p.units.size(); ++ui) {
          const Unit& u = p.units[ui];
          if (u.product != product || u.capacity.empty()) continue;
          const DerivedStatus why = ix.facts(index).unit_status_at(static_cast<int>(ui), day);
          const auto pos = std::find(std::begin(kOrder), std::end(kOrder), why.status) - std::begin(kOrder);
          if (pos >= static_cast<long>(std::size(kOrder))) continue;
          row[pos] +=
              chart_amount(u.capacity.front().amount.canonical, u.capacity.front().amount.dimension, lang)
                  .value;
          plotted.add(u.capacity.front().evidence);
          plotted.add(why);
        }
      } else {
        const ProjectStatus status = ix.facts(index).status_at(day);
        const auto pos = std::find(std::begin(kOrder), std::end(kOrder), status.status) - std::begin(kOrder);
        if (pos >= static_cast<long>(std::size(kOrder))) continue;
        row[pos] += 1;
        plotted.add(status.decided_by);
      }
    }
    for (std::size_t i = 0; i < row.size(); ++i) used[i] = used[i] || row[i] > 0;
    in.years.push_back(year);
    values.push_back(std::move(row));
  }
  for (std::size_t i = 0; i < std::size(kOrder); ++i)
    if (used[i]) in.statuses.push_back(kOrder[i]);
  for (const auto& row : values) {
    std::vector<double> kept;
    for (std::size_t i = 0; i < std::size(kOrder); ++i)
      if (used[i]) kept.push_back(row[i]);
    in.values.push_back(std::move(kept));
  }
  if (in.statuses.empty()) {
    in.years.clear();
    in.values.clear();
  }
  in.text.footer = sources_footer(d, plotted, spec, options);
  if (!in.statuses.empty())
    in.text.title = status_headline(headline_scope(d, spec, lang), in,
                                    by_capacity ? product_name(d, product, lang) : std::string());
  return in;
}

// [SECTION] The Dataset-taking twins

// The Dataset-taking twins derive the facts of just the given projects on the spot.
chart::CapacityChartInput capacity_chart_input(const Dataset& data, const std::vector<int>& projects,
                                               const FilterSpec& spec, const ChartOptions& options) {
  return capacity_chart_input(DatasetIndex(data, projects), projects, spec, options);
}
chart::TimelineChartInput timeline_chart_input(const Dataset& data, const std::vector<int>& projects,
                                               const FilterSpec& spec, const ChartOptions& options) {
  return timeline_chart_input(DatasetIndex(data, projects), projects, spec, options);
}
chart::InvestmentChartInput investment_chart_input(const Dataset& data, const std::vector<int>& projects,
                                                   const FilterSpec& spec, const ChartOptions& options) {
  return investment_chart_input(DatasetIndex(data, projects), projects, spec, options);
}
chart::StatusChartInput status_chart_input(const Dataset& data, const std::vector<int>& projects,
                                           const FilterSpec& spec, const ChartOptions& options) {
  return status_chart_input(DatasetIndex(data, projects), projects, spec, options);
}

}  // namespace indtrack
