// The GLFW window, its GL context and ImGui backends (window.h).
#include "ui/host/window.h"

#include <glad/gl.h>  // before GLFW (GLFW_INCLUDE_NONE is defined by the build)

#include <GLFW/glfw3.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstring>
#include <thread>
#include <utility>

#include "app_model/window_fit.h"
#include "ui/host/key_taps.h"

namespace indtrack::ui {

namespace {

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

// Below this the panels crowd out.
constexpr int kMinWidth = 800, kMinHeight = 500;

// Window callbacks only record what happened; the loop acts on it between frames.
struct WindowEvents {
  std::vector<std::string> dropped_paths;
  bool scale_changed = false;
  KeyTaps key_taps;
  GLFWkeyfun imgui_key_callback = nullptr;  // the backend's, which ours passes keys on to
};

// The work areas of the connected monitors (monitors change between runs), the primary's first.
std::vector<WorkArea> work_areas() {
  std::vector<WorkArea> areas;
  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  for (int i = 0; i < count; ++i) {
    WorkArea a;
    glfwGetMonitorWorkarea(monitors[i], &a.x, &a.y, &a.width, &a.height);
    if (a.width > 0 && a.height > 0) areas.push_back(a);
  }
  return areas;
}

}  // namespace

struct GuiWindow::State {
  QuitSignals quit_signals;  // first: blocks the signals before any other thread starts; gone last
  GLFWwindow* window = nullptr;
  WindowEvents events;
  std::string imgui_ini;  // ImGui keeps a pointer to it
  bool imgui = false;     // the ImGui context and backends exist
};

std::unique_ptr<GuiWindow> GuiWindow::open(const WindowGeometry& geometry, bool stored_size,
                                           const char* title, const std::string& imgui_ini,
                                           std::string& error) {
  auto state = std::make_unique<State>();
  glfwSetErrorCallback([](int, const char* description) { g_glfw_error = description; });
  if (!glfwInit()) {
    error = "cannot open a window: " + g_glfw_error;
    return nullptr;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);  // shown once placed and sized
  WindowGeometry wanted = geometry;
  if (!stored_size) {  // first run: the default size in the primary monitor's units
    float sx = 1, sy = 1;
    if (GLFWmonitor* primary = glfwGetPrimaryMonitor()) glfwGetMonitorContentScale(primary, &sx, &sy);
    wanted.width = static_cast<int>(static_cast<float>(wanted.width) * std::clamp(sx, 1.0f, 4.0f));
    wanted.height = static_cast<int>(static_cast<float>(wanted.height) * std::clamp(sy, 1.0f, 4.0f));
  }
  // A size saved on a larger screen (or the default) no wider or taller than this one's work area.
  const WindowGeometry fitted = fit_to_work_area(wanted, work_areas(), kMinWidth, kMinHeight);
  const int width = fitted.width, height = fitted.height;
  GLFWwindow* window = glfwCreateWindow(width, height, title, nullptr, nullptr);
  if (!window) {
    error = "cannot create an OpenGL 3.3 window: " + g_glfw_error;
    glfwTerminate();
    return nullptr;
  }
  if (fitted.x && fitted.y) glfwSetWindowPos(window, *fitted.x, *fitted.y);
  glfwSetWindowSizeLimits(window, kMinWidth, kMinHeight, GLFW_DONT_CARE, GLFW_DONT_CARE);
  if (geometry.maximized) glfwMaximizeWindow(window);
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(glfwGetProcAddress))) {
    error = "cannot load OpenGL 3.3 functions";
    glfwDestroyWindow(window);
    glfwTerminate();
    return nullptr;
  }
  state->window = window;

  glfwSetWindowUserPointer(window, &state->events);
  glfwSetDropCallback(window, [](GLFWwindow* w, int count, const char** paths) {
    auto* e = static_cast<WindowEvents*>(glfwGetWindowUserPointer(w));
    for (int i = 0; i < count; ++i) e->dropped_paths.emplace_back(paths[i]);
  });
  glfwSetWindowContentScaleCallback(window, [](GLFWwindow* w, float, float) {
    static_cast<WindowEvents*>(glfwGetWindowUserPointer(w))->scale_changed = true;
  });

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  state->imgui_ini = imgui_ini;
  ImGui::GetIO().IniFilename = state->imgui_ini.empty() ? nullptr : state->imgui_ini.c_str();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  // In front of the backend's key callback: a tap between two frames keeps its release for the
  // frame after (key_taps.h).
  state->events.imgui_key_callback =
      glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
        auto* e = static_cast<WindowEvents*>(glfwGetWindowUserPointer(w));
        if (e->key_taps.on_key(key, scancode, action != GLFW_RELEASE, mods) && e->imgui_key_callback)
          e->imgui_key_callback(w, key, scancode, action, mods);
      });
  ImGui_ImplOpenGL3_Init("#version 330 core");
  state->imgui = true;
  return std::unique_ptr<GuiWindow>(new GuiWindow(std::move(state)));
}

