// KeyTaps (key_taps.h).
#include "ui/host/key_taps.h"

#include <utility>

namespace indtrack::ui {

bool KeyTaps::on_key(int key, int scancode, bool pressed, int mods) {
  if (pressed) {
    pressed_since_frame_ = true;
    return true;
  }
  // After a press no frame has seen yet, every release waits: the tapped key's own, and a
  // modifier's let go with it (xdotool's Ctrl+S reaches us as Ctrl, frame, S, Ctrl up, S up).
  if (!pressed_since_frame_) return true;
  kept_.push_back({key, scancode, mods});
  return false;
}

std::vector<KeyTaps::Release> KeyTaps::take_due() {
  std::vector<Release> now = std::exchange(due_, std::move(kept_));
  kept_.clear();
  pressed_since_frame_ = false;
  return now;
}

}  // namespace indtrack::ui
