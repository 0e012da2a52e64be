// Files dropped onto the window: a dataset (.json) is opened — asking first about unsaved edits,
// as File → Open does — and an article (.txt) opens in the import window with its text; anything
// else, and every file after the first of its kind, gets a notice saying why it was not used.
#pragma once

#include <string>
#include <vector>

#include "app_model/curation.h"

namespace indtrack::ui {

struct DropResult {
  std::string opened;    // the dataset whose opening was requested; empty if none
  std::string imported;  // the article now in the import window; empty if none
};

DropResult drop_files(Curation& cur, AppState& app, const std::vector<std::string>& paths);

}  // namespace indtrack::ui
