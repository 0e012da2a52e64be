// `indtrack [FILE | --data FILE | --db CONNINFO] [--reset-settings]`: the dashboard in its window
// (ui/host/window.h).
// run_gui reads the arguments, loads the settings, opens the window and the session, runs the
// frame loop — waiting for events when idle, rebuilding the font atlas between frames when new
// characters or another monitor scale arrive, opening dropped datasets and articles — and on the way out
// saves the window geometry and settings.
//
// [SECTION] Arguments
// [SECTION] Start-up report (INDTRACK_STARTUP_REPORT, INDTRACK_FIRST_FRAME_PNG)
// [SECTION] The frame loop
// [SECTION] run_gui: arguments, window, loop, shutdown
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli_args.h"
#include "db/pg_dataset_store.h"
#include "ui/host/theme.h"
#include "ui/host/window.h"
#include "ui/session.h"
#include "ui/ui.h"

namespace indtrack::ui {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

//-----------------------------------------------------------------------------
// [SECTION] Arguments
//-----------------------------------------------------------------------------

constexpr const char* kUsage =
    "usage: indtrack [FILE | --data FILE | --db CONNINFO] [--reset-settings]\n"
    "\n"
    "Opens the dashboard on FILE (default: the bundled data/wuhai.json).\n"
    "  FILE, --data FILE  the dataset to open (a .json file in the format of docs/data-format.md);\n"
    "                     a file manager opens a dataset with `indtrack FILE`\n"
    "  --db CONNINFO      a team's dataset on a PostgreSQL server (docs/database.md): a libpq string\n"
    "                     or URI, the rest from PG* variables; passwords only from ~/.pgpass. Saves\n"
    "                     go record by record; others' commits appear within a second\n"
    "  --reset-settings   forget window geometry, language, theme, filters, recent files and the\n"
    "                     panel layout (removes settings.json and imgui.ini from the settings folder)\n"
    "Settings live in $XDG_CONFIG_HOME/indtrack (default ~/.config/indtrack).\n"
    "\n"
    "examples: indtrack --data data/wuhai.json\n"
    "          indtrack --db \"host=db.example dbname=wuhai user=alice\"\n";

struct GuiArgs {
  std::string data_path;          // empty: the bundled dataset
  std::optional<std::string> db;  // --db CONNINFO instead of a file
  bool reset_settings = false;
};

// `indtrack FILE` takes FILE when it exists or ends in .json; any other word stays an unknown verb
// (a mistyped `indtrack exprot` must not open the window on a file that does not exist).
bool names_a_dataset(const std::string& arg) {
  std::error_code ec;
  return !arg.empty() && arg[0] != '-' && (arg.ends_with(".json") || std::filesystem::exists(arg, ec));
}

// The arguments, or the exit code after printing the help (0) or a usage error (2).
std::optional<GuiArgs> parse_gui_args(const std::vector<std::string>& args, int& exit_code) {
  GuiArgs out;
  std::string value, error;
  std::vector<std::string> files;  // FILE or --data FILE; one at most
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-h" || args[i] == "--help") {
      std::fputs(kUsage, stdout);
      exit_code = 0;
      return std::nullopt;
    }
    if (args[i] == "--reset-settings") {
      out.reset_settings = true;
    } else if (option_value(args, i, "--data", value, error)) {
      files.push_back(value);
    } else if (option_value(args, i, "--db", value, error)) {
      out.db = value;
    } else if (names_a_dataset(args[i])) {
      files.push_back(args[i]);  // `indtrack FILE`: how the desktop entry opens a file (Exec=indtrack %f)
    } else {
      error = "unknown option \"" + args[i] + "\"";
    }
    if (error.empty() && files.size() > 1)
      error = "one dataset at a time: \"" + files[0] + "\" and \"" + files[1] + "\"";
    if (error.empty() && out.db && !files.empty()) error = "one dataset at a time: a file or --db, not both";
    if (!error.empty()) {
      std::fprintf(stderr, "indtrack: %s\n%s", error.c_str(), kUsage);
      exit_code = 2;
      return std::nullopt;
    }
  }
  if (!files.empty()) out.data_path = files.front();
  return out;
}

