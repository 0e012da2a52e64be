// The KPI strip at the top of the chart area: one card per figure, for the projects the table
// shows. Counts come from AppState::summary() (recomputed on change, not per frame).
#include <algorithm>
#include <string>

#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace indtrack::ui {

namespace {

struct Kpi {
  Str label;
  int value;
  std::string detail;  // a dim line under the label
};

void kpi_card(PanelContext& c, const Kpi& k, float width, float height) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float pad = 10 * c.scale;
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), to_u32(palette().panel), 5 * c.scale);
  dl->AddRect(p, ImVec2(p.x + width, p.y + height), to_u32(palette().panel_border), 5 * c.scale);
  dl->AddRectFilled(p, ImVec2(p.x + 3 * c.scale, p.y + height), to_u32(palette().accent), 5 * c.scale,
                    ImDrawFlags_RoundCornersLeft);
  const std::string value = std::to_string(k.value);
  c.fonts.request_large_text(value);
  ImFont* big = c.large ? c.large : ImGui::GetFont();
  const float big_size = c.large ? c.large->FontSize * ImGui::GetIO().FontGlobalScale : ImGui::GetFontSize();
  dl->AddText(big, big_size, ImVec2(p.x + pad + 2 * c.scale, p.y + pad * 0.6f), to_u32(palette().text),
              value.c_str());
  const float label_y = p.y + pad * 0.6f + big_size + 2 * c.scale;
  const char* label = tr(k.label);
  dl->AddText(ImVec2(p.x + pad + 2 * c.scale, label_y), to_u32(palette().text_dim), label);
  if (!k.detail.empty()) {
    const float label_width = ImGui::CalcTextSize(label).x;
    dl->AddText(ImVec2(p.x + pad + 2 * c.scale + label_width + 6 * c.scale, label_y),
                to_u32(palette().text_dim), k.detail.c_str());
  }
  ImGui::Dummy(ImVec2(width, height));
}

}  // namespace

void draw_kpi_strip(PanelContext& c) {
  const VisibleSummary& s = c.app.summary();
  const Kpi kpis[] = {
      {Str::KpiProjects, s.projects, {}},
      {Str::KpiUnits, s.units, {}},
      {Str::KpiCompanies, s.companies, {}},
      {Str::KpiSources, s.sources,
       s.articles > 0 ? "· " + std::string(tr(Str::KpiArticles)) + " " + std::to_string(s.articles) : ""},
  };
  const int count = static_cast<int>(sizeof kpis / sizeof kpis[0]);
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float width = std::min(260 * c.scale, (avail - spacing * (count - 1)) / count);
  const float height = std::min(ImGui::GetContentRegionAvail().y, 72 * c.scale);
  for (int i = 0; i < count; ++i) {
    if (i) ImGui::SameLine();
    kpi_card(c, kpis[i], width, height);
  }
}

}  // namespace indtrack::ui
