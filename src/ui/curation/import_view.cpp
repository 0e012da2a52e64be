// The "Import article" window: the article's text (pasted, or a .txt opened by path) with its
// publisher, title and date; after "Find facts", the text with every candidate fact highlighted
// in its kind's colour (hover: what was read; click: its card), and the list of candidates, each
// to correct, point at a project and line, accept or reject. The logic is ImportModel's.
//
// Index of this file:
// [SECTION] Colours and labels
// [SECTION] A candidate's fields and card
// [SECTION] The highlighted text
// [SECTION] The window
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "app_model/format.h"
#include "extract/fact_output.h"
#include "ui/curation/curation_views.h"
#include "ui/host/file_dialogs.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"

namespace indtrack::ui {

namespace {

using State = ImportCandidate::State;

// [SECTION] Colours and labels

ImVec4 kind_color(FactKind kind) {
  switch (kind) {
    case FactKind::Capacity:
      return palette().accent;
    case FactKind::Investment:
      return palette().warning;
    case FactKind::Date:
      return palette().actual;
  }
  return palette().accent;
}

ImVec4 with_alpha(ImVec4 c, float a) {
  c.w = a;
  return c;
}

const std::string& product_name(const Dataset& d, int index) {
  static const std::string kNone;
  return index >= 0 && index < static_cast<int>(d.products.size())
             ? name_of(d.products[index], frame_language())
             : kNone;
}

// "10.4万吨/年 · BDO", "2024-08 · 开工 · 实际", "15亿元 · 总投资": the draft in one line.
std::string summary(const Dataset& d, const ImportCandidate& c) {
  const Language language = frame_language();
  const FactDraft& f = c.draft;
  if (f.kind == FactKind::Date) {
    return f.date + " · " + std::string(label(f.milestone, language)) + " · " +
           tr(f.expected ? Str::MilestoneExpected : Str::MilestoneActual);
  }
  std::string s = (f.approximate ? std::string(tr(Str::Approximate)) + " " : std::string()) +
                  format_number(f.value, 4) + f.unit;
  if (f.kind == FactKind::Investment) return s + " · " + std::string(label(f.scope, language));
  const std::string& product = c.target.product >= 0 ? product_name(d, c.target.product) : c.fact.product;
  return product.empty() ? s : s + " · " + product;
}

// Combo over an index: -1 shows `none`; returns true when changed.
template <class Names>
bool index_combo(const char* id, int& index, int count, const char* none, Names&& name_at) {
  const std::string preview = index >= 0 && index < count ? name_at(index) : std::string(none);
  bool changed = false;
  if (ImGui::BeginCombo(id, preview.c_str())) {
    if (ImGui::Selectable(none, index < 0)) {
      changed = index != -1;
      index = -1;
    }
    for (int i = 0; i < count; ++i) {
      ImGui::PushID(i);
      const std::string name = name_at(i);
      if (ImGui::Selectable(name.c_str(), index == i)) {
        changed = index != i;
        index = i;
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  return changed;
}

void field_label(Str s, float width) {
  ImGui::AlignTextToFramePadding();
  text_colored(palette().text_dim, tr(s));
  ImGui::SameLine(width);
}

// The card's editable fields. Returns true when something changed.
// [SECTION] A candidate's fields and card

bool draft_fields(PanelContext& c, const Dataset& d, ImportCandidate& cand) {
  // The label column fits the longest label of the language shown.
  float label_w = 70 * c.scale;
  for (Str s : {Str::EditKind, Str::EditDate, Str::ImportValue, Str::ImportScope, Str::ImportProject,
                Str::ImportNewProjectName, Str::EditCompany, Str::ImportLine, Str::EditNewUnitName})
    label_w = std::max(label_w, ImGui::CalcTextSize(tr(s)).x + ImGui::GetStyle().ItemSpacing.x * 2);
  const Language language = frame_language();
  bool changed = false;
  FactDraft& f = cand.draft;
  FactTarget& t = cand.target;

  field_label(Str::EditKind, label_w);
  ImGui::SetNextItemWidth(130 * c.scale);
  int kind = static_cast<int>(f.kind);
  if (index_combo("##kind", kind, 3, "?",
                  [](int k) { return std::string(tr(kind_label(static_cast<FactKind>(k)))); }) &&
      kind >= 0) {
    f.kind = static_cast<FactKind>(kind);
    changed = true;
  }
  if (f.kind == FactKind::Date) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(150 * c.scale);
    int m = static_cast<int>(f.milestone);
    const auto kinds = milestone_kinds();
    if (index_combo(
            "##milestone", m, static_cast<int>(kinds.size()), "?",
            [&](int k) { return std::string(language == Language::English ? kinds[k].en : kinds[k].zh); }) &&
        m >= 0) {
      f.milestone = kinds[static_cast<std::size_t>(m)].value;
      changed = true;
    }
    ImGui::SameLine();
    changed |= ImGui::Checkbox(tr(Str::EditExpected), &f.expected);
    field_label(Str::EditDate, label_w);
    ImGui::SetNextItemWidth(150 * c.scale);
    changed |= ImGui::InputTextWithHint("##date", tr(Str::FilterDateHint), &f.date);
  } else {
    field_label(Str::ImportValue, label_w);
    ImGui::SetNextItemWidth(110 * c.scale);
    changed |= ImGui::InputText("##value", &cand.value_text, ImGuiInputTextFlags_CharsScientific);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120 * c.scale);
    const Dimension wanted = f.kind == FactKind::Investment            ? Dimension::Money
                             : cand.fact.dimension == Dimension::Money ? Dimension::MassPerYear
                                                                       : cand.fact.dimension;
    if (ImGui::BeginCombo("##unit", f.unit.c_str())) {
      for (const UnitInfo& u : all_units()) {
        if (u.dimension != wanted) continue;
        const std::string name(u.name);
        if (ImGui::Selectable(name.c_str(), name == f.unit)) {
          f.unit = name;
          changed = true;
        }
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    changed |= ImGui::Checkbox(tr(Str::ImportApproximate), &f.approximate);
    if (f.kind == FactKind::Investment) {
      field_label(Str::ImportScope, label_w);
      ImGui::SetNextItemWidth(150 * c.scale);
      int scope = static_cast<int>(f.scope);
      const auto scopes = investment_scopes();
      if (index_combo("##scope", scope, static_cast<int>(scopes.size()), "?",
                      [&](int k) {
                        return std::string(language == Language::English ? scopes[k].en : scopes[k].zh);
                      }) &&
          scope >= 0) {
        f.scope = scopes[static_cast<std::size_t>(scope)].value;
        changed = true;
      }
    }
  }

  // Where it goes.
  field_label(Str::ImportProject, label_w);
  ImGui::SetNextItemWidth(-1);
  const int projects = static_cast<int>(d.projects.size());
  if (index_combo("##project", t.project, projects, tr(Str::ImportNewProject),
                  [&](int i) { return name_of(d.projects[static_cast<std::size_t>(i)], language); })) {
    t.unit = -1;
    changed = true;
  }
  if (t.project < 0) {
    field_label(Str::ImportNewProjectName, label_w);
    ImGui::SetNextItemWidth(-1);
    changed |= ImGui::InputText("##new-project", &t.new_project_name);
    if (ImGui::IsItemEdited()) c.fonts.request_text(t.new_project_name);
    field_label(Str::EditCompany, label_w);
    ImGui::SetNextItemWidth(-1);
    changed |=
        index_combo("##company", t.company, static_cast<int>(d.companies.size()), tr(Str::EditNone),
                    [&](int i) { return full_name_of(d.companies[static_cast<std::size_t>(i)], language); });
  }
  if (f.kind != FactKind::Investment) {
    field_label(Str::ImportLine, label_w);
    ImGui::SetNextItemWidth(-1);
    const int units =
        t.project >= 0 ? static_cast<int>(d.projects[static_cast<std::size_t>(t.project)].units.size()) : 0;
    const char* none = tr(f.kind == FactKind::Capacity ? Str::ImportNewLine : Str::ImportProjectItself);
    changed |= index_combo("##line", t.unit, units, none, [&](int u) {
      return name_of(d.projects[static_cast<std::size_t>(t.project)].units[static_cast<std::size_t>(u)],
                     language);
    });
    if (f.kind == FactKind::Capacity && t.unit < 0) {
      field_label(Str::EditNewUnitName, label_w);
      ImGui::SetNextItemWidth(200 * c.scale);
      changed |= ImGui::InputText("##new-line", &t.new_unit_name);
      if (ImGui::IsItemEdited()) c.fonts.request_text(t.new_unit_name);
      ImGui::SameLine();
      ImGui::SetNextItemWidth(-1);
      changed |= index_combo("##product", t.product, static_cast<int>(d.products.size()), tr(Str::EditNone),
                             [&](int i) { return product_name(d, i); });
    }
  }
  return changed;
}

// `accept` is set to the card whose Accept was pressed: accepting replaces the dataset `d` the
// following cards draw from, so it happens once all are drawn.
void candidate_card(PanelContext& c, Curation& cur, const Dataset& d, std::size_t i, int& accept) {
  ImportModel& model = cur.import;
  ImportCandidate& cand = model.candidates()[i];
  ImGui::PushID(static_cast<int>(i));
  const bool selected = cur.import_selected == static_cast<int>(i);
  if (selected && cur.import_scroll_to_selected) {
    ImGui::SetScrollHereY(0.1f);
    cur.import_scroll_to_selected = false;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 top = ImGui::GetCursorScreenPos();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::BeginGroup();
  ImGui::Indent(8 * c.scale);

  badge(tr(kind_label(cand.draft.kind)), kind_color(cand.draft.kind));
  ImGui::SameLine();
  text(summary(d, cand));
  if (cand.state != State::Pending) {
    ImGui::SameLine();
    badge(tr(cand.state == State::Accepted ? Str::ImportAccepted : Str::ImportRejected),
          cand.state == State::Accepted ? palette().actual : palette().text_dim);
  }
  text_wrapped_colored(palette().quote, format_quote(cand.draft.quote));

  if (cand.state == State::Pending) {
    if (draft_fields(c, d, cand)) model.changed(i);
    model.check(i, cur.session, c.app.language());
    for (const std::string& e : cand.errors) text_wrapped_colored(palette().error, e);
    ImGui::BeginDisabled(!cand.errors.empty() || !cur.session.editable());
    if (ImGui::Button(tr(Str::ImportAccept))) accept = static_cast<int>(i);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::ImportReject))) model.reject(i);
  } else if (cand.state == State::Rejected) {
    if (ImGui::Button(tr(Str::ImportReopen))) model.reconsider(i);
  }
  ImGui::Unindent(8 * c.scale);
  ImGui::EndGroup();
  // The card's background, drawn under it once its height is known.
  dl->ChannelsSetCurrent(0);
  const ImVec2 bottom = ImGui::GetItemRectMax();
  const float right = top.x + ImGui::GetContentRegionAvail().x;
  const float alpha = cand.state == State::Rejected ? 0.04f : selected ? 0.16f : 0.08f;
  dl->AddRectFilled(ImVec2(top.x, top.y - 3 * c.scale), ImVec2(right, bottom.y + 3 * c.scale),
                    to_u32(with_alpha(kind_color(cand.draft.kind), alpha)), 4 * c.scale);
  dl->AddRectFilled(ImVec2(top.x, top.y - 3 * c.scale), ImVec2(top.x + 3 * c.scale, bottom.y + 3 * c.scale),
                    to_u32(kind_color(cand.draft.kind)));
  dl->ChannelsMerge();
  if (ImGui::IsItemClicked()) {  // the card: show its sentence in the text
    cur.import_selected = static_cast<int>(i);
    cur.import_scroll_text = true;
  }
  ImGui::Dummy(ImVec2(0, 6 * c.scale));
  ImGui::PopID();
}

// The cards, drawing only those in view: a card's height is known once it has been drawn (an
// estimate before), the others are stepped over, so thousands of candidates cost what a screenful does.
// Returns the card whose Accept was pressed (-1 for none), for the caller to accept after drawing.
int candidate_list(PanelContext& c, Curation& cur, const Dataset* data) {
  int accept = -1;
  if (!data) return accept;
  const std::size_t count = cur.import.candidates().size();
  std::vector<float>& heights = cur.import_card_heights;
  heights.resize(count, 0.0f);
  float known = 0, known_count = 0;
  for (std::size_t i = 0; i < count && known_count < 64; ++i)
    if (heights[i] > 0) {
      known += heights[i];
      ++known_count;
    }
  const float estimate = known_count > 0 ? known / known_count : 160 * c.scale;
  const float top = ImGui::GetScrollY() - ImGui::GetWindowHeight();  // a screen of margin each way
  const float bottom = ImGui::GetScrollY() + 2 * ImGui::GetWindowHeight();
  float y = ImGui::GetCursorPosY();
  for (std::size_t i = 0; i < count; ++i) {
    const float h = heights[i] > 0 ? heights[i] : estimate;
    const bool wanted = cur.import_scroll_to_selected && cur.import_selected == static_cast<int>(i);
    if (!wanted && (y + h < top || y > bottom)) {
      y += h;
      continue;
    }
    ImGui::SetCursorPosY(y);
    candidate_card(c, cur, *data, i, accept);
    heights[i] = std::max(1.0f, ImGui::GetCursorPosY() - y);
    y += heights[i];
  }
  ImGui::SetCursorPosY(y);
  ImGui::Dummy(ImVec2(0, 0));
  return accept;
}

// The article with its candidates highlighted.
// [SECTION] The highlighted text

void highlighted_text(PanelContext& c, Curation& cur) {
  ImportModel& model = cur.import;
  Curation::ImportLayout& cache = cur.import_layout;
  ImFont* font = ImGui::GetFont();
  const float font_size = ImGui::GetFontSize();
  const float width = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
  const float line_h = ImGui::GetTextLineHeightWithSpacing() + 2 * c.scale;
  // A traditional-script article is shown converted to simplified (what was read), the original
  // a click away; the highlights are the same spans in either.
  const bool original = !model.converted() || cur.import_show_original;
  const std::string& text = original ? model.text() : model.converted_text();
  const auto& highlights = original ? model.highlights() : model.converted_highlights();
  if (cache.text_generation != model.text_generation() || cache.width != width ||
      cache.font_size != font_size || cache.original != original) {
    cache.text_generation = model.text_generation();
    cache.width = width;
    cache.font_size = font_size;
    cache.original = original;
    // Drawn through the draw list, not the text helpers. Characters new to the font atlas (the
    // converted text's, the first time) have their real widths only after the atlas is rebuilt
    // for the next frame: lay out again then, or the highlights drift off their glyphs.
    if (c.fonts.request_text(text)) cache.text_generation = ~std::uint64_t(0);
    const float to_pixels = font_size / font->FontSize;
    cache.layout = layout_text(text, width, line_h, line_h * 0.5f, [&](char32_t cp) {
      return font->GetCharAdvance(static_cast<ImWchar>(cp <= 0xFFFF ? cp : 0xFFFD)) * to_pixels;
    });
    // Each highlight marks its glyphs (found by binary search: glyphs are in byte order); a later
    // highlight wins where two overlap. Linear in glyphs plus highlighted bytes, so a 1 MB article
    // with tens of thousands of numbers lays out at once.
    const std::vector<LaidGlyph>& glyphs = cache.layout.glyphs;
    cache.glyph_highlight.assign(glyphs.size(), -1);
    for (std::size_t h = 0; h < highlights.size(); ++h) {
      auto g = std::lower_bound(glyphs.begin(), glyphs.end(), highlights[h].start,
                                [](const LaidGlyph& glyph, std::size_t byte) { return glyph.byte < byte; });
      for (; g != glyphs.end() && g->byte < highlights[h].end; ++g)
        cache.glyph_highlight[static_cast<std::size_t>(g - glyphs.begin())] = static_cast<int>(h);
    }
  }
  const TextLayout& layout = cache.layout;
  const auto& candidates = model.candidates();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();

  // Which highlight is under the mouse.
  int hovered = -1;
  if (ImGui::IsWindowHovered()) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const std::size_t byte = layout.byte_at(m.x - origin.x, m.y - origin.y, line_h);
    for (std::size_t h = 0; byte != std::string::npos && h < highlights.size(); ++h)
      if (byte >= highlights[h].start && byte < highlights[h].end) hovered = static_cast<int>(h);
  }
  const int selected_candidate = cur.import_selected;
  if (cur.import_scroll_text) {
    cur.import_scroll_text = false;
    for (std::size_t g = 0; g < layout.glyphs.size(); ++g) {
      const int h = cache.glyph_highlight[g];
      if (h < 0 || highlights[static_cast<std::size_t>(h)].candidate != selected_candidate) continue;
      for (const LaidLine& line : layout.lines)
        if (g >= line.first && g < line.end)
          ImGui::SetScrollY(
              std::max(0.0f, ImGui::GetCursorPosY() + line.y - ImGui::GetWindowHeight() * 0.3f));
      break;
    }
  }
  const float text_y = (line_h - font_size) * 0.5f;
  for (const LaidLine& line : layout.lines) {
    const float y = origin.y + line.y;
    if (y + line_h < clip_min.y || y > clip_max.y) continue;
    // Backgrounds and underlines, one rectangle per run of glyphs in the same highlight.
    for (std::size_t g = line.first; g < line.end;) {
      const int h = cache.glyph_highlight[g];
      std::size_t e = g + 1;
      while (e < line.end && cache.glyph_highlight[e] == h) ++e;
      if (h >= 0) {
        const ImportHighlight& hl = highlights[static_cast<std::size_t>(h)];
        const ImportCandidate& cand = candidates[static_cast<std::size_t>(hl.candidate)];
        const ImVec4 color = kind_color(cand.draft.kind);
        const bool strong = h == hovered || hl.candidate == selected_candidate;
        const float alpha = cand.state == State::Rejected ? 0.10f : strong ? 0.55f : 0.30f;
        const float x0 = origin.x + layout.glyphs[g].x;
        const float x1 = origin.x + layout.glyphs[e - 1].x + layout.glyphs[e - 1].width;
        dl->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + line_h - 1), to_u32(with_alpha(color, alpha)),
                          2 * c.scale);
        if (cand.state == State::Accepted)
          dl->AddRectFilled(ImVec2(x0, y + line_h - 3 * c.scale), ImVec2(x1, y + line_h - 1), to_u32(color));
      }
      g = e;
    }
    draw_laid_line(dl, font, font_size, layout, line, ImVec2(origin.x, y + text_y), text,
                   to_u32(palette().text));
  }
  ImGui::Dummy(ImVec2(std::max(layout.width, 1.0f), std::max(layout.height, 1.0f)));
  cache.origin_x = origin.x;
  cache.origin_y = origin.y;
  cur.import_hovered = hovered;
  if (hovered >= 0) {
    const ImportHighlight& hl = highlights[static_cast<std::size_t>(hovered)];
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ui::text(describe_reading(candidates[static_cast<std::size_t>(hl.candidate)].fact, c.app.language()));
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      cur.import_selected = hl.candidate;
      cur.import_scroll_to_selected = true;
    }
  }
}

}  // namespace

