// The report as one PDF (report.h, write_report_pdf): pages drawn by Cairo, text set by Pango
// with the fonts of the charts (export/cairo_text.h), so every character a dataset holds prints.
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <string>
#include <vector>

#include "chart_kinds/chart_series.h"
#include "core/date.h"
#include "export/cairo_painter.h"
#include "export/report.h"
#include "export/report_text.h"
#include "io/file_io.h"
#include "query/filter.h"
#include "query/project_summary.h"
#include "query/project_table.h"

namespace indtrack {

namespace {

// Text pages are as wide as the charts and 16:9; in CSS pixels like the charts (0.75 pt each).
constexpr float kMargin = 60;
constexpr float kBodyPx = 15, kSmallPx = 12, kHeadPx = 22, kTitlePx = 34;

struct Colour {
  double r, g, b;
};
constexpr Colour kInk{0.12, 0.14, 0.16}, kMuted{0.34, 0.38, 0.42}, kRule{0.82, 0.84, 0.87};

// Pages of one PDF, with a pen that flows text down a page and starts the next one when full.
class PdfPages {
 public:
  PdfPages(CairoText& fonts, std::string& out, float width, float height)
      : fonts_(fonts),
        width_(width),
        height_(height),
        surface_(cairo_pdf_surface_create_for_stream(append_to_string, &out, width * kPointsPerCssPixel,
                                                     height * kPointsPerCssPixel)),
        cr_(cairo_create(surface_)) {
    cairo_scale(cr_, kPointsPerCssPixel, kPointsPerCssPixel);
    y_ = kMargin;
  }
  ~PdfPages() {
    if (cr_) cairo_destroy(cr_);
    if (surface_) cairo_surface_destroy(surface_);
  }
  PdfPages(const PdfPages&) = delete;
  PdfPages& operator=(const PdfPages&) = delete;

  cairo_t* cr() const { return cr_; }
  cairo_surface_t* surface() const { return surface_; }
  float width() const { return width_; }
  float text_width() const { return width_ - 2 * kMargin; }

  // Ends the current page; the next has `width` × `height` CSS pixels (0: the text pages' size).
  void next_page(float width = 0, float height = 0) {
    cairo_show_page(cr_);
    const float w = width > 0 ? width : width_, h = height > 0 ? height : height_;
    cairo_pdf_surface_set_size(surface_, w * kPointsPerCssPixel, h * kPointsPerCssPixel);
    page_height_ = h;
    y_ = kMargin;
    ++pages_;
  }
  void text_page() {
    if (page_height_ != height_ || y_ > kMargin) next_page();
  }
  int pages() const { return pages_; }

  // A paragraph at the pen, wrapped to `width` (0: the text width), starting a new page when
  // it does not fit. `ellipsize`: one line, cut with "…".
  float paragraph(const std::string& text, float size_px, bool bold, Colour colour, float x = kMargin,
                  float width = 0, bool ellipsize = false, bool advance = true) {
    PangoLayout* layout = fonts_.layout(text, size_px, bold);
    pango_layout_set_width(layout, static_cast<int>((width > 0 ? width : text_width()) * PANGO_SCALE));
    if (ellipsize) {
      pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height(layout, -1);  // one line
    } else {
      pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    }
    int w = 0, h = 0;
    pango_layout_get_pixel_size(layout, &w, &h);
    if (advance && y_ + static_cast<float>(h) > page_height_ - kMargin && y_ > kMargin) next_page();
    cairo_set_source_rgb(cr_, colour.r, colour.g, colour.b);
    cairo_move_to(cr_, x, y_);
    pango_cairo_show_layout(cr_, layout);
    g_object_unref(layout);
    if (advance) y_ += static_cast<float>(h);
    return static_cast<float>(h);
  }
  void space(float px) { y_ += px; }
  float y() const { return y_; }
  bool fits(float px) const { return y_ + px <= page_height_ - kMargin; }
  void rule() {
    cairo_set_source_rgb(cr_, kRule.r, kRule.g, kRule.b);
    cairo_set_line_width(cr_, 1);
    cairo_move_to(cr_, kMargin, y_ + 0.5);
    cairo_line_to(cr_, width_ - kMargin, y_ + 0.5);
    cairo_stroke(cr_);
  }

