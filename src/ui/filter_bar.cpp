// The filter bar (filter_bar.h).
#include "ui/filter_bar.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <string_view>
#include <tuple>

#include "app_model/notice.h"
#include "core/text.h"
#include "model/company_name.h"
#include "query/filter_args.h"
#include "query/project_summary.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"

namespace indtrack::ui {

namespace {

bool toggle(std::vector<int>& set, int value) {
  const auto it = std::find(set.begin(), set.end(), value);
  if (it == set.end())
    set.push_back(value);
  else
    set.erase(it);
  return true;
}

// One option: a checkbox with the label, the count right-aligned; options that would show no
// project are dimmed (still selectable, as the CLI accepts them). `tip`: shown on hovering the option.
bool option_row(const std::string& label, int id, int count, bool selected, std::string_view tip = {}) {
  ImGui::PushID(id);
  const bool empty = count == 0 && !selected;
  if (empty) ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
  bool value = selected;
  const std::string n = std::to_string(count);
  const float width = ImGui::CalcTextSize(n.c_str()).x;
  // The name ends with "…" before the count rather than under it ("Haibowan Industrial Park" in a
  // 1024 px window's bar); the hover says it whole.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float room = ImGui::GetWindowContentRegionMax().x - ImGui::GetCursorPosX() - ImGui::GetFrameHeight() -
                     style.ItemInnerSpacing.x - style.ItemSpacing.x - width;
  bool cut = false;
  const std::string shown = fit_to_width(label, room, cut) + "###option";
  const bool changed = ImGui::Checkbox(shown.c_str(), &value);
  tooltip(cut ? (tip.empty() ? label : label + "\n" + std::string(tip)) : std::string(tip));
  if (empty) ImGui::PopStyleColor();
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - width));
  text_colored(palette().text_dim, n);
  ImGui::PopID();
  return changed;
}

// No hover text beyond the option's name.
struct NoTip {
  template <class Item>
  std::string operator()(const Item&) const {
    return {};
  }
};

template <class Items, class Name, class Tip = NoTip>
bool facet(const char* id, Str title, const Items& items, const std::vector<int>& counts,
           std::vector<int>& selected, Name&& name_of_item, bool open_by_default, FacetRows& rows,
           std::uint64_t revision, Tip&& tip_of_item = {}) {
  std::string header = tr(title);
  if (!selected.empty()) header += "  " + fill(tr(Str::FilterSelectedFmt), {std::to_string(selected.size())});
  header += "###";
  header += id;
  bool changed = false;
  rows.drawn = 0;
  if (ImGui::CollapsingHeader(header.c_str(), open_by_default ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
    if (rows.revision != revision || rows.options != items.size()) {
      rows.revision = revision;
      rows.options = items.size();
      rows.shown.clear();
      for (std::size_t i = 0; i < items.size(); ++i) {
        const int index = static_cast<int>(i);
        const bool is_selected = std::find(selected.begin(), selected.end(), index) != selected.end();
        const int count = i < counts.size() ? counts[i] : 0;
        if (count > 0 || is_selected || !name_of_item(items[i]).empty()) rows.shown.push_back(index);
      }
    }
    ImGui::PushID(id);
    // Only the rows on screen are drawn: 30,000 companies cost what a screenful does.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.shown.size()));
    while (clipper.Step()) {
      for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
        const int index = rows.shown[static_cast<std::size_t>(row)];
        const auto i = static_cast<std::size_t>(index);
        ++rows.drawn;
        const bool is_selected = std::find(selected.begin(), selected.end(), index) != selected.end();
        const int count = i < counts.size() ? counts[i] : 0;
        if (option_row(name_of_item(items[i]), index, count, is_selected, tip_of_item(items[i])))
          changed = toggle(selected, index);
      }
    }
    ImGui::PopID();
  }
  return changed;
}

