// `indtrack screenshot`: the full dashboard rendered offscreen through EGL (no X server) to a PNG.
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "chart_kinds/chart_kinds.h"
#include "cli/cli_args.h"
#include "query/filter_args.h"
#include "ui/host/offscreen.h"
#include "ui/session.h"
#include "ui/ui.h"

namespace indtrack::ui {

namespace {

constexpr const char* kUsage =
    "usage: indtrack screenshot --out FILE.png [--width W] [--height H] [--scale S]\n"
    "                           [--lang zh|en] [--theme dark|light] [--data FILE] [--select PROJECT_ID]\n"
    "                           [--view dashboard|import|edit] [--import-file TEXT.txt]\n"
    "                           [--article-date DATE] [--publisher NAME] [--title TITLE]\n"
    "                           [--chart KIND] [--data-view] [filters]\n"
    "\n"
    "Renders the dashboard without a window or X server (EGL, Mesa) and writes a PNG of\n"
    "W*S x H*S pixels. Defaults: 1600 x 900, scale 1, Chinese, dark theme, the bundled dataset,\n"
    "the first project selected. The user's settings are not read, so images are reproducible.\n"
    "--view import shows the Import article window on --import-file (facts found with the\n"
    "dataset's names, dated by --article-date); --view edit shows the selected project's editor.\n"
    "--chart shows that chart's tab (%s; default capacity); --data-view opens its\n"
    "data view (the plotted numbers as a table) under it.\n"
    "Nothing is written beside the dataset.\n"
    "\n"
    "The filters are those of `indtrack list` (the dashboard's filter bar shows them):\n"
    "%s\n"
    "example: indtrack screenshot --out docs/screenshot.png --scale 2 --theme light --product BDO\n";

void print_usage(std::FILE* to) {
  std::fprintf(to, kUsage, chart_kind_ids("|").c_str(), filter_flags_help());
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "indtrack screenshot: %s\n", message.c_str());
  print_usage(stderr);
  return 2;
}

}  // namespace

int run_screenshot(const std::vector<std::string>& args) {
  std::string out_path, data_path, select_id, view, value, error;
  std::optional<ChartKind> chart;
  bool data_view = false;
  ImportRequest import_request;
  FilterArgs filter_args;
  OffscreenSpec spec;
  Settings settings;  // defaults: the image must not depend on this user's settings
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-h" || arg == "--help") {
      print_usage(stdout);
      return 0;
    }
    if (take_filter_flag(args, i, filter_args, error)) {
      // handled (error set for a missing value or a bad date)
    } else if (option_value(args, i, "--out", value, error)) {
      out_path = value;
    } else if (option_value(args, i, "--data", value, error)) {
      data_path = value;
    } else if (option_value(args, i, "--select", value, error)) {
      select_id = value;
    } else if (option_value(args, i, "--view", value, error)) {
      view = value;
    } else if (option_value(args, i, "--chart", value, error)) {
      chart = chart_kind_from_id(value);
      if (!chart && error.empty())
        error = "--chart must be one of " + chart_kind_ids(", ") + ", got \"" + value + "\"";
    } else if (arg == "--data-view") {
      data_view = true;
    } else if (option_value(args, i, "--import-file", value, error)) {
      import_request.file = value;
    } else if (option_value(args, i, "--article-date", value, error)) {
      import_request.article_date = value;
    } else if (option_value(args, i, "--publisher", value, error)) {
      import_request.publisher = value;
    } else if (option_value(args, i, "--title", value, error)) {
      import_request.title = value;
    } else if (option_value(args, i, "--width", value, error)) {
      if (error.empty() && !parse_int_in(value, 320, 8192, spec.width))
        error = "--width must be a whole number of pixels from 320 to 8192, got \"" + value + "\"";
    } else if (option_value(args, i, "--height", value, error)) {
      if (error.empty() && !parse_int_in(value, 240, 8192, spec.height))
        error = "--height must be a whole number of pixels from 240 to 8192, got \"" + value + "\"";
    } else if (option_value(args, i, "--scale", value, error)) {
      if (error.empty() && !parse_float_in(value, 0.5f, 4.0f, spec.scale))
        error = "--scale must be a number from 0.5 to 4, got \"" + value + "\"";
    } else if (option_value(args, i, "--lang", value, error)) {
      if (value == "zh")
        settings.language = Language::Chinese;
      else if (value == "en")
        settings.language = Language::English;
      else if (error.empty())
        error = "--lang must be zh or en, got \"" + value + "\"";
    } else if (option_value(args, i, "--theme", value, error)) {
      if (value == "dark")
        settings.theme = Theme::Dark;
      else if (value == "light")
        settings.theme = Theme::Light;
      else if (error.empty())
        error = "--theme must be dark or light, got \"" + value + "\"";
    } else {
      error = "unknown option \"" + arg + "\"";
    }
    if (!error.empty()) return usage_error(error);
  }
  if (out_path.empty()) return usage_error("--out FILE.png is required");
  spec.theme = settings.theme;

  std::unique_ptr<OffscreenGlContext> gl = OffscreenGlContext::create(error);
  if (!gl) {
    std::fprintf(stderr, "indtrack screenshot: cannot create an offscreen OpenGL context: %s\n",
                 error.c_str());
    return 1;
  }
  Session session(settings);
  if (!session.open_initial_dataset(data_path)) {
    for (const Problem& p : session.app.problems) std::fprintf(stderr, "%s\n", p.format().c_str());
    std::fprintf(stderr, "indtrack screenshot: cannot load the dataset %s\n",
                 session.app.failed_path.c_str());
    return 1;
  }
  // Names are resolved against the dataset, as `indtrack list` does; an unknown one lists the valid.
  const ResolveResult resolved = resolve_filter(*session.app.dataset, filter_args);
  if (!resolved.spec) return usage_error(resolved.error);
  session.app.set_filter(*resolved.spec);
  session.app.selected_project = -1;  // the first row the filter shows, unless --select says
  if (!select_id.empty()) {
    const int index = session.app.dataset->find_project(select_id);
    if (index < 0) return usage_error("--select: no project with id \"" + select_id + "\"");
    session.app.select_project(index);
  }
  session.app.refresh();  // the editor view needs the selection made
  if (chart) session.charts.set_active(*chart);
  session.charts.set_data_view_open(data_view);
  if (const std::string failure =
          show_curation_view(session.curation, view, import_request, session.app.language());
      !failure.empty()) {
    std::fprintf(stderr, "indtrack screenshot: %s\n", failure.c_str());
    return view == "dashboard" || view == "import" || view == "edit" ? 1 : 2;
  }

  const auto image = render_imgui_offscreen(
      spec, session.fonts, [&](const OffscreenFrame& frame) { session.dashboard.draw(1.0f, frame.fonts); },
      error);
  if (!image) {
    std::fprintf(stderr, "indtrack screenshot: rendering failed: %s\n", error.c_str());
    return 1;
  }
  if (const std::string write_error = write_png(out_path, *image); !write_error.empty()) {
    std::fprintf(stderr, "indtrack screenshot: %s\n", write_error.c_str());
    return 1;
  }
  std::printf("indtrack screenshot: wrote %s (%d×%d pixels)\n", out_path.c_str(), image->width,
              image->height);
  return 0;
}

}  // namespace indtrack::ui
