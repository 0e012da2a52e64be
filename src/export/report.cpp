// The report pack (report.h): charts, their data, the project table, index.html and README.md.
#include "export/report.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "chart/svg_writer.h"
#include "chart_kinds/chart_series.h"
#include "core/units.h"
#include "export/report_text.h"
#include "io/csv_writer.h"
#include "io/file_io.h"
#include "query/filter_args.h"
#include "query/kpis.h"
#include "query/project_summary.h"
#include "query/project_table.h"
#include "query/slippage.h"

namespace indtrack {

namespace {

std::string html(std::string_view text) { return chart::escape_xml(text); }

// Markdown text: characters that would start markup are escaped with a backslash ("&" too, or
// "&amp;" in a name would be read as an entity and shown as "&").
std::string markdown(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (std::strchr("\\`*_[]<>#|&", c) && c != '\0') out += '\\';
    out += c;
  }
  return out;
}

// A Markdown code span holding `text` verbatim: fenced by more backticks than any run inside it
// (CommonMark), padded with spaces when it starts or ends with one.
std::string markdown_code(std::string_view text) {
  std::size_t longest = 0, run = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !text.empty() && (text.front() == '`' || text.back() == '`');
  return fence + (pad ? " " : "") + std::string(text) + (pad ? " " : "") + fence;
}

struct Figure {
  ChartKind kind;
  std::string title, subtitle;
  bool empty = false;
};

}  // namespace

ReportText report_text(const Dataset& data, const FilterSpec& filter, const std::vector<int>& projects,
                       const ReportSpec& spec) {
  const Language lang = spec.options.lang;
  const bool en = lang == Language::English;
  ReportText t;
  t.projects = static_cast<int>(projects.size());
  t.filter = filter_in_words(data, filter, lang);
  t.command = "indtrack report --out " + shell_quote(spec.directory) + " --data " + shell_quote(data.path);
  if (const std::string flags = filter_to_flags(data, filter); !flags.empty()) t.command += " " + flags;
  if (en) t.command += " --lang en";
  if (spec.dark) t.command += " --theme dark";

  const DayNumber as_of = as_of_day(filter);
  std::vector<ProjectSummary> summaries;
  summaries.reserve(data.projects.size());
  for (int i = 0; i < static_cast<int>(data.projects.size()); ++i)
    summaries.push_back(summarize_project(data, i, as_of));
  const KpiSummary k = summarize_kpis(data, summaries, projects);

  std::string statuses;
  for (std::size_t s = 0; s < k.by_status.size(); ++s) {
    if (k.by_status[s] <= 0) continue;
    statuses += (statuses.empty() ? "" : by_language(lang, "，", ", ")) +
                std::string(chart::status_label(static_cast<Status>(s), lang)) + " " +
                std::to_string(k.by_status[s]);
  }
  t.kpis.push_back((en ? "Projects: " : "项目：") + std::to_string(k.projects) +
                   (statuses.empty() ? "" : (en ? " (" : "（") + statuses + (en ? ")" : "）")));
  for (const KpiSummary::ProductCapacity& p : k.products) {
    const std::string name = product_name(data, p.product, lang);
    const Dimension d = Dimension::MassPerYear;
    // The categories of the capacity chart's column, in its order (capacity_categories.h).
    std::string line = name + (en ? ": " : "：");
    for (const CapacityCategory cat : kCapacityCategories)
      if (p.at(cat) > 0)
        line += std::string(capacity_category_label(cat, en)) + " " + format_amount(p.at(cat), d, en) + " · ";
    t.kpis.push_back(line + (en ? "design " : "设计 ") + format_amount(p.designed, d, en));
  }
  if (k.projects_with_investment > 0)
    t.kpis.push_back((en ? "Total investment: " : "总投资：") +
                     format_amount(k.total_investment, Dimension::Money, en) +
                     (en ? " (stated by " + std::to_string(k.projects_with_investment) + " projects)"
                         : "（" + std::to_string(k.projects_with_investment) + " 个项目有数据）"));
  const SlippageSummary slips = summarize_slippage(data, compute_slippage(data, projects, as_of));
  const SlipKpiText slip = slippage_kpi_text(slips, en);
  if (!slip.on_time.empty())
    t.kpis.push_back(slip.on_time +
                     by_language(lang, "（以首次公布的预计日期为准）", " (by the first announced date)"));
  if (!slip.median_delay.empty()) t.kpis.push_back(slip.median_delay);
  t.kpis.push_back((en ? "Sources: " : "来源：") + std::to_string(k.sources) +
                   (en ? " (" + std::to_string(k.articles) + " with article text)"
                       : "（其中报道原文 " + std::to_string(k.articles) + " 篇）"));

  for (const int s : cited_sources(data, projects)) {
    const Source& src = data.sources[static_cast<std::size_t>(s)];
    std::string line = publisher_text(src, en) + " · " + src.date.to_string() + " · " + src.title;
    if (src.kind == Source::Kind::Reference)
      line += by_language(lang, "（摘录，无法离线核对）", " (excerpt, not checkable offline)");
    if (!src.url.empty()) line += " · " + src.url;
    t.sources.push_back(line);
  }
  return t;
}