// A date field: empty -> nullopt (no bound), valid -> the date, invalid -> `bad` (red, the value
// kept). Applied on Enter or when the field is left, not per keystroke: "2023" on the way to
// "2023-06-30" is a date of its own, and a mistyped date filtered by its valid beginning.
bool date_field(const char* id, const char* hint, std::string& buffer, bool& bad, std::optional<Date>& out,
                float width) {
  ImGui::SetNextItemWidth(width);
  if (bad)
    ImGui::PushStyleColor(ImGuiCol_FrameBg,
                          ImVec4(palette().error.x, palette().error.y, palette().error.z, 0.25f));
  const bool edited = ImGui::InputTextWithHint(id, hint, &buffer);
  const bool done = ImGui::IsItemDeactivatedAfterEdit();
  if (bad) {
    ImGui::PopStyleColor();
    tooltip(tr(Str::FilterBadDate));
  }
  if (!edited && !done) return false;
  const std::string_view trimmed = trim(buffer);
  const DateParseResult parsed = trimmed.empty() ? DateParseResult{} : parse_date(trimmed);
  bad = !trimmed.empty() && !parsed.date;
  if (!done || bad) return false;
  if (trimmed.empty()) {
    if (!out) return false;
    out.reset();
    return true;
  }
  if (out && *out == *parsed.date) return false;
  out = parsed.date;
  return true;
}

// The field after a label: in the field column beside it, or under it when the labels are above
// their fields (a bar too narrow for both on one line).
void beside_label(float field_x, bool labels_above) {
  if (labels_above)
    ImGui::SetCursorPosX(field_x);
  else
    ImGui::SameLine(field_x);
}

}  // namespace

std::string filter_command(const AppState& app) {
  std::string command = "indtrack list";
  if (!app.dataset) return command;
  command += " --data " + shell_quote(app.dataset->path);
  const std::string flags = filter_to_flags(*app.dataset, app.filter());
  if (!flags.empty()) command += " " + flags;
  return command;
}

int FilterBar::option_rows_drawn() const {
  return district_rows_.drawn + park_rows_.drawn + industry_rows_.drawn + product_rows_.drawn +
         company_rows_.drawn;
}

void FilterBar::sync_from(const AppState& app) {
  const FilterSpec& f = app.filter();
  search_ = f.search;
  from_ = f.from ? f.from->to_string() : "";
  to_ = f.to ? f.to->to_string() : "";
  as_of_ = f.as_of ? f.as_of->to_string() : "";
  from_bad_ = to_bad_ = as_of_bad_ = false;
}

void FilterBar::note_field() {
  const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
  field_rects_.emplace_back(lo.x, lo.y, hi.x, hi.y);
}

void FilterBar::draw_time_presets(AppState& app, float field_x) {
  ImGui::AlignTextToFramePadding();
  text_colored(palette().text_dim, tr(Str::TimeRange));
  tooltip(tr(Str::TimeRangeTip));
  const DayNumber as_of = as_of_day(app.filter());
  const std::optional<TimePreset> shown = preset_shown(app.chart_time_shown, as_of);
  bool first = true;
  for (const TimePreset preset : time_presets()) {
    const char* name = tr(time_preset_label(preset));
    // In the field column, beside the previous button when it fits, else under it.
    if (first) {
      beside_label(field_x, labels_above_);
    } else {
      ImGui::SameLine();
      const float need = ImGui::CalcTextSize(name).x + ImGui::GetStyle().FramePadding.x * 2;
      if (need > ImGui::GetContentRegionAvail().x) {
        ImGui::NewLine();
        ImGui::SetCursorPosX(field_x);
      }
    }
    first = false;
    const bool active = shown == preset;
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, palette().accent_soft);
    if (ImGui::SmallButton(name)) app.request_chart_time(preset);
    note_field();
    if (active) ImGui::PopStyleColor();
    if (preset == TimePreset::Plan14) tooltip(tr(Str::TimePlan14Tip));
  }
}

