// The detail panel: draws AppState::detail() — facts, lines, milestones, investments, conflicts
// side by side, and every source with its verbatim quotes.
#include <algorithm>
#include <string>

#include "app_model/curation.h"
#include "app_model/format.h"
#include "app_model/notice.h"
#include "ui/curation/curation_views.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"
#include "ui/panels.h"

namespace indtrack::ui {

namespace {

std::string source_marker(int number) { return number > 0 ? "[" + std::to_string(number) + "]" : ""; }

void basis_badge(Basis basis) {
  if (basis == Basis::Stated) return;
  ImGui::SameLine();
  badge(label(basis, frame_language()),
        basis == Basis::Conflicting ? palette().conflicting : palette().inferred);
}

// What a citation opens: the article of a numbered source at a quote.
struct Citations {
  AppState& app;
  const DetailModel& detail;
  void open(int number, const std::string& quote) const {
    if (number < 1 || number > static_cast<int>(detail.sources.size())) return;
    app.open_article(detail.sources[static_cast<std::size_t>(number - 1)].source_index, quote);
  }
};

// The quote (verbatim, marked with its source number) and the curator's note, under a fact.
// A click on it opens the article at the quote.
void evidence_lines(const Citations& cite, const EvidenceRef& e) {
  if (!e.quote.empty()) {
    // No space after the marker: ImGui wraps at spaces, and a space here would push a long
    // Chinese quote (which has none) to the next line, leaving "[1]" alone.
    std::string line = source_marker(e.source_number);
    line += format_quote(e.quote);
    text_wrapped_colored(palette().quote, line);
    if (e.source_number > 0 && link_clicked(tr(Str::CiteOpenTip))) cite.open(e.source_number, e.quote);
  }
  if (!e.note.empty())
    text_wrapped_colored(palette().text_dim, std::string(tr(Str::NoteLabel)) + ": " + e.note);
}

void fact_rows(const Citations& cite, const std::vector<DetailFact>& facts, const char* table_id,
               float label_width) {
  if (facts.empty()) return;
  if (!ImGui::BeginTable(table_id, 2, ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, label_width);
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
  for (const DetailFact& f : facts) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text_colored(palette().text_dim, f.label);
    ImGui::TableNextColumn();
    text_wrapped(f.value.empty() ? "—" : f.value);
    basis_badge(f.evidence.basis);
    evidence_lines(cite, f.evidence);
  }
  ImGui::EndTable();
}

void milestone_table(const Citations& cite, const std::vector<DetailMilestone>& milestones,
                     const char* table_id, float scale) {
  if (milestones.empty()) return;
  // Beside two fixed columns a quote needs room to read; on a narrow panel each milestone's date
  // goes on its line and the quote under it at the panel's whole width.
  const float quote_min = ImGui::GetFontSize() * 12;
  if (ImGui::GetContentRegionAvail().x < (92 + 116) * scale + quote_min) {
    for (const DetailMilestone& m : milestones) {
      text(m.kind);
      ImGui::SameLine();
      const ImVec4& colour = m.expected ? palette().expected : palette().actual;
      text_colored(colour, m.date + " " + tr(m.expected ? Str::MilestoneExpected : Str::MilestoneActual));
      if (!m.reported.empty()) text_colored(palette().text_dim, fill(tr(Str::ReportedFmt), {m.reported}));
      basis_badge(m.evidence.basis);
      evidence_lines(cite, m.evidence);
      ImGui::Spacing();
    }
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX;
  if (!ImGui::BeginTable(table_id, 3, flags)) return;
  ImGui::TableSetupColumn(tr(Str::DetailMilestones), ImGuiTableColumnFlags_WidthFixed, 92 * scale);
  ImGui::TableSetupColumn("date", ImGuiTableColumnFlags_WidthFixed, 116 * scale);
  ImGui::TableSetupColumn(tr(Str::QuoteLabel), ImGuiTableColumnFlags_WidthStretch);
  for (const DetailMilestone& m : milestones) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text(m.kind);
    ImGui::TableNextColumn();
    text_colored(m.expected ? palette().expected : palette().actual, m.date);
    text_colored(m.expected ? palette().expected : palette().actual,
                 tr(m.expected ? Str::MilestoneExpected : Str::MilestoneActual));
    ImGui::TableNextColumn();
    if (!m.reported.empty()) text_colored(palette().text_dim, fill(tr(Str::ReportedFmt), {m.reported}));
    if (!m.scope.empty()) text_colored(palette().text_dim, m.scope);
    basis_badge(m.evidence.basis);
    evidence_lines(cite, m.evidence);
  }
  ImGui::EndTable();
}

void status_reports(const Citations& cite, const std::vector<DetailStatusReport>& reports) {
  for (const DetailStatusReport& r : reports) {
    // A report says what state the line was in by its date, not when it got there.
    std::string line = r.status;
    if (!r.as_of.empty()) line += " · " + fill(tr(Str::ByFmt), {r.as_of});
    if (!r.scope.empty()) line += " · " + r.scope;
    text(line);
    basis_badge(r.evidence.basis);
    evidence_lines(cite, r.evidence);
  }
}

// Statements that disagree, one column each.
void conflict_table(const Citations& cite, const DetailConflict& conflict, int index) {
  text_colored(palette().conflicting, conflict.topic);
  const int columns = static_cast<int>(std::min<std::size_t>(conflict.statements.size(), 4));
  ImGui::PushID(index);
  // Side by side only while each statement's quote keeps 12 em; on a narrow panel they follow one
  // another at the panel's whole width, so a quote never shrinks to a column of single characters.
  if (columns > 0 &&
      ImGui::GetContentRegionAvail().x / static_cast<float>(columns) < ImGui::GetFontSize() * 12) {
    for (const DetailFact& f : conflict.statements) {
      ImGui::Separator();
      text(f.value);
      basis_badge(f.evidence.basis);
      evidence_lines(cite, f.evidence);
    }
    ImGui::Separator();
    ImGui::PopID();
    return;
  }
  const ImGuiTableFlags flags =
      ImGuiTableFlags_BordersInner | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchSame;
  if (columns > 0 && ImGui::BeginTable("conflict", columns, flags)) {
    for (std::size_t i = 0; i < conflict.statements.size(); ++i) {
      const DetailFact& f = conflict.statements[i];
      ImGui::TableNextColumn();
      text(f.value);
      basis_badge(f.evidence.basis);
      evidence_lines(cite, f.evidence);
    }
    ImGui::EndTable();
  }
  ImGui::PopID();
}

void source_list(const Citations& cite, const std::vector<DetailSource>& sources) {
  for (const DetailSource& s : sources) {
    ImGui::PushID(s.number);
    const std::string first_quote = s.quotes.empty() ? std::string() : s.quotes.front();
    text_colored(palette().accent, source_marker(s.number));
    if (link_clicked(tr(Str::CiteOpenTip))) cite.open(s.number, first_quote);
    ImGui::SameLine();
    text_wrapped(s.publisher + " · " + s.date + " · " + s.title);
    ImGui::Indent();
    badge(tr(s.is_article ? Str::SourceArticle : Str::SourceReference),
          s.is_article ? palette().actual : palette().warning);
    if (link_clicked(tr(Str::CiteOpenTip))) cite.open(s.number, first_quote);
    if (!s.is_article) {
      ImGui::SameLine();
      badge(tr(Str::SourceNotVerifiable), palette().warning);
    }
    if (!s.date_basis.empty())
      text_wrapped_colored(palette().text_dim, std::string(tr(Str::DateBasisLabel)) + ": " + s.date_basis);
    if (!s.notes.empty()) text_wrapped_colored(palette().text_dim, s.notes);
    if (!s.url.empty()) {
      // The address, copyable: a reference can only be checked there.
      if (ImGui::SmallButton(tr(Str::CopyAddress))) ImGui::SetClipboardText(s.url.c_str());
      ImGui::SameLine();
      text_wrapped_colored(palette().text_dim, s.url);
    }
    for (const std::string& q : s.quotes) {
      text_wrapped_colored(palette().quote, format_quote(q));
      if (link_clicked(tr(Str::CiteOpenTip))) cite.open(s.number, q);
    }
    ImGui::Unindent();
    ImGui::Spacing();
    ImGui::PopID();
  }
}

// Plan versus actual: each milestone's verdict, then its statements in report order.
void slip_history(const Citations& cite, const std::vector<DetailSlip>& slips) {
  if (slips.empty()) return;
  section_heading(tr(Str::DetailSlipHistory), static_cast<int>(slips.size()));
  for (const DetailSlip& s : slips) {
    text_wrapped(s.subject);
    const bool late = s.state == SlipState::Late || s.state == SlipState::PastDue;
    text_wrapped_colored(late                           ? palette().warning
                         : s.state == SlipState::OnTime ? palette().actual
                                                        : palette().text_dim,
                         s.verdict);
    ImGui::Indent();
    for (const DetailSlipStep& step : s.steps) {
      text_wrapped_colored(palette().text_dim, "→ " + step.text);
      evidence_lines(cite, step.evidence);
    }
    ImGui::Unindent();
    ImGui::Spacing();
  }
}

// A team's database keeps each project's changes: who, when, what, from which sources; a
// curator may revert one (as a new change). A file keeps no history: nothing is drawn.
void change_history(PanelContext& c, const std::string& project_id) {
  if (!c.curation || !c.curation->session.keeps_history()) return;
  EditSession& s = c.curation->session;
  const std::vector<StoreChange>* changes = s.project_history(project_id);
  section_heading(tr(Str::DetailHistory), changes ? static_cast<int>(changes->size()) : 0);
  if (!changes) {
    text_wrapped_colored(palette().error, fill(tr(Str::HistoryUnreadableFmt), {s.history_error()}));
    return;
  }
  if (changes->empty()) text_colored(palette().text_dim, tr(Str::HistoryNone));
  std::int64_t revert = 0;
  for (const StoreChange& change : *changes) {
    ImGui::PushID(static_cast<int>(change.id));
    text_wrapped("#" + std::to_string(change.id) + "  " + change.label);
    std::string who = change.author + " · " + change.at;
    if (change.reverts > 0) who += " · " + fill(tr(Str::HistoryRevertsFmt), {std::to_string(change.reverts)});
    text_wrapped_colored(palette().text_dim, who);
    ImGui::Indent();
    if (change.whole_dataset) text_wrapped_colored(palette().text_dim, tr(Str::HistoryImport));
    for (const std::string& line : change.what) text_wrapped(line);
    if (!change.sources.empty()) {
      std::string ids;
      for (const std::string& id : change.sources) ids += (ids.empty() ? "" : ", ") + id;
      text_wrapped_colored(palette().text_dim, fill(tr(Str::HistorySourcesFmt), {ids}));
    }
    if (!change.whole_dataset && s.editable() && ImGui::SmallButton(tr(Str::HistoryRevert)))
      revert = change.id;
    ImGui::Unindent();
    ImGui::PopID();
    ImGui::Spacing();
  }
  if (revert > 0) s.revert_change(revert);  // after the loop: it reloads what the loop reads
}

}  // namespace

void draw_detail_panel(PanelContext& c, const DetailKeys& keys) {
  c.app.refresh();
  const DetailModel& d = c.app.detail();
  if (keys.focused) {  // the arrow keys scroll this panel (Enter): say so, and how to leave
    const ImVec2 lo = ImGui::GetWindowPos();
    const ImVec2 hi(lo.x + ImGui::GetWindowWidth(), lo.y + ImGui::GetWindowHeight());
    ImGui::GetWindowDrawList()->AddRect(lo, hi, to_u32(palette().accent), 0, 0, 2 * c.scale);
    panel_title(tr(Str::DetailTitle), tr(Str::DetailKeysHint));
  } else {
    panel_title(tr(Str::DetailTitle));
  }
  if (draw_project_editor(c)) return;  // edit mode
  ImGui::Separator();
  if (d.project < 0) {
    text_colored(palette().text_dim, tr(Str::DetailNone));
    return;
  }
  ImGui::BeginChild("detail-scroll", ImVec2(0, 0), false);
  // Another project starts at its top, not at the previous one's scroll position.
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID shown_key = ImGui::GetID("##shown-project");
  if (storage->GetInt(shown_key, -1) != d.project) {
    storage->SetInt(shown_key, d.project);
    ImGui::SetScrollY(0);
  }
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float page = std::max(ImGui::GetWindowHeight() - line * 2, line);
  if (keys.top) ImGui::SetScrollY(0);
  if (keys.bottom) ImGui::SetScrollY(ImGui::GetScrollMaxY());
  if (keys.lines != 0 || keys.pages != 0)
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + static_cast<float>(keys.lines) * line * 3 +
                                     static_cast<float>(keys.pages) * page,
                                 0.0f, ImGui::GetScrollMaxY()));
  const Citations cite{c.app, d};
  const float label_width = 84 * c.scale;

  c.fonts.request_heading_text(d.title);
  if (c.font.heading) ImGui::PushFont(c.font.heading);
  text_wrapped_colored(palette().text, d.title);
  if (c.font.heading) ImGui::PopFont();
  if (!d.subtitle.empty()) text_wrapped_colored(palette().text_dim, d.subtitle);
  if (!d.aliases.empty()) {
    std::string aliases = std::string(tr(Str::DetailAliases)) + ": ";
    for (std::size_t i = 0; i < d.aliases.size(); ++i) aliases += (i ? "、" : "") + d.aliases[i];
    text_wrapped_colored(palette().text_dim, aliases);
  }
  if (!d.latest_report.empty())
    text_colored(palette().text_dim, std::string(tr(Str::DetailLatestReport)) + ": " + d.latest_report);
  ImGui::Spacing();
  fact_rows(cite, d.facts, "facts", label_width);
  if (!d.district_basis.empty())
    text_wrapped_colored(palette().inferred, std::string(tr(Str::DetailDistrict)) + ": " + d.district_basis);

  if (!d.investments.empty()) {
    section_heading(tr(Str::DetailInvestments), static_cast<int>(d.investments.size()));
    fact_rows(cite, d.investments, "investments", label_width);
  }

  if (!d.totals.empty()) {
    section_heading(tr(Str::DetailTotals), static_cast<int>(d.totals.size()));
    fact_rows(cite, d.totals, "totals", label_width);
  }

  section_heading(tr(Str::DetailUnits), static_cast<int>(d.units.size()));
  if (d.units.empty()) text_colored(palette().text_dim, tr(Str::DetailNoUnits));
  for (std::size_t i = 0; i < d.units.size(); ++i) {
    const DetailUnit& u = d.units[i];
    ImGui::PushID(static_cast<int>(i));
    std::string heading = u.name;
    if (!u.product.empty() && u.product != u.name) heading += " · " + u.product;
    if (!u.phase.empty()) heading += " · " + u.phase;
    const ImGuiTreeNodeFlags open = ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth;
    if (ImGui::TreeNodeEx("unit", open, "%s", heading.c_str())) {
      if (!u.capacity.empty()) {
        std::vector<DetailFact> primary(u.capacity.begin(), u.capacity.begin() + 1);
        fact_rows(cite, primary, "capacity", label_width);
        if (u.capacity.size() > 1) text_colored(palette().conflicting, tr(Str::DetailCapacityConflict));
      }
      milestone_table(cite, u.milestones, "milestones", c.scale);
      status_reports(cite, u.status_reports);
      if (!u.notes.empty()) text_wrapped_colored(palette().text_dim, u.notes);
      ImGui::TreePop();
    }
    ImGui::PopID();
  }

  if (!d.milestones.empty()) {
    section_heading(tr(Str::DetailProjectMilestones), static_cast<int>(d.milestones.size()));
    milestone_table(cite, d.milestones, "project-milestones", c.scale);
  }
  if (!d.status_reports.empty()) {
    section_heading(tr(Str::DetailStatusReports), static_cast<int>(d.status_reports.size()));
    status_reports(cite, d.status_reports);
  }
  if (!d.conflicts.empty()) {
    section_heading(tr(Str::DetailConflicts), static_cast<int>(d.conflicts.size()));
    for (std::size_t i = 0; i < d.conflicts.size(); ++i)
      conflict_table(cite, d.conflicts[i], static_cast<int>(i));
  }
  if (!d.statements.empty()) {
    section_heading(tr(Str::DetailEvidence), static_cast<int>(d.statements.size()));
    for (const DetailFact& f : d.statements) {
      if (!f.label.empty()) text_colored(palette().text_dim, f.label);
      evidence_lines(cite, f.evidence);
    }
  }
  if (!d.notes.empty()) {
    section_heading(tr(Str::DetailNotes));
    text_wrapped(d.notes);
  }
  slip_history(cite, d.slips);
  section_heading(tr(Str::DetailSources), static_cast<int>(d.sources.size()));
  source_list(cite, d.sources);
  change_history(c, c.app.dataset->projects[static_cast<std::size_t>(d.project)].id);
  ImGui::EndChild();
}

}  // namespace indtrack::ui
