// What every chart kind provides — the contract the kinds in chart_kinds.h are checked against
// by the compiler (ChartKindType below) — and the declarative pieces they share: options, legend
// toggles, the arguments of building and laying out.
//
// A kind is a struct holding its data (the chart input built from the dataset and the filter, plus
// what is derived from the input alone) with static facts and functions:
//   identity   kId ("capacity": --chart and file names), kNameZh / kNameEn (tabs, titles);
//              optionally kTabEn, a shorter English tab ("Capacity" for "Capacity growth")
//   traits     kTimeAxis (none, shared by the time charts, or its own), kFitsRows (its height
//              follows its rows: fit_height exports), kNeedsFacts (build reads the DatasetIndex
//              facts of the projects)
//   options()  the options it offers, declared once for the dashboard and the command line
//   build()    the data from the dataset and filter: the expensive step, on a filter change
//   text(), empty(), time_extent(), prepare_layout(), full_height(), layout(): the scene, cheap
//   csv(), tooltip(), ref(), toggle_legend(), hide(), prepare_export()
#pragma once

#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chart/chart_inputs.h"
#include "chart/chart_style.h"
#include "chart/scene.h"
#include "chart/text_layout.h"
#include "chart/view.h"
#include "core/language.h"
#include "query/dataset_index.h"
#include "query/filter.h"

