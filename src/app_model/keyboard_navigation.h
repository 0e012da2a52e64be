// The dashboard's keyboard, without ImGui: where a key moves the table's selection, and the list
// of every shortcut the 帮助 → 快捷键 window shows (one list, so the window cannot leave one out).
#pragma once

#include <span>
#include <vector>

#include "app_model/strings.h"

namespace indtrack::ui {

enum class TableStep : unsigned char { Up, Down, PageUp, PageDown, Home, End };

// The project selected after `step` in a table showing `visible` (project indices, in table
// order), `page_rows` rows to a page. With no selection among the rows, Down, Page Down and Home
// go to the first row and Up, Page Up and End to the last; the ends stop the movement (no wrap).
// -1 when there are no rows.
int step_selection(const std::vector<int>& visible, int selected, TableStep step, int page_rows);

// Which part of the dashboard the arrow keys move: the table's selection or the detail's text.
enum class KeyFocus : unsigned char { Table, Detail };

struct Shortcut {
  Str group;   // ShortcutsGroup...
  Str keys;    // Key...
  Str action;  // Do...
};

// Every shortcut and mouse gesture of the dashboard, grouped, in the order the window lists them.
std::span<const Shortcut> shortcuts();

}  // namespace indtrack::ui
