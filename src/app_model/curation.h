// What the curation UI keeps between frames, owned by the Session next to AppState: the
// EditSession (the dataset under edit, save, journal, lock), the project editor's drafts and
// "add" forms, the import view's model, and which curation windows are open. No ImGui here.
#pragma once

#include <string>
#include <vector>

#include "app_model/edit_session.h"
#include "app_model/field_drafts.h"
#include "app_model/import_model.h"
#include "app_model/wrapped_text.h"
#include "edit/dataset_edits.h"

namespace indtrack::ui {

// A form that adds a record, validated as it is filled in.
struct MilestoneForm {
  MilestoneFields fields;
  int unit = -1;  // -1: a milestone of the project itself
  std::vector<std::string> errors;
  std::uint64_t checked_generation = ~std::uint64_t(0);  // re-checked when the dataset changes
  bool changed = true;
};

struct UnitForm {
  std::string name;
  int product = -1;
  std::vector<std::string> errors;
  std::uint64_t checked_generation = ~std::uint64_t(0);
  bool changed = true;
};

struct Curation {
  explicit Curation(AppState& app) : session(app) {}

  EditSession session;
  FieldDrafts drafts;
  ImportModel import;
  bool import_open = false;
  int import_selected = -1;                // the candidate picked in the text (its card is scrolled to)
  bool import_scroll_to_selected = false;  // the list scrolls to its card
  bool import_scroll_text = false;         // the text scrolls to its highlight
  bool import_show_original = false;       // a converted (traditional-script) article: show the original
  std::vector<float>
      import_card_heights;  // per candidate card, as last drawn (0: not yet): only visible cards are drawn
  // The import text's layout, rebuilt when the text, the highlights, the width or the font change.
  struct ImportLayout {
    TextLayout layout;
    std::vector<int> glyph_highlight;  // per glyph: index into ImportModel::highlights(), or -1
    std::uint64_t text_generation = ~std::uint64_t(0);
    bool original = false;  // laid out from the original text rather than its converted form
    std::size_t highlights = 0;
    float width = 0, font_size = 0;
    float origin_x = 0, origin_y = 0;  // where the text was last drawn (screen pixels)
  } import_layout;
  // The import model's text_generation() whose text and fields were last added to the glyphs.
  std::uint64_t import_glyphs_generation = ~std::uint64_t(0);
  int import_hovered = -1;         // the highlight under the mouse in the last frame (its tooltip shows)
  bool project_edit_mode = false;  // the detail panel shows the project editor
  int form_project = -1;           // the project the forms below were filled in for
  MilestoneForm new_milestone;
  UnitForm new_unit;
  bool save_as_requested = false;
  std::string save_as_path;
  bool disk_review = false;  // the changed-file dialog shows the differences to merge
};

// An article to open in the import window (the screenshot's --view import).
struct ImportRequest {
  std::string file;  // a UTF-8 .txt; empty: the empty window
  std::string article_date, publisher, title;
};
// Shows a curation view as a user would open it: "dashboard" (nothing), "import" (the import
// window on `request`, facts found) or "edit" (the project editor of the selected project).
// Returns an error message (in `language`), empty on success.
std::string show_curation_view(Curation& cur, const std::string& view, const ImportRequest& request,
                               Language language);

}  // namespace indtrack::ui
