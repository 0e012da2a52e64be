// The chart panel (chart_panel.h): tabs, options, the cached chart pipeline and the canvas with
// its mouse gestures.
#include "ui/chart/chart_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "chart/investment_chart.h"
#include "chart/slippage_chart.h"
#include "chart/status_chart.h"
#include "ui/chart/chart_painter.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"

namespace indtrack::ui {

namespace {

using chart::HitKind;

constexpr float kClickSlopPx = 4;  // a press that moves less than this is a click, not a drag

chart::Lang ui_lang() { return current_language() == Language::English ? chart::Lang::En : chart::Lang::Zh; }

chart::Rgba to_rgba(const ImVec4& c) {
  auto byte = [](float v) { return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255)); };
  return {byte(c.x), byte(c.y), byte(c.z), byte(c.w)};
}

bool same_options(const ChartOptions& a, const ChartOptions& b) {
  return a.lang == b.lang && a.product == b.product && a.grouping == b.grouping &&
         a.count_trial == b.count_trial && a.include_expected == b.include_expected &&
         a.timeline_grouping == b.timeline_grouping && a.timeline_sort == b.timeline_sort &&
         a.timeline_per_unit == b.timeline_per_unit && a.investment_grouping == b.investment_grouping &&
         a.status_metric == b.status_metric;
}

template <class T>
void toggle(std::vector<T>& list, const T& value) {
  const auto it = std::find(list.begin(), list.end(), value);
  if (it == list.end())
    list.push_back(value);
  else
    list.erase(it);
}

