// `indtrack [FILE | --data FILE] [--reset-settings]`: the dashboard in a GLFW window (OpenGL 3.3 core via
// glad). Owns the frame loop: waits for events when idle, rebuilds the font atlas between frames
// when new characters or another monitor scale arrive, opens dropped .json files, and saves the
// window geometry and settings on exit.
#include <glad/gl.h>  // before GLFW (GLFW_INCLUDE_NONE is defined by the build)

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "ui/cli_args.h"
#include "ui/offscreen.h"
#include "ui/session.h"
#include "ui/theme.h"
#include "ui/ui.h"

namespace indtrack::ui {

namespace {

constexpr const char* kUsage =
    "usage: indtrack [FILE | --data FILE] [--reset-settings]\n"
    "\n"
    "Opens the dashboard on FILE (default: the bundled data/wuhai.json).\n"
    "  FILE, --data FILE  the dataset to open (a .json file in the format of docs/data-format.md);\n"
    "                     a file manager opens a dataset with `indtrack FILE`\n"
    "  --reset-settings   forget window geometry, language, theme, filters, recent files and the\n"
    "                     panel layout (removes settings.json and imgui.ini from the settings folder)\n"
    "Settings live in $XDG_CONFIG_HOME/indtrack (default ~/.config/indtrack).\n"
    "\n"
    "example: indtrack --data data/wuhai.json\n";

using Clock = std::chrono::steady_clock;

// Window callbacks only record what happened; the loop acts on it between frames.
struct WindowEvents {
  std::vector<std::string> dropped_paths;
  bool scale_changed = false;
};

std::string g_glfw_error;  // the last GLFW error, for messages when a call fails

// Ctrl+C or a kill ends the session like closing the window, so the settings are still saved.
// SIGINT/SIGTERM are blocked in every thread and taken by one thread with sigwait(), which may
// call glfwPostEmptyEvent() (thread-safe) to wake the loop; a signal handler could do neither.
class QuitSignals {
 public:
  QuitSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set_, nullptr);  // before GLFW and Mesa start their threads
    waiter_ = std::thread([this] {
      int signal = 0;
      sigwait(&set_, &signal);
      if (!stopping_) {
        requested_ = true;
        glfwPostEmptyEvent();
      }
    });
  }
  ~QuitSignals() {
    stopping_ = true;
    pthread_kill(waiter_.native_handle(), SIGTERM);  // release sigwait()
    waiter_.join();
    pthread_sigmask(SIG_UNBLOCK, &set_, nullptr);
  }
  QuitSignals(const QuitSignals&) = delete;
  QuitSignals& operator=(const QuitSignals&) = delete;
  bool requested() const { return requested_; }

 private:
  sigset_t set_;
  std::atomic<bool> requested_{false}, stopping_{false};
  std::thread waiter_;
};

