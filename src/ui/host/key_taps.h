// Key taps that fall between two frames. ImGui 1.86 reads the keys' state once a frame
// (io.KeysDown, set by the GLFW backend's callback), so a key pressed and released before the
// next frame — a remote desktop or VNC client sending both at once, xdotool — never shows as
// pressed: Ctrl+S saved nothing. Releases after a press no frame has seen are kept and passed
// on at the frame after the one that sees it; the window loop draws that frame at once
// (pending()).
#pragma once

#include <vector>

namespace indtrack::ui {

class KeyTaps {
 public:
  struct Release {
    int key = 0, scancode = 0, mods = 0;
  };

  // A press (true: pass it on) or a release (false: kept, a key was pressed since the last
  // frame; true: pass it on now). `pressed` is GLFW_PRESS or GLFW_REPEAT, else a release.
  bool on_key(int key, int scancode, bool pressed, int mods);
  // At the start of a frame: the releases to pass on now, kept before the previous frame.
  std::vector<Release> take_due();
  // Releases kept: the next frame must come without waiting for input.
  bool pending() const { return !kept_.empty() || !due_.empty(); }

 private:
  bool pressed_since_frame_ = false;
  std::vector<Release> kept_;  // before the coming frame: passed on at the one after it
  std::vector<Release> due_;   // the coming frame's
};

}  // namespace indtrack::ui
