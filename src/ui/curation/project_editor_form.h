// The detail panel's project editor, one frame of it: the selected project's fields, its
// production lines (name, product, phase, primary capacity, milestones) and its own milestones,
// each field validated as it is typed (FieldDrafts) and applied when left; forms to add a line or
// a milestone; buttons to remove them. Every change is one undoable edit through EditSession.
// draw_project_editor (project_editor.cpp) makes one per frame, calls draw(), then
// apply_deferred().
//
// Edits are values, built while drawing and applied after: an applied edit replaces the dataset
// `d` (and every name, line and milestone the form is drawing from), so applying one in the
// middle of the form left the fields after it reading freed memory (issue 15).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app_model/curation.h"
#include "app_model/strings.h"
#include "ui/host/panel_context.h"

namespace indtrack::ui {

struct ProjectEditorForm {
  PanelContext& c;
  Curation& cur;
  const Dataset& d;
  int project;
  float label_w;

  // Edits and their follow-ups, applied in order once the form is drawn.
  std::vector<std::function<void()>> deferred;

  EditSession& session() { return cur.session; }

  // Runs `action` (which may change the dataset) once the whole form is drawn.
  void later(std::function<void()> action) { deferred.push_back(std::move(action)); }
  // Applies what the frame's input asked for; `d` must not be read after this.
  void apply_deferred();

  void label(Str s);

  void errors(const std::vector<std::string>& lines);

  // Applies (after drawing) an edit made by a control that changes at once (combo, checkbox,
  // remove button); a refusal is a notice.
  void apply_now(EditTransaction tx);

  // A text field bound to `record`/`field`. `as_number`: the typed text is written as a number
  // when it reads as one (else as text, and the loader says what it expected).
  void text_field(Str name, const std::string& record, const char* field, const std::string& current,
                  bool multiline = false, bool as_number = false);

  template <class Names>
  void index_field(Str name, const std::string& record, const char* field, int current, int count,
                   const std::vector<std::string>& ids, Names&& name_at, bool allow_none);

  std::vector<std::string> product_ids() const;

  void milestone_rows(const std::vector<Milestone>& ms, int unit);

  static std::string_view label_of(MilestoneKind k, Language language) { return ui::label(k, language); }

  void unit_section(const Unit& u, int index);

  void add_unit_form();

  void add_milestone_form();

  void draw();
};

}  // namespace indtrack::ui
