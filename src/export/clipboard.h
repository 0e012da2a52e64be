// Charts onto the system clipboard, for pasting into Word/WPS and Excel: the plotted numbers as
// tab-separated text (a table when pasted), a PNG through the desktop's clipboard tool — wl-copy
// (wl-clipboard) on Wayland, xclip on X11 — since the window toolkit offers text only. Headless.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace indtrack {

// A chart CSV (chart/chart_csv.h: a header row, quoted cells, "\r\n") as tab-separated rows ending
// "\r\n", which spreadsheets paste as a table: quotes removed, a tab or line break inside a cell
// becomes a space.
std::string tab_separated(std::string_view csv);

// The command that puts stdin on the clipboard as `mime`: wl-copy when WAYLAND_DISPLAY is set and
// it is on PATH, else xclip when DISPLAY is set and it is on PATH; nullopt when neither.
struct ClipboardCommand {
  std::string program;  // full path
  std::vector<std::string> args;
};
std::optional<ClipboardCommand> find_clipboard_command(std::string_view mime);

// Runs `command` with `bytes` on its stdin. "" on success, else why ("xclip exited with 1").
std::string run_clipboard_command(const ClipboardCommand& command, std::string_view bytes);

}  // namespace indtrack
