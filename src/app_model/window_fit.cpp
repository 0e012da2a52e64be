// The window fitted to the screen on start (window_fit.h).
#include "app_model/window_fit.h"

#include <algorithm>

namespace indtrack::ui {

namespace {

long overlap(const WindowGeometry& w, const WorkArea& a) {
  if (!w.x || !w.y) return 0;
  const long dx = std::min(*w.x + w.width, a.x + a.width) - std::max(*w.x, a.x);
  const long dy = std::min(*w.y + w.height, a.y + a.height) - std::max(*w.y, a.y);
  return dx > 0 && dy > 0 ? dx * dy : 0;
}

}  // namespace

WindowGeometry fit_to_work_area(const WindowGeometry& wanted, const std::vector<WorkArea>& areas,
                                int min_width, int min_height) {
  if (areas.empty()) return wanted;
  const WorkArea* area = &areas.front();
  long best = 0;
  for (const WorkArea& a : areas) {
    const long o = overlap(wanted, a);
    if (o > best) {
      best = o;
      area = &a;
    }
  }
  WindowGeometry out = wanted;
  out.width = std::max(std::min(wanted.width, area->width), min_width);
  out.height = std::max(std::min(wanted.height, area->height), min_height);
  if (best == 0) {  // a place on no monitor (they changed since): the window manager places it
    out.x.reset();
    out.y.reset();
  } else {
    out.x = std::clamp(*wanted.x, area->x, std::max(area->x, area->x + area->width - out.width));
    out.y = std::clamp(*wanted.y, area->y, std::max(area->y, area->y + area->height - out.height));
  }
  return out;
}

}  // namespace indtrack::ui
