// The dashboard's keyboard (keyboard_navigation.h).
#include "app_model/keyboard_navigation.h"

#include <algorithm>

namespace indtrack::ui {

int step_selection(const std::vector<int>& visible, int selected, TableStep step, int page_rows) {
  if (visible.empty()) return -1;
  const int last = static_cast<int>(visible.size()) - 1;
  const auto found = std::find(visible.begin(), visible.end(), selected);
  const int page = std::max(page_rows, 1);
  int row = 0;
  if (found == visible.end()) {
    const bool forward = step == TableStep::Down || step == TableStep::PageDown || step == TableStep::Home;
    row = forward ? 0 : last;
  } else {
    const int at = static_cast<int>(found - visible.begin());
    switch (step) {
      case TableStep::Up:
        row = at - 1;
        break;
      case TableStep::Down:
        row = at + 1;
        break;
      case TableStep::PageUp:
        row = at - page;
        break;
      case TableStep::PageDown:
        row = at + page;
        break;
      case TableStep::Home:
        row = 0;
        break;
      case TableStep::End:
        row = last;
        break;
    }
  }
  return visible[static_cast<std::size_t>(std::clamp(row, 0, last))];
}

std::span<const Shortcut> shortcuts() {
  static constexpr Shortcut kAll[] = {
      {Str::ShortcutsGroupTable, Str::KeyUpDown, Str::DoRowUpDown},
      {Str::ShortcutsGroupTable, Str::KeyPageUpDown, Str::DoRowPage},
      {Str::ShortcutsGroupTable, Str::KeyHomeEnd, Str::DoRowHomeEnd},
      {Str::ShortcutsGroupTable, Str::KeyEnter, Str::DoOpenDetail},
      {Str::ShortcutsGroupWindow, Str::KeyCtrlF, Str::DoSearch},
      {Str::ShortcutsGroupWindow, Str::KeyEscape, Str::DoEscape},
      {Str::ShortcutsGroupWindow, Str::KeyCtrlS, Str::DoSave},
      {Str::ShortcutsGroupWindow, Str::KeyCtrlZ, Str::DoUndo},
      {Str::ShortcutsGroupWindow, Str::KeyCtrlY, Str::DoRedo},
      {Str::ShortcutsGroupWindow, Str::KeyF1, Str::DoShortcuts},
      {Str::ShortcutsGroupChart, Str::KeyWheel, Str::DoZoom},
      {Str::ShortcutsGroupChart, Str::KeyDrag, Str::DoPan},
      {Str::ShortcutsGroupChart, Str::KeyBoxZoom, Str::DoBoxZoom},
      {Str::ShortcutsGroupChart, Str::KeyDoubleClick, Str::DoReset},
      {Str::ShortcutsGroupChart, Str::KeyCtrlWheel, Str::DoRows},
      {Str::ShortcutsGroupChart, Str::KeyClick, Str::DoSelect},
      {Str::ShortcutsGroupChart, Str::KeyRightClick, Str::DoMenu},
  };
  return kAll;
}

}  // namespace indtrack::ui