// A combo over labelled values; true when the value changed.
template <class E, std::size_t N>
bool option_combo(const char* id, const char* label, E& value, const std::pair<E, Str> (&items)[N],
                  float width) {
  text(label);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(width);
  const char* current = "";
  for (const auto& [v, s] : items)
    if (v == value) current = tr(s);
  bool changed = false;
  if (ImGui::BeginCombo(id, current)) {
    for (const auto& [v, s] : items) {
      if (ImGui::Selectable(tr(s), v == value) && v != value) {
        value = v;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

// The products some production line has a capacity for, in dataset order.
std::vector<int> products_with_capacity(const Dataset& data) {
  std::vector<bool> has(data.products.size());
  for (const Project& p : data.projects)
    for (const Unit& u : p.units)
      if (u.product >= 0 && !u.capacity.empty()) has[static_cast<std::size_t>(u.product)] = true;
  std::vector<int> out;
  for (std::size_t i = 0; i < has.size(); ++i)
    if (has[i]) out.push_back(static_cast<int>(i));
  return out;
}

bool product_combo(PanelContext& c, int& product, float width) {
  const Dataset& data = *c.app.dataset;
  const chart::Lang lang = ui_lang();
  ChartOptions chosen;
  chosen.product = product;
  const int shown = chart_product(data, c.app.filter(), chosen);  // what the chart shows
  const std::string current = product_name(data, shown, lang);
  text(tr(Str::ChartProduct));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(width);
  bool changed = false;
  if (ImGui::BeginCombo("##product", current.c_str())) {
    for (const int p : products_with_capacity(data)) {
      const std::string name = product_name(data, p, lang);
      c.fonts.request_text(name);
      if (ImGui::Selectable(name.c_str(), p == shown) && p != shown) {
        product = p;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

std::int64_t ref_of(const ChartData& d, const chart::HitId& hit) {
  const auto at = [](const auto& list, std::int32_t i) -> const auto* {
    return i >= 0 && static_cast<std::size_t>(i) < list.size() ? &list[static_cast<std::size_t>(i)] : nullptr;
  };
  switch (hit.kind) {
    case HitKind::CapacityBand:
    case HitKind::CapacityStep:
      if (const auto* s = at(d.capacity.series, hit.index))
        if (const auto* step = at(s->steps, hit.part)) return step->ref;
      return -1;
    case HitKind::TimelineRow:
    case HitKind::TimelineSegment:
    case HitKind::TimelineMilestone:
    case HitKind::TimelineFold:
      if (const auto* r = at(d.timeline.rows, hit.index)) return r->ref;
      return -1;
    case HitKind::InvestmentBar:
      if (const auto* b = at(d.investment.bars, hit.index)) return b->ref;
      return -1;
    case HitKind::SlippageRow:
    case HitKind::SlippageExpected:
    case HitKind::SlippageActual:
      if (const auto* r = at(d.slippage.rows, hit.index)) return r->ref;
      return -1;
    default:
      return -1;
  }
}

}  // namespace

const chart::Scene* ChartPanel::last_scene(ChartKind kind) const {
  const Chart& ch = charts_[static_cast<std::size_t>(kind)];
  return ch.scene_key ? &ch.scene : nullptr;
}

const chart::TextMeasure& ChartPanel::measure(FontManager& fonts, float raster_scale) {
  if (!measure_ || measure_scale_ != raster_scale) {
    measure_scale_ = raster_scale;
    std::string error;
    const std::vector<chart::FontFace> faces = fonts.measure_faces();
    measure_ = faces.empty() ? nullptr : chart::FontTextMeasure::open(faces, raster_scale, error);
  }
  if (measure_) return *measure_;
  return approx_;
}

chart::TimeRange& ChartPanel::time_of(ChartKind kind) {
  return kind == ChartKind::Capacity || kind == ChartKind::Timeline ? shared_time_ : chart(kind).time;
}

void ChartPanel::fit(ChartKind kind) {
  Chart& ch = chart(kind);
  ch.scroll_y = 0;
  // The fitted range is this chart's extent; the other time chart follows it.
  const std::optional<chart::TimeRange> extent =
      chart_time_extent(ch.data, kind == ChartKind::Timeline ? &ch.index : nullptr);
  time_of(kind) = extent ? *extent : chart::TimeRange{};
}

void ChartPanel::ensure_data(PanelContext& c, ChartKind kind) {
  Chart& ch = chart(kind);
  AppState& app = c.app;
  app.refresh();  // `visible` and the index of the current dataset version
  ch.options.lang = ui_lang();
  ChartOptions options = ch.options;
  if (ch.built && ch.built_revision == app.revision() && same_options(options, ch.built_options)) return;
  std::vector<int> projects = app.visible();
  std::sort(projects.begin(), projects.end());  // the adapters take dataset order
  ch.data = app.index() ? build_chart_data(kind, *app.index(), projects, app.filter(), options)
                        : build_chart_data(kind, *app.dataset, projects, app.filter(), options);
  hide_chart_items(ch.data, ch.hidden_series, ch.hidden_statuses);
  // The panel's tab, the filter bar and the KPI strip already say what the title, subtitle and
  // footer say: the canvas keeps its height for the data (the footer is the "Sources" tooltip).
  chart::FrameText& t = ch.data.text();
  ch.footer = t.footer;
  t.title.clear();
  t.subtitle.clear();
  t.footer.clear();
  ch.built = true;
  ch.built_revision = app.revision();
  ch.built_options = options;
  ++ch.data_version;
  ++rebuilds_.data;
}

void ChartPanel::draw(PanelContext& c) {
  AppState& app = c.app;
  if (!app.dataset) return;
  ImGui::Spacing();
  // The tools of the shown chart sit at the right end of the tab bar's line.
  const ImVec2 tabs_at = ImGui::GetCursorPos();
  draw_tools(c, requested_tab_.value_or(active_));
  ImGui::SetCursorPos(tabs_at);
  if (ImGui::BeginTabBar("##chart-tabs")) {
    for (const ChartKind kind : kAllChartKinds) {
      const std::string label =
          std::string(chart_kind_label(kind, ui_lang())) + "###" + std::string(chart_kind_id(kind));
      c.fonts.request_text(label);
      ImGuiTabItemFlags flags = 0;
      if (requested_tab_ && *requested_tab_ == kind) flags |= ImGuiTabItemFlags_SetSelected;
      if (ImGui::BeginTabItem(label.c_str(), nullptr, flags)) {
        active_ = kind;
        draw_options(c, kind);
        ensure_data(c, kind);
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        draw_canvas(c, kind, ImVec2(std::max(avail.x, 1.0f), std::max(avail.y, 1.0f)));
        ImGui::EndTabItem();
      }
    }
    requested_tab_.reset();
    ImGui::EndTabBar();
  }
  dialogs_.draw(c);
}

void ChartPanel::draw_options(PanelContext& c, ChartKind kind) {
  Chart& ch = chart(kind);
  ChartOptions& o = ch.options;
  const float combo = 120 * c.scale;
  ImGui::PushID(static_cast<int>(kind));
  switch (kind) {
    case ChartKind::Capacity: {
      product_combo(c, o.product, combo);
      ImGui::SameLine();
      const std::pair<SeriesGrouping, Str> groups[] = {{SeriesGrouping::Company, Str::ChartByCompany},
                                                       {SeriesGrouping::Park, Str::ChartByPark},
                                                       {SeriesGrouping::District, Str::ChartByDistrict}};
      if (option_combo("##group", tr(Str::ChartGroupBy), o.grouping, groups, combo)) ch.hidden_series.clear();
      ImGui::SameLine();
      ImGui::Checkbox(tr(Str::ChartCountTrial), &o.count_trial);
      ImGui::SameLine();
      ImGui::Checkbox(tr(Str::ChartShowExpected), &o.include_expected);
      break;
    }
    case ChartKind::Timeline: {
      const std::pair<TimelineGrouping, Str> groups[] = {{TimelineGrouping::District, Str::ChartByDistrict},
                                                         {TimelineGrouping::Park, Str::ChartByPark},
                                                         {TimelineGrouping::Industry, Str::ChartByIndustry}};
      if (option_combo("##group", tr(Str::ChartGroupBy), o.timeline_grouping, groups, combo)) ch.scroll_y = 0;
      ImGui::SameLine();
      const std::pair<TimelineSort, Str> sorts[] = {
          {TimelineSort::Start, Str::ChartSortStart},
          {TimelineSort::Commissioning, Str::ChartSortCommissioning}};
      option_combo("##sort", tr(Str::ChartSort), o.timeline_sort, sorts, combo);
      ImGui::SameLine();
      ImGui::Checkbox(tr(Str::ChartPerLine), &o.timeline_per_unit);
      break;
    }
    case ChartKind::Investment: {
      const std::pair<InvestmentGrouping, Str> groups[] = {
          {InvestmentGrouping::Project, Str::ChartByProject},
          {InvestmentGrouping::Company, Str::ChartByCompany},
          {InvestmentGrouping::Park, Str::ChartByPark},
          {InvestmentGrouping::District, Str::ChartByDistrict},
          {InvestmentGrouping::Industry, Str::ChartByIndustry}};
      option_combo("##group", tr(Str::ChartGroupBy), o.investment_grouping, groups, combo);
      break;
    }
    case ChartKind::Status: {
      const std::pair<StatusMetric, Str> metrics[] = {{StatusMetric::ProjectCount, Str::ChartMetricCount},
                                                      {StatusMetric::Capacity, Str::ChartMetricCapacity}};
      option_combo("##metric", tr(Str::ChartMetric), o.status_metric, metrics, combo);
      if (o.status_metric == StatusMetric::Capacity) {
        ImGui::SameLine();
        product_combo(c, o.product, combo);
      }
      break;
    }
    case ChartKind::Slippage:
      break;
  }

  ImGui::PopID();
}

void ChartPanel::draw_tools(PanelContext& c, ChartKind kind) {
  Chart& ch = chart(kind);
  const char* help = tr(Str::ChartHelp);
  const char* sources = tr(Str::ChartSources);
  const char* fit_label = tr(Str::ChartFit);
  const char* export_label = tr(Str::ChartExport);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::CalcTextSize(fit_label).x + ImGui::CalcTextSize(export_label).x +
                      ImGui::CalcTextSize(help).x + ImGui::CalcTextSize(sources).x +
                      style.FramePadding.x * 4 + style.ItemSpacing.x * 3;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - width));
  text_colored(palette().text_dim, help);
  tooltip(tr(Str::ChartHelpText));
  ImGui::SameLine();
  text_colored(palette().text_dim, sources);
  if (!ch.footer.empty()) tooltip(ch.footer);
  ImGui::SameLine();
  if (ImGui::SmallButton(fit_label)) fit(kind);
  ImGui::SameLine();
  if (ImGui::SmallButton(export_label)) {
    ChartExportSpec spec;
    spec.kind = kind;
    spec.options = ch.options;
    spec.hidden_series = ch.hidden_series;
    spec.hidden_statuses = ch.hidden_statuses;
    if (kind == ChartKind::Capacity || kind == ChartKind::Timeline || kind == ChartKind::Slippage) {
      const chart::TimeRange t = time_of(kind);
      if (t.span() > 0) spec.time = t;
    }
    spec.fit_height = true;
    spec.dark = false;
    const DayNumber as_of = as_of_day(c.app.filter());
    dialogs_.open_chart(spec, std::string(chart_kind_id(kind)) + "-" + Date::from_days(as_of).to_string());
  }
}

void ChartPanel::draw_canvas(PanelContext& c, ChartKind kind, ImVec2 size) {
  Chart& ch = chart(kind);
  const ImGuiIO& io = ImGui::GetIO();
  const float raster = io.DisplayFramebufferScale.x > 0 ? io.DisplayFramebufferScale.x : 1.0f;
  const chart::TextMeasure& m = measure(c.fonts, raster);
  const bool dark = c.app.settings.theme == Theme::Dark;

  if (colours_revision_ != c.app.revision()) {  // one colour per company id of the whole dataset
    colours_ = company_colours(*c.app.dataset);
    colours_revision_ = c.app.revision();
  }
  chart::ChartStyle style = chart::ChartStyle{}.scaled(c.scale);
  style.theme = dark ? chart::dark_theme() : chart::light_theme();
  style.theme.background = to_rgba(ImGui::GetStyle().Colors[ImGuiCol_ChildBg]);  // blend with the panel
  if (dark) style.theme.plot_background = style.theme.background;
  style.lang = ui_lang();
  style.colours = &colours_;

  if (kind == ChartKind::Timeline &&
      (ch.index_version != ch.data_version || ch.index_scale != c.scale * raster)) {
    ch.index = chart::index_timeline(ch.data.timeline, style, m);
    ch.index_version = ch.data_version;
    ch.index_scale = c.scale * raster;
    ++rebuilds_.index;
    // Every row label once, so scrolling never waits for the atlas.
    const float line_height = c.fonts.chart_line_height_em();
    if (line_height > 0) {
      const int px = chart::raster_pixel_height(style.font_px, line_height, raster);
      for (const chart::TimelineRow& row : ch.data.timeline.rows) c.fonts.request_chart_text(row.label, px);
      for (const std::string& group : ch.data.timeline.groups) c.fonts.request_chart_text(group, px);
    }
  }

  const ImVec2 origin = ImGui::GetCursorScreenPos();
  origin_ = origin;
  ImGui::InvisibleButton("##chart-canvas", size,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  if (ch.scene_key) handle_input(c, kind, origin);

  chart::ChartView view;
  view.time = kind == ChartKind::Capacity || kind == ChartKind::Timeline || kind == ChartKind::Slippage
                  ? time_of(kind)
                  : chart::TimeRange{};
  view.scroll_y = ch.scroll_y;
  const SceneKey key{ch.data_version, size.x, size.y, view.time, view.scroll_y, dark, c.scale, raster};
  if (!ch.scene_key || !(*ch.scene_key == key)) {
    ch.scene = layout_chart(ch.data, kind == ChartKind::Timeline ? &ch.index : nullptr, view, style, size.x,
                            size.y, m);
    ch.scene_key = key;
    ++rebuilds_.scene;
    request_scene_text(ch.scene, c.fonts, raster);
    if (kind == ChartKind::Timeline) {  // keep the scroll offset within the rows
      const float max_scroll = std::max(0.0f, ch.index.content_height - ch.scene.axes.plot.height());
      ch.scroll_y = std::clamp(ch.scroll_y, 0.0f, max_scroll);
    }
  }

  const ChartCanvas canvas{ImGui::GetWindowDrawList(), origin, raster};
  const PaintKey paint_key{*ch.scene_key, origin.x, origin.y};
  if (!ch.paint_key || !(*ch.paint_key == paint_key)) {
    ch.to_paint = primitives_to_paint(ch.scene, canvas);
    ch.paint_key = paint_key;
    ++rebuilds_.paint_list;
  }
  paint_scene(canvas, ch.scene, c.font, c.fonts, &ch.to_paint);

  // Box zoom in progress: the band being selected.
  if (box_start_x_ >= 0 && ImGui::IsItemActive()) {
    const chart::RectF& plot = ch.scene.axes.plot;
    const float x = std::clamp(io.MousePos.x - origin.x, plot.x0, plot.x1);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a(origin.x + std::min(box_start_x_, x), origin.y + plot.y0);
    const ImVec2 b(origin.x + std::max(box_start_x_, x), origin.y + plot.y1);
    dl->AddRectFilled(a, b, to_u32(palette().accent_soft));
    dl->AddRect(a, b, to_u32(palette().accent));
  }

  if (ImGui::IsItemHovered() && !ImGui::IsItemActive()) {
    const float mx = io.MousePos.x - origin.x, my = io.MousePos.y - origin.y;
    if (const auto hit = chart::hit_test(ch.scene, mx, my, 3 * c.scale)) hit_tooltip(c, kind, hit->id, mx);
  }
}

void ChartPanel::handle_input(PanelContext& c, ChartKind kind, ImVec2 origin) {
  Chart& ch = chart(kind);
  const ImGuiIO& io = ImGui::GetIO();
  const chart::SceneAxes& axes = ch.scene.axes;
  const float mx = io.MousePos.x - origin.x, my = io.MousePos.y - origin.y;
  const bool hovered = ImGui::IsItemHovered();
  const bool in_plot = axes.plot.contains(mx, my);
  const bool timeline = kind == ChartKind::Timeline;
  const float plot_h = axes.plot.height();

  if (hovered && io.MouseWheel != 0) {
    if (timeline && (io.KeyCtrl || mx < axes.plot.x0))
      ch.scroll_y = chart::scroll_rows(ch.scroll_y, -io.MouseWheel * 3 * ch.index.row_px,
                                       ch.index.content_height, plot_h);
    else if (axes.time && in_plot)
      time_of(kind) = chart::wheel_zoom(*axes.time, mx, io.MouseWheel);
  }
  if (hovered && in_plot && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    fit(kind);
    return;
  }
  if (ImGui::IsItemActivated()) {
    drag_distance_ = 0;
    const bool box = ImGui::IsMouseDown(ImGuiMouseButton_Right) || io.KeyShift;
    box_start_x_ = box && axes.time && in_plot ? mx : -1;
  }
  if (ImGui::IsItemActive()) {
    drag_distance_ += std::abs(io.MouseDelta.x) + std::abs(io.MouseDelta.y);
    if (box_start_x_ < 0 && ImGui::IsMouseDown(ImGuiMouseButton_Left) && drag_distance_ >= kClickSlopPx) {
      if (axes.time && io.MouseDelta.x != 0) time_of(kind) = chart::drag_pan(*axes.time, io.MouseDelta.x);
      if (timeline && io.MouseDelta.y != 0)
        ch.scroll_y = chart::scroll_rows(ch.scroll_y, -io.MouseDelta.y, ch.index.content_height, plot_h);
    }
  }
  if (ImGui::IsItemDeactivated()) {
    if (box_start_x_ >= 0) {
      const float x = std::clamp(mx, axes.plot.x0, axes.plot.x1);
      if (std::abs(x - box_start_x_) >= kClickSlopPx && axes.time)
        time_of(kind) = chart::box_zoom(*axes.time, box_start_x_, x);
    } else if (drag_distance_ < kClickSlopPx) {
      if (const auto hit = chart::hit_test(ch.scene, mx, my, 3 * c.scale)) click(c, kind, hit->id);
    }
    box_start_x_ = -1;
  }
}

void ChartPanel::click(PanelContext& c, ChartKind kind, const chart::HitId& hit) {
  Chart& ch = chart(kind);
  if (hit.kind == HitKind::LegendEntry) {
    if (kind == ChartKind::Capacity) {
      if (hit.index < 0) {
        ch.options.include_expected = !ch.options.include_expected;
      } else if (static_cast<std::size_t>(hit.index) < ch.data.capacity.series.size()) {
        toggle(ch.hidden_series, ch.data.capacity.series[static_cast<std::size_t>(hit.index)].key);
        ch.built = false;
      }
    } else if (kind == ChartKind::Status) {
      toggle(ch.hidden_statuses, static_cast<Status>(hit.index));
      ch.built = false;
    }
    return;
  }
  const int project = project_of_ref(ref_of(ch.data, hit));
  if (project >= 0) {
    c.app.select_project(project);
    c.app.scroll_to_selection = true;
  }
}

void ChartPanel::hit_tooltip(PanelContext& c, ChartKind kind, const chart::HitId& hit, float mouse_x) {
  Chart& ch = chart(kind);
  const chart::Lang lang = ui_lang();
  std::vector<std::string> lines;
  if (hit.kind == HitKind::LegendEntry) {
    if (kind == ChartKind::Capacity || kind == ChartKind::Status) lines.push_back(tr(Str::ChartLegendToggle));
  } else {
    switch (kind) {
      case ChartKind::Capacity: {
        const auto& time = ch.scene.axes.time;
        const double day = time ? time->invert(mouse_x) : 0;
        lines = chart::capacity_tooltip(ch.data.capacity, ch.data.capacity_stack, hit, day, lang);
        break;
      }
      case ChartKind::Timeline:
        lines = chart::timeline_tooltip(ch.data.timeline, hit, lang);
        break;
      case ChartKind::Investment:
        lines = chart::investment_tooltip(ch.data.investment, hit, lang);
        break;
      case ChartKind::Status:
        lines = chart::status_tooltip(ch.data.status, hit, lang);
        break;
      case ChartKind::Slippage:
        lines = chart::slippage_tooltip(ch.data.slippage, hit, lang);
        break;
    }
  }
  if (lines.empty()) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    c.fonts.request_text(lines[i]);
    if (i == 0)
      text_wrapped_colored(palette().text, lines[i]);
    else
      text_wrapped_colored(lines[i].rfind("“", 0) == 0 ? palette().quote : palette().text_dim, lines[i]);
  }
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

}  // namespace indtrack::ui
