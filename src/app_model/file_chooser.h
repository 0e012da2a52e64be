// Choosing a file for 打开 / 另存为 / 导入文章 / 导出: what each asks for (FilePurpose), the built-in
// chooser's model — a folder's listing (folders, then files with the purpose's extensions; hidden
// entries off), navigation, a typed name or path, and a clear message for a folder that cannot be
// read — drawn by ui/host/file_dialogs. Headless and testable without a display.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app_model/notice.h"

namespace indtrack::ui {

enum class FilePurpose : unsigned char {
  OpenDataset,    // an existing .json
  SaveDataset,    // a .json to write (另存为)
  ImportArticle,  // an existing .txt article
  ExportChart,    // a .png / .pdf / .svg / .csv to write
};

bool purpose_saves(FilePurpose purpose);  // the chosen file may not exist yet
// The extensions the purpose lists, lower case with the dot (".json"); the first is the default.
const std::vector<std::string>& purpose_extensions(FilePurpose purpose);
Str purpose_title(FilePurpose purpose);
// `name` ends with one of `extensions` (ASCII case-insensitive); any name when the list is empty.
bool has_extension(std::string_view name, const std::vector<std::string>& extensions);

struct FileEntry {
  std::string name;  // in the folder
  bool directory = false;
  std::uintmax_t bytes = 0;  // files only
};

class FileChooser {
 public:
  // Starts in the folder of `start` (a file or a folder; the current folder when empty or gone),
  // with `name` in the name field (a saving purpose's suggestion, or the start file's name).
  void open(FilePurpose purpose, const std::string& start, const std::string& name = {});

  FilePurpose purpose() const { return purpose_; }
  const std::string& directory() const { return directory_; }  // absolute
  const std::vector<FileEntry>& entries() const { return entries_; }
  // Why the last navigation or choice failed (unreadable folder, no such file, a folder typed
  // where a file is needed); empty when it did not.
  const std::optional<Notice>& error() const { return error_; }

  // Lists `folder` (absolute, or relative to the current one). On failure the listing stays
  // where it was and error() says why; false.
  bool navigate(const std::string& folder);
  bool go_up();
  void set_show_hidden(bool show);  // entries starting with "."
  bool show_hidden() const { return show_hidden_; }
  void set_all_files(bool all);  // files of any extension, not only the purpose's
  bool all_files() const { return all_files_; }

  // A click on entry `i`: a folder is entered, a file's name goes into the name field.
  void activate(std::size_t i);

  std::string name;  // the name field: a file name, or a path (absolute or relative to the folder)

  // The chosen file for the name field, or nullopt with error() set — or, for a folder typed
  // into the name field, after entering it (error() then empty). Opening purposes need an
  // existing regular file; saving ones an existing folder, and get the purpose's first extension
  // when the name has none of its extensions.
  std::optional<std::string> choose();

 private:
  void relist();

  FilePurpose purpose_ = FilePurpose::OpenDataset;
  std::string directory_;
  std::vector<FileEntry> all_entries_;  // the folder as listed
  std::vector<FileEntry> entries_;      // those shown: hidden and extension filters applied
  std::optional<Notice> error_;
  bool show_hidden_ = false;
  bool all_files_ = false;
};

}  // namespace indtrack::ui
