// `indtrack export` (one chart as PNG, PDF, SVG or CSV) and `indtrack report` (the report pack,
// or one PDF): headless, no GPU and no display — chart files are painted by Cairo
// (export/chart_export.h). The chart kinds and their options come from the one list in
// chart_kinds/chart_kinds.h.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chart_kinds/chart_series.h"
#include "cli/cli.h"
#include "cli/cli_args.h"
#include "cli/command_support.h"
#include "export/chart_export.h"
#include "export/report.h"
#include "io/data_paths.h"
#include "query/filter_args.h"
#include "query/published_view.h"

namespace indtrack {

namespace {

constexpr const char* kExportUsage =
    "usage: indtrack export --chart %s --out FILE\n"
    "                       [--data FILE | --db CONNINFO] [filters] [--preset word|page|slide|square]\n"
    "                       [--width W] [--height H] [--scale S] [--lang zh|en] [--theme light|dark] "
    "[--title T] [--subtitle T]\n"
    "                       [--svg-text live|outlines] [chart options]\n"
    "\n"
    "Writes one chart of the filtered projects. The format follows FILE's extension:\n"
    "  .png  W*S x H*S pixels, marked to print at 96*S dots per inch (W x H at 96 dpi)\n"
    "  .pdf  the same layout as vector graphics, one page of W x H px (0.75 pt each), fonts\n"
    "        embedded, text kept as text (copy and search work)\n"
    "  .svg  the same layout as vector graphics, text kept as text (editable; the reader needs\n"
    "        a CJK font); --svg-text outlines draws every glyph as a shape instead\n"
    "  .csv  exactly the numbers the chart plots (UTF-8 with BOM, opens in Excel/WPS)\n"
    "Every chart carries a title, the filter in words as subtitle, axis units, a legend and a\n"
    "footer with the sources, the as-of date and the generation date.\n"
    "\n"
    "  --preset P             a size in physical units, type in points (1 pt = 1/72 inch):\n"
    "                           word    16 x 10 cm at 300 dpi (a Word/WPS column), the report's default\n"
    "                           page    16 x 22 cm at 300 dpi (a full A4 page of text width)\n"
    "                           square  16 x 16 cm at 300 dpi\n"
    "                           slide   24 x 13.5 cm (16:9) at 200 dpi\n"
    "                         timeline, investment and slippage grow taller to show their rows,\n"
    "                         up to 22 cm (word, page; slide and square keep their height).\n"
    "                         title 12 pt, labels 9 pt, sources 7.5 pt (slide: 16, 11, 9 pt). The\n"
    "                         canvas is in CSS pixels (96 per inch, so 1 pt = 4/3 px): 16 cm is\n"
    "                         605 px, the PNG has dpi/96 pixels per px (1891 px for 16 cm at 300\n"
    "                         dpi) and says its dpi (pHYs), so pasted at its width the type prints\n"
    "                         at those points. --width/--height/--scale after it change its size.\n"
    "  --width W, --height H  canvas in logical pixels (default 1600 x 900, type 13 px at any size:\n"
    "                         a smaller canvas with a larger --scale gives larger type in a document;\n"
    "                         a pt size p is p * 4/3 px, printed at 96 * S dpi). Without --height the\n"
    "                         timeline, investment and slippage charts are as tall as their rows\n"
    "                         need (450 to 4800), so every row is shown up to about 200 rows.\n"
    "  --data FILE            the dataset file (default: the bundled data/wuhai.json)\n"
    "  --db CONNINFO          the dataset on a PostgreSQL server instead (see indtrack list --help)\n"
    "  --scale S              PNG pixels per logical pixel, 0.5 to 4 (default 2)\n"
    "  --svg-text live|outlines  SVG text as text (default) or as glyph outlines: placed\n"
    "                         exactly in any program, no font needed, not editable as text\n"
    "  --lang zh|en           language of the chart (default zh)\n"
    "  --theme light|dark     default light (for print)\n"
    "  --title T, --subtitle T  replace the chart's own title or subtitle\n"
    "chart options:\n"
    "%s"
    "The capacity chart shows the filter's first --product, else BDO.\n"
    "\n"
    "The filters are those of `indtrack list`:\n"
    "%s\n"
    "examples:\n"
    "  indtrack export --chart capacity --out bdo.png --product BDO --as-of 2024-10-31\n"
    "  indtrack export --chart timeline --out 海南区进度.svg --district 海南区 --lang zh\n"
    "  indtrack export --chart status --out status.pdf --lang en\n"
    "  indtrack export --chart slippage --out slippage.csv\n"
    "Exit status: 0 written, 1 cannot write or render (message on stderr), 2 bad options.\n";

constexpr const char* kReportUsage =
    "usage: indtrack report --out DIR [--data FILE | --db CONNINFO] [filters] [--preset P] [--width W]\n"
    "                       [--height H] [--scale S] [--lang zh|en] [--theme light|dark] [--no-png] [chart "
    "options]\n"
    "       indtrack report --format pdf --out FILE.pdf [the same options]\n"
    "\n"
    "--format pack (the default) writes a report pack for the filtered projects into DIR (created\n"
    "if missing; its parent must exist; files of the same names are replaced):\n"
    "  %s .png/.svg/.csv  every chart, as\n"
    "      `indtrack export` writes it, with the CSV of its plotted numbers\n"
    "  projects.csv  the filtered project table (as `indtrack list --format csv`)\n"
    "  index.html, README.md  the figures with the KPIs, the filter in words, the sources\n"
    "The pack's charts are made with --preset word (16 cm wide at 300 dpi, type in points) unless\n"
    "--preset, --width, --height or --scale say otherwise; without --height the timeline,\n"
    "investment and slippage charts are as tall as their rows need.\n"
    "--no-png leaves out the PNGs (faster). --format pdf writes one PDF instead: a title page\n"
    "(filter, as-of date, dataset version, date made, the summary), every chart on a page of its\n"
    "own with its sources in its footer, and the project table. No GPU or display is needed.\n"
    "The other options are those of `indtrack export --help`.\n"
    "\n"
    "The filters are those of `indtrack list`:\n"
    "%s\n"
    "examples:\n"
    "  indtrack report --out report-2024 --as-of 2024-10-31\n"
    "  indtrack report --out 海南区 --district 海南区 --product BDO --lang zh --scale 3\n"
    "  indtrack report --format pdf --out 乌海项目.pdf --as-of 2024-10-31\n"
    "Exit status: 0 written, 1 cannot write or render (message on stderr), 2 bad options.\n";

// Options both verbs share.
struct CommonOptions {
  std::string out, data;
  std::optional<std::string> db;  // --db CONNINFO
  FilterArgs filters;
  int width = 1600, height = 900;
  bool width_given = false, height_given = false, scale_given = false;
  float scale = 2;
  const ExportPreset* preset = nullptr;  // --preset
  bool dark = false;
  ChartOptions chart;
};

// The preset's size, scale and type, then --width, --height and --scale over it.
template <typename Spec>
void apply_size(const CommonOptions& o, const ExportPreset* preset, Spec& spec) {
  if (preset) apply_preset(spec, *preset);
  if (!preset || o.width_given) spec.width = o.width;
  if (!preset || o.height_given) spec.height = o.height;
  if (!preset || o.scale_given) spec.scale = o.scale;
  if (o.height_given) spec.fit_height = false;
}

// Consumes args[i] when it is a chart kind's option (chart_kinds.h); sets `error` for a bad value.
bool take_chart_option(const std::vector<std::string>& args, std::size_t& i, ChartOptions& options,
                       std::string& error) {
  for (const ChartOptionSpec* o : chart_command_line_options()) {
    if (o->type == ChartOptionSpec::Type::Flag) {
      if (args[i] != o->flag) continue;
      o->set(options, o->flag_value);
      return true;
    }
    std::string value;
    if (!option_value(args, i, o->flag, value, error)) continue;
    if (!error.empty()) return true;
    for (const ChartOptionChoice& choice : o->choices)
      if (value == choice.cli) {
        o->set(options, choice.value);
        return true;
      }
    std::string names;
    for (std::size_t c = 0; c < o->choices.size(); ++c)
      names += std::string(c == 0                       ? ""
                           : c + 1 == o->choices.size() ? " or "
                                                        : ", ") +
               std::string(o->choices[c].cli);
    error = std::string(o->flag) + " must be " + names + ", got \"" + value + "\"";
    return true;
  }
  return false;
}

// Consumes args[i] when it is a shared option; sets `error` for a bad value.
bool take_common(const std::vector<std::string>& args, std::size_t& i, CommonOptions& o, std::string& error) {
  std::string value;
  if (take_filter_flag(args, i, o.filters, error)) return true;
  if (option_value(args, i, "--out", value, error)) {
    o.out = value;
  } else if (option_value(args, i, "--data", value, error)) {
    o.data = value;
  } else if (option_value(args, i, "--db", value, error)) {
    o.db = value;
  } else if (option_value(args, i, "--preset", value, error)) {
    o.preset = export_preset(value);
    if (!o.preset && error.empty())
      error = "--preset must be word, page, slide or square, got \"" + value + "\"";
  } else if (option_value(args, i, "--width", value, error)) {
    o.width_given = true;
    if (error.empty() && !parse_int_in(value, 320, 8192, o.width))
      error = "--width must be a whole number of pixels from 320 to 8192, got \"" + value + "\"";
  } else if (option_value(args, i, "--height", value, error)) {
    o.height_given = true;
    if (error.empty() && !parse_int_in(value, 240, 8192, o.height))
      error = "--height must be a whole number of pixels from 240 to 8192, got \"" + value + "\"";
  } else if (option_value(args, i, "--scale", value, error)) {
    o.scale_given = true;
    if (error.empty() && !parse_float_in(value, 0.5f, 4.0f, o.scale))
      error = "--scale must be a number from 0.5 to 4, got \"" + value + "\"";
  } else if (option_value(args, i, "--lang", value, error)) {
    if (value == "zh")
      o.chart.lang = Language::Chinese;
    else if (value == "en")
      o.chart.lang = Language::English;
    else if (error.empty())
      error = "--lang must be zh or en, got \"" + value + "\"";
  } else if (option_value(args, i, "--theme", value, error)) {
    if (value == "light")
      o.dark = false;
    else if (value == "dark")
      o.dark = true;
    else if (error.empty())
      error = "--theme must be light or dark, got \"" + value + "\"";
  } else if (take_chart_option(args, i, o.chart, error)) {
  } else {
    return false;
  }
  return true;
}

// The chart options' help lines, from the kinds' declarations: "  --group company|park|district  ...".
std::string chart_options_help() {
  std::string out;
  for (const ChartOptionSpec* o : chart_command_line_options()) {
    std::string flag = "  " + std::string(o->flag);
    if (o->type == ChartOptionSpec::Type::Choice) {
      flag += ' ';
      for (std::size_t i = 0; i < o->choices.size(); ++i)
        flag += (i ? "|" : "") + std::string(o->choices[i].cli);
    }
    flag.resize(std::max<std::size_t>(flag.size() + 3, 36), ' ');
    out += flag + std::string(o->help) + "\n";
  }
  return out;
}

std::string export_usage() {
  std::string kinds = chart_kind_ids("|");
  const std::string options = chart_options_help();
  const int n = std::snprintf(nullptr, 0, kExportUsage, kinds.c_str(), options.c_str(), filter_flags_help());
  std::string out(static_cast<std::size_t>(n), '\0');
  std::snprintf(out.data(), out.size() + 1, kExportUsage, kinds.c_str(), options.c_str(),
                filter_flags_help());
  return out;
}

std::string report_usage() {
  const std::string kinds = chart_kind_ids(", ");
  const int n = std::snprintf(nullptr, 0, kReportUsage, kinds.c_str(), filter_flags_help());
  std::string out(static_cast<std::size_t>(n), '\0');
  std::snprintf(out.data(), out.size() + 1, kReportUsage, kinds.c_str(), filter_flags_help());
  return out;
}

int usage_error(const char* verb, const std::string& usage, const std::string& message) {
  std::fprintf(stderr, "indtrack %s: %s\n", verb, message.c_str());
  std::fputs(usage.c_str(), stderr);
  return kExitUsage;
}

int failure(const char* verb, const std::string& message) {
  std::fprintf(stderr, "indtrack %s: %s\n", verb, message.c_str());
  return kExitFailure;
}

// Characters no installed font could draw are written anyway (as U+FFFD), and named.
void warn_missing_glyphs(const char* verb, const ChartExporter& exporter) {
  if (const std::string missing = exporter.missing_characters(); !missing.empty())
    std::fprintf(stderr,
                 "indtrack %s: warning: no installed font has %s; drawn as \xEF\xBF\xBD (install a font "
                 "that has it, e.g. fonts-hanazono for CJK Extension B)\n",
                 verb, missing.c_str());
}

// The dataset and filter; nullopt after printing why (exit code in `code`).
struct Loaded {
  Dataset data;
  FilterSpec filter;
};
std::optional<Loaded> load(const char* verb, const std::string& usage, const CommonOptions& o, int& code) {
  const DataLocation where{o.data, o.db};
  if (const std::string bad = check_data_location(where); !bad.empty()) {
    std::fprintf(stderr, "indtrack %s: %s\n", verb, bad.c_str());
    code = kExitUsage;
    return std::nullopt;
  }
  std::optional<Dataset> data = load_dataset_for_command(verb, where, std::cerr);
  if (!data) {
    code = kExitFailure;
    return std::nullopt;
  }
  ResolveResult resolved = resolve_filter(*data, o.filters);
  if (!resolved.spec) {
    code = usage_error(verb, usage, resolved.error);
    return std::nullopt;
  }
  Dataset shown = for_clock(std::move(*data), *resolved.spec);
  return Loaded{std::move(shown), std::move(*resolved.spec)};
}

}  // namespace

int run_export_command(const std::vector<std::string>& args) {
  CommonOptions o;
  std::string kind_name, title, subtitle, value, error;
  bool outlined = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-h" || args[i] == "--help") {
      std::fputs(export_usage().c_str(), stdout);
      return kExitOk;
    }
    if (take_common(args, i, o, error)) {
    } else if (option_value(args, i, "--chart", value, error)) {
      kind_name = value;
    } else if (option_value(args, i, "--title", value, error)) {
      title = value;
    } else if (option_value(args, i, "--subtitle", value, error)) {
      subtitle = value;
    } else if (option_value(args, i, "--svg-text", value, error)) {
      if (value == "outlines")
        outlined = true;
      else if (value == "live")
        outlined = false;
      else if (error.empty())
        error = "--svg-text must be live or outlines, got \"" + value + "\"";
    } else {
      error = "unknown option \"" + args[i] + "\"";
    }
    if (!error.empty()) return usage_error("export", export_usage(), error);
  }
  if (kind_name.empty()) return usage_error("export", export_usage(), "--chart is required");
  const std::optional<ChartKind> kind = chart_kind_from_id(kind_name);
  if (!kind)
    return usage_error("export", export_usage(),
                       "--chart must be one of " + chart_kind_ids(", ") + ", got \"" + kind_name + "\"");
  if (o.out.empty()) return usage_error("export", export_usage(), "--out FILE is required");
  // Before the work: a missing directory or a directory given as the file is reported at once.
  if (const std::string problem = check_output_path(o.out); !problem.empty())
    return failure("export", problem);
  const std::optional<ExportFormat> format = export_format_for(o.out);
  if (!format)
    return usage_error("export", export_usage(), "--out must end in .png, .pdf, .svg or .csv: " + o.out);

  int code = kExitOk;
  std::optional<Loaded> loaded = load("export", export_usage(), o, code);
  if (!loaded) return code;
  ChartExportSpec spec;
  spec.kind = *kind;
  spec.fit_height = !o.height_given;
  apply_size(o, o.preset, spec);
  spec.dark = o.dark;
  spec.title = title;
  spec.subtitle = subtitle;
  spec.svg_outlined = outlined;
  spec.options = o.chart;

  ChartExporter exporter(chart::resolve_fonts(find_bundled_file(kBundledFont)));
  const PreparedChart chart = exporter.prepare(loaded->data, filter_projects(loaded->data, loaded->filter),
                                               loaded->filter, spec, company_colours(loaded->data));
  if (const std::string problem = exporter.write(chart, *format, o.out); !problem.empty())
    return failure("export", problem);
  warn_missing_glyphs("export", exporter);
  if (*format == ExportFormat::Png)
    std::printf("indtrack export: wrote %s (%d×%d pixels%s)\n", o.out.c_str(),
                static_cast<int>(std::lround(chart.width * chart.scale)),
                static_cast<int>(std::lround(chart.height * chart.scale)),
                chart_empty(chart.data) ? "; no data for this filter" : "");
  else
    std::printf("indtrack export: wrote %s%s\n", o.out.c_str(),
                chart_empty(chart.data) ? " (no data for this filter)" : "");
  return kExitOk;
}

