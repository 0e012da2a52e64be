// Dropped files to the dataset or the import window (dropped_files.h).
#include "app_model/dropped_files.h"

#include "app_model/file_chooser.h"

namespace indtrack::ui {

DropResult drop_files(Curation& cur, AppState& app, const std::vector<std::string>& paths) {
  DropResult result;
  static const std::vector<std::string> kDataset{".json"}, kArticle{".txt"};
  for (const std::string& path : paths) {
    if (has_extension(path, kDataset) && result.opened.empty()) {
      result.opened = path;
      cur.session.request_open(path);
    } else if (has_extension(path, kArticle) && result.imported.empty()) {
      if (cur.import.any_accepted()) {  // its facts are in the dataset: the window keeps their article
        app.add_notice({Notice::Level::Warning, Str::NoticeDropImportBusyFmt, {path}});
        continue;
      }
      cur.import.file_path = path;
      cur.import_open = true;
      if (cur.import.load_file(app.language()))
        result.imported = path;
      else
        app.add_notice({Notice::Level::Error, Str::NoticeDropArticleFailedFmt, {path, cur.import.message()}});
    } else {
      app.add_notice({Notice::Level::Warning, Str::NoticeDropUnusedFmt, {path}});
    }
  }
  return result;
}

}  // namespace indtrack::ui