  // "" or why the PDF could not be made.
  std::string finish() {
    cairo_status_t status = cairo_status(cr_);
    cairo_destroy(cr_);
    cr_ = nullptr;
    cairo_surface_finish(surface_);
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface_);
    cairo_surface_destroy(surface_);
    surface_ = nullptr;
    return status == CAIRO_STATUS_SUCCESS ? std::string() : cairo_status_to_string(status);
  }

 private:
  CairoText& fonts_;
  float width_, height_;
  float page_height_ = height_;
  cairo_surface_t* surface_;
  cairo_t* cr_;
  float y_ = 0;
  int pages_ = 1;
};

// The project table: the columns a printed list needs, each row one line (long names cut with …).
void project_table_pages(PdfPages& pages, const Dataset& data, const FilterSpec& filter,
                         const std::vector<int>& projects, Language lang, std::vector<std::string>& names) {
  const bool en = lang == Language::English;
  const DayNumber as_of = as_of_day(filter);
  struct Column {
    const char* zh;
    const char* en;
    float share;  // of the text width
    std::string ProjectTableRow::*field;
  };
  const Column columns[] = {
      {"项目", "Project", 0.27f, &ProjectTableRow::name},
      {"企业", "Company", 0.15f, &ProjectTableRow::company},
      {"区", "District", 0.08f, &ProjectTableRow::district},
      {"状态", "Status", 0.08f, &ProjectTableRow::status},
      {"产能", "Capacity", 0.20f, &ProjectTableRow::capacity},
      {"总投资", "Investment", 0.10f, &ProjectTableRow::total_investment},
      {"投产", "In operation", 0.12f, &ProjectTableRow::commissioning},
  };
  constexpr float kRowPx = 24;
  const auto header = [&] {
    pages.paragraph(std::string(by_language(lang, "项目表", "Project table")) +
                        by_language(lang, "（", " (") + std::to_string(projects.size()) +
                        by_language(lang, " 个项目，", " projects, ") + as_of_words(filter, lang) +
                        by_language(lang, "）", ")"),
                    kHeadPx, true, kInk);
    pages.space(10);
    float x = kMargin;
    for (const Column& c : columns) {
      pages.paragraph(by_language(lang, c.zh, c.en), kSmallPx, true, kMuted, x,
                      c.share * pages.text_width() - 8, true, false);
      x += c.share * pages.text_width();
    }
    pages.space(kRowPx);
    pages.rule();
    pages.space(4);
  };
  pages.text_page();
  names.push_back("projects");
  header();
  for (const int p : projects) {
    if (!pages.fits(kRowPx)) {
      pages.next_page();
      names.push_back("projects");
      header();
    }
    const ProjectTableRow row = project_table_row(data, summarize_project(data, p, as_of), filter, en);
    float x = kMargin;
    for (const Column& c : columns) {
      pages.paragraph(row.*(c.field), kSmallPx, false, kInk, x, c.share * pages.text_width() - 8, true,
                      false);
      x += c.share * pages.text_width();
    }
    pages.space(kRowPx);
  }
}

}  // namespace

