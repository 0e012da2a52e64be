// The dashboard's keyboard (Dashboard::handle_keys): Ctrl+F to the search box; Up/Down, Page
// Up/Down, Home/End through the table (or, after Enter, through the detail); Escape closes the
// topmost popup or menu, else a focused window, else leaves the detail; F1 lists the shortcuts.
// Undo, redo and save are the curation's (handle_edit_shortcuts). The list the help window shows
// is app_model/keyboard_navigation.h's.
#include <GLFW/glfw3.h>  // key codes: the window's backend indexes keys by them (ImGui 1.86)
#include <imgui.h>
#include <imgui_internal.h>

#include <cstring>

#include "ui/dashboard.h"
#include "ui/host/widgets.h"

namespace indtrack::ui {

namespace {

bool pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); }

// The keys belong to the dashboard's panels when no text field, popup or other window has them.
bool dashboard_has_keys() {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  if (ImGui::GetIO().WantTextInput || !g.OpenPopupStack.empty()) return false;
  return !g.NavWindow || std::strcmp(g.NavWindow->RootWindow->Name, "##dashboard") == 0;
}

}  // namespace

void Dashboard::handle_keys(PanelContext& c) {
  AppState& app = c.app;
  const ImGuiIO& io = ImGui::GetIO();
  ImGuiContext& g = *ImGui::GetCurrentContext();
  detail_keys_ = {};
  bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  // The topmost popup (a menu, a right-click menu, a dialog) closes first; ImGui 1.86 closes
  // popups on Escape only with keyboard navigation on, which would take the arrow keys too.
  if (escape && !g.OpenPopupStack.empty()) {
    ImGui::ClosePopupToLevel(g.OpenPopupStack.Size - 1, true);
    escape = false;
  }
  note_escape(escape);  // for the windows drawn later (close_on_escape), then the detail

  if (ImGui::IsKeyPressed(GLFW_KEY_F1, false)) shortcuts_open_ = true;
  if (io.KeyCtrl && !io.KeyAlt && ImGui::IsKeyPressed(GLFW_KEY_F, false) && g.OpenPopupStack.empty()) {
    filter_bar_widget_.request_search_focus();
    key_focus_ = KeyFocus::Table;
    return;
  }
  if (!app.dataset || io.KeyCtrl || io.KeyAlt || !dashboard_has_keys()) return;

  if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter)) {
    if (app.selected_project >= 0) {
      key_focus_ = KeyFocus::Detail;
      detail_keys_.top = true;  // the detail from its top
    }
    return;
  }
  if (key_focus_ == KeyFocus::Detail) {
    if (pressed(ImGuiKey_UpArrow)) detail_keys_.lines = -1;
    if (pressed(ImGuiKey_DownArrow)) detail_keys_.lines = 1;
    if (pressed(ImGuiKey_PageUp)) detail_keys_.pages = -1;
    if (pressed(ImGuiKey_PageDown)) detail_keys_.pages = 1;
    if (pressed(ImGuiKey_Home)) detail_keys_.top = true;
    if (pressed(ImGuiKey_End)) detail_keys_.bottom = true;
    return;
  }
  struct Binding {
    ImGuiKey key;
    TableStep step;
  };
  static constexpr Binding kSteps[] = {
      {ImGuiKey_UpArrow, TableStep::Up},    {ImGuiKey_DownArrow, TableStep::Down},
      {ImGuiKey_PageUp, TableStep::PageUp}, {ImGuiKey_PageDown, TableStep::PageDown},
      {ImGuiKey_Home, TableStep::Home},     {ImGuiKey_End, TableStep::End},
  };
  for (const Binding& b : kSteps) {
    if (!pressed(b.key)) continue;
    const int next = step_selection(app.visible(), app.selected_project, b.step, app.table_page_rows);
    if (next >= 0 && next != app.selected_project) {
      app.select_project(next);
      app.scroll_to_selection = true;
    }
    return;
  }
}

}  // namespace indtrack::ui
