// Dashboard layout, splitters and the host window (dashboard.h). Menus and dialogs: menu_bar.cpp.
#include "ui/dashboard.h"

#include <algorithm>

#include "ui/curation/curation_views.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"

namespace indtrack::ui {

namespace {

// Minimum panel sizes in unscaled pixels: below these a panel stops being readable.
constexpr float kMinCenterWidth = 360;
// Quotes wrap in the detail panel's milestone tables: narrower, they become a column of a few
// characters (detail_panel.cpp stacks the table's columns below its own threshold).
constexpr float kMinDetailWidth = 300;
constexpr float kMinFilterWidth = 180;
constexpr float kMinTableHeight = 120;
// The notices panel keeps its title line and up to three rows of what it reports, so a broken
// file's FILE:LINE:COL shows at 1024x700; with nothing to report it folds to the title line.
constexpr float kCollapsedNoticesHeight = 34;
constexpr float kNoticeRowHeight = 30;  // a row of text with the table's cell padding
constexpr int kMinNoticeRows = 3;
constexpr float kMinChartHeight = 60;
// The KPI cards open by themselves in a body at least this tall (a 1600×900 window); below it
// they fold to one line, leaving the height to the chart, until the user opens them.
constexpr float kTallBodyForKpiCards = 820;
// The chart area's least height: the KPI strip's line (~26), tools, tabs and options (~90), the
// chart's legend and axes and a plot to read (a capacity plot about 200 px tall). Open KPI cards
// add their height. Below this the table gives way first, down to its
// own minimum (1024×700), whatever the stored size.
constexpr float kUsableChartHeight = 480;
// On narrow windows the side panels give way to the centre: at most these shares of the width.
constexpr float kMaxFilterShare = 0.18f;
constexpr float kMaxDetailShare = 0.32f;
// On tall windows the chart area leaves the rest to the table: at most this share of the height.
constexpr float kMaxChartShare = 0.55f;

float clamp_size(float wanted, float minimum, float maximum) {
  return std::max(std::min(wanted, maximum), std::min(minimum, maximum));
}

float splitter(const char* id, const Rect& r, bool vertical) {
  return ui::splitter(id, ImVec2(r.x, r.y), ImVec2(r.w, r.h), vertical);
}

bool begin_panel(const char* id, const Rect& r, bool scroll = false) {
  ImGui::SetCursorScreenPos(ImVec2(r.x, r.y));
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoSavedSettings;
  if (!scroll) flags |= ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);
  const bool open = ImGui::BeginChild(id, ImVec2(r.w, r.h), true, flags);
  ImGui::PopStyleColor();
  return open;
}

// A click in the current panel this frame (it takes the arrow keys).
bool clicked_inside() {
  return ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
         ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows);
}

}  // namespace

DashboardLayout compute_layout(const Rect& body, float scale, const LayoutSettings& sizes,
                               bool with_filter_bar, float gap, int notice_rows, float chart_extra) {
  DashboardLayout out;
  const float height = std::max(body.h, 0.0f);
  const float usable = std::max(body.w - gap * (with_filter_bar ? 2 : 1), 0.0f);
  const float min_filter = with_filter_bar ? kMinFilterWidth * scale : 0;
  const float min_center = kMinCenterWidth * scale, min_detail = kMinDetailWidth * scale;
  float filter_w = 0, detail_w = 0;
  if (usable < min_filter + min_center + min_detail) {
    // Too narrow for every minimum: each column gets a share of what there is.
    filter_w = with_filter_bar ? usable * 0.2f : 0;
    detail_w = usable * (with_filter_bar ? 0.3f : 0.35f);
  } else {
    if (with_filter_bar) {
      const float wanted =
          std::min(sizes.filter_width * scale, std::max(body.w * kMaxFilterShare, min_filter));
      filter_w = clamp_size(wanted, min_filter, usable - min_center - min_detail);
    }
    const float wanted = std::min(sizes.detail_width * scale, std::max(body.w * kMaxDetailShare, min_detail));
    detail_w = clamp_size(wanted, min_detail, usable - filter_w - min_center);
  }
  const float center_w = usable - filter_w - detail_w;
  const float x = body.x + (with_filter_bar ? filter_w + gap : 0);
  if (with_filter_bar) out.filter_bar = {body.x, body.y, filter_w, height};
  out.detail = {x + center_w + gap, body.y, detail_w, height};

  const bool notices_empty = notice_rows <= 0;
  const float min_notices =
      (kCollapsedNoticesHeight +
       kNoticeRowHeight * static_cast<float>(std::clamp(notice_rows, 0, kMinNoticeRows))) *
      scale;
  const float usable_chart = kUsableChartHeight + std::max(chart_extra, 0.0f);
  const float chart_h =
      std::max(clamp_size(std::min(std::max(sizes.chart_height, usable_chart) * scale,
                                   std::max(height * kMaxChartShare, usable_chart * scale)),
                          kMinChartHeight * scale, height - kMinTableHeight * scale - min_notices - 2 * gap),
               0.0f);
  const float wanted_notices = notices_empty ? min_notices : sizes.notices_height * scale;
  const float notices_h = std::max(
      clamp_size(wanted_notices, min_notices, height - chart_h - kMinTableHeight * scale - 2 * gap), 0.0f);
  const float table_h = std::max(height - chart_h - notices_h - 2 * gap, 0.0f);
  out.chart_area = {x, body.y, center_w, chart_h};
  out.table = {x, body.y + chart_h + gap, center_w, table_h};
  out.notices = {x, out.table.y + table_h + gap, center_w, notices_h};
  return out;
}

