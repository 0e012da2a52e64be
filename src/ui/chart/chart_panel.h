// The chart panel under the KPI strip: tabs 产能增长 / 项目进度 / 投资 / 状态汇总 / 计划与实际, the
// options of each chart, and an interactive canvas — wheel zoom, drag pan, box zoom, double-click
// fit, one time range shared by the capacity chart and the timeline, virtualised timeline rows,
// tooltips with exact figures and quotes, click to select a project, legend toggles — plus the
// export dialogs (one chart; the report pack from File → Export report).
//
// Nothing is recomputed per frame when nothing changed: the chart data is rebuilt when the
// AppState revision, the chart's options or the legend toggles change; the timeline index when
// the data or the style does; the scene when the data, canvas size, view, theme or scale does;
// the list of primitives that paint when the scene or the canvas position does.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app_model/data_view.h"
#include "chart/font_measure.h"
#include "chart_kinds/chart_kinds.h"
#include "ui/chart/chart_export_dialog.h"
#include "ui/chart/data_view_table.h"
#include "ui/host/panel_context.h"

namespace indtrack::ui {

class ChartPanel {
 public:
  ChartPanel() = default;

  // Draws into the rest of the current panel (the dashboard's charts hook).
  void draw(PanelContext& c);

  // Copy image / Copy data (the canvas's right-click menu): the chart as exported for paper
  // onto the clipboard as a PNG; the plotted numbers (its CSV) as tab-separated text. What
  // happened is shown beside the chart's options (copy_message()).
  void copy_image(PanelContext& c, ChartKind kind);
  void copy_data(PanelContext& c, ChartKind kind);
  const std::string& copy_message() const { return copy_message_; }

  // File → Export report.
  void open_report_dialog() { dialogs_.open_report(); }
  ChartExportDialogs& export_dialogs() { return dialogs_; }

  // The data view under the chart (its 数据视图 checkbox): the chart's CSV as a sortable,
  // copyable table (app_model/data_view.h), filled from the same chart_csv() as Copy data.
  bool data_view_open() const { return data_view_open_; }
  void set_data_view_open(bool open) { data_view_open_ = open; }
  const DataView& data_view(ChartKind kind) const { return charts_[static_cast<std::size_t>(kind)].view; }
  DataView& data_view(ChartKind kind) { return chart(kind).view; }
  const DataViewFrame& last_data_view() const { return data_view_frame_; }  // the last frame's
  // The room the open data view asks of the dashboard beside the chart's own (unscaled px; 0
  // closed): its default height, not the dragged one — dragging the splitter trades height
  // between chart and view, under the mouse, rather than growing the chart area.
  float extra_height() const;
  // The splitter between the chart and its data view in the last frame, screen pixels (empty
  // when the view is closed). Dragging it sets LayoutSettings::data_view_height.
  chart::RectF last_data_view_splitter() const { return splitter_; }

  ChartKind active() const { return active_; }
  void set_active(ChartKind kind) { requested_tab_ = kind; }

  // For tests and benchmarks: the chart data and the scene last drawn for `kind` (nullptr before
  // the first draw), and where the canvas was on screen.
  const ChartData& data(ChartKind kind) const { return charts_[static_cast<std::size_t>(kind)].data; }
  const chart::Scene* last_scene(ChartKind kind) const;
  ImVec2 last_origin() const { return origin_; }
  // The part of the last drawn canvas that is on screen, in canvas pixels (less than the canvas
  // when its rows scroll).
  chart::RectF last_visible() const { return visible_; }
  // The time axis shared by the capacity chart and the timeline (span 0: each fits its data).
  chart::TimeRange shared_time() const { return shared_time_; }
  // Where the tools (how-to, sources, fit, export) and each tab were drawn, screen pixels.
  struct Toolbar {
    chart::RectF tools;
    std::vector<chart::RectF> tabs;     // in kAllChartKinds order
    chart::RectF data_view;             // the 数据视图 checkbox: in the tabs' line or the options'
    std::vector<chart::RectF> options;  // each option of the shown chart (label and control)
  };
  const Toolbar& last_toolbar() const { return toolbar_; }
  // How many times the data, the timeline index, the scene and its paint list were rebuilt
  // (caching tests, bench/frame_bench).
  struct Rebuilds {
    int data = 0, index = 0, scene = 0;  // index: prepare_chart_layout (the timeline's rows)
    int paint_list = 0;                  // the primitives that paint, per scene and canvas position
  };
  const Rebuilds& rebuilds() const { return rebuilds_; }

 private:
  struct SceneKey {
    std::uint64_t data_version = 0;
    float width = 0, height = 0;
    chart::TimeRange time;
    float scroll_y = 0;
    bool dark = false;
    chart::Rgba background;  // the panel's colour the chart blends with
    float style_scale = 0, raster_scale = 0;
    bool operator==(const SceneKey&) const = default;
  };

  struct FullHeightKey {
    std::uint64_t data_version = 0;
    float width = 0, scale = 0;
    bool operator==(const FullHeightKey&) const = default;
  };

