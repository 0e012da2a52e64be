// The charts of a dataset, registered in one list. One chart of the current filter, end to end,
// shared by the dashboard's chart panel and the export and report verbs: which chart (ChartKind),
// its data from the dataset and filter (ChartData: a std::variant of the kinds, so the compiler
// finds every place that must handle a kind), the scene for a canvas size and view, the CSV of
// exactly the plotted numbers, tooltips, and the options every kind offers. Building the data is
// the expensive step (on a filter or option change); laying out a scene is cheap (per size or
// view change).
//
// Adding a kind: a new chart_kinds/<name>_kind.{h,cpp} (a struct meeting ChartKindType in
// chart_kind.h) and one line in INDTRACK_CHART_KINDS below (plus its #include; and, if it has
// options no kind has yet, their fields in ChartOptions). Nothing else: the dashboard's tabs and
// option bar, the export dialog, `indtrack export --chart`, `--help` and the report pack all
// follow this list (docs/architecture.md, "Adding a chart kind").
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "chart_kinds/chart_kind.h"
#include "core/date.h"
// One include per kind:
#include "chart_kinds/capacity_kind.h"
#include "chart_kinds/investment_kind.h"
#include "chart_kinds/slippage_kind.h"
#include "chart_kinds/status_kind.h"
#include "chart_kinds/timeline_kind.h"

namespace indtrack {

// ---- options (every kind's, in one struct: the dashboard keeps one per tab, the command line
// one for all the charts of a report) ----
enum class SeriesGrouping { Company, Park, District };
enum class TimelineGrouping { District, Park, Industry };
enum class TimelineSort { Start, Commissioning };
enum class InvestmentGrouping { Project, Company, Park, District, Industry };
enum class StatusMetric { ProjectCount, Capacity };

struct ChartOptions {
  Language lang = Language::Chinese;
  int product = -1;  // capacity and status-by-capacity: -1 = the filter's first, else BDO if present
  SeriesGrouping grouping = SeriesGrouping::Company;
  bool show_trial = true;  // capacity: the trial-production layer above the operating bands
  bool include_expected = true;
  TimelineGrouping timeline_grouping = TimelineGrouping::District;
  TimelineSort timeline_sort = TimelineSort::Start;
  bool timeline_per_unit = false;    // one row per production line instead of per project
  bool timeline_dated_only = false;  // leave out rows with no dated status and no milestone
  InvestmentGrouping investment_grouping = InvestmentGrouping::Project;
  StatusMetric status_metric = StatusMetric::ProjectCount;
  std::optional<Date> generated_on;  // footer "generated on"; default today

