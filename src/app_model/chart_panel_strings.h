// The UI strings of the chart panel, chart and report export, and the plan-versus-actual parts of
// the KPI strip and detail panel, in Chinese and English. (The chart kinds' names and options are
// declared with the kinds: chart_kinds/chart_kinds.h.) Part of the one string table of
// strings.h (included into its X-macro list), kept in a file of its own so that the table's other
// parts change independently. X(id, 中文, English); ...Fmt strings have %s / %d placeholders.
#pragma once

#define INDTRACK_CHART_PANEL_STRINGS(X)                                                                                                             \
  X(ChartProduct, "产品", "Product")                                                                                                                \
  X(ChartFit, "适配全部", "Fit all")                                                                                                                \
  X(ChartSources, "来源", "Sources")                                                                                                                \
  X(ChartHelpText,                                                                                                                                  \
    "滚轮：缩放时间轴（产能与进度图共用时间范围）。左键拖动：平移；右键拖动或 Shift+左键拖动："            \
    "框选放大；双击：显示全部。进度图：在名称栏滚动或按住 Ctrl 滚动以上下翻行。"                                  \
    "悬停：精确数值、日期、来源与原文；单击：选中项目（表格与详情随之切换）；单击图例：显示/隐藏该系列。",                                          \
    "Wheel: zoom the time axis (capacity and timeline share one time range). Left-drag: pan; "                                                      \
    "right-drag or Shift+left-drag: box zoom; double-click: fit all. Timeline: wheel over the "                                                     \
    "names or Ctrl+wheel scrolls the rows. Hover: exact figures, dates, sources and quotes; "                                                       \
    "click: select the project (table and detail follow); click a legend entry: show/hide it.")                                                     \
  X(ChartLegendToggle, "单击：显示/隐藏", "Click: show/hide")                                                                                       \
  X(ChartExport, "导出…", "Export…")                                                                                                                \
  X(ChartCopyImage, "复制图片", "Copy image")                                                                                                       \
  X(ChartCopyData, "复制数据", "Copy data")                                                                                                         \
  X(ChartOpenProject, "打开项目", "Open project")                                                                                                   \
  X(ChartShowSources, "显示来源", "Show sources")                                                                                                   \
  X(ChartCopiedImageFmt, "图片已复制到剪贴板（%s 像素），可粘贴到 Word/WPS。",                                                                      \
    "Image copied to the clipboard (%s pixels): paste it into Word/WPS.")                                                                           \
  X(ChartCopiedDataFmt, "已复制 %s 行数据（制表符分隔），可粘贴到 Excel/WPS 表格。",                                                                \
    "Copied %s rows (tab-separated): paste them into Excel/WPS as a table.")                                                                        \
  X(ChartCopyNeedsTool,                                                                                                                             \
    "复制图片需要 xclip（X11）或 wl-clipboard（Wayland）：apt install xclip wl-clipboard",                                                          \
    "Copying an image needs xclip (X11) or wl-clipboard (Wayland): apt install xclip wl-clipboard")                                                 \
  X(ChartCopyFailedFmt, "复制失败：%s", "Copy failed: %s")                                                                                          \
  X(ExportTitleFmt, "导出图表：%s", "Export chart: %s")                                                                                             \
  X(ExportFormat, "格式", "Format")                                                                                                                 \
  X(ExportFormatPng, "PNG 图片", "PNG image")                                                                                                       \
  X(ExportFormatPdf, "PDF 文档", "PDF document")                                                                                                    \
  X(ExportFormatSvg, "SVG 矢量图", "SVG vector")                                                                                                    \
  X(ExportFormatCsv, "CSV 数据", "CSV data")                                                                                                        \
  X(ExportPreset, "预设（厘米、磅）", "Preset (cm, pt)")                                                                                            \
  X(ExportPresetCustom, "自定义像素", "Custom pixels")                                                                                              \
  X(ExportPresetNote, "文字按磅设定：粘贴到文档中按此宽度时，标题约 %s 磅、标签 %s 磅",                                                             \
    "Type in points: pasted at this width, the title prints at about %s pt, labels at %s pt")                                                       \
  X(ExportSize, "尺寸（逻辑像素）", "Size (logical pixels)")                                                                                        \
  X(ExportScale, "PNG 倍率", "PNG scale")                                                                                                           \
  X(ExportFitHeight, "高度随行数", "Height fits the rows")                                                                                          \
  X(ExportPixelsFmt, "图片 %s 像素", "image %s pixels")                                                                                             \
  X(ExportHeadline, "标题（可修改）", "Headline (editable)")                                                                                        \
  X(ExportHeadlineReset, "恢复生成的标题", "Generated headline")                                                                                    \
  X(ExportPath, "保存到", "Save to")                                                                                                                \
  X(ExportButton, "导出", "Export")                                                                                                                 \
  X(ExportViewNote, "按当前缩放范围与图例显示导出，并带标题、筛选条件与来源。",                                                                     \
    "Exports the current zoom and legend choices, with title, filter and sources.")                                                                 \
  X(ExportExistsFmt, "%s 已存在。替换它吗？", "%s already exists. Replace it?")                                                                     \
  X(ExportReplace, "替换", "Replace")                                                                                                               \
  X(ExportSavedFmt, "已保存：%s", "Saved: %s")                                                                                                      \
  X(ExportFailedFmt, "导出失败：%s", "Export failed: %s")                                                                                           \
  X(ExportBadExtension, "文件名须以 .png、.pdf、.svg 或 .csv 结尾",                                                                                 \
    "The file name must end in .png, .pdf, .svg or .csv")                                                                                           \
  X(MenuExportReport, "导出报告…", "Export report…")                                                                                                \
  X(ReportDialogTitle, "导出报告", "Export report")                                                                                                 \
  X(ReportPrompt,                                                                                                                                   \
    "报告文件夹（不存在时新建）。写入全部图表（PNG、SVG、CSV）、项目表、index.html 与 README.md：",                                                 \
    "Report folder (created when missing). All charts (PNG, SVG, CSV), the project table, index.html and "                                          \
    "README.md are written into it:")                                                                                                               \
  X(ReportExistsFmt, "%s 中已有报告。替换其中的文件吗？", "%s already holds a report. Replace its files?")                                          \
  X(ReportSavedFmt, "报告已写入 %s（%d 个文件）", "Report written to %s (%d files)")                                                                \
  X(KpiSlippage, "计划与实际", "Plan vs actual")                                                                                                    \
  X(KpiSlippageNone, "暂无到期节点", "no milestone due yet")                                                                                        \
  X(KpiSlippageTip,                                                                                                                                 \
    "按期：节点在首次公布的预计时段结束前完成（只计已到期的节点）。日期只精确到月或年时结果是区间：" \
    "下限把无法判定的计为延期，上限计为按期。延期按月计，自首次预计日期起。",                                                                       \
    "On time: the milestone happened by the end of its first announced period (milestones due "                                                     \
    "only). With month- or year-only dates the result is a range: the low end counts undetermined "                                                 \
    "ones as late, the high end as on time. Delays in months from the first expected date.")                                                        \
  X(DetailSlipHistory, "计划与实际", "Plan vs actual")                                                                                              \
  X(DetailSlipNone, "没有公布过预计日期的节点。", "No milestone had an announced expected date.")
