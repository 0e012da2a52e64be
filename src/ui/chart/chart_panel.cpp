// The chart panel (chart_panel.h): tabs, options, the cached chart pipeline and the canvas with
// its mouse gestures.
#include "ui/chart/chart_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app_model/notice.h"
#include "chart_kinds/chart_series.h"
#include "export/clipboard.h"
#include "export/export_names.h"
#include "ui/chart/chart_painter.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"

namespace indtrack::ui {

namespace {

using chart::HitKind;

constexpr float kClickSlopPx = 4;  // a press that moves less than this is a click, not a drag
// The data view under a chart and the chart above it each keep a least height (unscaled px): the
// canvas its legend, axes and a plot to read (about 100 px of plot); the view its Copy line, header
// and three rows. Between them a splitter of kSplitterHeight.
constexpr float kMinCanvasHeight = 180;
constexpr float kMinDataViewHeight = 120;
constexpr float kSplitterHeight = 6;

// Before an item `width` wide on a line of items: beside the previous one when it fits, else at
// the start of the next line (a line of options wraps instead of running off the panel).
void flow(bool& first, float width) {
  if (!first) {
    ImGui::SameLine();
    if (width > ImGui::GetContentRegionAvail().x) ImGui::NewLine();
  }
  first = false;
}

float checkbox_width(const char* label) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
}

float labelled_combo_width(const char* label, float combo) {
  return ImGui::CalcTextSize(label).x + ImGui::GetStyle().ItemSpacing.x + combo;
}

chart::Rgba to_rgba(const ImVec4& c) {
  auto byte = [](float v) { return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255)); };
  return {byte(c.x), byte(c.y), byte(c.z), byte(c.w)};
}

// A combo as wide as its widest choice (and its arrow), within [60, 200] px × scale: a fixed
// width left "Company" room for "lithium-ion battery" and the options line ran off a 1024 px panel.
float combo_width(const std::vector<std::string>& choices, float scale) {
  float widest = 0;
  for (const std::string& choice : choices) widest = std::max(widest, ImGui::CalcTextSize(choice.c_str()).x);
  const float w = widest + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFrameHeight();
  return std::clamp(w, 60 * scale, 200 * scale);
}

float option_combo_width(const ChartOptionSpec& option, Language lang, float scale) {
  std::vector<std::string> names;
  for (const ChartOptionChoice& choice : option.choices)
    names.emplace_back(by_language(lang, choice.zh, choice.en));
  return combo_width(names, scale);
}

