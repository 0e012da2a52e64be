// The curation views the dashboard shows next to its panels: the File and Edit menu entries with
// their shortcuts, the import window, the questions curation asks (unsaved changes, recovery,
// Save as) and the detail panel's project editor. Each draws from and acts on the Curation model
// (app_model/curation.h); the dashboard decides where and when.
#pragma once

#include "app_model/curation.h"
#include "ui/host/panel_context.h"

namespace indtrack::ui {

// File menu: Save, Save as, Import article (curation_menus.cpp).
void draw_file_curation_items(PanelContext& c, Curation& cur);
// Edit menu: Undo, Redo, New project, Edit the selected project (curation_menus.cpp).
void draw_edit_menu(PanelContext& c, Curation& cur);
// Ctrl+S, Ctrl+Z, Ctrl+Y / Ctrl+Shift+Z; a focused text field keeps its own undo (curation_menus.cpp).
void handle_edit_shortcuts(Curation& cur);
// The import window when it is open (import_view.cpp).
void draw_curation_windows(PanelContext& c, Curation& cur);
// The modal questions: recover a journal, unsaved changes, Save as (edit_dialogs.cpp). True when
// the settings changed (Save as remembered a new file).
bool draw_curation_dialogs(PanelContext& c, Curation& cur);
// The detail panel's edit toggle, and in edit mode the project editor; true when it drew the
// editor (the detail view is then not drawn) (project_editor.cpp).
bool draw_project_editor(PanelContext& c);

}  // namespace indtrack::ui
