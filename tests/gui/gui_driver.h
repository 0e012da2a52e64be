// A headless user for the dashboard: real frames of the real Dashboard (the Session the window
// uses, drawn offscreen through EGL as `indtrack screenshot` does), fed real input through ImGui's
// IO between frames — the mouse moves, presses and releases, characters are typed, keys go down
// and up — and read back the way a user reads a screen: by the text each frame drew, found in
// the frame's vertex buffers (every glyph quad's texture coordinates name its character).
//
//   GuiDriver gui({.dataset = path});
//   gui.click_text("资产一号项目", gui.panel("project-table"));  // select a row
//   gui.click_text("编辑");                                     // the detail panel's edit toggle
//   gui.click(gui.right_of("名称", gui.panel("detail")));       // into the name field
//   gui.key(GLFW_KEY_A, kCtrl);  gui.type("新名称");               // select all, type
//   gui.click(...elsewhere...);                                  // leave it: the edit applies
//   CHECK(gui.shows_text("新名称", gui.panel("detail")));
//
// Each input step draws the frames a window would (the press and the release are separate
// frames, so ImGui sees a click). Between frames the driver does what the window loop does:
// finishes a background load, turns a quit request into a question. Used by tests/gui only; one
// driver at a time (it owns the current ImGui context while it lives).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app_model/edit_session.h"
#include "ui/host/offscreen.h"
#include "ui/session.h"

namespace indtrack::test {

// A rectangle in UI pixels (the display is width × height UI pixels).
struct ScreenRect {
  ImVec2 min{0, 0}, max{0, 0};
  ImVec2 center() const { return {(min.x + max.x) / 2, (min.y + max.y) / 2}; }
  bool contains(ImVec2 p) const { return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y; }
  bool empty() const { return max.x <= min.x || max.y <= min.y; }
};

// Modifier keys held during key().
enum KeyMods : unsigned { kNoMods = 0, kCtrl = 1, kShift = 2, kAlt = 4 };

class GuiDriver {
 public:
  struct Options {
    std::string dataset;  // opened as the window opens it (empty: none)
    int width = 1600, height = 900;
    ui::Theme theme = ui::Theme::Dark;
    Language language = Language::Chinese;
    // What the window sets (lock, journal, background load); tests that must not leave files
    // beside a shared dataset turn them off.
    ui::EditSession::Options session{.lock_file = true, .journal = true, .background_load = true};
  };

  explicit GuiDriver(Options options);
  ~GuiDriver();
  GuiDriver(const GuiDriver&) = delete;
  GuiDriver& operator=(const GuiDriver&) = delete;

  ui::Session& session() { return *session_; }
  ui::AppState& app() { return session_->app; }
  ui::EditSession& editing() { return session_->curation.session; }

  // ---- frames ----
  // Draws one frame as the window does (a frame dropped for new characters is drawn again).
  void frame();
  void frames(int n);
  // Draws frames until `done()` or `limit` frames; true when done.
  template <class Done>
  bool frames_until(Done&& done, int limit = 600) {
    for (int i = 0; i < limit; ++i) {
      if (done()) return true;
      frame();
    }
    return done();
  }
  int frame_count() const { return frame_count_; }

  // ---- input (each call draws the frames it needs) ----
  void move_to(ImVec2 at);
  void press(int button = 0);
  void release(int button = 0);
  void click(ImVec2 at, int button = 0);  // move, press, release
  void double_click(ImVec2 at);
  void type(std::string_view utf8);  // characters, as a keyboard layout or input method sends them
  // A key by its GLFW code (GLFW_KEY_ENTER, 'A' ...) with modifiers, down one frame, then up.
  void key(int glfw_key, unsigned mods = kNoMods);
  void scroll(float wheel_y);  // at the current mouse position

  // ---- what the last frame shows ----
  // Where the last frame drew `text` (whitespace in `text` ignored; it must be drawn on one line):
  // every occurrence inside `within`, in drawing order, each clipped to what is visible.
  std::vector<ScreenRect> find_all_text(std::string_view text,
                                        std::optional<ScreenRect> within = std::nullopt) const;
  std::optional<ScreenRect> find_text(std::string_view text, std::optional<ScreenRect> within = std::nullopt,
                                      std::size_t nth = 0) const;
  bool shows_text(std::string_view text, std::optional<ScreenRect> within = std::nullopt) const {
    return find_text(text, within).has_value();
  }
  // Every line of text the last frame drew inside `within`, top to bottom (for failure messages).
  std::string visible_text(std::optional<ScreenRect> within = std::nullopt) const;
  // The rectangle of a dashboard panel ("filter-bar", "chart-area", "project-table", "notices",
  // "detail") or of a top-level window whose title starts with `name`; REQUIREs that it exists.
  ScreenRect panel(std::string_view name) const;
  std::optional<ScreenRect> window(std::string_view name) const;
  // The status line at the bottom of the window (below the panels).
  ScreenRect status_line() const;
  // The middle of the space right of `text` on its line, up to the right edge of `within` (or of
  // the display): where the field next to a label is.
  ImVec2 right_of(std::string_view text, std::optional<ScreenRect> within = std::nullopt) const;
  // REQUIREs the text is shown, then clicks its middle.
  void click_text(std::string_view text, std::optional<ScreenRect> within = std::nullopt,
                  std::size_t nth = 0);

  // The last frame's pixels. nullopt with `error` set on failure.
  std::optional<ui::OffscreenImage> pixels(std::string& error);
  // Writes the last frame as a PNG (to look at what a test saw); REQUIREs success.
  void save_png(const std::string& path);

 private:
  void step();  // one frame with the input state as it is now

  Options options_;
  std::unique_ptr<ui::OffscreenGlContext> gl_;
  std::unique_ptr<ui::Session> session_;
  std::unique_ptr<ui::OffscreenRenderer> renderer_;
  int frame_count_ = 0;
  ImVec2 mouse_{-1, -1};
};

}  // namespace indtrack::test