GuiWindow::GuiWindow(std::unique_ptr<State> state) : state_(std::move(state)) {}

GuiWindow::~GuiWindow() {
  if (state_->imgui) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();  // writes imgui.ini into the (now existing) settings folder
  }
  glfwDestroyWindow(state_->window);
  glfwTerminate();
}

void GuiWindow::show() { glfwShowWindow(state_->window); }

void GuiWindow::set_title(const std::string& title) { glfwSetWindowTitle(state_->window, title.c_str()); }

WindowScales GuiWindow::scales() const {
  WindowScales s;
  float x = 1, y = 1;
  glfwGetWindowContentScale(state_->window, &x, &y);
  s.layout = std::clamp(x, 0.5f, 4.0f);
  int ww = 0, wh = 0, fw = 0, fh = 0;
  glfwGetWindowSize(state_->window, &ww, &wh);
  glfwGetFramebufferSize(state_->window, &fw, &fh);
  if (ww > 0 && fw > 0)
    s.framebuffer = std::clamp(static_cast<float>(fw) / static_cast<float>(ww), 0.5f, 4.0f);
  return s;
}

WindowGeometry GuiWindow::geometry() const {
  WindowGeometry g;
  g.maximized = glfwGetWindowAttrib(state_->window, GLFW_MAXIMIZED) == GLFW_TRUE;
  int x = 0, y = 0;
  glfwGetWindowPos(state_->window, &x, &y);
  glfwGetWindowSize(state_->window, &g.width, &g.height);
  g.x = x;
  g.y = y;
  return g;
}

void GuiWindow::wait_events(bool busy, double idle_timeout_s) {
  if (busy)
    glfwPollEvents();
  else
    glfwWaitEventsTimeout(idle_timeout_s);
}

bool GuiWindow::quit_signalled() const { return state_->quit_signals.requested(); }
bool GuiWindow::close_requested() const { return glfwWindowShouldClose(state_->window); }
void GuiWindow::clear_close_request() { glfwSetWindowShouldClose(state_->window, GLFW_FALSE); }

std::vector<std::string> GuiWindow::take_dropped_paths() {
  std::vector<std::string> out;
  out.swap(state_->events.dropped_paths);
  return out;
}

bool GuiWindow::take_scale_change() { return std::exchange(state_->events.scale_changed, false); }

bool GuiWindow::input_pending() const { return state_->events.key_taps.pending(); }

void GuiWindow::new_frame() {
  WindowEvents& e = state_->events;
  for (const KeyTaps::Release& r : e.key_taps.take_due())
    if (e.imgui_key_callback) e.imgui_key_callback(state_->window, r.key, r.scancode, GLFW_RELEASE, r.mods);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

void GuiWindow::upload_fonts() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

void GuiWindow::present(const ImVec4& background, RgbaImage* capture) {
  int fb_w = 0, fb_h = 0;
  glfwGetFramebufferSize(state_->window, &fb_w, &fb_h);
  glViewport(0, 0, fb_w, fb_h);
  glClearColor(background.x, background.y, background.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (capture) {  // the back buffer, bottom row first in GL: flipped to top row first
    capture->width = fb_w;
    capture->height = fb_h;
    std::vector<unsigned char> bottom_up(static_cast<std::size_t>(fb_w) * static_cast<std::size_t>(fb_h) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, fb_w, fb_h, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
    capture->rgba.resize(bottom_up.size());
    const std::size_t row = static_cast<std::size_t>(fb_w) * 4;
    for (int y = 0; y < fb_h; ++y)
      std::memcpy(capture->rgba.data() + static_cast<std::size_t>(y) * row,
                  bottom_up.data() + static_cast<std::size_t>(fb_h - 1 - y) * row, row);
  }
  glfwSwapBuffers(state_->window);
}

void GuiWindow::finish() { glFinish(); }

}  // namespace indtrack::ui
