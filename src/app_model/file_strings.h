// The UI strings of files: the file choosers, dropped files, recent files and the data view under
// each chart, in Chinese and English. Part of the one string table of strings.h (included into
// its X-macro list). X(id, 中文, English); ...Fmt strings have %s / %d placeholders.
#pragma once

#define INDTRACK_FILE_STRINGS(X)                                                                                                             \
  X(ChooserOpenTitle, "打开数据集", "Open dataset")                                                                                          \
  X(ChooserSaveTitle, "数据集另存为", "Save dataset as")                                                                                     \
  X(ChooserImportTitle, "导入文章（.txt）", "Import article (.txt)")                                                                         \
  X(ChooserExportTitle, "导出图表", "Export chart")                                                                                          \
  X(ChooserBrowse, "浏览…", "Browse…")                                                                                                       \
  X(ChooserUp, "上一级", "Up")                                                                                                               \
  X(ChooserFolder, "文件夹", "Folder")                                                                                                       \
  X(ChooserName, "文件名", "File name")                                                                                                      \
  X(ChooserNameCol, "名称", "Name")                                                                                                          \
  X(ChooserSizeCol, "大小", "Size")                                                                                                          \
  X(ChooserShowHidden, "显示隐藏文件", "Show hidden files")                                                                                  \
  X(ChooserAllFiles, "所有文件", "All files")                                                                                                \
  X(ChooserFilterFmt, "仅显示 %s", "Only %s")                                                                                                \
  X(ChooserChoose, "选择", "Choose")                                                                                                         \
  X(ChooserEmpty, "（此文件夹中没有可选的文件）", "(no matching files in this folder)")                                                      \
  X(ChooserUnreadableFmt, "无法读取文件夹 %s：%s", "Cannot read the folder %s: %s")                                                          \
  X(ChooserNoNameFmt, "请输入或选择一个文件名。", "Type or pick a file name.")                                                               \
  X(ChooserNoFolderFmt, "文件夹不存在：%s", "No such folder: %s")                                                                            \
  X(ChooserNoFileFmt, "文件不存在：%s", "No such file: %s")                                                                                  \
  X(ChooserNotAFileFmt, "不是普通文件：%s", "Not a regular file: %s")                                                                        \
  X(ChooserFailedFmt, "无法打开系统的文件选择器（%s），改用内置选择器。",                                                                    \
    "The desktop's file chooser could not be used (%s); the built-in one is used instead.")                                                  \
  X(NoticeDropUnusedFmt, "拖入的文件未使用：%s（可拖入一个 .json 数据集或一篇 .txt 文章）",                                                  \
    "Dropped file not used: %s (drop one .json dataset or one .txt article)")                                                                \
  X(NoticeDropImportBusyFmt, "导入窗口中的文章已有接受的事实，未打开 %s：请先保存或撤销。",                                                  \
    "The import window's article has accepted facts, so %s was not opened: save or undo them first.")                                        \
  X(NoticeDropArticleFailedFmt, "无法打开文章 %s：%s", "Cannot open the article %s: %s")                                                     \
  X(RecentMissing, "（文件不存在）", "(file not found)")                                                                                     \
  X(RecentForgetMissingFmt, "移除 %d 个不存在的文件", "Remove %d missing files")                                                             \
  X(DataViewTitle, "数据视图", "Data view")                                                                                                  \
  X(DataViewHelp,                                                                                                                            \
    "图中绘制的数字，与“复制数据”和 CSV 导出相同。点击列标题排序（再点倒序，第三次恢复）；"       \
    "点击行选择（Ctrl 多选、Shift 连选）；Ctrl+C 或“复制”复制所选行（未选则全部），可粘贴为 Excel/WPS " \
    "表格。",                                                                                                                                \
    "The numbers the chart plots, as 'Copy data' and the CSV export give them. Click a column header to "                                    \
    "sort "                                                                                                                                  \
    "(again: descending, third: original order); click rows to select (Ctrl adds, Shift extends); Ctrl+C "                                   \
    "or Copy "                                                                                                                               \
    "copies the selected rows (all when none), pasting as a table in Excel/WPS.")                                                            \
  X(DataViewCopy, "复制", "Copy")                                                                                                            \
  X(DataViewRowsFmt, "%s 行", "%s rows")                                                                                                     \
  X(DataViewSelectedFmt, "已选 %s 行", "%s selected")                                                                                        \
  X(DataViewCopiedFmt, "已复制 %s 行（制表符分隔）", "Copied %s rows (tab-separated)")                                                       \
  X(DataViewOriginFmt, "%s：%s", "%s: %s")
