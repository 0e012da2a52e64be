// The project table: sortable, virtualised with ImGuiListClipper, single selection.
#include <algorithm>
#include <string>

#include "app_model/format.h"
#include "app_model/notice.h"
#include "query/project_summary.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"
#include "ui/panels.h"

namespace indtrack::ui {

namespace {

struct ColumnSpec {
  Str title;
  SortColumn sort;
  float width;  // unscaled pixels
  ImGuiTableColumnFlags flags;
};

constexpr ColumnSpec kColumns[] = {
    {Str::ColName, SortColumn::Name, 250, ImGuiTableColumnFlags_NoHide},
    {Str::ColCompany, SortColumn::Company, 96, 0},
    {Str::ColDistrict, SortColumn::District, 80, 0},
    {Str::ColPark, SortColumn::Park, 112, 0},
    {Str::ColIndustry, SortColumn::Industry, 130, ImGuiTableColumnFlags_DefaultHide},
    // Most advanced first by default: what operates is what readers look for first.
    {Str::ColStatus, SortColumn::Status, 96,
     ImGuiTableColumnFlags_PreferSortDescending | ImGuiTableColumnFlags_DefaultSort},
    {Str::ColCapacity, SortColumn::Capacity, 210, ImGuiTableColumnFlags_PreferSortDescending},
    {Str::ColInvestment, SortColumn::Investment, 96, ImGuiTableColumnFlags_PreferSortDescending},
    {Str::ColConstructionStart, SortColumn::ConstructionStart, 112, 0},
    {Str::ColCommissioning, SortColumn::Commissioning, 112, 0},
    // The newest report: a project long without news may have stalled.
    {Str::ColLatestReport, SortColumn::LatestReport, 104, ImGuiTableColumnFlags_PreferSortDescending},
};
constexpr int kColumnCount = static_cast<int>(sizeof kColumns / sizeof kColumns[0]);
constexpr float kEnglishCompanyWidth = 150;  // unscaled px: the table's first use in English

void date_cell(const std::optional<KeyDate>& d, Language language) {
  if (!d) return;
  // A trial start standing in for commissioning says so, as in `indtrack list`.
  const std::string written = key_date_text(d, language == Language::English);
  if (d->expected)
    text_colored(palette().expected, written);
  else
    text(written);
}

void status_cell(const ProjectRow& row, Language language) {
  if (row.status == Status::Unknown) return;
  const ImVec4 color = status_color(row.status);
  const float r = ImGui::GetTextLineHeight() * 0.2f;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 centre(p.x + r, p.y + ImGui::GetTextLineHeight() * 0.5f);
  // Stated: a filled dot. Inferred (the timeline stripes it): a ring, and the rule on hover.
  const bool inferred = !row.status_why.empty();
  if (inferred)
    ImGui::GetWindowDrawList()->AddCircle(centre, r, to_u32(color), 0, std::max(1.0f, r * 0.45f));
  else
    ImGui::GetWindowDrawList()->AddCircleFilled(centre, r, to_u32(color));
  ImGui::SetCursorScreenPos(ImVec2(p.x + r * 2 + ImGui::GetStyle().ItemInnerSpacing.x, p.y));
  const std::string_view words = row.partly_operating
                                     ? std::string_view(text(Str::StatusPartlyOperating, language))
                                     : label(row.status, language);
  if (inferred) {
    text_colored(palette().text_dim, std::string(words) + text(Str::StatusInferredSuffix, language));
    tooltip(row.status_why);
  } else {
    text(words);
  }
}

void district_cell(const ProjectRow& row, Language language) {
  if (row.district.empty()) return;
  if (row.district_basis == Basis::Stated) {
    text(row.district);
    return;
  }
  const bool conflicting = row.district_basis == Basis::Conflicting;
  text_colored(conflicting ? palette().conflicting : palette().inferred, row.district);
  std::string why(label(row.district_basis, language));
  if (row.district_from_park) why += std::string(" · ") + text(Str::DetailDistrictFromPark, language);
  tooltip(why);
}

// The row's right-click menu: open the project (the detail panel, with its sources and quotes),
// copy the row as tab-separated text (pastes into a spreadsheet as one row).
void row_menu(AppState& app, const ProjectRow& row) {
  if (!ImGui::BeginPopupContextItem("##row-menu")) return;
  if (ImGui::MenuItem(tr(Str::ChartOpenProject))) app.select_project(row.project);
  if (ImGui::MenuItem(tr(Str::ChartShowSources))) app.select_project(row.project);
  if (ImGui::MenuItem(tr(Str::ChartCopyData))) {
    std::string tsv;
    for (const std::string* cell : {&row.name, &row.company, &row.district, &row.park, &row.industry,
                                    &row.capacity_text, &row.investment_text}) {
      if (!tsv.empty()) tsv += '\t';
      tsv += *cell;
    }
    tsv += "\r\n";
    ImGui::SetClipboardText(tsv.c_str());
  }
  ImGui::EndPopup();
}

}  // namespace

void draw_project_table(PanelContext& c, int table_generation) {
  AppState& app = c.app;
  const Language language = frame_language();
  app.refresh();
  const int total = static_cast<int>(app.rows().size());
  panel_title(tr(Str::TableTitle),
              fill(tr(Str::StatusShownFmt), {std::to_string(app.visible().size()), std::to_string(total)}));

  const ImGuiTableFlags flags =
      ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable | ImGuiTableFlags_Reorderable |
      ImGuiTableFlags_Hideable | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
      ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingFixedFit;
  // "Reset layout" bumps the generation: a new table id starts from default widths and order.
  const std::string id = "projects##" + std::to_string(table_generation);
  if (!ImGui::BeginTable(id.c_str(), kColumnCount, flags, ImGui::GetContentRegionAvail())) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  for (int i = 0; i < kColumnCount; ++i) {
    // English short names ("Guangjin New Materials") are longer than Chinese ones (广锦).
    const float width = kColumns[i].sort == SortColumn::Company && language == Language::English
                            ? kEnglishCompanyWidth
                            : kColumns[i].width;
    ImGui::TableSetupColumn(tr(kColumns[i].title), kColumns[i].flags, width * c.scale,
                            static_cast<ImGuiID>(kColumns[i].sort));
  }
  ImGui::TableHeadersRow();

  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0) {
      const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
      app.set_sort(
          {static_cast<SortColumn>(s.ColumnUserID), s.SortDirection == ImGuiSortDirection_Descending});
    }
    specs->SpecsDirty = false;
    app.refresh();
  }

  const std::vector<int>& visible = app.visible();
  const std::vector<ProjectRow>& rows = app.rows();
  const float row_height = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
  // Page Up / Page Down move by the rows in view, less the frozen header.
  app.table_page_rows = std::max(static_cast<int>(ImGui::GetWindowHeight() / row_height) - 2, 1);
  // Not in the table's first frame: its scrolling region has no height yet.
  if (app.scroll_to_selection && !ImGui::IsWindowAppearing()) {
    app.scroll_to_selection = false;
    for (std::size_t i = 0; i < visible.size(); ++i) {
      if (visible[i] != app.selected_project) continue;
      const float y = static_cast<float>(i) * row_height;
      const float view = ImGui::GetWindowHeight() - row_height * 2;  // minus the frozen header
      // The whole row in view, not its top pixel under the horizontal scrollbar.
      if (y < ImGui::GetScrollY() || y + row_height > ImGui::GetScrollY() + view)
        ImGui::SetScrollY(y - view * 0.4f);
      break;
    }
  }

  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(visible.size()), row_height);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const ProjectRow& row = rows[static_cast<std::size_t>(visible[static_cast<std::size_t>(i)])];
      ImGui::TableNextRow(ImGuiTableRowFlags_None, row_height);
      ImGui::PushID(row.project);
      ImGui::TableNextColumn();
      const bool selected = row.project == app.selected_project;
      if (ImGui::Selectable(row.name.c_str(), selected,
                            ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
        app.select_project(row.project);
      row_menu(app, row);
      if (ImGui::TableNextColumn()) {
        text(row.company);
        if (row.company_full != row.company) tooltip(row.company_full);  // the legal name
      }
      if (ImGui::TableNextColumn()) district_cell(row, language);
      if (ImGui::TableNextColumn()) text(row.park);
      if (ImGui::TableNextColumn()) text(row.industry);
      if (ImGui::TableNextColumn()) status_cell(row, language);
      if (ImGui::TableNextColumn()) {
        text(row.capacity_text);
        if (ImGui::CalcTextSize(row.capacity_text.c_str()).x > ImGui::GetColumnWidth())
          tooltip(row.capacity_text);
      }
      if (ImGui::TableNextColumn()) {
        if (row.investment_conflict) {
          text_colored(palette().conflicting, row.investment_text);
          tooltip(tr(Str::DetailConflicts));
        } else {
          text(row.investment_text);
        }
      }
      if (ImGui::TableNextColumn()) date_cell(row.construction_start, language);
      if (ImGui::TableNextColumn()) date_cell(row.commissioning, language);
      if (ImGui::TableNextColumn() && row.latest_report) {
        if (row.possibly_stalled) {
          text_colored(palette().expected, row.latest_report->to_string() + " · " + tr(Str::PossiblyStalled));
          tooltip(possibly_stalled_rule_words(frame_language() == Language::English));
        } else {
          text(row.latest_report->to_string());
        }
      }
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

}  // namespace indtrack::ui