namespace {

std::string index_html(const ReportText& t, const std::vector<Figure>& figures, const ReportSpec& spec) {
  const Language lang = spec.options.lang;
  const std::string title = by_language(lang, "乌海产业项目报告", "Wuhai industrial projects report");
  std::string out = "<!DOCTYPE html>\n<html lang=\"";
  out += by_language(lang, "zh-CN", "en");
  out += "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html(title) + "</title>\n";
  out +=
      "<style>body{font-family:'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang "
      "SC',sans-serif;"
      "max-width:1100px;margin:2em auto;padding:0 1em;line-height:1.5;color:#1f2328}"
      "figure{margin:2em 0}img{max-width:100%;border:1px solid #d0d7de}figcaption{color:#57606a}"
      "code{background:#f6f8fa;padding:0 .3em}</style>\n</head>\n<body>\n";
  out += "<h1>" + html(title) + "</h1>\n";
  out += "<p>" + html(by_language(lang, "筛选：", "Filter: ")) + html(t.filter) + "</p>\n";
  out +=
      "<p>" + html(by_language(lang, "重现：", "Reproduce: ")) + "<code>" + html(t.command) + "</code></p>\n";
  out += "<h2>" + html(by_language(lang, "概要", "Summary")) + "</h2>\n<ul>\n";
  for (const std::string& k : t.kpis) out += "<li>" + html(k) + "</li>\n";
  out += "</ul>\n<h2>" + html(by_language(lang, "图表", "Figures")) + "</h2>\n";
  for (const Figure& f : figures) {
    const std::string png = report_file_name(f.kind, ExportFormat::Png);
    out += "<figure>\n";
    if (spec.png) out += "<img src=\"" + html(png) + "\" alt=\"" + html(f.title) + "\">\n";
    out += "<figcaption><strong>" + html(f.title) + "</strong> — " + html(f.subtitle);
    if (f.empty) out += html(by_language(lang, "（当前筛选条件下没有数据）", " (no data for this filter)"));
    out += "<br>";
    if (spec.png) out += "<a href=\"" + html(png) + "\">PNG</a> · ";
    out += "<a href=\"" + html(report_file_name(f.kind, ExportFormat::Svg)) + "\">SVG</a> · <a href=\"" +
           html(report_file_name(f.kind, ExportFormat::Csv)) + "\">" +
           html(by_language(lang, "数据 CSV", "data CSV")) + "</a></figcaption>\n</figure>\n";
  }
  out += "<h2>" + html(by_language(lang, "项目表", "Project table")) +
         "</h2>\n<p><a href=\"projects.csv\">projects.csv</a> — " + std::to_string(t.projects) +
         html(by_language(lang, " 个项目", " projects")) + "</p>\n";
  out += "<h2>" + html(by_language(lang, "数据来源", "Sources")) + "</h2>\n<ol>\n";
  for (const std::string& s : t.sources) out += "<li>" + html(s) + "</li>\n";
  out += "</ol>\n</body>\n</html>\n";
  return out;
}

std::string readme_md(const ReportText& t, const std::vector<Figure>& figures, const ReportSpec& spec) {
  const Language lang = spec.options.lang;
  std::string out =
      std::string("# ") + by_language(lang, "乌海产业项目报告", "Wuhai industrial projects report") + "\n\n";
  out += std::string(by_language(lang, "筛选：", "Filter: ")) + markdown(t.filter) + "\n\n";
  out += std::string(by_language(lang, "重现：", "Reproduce: ")) + markdown_code(t.command) + "\n\n";
  out += std::string("## ") + by_language(lang, "概要", "Summary") + "\n\n";
  for (const std::string& k : t.kpis) out += "- " + markdown(k) + "\n";
  out += std::string("\n## ") + by_language(lang, "图表", "Figures") + "\n\n";
  for (const Figure& f : figures) {
    out += "### " + markdown(f.title) + "\n\n" + markdown(f.subtitle) + "\n\n";
    if (f.empty)
      out += std::string(by_language(lang, "当前筛选条件下没有数据。", "No data for this filter.")) + "\n\n";
    if (spec.png)
      out += "![" + markdown(f.title) + "](" + report_file_name(f.kind, ExportFormat::Png) + ")\n\n";
    out += "[SVG](" + report_file_name(f.kind, ExportFormat::Svg) + ") · [" +
           by_language(lang, "数据 CSV", "data CSV") + "](" + report_file_name(f.kind, ExportFormat::Csv) +
           ")\n\n";
  }
  out += std::string("## ") + by_language(lang, "项目表", "Project table") +
         "\n\n[projects.csv](projects.csv) — " + std::to_string(t.projects) +
         by_language(lang, " 个项目", " projects") + "\n\n";
  out += std::string("## ") + by_language(lang, "数据来源", "Sources") + "\n\n";
  for (std::size_t i = 0; i < t.sources.size(); ++i)
    out += std::to_string(i + 1) + ". " + markdown(t.sources[i]) + "\n";
  return out;
}

}  // namespace