ReportResult write_report_pdf(ChartExporter& exporter, const Dataset& data, const FilterSpec& filter,
                              const ReportSpec& spec, const std::string& path) {
  ReportResult result;
  if (const std::string problem = check_output_path(path); !problem.empty()) {
    result.error = problem;
    return result;
  }
  ChartFilePainter* painter = exporter.painter(result.error);
  if (!painter) return result;
  const Language lang = spec.options.lang;
  const std::vector<int> projects = filter_projects(data, filter);
  const chart::CategoryColours colours = company_colours(data);
  const ReportText text = report_text(data, filter, projects, spec);

  // The charts first: their text decides whether the system's fonts are needed before any page
  // is set (cairo_text.h).
  std::vector<PreparedChart> charts;
  for (const ChartKind kind : kAllChartKinds)
    charts.push_back(exporter.prepare(data, projects, filter, report_chart_spec(spec, kind), colours));

  std::string out;
  PdfPages pages(painter->text(), out, static_cast<float>(spec.width),
                 static_cast<float>(spec.width) * 9 / 16);
  const std::string title = by_language(lang, "乌海产业项目报告", "Wuhai industrial projects report");
  cairo_pdf_surface_set_metadata(pages.surface(), CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(pages.surface(), CAIRO_PDF_METADATA_SUBJECT, text.filter.c_str());
  cairo_pdf_surface_set_metadata(pages.surface(), CAIRO_PDF_METADATA_CREATOR, "indtrack " INDTRACK_VERSION);

  // The title page.
  result.files.emplace_back("title");
  pages.space(40);
  pages.paragraph(title, kTitlePx, true, kInk);
  pages.space(18);
  const std::string dataset_name =
      lang == Language::English && !data.name_en.empty() ? data.name_en : data.name;
  const std::string lines[] = {
      by_language(lang, "筛选：", "Filter: ") + text.filter,
      by_language(lang, "截至：", "As of: ") + Date::from_days(as_of_day(filter)).to_string() +
          clock_words(filter, lang),
      by_language(lang, "数据集：", "Dataset: ") + dataset_name +
          (data.updated ? by_language(lang, "，更新于 ", ", updated ") + data.updated->to_string()
                        : std::string()) +
          by_language(lang, "（格式版本 ", " (schema version ") + std::to_string(data.schema_version) +
          by_language(lang, "）", ")"),
      by_language(lang, "制作日期：", "Made on: ") + today().to_string() + " · indtrack " INDTRACK_VERSION,
  };
  for (const std::string& line : lines) {
    pages.paragraph(line, kBodyPx, false, kInk);
    pages.space(4);
  }
  pages.space(16);
  pages.paragraph(by_language(lang, "概要", "Summary"), kHeadPx, true, kInk);
  pages.space(6);
  for (const std::string& k : text.kpis) {
    pages.paragraph("· " + k, kBodyPx, false, kInk);
    pages.space(3);
  }
  pages.space(16);
  pages.paragraph(by_language(lang, "重现：", "Reproduce: ") + text.command + " --format pdf", kSmallPx,
                  false, kMuted);

  // Every chart on a page of its own size.
  for (const PreparedChart& chart : charts) {
    pages.next_page(static_cast<float>(chart.width), static_cast<float>(chart.height));
    const ShapedScene shaped = shape_scene(painter->text(), chart.scene, exporter.placement(chart.scale));
    paint_scene({pages.cr(), 0, {}}, chart.scene, shaped);
    result.files.push_back(std::string(chart_kind_id(chart_kind(chart.data))));
  }

  project_table_pages(pages, data, filter, projects, lang, result.files);

  pages.text_page();
  result.files.push_back("sources");
  pages.paragraph(by_language(lang, "数据来源", "Sources"), kHeadPx, true, kInk);
  pages.space(8);
  for (std::size_t i = 0; i < text.sources.size(); ++i) {
    pages.paragraph(std::to_string(i + 1) + ". " + text.sources[i], kSmallPx, false, kInk);
    pages.space(4);
  }

  if (const std::string problem = pages.finish(); !problem.empty()) {
    result.error = "cannot make the PDF " + path + ": " + problem;
    return result;
  }
  if (const WriteFileResult written = write_file_atomically(path, out); !written.ok)
    result.error = written.error;
  return result;
}

}  // namespace indtrack
