// Every string the UI shows, in Chinese (the default) and English, in one table, and the helpers
// that pick a dataset name (project, company, park, ...) in the UI's language. Vocabulary labels
// (statuses, milestone kinds, bases) come from model/vocabulary.h, which holds both languages.
// Strings with a printf placeholder say so in their name (...Fmt).
#pragma once

#include <string>
#include <string_view>

#include "app_model/curate_strings.h"
#include "core/language.h"
#include "model/dataset.h"

namespace indtrack::ui {

#include "app_model/chart_panel_strings.h"  // part of the table below
#include "app_model/file_strings.h"         // part of the table below
#include "app_model/navigation_strings.h"   // part of the table below

// X(id, 中文, English)
#define INDTRACK_UI_STRINGS(X)                                                                                                                                  \
  X(AppTitle, "乌海产业项目跟踪", "Wuhai Industrial Project Tracker")                                                                                           \
  X(MenuFile, "文件", "File")                                                                                                                                   \
  X(MenuOpen, "打开数据集…", "Open dataset…")                                                                                                                   \
  X(MenuReload, "重新加载", "Reload")                                                                                                                           \
  X(MenuRecent, "最近打开", "Recent files")                                                                                                                     \
  X(MenuRecentEmpty, "（无）", "(none)")                                                                                                                        \
  X(MenuClearRecent, "清除列表", "Clear list")                                                                                                                  \
  X(MenuQuit, "退出", "Quit")                                                                                                                                   \
  X(MenuView, "视图", "View")                                                                                                                                   \
  X(MenuLanguage, "语言", "Language")                                                                                                                           \
  X(LanguageChinese, "中文", "中文")                                                                                                                            \
  X(LanguageEnglish, "English", "English")                                                                                                                      \
  X(MenuTheme, "主题", "Theme")                                                                                                                                 \
  X(ThemeDark, "深色（屏幕）", "Dark (screen)")                                                                                                                 \
  X(ThemeLight, "浅色（打印）", "Light (print)")                                                                                                                \
  X(MenuResetLayout, "重置布局", "Reset layout")                                                                                                                \
  X(MenuHelp, "帮助", "Help")                                                                                                                                   \
  X(MenuAbout, "关于", "About")                                                                                                                                 \
  X(MenuDataSources, "数据来源", "Data sources")                                                                                                                \
  X(Cancel, "取消", "Cancel")                                                                                                                                   \
  X(Close, "关闭", "Close")                                                                                                                                     \
  X(AboutText,                                                                                                                                                  \
    "跟踪乌海市（内蒙古）BDO 产业链与新能源、新材料项目。每个数字都附有来源和原文引语；"                                 \
    "预计日期与实际日期分开显示，日期按来源的精度显示（年 / 月 / 日）。",                                                                                       \
    "Tracks industrial projects in Wuhai (Inner Mongolia): the BDO chain and new-energy / "                                                                     \
    "new-material plants. Every number carries its source and verbatim quote; expected and "                                                                    \
    "actual dates are kept apart, and dates keep the precision the source gives (year / "                                                                       \
    "month / day).")                                                                                                                                            \
  X(AboutFontFmt, "字体：%s（SIL OFL 1.1）", "Font: %s (SIL OFL 1.1)")                                                                                          \
  X(VersionFmt, "版本 %s", "Version %s")                                                                                                                        \
  X(SourcesTitle, "数据来源", "Data sources")                                                                                                                   \
  X(SourcesNone, "未加载数据集。", "No dataset loaded.")                                                                                                        \
  X(SourcesDate, "日期", "Date")                                                                                                                                \
  X(SourcesKind, "类型", "Kind")                                                                                                                                \
  X(SourcesId, "编号 / 文件", "Id / file")                                                                                                                      \
  X(StatusNoDataset, "未加载数据集", "No dataset loaded")                                                                                                       \
  X(StatusProjectsFmt, "%d 个项目", "%d projects")                                                                                                              \
  X(StatusUnitsFmt, "%d 条产线", "%d production lines")                                                                                                         \
  X(StatusSourcesFmt, "%d 个来源", "%d sources")                                                                                                                \
  X(StatusShownFmt, "显示 %d / %d", "showing %d of %d")                                                                                                         \
  X(StatusErrorsFmt, "%d 个错误", "%d errors")                                                                                                                  \
  X(StatusWarningsFmt, "%d 个警告", "%d warnings")                                                                                                              \
  X(StatusUpdatedFmt, "数据更新于 %s", "data updated %s")                                                                                                       \
  X(KpiProjects, "项目", "Projects")                                                                                                                            \
  X(KpiPartlyFmt, "其中部分投产 %d", "%d partly operating")                                                                                                     \
  X(KpiOperatingFmt, "%s 在产产能", "%s operating")                                                                                                             \
  X(KpiDesignFmt, "设计 %s", "design %s")                                                                                                                       \
  X(KpiInvestment, "总投资", "Total investment")                                                                                                                \
  X(KpiInvestmentCountFmt, "%d 个项目有数据", "stated by %d projects")                                                                                          \
  X(KpiNoCapacity, "无产能数据", "no capacity data")                                                                                                            \
  X(KpiSourcesFmt, "%d 个来源，其中报道原文 %d", "%d sources, %d with article text")                                                                            \
  X(KpiFoldedProjectsFmt, "%d 个项目", "%d projects")                                                                                                           \
  X(KpiFoldedInvestmentFmt, "总投资 %s", "%s invested")                                                                                                         \
  X(KpiFoldTip, "收起指标卡：一行显示主要数字，把高度留给图表",                                                                                                 \
    "Fold the key figures into one line, leaving the height to the chart")                                                                                      \
  X(KpiOpenTip, "展开指标卡", "Show the key figures as cards")                                                                                                  \
  X(TableTitle, "项目", "Projects")                                                                                                                             \
  X(ColName, "项目名称", "Project")                                                                                                                             \
  X(ColCompany, "企业", "Company")                                                                                                                              \
  X(ColDistrict, "区", "District")                                                                                                                              \
  X(ColPark, "园区", "Park")                                                                                                                                    \
  X(ColIndustry, "产业", "Industry")                                                                                                                            \
  X(ColStatus, "状态", "Status")                                                                                                                                \
  X(ColCapacity, "设计产能", "Design capacity")                                                                                                                 \
  X(PossiblyStalled, "可能停滞", "possibly stalled")                                                                                                            \
  X(StatusInferredSuffix, "（推断）", " (inferred)")                                                                                                            \
  X(StatusPartlyOperating, "部分投产", "partly operating")                                                                                                      \
  X(ColInvestment, "总投资", "Investment")                                                                                                                      \
  X(ColConstructionStart, "开工", "Construction start")                                                                                                         \
  X(ColCommissioning, "投产", "Commissioning")                                                                                                                  \
  X(ColLatestReport, "最近报道", "Latest report")                                                                                                               \
  X(TableEmpty, "没有项目。", "No projects.")                                                                                                                   \
  X(ExpectedShort, "预计", "exp.")                                                                                                                              \
  X(DetailTitle, "项目详情", "Project detail")                                                                                                                  \
  X(DetailNone, "在左侧表格中选择一个项目。", "Select a project in the table.")                                                                                 \
  X(DetailCompany, "企业", "Company")                                                                                                                           \
  X(DetailParent, "母公司", "Parent company")                                                                                                                   \
  X(DetailPark, "园区", "Park")                                                                                                                                 \
  X(DetailDistrict, "所在区", "District")                                                                                                                       \
  X(DetailDistrictFromPark, "由园区推断", "inferred from the park")                                                                                             \
  X(DetailDistrictUnknown, "未知", "unknown")                                                                                                                   \
  X(DetailIndustries, "产业", "Industries")                                                                                                                     \
  X(DetailProducts, "产品", "Products")                                                                                                                         \
  X(DetailAliases, "别名", "Also called")                                                                                                                       \
  X(DetailUnits, "产线 / 装置", "Production lines")                                                                                                             \
  X(DetailNoUnits, "数据集中没有产线信息。", "No production lines in the dataset.")                                                                             \
  X(DetailCapacity, "产能", "Capacity")                                                                                                                         \
  X(DetailCapacityConflict, "来源不一致的产能", "Conflicting capacity statements")                                                                              \
  X(DetailMilestones, "节点", "Milestones")                                                                                                                     \
  X(DetailProjectMilestones, "项目节点", "Project milestones")                                                                                                  \
  X(DetailStatusReports, "状态报道", "Status reports")                                                                                                          \
  X(DetailInvestments, "投资", "Investment")                                                                                                                    \
  X(DetailConflicts, "来源之间的分歧", "Where sources disagree")                                                                                                \
  X(DetailEvidence, "其他来源陈述", "Other statements")                                                                                                         \
  X(DetailNotes, "备注", "Notes")                                                                                                                               \
  X(DetailLatestReport, "最近报道", "Latest report")                                                                                                            \
  X(DetailTotals, "来源所述合计", "Totals as stated")                                                                                                           \
  X(ScopeProductFmt, "仅指 %s 生产线", "%s lines only")                                                                                                         \
  X(ScopePhaseFmt, "仅指%s", "%s only")                                                                                                                         \
  X(ByFmt, "最迟 %s 已处于此状态", "in this state by %s")                                                                                                       \
  X(DetailSources, "来源", "Sources")                                                                                                                           \
  X(DetailPhase, "期次", "Phase")                                                                                                                               \
  X(MilestoneExpected, "预计", "expected")                                                                                                                      \
  X(MilestoneActual, "实际", "actual")                                                                                                                          \
  X(ReportedFmt, "（%s 报道）", "(reported %s)")                                                                                                                \
  X(AsPublishedByFmt, "截至 %s（当时已发布报道）", "as of %s (as published then)")                                                                              \
  X(AsOfFmt, "截至 %s", "as of %s")                                                                                                                             \
  X(Approximate, "约", "about")                                                                                                                                 \
  X(SourceArticle, "报道原文", "article")                                                                                                                       \
  X(SourceReference, "仅有摘录", "excerpt only")                                                                                                                \
  X(SourceNotVerifiable, "无法离线核对", "not checkable offline")                                                                                               \
  X(SourceVerified, "引语见于原文", "quote found in the article text")                                                                                          \
  X(SourceMissing, "（来源缺失）", "(source missing)")                                                                                                          \
  X(QuoteLabel, "原文", "Quote")                                                                                                                                \
  X(NoteLabel, "说明", "Note")                                                                                                                                  \
  X(DateBasisLabel, "日期依据", "Date basis")                                                                                                                   \
  X(NoticesTitle, "提示与问题", "Notices and problems")                                                                                                         \
  X(NoticesNone, "没有问题。", "No problems.")                                                                                                                  \
  X(NoticeSeverityError, "错误", "error")                                                                                                                       \
  X(NoticeSeverityWarning, "警告", "warning")                                                                                                                   \
  X(NoticeSeverityInfo, "提示", "notice")                                                                                                                       \
  X(NoticeClickHint, "点击一条问题可选中相关项目。", "Click a problem to select its project.")                                                                  \
  X(NoticeLoadFailedFmt, "无法打开 %s：%d 个错误，仍显示之前的数据集。",                                                                                        \
    "Could not open %s: %d errors; the previous dataset stays loaded.")                                                                                         \
  X(NoticeLoadFailedNoneFmt, "无法打开 %s：%d 个错误。", "Could not open %s: %d errors.")                                                                       \
  X(NoticeLoadedFmt, "已加载 %s", "Loaded %s")                                                                                                                  \
  X(NoticeFontFallbackFmt, "未找到随附字体 %s，改用系统字体 %s。",                                                                                              \
    "Bundled font %s not found; using the system font %s.")                                                                                                     \
  X(NoticeFontMissingFmt, "未找到随附字体 %s，也没有系统中文字体：中文无法显示。",                                                                              \
    "Bundled font %s not found and no system CJK font: Chinese text cannot be shown.")                                                                          \
  X(NoticeGlyphsMissingFmt, "%d 个字符没有任何字体可以显示：%s",                                                                                                \
    "%d characters have no glyph in any font: %s")                                                                                                              \
  X(NoticeSettingsBrokenFmt, "设置文件无法读取，已使用默认设置（原文件另存为 settings.json.broken）：%s",                                                       \
    "The settings file could not be read; defaults are used (the file was kept as settings.json.broken): "                                                      \
    "%s")                                                                                                                                                       \
  X(NoticeSettingsSaveFailedFmt, "无法保存设置：%s", "Could not save the settings: %s")                                                                         \
  INDTRACK_CURATE_STRINGS(X)                                                                                                                                    \
  X(FilterTitle, "筛选", "Filters")                                                                                                                             \
  X(FilterSearchHint, "搜索：名称、简称、英文…", "Search: names, short names, English…")                                                                        \
  X(FilterClearAll, "全部清除", "Clear all")                                                                                                                    \
  X(FilterCopyCommand, "复制为命令", "Copy as command")                                                                                                         \
  X(FilterCopied, "已复制到剪贴板：", "Copied to the clipboard:")                                                                                               \
  X(FilterAsOf, "截至日期", "As of")                                                                                                                            \
  X(FilterToday, "今天", "Today")                                                                                                                               \
  X(FilterFrom, "起", "From")                                                                                                                                   \
  X(FilterTo, "止", "To")                                                                                                                                       \
  X(FilterClock, "依据", "Clock")                                                                                                                               \
  X(FilterClockNow, "现在所知", "As known now")                                                                                                                 \
  X(FilterClockPublished, "当时已发布", "As published then")                                                                                                    \
  X(FilterClockNowTip, "截至日期那天的状态，按现在所知的全部报道：事实按其所述日期计入，不论何时发表。",                                                        \
    "The state on the as-of date as we know it today: every fact counts from the date it is about, "                                                            \
    "whenever it was published.")                                                                                                                               \
  X(FilterClockPublishedTip,                                                                                                                                    \
    "只计截至日期前已发表的报道：当时的读者能知道什么。数字、状态、图表和来源行都按此计算。只读：编辑请切回" \
    "“现在所知”。",                                                                                                                                             \
    "Only reports published by the as-of date: what a reader could have known then. Numbers, statuses, "                                                        \
    "charts and source lines all follow it. Read-only: switch back to As known now to edit.")                                                                   \
  X(EditNeedsNowClock, "按“当时已发布”查看时不能编辑：切回“现在所知”后编辑。",                                                                                  \
    "Editing is off while viewing As published then: switch back to As known now to edit.")                                                                     \
  X(FilterDateRange, "节点日期范围", "Milestone dates")                                                                                                         \
  X(FilterDateHint, "年 / 年-月 / 年-月-日", "YYYY / YYYY-MM / YYYY-MM-DD")                                                                                     \
  X(FilterBadDate, "无法识别的日期", "not a date")                                                                                                              \
  X(FilterSelectedFmt, "已选 %d", "%d selected")                                                                                                                \
  INDTRACK_CHART_PANEL_STRINGS(X)                                                                                                                               \
  INDTRACK_NAVIGATION_STRINGS(X)                                                                                                                                \
  INDTRACK_FILE_STRINGS(X)                                                                                                                                      \
  X(Yes, "是", "yes")                                                                                                                                           \
  X(No, "否", "no")

enum class Str : unsigned short {
#define INDTRACK_UI_STRING_ID(id, zh, en) id,
  INDTRACK_UI_STRINGS(INDTRACK_UI_STRING_ID)
#undef INDTRACK_UI_STRING_ID
      Count
};

// The string in `language` (the UI's language is AppState::language(); the panels' tr() in
// ui/host/widgets.h reads it for the frame being drawn).
const char* text(Str id, Language language);

// Every UI string in both languages, concatenated: the glyph set's starting point.
std::string all_ui_text();

// Vocabulary labels in the UI language.
std::string_view label(Status s, Language language);
std::string_view label(MilestoneKind k, Language language);
std::string_view label(Basis b, Language language);
std::string_view label(InvestmentScope s, Language language);

// Dataset names: English where the UI is English and the dataset has an English name, Chinese
// otherwise. Companies use their short name when they have one (华恒), as the table does.
const std::string& localized(const std::string& zh, const std::string& en, Language language);
const std::string& name_of(const Project& p, Language language);
const std::string& name_of(const Company& c, Language language);
const std::string& full_name_of(const Company& c, Language language);
// The name a column of many companies shows: the short name (华恒); in English the English name
// without the place and the legal form ("Inner Mongolia Huaheng Energy Technology Co., Ltd." ->
// "Huaheng Energy"), so rows do not all start "Inner Mongolia …" and end cut off. The rule is
// model/company_name.h, the charts' legends use the same.
std::string short_name_of(const Company& c, Language language);
const std::string& name_of(const District& d, Language language);
const std::string& name_of(const Park& p, Language language);
const std::string& name_of(const Industry& i, Language language);
const std::string& name_of(const Product& p, Language language);  // short name (BDO) first
const std::string& name_of(const Unit& u, Language language);
const std::string& name_of(const Dataset& d, Language language);

}  // namespace indtrack::ui