namespace indtrack {

struct ChartOptions;  // chart_kinds.h: the options of every kind, in one struct

enum class ChartTimeAxis : std::uint8_t {
  None,    // no time axis (investment, status)
  Shared,  // one zoomed range shared by all kinds with Shared (capacity, timeline)
  Own,     // a time axis of its own (slippage)
};

// One option of a kind: a dashboard combo or checkbox and a command-line flag, from one entry.
struct ChartOptionChoice {
  int value = 0;
  std::string_view cli;     // "company" (after the option's flag)
  std::string_view zh, en;  // 按公司 / By company
};
struct ChartOptionSpec {
  enum class Type : std::uint8_t {
    Choice,   // a combo; on the command line `--flag VALUE`
    Flag,     // a checkbox; on the command line `--flag` sets `flag_value`
    Product,  // the product combo (dashboard only: the command line takes the filter's --product)
  };
  Type type = Type::Choice;
  std::string_view flag;    // "--group"; empty: dashboard only
  std::string_view zh, en;  // the combo's or checkbox's label: 分组 / Group by
  std::string_view help;    // the --help line after the flag: "capacity: one band per company ..."
  std::vector<ChartOptionChoice> choices;  // Choice
  int flag_value = 1;                      // Flag: the value `--flag` sets (0 for a --no-... flag)
  int (*get)(const ChartOptions&) = nullptr;
  void (*set)(ChartOptions&, int) = nullptr;
  bool (*shown)(const ChartOptions&) = nullptr;  // null: always shown
  bool resets_view = false;                      // changing it clears legend toggles and scrolling
};

// The three sorts of option, as a kind declares them in its options().
using ChartOptionGet = int (*)(const ChartOptions&);
using ChartOptionSet = void (*)(ChartOptions&, int);
inline ChartOptionSpec choice_option(std::string_view flag, std::string_view zh, std::string_view en,
                                     std::string_view help, std::vector<ChartOptionChoice> choices,
                                     ChartOptionGet get, ChartOptionSet set, bool resets_view = false) {
  ChartOptionSpec o;
  o.type = ChartOptionSpec::Type::Choice;
  o.flag = flag;
  o.zh = zh;
  o.en = en;
  o.help = help;
  o.choices = std::move(choices);
  o.get = get;
  o.set = set;
  o.resets_view = resets_view;
  return o;
}
// `flag_value`: what `flag` sets (1 for --per-line; 0 for --no-expected, a checkbox shown ticked by default).
inline ChartOptionSpec flag_option(std::string_view flag, int flag_value, std::string_view zh,
                                   std::string_view en, std::string_view help, ChartOptionGet get,
                                   ChartOptionSet set) {
  ChartOptionSpec o;
  o.type = ChartOptionSpec::Type::Flag;
  o.flag = flag;
  o.flag_value = flag_value;
  o.zh = zh;
  o.en = en;
  o.help = help;
  o.get = get;
  o.set = set;
  return o;
}
inline ChartOptionSpec product_option(ChartOptionGet get, ChartOptionSet set,
                                      bool (*shown)(const ChartOptions&) = nullptr) {
  ChartOptionSpec o;
  o.type = ChartOptionSpec::Type::Product;
  o.zh = "产品";
  o.en = "Product";
  o.get = get;
  o.set = set;
  o.shown = shown;
  return o;
}

// The dashboard's legend toggles of a chart (and an export of what it shows).
struct ChartToggles {
  std::vector<std::string> hidden_series;  // capacity: series keys
  std::vector<Status> hidden_statuses;     // status summary
};

// What a kind builds its data from. `projects` are in dataset order; the index holds the facts of
// at least those projects (of none when the kind does not need them).
struct ChartBuildArgs {
  const DatasetIndex& index;
  const std::vector<int>& projects;
  const FilterSpec& spec;
  const ChartOptions& options;
};

// A canvas to lay a scene out on. `view.time` is used by the time charts (fit to the data when its
// span is zero), `view.scroll_y` by the timeline.
struct ChartLayoutArgs {
  chart::ChartView view;
  const chart::ChartStyle& style;
  float width = 0, height = 0;
  const chart::TextMeasure& measure;
};

template <class K>
concept ChartKindType = requires(K& k, const K& ck, const ChartBuildArgs& build,
                                 const ChartLayoutArgs& layout, const chart::ChartStyle& style,
                                 const chart::TextMeasure& measure, const chart::HitId& hit, Language lang,
                                 ChartOptions& options, ChartToggles& toggles) {
  { K::kId } -> std::convertible_to<std::string_view>;
  { K::kNameZh } -> std::convertible_to<std::string_view>;
  { K::kNameEn } -> std::convertible_to<std::string_view>;
  { K::kTimeAxis } -> std::convertible_to<ChartTimeAxis>;
  { K::kFitsRows } -> std::convertible_to<bool>;
  { K::kNeedsFacts } -> std::convertible_to<bool>;
  { K::options() } -> std::convertible_to<std::span<const ChartOptionSpec>>;
  { K::build(build) } -> std::same_as<K>;
  { k.text() } -> std::same_as<chart::FrameText&>;
  { ck.empty() } -> std::same_as<bool>;  // nothing to plot: the chart shows its "no data" message
  // The time range showing all the data (time charts; nullopt for the others).
  { ck.time_extent() } -> std::same_as<std::optional<chart::TimeRange>>;
  // Layout state derived from the data and the style (the timeline's row index); call after
  // build() or a style change, before time_extent(), full_height() and layout().
  {k.prepare_layout(style, measure)};
  // The canvas height at which every row fits (kFitsRows kinds; 0 for the others).
  { ck.full_height(style, layout.width, measure) } -> std::same_as<float>;
  { ck.layout(layout) } -> std::same_as<chart::Scene>;
  { ck.csv(lang) } -> std::same_as<std::string>;  // exactly the plotted numbers, no byte-order mark
  // The tooltip of a hit; `cursor_day` is the day under the mouse (time charts).
  { ck.tooltip(hit, double{}, lang) } -> std::same_as<std::vector<std::string>>;
  { ck.ref(hit) } -> std::same_as<std::int64_t>;  // the project (unit_ref) a hit stands for, or -1
  // A click on a legend entry: toggles what it stands for; true when the data must be rebuilt.
  { ck.toggle_legend(hit, options, toggles) } -> std::same_as<bool>;
  {k.hide(std::as_const(toggles))};  // applies legend toggles to freshly built data
  {k.prepare_export()};              // what a file shows beyond the screen (whole timeline rows)
};

}  // namespace indtrack
