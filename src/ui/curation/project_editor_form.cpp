// The project editor's fields, lines, milestones and forms (project_editor_form.h).
#include "ui/curation/project_editor_form.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdlib>

#include "core/text.h"

#include "app_model/format.h"
#include "app_model/notice.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"

namespace indtrack::ui {

void ProjectEditorForm::label(Str s) {
  ImGui::AlignTextToFramePadding();
  text_colored(palette().text_dim, tr(s));
  ImGui::SameLine(label_w);
}

void ProjectEditorForm::errors(const std::vector<std::string>& lines) {
  for (const std::string& e : lines) text_wrapped_colored(palette().error, e);
}

void ProjectEditorForm::apply_now(EditTransaction tx) {
  later([this, tx = std::move(tx)]() mutable {
    const EditOutcome out = session().apply(std::move(tx));
    if (!out.ok) {
      const auto lines = error_lines(out);
      c.app.add_notice(
          {Notice::Level::Error, Str::NoticeEditRefusedFmt, {lines.empty() ? "?" : lines.front()}});
    }
  });
}

void ProjectEditorForm::apply_deferred() {
  // Each action may replace the dataset; the next one was built on the dataset drawn, and its
  // ops name the records they address (EditOp::ids), so it is refused rather than misapplied
  // when the first one moved them.
  std::vector<std::function<void()>> actions = std::move(deferred);
  deferred.clear();
  for (auto& action : actions) action();
}

void ProjectEditorForm::text_field(Str name, const std::string& record, const char* field,
                                   const std::string& current, bool multiline, bool as_number) {
  const std::string key = record + "/" + field;
  const FieldDrafts::Draft* draft = cur.drafts.find(key);
  std::string value = draft ? draft->text : current;
  label(name);
  ImGui::PushID(key.c_str());
  ImGui::SetNextItemWidth(-1);
  const bool edited =
      multiline ? ImGui::InputTextMultiline("##f", &value, ImVec2(-1, ImGui::GetTextLineHeight() * 3.5f))
                : ImGui::InputText("##f", &value);
  const bool left = ImGui::IsItemDeactivated();
  ImGui::PopID();
  auto make = [&](const std::string& text) {
    OrderedJson json = text;
    if (as_number) {
      char* end = nullptr;
      const std::string trimmed(trim(text));
      const double number = std::strtod(trimmed.c_str(), &end);
      if (!trimmed.empty() && end && *end == '\0') json = number;
    }
    return set_field(fill(tr(Str::EditLabelFieldFmt), {tr(name)}), record, field, json);
  };
  if (edited) {
    c.fonts.request_text(value);
    if (value == current)
      cur.drafts.discard(key);
    else
      cur.drafts.update(key, value, session(), make(value));
  }
  if (left && cur.drafts.find(key))
    later([this, key, tx = make(cur.drafts.find(key)->text)]() mutable {
      if (cur.drafts.find(key)) cur.drafts.commit(key, session(), std::move(tx));
    });
  if (const FieldDrafts::Draft* now = cur.drafts.find(key)) errors(now->errors);
}

template <class Names>
void ProjectEditorForm::index_field(Str name, const std::string& record, const char* field, int current,
                                    int count, const std::vector<std::string>& ids, Names&& name_at,
                                    bool allow_none) {
  label(name);
  ImGui::PushID((record + "/" + field).c_str());
  ImGui::SetNextItemWidth(-1);
  const std::string preview =
      current >= 0 && current < count ? name_at(current) : std::string(tr(Str::EditNone));
  if (ImGui::BeginCombo("##c", preview.c_str())) {
    if (allow_none && ImGui::Selectable(tr(Str::EditNone), current < 0) && current >= 0)
      apply_now(set_field(fill(tr(Str::EditLabelFieldFmt), {tr(name)}), record, field, nullptr));
    for (int i = 0; i < count; ++i) {
      ImGui::PushID(i);
      if (ImGui::Selectable(name_at(i).c_str(), i == current) && i != current)
        apply_now(set_field(fill(tr(Str::EditLabelFieldFmt), {tr(name)}), record, field,
                            ids[static_cast<std::size_t>(i)]));
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  ImGui::PopID();
}

std::vector<std::string> ProjectEditorForm::product_ids() const {
  std::vector<std::string> ids;
  for (const Product& p : d.products) ids.push_back(p.id);
  return ids;
}

void ProjectEditorForm::milestone_rows(const std::vector<Milestone>& ms, int unit) {
  const Language language = frame_language();
  const auto kinds = milestone_kinds();
  for (std::size_t m = 0; m < ms.size(); ++m) {
    const std::string record = milestone_pointer(project, unit, static_cast<int>(m));
    ImGui::PushID(record.c_str());
    const Milestone& ms_m = ms[m];
    label(Str::EditKind);
    ImGui::SetNextItemWidth(140 * c.scale);
    if (ImGui::BeginCombo("##kind", std::string(label_of(ms_m.kind, language)).c_str())) {
      for (const auto& k : kinds) {
        const std::string name(language == Language::English ? k.en : k.zh);
        if (ImGui::Selectable(name.c_str(), k.value == ms_m.kind) && k.value != ms_m.kind)
          apply_now(set_field(fill(tr(Str::EditLabelFieldFmt), {tr(Str::EditKind)}), record, "kind",
                              std::string(k.id)));
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    bool expected = ms_m.expected;
    if (ImGui::Checkbox(tr(Str::EditExpected), &expected))
      apply_now(set_field(fill(tr(Str::EditLabelFieldFmt), {tr(Str::EditExpected)}), record, "expected",
                          expected ? OrderedJson(true) : OrderedJson(nullptr)));
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(Str::EditRemove)))
      apply_now(remove_milestone(d, project, unit, static_cast<int>(m)));
    text_field(Str::EditDate, record, "date", ms_m.date.to_string());
    if (ms_m.evidence.source >= 0 && ms_m.evidence.source < static_cast<int>(d.sources.size())) {
      const Source& src = d.sources[static_cast<std::size_t>(ms_m.evidence.source)];
      label(Str::EditSource);
      text_wrapped_colored(palette().text_dim, format_source_line(src));
    }
    text_field(Str::EditQuote, record, "quote", ms_m.evidence.quote, true);
    ImGui::Separator();
    ImGui::PopID();
  }
}

void ProjectEditorForm::unit_section(const Unit& u, int index) {
  const Language language = frame_language();
  const std::string record = unit_pointer(project, index);
  ImGui::PushID(record.c_str());
  const std::string heading = name_of(u, language) + "###unit";
  if (ImGui::TreeNodeEx(heading.c_str(),
                        ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth)) {
    text_field(Str::EditName, record, "name", u.name);
    text_field(Str::EditNameEn, record, "name_en", u.name_en);
    index_field(
        Str::EditProduct, record, "product", u.product, static_cast<int>(d.products.size()), product_ids(),
        [&](int i) { return name_of(d.products[static_cast<std::size_t>(i)], language); }, false);
    text_field(Str::EditPhase, record, "phase", u.phase);
    if (!u.capacity.empty()) {
      const std::string capacity =
          record + (u.capacity.size() == 1 && !u.capacity_written_as_list ? "/capacity" : "/capacity/0");
      text_field(Str::EditCapacity, capacity, "value", format_number(u.capacity[0].amount.value, 6), false,
                 true);
      text_field(Str::EditUnit, capacity, "unit", u.capacity[0].amount.unit);
    }
    milestone_rows(u.milestones, index);
    text_field(Str::EditNotes, record, "notes", u.notes, true);
    if (ImGui::Button(tr(Str::EditRemoveUnit))) apply_now(remove_unit(d, project, index));
    ImGui::TreePop();
  }
  ImGui::PopID();
}

void ProjectEditorForm::add_unit_form() {
  UnitForm& f = cur.new_unit;
  const Language language = frame_language();
  label(Str::EditNewUnitName);
  ImGui::SetNextItemWidth(160 * c.scale);
  if (ImGui::InputText("##new-unit-name", &f.name)) {
    f.changed = true;
    c.fonts.request_text(f.name);
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110 * c.scale);
  const std::string preview = f.product >= 0
                                  ? name_of(d.products[static_cast<std::size_t>(f.product)], language)
                                  : std::string(tr(Str::EditProduct));
  if (ImGui::BeginCombo("##new-unit-product", preview.c_str())) {
    for (int i = 0; i < static_cast<int>(d.products.size()); ++i) {
      ImGui::PushID(i);
      if (ImGui::Selectable(name_of(d.products[static_cast<std::size_t>(i)], language).c_str(),
                            i == f.product)) {
        f.product = i;
        f.changed = true;
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  if (f.changed || f.checked_generation != session().generation()) {
    f.changed = false;
    f.checked_generation = session().generation();
    f.errors = f.name.empty() ? std::vector<std::string>{}
                              : error_lines(session().check(add_unit(d, project, f.name, f.product)));
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(f.name.empty() || !f.errors.empty());
  if (ImGui::Button(tr(Str::EditAddUnit)))
    later([this, tx = add_unit(d, project, f.name, f.product)]() mutable {
      const EditOutcome out = session().apply(std::move(tx));
      if (out.ok)
        cur.new_unit = UnitForm{};
      else
        cur.new_unit.errors = error_lines(out);
    });
  ImGui::EndDisabled();
  errors(f.errors);
}

void ProjectEditorForm::add_milestone_form() {
  MilestoneForm& f = cur.new_milestone;
  const Language language = frame_language();
  const Project& p = d.projects[static_cast<std::size_t>(project)];
  label(Str::ImportLine);
  ImGui::SetNextItemWidth(-1);
  const std::string target = f.unit >= 0 && f.unit < static_cast<int>(p.units.size())
                                 ? name_of(p.units[static_cast<std::size_t>(f.unit)], language)
                                 : std::string(tr(Str::ImportProjectItself));
  if (ImGui::BeginCombo("##ms-target", target.c_str())) {
    if (ImGui::Selectable(tr(Str::ImportProjectItself), f.unit < 0)) f.unit = -1, f.changed = true;
    for (int u = 0; u < static_cast<int>(p.units.size()); ++u) {
      ImGui::PushID(u);
      if (ImGui::Selectable(name_of(p.units[static_cast<std::size_t>(u)], language).c_str(), u == f.unit))
        f.unit = u, f.changed = true;
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  label(Str::EditKind);
  ImGui::SetNextItemWidth(140 * c.scale);
  if (ImGui::BeginCombo("##ms-kind", std::string(label_of(f.fields.kind, language)).c_str())) {
    for (const auto& k : milestone_kinds()) {
      const std::string name(language == Language::English ? k.en : k.zh);
      if (ImGui::Selectable(name.c_str(), k.value == f.fields.kind))
        f.fields.kind = k.value, f.changed = true;
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  f.changed |= ImGui::Checkbox(tr(Str::EditExpected), &f.fields.expected);
  label(Str::EditDate);
  ImGui::SetNextItemWidth(140 * c.scale);
  f.changed |= ImGui::InputTextWithHint("##ms-date", tr(Str::FilterDateHint), &f.fields.date);
  label(Str::EditSource);
  ImGui::SetNextItemWidth(-1);
  const std::string source = f.fields.source >= 0 && f.fields.source < static_cast<int>(d.sources.size())
                                 ? d.sources[static_cast<std::size_t>(f.fields.source)].date.to_string() +
                                       " " + d.sources[static_cast<std::size_t>(f.fields.source)].title
                                 : std::string(tr(Str::EditNone));
  if (ImGui::BeginCombo("##ms-source", source.c_str())) {
    for (int s = 0; s < static_cast<int>(d.sources.size()); ++s) {
      ImGui::PushID(s);
      const Source& src = d.sources[static_cast<std::size_t>(s)];
      const std::string name = src.date.to_string() + " " + src.publisher + " · " + src.title;
      if (ImGui::Selectable(name.c_str(), s == f.fields.source)) f.fields.source = s, f.changed = true;
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  label(Str::EditQuote);
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputTextMultiline("##ms-quote", &f.fields.quote,
                                ImVec2(-1, ImGui::GetTextLineHeight() * 3.5f))) {
    f.changed = true;
    c.fonts.request_text(f.fields.quote);
  }
  const bool filled = !f.fields.date.empty() && !f.fields.quote.empty() && f.fields.source >= 0;
  if (f.changed || f.checked_generation != session().generation()) {
    f.changed = false;
    f.checked_generation = session().generation();
    f.errors = filled ? error_lines(session().check(add_milestone(d, project, f.unit, f.fields)))
                      : std::vector<std::string>{};
  }
  ImGui::BeginDisabled(!filled || !f.errors.empty());
  if (ImGui::Button(tr(Str::EditAddMilestone)))
    later([this, tx = add_milestone(d, project, f.unit, f.fields)]() mutable {
      const EditOutcome out = session().apply(std::move(tx));
      if (out.ok)
        cur.new_milestone = MilestoneForm{};
      else
        cur.new_milestone.errors = error_lines(out);
    });
  ImGui::EndDisabled();
  errors(f.errors);
}

void ProjectEditorForm::draw() {
  const Language language = frame_language();
  const Project& p = d.projects[static_cast<std::size_t>(project)];
  const std::string record = project_pointer(project);
  text_wrapped_colored(palette().text_dim, tr(Str::EditFieldHint));
  ImGui::Spacing();
  text_field(Str::EditName, record, "name", p.name);
  text_field(Str::EditNameEn, record, "name_en", p.name_en);
  std::vector<std::string> company_ids;
  for (const Company& co : d.companies) company_ids.push_back(co.id);
  index_field(
      Str::EditCompany, record, "company", p.company, static_cast<int>(d.companies.size()), company_ids,
      [&](int i) { return full_name_of(d.companies[static_cast<std::size_t>(i)], language); }, true);
  text_field(Str::EditNotes, record, "notes", p.notes, true);

  section_heading(tr(Str::DetailUnits), static_cast<int>(p.units.size()));
  for (std::size_t u = 0; u < p.units.size(); ++u) unit_section(p.units[u], static_cast<int>(u));
  add_unit_form();

  section_heading(tr(Str::DetailProjectMilestones), static_cast<int>(p.milestones.size()));
  milestone_rows(p.milestones, -1);
  section_heading(tr(Str::EditAddMilestone));
  add_milestone_form();

  ImGui::Spacing();
  ImGui::Separator();
  ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
  if (ImGui::Button(tr(Str::EditRemoveProject))) {
    apply_now(remove_project(d, project));
    later([this] { cur.project_edit_mode = false; });
  }
  ImGui::PopStyleColor();
}

}  // namespace indtrack::ui