int run_report_command(const std::vector<std::string>& args) {
  CommonOptions o;
  bool png = true, pdf = false;
  std::string error;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-h" || args[i] == "--help") {
      std::fputs(report_usage().c_str(), stdout);
      return kExitOk;
    }
    if (take_common(args, i, o, error)) {
    } else if (args[i] == "--no-png") {
      png = false;
    } else if (std::string value; option_value(args, i, "--format", value, error)) {
      if (value == "pdf")
        pdf = true;
      else if (value == "pack")
        pdf = false;
      else if (error.empty())
        error = "--format must be pack or pdf, got \"" + value + "\"";
    } else {
      error = "unknown option \"" + args[i] + "\"";
    }
    if (!error.empty()) return usage_error("report", report_usage(), error);
  }
  if (o.out.empty())
    return usage_error("report", report_usage(),
                       pdf ? "--out FILE.pdf is required" : "--out DIR is required");
  if (pdf && export_format_for(o.out) != ExportFormat::Pdf)
    return usage_error("report", report_usage(), "with --format pdf, --out must end in .pdf: " + o.out);
  if (pdf)
    if (const std::string problem = check_output_path(o.out); !problem.empty())
      return failure("report", problem);
  int code = kExitOk;
  std::optional<Loaded> loaded = load("report", report_usage(), o, code);
  if (!loaded) return code;
  ReportSpec spec;
  spec.directory = o.out;
  spec.fit_height = !o.height_given;
  // The pack's charts are pasted into documents: Word's column by default (the PDF keeps its
  // 1600 px pages, which its title page and table are laid out for).
  const bool size_given = o.width_given || o.height_given || o.scale_given;
  apply_size(o, o.preset ? o.preset : size_given || pdf ? nullptr : export_preset("word"), spec);
  spec.dark = o.dark;
  spec.png = png;
  spec.options = o.chart;
  ChartExporter exporter(chart::resolve_fonts(find_bundled_file(kBundledFont)));
  if (pdf) {
    const ReportResult result = write_report_pdf(exporter, loaded->data, loaded->filter, spec, o.out);
    if (!result.error.empty()) return failure("report", result.error);
    warn_missing_glyphs("report", exporter);
    std::printf("indtrack report: wrote %s (%zu pages)\n", o.out.c_str(), result.files.size());
    return kExitOk;
  }
  const ReportResult result = write_report(exporter, loaded->data, loaded->filter, spec);
  if (!result.error.empty()) return failure("report", result.error);
  warn_missing_glyphs("report", exporter);
  std::printf("indtrack report: wrote %zu files to %s (open index.html)\n", result.files.size(),
              o.out.c_str());
  return kExitOk;
}

}  // namespace indtrack
