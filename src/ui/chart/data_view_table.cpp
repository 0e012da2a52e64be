// The data view's table (data_view_table.h).
#include "ui/chart/data_view_table.h"

#include <imgui.h>

#include <algorithm>

#include "ui/host/theme.h"
#include "ui/host/widgets.h"

namespace indtrack::ui {

std::string data_view_origin_text(const Dataset& data, const DataView::Origin& origin, Language lang) {
  const bool english = lang == Language::English;
  std::string value = origin.value;
  if (origin.column == "source")
    for (const Source& s : data.sources)
      if (s.id == origin.value) {
        value = publisher_text(s, english) + " · " + s.title + " · " + s.date.to_string();
        break;
      }
  return fill(text(Str::DataViewOriginFmt, lang), {origin.header, value});
}

DataViewFrame draw_data_view_table(PanelContext& c, DataView& view, const char* id, float height) {
  DataViewFrame out;
  ImGui::PushID(id);
  const ImGuiIO& io = ImGui::GetIO();
  bool copy = ImGui::SmallButton(tr(Str::DataViewCopy));
  ImGui::SameLine();
  const std::string count = view.selected_count() > 0
                                ? fill(tr(Str::DataViewSelectedFmt), {std::to_string(view.selected_count())})
                                : fill(tr(Str::DataViewRowsFmt), {std::to_string(view.row_count())});
  text_colored(palette().text_dim, count);
  ImGui::SameLine();
  text_colored(palette().text_dim, "(?)");
  tooltip(tr(Str::DataViewHelp));

  const int columns = static_cast<int>(std::min<std::size_t>(view.columns().size(), 63));
  const float table_h = std::max(height - ImGui::GetFrameHeightWithSpacing(), ImGui::GetFrameHeight() * 3);
  if (columns > 0 &&
      ImGui::BeginTable("##data-view", columns,
                        ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                            ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                            ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate,
                        ImVec2(0, table_h))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    for (int col = 0; col < columns; ++col) {
      const std::string& name = view.headers()[static_cast<std::size_t>(col)];
      c.fonts.request_text(name);
      ImGui::TableSetupColumn(name.c_str(), ImGuiTableColumnFlags_WidthFixed);
    }
    // The header row as TableHeadersRow() draws it, keeping where each header is.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int col = 0; col < columns; ++col) {
      if (!ImGui::TableSetColumnIndex(col)) continue;
      ImGui::TableHeader(ImGui::TableGetColumnName(col));
      const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
      out.headers.emplace_back(lo.x, lo.y, hi.x, hi.y);
    }
    // A click on a header: ImGui cycles ascending, descending, none; the model sorts.
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
      if (specs->SpecsCount == 0)
        view.sort_by(-1, false);
      else
        view.sort_by(specs->Specs[0].ColumnIndex,
                     specs->Specs[0].SortDirection == ImGuiSortDirection_Descending);
      specs->SpecsDirty = false;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.row_count()));
    while (clipper.Step()) {
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const auto shown = static_cast<std::size_t>(r);
        const std::vector<std::string>& row = view.row(shown);
        ImGui::TableNextRow();
        ++out.rows_drawn;
        for (int col = 0; col < columns; ++col) {
          ImGui::TableSetColumnIndex(col);
          const std::string& cell =
              static_cast<std::size_t>(col) < row.size() ? row[static_cast<std::size_t>(col)] : std::string();
          if (col > 0) {
            text(cell);
            continue;
          }
          // The first cell is the row's handle: selection, and the hover that names its origin.
          const std::string label = cell + "##row" + std::to_string(r);
          if (ImGui::Selectable(label.c_str(), view.selected(shown), ImGuiSelectableFlags_SpanAllColumns))
            view.click_row(shown, io.KeyCtrl, io.KeyShift);
          const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
          out.rows.emplace_back(r, ImVec4(lo.x, lo.y, hi.x, hi.y));
          if (ImGui::IsItemHovered() && c.app.shown())
            tooltip_now(data_view_origin_text(*c.app.shown(), view.origin(shown), c.app.language()));
        }
      }
    }
    const bool focused = ImGui::IsWindowFocused();  // the table's scrolling child
    ImGui::EndTable();
    copy |= focused && io.KeyCtrl && !io.WantTextInput && ImGui::IsKeyPressed('C', false);
  }
  if (copy) {
    out.copied = view.copy_text();
    ImGui::SetClipboardText(out.copied.c_str());
  }
  ImGui::PopID();
  return out;
}

}  // namespace indtrack::ui