// A combo over an option's choices; true when the value changed.
bool option_combo(PanelContext& c, const ChartOptionSpec& option, ChartOptions& options, float width) {
  const Language lang = c.app.language();
  const std::string label(by_language(lang, option.zh, option.en));
  c.fonts.request_text(label);
  text(label);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(width);
  const int value = option.get(options);
  std::string current;
  for (const ChartOptionChoice& choice : option.choices)
    if (choice.value == value) current = by_language(lang, choice.zh, choice.en);
  bool changed = false;
  const std::string id = "##" + std::string(option.flag);
  if (ImGui::BeginCombo(id.c_str(), current.c_str())) {
    for (const ChartOptionChoice& choice : option.choices) {
      const std::string name(by_language(lang, choice.zh, choice.en));
      c.fonts.request_text(name);
      if (ImGui::Selectable(name.c_str(), choice.value == value) && choice.value != value) {
        option.set(options, choice.value);
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

bool option_checkbox(PanelContext& c, const ChartOptionSpec& option, ChartOptions& options) {
  const std::string label(by_language(c.app.language(), option.zh, option.en));
  c.fonts.request_text(label);
  bool on = option.get(options) != 0;
  if (!ImGui::Checkbox(label.c_str(), &on)) return false;
  option.set(options, on ? 1 : 0);
  return true;
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
  const Dataset& data = *c.app.shown();
  const Language lang = c.app.language();
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

// The rows a chart scrolls vertically (the timeline's, once laid out); null for the others.
const chart::TimelineIndex* scrolled_rows(const ChartData& data) {
  const auto* timeline = std::get_if<TimelineChart>(&data);
  return timeline && timeline->indexed ? &timeline->index : nullptr;
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
  return chart_time_axis(kind) == ChartTimeAxis::Shared ? shared_time_ : chart(kind).time;
}

void ChartPanel::fit(ChartKind kind) {
  Chart& ch = chart(kind);
  ch.scroll_y = 0;
  // The fitted range is this chart's extent; the other time charts of the shared axis follow it.
  const std::optional<chart::TimeRange> extent = chart_time_extent(ch.data);
  time_of(kind) = extent ? *extent : chart::TimeRange{};
}

void ChartPanel::ensure_data(PanelContext& c, ChartKind kind) {
  Chart& ch = chart(kind);
  AppState& app = c.app;
  app.refresh();  // `visible` and the index of the current dataset version
  ch.options.lang = app.language();
  const ChartOptions options = ch.options;
  if (ch.built && ch.built_revision == app.revision() && options == ch.built_options) return;
  std::vector<int> projects = app.visible();
  std::sort(projects.begin(), projects.end());  // the adapters take dataset order
  ch.data = app.index() ? build_chart_data(kind, *app.index(), projects, app.filter(), options)
                        : build_chart_data(kind, *app.shown(), projects, app.filter(), options);
  hide_chart_items(ch.data, ch.toggles);
  // The panel's tab, the filter bar and the KPI strip already say what the title and subtitle
  // say: the canvas leaves out the frame's text (style_of) and keeps its height for the data.
  // The note saying what the chart counts and the footer are the "Sources" tooltip.
  const chart::FrameText& t = chart_text(ch.data);
  ch.footer = t.note.empty() ? t.footer : t.note + "\n\n" + t.footer;
  ch.headline = t.title;
  ch.built = true;
  ch.built_revision = app.revision();
  ch.built_options = options;
  ++ch.data_version;
  ++rebuilds_.data;
}

void ChartPanel::apply_time_request(AppState& app) {
  const ChartTimeRequest& request = app.chart_time_request();
  if (request.serial != time_request_serial_) {
    time_request_serial_ = request.serial;
    const std::optional<AxisRange> r = time_preset_range(request.preset, as_of_day(app.filter()));
    const chart::TimeRange t = r ? chart::TimeRange{r->first, r->last} : chart::TimeRange{};
    shared_time_ = t;
    for (const ChartKind kind : kAllChartKinds)
      if (chart_time_axis(kind) == ChartTimeAxis::Own) chart(kind).time = t;
  }
  // What the filter bar's presets compare with (the shared axis: the charts read most).
  app.chart_time_shown.reset();
  if (shared_time_.span() > 0) app.chart_time_shown = AxisRange{shared_time_.first, shared_time_.last};
}

void ChartPanel::draw(PanelContext& c) {
  AppState& app = c.app;
  if (!app.dataset) return;
  apply_time_request(app);
  ImGui::Spacing();
  // The tools of the shown chart sit at the right end of the tab bar's line when both fit; on a
  // narrow panel they take a line of their own above the tabs, which would run under them.
  const ImGuiStyle& style = ImGui::GetStyle();
  float tabs_width = 0;
  for (const ChartKind kind : kAllChartKinds)
    tabs_width += ImGui::CalcTextSize(std::string(chart_kind_tab_label(kind, app.language())).c_str()).x +
                  style.FramePadding.x * 2 + style.ItemInnerSpacing.x;
  const float panel_w = ImGui::GetContentRegionAvail().x;
  const bool beside = tabs_width + style.ItemSpacing.x + tools_width() <= panel_w;
  ImVec2 tabs_at = ImGui::GetCursorPos();
  draw_tools(c, requested_tab_.value_or(active_));
  if (!beside) tabs_at = ImGui::GetCursorPos();  // under the tools
  // Tools on a line of their own leave the tabs' line free at its right end: the 数据视图 checkbox
  // goes there rather than onto the options line, which then wraps less (1024 px).
  const float view_w = checkbox_width(tr(Str::DataViewTitle));
  data_view_in_tools_ = !beside && tabs_width + style.ItemSpacing.x * 2 + view_w <= panel_w;
  if (data_view_in_tools_) {
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - view_w);
    ImGui::Checkbox(tr(Str::DataViewTitle), &data_view_open_);
    toolbar_.data_view = item_rect();
  }
  if (beside || data_view_in_tools_) ImGui::SetCursorPos(tabs_at);
  toolbar_.tabs.clear();
  // Tabs narrower than their labels would cut them ("Capacity growt…"): on a panel too narrow for
  // them all, the bar scrolls instead.
  const ImGuiTabBarFlags tab_flags = tabs_width > panel_w ? ImGuiTabBarFlags_FittingPolicyScroll : 0;
  if (ImGui::BeginTabBar("##chart-tabs", tab_flags)) {
    for (const ChartKind kind : kAllChartKinds) {
      const std::string label =
          std::string(chart_kind_tab_label(kind, app.language())) + "###" + std::string(chart_kind_id(kind));
      c.fonts.request_text(label);
      ImGuiTabItemFlags flags = 0;
      if (requested_tab_ && *requested_tab_ == kind) flags |= ImGuiTabItemFlags_SetSelected;
      const bool open = ImGui::BeginTabItem(label.c_str(), nullptr, flags);
      toolbar_.tabs.push_back(item_rect());
      if (open) {
        active_ = kind;
        draw_options(c, kind);
        ensure_data(c, kind);
        ImVec2 avail = ImGui::GetContentRegionAvail();
        // The data view, when open, takes the lower part of the tab, as tall as its splitter was
        // left; the chart keeps the rest.
        const float view_h = data_view_open_ ? data_view_height(c, avail.y) : 0;
        if (data_view_open_) avail.y -= view_h + kSplitterHeight * c.scale;
        const ImVec2 size(std::max(avail.x, 1.0f), std::max(avail.y, 1.0f));
        // Bars and rows that do not fit scroll (the timeline scrolls its rows itself): the canvas
        // is as tall as all of them, in a child window with a scrollbar, so none is left out.
        const float inner_w = std::max(size.x - style.ScrollbarSize, 1.0f);  // beside the scrollbar
        const float full = scrolled_rows(chart(kind).data) ? 0 : full_height(c, kind, inner_w);
        const ImVec2 canvas_at = ImGui::GetCursorScreenPos();
        if (full > size.y) {
          ImGui::BeginChild("##chart-rows", size, false,
                            ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_AlwaysVerticalScrollbar);
          in_scroll_child_ = true;
          draw_canvas(c, kind, ImVec2(std::max(ImGui::GetContentRegionAvail().x, 1.0f), full));
          in_scroll_child_ = false;
          ImGui::EndChild();
        } else {
          draw_canvas(c, kind, size);
        }
        data_view_frame_ = {};
        splitter_ = {};
        if (data_view_open_) {
          // The splitter is all of the space between the canvas and the view, with a line in it.
          const ImVec2 at(canvas_at.x, canvas_at.y + size.y);
          const ImVec2 bar(size.x, kSplitterHeight * c.scale);
          float& stored = c.app.settings.layout.data_view_height;
          // Dragged up, the view grows; kept within what the layout shows, so that a drag past a
          // limit does not accumulate.
          const float dragged = splitter("##split-data-view", at, bar, false) / c.scale;
          stored = std::clamp(stored - dragged, kMinDataViewHeight,
                              std::max(kMinDataViewHeight, max_data_view_height(c, view_h + size.y)));
          const float mid = std::floor(at.y + bar.y / 2);
          ImGui::GetWindowDrawList()->AddLine(ImVec2(at.x, mid), ImVec2(at.x + bar.x, mid),
                                              to_u32(palette().panel_border), std::max(1.0f, c.scale));
          splitter_ = chart::RectF{at.x, at.y, at.x + bar.x, at.y + bar.y};
          ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + bar.y));
          draw_data_view(c, kind, view_h);
        }
        ImGui::EndTabItem();
      }
    }
    requested_tab_.reset();
    ImGui::EndTabBar();
  }
  draw_sources(c);
  dialogs_.draw(c);
}

// 显示来源 from the right-click menu: the chart's sources, in a window of their own.
void ChartPanel::draw_sources(PanelContext& c) {
  if (!show_sources_) return;
  const std::string& footer = chart(active_).footer;
  ImGui::SetNextWindowSize(ImVec2(560 * c.scale, 0), ImGuiCond_Appearing);
  const std::string title = std::string(tr(Str::ChartSources)) + "###chart-sources";
  if (ImGui::Begin(title.c_str(), &show_sources_, ImGuiWindowFlags_AlwaysAutoResize)) {
    close_on_escape(show_sources_);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 540 * c.scale);
    text(footer);
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
}

void ChartPanel::draw_options(PanelContext& c, ChartKind kind) {
  Chart& ch = chart(kind);
  ChartOptions& o = ch.options;
  ImGui::PushID(static_cast<int>(kind));
  toolbar_.options.clear();
  bool first = true;
  const Language lang = c.app.language();
  for (const ChartOptionSpec& option : chart_options(kind)) {
    if (option.shown && !option.shown(o)) continue;
    const std::string label(by_language(lang, option.zh, option.en));
    float combo = 0;
    if (option.type ==
        ChartOptionSpec::Type::Product) {  // as wide as the product shown (the list may be long)
      ChartOptions chosen;
      chosen.product = option.get(o);
      const int shown = chart_product(*c.app.shown(), c.app.filter(), chosen);
      combo = combo_width({product_name(*c.app.shown(), shown, lang)}, c.scale);
    } else if (option.type == ChartOptionSpec::Type::Choice) {
      combo = option_combo_width(option, lang, c.scale);
    }
    flow(first, option.type == ChartOptionSpec::Type::Flag ? checkbox_width(label.c_str())
                : option.type == ChartOptionSpec::Type::Product
                    ? labelled_combo_width(tr(Str::ChartProduct), combo)
                    : labelled_combo_width(label.c_str(), combo));
    const ImVec2 start = ImGui::GetCursorScreenPos();
    bool changed = false;
    switch (option.type) {
      case ChartOptionSpec::Type::Product: {
        int product = option.get(o);
        changed = product_combo(c, product, combo);
        if (changed) option.set(o, product);
        break;
      }
      case ChartOptionSpec::Type::Choice:
        changed = option_combo(c, option, o, combo);
        break;
      case ChartOptionSpec::Type::Flag:
        changed = option_checkbox(c, option, o);
        break;
    }
    toolbar_.options.push_back({start.x, start.y, ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y});
    if (changed && option.resets_view) {
      ch.toggles = {};
      ch.scroll_y = 0;
    }
  }
  if (!data_view_in_tools_) {
    flow(first, checkbox_width(tr(Str::DataViewTitle)));
    ImGui::Checkbox(tr(Str::DataViewTitle), &data_view_open_);
    toolbar_.data_view = item_rect();
  }
  if (!copy_message_.empty()) {  // what the last copy did
    flow(first, ImGui::CalcTextSize(copy_message_.c_str()).x);
    text_colored(copy_failed_ ? palette().error : palette().actual, copy_message_);
  }
  ImGui::PopID();
}

float ChartPanel::tools_width() {
  const ImGuiStyle& style = ImGui::GetStyle();
  return ImGui::CalcTextSize(tr(Str::ChartFit)).x + ImGui::CalcTextSize(tr(Str::ChartExport)).x +
         ImGui::CalcTextSize(tr(Str::ChartHint)).x + ImGui::CalcTextSize(tr(Str::ChartSources)).x +
         style.FramePadding.x * 4 + style.ItemSpacing.x * 3;
}

chart::RectF ChartPanel::item_rect() {
  const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
  return {lo.x, lo.y, hi.x, hi.y};
}

ChartExportSpec ChartPanel::export_spec(ChartKind kind) {
  const Chart& ch = chart(kind);
  ChartExportSpec spec;
  spec.kind = kind;
  spec.options = ch.options;
  spec.toggles = ch.toggles;
  if (chart_time_axis(kind) != ChartTimeAxis::None) {
    const chart::TimeRange t = time_of(kind);
    if (t.span() > 0) spec.time = t;
  }
  spec.fit_height = true;
  spec.dark = false;  // for paper
  return spec;
}

void ChartPanel::open_export(PanelContext& c, ChartKind kind) {
  dialogs_.open_chart(
      export_spec(kind),
      default_chart_file_name(*c.app.shown(), c.app.filter(), kind, chart(kind).options, c.app.language()),
      chart(kind).headline);
}

float ChartPanel::extra_height() const {
  return data_view_open_ ? LayoutSettings{}.data_view_height + kSplitterHeight : 0;
}

float ChartPanel::max_data_view_height(PanelContext& c, float both) {
  return (both - kMinCanvasHeight * c.scale) / c.scale;
}

float ChartPanel::data_view_height(PanelContext& c, float avail) {
  const float both = avail - kSplitterHeight * c.scale;  // the canvas and the view
  const float min_view = kMinDataViewHeight * c.scale, min_canvas = kMinCanvasHeight * c.scale;
  // Too short for both least heights: each a share (the chart the larger).
  if (both < min_view + min_canvas) return std::floor(std::max(both, 0.0f) * 0.4f);
  return std::floor(
      std::clamp(c.app.settings.layout.data_view_height * c.scale, min_view, both - min_canvas));
}

void ChartPanel::draw_data_view(PanelContext& c, ChartKind kind, float height) {
  Chart& ch = chart(kind);
  const Language lang = c.app.language();
  if (ch.view_version != ch.data_version || ch.view_lang != lang) {  // once per data, not per frame
    ch.view.set_csv(chart_csv(ch.data, lang), chart_kind_id(kind), lang);
    ch.view_version = ch.data_version;
    ch.view_lang = lang;
  }
  data_view_frame_ = draw_data_view_table(c, ch.view, std::string(chart_kind_id(kind)).c_str(), height);
  if (!data_view_frame_.copied.empty()) {
    copy_message_ = fill(tr(Str::DataViewCopiedFmt), {std::to_string(ch.view.copied_rows())});
    copy_failed_ = false;
    c.fonts.request_text(copy_message_);
  }
}

void ChartPanel::copy_image(PanelContext& c, ChartKind kind) {
  bool ok = false;
  copy_message_ = dialogs_.copy_image(c, export_spec(kind), ok);
  copy_failed_ = !ok;
  c.fonts.request_text(copy_message_);
}

void ChartPanel::copy_data(PanelContext& c, ChartKind kind) {
  // The data view's rows in the CSV's order, with its headers in words (data_view.h).
  DataView all;
  all.set_csv(chart_csv(chart(kind).data, c.app.language()), chart_kind_id(kind), c.app.language());
  const std::string tsv = all.copy_text();
  ImGui::SetClipboardText(tsv.c_str());
  const auto lines = static_cast<long>(std::count(tsv.begin(), tsv.end(), '\n'));
  copy_message_ =
      fill(tr(Str::ChartCopiedDataFmt), {std::to_string(std::max(lines - 1, 0L))});  // less the header
  copy_failed_ = false;
  c.fonts.request_text(copy_message_);
}

// The right-click menu of the canvas: copy, export, and — over an element of a project — that
// project and its sources.
void ChartPanel::context_menu(PanelContext& c, ChartKind kind) {
  if (!ImGui::BeginPopup("##chart-menu")) return;
  if (ImGui::MenuItem(tr(Str::ChartCopyImage))) copy_image(c, kind);
  if (ImGui::MenuItem(tr(Str::ChartCopyData))) copy_data(c, kind);
  if (ImGui::MenuItem(tr(Str::ChartExport))) open_export(c, kind);
  ImGui::Separator();
  const bool on_project = menu_project_ >= 0;
  if (ImGui::MenuItem(tr(Str::ChartOpenProject), nullptr, false, on_project)) {
    c.app.select_project(menu_project_);
    c.app.scroll_to_selection = true;
  }
  if (ImGui::MenuItem(tr(Str::ChartShowSources), nullptr, false, on_project || !chart(kind).footer.empty())) {
    if (on_project) {
      c.app.select_project(menu_project_);  // the detail panel lists its sources and quotes
      c.app.scroll_to_selection = true;
    }
    show_sources_ = true;
  }
  ImGui::EndPopup();
}

void ChartPanel::draw_tools(PanelContext& c, ChartKind kind) {
  Chart& ch = chart(kind);
  // The gestures in words where they are used; the full list on hover (and in 帮助 → 快捷键).
  const char* help = tr(Str::ChartHint);
  const char* sources = tr(Str::ChartSources);
  const char* fit_label = tr(Str::ChartFit);
  const char* export_label = tr(Str::ChartExport);
  ImGui::SetCursorPosX(
      std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - tools_width()));
  text_colored(palette().text_dim, help);
  toolbar_.tools = item_rect();
  tooltip(tr(Str::ChartHelpText));
  ImGui::SameLine();
  text_colored(palette().text_dim, sources);
  if (!ch.footer.empty()) tooltip(ch.footer);
  ImGui::SameLine();
  if (ImGui::SmallButton(fit_label)) fit(kind);
  ImGui::SameLine();
  if (ImGui::SmallButton(export_label)) open_export(c, kind);
  const chart::RectF last = item_rect();
  toolbar_.tools.x1 = last.x1;
  toolbar_.tools.y1 = std::max(toolbar_.tools.y1, last.y1);
}

float ChartPanel::raster_scale() {
  const ImGuiIO& io = ImGui::GetIO();
  return io.DisplayFramebufferScale.x > 0 ? io.DisplayFramebufferScale.x : 1.0f;
}

chart::ChartStyle ChartPanel::style_of(PanelContext& c) {
  const bool dark = c.app.settings.theme == Theme::Dark;
  if (colours_revision_ != c.app.revision()) {  // one colour per company id of the whole dataset
    colours_ = company_colours(*c.app.dataset);
    colours_revision_ = c.app.revision();
  }
  chart::ChartStyle style = chart::ChartStyle{}.scaled(c.scale);
  style.theme = dark ? chart::dark_theme() : chart::light_theme();
  style.theme.background = to_rgba(ImGui::GetStyle().Colors[ImGuiCol_ChildBg]);  // blend with the panel
  if (dark) style.theme.plot_background = style.theme.background;
  style.lang = c.app.language();
  style.colours = &colours_;
  style.frame_text = false;  // the panel says it: the canvas is the file's chart less its text bands
  return style;
}

float ChartPanel::full_height(PanelContext& c, ChartKind kind, float width) {
  Chart& ch = chart(kind);
  if (!chart_fits_rows(kind)) return 0;
  const float raster = raster_scale();
  const FullHeightKey key{ch.data_version, width, c.scale * raster};
  if (!(ch.full_height_key == key)) {  // measures every row's label: once per data and width
    ch.full_height_key = key;
    ch.full_height = chart_full_height(ch.data, style_of(c), width, measure(c.fonts, raster));
  }
  return ch.full_height;
}

void ChartPanel::draw_canvas(PanelContext& c, ChartKind kind, ImVec2 size) {
  Chart& ch = chart(kind);
  const ImGuiIO& io = ImGui::GetIO();
  const float raster = raster_scale();
  const chart::TextMeasure& m = measure(c.fonts, raster);
  const bool dark = c.app.settings.theme == Theme::Dark;
  const chart::ChartStyle style = style_of(c);

  if (ch.layout_version != ch.data_version || ch.layout_scale != c.scale * raster) {
    prepare_chart_layout(ch.data, style, m);
    ch.layout_version = ch.data_version;
    ch.layout_scale = c.scale * raster;
    ++rebuilds_.index;
    // Every timeline row label once, so scrolling never waits for the atlas.
    const float line_height = c.fonts.chart_line_height_em();
    if (const auto* timeline = std::get_if<TimelineChart>(&ch.data); timeline && line_height > 0) {
      const int px = chart::raster_pixel_height(style.font_px, line_height, raster);
      for (const chart::TimelineRow& row : timeline->input.rows) c.fonts.request_chart_text(row.label, px);
      for (const std::string& group : timeline->input.groups) c.fonts.request_chart_text(group, px);
    }
  }

  const ImVec2 origin = ImGui::GetCursorScreenPos();
  origin_ = origin;
  {  // the part of the canvas on screen (all of it, unless it scrolls in a child window)
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 lo = dl->GetClipRectMin(), hi = dl->GetClipRectMax();
    visible_ = chart::RectF{std::max(lo.x - origin.x, 0.0f), std::max(lo.y - origin.y, 0.0f),
                            std::min(hi.x - origin.x, size.x), std::min(hi.y - origin.y, size.y)};
  }
  ImGui::InvisibleButton("##chart-canvas", size,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  if (ch.scene_key) handle_input(c, kind, origin);

  chart::ChartView view;
  view.time = chart_time_axis(kind) != ChartTimeAxis::None ? time_of(kind) : chart::TimeRange{};
  view.scroll_y = ch.scroll_y;
  // The theme's colours are part of the key, not only which theme: the theme menu changes the
  // setting in one frame and ImGui's colours (the background taken above) in the next.
  const SceneKey key{ch.data_version,        size.x,  size.y, view.time, view.scroll_y, dark,
                     style.theme.background, c.scale, raster};
  if (!ch.scene_key || !(*ch.scene_key == key)) {
    ch.scene = layout_chart(ch.data, {view, style, size.x, size.y, m});
    ch.scene_key = key;
    ++rebuilds_.scene;
    request_scene_text(ch.scene, c.fonts, raster);
    if (const chart::TimelineIndex* rows =
            scrolled_rows(ch.data)) {  // keep the scroll offset within the rows
      const float max_scroll = std::max(0.0f, rows->content_height - ch.scene.axes.plot.height());
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

  context_menu(c, kind);
  if (ImGui::IsItemHovered() && !ImGui::IsItemActive() && !ImGui::IsPopupOpen("##chart-menu")) {
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
  const chart::TimelineIndex* rows = scrolled_rows(ch.data);  // the timeline scrolls its rows
  const float plot_h = axes.plot.height();

  if (hovered && io.MouseWheel != 0 && in_scroll_child_ && (io.KeyCtrl || mx < axes.plot.x0)) {
    // Rows taller than the panel: the wheel over the labels (or with Ctrl) scrolls them, as on
    // the timeline; over the plot it zooms.
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseWheel * 3 * ImGui::GetTextLineHeightWithSpacing());
  } else if (hovered && io.MouseWheel != 0) {
    if (rows && (io.KeyCtrl || mx < axes.plot.x0))
      ch.scroll_y =
          chart::scroll_rows(ch.scroll_y, -io.MouseWheel * 3 * rows->row_px, rows->content_height, plot_h);
    else if (axes.time && in_plot)
      time_of(kind) = chart::wheel_zoom(*axes.time, mx, io.MouseWheel);
  }
  if (hovered && in_plot && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    fit(kind);
    return;
  }
  if (ImGui::IsItemActivated()) {
    drag_distance_ = 0;
    right_pressed_ = ImGui::IsMouseDown(ImGuiMouseButton_Right);
    const bool box = right_pressed_ || io.KeyShift;
    box_start_x_ = box && axes.time && in_plot ? mx : -1;
  }
  if (ImGui::IsItemActive()) {
    drag_distance_ += std::abs(io.MouseDelta.x) + std::abs(io.MouseDelta.y);
    if (box_start_x_ < 0 && ImGui::IsMouseDown(ImGuiMouseButton_Left) && drag_distance_ >= kClickSlopPx) {
      if (axes.time && io.MouseDelta.x != 0) time_of(kind) = chart::drag_pan(*axes.time, io.MouseDelta.x);
      if (rows && io.MouseDelta.y != 0)
        ch.scroll_y = chart::scroll_rows(ch.scroll_y, -io.MouseDelta.y, rows->content_height, plot_h);
    }
  }
  if (ImGui::IsItemDeactivated()) {
    if (right_pressed_ && drag_distance_ < kClickSlopPx) {  // a right click, not a box: the menu
      const auto hit = chart::hit_test(ch.scene, mx, my, 3 * c.scale);
      menu_project_ = hit ? project_of_ref(chart_ref(ch.data, hit->id)) : -1;
      ImGui::OpenPopup("##chart-menu");
    } else if (box_start_x_ >= 0) {
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
    if (toggle_chart_legend(ch.data, hit, ch.options, ch.toggles)) ch.built = false;
    return;
  }
  const int project = project_of_ref(chart_ref(ch.data, hit));
  if (project >= 0) {
    c.app.select_project(project);
    c.app.scroll_to_selection = true;
  }
}

void ChartPanel::hit_tooltip(PanelContext& c, ChartKind kind, const chart::HitId& hit, float mouse_x) {
  Chart& ch = chart(kind);
  std::vector<std::string> lines;
  if (hit.kind == HitKind::LegendEntry) {
    // A legend entry that toggles something says so (tried on copies: nothing changes here).
    ChartOptions options = ch.options;
    ChartToggles toggles = ch.toggles;
    if (toggle_chart_legend(ch.data, hit, options, toggles) || !(options == ch.options))
      lines.push_back(tr(Str::ChartLegendToggle));
  } else {
    const auto& time = ch.scene.axes.time;
    lines = chart_tooltip(ch.data, hit, time ? time->invert(mouse_x) : 0, c.app.language());
  }
  if (lines.empty()) return;
  // The lines wrap at a width of 34 em, pushed here: text_wrapped() would wrap at the tooltip's
  // own right edge, and an auto-sized tooltip is as wide as its text was in the frame before —
  // a feedback that narrows a line without spaces (Chinese) to one character.
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetFontSize() * 34);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    c.fonts.request_text(lines[i]);
    const ImVec4& colour = i == 0                        ? palette().text
                           : lines[i].rfind("“", 0) == 0 ? palette().quote
                                                         : palette().text_dim;
    text_colored(colour, lines[i]);
  }
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

}  // namespace indtrack::ui