Dashboard::Dashboard(AppState& app, FontManager& fonts, Curation& curation)
    : app_(app), fonts_(fonts), curation_(curation) {
  filter_bar_ = [this](PanelContext& c) { filter_bar_widget_.draw(c); };
}

void Dashboard::draw(float scale, const UiFonts& fonts) {
  set_frame_language(app_.language());  // what tr() draws in, from its one owner
  reset_narrowest_wrap();
  PanelContext c{app_, fonts_, scale, fonts, &curation_, &files_};
  app_.refresh();
  handle_keys(c);
  handle_edit_shortcuts(curation_);
  draw_menu_bar(c);

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags host_flags =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
      ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::Begin("##dashboard", nullptr, host_flags);

  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float status_h = ImGui::GetTextLineHeight() + ImGui::GetStyle().ItemSpacing.y * 2;
  const float gap = 6 * scale;
  const Rect body{origin.x, origin.y, avail.x, avail.y - status_h};
  LayoutSettings& sizes = app_.settings.layout;
  const std::size_t notice_count = app_.notices.size() + app_.problems.size();
  const bool notices_empty = notice_count == 0;
  const bool kpi_cards_open = sizes.kpi_cards_open.value_or(body.h >= kTallBodyForKpiCards * scale);
  const int notice_rows = static_cast<int>(std::min<std::size_t>(notice_count, kMinNoticeRows));
  const float chart_extra = chart_extra_ ? chart_extra_() : 0;
  DashboardLayout layout =
      compute_layout(body, scale, sizes, static_cast<bool>(filter_bar_), gap, notice_rows, chart_extra);
  if (kpi_cards_open) {  // their height depends on the width they wrap in: the columns' above
    const float inside = layout.chart_area.w - 2 * ImGui::GetStyle().WindowPadding.x;
    layout = compute_layout(body, scale, sizes, static_cast<bool>(filter_bar_), gap, notice_rows,
                            chart_extra + kpi_cards_height(c, inside) / scale);
  }
  layout_ = layout;

  if (filter_bar_ && begin_panel("filter-bar", layout.filter_bar, true)) filter_bar_(c);
  if (filter_bar_) ImGui::EndChild();
  if (begin_panel("chart-area", layout.chart_area)) {
    if (!app_.dataset) draw_load_progress(c, true);
    draw_kpi_strip(c, kpi_cards_open);
    if (charts_) charts_(c);
  }
  ImGui::EndChild();
  if (begin_panel("project-table", layout.table)) draw_project_table(c, sizes.table_generation);
  if (clicked_inside()) key_focus_ = KeyFocus::Table;
  ImGui::EndChild();
  if (begin_panel("notices", layout.notices)) draw_notices_panel(c);
  ImGui::EndChild();
  detail_keys_.focused = key_focus_ == KeyFocus::Detail;
  if (begin_panel("detail", layout.detail)) draw_detail_panel(c, detail_keys_);
  if (clicked_inside() && app_.selected_project >= 0) key_focus_ = KeyFocus::Detail;
  ImGui::EndChild();

  // Splitters sit in the gaps; dragging changes the stored (unscaled) sizes.
  const Rect& t = layout.table;
  if (filter_bar_) {
    const Rect& f = layout.filter_bar;
    sizes.filter_width += splitter("##split-filter", {f.x + f.w, f.y, gap, f.h}, true) / scale;
  }
  sizes.detail_width -= splitter("##split-detail", {t.x + t.w, body.y, gap, body.h}, true) / scale;
  sizes.chart_height += splitter("##split-chart", {t.x, t.y - gap, t.w, gap}, false) / scale;
  if (!notices_empty)  // a collapsed panel has nothing to show taller
    sizes.notices_height -= splitter("##split-notices", {t.x, t.y + t.h, t.w, gap}, false) / scale;
  // Keep stored sizes what the layout can show, so a drag past a limit does not accumulate.
  sizes.detail_width = std::clamp(sizes.detail_width, kMinDetailWidth, body.w / scale);
  sizes.chart_height = std::clamp(sizes.chart_height, kMinChartHeight, body.h / scale);
  sizes.notices_height =
      std::clamp(sizes.notices_height, kCollapsedNoticesHeight + kNoticeRowHeight, body.h / scale);
  sizes.filter_width = std::clamp(sizes.filter_width, kMinFilterWidth, body.w / scale);

  ImGui::SetCursorScreenPos(ImVec2(origin.x, body.y + body.h + ImGui::GetStyle().ItemSpacing.y));
  draw_status_bar(c);
  ImGui::End();

  // Ordinary windows before the modal popups: ImGui 1.86 asserts when a window first appears
  // after a modal was begun in the same frame.
  draw_sources_window(c);
  draw_shortcuts_window(c);
  article_window_.draw(c);
  draw_curation_windows(c, curation_);
  if (draw_curation_dialogs(c, curation_)) settings_changed = true;
  draw_about(c);
  files_.draw(c);  // last: unless a modal that asked drew it inside itself
  if (key_focus_ == KeyFocus::Detail && take_escape()) key_focus_ = KeyFocus::Table;
}

}  // namespace indtrack::ui
