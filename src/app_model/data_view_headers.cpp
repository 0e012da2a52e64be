// The data view's headers and id cells in words (data_view_headers.h).
#include "app_model/data_view_headers.h"

#include "app_model/strings.h"
#include "model/vocabulary.h"
#include "query/capacity_categories.h"

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

// Ids the chart CSVs write that no model vocabulary holds (chart/chart_csv.cpp); an empty `kind`
// matches every chart. (Plan versus actual writes its outcome's words beside the id: DataView
// shows those.)
struct CellWord {
  std::string_view kind, column, id, zh, en;
};
constexpr CellWord kCellWords[] = {
    {"", "type", "step", "产能变化", "capacity step"},
    {"", "type", "reference", "官方数据", "official figure"},
    {"", "type", "by_status", "按状态", "by status"},
    {"", "type", "segment", "阶段", "phase"},
    {"", "type", "flag", "标记", "flag"},
    {"", "type", "milestone", "节点", "milestone"},
    {"", "precision", "year", "年", "year"},
    {"", "precision", "month", "月", "month"},
    {"", "precision", "day", "日", "day"},
    {"", "precision", "by", "最迟", "by"},
    {"capacity", "status", "actual", "实际", "actual"},
    {"capacity", "status", "expected", "预计", "expected"},
    {"capacity", "status", "overdue", "逾期未报", "overdue"},
    {"capacity", "status", "by", "最迟已达", "reached by"},
    {"", "yes_no", "yes", "是", "yes"},
    {"", "yes_no", "no", "否", "no"},
    {"", "bound", "exact", "确数", "exact"},
    {"", "target", "target", "（目标）", " (target)"},
};

std::string word(std::string_view kind, std::string_view column, std::string_view value, Language lang) {
  for (const CellWord& w : kCellWords)
    if (w.column == column && w.id == value && (w.kind.empty() || w.kind == kind))
      return std::string(lang == Language::English ? w.en : w.zh);
  return std::string(value);
}

// "以上" / "at least"; an exact figure, which writes no bound, "确数" / "exact".
std::string bound_word(std::string_view value, Language lang) {
  const std::optional<AggregateBound> b = vocabulary_from_id(aggregate_bounds(), value);
  if (!b || *b == AggregateBound::Exact) return word("", "bound", value, lang);
  const auto& e = vocabulary_entry(aggregate_bounds(), *b);
  return std::string(lang == Language::English ? e.en : e.zh);
}

template <class E>
std::string vocabulary_word(std::span<const VocabularyEntry<E>> table, std::string_view value,
                            Language lang) {
  const std::optional<E> v = vocabulary_from_id(table, value);
  return v ? std::string(label(*v, lang)) : std::string(value);
}

}  // namespace

std::string data_view_cell(std::string_view kind, std::string_view column, std::string_view value,
                           Language lang) {
  if (value.empty()) return {};
  if (column == "expected" || column == "approximate" || column == "completed_approximate")
    return word(kind, "yes_no", value, lang);
  if (column == "total_bound" || column == "completed_bound") return bound_word(value, lang);
  if (column == "basis") return vocabulary_word(bases(), value, lang);
  if (column == "other_lines") return vocabulary_word(statuses(), value, lang);
  if (column == "milestone") return vocabulary_word(milestone_kinds(), value, lang);
  if (column == "what") {  // the timeline's phase (a status), milestone, or flag
    if (value == "possibly_stalled") return text(Str::PossiblyStalled, lang);
    if (vocabulary_from_id(statuses(), value)) return vocabulary_word(statuses(), value, lang);
    return vocabulary_word(milestone_kinds(), value, lang);
  }
  if (kind == "capacity" && column == "series")  // a by-status row names its category
    for (const CapacityCategory c : kCapacityCategories)
      if (capacity_category_id(c) == value)
        return std::string(capacity_category_label(c, lang == Language::English));
  if (kind == "capacity" && column == "status") {
    if (value == "stated" || value == "inferred") return vocabulary_word(bases(), value, lang);
    // An official figure's: its bound, and " target" when it is one ("at_least target").
    constexpr std::string_view kTarget = " target";
    const bool target = value.ends_with(kTarget);
    const std::string_view bound = target ? value.substr(0, value.size() - kTarget.size()) : value;
    if (vocabulary_from_id(aggregate_bounds(), bound))
      return bound_word(bound, lang) + (target ? word(kind, "target", "target", lang) : "");
  }
  return word(kind, column, value, lang);
}

std::string data_view_header(std::string_view kind, std::string_view column, Language lang) {
  for (const Header& h : kHeaders)
    if (h.id == column && (h.kind.empty() || h.kind == kind))
      return std::string(lang == Language::English ? h.en : h.zh);
  return std::string(column);
}

}  // namespace indtrack::ui