std::string window_title(const AppState& app, const EditSession& editing) {
  const Language language = app.language();
  std::string title = text(Str::AppTitle, language);
  if (app.dataset) title += " — " + name_of(*app.dataset, language);
  if (editing.dirty()) title += " *";  // unsaved changes
  if (editing.read_only()) title += std::string(" [") + text(Str::StatusReadOnly, language) + "]";
  return title;
}

//-----------------------------------------------------------------------------
// [SECTION] Start-up report (INDTRACK_STARTUP_REPORT, INDTRACK_FIRST_FRAME_PNG)
//-----------------------------------------------------------------------------

// INDTRACK_STARTUP_REPORT=1 prints start-up timings after the first frame (and after the frame
// that shows a background load's dataset); "exit" quits after the first frame, "loaded" once the
// dataset is shown (docs/performance.md, scripts/measure-startup). INDTRACK_FIRST_FRAME_PNG=FILE
// writes the window's first frame (checks of the windowed path under Xvfb, where no screen
// grabber may be installed).
struct StartupReport {
  Clock::time_point start;
  std::string mode = [] {
    const char* env = std::getenv("INDTRACK_STARTUP_REPORT");
    return std::string(env ? env : "");
  }();
  const char* first_frame_png = std::getenv("INDTRACK_FIRST_FRAME_PNG");
  double window_ms = 0, data_ms = 0, before_loop_ms = 0;
  double atlas_ms = 0;  // atlas builds before the first frame
  int atlas_glyphs = 0, atlas_w = 0, atlas_h = 0, atlas_builds = 0;
  Clock::time_point adopted_at{};  // when a background load's dataset arrived

  void atlas_built(const FontBuildReport& built) {
    atlas_ms += built.milliseconds;
    ++atlas_builds;
    atlas_glyphs = built.glyphs;
    atlas_w = built.texture_width;
    atlas_h = built.texture_height;
  }
  // After the first frame; true: quit now.
  bool first_frame(GuiWindow& window, const Session& session, bool loading) const {
    if (mode.empty()) return false;
    window.finish();
    const double epoch =
        std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    std::fprintf(stderr,
                 "indtrack-startup: first_frame_epoch=%.6f first_frame_ms=%.1f window_gl_ms=%.1f "
                 "dataset_ms=%.1f before_loop_ms=%.1f atlas_ms=%.1f atlas_builds=%d atlas_glyphs=%d "
                 "atlas=%dx%d projects=%zu\n",
                 epoch, ms_since(start), window_ms, data_ms, before_loop_ms, atlas_ms, atlas_builds,
                 atlas_glyphs, atlas_w, atlas_h,
                 session.app.dataset ? session.app.dataset->projects.size() : 0);
    return mode == "exit" || (mode == "loaded" && !loading);
  }
  // After the frame that took over a background load's dataset (derived data, chart, table): how
  // long the window stops responding once the load is done. True: quit now.
  bool adopted(GuiWindow& window, const Session& session) {
    if (mode.empty() || adopted_at == Clock::time_point{}) return false;
    window.finish();
    std::fprintf(stderr, "indtrack-startup: loaded_ms=%.1f adopt_frame_ms=%.1f projects=%zu\n",
                 ms_since(start), ms_since(adopted_at),
                 session.app.dataset ? session.app.dataset->projects.size() : 0);
    adopted_at = {};
    return mode == "loaded";
  }
};

//-----------------------------------------------------------------------------
// [SECTION] The frame loop
//-----------------------------------------------------------------------------

