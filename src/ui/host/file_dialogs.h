// The file chooser every panel asks through (PanelContext::files): the desktop's own (zenity or
// kdialog, app_model/desktop_chooser.h) as a child process the frame loop polls — the window keeps
// drawing while it is open — or, when there is none or it fails, the built-in chooser drawn here
// as a modal over the model of app_model/file_chooser.h. One request at a time.
#pragma once

#include <imgui.h>

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app_model/desktop_chooser.h"
#include "app_model/file_chooser.h"
#include "ui/host/panel_context.h"

namespace indtrack::ui {

class FileDialogs {
 public:
  using Then = std::function<void(const std::string& path)>;

  // Asks for a file for `purpose`, starting at `start` (a file or a folder), with `suggested` in
  // the name field; `then` runs with the chosen path in a later frame. Nothing when cancelled.
  // Ignored while another request is open.
  void ask(PanelContext& c, FilePurpose purpose, const std::string& start, const std::string& suggested,
           Then then);

  // Every frame: picks up the desktop chooser's answer; draws the built-in chooser. The first
  // call of a frame draws: a modal dialog that asks calls it inside itself (an ImGui modal opened
  // outside would close it), the dashboard calls it last for everyone else.
  void draw(PanelContext& c);

  bool busy() const { return process_.running() || builtin_open_; }
  bool desktop_open() const { return process_.running(); }  // the frame loop polls more often
  bool builtin_open() const { return builtin_open_; }
  FileChooser& builtin() { return chooser_; }  // for tests
  // Where the built-in chooser drew its rows (entry name, x0 y0 x1 y1 in screen pixels) and its
  // Choose button in the last frame, for tests that click them.
  const std::vector<std::pair<std::string, ImVec4>>& drawn_rows() const { return drawn_rows_; }
  ImVec4 choose_button() const { return choose_button_; }

 private:
  void open_builtin(FilePurpose purpose, const std::string& start, const std::string& suggested);
  void draw_builtin(PanelContext& c);
  void finish(const std::string& path);

  ChooserProcess process_;
  FileChooser chooser_;
  bool builtin_open_ = false;
  bool builtin_requested_ = false;  // OpenPopup on the next draw
  std::string listed_;              // the folder whose names went to the glyph set
  std::string folder_field_;        // the typed folder path
  FilePurpose purpose_ = FilePurpose::OpenDataset;
  std::string start_, suggested_;  // for falling back to the built-in chooser
  Then then_;
  int drawn_frame_ = -1;
  std::vector<std::pair<std::string, ImVec4>> drawn_rows_;
  ImVec4 choose_button_{};
};

}  // namespace indtrack::ui
