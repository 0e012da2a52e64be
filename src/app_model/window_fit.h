// The window's size and place on start, fitted to the screen: a size saved on a larger screen (or
// the 1600×900 default) must not open wider or taller than the monitor's work area (the screen
// less the task bars), and a saved place must keep the whole window on it. Pure: testable without
// a display.
#pragma once

#include <vector>

#include "app_model/settings.h"

namespace indtrack::ui {

struct WorkArea {
  int x = 0, y = 0, width = 0, height = 0;  // screen coordinates
};

// `wanted` (width and height already in screen coordinates) fitted to the work area it lies on
// most — the first of `areas` (the primary monitor's) when it lies on none or has no position.
// The size shrinks to the area, never below `min_width` × `min_height` (the window's own limits);
// a stored position moves so the window is inside the area. No areas: `wanted` as it is.
WindowGeometry fit_to_work_area(const WindowGeometry& wanted, const std::vector<WorkArea>& areas,
                                int min_width, int min_height);

}  // namespace indtrack::ui