std::string report_file_name(ChartKind kind, ExportFormat format) {
  const char* ext = format == ExportFormat::Png   ? ".png"
                    : format == ExportFormat::Pdf ? ".pdf"
                    : format == ExportFormat::Svg ? ".svg"
                                                  : ".csv";
  return std::string(chart_kind_id(kind)) + ext;
}

void apply_preset(ReportSpec& spec, const ExportPreset& preset) {
  spec.width = preset.width_px();
  spec.height = preset.height_px();
  spec.scale = preset.scale();
  spec.type = preset.type;
}

ChartExportSpec report_chart_spec(const ReportSpec& spec, ChartKind kind) {
  ChartExportSpec chart_spec;
  chart_spec.kind = kind;
  chart_spec.width = spec.width;
  chart_spec.height = spec.height;
  chart_spec.fit_height = spec.fit_height;
  chart_spec.scale = spec.scale;
  chart_spec.type = spec.type;
  chart_spec.dark = spec.dark;
  chart_spec.options = spec.options;
  return chart_spec;
}

ReportResult write_report(ChartExporter& exporter, const Dataset& data, const FilterSpec& filter,
                          const ReportSpec& spec) {
  ReportResult result;
  const std::string& dir = spec.directory;
  if (dir.empty()) {
    result.error = "no output directory given";
    return result;
  }
  if (file_exists(dir)) {
    result.error = "cannot write the report into " + dir + ": it is a file, not a directory";
    return result;
  }
  if (const std::string kind = non_regular_kind(dir); !kind.empty() && kind != "a directory") {
    result.error = "cannot write the report into " + dir + ": it is " + kind + ", not a directory";
    return result;
  }
  if (!is_directory(dir)) {
    const std::string parent = directory_of(dir);
    if (!is_directory(parent)) {
      result.error = "cannot create " + dir + ": directory " + parent + " does not exist";
      return result;
    }
    if (::mkdir(dir.c_str(), 0755) != 0) {
      result.error = "cannot create " + dir + ": " + std::strerror(errno);
      return result;
    }
  }
  const std::vector<int> projects = filter_projects(data, filter);
  const chart::CategoryColours colours = company_colours(data);
  const ChartOptions& options = spec.options;

  std::vector<Figure> figures;
  for (const ChartKind kind : kAllChartKinds) {
    const ChartExportSpec chart_spec = report_chart_spec(spec, kind);
    const PreparedChart chart = exporter.prepare(data, projects, filter, chart_spec, colours);
    figures.push_back(
        {kind, chart_text(chart.data).title, chart_text(chart.data).subtitle, chart_empty(chart.data)});
    for (const ExportFormat format : {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Csv}) {
      if (format == ExportFormat::Png && !spec.png) continue;
      const std::string name = report_file_name(kind, format);
      if (std::string error = exporter.write(chart, format, join_path(dir, name)); !error.empty()) {
        result.error = std::move(error);
        return result;
      }
      result.files.push_back(name);
    }
  }

  const ReportText text = report_text(data, filter, projects, spec);
  const std::pair<std::string, std::string> documents[] = {
      {"projects.csv",
       std::string(kUtf8Bom) + project_table_csv(data, filter, options.lang == Language::English)},
      {"index.html", index_html(text, figures, spec)},
      {"README.md", readme_md(text, figures, spec)},
  };
  for (const auto& [name, content] : documents) {
    const WriteFileResult written = write_file_atomically(join_path(dir, name), content);
    if (!written.ok) {
      result.error = written.error;
      return result;
    }
    result.files.push_back(name);
  }
  return result;
}

}  // namespace indtrack
