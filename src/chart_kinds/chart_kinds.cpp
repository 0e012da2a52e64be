// The chart kinds' list and one chart end to end (chart_kinds.h): every function visits the
// ChartData variant or walks INDTRACK_CHART_KINDS, so no function here names a kind.
#include "chart_kinds/chart_kinds.h"

#include <algorithm>

namespace indtrack {

namespace {

// The static facts of every kind, by ChartKind value.
struct KindFacts {
  std::string_view id, zh, en, tab_en;
  ChartTimeAxis time_axis;
  bool fits_rows;
  bool needs_facts;
  std::span<const ChartOptionSpec> (*options)();
};

// A kind whose English name is long for a tab says a shorter one in kTabEn (optional).
template <class Kind>
constexpr std::string_view tab_en_of() {
  if constexpr (requires { Kind::kTabEn; })
    return Kind::kTabEn;
  else
    return Kind::kNameEn;
}

#define INDTRACK_CHART_KIND_FACTS(name, type)                              \
  {type::kId,       type::kNameZh,   type::kNameEn,     tab_en_of<type>(), \
   type::kTimeAxis, type::kFitsRows, type::kNeedsFacts, &type::options},
constexpr KindFacts kKinds[] = {INDTRACK_CHART_KINDS(INDTRACK_CHART_KIND_FACTS)};
#undef INDTRACK_CHART_KIND_FACTS

const KindFacts& facts_of(ChartKind kind) {
  const auto i = static_cast<std::size_t>(kind);
  return kKinds[i < kChartKindCount ? i : 0];
}

// The ChartData alternative for `kind`, built by `make(type)` for that kind's type.
template <std::size_t I = 0, class Make>
ChartData make_kind(ChartKind kind, Make&& make) {
  if constexpr (I < kChartKindCount) {
    if (static_cast<std::size_t>(kind) == I) return make(std::in_place_index<I>);
    return make_kind<I + 1>(kind, std::forward<Make>(make));
  } else {
    return make(std::in_place_index<0>);
  }
}

}  // namespace

std::string_view chart_kind_id(ChartKind kind) { return facts_of(kind).id; }

std::optional<ChartKind> chart_kind_from_id(std::string_view id) {
  for (const ChartKind kind : kAllChartKinds)
    if (facts_of(kind).id == id) return kind;
  return std::nullopt;
}

std::string_view chart_kind_label(ChartKind kind, Language lang) {
  return lang == Language::English ? facts_of(kind).en : facts_of(kind).zh;
}

std::string_view chart_kind_tab_label(ChartKind kind, Language lang) {
  return lang == Language::English ? facts_of(kind).tab_en : facts_of(kind).zh;
}

std::string chart_kind_ids(std::string_view separator) {
  std::string out;
  for (const ChartKind kind : kAllChartKinds) {
    if (!out.empty()) out += separator;
    out += facts_of(kind).id;
  }
  return out;
}

ChartTimeAxis chart_time_axis(ChartKind kind) { return facts_of(kind).time_axis; }
bool chart_fits_rows(ChartKind kind) { return facts_of(kind).fits_rows; }
std::span<const ChartOptionSpec> chart_options(ChartKind kind) { return facts_of(kind).options(); }

std::vector<const ChartOptionSpec*> chart_command_line_options() {
  std::vector<const ChartOptionSpec*> out;
  for (const ChartKind kind : kAllChartKinds)
    for (const ChartOptionSpec& o : chart_options(kind)) {
      if (o.flag.empty()) continue;
      const bool seen =
          std::any_of(out.begin(), out.end(), [&](const ChartOptionSpec* s) { return s->flag == o.flag; });
      if (!seen) out.push_back(&o);
    }
  return out;
}

std::string all_chart_kind_text() {
  std::string out;
  for (const ChartKind kind : kAllChartKinds) {
    (out += facts_of(kind).zh) += facts_of(kind).en;
    for (const ChartOptionSpec& o : chart_options(kind)) {
      (out += o.zh) += o.en;
      for (const ChartOptionChoice& c : o.choices) (out += c.zh) += c.en;
    }
  }
  return out;
}

ChartKind chart_kind(const ChartData& data) { return static_cast<ChartKind>(data.index()); }

ChartData build_chart_data(ChartKind kind, const Dataset& data, const std::vector<int>& projects,
                           const FilterSpec& spec, const ChartOptions& options) {
  // The facts of just these projects (a kind that needs none gets an empty index).
  const DatasetIndex index =
      facts_of(kind).needs_facts ? DatasetIndex(data, projects) : DatasetIndex(data, {});
  return build_chart_data(kind, index, projects, spec, options);
}

ChartData build_chart_data(ChartKind kind, const DatasetIndex& index, const std::vector<int>& projects,
                           const FilterSpec& spec, const ChartOptions& options) {
  const ChartBuildArgs args{index, projects, spec, options};
  return make_kind(kind, [&]<std::size_t I>(std::in_place_index_t<I> at) {
    return ChartData(at, std::variant_alternative_t<I, ChartData>::build(args));
  });
}

chart::FrameText& chart_text(ChartData& data) {
  return std::visit([](auto& k) -> chart::FrameText& { return k.text(); }, data);
}

const chart::FrameText& chart_text(const ChartData& data) { return chart_text(const_cast<ChartData&>(data)); }

bool chart_empty(const ChartData& data) {
  return std::visit([](const auto& k) { return k.empty(); }, data);
}

void hide_chart_items(ChartData& data, const ChartToggles& toggles) {
  std::visit([&](auto& k) { k.hide(toggles); }, data);
}

bool toggle_chart_legend(const ChartData& data, const chart::HitId& hit, ChartOptions& options,
                         ChartToggles& toggles) {
  return std::visit([&](const auto& k) { return k.toggle_legend(hit, options, toggles); }, data);
}

void prepare_chart_for_export(ChartData& data) {
  std::visit([](auto& k) { k.prepare_export(); }, data);
}

void prepare_chart_layout(ChartData& data, const chart::ChartStyle& style,
                          const chart::TextMeasure& measure) {
  std::visit([&](auto& k) { k.prepare_layout(style, measure); }, data);
}

std::optional<chart::TimeRange> chart_time_extent(const ChartData& data) {
  return std::visit([](const auto& k) { return k.time_extent(); }, data);
}

float chart_full_height(const ChartData& data, const chart::ChartStyle& style, float width,
                        const chart::TextMeasure& measure) {
  return std::visit([&](const auto& k) { return k.full_height(style, width, measure); }, data);
}

chart::Scene layout_chart(const ChartData& data, const ChartLayoutArgs& args) {
  return std::visit([&](const auto& k) { return k.layout(args); }, data);
}

std::string chart_csv(const ChartData& data, Language lang) {
  return std::visit([&](const auto& k) { return k.csv(lang); }, data);
}

std::vector<std::string> chart_tooltip(const ChartData& data, const chart::HitId& hit, double cursor_day,
                                       Language lang) {
  return std::visit([&](const auto& k) { return k.tooltip(hit, cursor_day, lang); }, data);
}

std::int64_t chart_ref(const ChartData& data, const chart::HitId& hit) {
  return std::visit([&](const auto& k) { return k.ref(hit); }, data);
}

}  // namespace indtrack