// Draws frames until the user quits (the close button or File → Quit, after any question about
// unsaved changes), a signal arrives, or the start-up report asks to stop.
void run_frames(GuiWindow& window, Session& session, const std::string& settings_dir, StartupReport& report) {
  EditSession& editing = session.curation.session;
  ImGuiIO& io = ImGui::GetIO();
  WindowScales scales = window.scales();
  std::uint64_t titled_revision = session.app.revision(), titled_edits = editing.generation();
  Language titled_language = session.app.language();
  bool first_frame = true;
  int busy_frames = 3;  // frames to draw before waiting again (hover, animations settle)
  int atlas_redraws = 0;
  // Ctrl+C or a kill ends at once: unsaved edits stay in the journal for the next launch.
  while (!window.quit_signalled()) {
    if (window.close_requested() || session.dashboard.quit_requested) {
      // Closing asks first about unsaved changes; the answer comes through the dialog.
      window.clear_close_request();
      session.dashboard.quit_requested = false;
      editing.request_quit();
    }
    if (editing.quit_approved()) break;
    // Idle: sleep until input arrives. A focused text field wakes twice a second for its cursor;
    // while a dataset loads, 20 frames a second move the progress bar.
    const bool busy = busy_frames > 0 || ImGui::IsAnyMouseDown() || window.input_pending();
    // The desktop's file chooser answers through a pipe, not an event: looked at ten times a second.
    // A shared database is asked for others' commits twice a second.
    const double idle_s = editing.loading()                          ? 0.05
                          : session.dashboard.files().desktop_open() ? 0.1
                          : io.WantTextInput || !editing.is_file()   ? 0.5
                                                                     : 30.0;
    window.wait_events(busy, idle_s);
    if (!busy) busy_frames = 3;
    busy_frames = std::max(busy_frames - 1, 0);

    if (editing.poll_others_changes()) busy_frames = 3;  // others' commits, reloaded: show them
    if (editing.poll_load()) {
      busy_frames = 3;  // a background load finished: show its result
      report.adopted_at = Clock::now();
    }
    if (const std::vector<std::string> dropped = window.take_dropped_paths(); !dropped.empty()) {
      session.dashboard.open_paths(dropped);
      busy_frames = 3;
    }
    if (window.take_scale_change() || session.dashboard.restyle_requested) {
      session.dashboard.restyle_requested = false;
      scales = window.scales();
      apply_theme(session.app.settings.theme, scales.layout);
    }
    if (session.fonts.needs_rebuild(scales.raster())) {
      const FontBuildReport built = session.fonts.build(*io.Fonts, scales.raster());
      io.FontDefault = built.fonts.body;
      io.FontGlobalScale = 1.0f / scales.framebuffer;
      window.upload_fonts();
      session.note_font_build(built);
      if (first_frame) report.atlas_built(built);
    }

    window.new_frame();
    session.dashboard.draw(scales.layout, session.fonts.last_build().fonts);
    if (session.fonts.needs_rebuild(scales.raster()) && atlas_redraws < 3) {
      // The frame used characters the atlas lacks: drop it and draw again after the rebuild, so
      // no "?" ever reaches the screen. Its input was handled; only the pixels are discarded.
      ImGui::EndFrame();
      ++atlas_redraws;
      busy_frames = std::max(busy_frames, 1);
      continue;
    }
    atlas_redraws = 0;
    ImGui::Render();
    RgbaImage first_image;
    const bool capture = first_frame && report.first_frame_png;
    window.present(ImGui::GetStyle().Colors[ImGuiCol_WindowBg], capture ? &first_image : nullptr);
    if (capture)
      if (const std::string error = write_png(report.first_frame_png, first_image); !error.empty())
        std::fprintf(stderr, "indtrack: %s\n", error.c_str());

    if (first_frame) {
      first_frame = false;
      if (report.first_frame(window, session, editing.loading())) break;
    } else if (report.adopted(window, session)) {
      break;
    }
    if (session.app.revision() != titled_revision || session.app.language() != titled_language ||
        editing.generation() != titled_edits) {
      titled_revision = session.app.revision();
      titled_language = session.app.language();
      titled_edits = editing.generation();
      window.set_title(window_title(session.app, editing));
    }
    if (session.dashboard.settings_changed && !settings_dir.empty()) {
      session.dashboard.settings_changed = false;
      if (const std::string failure = save_settings(session.app.settings, settings_file(settings_dir));
          !failure.empty())
        session.app.add_notice({Notice::Level::Warning, Str::NoticeSettingsSaveFailedFmt, {failure}});
    }
  }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] run_gui: arguments, window, loop, shutdown
