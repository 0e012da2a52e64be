// The data view's headers in words (data_view_headers.h).
#include "app_model/data_view_headers.h"

namespace indtrack::ui {

namespace {

struct Header {
  std::string_view kind;  // empty: any chart
  std::string_view id, zh, en;
};

// The columns of chart/chart_csv.h and slippage_csv(); a kind's own meaning before the shared one.
constexpr Header kHeaders[] = {
    {"slippage", "unit", "产线", "Line"},
    {"slippage", "status", "结果", "Outcome"},
    {"slippage", "status_label", "结果说明", "Outcome in words"},
    {"", "type", "类型", "Type"},
    {"", "series", "系列", "Series"},
    {"", "label", "名称", "Label"},
    {"", "status", "状态", "Status"},
    {"", "date", "日期", "Date"},
    {"", "precision", "日期精度", "Precision"},
    {"", "plotted_on", "绘制日", "Plotted on"},
    {"", "change", "变化", "Change"},
    {"", "level", "数值", "Level"},
    {"", "unit", "单位", "Unit"},
    {"", "stack_total", "堆叠合计", "Stack total"},
    {"", "row", "行", "Row"},
    {"", "group", "分组", "Group"},
    {"", "what", "阶段或节点", "Phase or milestone"},
    {"", "from", "起", "From"},
    {"", "to", "止", "To"},
    {"", "expected", "预计", "Expected"},
    {"", "source", "来源", "Source"},
    {"", "basis", "依据", "Basis"},
    {"", "other_lines", "其他产线", "Other lines"},
    {"", "not_before", "不早于", "Not before"},
    {"", "total", "总额", "Total"},
    {"", "completed", "已完成", "Completed"},
    {"", "approximate", "约数", "Approximate"},
    {"", "total_bound", "总额界限", "Total bound"},
    {"", "completed_approximate", "已完成为约数", "Completed approximate"},
    {"", "completed_bound", "已完成界限", "Completed bound"},
    {"", "project", "项目", "Project"},
    {"", "milestone", "节点", "Milestone"},
    {"", "first_expected", "最初预计", "First expected"},
    {"", "first_reported", "最初报道于", "First reported"},
    {"", "latest_expected", "最新预计", "Latest expected"},
    {"", "actual", "实际", "Actual"},
    {"", "happened_from", "发生不早于", "Happened from"},
    {"", "happened_to", "发生不晚于", "Happened by"},
    {"", "delay_min_months", "延误下限（月）", "Delay min (months)"},
    {"", "delay_max_months", "延误上限（月）", "Delay max (months)"},
    {"", "status_label", "状态说明", "Status label"},
};

}  // namespace

std::string data_view_header(std::string_view kind, std::string_view column, Language lang) {
  for (const Header& h : kHeaders)
    if (h.id == column && (h.kind.empty() || h.kind == kind))
      return std::string(lang == Language::English ? h.en : h.zh);
  return std::string(column);
}

}  // namespace indtrack::ui