// [SECTION] The window

void draw_curation_windows(PanelContext& c, Curation& cur) {
  if (!cur.import_open) return;
  ImportModel& model = cur.import;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.03f,
                                 viewport->WorkPos.y + viewport->WorkSize.y * 0.03f),
                          ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.94f, viewport->WorkSize.y * 0.92f),
                           ImGuiCond_Appearing);
  const std::string title = std::string(tr(Str::ImportTitle)) + "###import-article";
  if (!ImGui::Begin(title.c_str(), &cur.import_open, ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  const Dataset* data = cur.session.editor() ? &cur.session.editor()->dataset() : nullptr;
  model.sync(cur.session);
  // A new text (opened, pasted, extracted) and the fields that came with it bring their
  // characters to the atlas before they are drawn: the text box shows the article at once, and
  // an InputText's characters reach the glyph set only through here.
  if (ImGui::IsWindowAppearing() || cur.import_glyphs_generation != model.text_generation()) {
    cur.import_glyphs_generation = model.text_generation();
    c.fonts.request_text(model.text());
    for (const std::string* s : {&model.file_path, &model.publisher, &model.title, &model.article_date})
      c.fonts.request_text(*s);
  }
  const float label_w = 70 * c.scale;

  // The file, and the article's publisher, title and date.
  field_label(Str::ImportFile, label_w);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float buttons_w = ImGui::CalcTextSize(tr(Str::ImportOpenFile)).x +
                          (c.files ? ImGui::CalcTextSize(tr(Str::ChooserBrowse)).x + style.ItemSpacing.x +
                                         style.FramePadding.x * 2
                                   : 0) +
                          style.FramePadding.x * 2 + style.ItemSpacing.x;
  ImGui::SetNextItemWidth(-buttons_w);
  const bool enter =
      ImGui::InputText("##import-file", &model.file_path, ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::IsItemEdited()) c.fonts.request_text(model.file_path);
  ImGui::SameLine();
  ImGui::BeginDisabled(model.any_accepted());
  if ((ImGui::Button(tr(Str::ImportOpenFile)) || enter) && !model.file_path.empty())
    model.load_file(c.app.language());
  if (c.files) {
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::ChooserBrowse))) {
      // The chosen article opens at once, as a typed path does with 打开.
      c.files->ask(c, FilePurpose::ImportArticle,
                   model.file_path.empty() ? cur.session.path() : model.file_path, {},
                   [&model, lang = c.app.language()](const std::string& path) {
                     model.file_path = path;
                     model.load_file(lang);
                   });
    }
  }
  ImGui::EndDisabled();

  bool source_edited = false;
  field_label(Str::ImportPublisher, label_w);
  ImGui::BeginDisabled(model.any_accepted());  // the source record exists once a fact cites it
  ImGui::SetNextItemWidth(160 * c.scale);
  source_edited |= ImGui::InputText("##publisher", &model.publisher);
  ImGui::SameLine();
  text_colored(palette().text_dim, tr(Str::ImportArticleTitle));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-300 * c.scale);
  source_edited |= ImGui::InputText("##title", &model.title);
  ImGui::SameLine();
  text_colored(palette().text_dim, tr(Str::ImportArticleDate));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(120 * c.scale);
  const bool date_edited =
      ImGui::InputTextWithHint("##article-date", tr(Str::FilterDateHint), &model.article_date);
  ImGui::EndDisabled();
  if (source_edited || date_edited) {
    c.fonts.request_text(model.publisher);
    c.fonts.request_text(model.title);
    model.refresh_source_fields();
  }
  ImGui::SameLine();
  if (!model.extracted()) {
    ImGui::BeginDisabled(model.text().empty() || !data);
    if (ImGui::Button(tr(Str::ImportExtract)) && data && model.extract(*data, c.app.language()) &&
        !model.candidates().empty()) {
      cur.import_selected = 0;
      cur.import_scroll_text = true;
    }
    ImGui::EndDisabled();
  } else {
    ImGui::BeginDisabled(model.any_accepted());
    if (ImGui::Button(tr(Str::ImportEditText))) model.set_text(model.text());
    ImGui::EndDisabled();
  }
  if (!model.message().empty()) text_wrapped_colored(palette().error, model.message());

  if (model.extracted()) {
    const auto& cands = model.candidates();
    text_colored(palette().text_dim,
                 fill(tr(Str::ImportCandidatesFmt),
                      {std::to_string(cands.size()), std::to_string(model.count(State::Accepted)),
                       std::to_string(model.count(State::Rejected))}) +
                     "  ·  " + fill(tr(Str::ImportSourceIdFmt), {model.source().id, model.source().file}));
    if (!model.has_article_date()) text_wrapped_colored(palette().warning, tr(Str::ImportNeedsDate));
    if (!model.already_source().empty())
      text_wrapped_colored(palette().warning,
                           fill(tr(Str::ImportAlreadySourceFmt), {model.source().id, model.source().title}));
  }
  ImGui::Separator();

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float text_w = model.extracted() ? avail.x * 0.52f : avail.x;
  ImGui::BeginChild("import-text", ImVec2(text_w, 0), true);
  if (!model.extracted()) {
    text_colored(palette().text_dim, tr(Str::ImportPasteHint));
    std::string buffer = model.text();
    if (ImGui::InputTextMultiline("##article-text", &buffer, ImGui::GetContentRegionAvail())) {
      c.fonts.request_text(buffer);
      model.set_text(std::move(buffer));
    }
  } else {
    text_colored(palette().text_dim, tr(Str::ImportHoverHint));
    if (model.converted()) {  // read converted from traditional script: the original a click away
      ImGui::SameLine();
      ImGui::Checkbox(tr(Str::ImportShowOriginal), &cur.import_show_original);
      if (!cur.import_show_original) text_colored(palette().warning, tr(Str::ImportConvertedNote));
    }
    highlighted_text(c, cur);
  }
  ImGui::EndChild();

  if (model.extracted()) {
    ImGui::SameLine();
    ImGui::BeginChild("import-candidates", ImVec2(0, 0), true);
    if (model.candidates().empty()) text_colored(palette().text_dim, tr(Str::ImportNoCandidates));
    const int accept = candidate_list(c, cur, data);
    ImGui::EndChild();
    if (accept >= 0) model.accept(static_cast<std::size_t>(accept), cur.session, c.app.language());
  }
  ImGui::End();
}

}  // namespace indtrack::ui