  bool operator==(const ChartOptions&) const = default;
};

// X(enumerator, kind type), in tab order.
#define INDTRACK_CHART_KINDS(X)  \
  X(Capacity, CapacityChart)     \
  X(Timeline, TimelineChart)     \
  X(Investment, InvestmentChart) \
  X(Status, StatusChart)         \
  X(Slippage, SlippageChart)

#define INDTRACK_CHART_KIND_ENUM(name, type) name,
enum class ChartKind : std::uint8_t { INDTRACK_CHART_KINDS(INDTRACK_CHART_KIND_ENUM) };
#undef INDTRACK_CHART_KIND_ENUM

// The data of one chart: the alternative at index k is the kind whose ChartKind value is k (a
// default-constructed ChartData is an empty capacity chart).
template <class Ignored, class... Kinds>
struct ChartVariantOf {
  using type = std::variant<Kinds...>;
};
#define INDTRACK_CHART_KIND_TYPE(name, type) , type
using ChartData = ChartVariantOf<void INDTRACK_CHART_KINDS(INDTRACK_CHART_KIND_TYPE)>::type;
#undef INDTRACK_CHART_KIND_TYPE

// Each kind meets the contract, at the index of its enumerator.
#define INDTRACK_CHART_KIND_CHECK(name, type)                                                          \
  static_assert(ChartKindType<type>, #type " does not provide what a chart kind must (chart_kind.h)"); \
  static_assert(                                                                                       \
      std::is_same_v<std::variant_alternative_t<static_cast<std::size_t>(ChartKind::name), ChartData>, \
                     type>);
INDTRACK_CHART_KINDS(INDTRACK_CHART_KIND_CHECK)
#undef INDTRACK_CHART_KIND_CHECK

inline constexpr std::size_t kChartKindCount = std::variant_size_v<ChartData>;
#define INDTRACK_CHART_KIND_VALUE(name, type) ChartKind::name,
inline constexpr std::array<ChartKind, kChartKindCount> kAllChartKinds = {
    INDTRACK_CHART_KINDS(INDTRACK_CHART_KIND_VALUE)};
#undef INDTRACK_CHART_KIND_VALUE

// ---- the kinds' facts ----
std::string_view chart_kind_id(ChartKind kind);  // "capacity", "timeline", ... (command line, file names)
std::optional<ChartKind> chart_kind_from_id(std::string_view id);
std::string_view chart_kind_label(ChartKind kind, Language lang);  // 产能增长 / Capacity growth
// The dashboard's tab: the label, or the kind's shorter kTabEn in English (产能增长 / Capacity), so
// that every tab is whole at 1024 px.
std::string_view chart_kind_tab_label(ChartKind kind, Language lang);
std::string chart_kind_ids(std::string_view separator);  // "capacity|timeline|..."
ChartTimeAxis chart_time_axis(ChartKind kind);
bool chart_fits_rows(ChartKind kind);  // its height follows its rows (timeline, investment, slippage)
std::span<const ChartOptionSpec> chart_options(ChartKind kind);
// Every kind's command-line options, each flag once, in list order.
std::vector<const ChartOptionSpec*> chart_command_line_options();
// Every kind's names and option labels in both languages, concatenated (the screen's glyph set
// starts with them, so a tab or combo never waits for the font atlas).
std::string all_chart_kind_text();

// ---- one chart's data ----
ChartKind chart_kind(const ChartData& data);  // of an empty ChartData: Capacity
ChartData build_chart_data(ChartKind kind, const Dataset& data, const std::vector<int>& projects,
                           const FilterSpec& spec, const ChartOptions& options);
// The same from an index built once per dataset version (the dashboard's, on a filter change).
ChartData build_chart_data(ChartKind kind, const DatasetIndex& index, const std::vector<int>& projects,
                           const FilterSpec& spec, const ChartOptions& options);

chart::FrameText& chart_text(ChartData& data);
const chart::FrameText& chart_text(const ChartData& data);
bool chart_empty(const ChartData& data);  // nothing to plot: the chart shows its "no data" message

// Legend toggles (hidden capacity series, statuses left out of the status summary), applied to
// freshly built data; a click on a legend entry toggles one (true: rebuild the data).
void hide_chart_items(ChartData& data, const ChartToggles& toggles);
bool toggle_chart_legend(const ChartData& data, const chart::HitId& hit, ChartOptions& options,
                         ChartToggles& toggles);
// What a file shows beyond the screen: whole timeline rows (the screen scrolls them).
void prepare_chart_for_export(ChartData& data);

// ---- its scene ----
// Layout state derived from the data and the style (the timeline's row index): call after
// building and whenever the style or measure changes, before the functions below.
void prepare_chart_layout(ChartData& data, const chart::ChartStyle& style, const chart::TextMeasure& measure);
// The time range showing all of a time chart's data; nullopt for the others.
std::optional<chart::TimeRange> chart_time_extent(const ChartData& data);
// The canvas height at which every row or bar fits (chart_fits_rows); 0 for the others.
float chart_full_height(const ChartData& data, const chart::ChartStyle& style, float width,
                        const chart::TextMeasure& measure);
chart::Scene layout_chart(const ChartData& data, const ChartLayoutArgs& args);

// ---- reading it ----
std::string chart_csv(const ChartData& data, Language lang);  // without a byte-order mark
std::vector<std::string> chart_tooltip(const ChartData& data, const chart::HitId& hit, double cursor_day,
                                       Language lang);
std::int64_t chart_ref(const ChartData& data, const chart::HitId& hit);  // unit_ref of the project, or -1

}  // namespace indtrack
