// The dashboard's window: a GLFW window with an OpenGL 3.3 core context (glad), the ImGui
// context with its GLFW and OpenGL3 backends, the monitor's content scale, dropped files, and
// Ctrl+C / kill turned into a request to close (so the settings are still saved). The frame loop
// (ui/gui_main.cpp) drives it; nothing here knows the dashboard.
#pragma once

#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

#include "app_model/settings.h"
#include "io/png_writer.h"

namespace indtrack::ui {

struct WindowScales {
  float layout = 1;       // UI pixels per unscaled pixel (the monitor's content scale)
  float framebuffer = 1;  // framebuffer pixels per window coordinate (1 on X11, 2 on some HiDPI setups)
  float raster() const { return layout * framebuffer; }
};

class GuiWindow {
 public:
  // Opens the window, hidden until show(), at `geometry` (its position only when it still lies on
  // a connected monitor; without `stored_size` the default size is scaled to the primary
  // monitor). ImGui keeps its own settings in `imgui_ini` (empty: none). nullptr with `error` set
  // when no window or GL 3.3 context can be made.
  static std::unique_ptr<GuiWindow> open(const WindowGeometry& geometry, bool stored_size, const char* title,
                                         const std::string& imgui_ini, std::string& error);
  ~GuiWindow();  // shuts the backends and ImGui down (which writes imgui_ini), then GLFW
  GuiWindow(const GuiWindow&) = delete;
  GuiWindow& operator=(const GuiWindow&) = delete;

  void show();
  void set_title(const std::string& title);
  WindowScales scales() const;
  // The geometry to remember: the normal (not maximized) size and position, and whether maximized.
  WindowGeometry geometry() const;

  // Waits for events: returns at once when `busy`, else after `idle_timeout_s` at most.
  void wait_events(bool busy, double idle_timeout_s);
  bool quit_signalled() const;   // Ctrl+C or a kill: end now (edits stay in the journal)
  bool close_requested() const;  // the window's close button
  void clear_close_request();    // the close is asked about first (unsaved changes)
  std::vector<std::string> take_dropped_paths();
  bool take_scale_change();  // the window moved to a monitor of another scale

  void new_frame();  // the backends' and ImGui's NewFrame
  // Input the next frame must show without waiting for more: a key tap's release (key_taps.h).
  bool input_pending() const;
  void upload_fonts();  // after the font atlas was rebuilt
  // Renders ImGui's draw data over `background` and shows it. With `capture`, the frame's pixels
  // are returned too (read before the swap).
  void present(const ImVec4& background, RgbaImage* capture = nullptr);
  void finish();  // waits for the GPU (timing)

 private:
  struct State;
  explicit GuiWindow(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace indtrack::ui
