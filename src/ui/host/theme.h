// Dark (screen) and light (print) themes: ImGui's style colours and sizes at a UI scale, plus the
// semantic colours the panels use (accent, dimmed text, expected vs actual, warnings, errors).
#pragma once

#include <imgui.h>

#include "app_model/settings.h"
#include "model/vocabulary.h"

namespace indtrack::ui {

struct Palette {
  ImVec4 text, text_dim, accent, accent_soft;
  ImVec4 error, warning, info;
  ImVec4 actual;       // an event that happened
  ImVec4 expected;     // a plan or forecast
  ImVec4 inferred;     // a fact the curator derived
  ImVec4 conflicting;  // sources disagree
  ImVec4 quote;        // verbatim source text
  ImVec4 panel;        // card background (KPI strip, conflict boxes)
  ImVec4 panel_border;
  bool dark = false;  // which chart theme's status colours go with it
};

// Sets the current ImGui context's style for `theme`, with sizes multiplied by `layout_scale`.
void apply_theme(Theme theme, float layout_scale);
const Palette& palette();            // of the theme applied last
void set_palette(const Palette& p);  // restores a saved palette (after an offscreen render)

// A colour per derived status (KPI bar, table dots): the chart module's status colours for the
// theme applied last, so the dashboard and the exported charts agree.
ImVec4 status_color(Status s);

inline ImU32 to_u32(const ImVec4& c) { return ImGui::ColorConvertFloat4ToU32(c); }

}  // namespace indtrack::ui
