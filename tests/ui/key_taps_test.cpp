// A key tapped between two frames shows as pressed in one frame (key_taps.h): Ctrl+S sent by a
// remote desktop or xdotool as four events at once saved nothing before.
#include <catch2/catch_test_macros.hpp>

#include "ui/host/key_taps.h"

using indtrack::ui::KeyTaps;

namespace {
constexpr int kCtrl = 341, kS = 83;  // GLFW_KEY_LEFT_CONTROL, GLFW_KEY_S
}

TEST_CASE("a key tapped between two frames is released at the frame after the one that sees it",
          "[ui][keys]") {
  KeyTaps taps;
  // Ctrl+S as one burst before the next frame: the presses pass, the releases wait.
  CHECK(taps.on_key(kCtrl, 37, true, 0));
  CHECK(taps.on_key(kS, 39, true, 2));
  CHECK_FALSE(taps.on_key(kS, 39, false, 2));
  CHECK_FALSE(taps.on_key(kCtrl, 37, false, 0));
  CHECK(taps.pending());
  // The next frame sees both down (nothing released yet) ...
  CHECK(taps.take_due().empty());
  CHECK(taps.pending());
  // ... and the one after sees them up, in the order they were released.
  const std::vector<KeyTaps::Release> up = taps.take_due();
  REQUIRE(up.size() == 2);
  CHECK(up[0].key == kS);
  CHECK(up[0].scancode == 39);
  CHECK(up[0].mods == 2);
  CHECK(up[1].key == kCtrl);
  CHECK_FALSE(taps.pending());
}

TEST_CASE("a modifier let go with the key it modifies is released after it, as xdotool sends Ctrl+S",
          "[ui][keys]") {
  KeyTaps taps;
  CHECK(taps.on_key(kCtrl, 37, true, 0));
  CHECK(taps.take_due().empty());  // a frame with Ctrl down
  CHECK(taps.on_key(kS, 39, true, 2));
  CHECK_FALSE(taps.on_key(kCtrl, 37, false, 0));  // Ctrl up before S: kept, the frame sees Ctrl+S
  CHECK_FALSE(taps.on_key(kS, 39, false, 0));
  CHECK(taps.take_due().empty());
  CHECK(taps.take_due().size() == 2);
}

TEST_CASE("a key held across a frame is released at once", "[ui][keys]") {
  KeyTaps taps;
  CHECK(taps.on_key(kS, 39, true, 0));
  CHECK(taps.take_due().empty());        // a frame sees it down
  CHECK(taps.on_key(kS, 39, false, 0));  // released after that frame: passed on now
  CHECK_FALSE(taps.pending());
  // A release of a key pressed before the window had focus passes too.
  CHECK(taps.on_key(kCtrl, 37, false, 0));
}