void FilterBar::draw(PanelContext& c) {
  AppState& app = c.app;
  app.refresh();
  if (synced_revision_ == 0 || (app.revision() != synced_revision_ && !ImGui::IsAnyItemActive()))
    sync_from(app);
  if (!app.dataset) {
    panel_title(tr(Str::FilterTitle));
    return;
  }
  const Dataset& data = *app.dataset;
  const Language language = frame_language();
  FilterSpec f = app.filter();
  bool changed = false;

  panel_title(tr(Str::FilterTitle));
  const float clear_width =
      ImGui::CalcTextSize(tr(Str::FilterClearAll)).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - clear_width));
  if (ImGui::SmallButton(tr(Str::FilterClearAll))) {
    f = FilterSpec{};
    changed = true;
    search_.clear();
    from_.clear();
    to_.clear();
    as_of_.clear();
    from_bad_ = to_bad_ = as_of_bad_ = false;
  }

  ImGui::SetNextItemWidth(-1);
  if (focus_search_) {  // Ctrl+F
    focus_search_ = false;
    ImGui::SetKeyboardFocusHere();
  }
  if (ImGui::InputTextWithHint("##search", tr(Str::FilterSearchHint), &search_)) {
    c.fonts.request_text(search_);  // typed Chinese must have glyphs before the next frame
    f.search = search_;
    changed = true;
  }

  // The time and clock controls: labels in a column on the left and their fields beside them, or
  // — when the bar is too narrow for a whole date or a clock choice there (1024 px, English) —
  // each label above its field and the fields the bar's whole width.
  const ImGuiStyle& style = ImGui::GetStyle();
  field_rects_.clear();
  const char* clock_names[] = {tr(Str::FilterClockNow), tr(Str::FilterClockPublished)};
  const float radio_w =
      std::max(ImGui::CalcTextSize(clock_names[0]).x, ImGui::CalcTextSize(clock_names[1]).x) +
      ImGui::GetFrameHeight() + style.ItemInnerSpacing.x;
  const float date_w = ImGui::CalcTextSize("0000-00-00").x + style.FramePadding.x * 2;
  const float label_w =
      std::max({ImGui::CalcTextSize(tr(Str::FilterAsOf)).x, ImGui::CalcTextSize(tr(Str::FilterClock)).x,
                ImGui::CalcTextSize(tr(Str::FilterDateRange)).x, ImGui::CalcTextSize(tr(Str::TimeRange)).x}) +
      style.ItemSpacing.x;
  const float avail = ImGui::GetContentRegionAvail().x;
  labels_above_ = avail - label_w < std::max(radio_w, date_w);
  const float field_x = (labels_above_ ? 0 : label_w) + style.WindowPadding.x;
  const float field_w = labels_above_ ? avail : avail - label_w;
  ImGui::AlignTextToFramePadding();
  text_colored(palette().text_dim, tr(Str::FilterAsOf));
  beside_label(field_x, labels_above_);
  // 今天 beside the date when a whole date still fits there, else under it (1024 px wide: the
  // field was squeezed to "202").
  const float today_w = ImGui::CalcTextSize(tr(Str::FilterToday)).x + style.FramePadding.x * 2;
  const bool today_beside = field_w - today_w - style.ItemSpacing.x >= date_w;
  changed |= date_field("##as-of", today().to_string().c_str(), as_of_, as_of_bad_, f.as_of,
                        today_beside ? field_w - today_w - style.ItemSpacing.x : field_w);
  as_of_field_w_ = ImGui::GetItemRectSize().x;
  note_field();
  if (today_beside)
    ImGui::SameLine();
  else
    ImGui::SetCursorPosX(field_x);
  if (ImGui::Button(tr(Str::FilterToday)) && f.as_of) {
    f.as_of.reset();
    as_of_.clear();
    as_of_bad_ = false;
    changed = true;
  }
  note_field();
  draw_time_presets(app, field_x);
  // Which clock the as-of date runs on (docs/status.md, "The two clocks").
  ImGui::AlignTextToFramePadding();
  text_colored(palette().text_dim, tr(Str::FilterClock));
  beside_label(field_x, labels_above_);
  for (const auto& [clock, name, tip] :
       {std::tuple{Clock::KnownNow, Str::FilterClockNow, Str::FilterClockNowTip},
        std::tuple{Clock::PublishedBy, Str::FilterClockPublished, Str::FilterClockPublishedTip}}) {
    if (clock == Clock::PublishedBy) {
      // Beside the first when it fits (a radio is a square of the frame height plus its label), else
      // under it, in the field column.
      ImGui::SameLine();
      const float need = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(tr(name)).x;
      if (need > ImGui::GetContentRegionAvail().x) {
        ImGui::NewLine();
        ImGui::SetCursorPosX(field_x);
      }
    }
    if (ImGui::RadioButton(tr(name), f.clock == clock) && f.clock != clock) {
      f.clock = clock;
      changed = true;
    }
    note_field();
    tooltip(tr(tip));
  }
  ImGui::AlignTextToFramePadding();
  text_colored(palette().text_dim, tr(Str::FilterDateRange));
  beside_label(field_x, labels_above_);
  // From – to on one line when both hold a whole date, else one above the other.
  const float dash_w = ImGui::CalcTextSize("–").x;
  const float half = (field_w - style.ItemSpacing.x * 2 - dash_w) / 2;
  const bool one_line = half >= date_w;
  changed |= date_field("##from", tr(Str::FilterFrom), from_, from_bad_, f.from, one_line ? half : field_w);
  note_field();
  if (one_line) {
    ImGui::SameLine();
    text("–");
    ImGui::SameLine();
  } else {
    ImGui::SetCursorPosX(field_x);
  }
  changed |= date_field("##to", tr(Str::FilterTo), to_, to_bad_, f.to, one_line ? half : field_w);
  note_field();
  ImGui::Spacing();

  // The option lists: compact rows and quiet section headers.
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4 * c.scale, 1 * c.scale));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(6 * c.scale, 3 * c.scale));
  ImGui::PushStyleColor(ImGuiCol_Header, palette().panel);
  ImGui::PushStyleColor(ImGuiCol_HeaderHovered, palette().accent_soft);
  ImGui::PushStyleColor(ImGuiCol_HeaderActive, palette().accent_soft);
  const FacetCounts& counts = app.facets();
  auto name = [&](const auto& item) -> const std::string& { return name_of(item, language); };
  const std::uint64_t revision = app.revision();
  changed |= facet("districts", Str::ColDistrict, data.districts, counts.districts, f.districts, name, true,
                   district_rows_, revision);
  changed |=
      facet("parks", Str::ColPark, data.parks, counts.parks, f.parks, name, true, park_rows_, revision);

  // Statuses are a vocabulary, not dataset records.
  {
    std::string header = tr(Str::ColStatus);
    const std::size_t selected_statuses = f.statuses.size() + (f.possibly_stalled ? 1 : 0);
    if (selected_statuses > 0)
      header += "  " + fill(tr(Str::FilterSelectedFmt), {std::to_string(selected_statuses)});
    header += "###statuses";
    if (ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
      ImGui::PushID("statuses");
      for (const auto& entry : statuses()) {
        if (entry.value == Status::Unknown) continue;
        const auto it = std::find(f.statuses.begin(), f.statuses.end(), entry.value);
        const bool selected = it != f.statuses.end();
        ImGui::PushStyleColor(ImGuiCol_CheckMark, status_color(entry.value));
        if (option_row(std::string(label(entry.value, language)), static_cast<int>(entry.value),
                       counts.statuses[static_cast<std::size_t>(entry.value)], selected)) {
          if (selected)
            f.statuses.erase(it);
          else
            f.statuses.push_back(entry.value);
          changed = true;
        }
        ImGui::PopStyleColor();
      }
      // A flag beside the status, never a status: its own option under them.
      const std::string stalled_rule = possibly_stalled_rule_words(frame_language() == Language::English);
      if (option_row(tr(Str::PossiblyStalled), -1, counts.possibly_stalled, f.possibly_stalled,
                     stalled_rule)) {
        f.possibly_stalled = !f.possibly_stalled;
        changed = true;
      }
      ImGui::PopID();
    }
  }
  changed |= facet("industries", Str::ColIndustry, data.industries, counts.industries, f.industries, name,
                   false, industry_rows_, revision);
  auto product_name = [](const Product& p) -> const std::string& {
    return p.short_name.empty() ? p.name : p.short_name;
  };
  changed |= facet("products", Str::DetailProducts, data.products, counts.products, f.products, product_name,
                   false, product_rows_, revision);
  // Companies by the name the table and the legends use (华恒, "Huaheng Energy"); the legal name
  // on hover, where it says more.
  auto company_name = [&](const Company& company) { return company_short_name(company, language); };
  auto company_tip = [&](const Company& company) {
    const std::string& full = full_name_of(company, language);
    return full == company_short_name(company, language) ? std::string() : full;
  };
  changed |= facet("companies", Str::ColCompany, data.companies, counts.companies, f.companies, company_name,
                   false, company_rows_, revision, company_tip);
  ImGui::PopStyleColor(3);
  ImGui::PopStyleVar(2);

  ImGui::Spacing();
  if (ImGui::Button(tr(Str::FilterCopyCommand), ImVec2(-1, 0))) {
    copied_ = filter_command(app);
    ImGui::SetClipboardText(copied_.c_str());
  }
  if (!copied_.empty()) {
    text_colored(palette().text_dim, tr(Str::FilterCopied));
    text_wrapped_colored(palette().text_dim, copied_);
  }

  if (changed) {
    app.set_filter(std::move(f));
    synced_revision_ = app.revision();
  } else if (!ImGui::IsAnyItemActive()) {
    synced_revision_ = app.revision();
  }
}

}  // namespace indtrack::ui