//-----------------------------------------------------------------------------

int run_gui(const std::vector<std::string>& args) {
  StartupReport report;
  report.start = Clock::now();
  int exit_code = 0;
  const std::optional<GuiArgs> gui_args = parse_gui_args(args, exit_code);
  if (!gui_args) return exit_code;

  // Settings first: a broken file gives defaults and a notice, never a failure.
  const std::string settings_dir = settings_directory();
  if (gui_args->reset_settings && !settings_dir.empty()) {
    if (const std::string failure = reset_settings(settings_dir); !failure.empty()) {
      std::fprintf(stderr, "indtrack: cannot reset the settings: %s\n", failure.c_str());
      return 1;
    }
    std::printf("indtrack: settings reset (%s)\n", settings_dir.c_str());
  }
  // A database that cannot be opened is said here, before any window: nothing to show.
  std::unique_ptr<db::PgDatasetStore> db_store;
  if (gui_args->db) {
    auto opened = db::PgDatasetStore::open(*gui_args->db);
    if (!opened) {
      std::fprintf(stderr, "indtrack: %s\n", opened.error().message.c_str());
      return 1;
    }
    db_store = std::move(*opened);
  }
  const SettingsLoad loaded = load_startup_settings(settings_dir);
  const Settings& settings = loaded.settings;

  std::string error;
  const bool stored_size = loaded.notice.empty() && settings.window.x.has_value();
  std::unique_ptr<GuiWindow> window =
      GuiWindow::open(settings.window, stored_size, text(Str::AppTitle, settings.language),
                      settings_dir.empty() ? std::string() : imgui_ini_file(settings_dir), error);
  if (!window) {
    std::fprintf(stderr, "indtrack: %s\n", error.c_str());
    return 1;
  }
  report.window_ms = ms_since(report.start);

  Session session(settings, settings_dir);
  note_settings_load(session.app, loaded);
  apply_theme(session.app.settings.theme, window->scales().layout);
  // The window edits: a lock beside the dataset and a journal of unsaved edits (edit_session.h).
  // Large files load on a worker thread: the window draws a progress bar meanwhile.
  EditSession& editing = session.curation.session;
  editing.set_options({.lock_file = true, .journal = true, .background_load = true});
  const Clock::time_point data_start = Clock::now();
  if (db_store)
    editing.open_store(std::move(db_store));
  else
    session.open_initial_dataset(gui_args->data_path);
  report.data_ms = ms_since(data_start);
  window->set_title(window_title(session.app, editing));

  window->show();
  report.before_loop_ms = ms_since(report.start);
  run_frames(*window, session, settings_dir, report);

  // Shutdown: remember the geometry of the normal (not maximized) window, save the settings;
  // the window (with ImGui's imgui.ini) closes when it goes out of scope.
  Settings& saved = session.app.settings;
  const WindowGeometry geometry = window->geometry();
  saved.window.maximized = geometry.maximized;
  if (!geometry.maximized) {
    saved.window.width = geometry.width;
    saved.window.height = geometry.height;
    saved.window.x = geometry.x;
    saved.window.y = geometry.y;
  }
  if (!settings_dir.empty()) {
    if (const std::string failure = save_settings(saved, settings_file(settings_dir)); !failure.empty())
      std::fprintf(stderr, "indtrack: warning: cannot save the settings: %s\n", failure.c_str());
  }
  return 0;
}

}  // namespace indtrack::ui
