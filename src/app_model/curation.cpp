// Opening curation views from outside the window's menus (curation.h).
#include "app_model/curation.h"

namespace indtrack::ui {

std::string show_curation_view(Curation& cur, const std::string& view, const ImportRequest& request,
                               Language language) {
  if (view.empty() || view == "dashboard") return {};
  if (view == "edit") {
    cur.project_edit_mode = true;
    return {};
  }
  if (view != "import") return "--view must be dashboard, import or edit, got \"" + view + "\"";
  cur.import_open = true;
  ImportModel& model = cur.import;
  auto fill_fields = [&] {  // after the file: opening an article clears the previous one's
    model.publisher = request.publisher;
    model.title = request.title;
    model.article_date = request.article_date;
  };
  fill_fields();
  if (request.file.empty()) return {};  // the empty window: paste or open a file
  model.file_path = request.file;
  if (!model.load_file(language)) return model.message();
  fill_fields();
  const DatasetEditor* editor = cur.session.editor();
  if (!editor) return "no dataset is open";
  if (!model.extract(editor->dataset(), language)) return model.message();
  if (!model.candidates().empty()) {
    cur.import_selected = 0;
    cur.import_scroll_text = true;
  }
  return {};
}

}  // namespace indtrack::ui
