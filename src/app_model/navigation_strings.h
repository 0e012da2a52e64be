// The UI strings of keyboard navigation (the shortcuts window), the charts' time presets and the
// article viewer that citations open, in Chinese and English. Part of the one string table of
// strings.h (included into its X-macro list), in a file of its own so that the table's other
// parts change independently. X(id, 中文, English); ...Fmt strings have %s / %d placeholders.
#pragma once

#define INDTRACK_NAVIGATION_STRINGS(X)                                                                       \
  X(MenuShortcuts, "快捷键", "Keyboard shortcuts")                                                           \
  X(ShortcutsTitle, "快捷键", "Keyboard shortcuts")                                                          \
  X(ShortcutsKeys, "按键", "Keys")                                                                           \
  X(ShortcutsAction, "作用", "Action")                                                                       \
  X(ShortcutsGroupTable, "表格与详情", "Table and detail")                                                   \
  X(ShortcutsGroupWindow, "窗口与编辑", "Window and editing")                                                \
  X(ShortcutsGroupChart, "图表（鼠标）", "Charts (mouse)")                                                   \
  X(KeyUpDown, "↑ / ↓", "Up / Down")                                                                         \
  X(KeyPageUpDown, "PageUp / PageDown", "Page Up / Page Down")                                               \
  X(KeyHomeEnd, "Home / End", "Home / End")                                                                  \
  X(KeyEnter, "Enter", "Enter")                                                                              \
  X(KeyEscape, "Esc", "Esc")                                                                                 \
  X(KeyCtrlF, "Ctrl+F", "Ctrl+F")                                                                            \
  X(KeyCtrlS, "Ctrl+S", "Ctrl+S")                                                                            \
  X(KeyCtrlZ, "Ctrl+Z", "Ctrl+Z")                                                                            \
  X(KeyCtrlY, "Ctrl+Y / Ctrl+Shift+Z", "Ctrl+Y / Ctrl+Shift+Z")                                              \
  X(KeyF1, "F1", "F1")                                                                                       \
  X(KeyWheel, "滚轮", "Wheel")                                                                               \
  X(KeyDrag, "左键拖动", "Left-drag")                                                                        \
  X(KeyBoxZoom, "右键拖动 / Shift+左键拖动", "Right-drag / Shift+left-drag")                                 \
  X(KeyDoubleClick, "双击", "Double-click")                                                                  \
  X(KeyCtrlWheel, "Ctrl+滚轮", "Ctrl+wheel")                                                                 \
  X(KeyClick, "单击", "Click")                                                                               \
  X(KeyRightClick, "右键单击", "Right-click")                                                                \
  X(DoRowUpDown, "表格中上一行 / 下一行（详情随之切换）",                                                    \
    "Previous / next row of the table (the detail follows)")                                                 \
  X(DoRowPage, "表格中上一页 / 下一页", "A page up / down in the table")                                     \
  X(DoRowHomeEnd, "表格的第一行 / 最后一行", "First / last row of the table")                                \
  X(DoOpenDetail, "进入所选项目的详情（方向键随后滚动详情）",                                                \
    "Open the selected project's detail (the arrow keys then scroll it)")                                    \
  X(DoEscape, "关闭菜单、弹窗和对话框；在详情中时回到表格",                                                  \
    "Close menus, popups and dialogs; from the detail, back to the table")                                   \
  X(DoSearch, "聚焦搜索框", "Focus the search box")                                                          \
  X(DoSave, "保存", "Save")                                                                                  \
  X(DoUndo, "撤销", "Undo")                                                                                  \
  X(DoRedo, "重做", "Redo")                                                                                  \
  X(DoShortcuts, "显示本窗口", "Show this window")                                                           \
  X(DoZoom, "缩放时间轴（产能与进度图共用时间范围）", "Zoom the time axis (capacity and timeline share it)") \
  X(DoPan, "平移时间轴", "Pan the time axis")                                                                \
  X(DoBoxZoom, "框选放大", "Box zoom")                                                                       \
  X(DoReset, "显示全部（复位）", "Fit all (reset)")                                                          \
  X(DoRows, "进度图上下翻行", "Scroll the timeline's rows")                                                  \
  X(DoSelect, "选中项目；单击图例：显示/隐藏该系列", "Select the project; on a legend entry: show/hide it")  \
  X(DoMenu, "复制图片、复制数据、导出、来源", "Copy image, copy data, export, sources")                      \
  X(ChartHint, "滚轮缩放 · 拖动平移 · 双击复位", "Wheel: zoom · drag: pan · double-click: reset")            \
  X(DetailKeysHint, "↑↓ 滚动 · Esc 返回表格", "Up/Down: scroll · Esc: back to the table")                    \
  X(TimeRange, "图表时间", "Chart time")                                                                     \
  X(TimeRangeTip,                                                                                            \
    "产能、进度与计划图的时间轴范围（不筛选项目；筛选用“节点日期范围”）。“近三年”“今年”按截至日期计算。",    \
    "The time axis of the capacity, timeline and plan charts (it filters no project: Milestone dates "       \
    "does). Last 3 years and This year count from the as-of date.")                                          \
  X(TimeAll, "全部", "All")                                                                                  \
  X(TimePlan14, "十四五", "14th FYP")                                                                        \
  X(TimePlan14Tip, "2021–2025 年（第十四个五年规划）", "2021–2025 (the 14th Five-Year Plan)")                \
  X(TimeLastThree, "近三年", "Last 3 yrs")                                                                   \
  X(TimeThisYear, "今年", "This year")                                                                       \
  X(CiteOpenTip, "单击：打开原文，定位到这句话", "Click: open the article at this sentence")                 \
  X(ArticleTitle, "原文", "Article")                                                                         \
  X(ArticleNoText, "没有保存此来源的原文（仅有摘录），只能按地址查看。",                                     \
    "This source's text is not held (excerpt only): see it at its address.")                                 \
  X(ArticleQuoteNotFound, "这句话没有在原文中找到。", "The sentence was not found in the text.")             \
  X(ArticleQuoteLabel, "定位到", "Showing")                                                                  \
  X(Address, "地址", "Address")                                                                              \
  X(CopyAddress, "复制地址", "Copy address")                                                                 \
  X(Copied, "已复制", "Copied")
