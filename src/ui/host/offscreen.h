// Rendering ImGui content to pixels without a window: an EGL "surfaceless" Mesa context (no X
// server needed), a framebuffer object, and a PNG writer. Serves `indtrack screenshot`, the UI
// tests, and chart export (render one chart at W×H×scale to a PNG) from inside the running GUI,
// where the window's GL context is used instead of EGL.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "app_model/settings.h"
#include "io/png_writer.h"
#include "ui/host/fonts.h"

namespace indtrack::ui {

// A GL 3.3 core context with no surface, current on the calling thread while it lives.
class OffscreenGlContext {
 public:
  // nullptr with `error` set when EGL or the driver is unavailable.
  static std::unique_ptr<OffscreenGlContext> create(std::string& error);
  ~OffscreenGlContext();
  OffscreenGlContext(const OffscreenGlContext&) = delete;
  OffscreenGlContext& operator=(const OffscreenGlContext&) = delete;

 private:
  OffscreenGlContext() = default;
  void* display_ = nullptr;  // EGLDisplay
  void* context_ = nullptr;  // EGLContext
};

using OffscreenImage = RgbaImage;  // io/png_writer.h; write_png() writes one

struct OffscreenSpec {
  int width = 1600, height = 900;  // UI pixels (what the layout sees)
  float scale = 1;                 // image pixels per UI pixel: the image is width*scale × height*scale
  int settle_frames = 4;           // frames drawn before the capture: tables and auto-fit need 2–3
  Theme theme = Theme::Dark;
  std::optional<ImVec4> clear_colour;  // the image's background; default the theme's window colour
};

// What `draw` gets each frame. `draw` runs between ImGui::NewFrame() and ImGui::Render() and
// draws into the whole display (io.DisplaySize = width × height UI pixels).
struct OffscreenFrame {
  UiFonts fonts;
  int index = 0;  // 0 .. settle_frames-1; the last one is captured
};

// The offscreen frame loop one step at a time, for callers that drive or time the frames
// themselves (render_imgui_offscreen runs it; bench/frame_bench times each step). It makes its
// own ImGui context (current while it lives), font atlas, renderer backend and a framebuffer of
// width*scale × height*scale pixels, applies the theme and leaves the pointer outside the
// display (io.MousePos may be set between frames). Needs a current GL 3.3 context. On
// destruction the caller's ImGui context, palette and viewport are restored.
class OffscreenRenderer {
 public:
  OffscreenRenderer(const OffscreenSpec& spec, FontManager& fonts);
  ~OffscreenRenderer();
  OffscreenRenderer(const OffscreenRenderer&) = delete;
  OffscreenRenderer& operator=(const OffscreenRenderer&) = delete;

  // Empty when frames can be drawn; else why not (bad size, no framebuffer).
  const std::string& error() const { return error_; }
  // Rebuilds the atlas when `fonts` was asked for characters it lacks (or has none yet), then
  // starts an ImGui frame. Returns the fonts to draw with.
  const UiFonts& new_frame();
  // Ends the frame drawn since new_frame(). False when it used characters the atlas lacks: the
  // frame is dropped (EndFrame) and should be drawn again (at most a few times per renderer, then
  // frames are kept with "?" for the missing characters). True: ImGui::Render() was called.
  bool end_frame();
  // Clears the framebuffer to the background and submits the frame's draw data to GL
  // (ImGui_ImplOpenGL3_RenderDrawData); the driver may still be rasterising on return.
  void submit();
  // The framebuffer's pixels, top row first (waits for the rendering). nullopt with `error` set
  // on failure.
  std::optional<OffscreenImage> read_pixels(std::string& error);

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::string error_;
};

// Renders `draw` offscreen and returns the last frame's pixels. Needs a current GL 3.3 context
// (an OffscreenGlContext, or the GUI's window context). Uses its own ImGui context, renderer
// backend and font atlas (built by `fonts` at `spec.scale`, so text is sharp at 2×); the
// caller's ImGui context, if any, is current again on return. Characters requested from `fonts`
// during a frame are added to the atlas before the next one, and the captured frame is one
// drawn with a complete atlas. nullopt with `error` set on failure.
std::optional<OffscreenImage> render_imgui_offscreen(const OffscreenSpec& spec, FontManager& fonts,
                                                     const std::function<void(const OffscreenFrame&)>& draw,
                                                     std::string& error);

}  // namespace indtrack::ui