// INDTRACK_FIRST_FRAME_PNG=FILE writes the window's first frame (checks of the windowed path
// under Xvfb, where no screen grabber may be installed).
void save_back_buffer(const char* path, int width, int height) {
  OffscreenImage image;
  image.width = width;
  image.height = height;
  std::vector<unsigned char> bottom_up(static_cast<std::size_t>(width) * height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
  image.rgba.resize(bottom_up.size());
  const std::size_t row = static_cast<std::size_t>(width) * 4;
  for (int y = 0; y < height; ++y)
    std::memcpy(image.rgba.data() + static_cast<std::size_t>(y) * row,
                bottom_up.data() + static_cast<std::size_t>(height - 1 - y) * row, row);
  if (const std::string error = write_png(path, image); !error.empty())
    std::fprintf(stderr, "indtrack: %s\n", error.c_str());
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Scales {
  float layout = 1;       // UI pixels per unscaled pixel (the monitor's content scale)
  float framebuffer = 1;  // framebuffer pixels per window coordinate (1 on X11, 2 on some HiDPI setups)
  float raster() const { return layout * framebuffer; }
};

Scales window_scales(GLFWwindow* window) {
  Scales s;
  float x = 1, y = 1;
  glfwGetWindowContentScale(window, &x, &y);
  s.layout = std::clamp(x, 0.5f, 4.0f);
  int ww = 0, wh = 0, fw = 0, fh = 0;
  glfwGetWindowSize(window, &ww, &wh);
  glfwGetFramebufferSize(window, &fw, &fh);
  if (ww > 0 && fw > 0)
    s.framebuffer = std::clamp(static_cast<float>(fw) / static_cast<float>(ww), 0.5f, 4.0f);
  return s;
}

// The stored position when it still lies on a connected monitor (monitors change between runs).
bool position_visible(int x, int y, int width, int height) {
  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  for (int i = 0; i < count; ++i) {
    int mx = 0, my = 0, mw = 0, mh = 0;
    glfwGetMonitorWorkarea(monitors[i], &mx, &my, &mw, &mh);
    const int visible_w = std::min(x + width, mx + mw) - std::max(x, mx);
    const int visible_h = std::min(y + height, my + mh) - std::max(y, my);
    if (visible_w >= 100 && visible_h >= 100) return true;
  }
  return false;
}

std::string window_title(const AppState& app, const EditSession& editing) {
  std::string title = tr(Str::AppTitle);
  if (app.dataset) title += " — " + name_of(*app.dataset, current_language());
  if (editing.dirty()) title += " *";  // unsaved changes
  if (editing.read_only()) title += std::string(" [") + tr(Str::StatusReadOnly) + "]";
  return title;
}

// `indtrack FILE` takes FILE when it exists or ends in .json; any other word stays an unknown verb
// (a mistyped `indtrack exprot` must not open the window on a file that does not exist).
bool names_a_dataset(const std::string& arg) {
  std::error_code ec;
  return !arg.empty() && arg[0] != '-' && (arg.ends_with(".json") || std::filesystem::exists(arg, ec));
}

}  // namespace

int run_gui(const std::vector<std::string>& args) {
  const Clock::time_point start = Clock::now();
  std::string value, error;
  std::vector<std::string> files;  // FILE or --data FILE; one at most
  bool reset = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-h" || args[i] == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (args[i] == "--reset-settings") {
      reset = true;
    } else if (option_value(args, i, "--data", value, error)) {
      files.push_back(value);
    } else if (names_a_dataset(args[i])) {
      files.push_back(args[i]);  // `indtrack FILE`: how the desktop entry opens a file (Exec=indtrack %f)
    } else {
      error = "unknown option \"" + args[i] + "\"";
    }
    if (error.empty() && files.size() > 1)
      error = "one dataset at a time: \"" + files[0] + "\" and \"" + files[1] + "\"";
    if (!error.empty()) {
      std::fprintf(stderr, "indtrack: %s\n%s", error.c_str(), kUsage);
      return 2;
    }
  }
  const std::string data_path = files.empty() ? std::string() : files.front();

  // Settings first: a broken file gives defaults and a notice, never a failure.
  const std::string settings_dir = settings_directory();
  std::string settings_notice;
  if (reset && !settings_dir.empty()) {
    if (const std::string failure = reset_settings(settings_dir); !failure.empty()) {
      std::fprintf(stderr, "indtrack: cannot reset the settings: %s\n", failure.c_str());
      return 1;
    }
    std::printf("indtrack: settings reset (%s)\n", settings_dir.c_str());
  }
  SettingsLoad loaded = load_startup_settings(settings_dir);
  Settings& settings = loaded.settings;

  QuitSignals quit_signals;
  glfwSetErrorCallback([](int, const char* description) { g_glfw_error = description; });
  if (!glfwInit()) {
    std::fprintf(stderr, "indtrack: cannot open a window: %s\n", g_glfw_error.c_str());
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);  // shown once placed and sized
  int width = settings.window.width, height = settings.window.height;
  const bool stored_size = loaded.notice.empty() && settings.window.x.has_value();
  if (!stored_size) {  // first run: the default size in the primary monitor's units
    float sx = 1, sy = 1;
    if (GLFWmonitor* primary = glfwGetPrimaryMonitor()) glfwGetMonitorContentScale(primary, &sx, &sy);
    width = static_cast<int>(static_cast<float>(width) * std::clamp(sx, 1.0f, 4.0f));
    height = static_cast<int>(static_cast<float>(height) * std::clamp(sy, 1.0f, 4.0f));
  }
  GLFWwindow* window = glfwCreateWindow(width, height, tr(Str::AppTitle), nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "indtrack: cannot create an OpenGL 3.3 window: %s\n", g_glfw_error.c_str());
    glfwTerminate();
    return 1;
  }
  if (settings.window.x && settings.window.y &&
      position_visible(*settings.window.x, *settings.window.y, width, height))
    glfwSetWindowPos(window, *settings.window.x, *settings.window.y);
  glfwSetWindowSizeLimits(window, 800, 500, GLFW_DONT_CARE, GLFW_DONT_CARE);  // below this panels crowd out
  if (settings.window.maximized) glfwMaximizeWindow(window);
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(glfwGetProcAddress))) {
    std::fprintf(stderr, "indtrack: cannot load OpenGL 3.3 functions\n");
    glfwDestroyWindow(window);
    glfwTerminate();
    return 1;
  }
  const double window_ms = ms_since(start);

  WindowEvents events;
  glfwSetWindowUserPointer(window, &events);
  glfwSetDropCallback(window, [](GLFWwindow* w, int count, const char** paths) {
    auto* e = static_cast<WindowEvents*>(glfwGetWindowUserPointer(w));
    for (int i = 0; i < count; ++i) e->dropped_paths.emplace_back(paths[i]);
  });
  glfwSetWindowContentScaleCallback(window, [](GLFWwindow* w, float, float) {
    static_cast<WindowEvents*>(glfwGetWindowUserPointer(w))->scale_changed = true;
  });

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  const std::string ini_path = settings_dir.empty() ? std::string() : imgui_ini_file(settings_dir);
  io.IniFilename = ini_path.empty() ? nullptr : ini_path.c_str();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  Session session(settings, settings_dir);
  note_settings_load(session.app, loaded);
  Scales scales = window_scales(window);
  apply_theme(session.app.settings.theme, scales.layout);

  // The window edits: a lock beside the dataset and a journal of unsaved edits (edit_session.h).
  EditSession& editing = session.curation.session;
  // Large files load on a worker thread: the window draws a progress bar meanwhile.
  editing.set_options({.lock_file = true, .journal = true, .background_load = true});
  const Clock::time_point data_start = Clock::now();
  session.open_initial_dataset(data_path);
  const double data_ms = ms_since(data_start);
  glfwSetWindowTitle(window, window_title(session.app, editing).c_str());
  std::uint64_t titled_revision = session.app.revision(), titled_edits = editing.generation();
  Language titled_language = current_language();

  // INDTRACK_STARTUP_REPORT=1 prints start-up timings after the first frame (and after the frame
  // that shows a background load's dataset); "exit" quits after the first frame, "loaded" once
  // the dataset is shown
  // (docs/performance.md, scripts/measure-startup).
  const char* report_env = std::getenv("INDTRACK_STARTUP_REPORT");
  const std::string startup_report = report_env ? report_env : "";
  double atlas_ms = 0;
  int atlas_glyphs = 0, atlas_w = 0, atlas_h = 0, atlas_builds = 0;
  bool first_frame = true;

  glfwShowWindow(window);
  const double before_loop_ms = ms_since(start);
  int busy_frames = 3;  // frames to draw before waiting again (hover, animations settle)
  int atlas_redraws = 0;
  const char* first_frame_png = std::getenv("INDTRACK_FIRST_FRAME_PNG");
  Clock::time_point adopted_at{};  // when a background load's dataset arrived (for the report)
  // Ctrl+C or a kill ends at once: unsaved edits stay in the journal for the next launch.
  while (!quit_signals.requested()) {
    if (glfwWindowShouldClose(window) || session.dashboard.quit_requested) {
      // Closing asks first about unsaved changes; the answer comes through the dialog.
      glfwSetWindowShouldClose(window, GLFW_FALSE);
      session.dashboard.quit_requested = false;
      editing.request_quit();
    }
    if (editing.quit_approved()) break;
    if (busy_frames > 0 || ImGui::IsAnyMouseDown()) {
      glfwPollEvents();
    } else {
      // Idle: sleep until input arrives. A focused text field wakes twice a second for its cursor.
      // While a dataset loads, 20 frames a second move the progress bar.
      glfwWaitEventsTimeout(editing.loading() ? 0.05 : io.WantTextInput ? 0.5 : 30.0);
      busy_frames = 3;
    }
    busy_frames = std::max(busy_frames - 1, 0);

    if (editing.poll_load()) {
      busy_frames = 3;  // a background load finished: show its result
      adopted_at = Clock::now();
    }
    if (!events.dropped_paths.empty()) {
      session.dashboard.open_paths(events.dropped_paths);
      events.dropped_paths.clear();
      busy_frames = 3;
    }
    if (events.scale_changed || session.dashboard.restyle_requested) {
      events.scale_changed = session.dashboard.restyle_requested = false;
      scales = window_scales(window);
      apply_theme(session.app.settings.theme, scales.layout);
    }
    if (session.fonts.needs_rebuild(scales.raster())) {
      const FontBuildReport built = session.fonts.build(*io.Fonts, scales.raster());
      io.FontDefault = built.fonts.body;
      io.FontGlobalScale = 1.0f / scales.framebuffer;
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
      session.note_font_build(built);
      if (first_frame) {
        atlas_ms += built.milliseconds;
        ++atlas_builds;
        atlas_glyphs = built.glyphs;
        atlas_w = built.texture_width;
        atlas_h = built.texture_height;
      }
    }

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
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
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(window, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (first_frame && first_frame_png) save_back_buffer(first_frame_png, fb_w, fb_h);
    glfwSwapBuffers(window);

    if (first_frame) {
      first_frame = false;
      if (!startup_report.empty()) {
        glFinish();
        const double epoch =
            std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
        std::fprintf(stderr,
                     "indtrack-startup: first_frame_epoch=%.6f first_frame_ms=%.1f window_gl_ms=%.1f "
                     "dataset_ms=%.1f before_loop_ms=%.1f atlas_ms=%.1f atlas_builds=%d atlas_glyphs=%d "
                     "atlas=%dx%d projects=%zu\n",
                     epoch, ms_since(start), window_ms, data_ms, before_loop_ms, atlas_ms, atlas_builds,
                     atlas_glyphs, atlas_w, atlas_h,
                     session.app.dataset ? session.app.dataset->projects.size() : 0);
        if (startup_report == "exit" || (startup_report == "loaded" && !editing.loading())) break;
      }
    } else if (adopted_at != Clock::time_point{} && !startup_report.empty()) {
      // INDTRACK_STARTUP_REPORT=loaded: a large file shows a progress bar first; this is the
      // frame that takes over its dataset (derived data, chart, table) — how long the window
      // stops responding once the load is done.
      glFinish();
      std::fprintf(stderr, "indtrack-startup: loaded_ms=%.1f adopt_frame_ms=%.1f projects=%zu\n",
                   ms_since(start),
                   std::chrono::duration<double, std::milli>(Clock::now() - adopted_at).count(),
                   session.app.dataset ? session.app.dataset->projects.size() : 0);
      adopted_at = {};
      if (startup_report == "loaded") break;
    }
    if (session.app.revision() != titled_revision || current_language() != titled_language ||
        editing.generation() != titled_edits) {
      titled_revision = session.app.revision();
      titled_language = current_language();
      titled_edits = editing.generation();
      glfwSetWindowTitle(window, window_title(session.app, editing).c_str());
    }
    if (session.dashboard.settings_changed && !settings_dir.empty()) {
      session.dashboard.settings_changed = false;
      if (const std::string failure = save_settings(session.app.settings, settings_file(settings_dir));
          !failure.empty())
        session.app.add_notice({Notice::Level::Warning, Str::NoticeSettingsSaveFailedFmt, {failure}});
    }
  }

  // Remember the geometry of the normal (not maximized) window.
  Settings& saved = session.app.settings;
  saved.window.maximized = glfwGetWindowAttrib(window, GLFW_MAXIMIZED) == GLFW_TRUE;
  if (!saved.window.maximized) {
    int x = 0, y = 0;
    glfwGetWindowPos(window, &x, &y);
    glfwGetWindowSize(window, &saved.window.width, &saved.window.height);
    saved.window.x = x;
    saved.window.y = y;
  }
  if (!settings_dir.empty()) {
    if (const std::string failure = save_settings(saved, settings_file(settings_dir)); !failure.empty())
      std::fprintf(stderr, "indtrack: warning: cannot save the settings: %s\n", failure.c_str());
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();  // writes imgui.ini into the (now existing) settings folder
  glfwDestroyWindow(window);
  glfwTerminate();
  return 0;
}

}  // namespace indtrack::ui