  struct PaintKey {
    SceneKey scene;
    float x = 0, y = 0;  // canvas origin on screen
    bool operator==(const PaintKey&) const = default;
  };

  // One tab's state: options, its data and what is derived from it.
  struct Chart {
    ChartOptions options;
    ChartToggles toggles;  // legend toggles
    ChartData data;
    bool built = false;
    std::uint64_t built_revision = 0;
    ChartOptions built_options;
    std::uint64_t data_version = 0;  // bumped whenever `data` changes
    std::string footer;              // the note and the sources footer (the canvas leaves them out)
    std::string headline;            // the generated headline (the export dialog offers it to edit)
    // prepare_chart_layout() was done for this data version at this scale (the timeline's rows).
    std::uint64_t layout_version = 0;
    float layout_scale = 0;
    chart::Scene scene;
    std::optional<SceneKey> scene_key;
    // The scene's primitives that paint at the canvas position it was made for (chart_painter.h).
    std::vector<std::uint32_t> to_paint;
    std::optional<PaintKey> paint_key;
    FullHeightKey full_height_key;  // chart_full_height(), measured once per data and width
    float full_height = 0;
    float scroll_y = 0;              // timeline rows scrolled above the plot, px
    chart::TimeRange time{};         // slippage's own range (span 0: fit)
    DataView view;                   // its CSV as a table, filled while the data view is open
    std::uint64_t view_version = 0;  // the data_version the view holds
    Language view_lang = Language::Chinese;
  };

  Chart& chart(ChartKind kind) { return charts_[static_cast<std::size_t>(kind)]; }
  void draw_options(PanelContext& c, ChartKind kind);
  void draw_tools(PanelContext& c, ChartKind kind);  // how-to, sources, fit, export
  void draw_sources(PanelContext& c);
  ChartExportSpec export_spec(ChartKind kind);  // the chart as shown, for paper
  void open_export(PanelContext& c, ChartKind kind);
  void context_menu(PanelContext& c, ChartKind kind);
  void ensure_data(PanelContext& c, ChartKind kind);
  const chart::TextMeasure& measure(FontManager& fonts, float raster_scale);
  chart::TimeRange& time_of(ChartKind kind);  // one range for the kinds with a Shared time axis
  static float raster_scale();                // framebuffer pixels per UI pixel
  static float tools_width();
  static chart::RectF item_rect();  // ImGui's last item, screen pixels
  chart::ChartStyle style_of(PanelContext& c);
  float full_height(PanelContext& c, ChartKind kind, float width);  // 0: the kind does not grow
  void draw_canvas(PanelContext& c, ChartKind kind, ImVec2 size);
  void draw_data_view(PanelContext& c, ChartKind kind, float height);
  // The data view's height in a tab of `avail` pixels below the options, from the settings,
  // leaving the chart its least height; and the most the stored height may be (unscaled).
  static float data_view_height(PanelContext& c, float avail);
  static float max_data_view_height(PanelContext& c, float both);
  void handle_input(PanelContext& c, ChartKind kind, ImVec2 origin);
  void click(PanelContext& c, ChartKind kind, const chart::HitId& hit);
  void hit_tooltip(PanelContext& c, ChartKind kind, const chart::HitId& hit, float mouse_x);
  void fit(ChartKind kind);
  // A time preset asked for in the filter bar: every time axis shows its range (once per ask).
  void apply_time_request(AppState& app);

  std::array<Chart, kChartKindCount> charts_{};
  ChartKind active_ = ChartKind::Capacity;
  std::optional<ChartKind> requested_tab_;
  chart::TimeRange shared_time_{};  // the Shared time axis (capacity, timeline); span 0: each fits its data
  std::uint64_t time_request_serial_ = 0;  // the last AppState::chart_time_request() applied
  float measure_scale_ = 0;
  std::unique_ptr<chart::FontTextMeasure> measure_;
  chart::ApproxTextMeasure approx_;
  chart::CategoryColours colours_;
  std::uint64_t colours_revision_ = 0;
  ChartExportDialogs dialogs_;
  ImVec2 origin_{0, 0};
  chart::RectF visible_;
  Toolbar toolbar_;
  bool in_scroll_child_ = false;  // the canvas being drawn scrolls in a child window
  bool right_pressed_ = false;    // the canvas press in progress is the right button's
  int menu_project_ = -1;         // the project under the right click that opened the menu
  bool show_sources_ = false;     // the sources window (显示来源)
  bool data_view_open_ = false;
  bool data_view_in_tools_ = false;  // its checkbox is at the right end of the tabs' line this frame
  DataViewFrame data_view_frame_;
  chart::RectF splitter_;
  std::string copy_message_;
  bool copy_failed_ = false;
  // Mouse gestures on the canvas.
  float box_start_x_ = -1;  // box zoom in progress: canvas x where it started
  float drag_distance_ = 0;
  Rebuilds rebuilds_;
};

}  // namespace indtrack::ui
