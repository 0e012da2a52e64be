// The built-in file chooser's model (file_chooser.h).
#include "app_model/file_chooser.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace indtrack::ui {

namespace fs = std::filesystem;

namespace {

char lower(char ch) { return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch; }

// "Permission denied" rather than the library's "filesystem error: …: Permission denied [path]".
std::string reason(const std::error_code& ec) { return ec.message(); }

}  // namespace

bool purpose_saves(FilePurpose purpose) {
  return purpose == FilePurpose::SaveDataset || purpose == FilePurpose::ExportChart;
}

const std::vector<std::string>& purpose_extensions(FilePurpose purpose) {
  static const std::vector<std::string> json{".json"}, txt{".txt"}, chart{".png", ".pdf", ".svg", ".csv"};
  switch (purpose) {
    case FilePurpose::OpenDataset:
    case FilePurpose::SaveDataset:
      return json;
    case FilePurpose::ImportArticle:
      return txt;
    case FilePurpose::ExportChart:
      return chart;
  }
  return json;
}

Str purpose_title(FilePurpose purpose) {
  switch (purpose) {
    case FilePurpose::OpenDataset:
      return Str::ChooserOpenTitle;
    case FilePurpose::SaveDataset:
      return Str::ChooserSaveTitle;
    case FilePurpose::ImportArticle:
      return Str::ChooserImportTitle;
    case FilePurpose::ExportChart:
      return Str::ChooserExportTitle;
  }
  return Str::ChooserOpenTitle;
}

bool has_extension(std::string_view name, const std::vector<std::string>& extensions) {
  if (extensions.empty()) return true;
  return std::any_of(extensions.begin(), extensions.end(), [&](const std::string& ext) {
    if (name.size() <= ext.size()) return false;
    const std::string_view tail = name.substr(name.size() - ext.size());
    return std::equal(tail.begin(), tail.end(), ext.begin(), [](char a, char b) { return lower(a) == b; });
  });
}

void FileChooser::open(FilePurpose purpose, const std::string& start, const std::string& suggested) {
  purpose_ = purpose;
  error_.reset();
  name = suggested;
  std::error_code ec;
  fs::path folder = start.empty() ? fs::current_path(ec) : fs::absolute(start, ec);
  if (!start.empty() && !fs::is_directory(folder, ec)) {
    if (name.empty() && fs::is_regular_file(folder, ec)) name = folder.filename().string();
    folder = folder.parent_path();
  }
  directory_.clear();
  if (!navigate(folder.string())) {
    error_.reset();  // a start that is gone is no error of the user's: the current folder instead
    navigate(fs::current_path(ec).string());
  }
}

bool FileChooser::navigate(const std::string& folder) {
  std::error_code ec;
  fs::path target =
      fs::path(folder).is_absolute() || directory_.empty() ? fs::path(folder) : fs::path(directory_) / folder;
  target = fs::absolute(target, ec).lexically_normal();  // ".." resolved; links kept as the user sees them
  if (!target.has_filename() && target != target.root_path()) target = target.parent_path();  // "a/b/"
  std::vector<FileEntry> listed;
  fs::directory_iterator it(target, fs::directory_options::none, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    FileEntry e;
    e.name = it->path().filename().string();
    std::error_code entry_ec;
    e.directory = it->is_directory(entry_ec);  // follows links: a link to a folder is a folder
    if (!e.directory) e.bytes = it->is_regular_file(entry_ec) ? it->file_size(entry_ec) : 0;
    listed.push_back(std::move(e));
  }
  if (ec) {
    error_ = Notice{Notice::Level::Error, Str::ChooserUnreadableFmt, {target.string(), reason(ec)}};
    return false;
  }
  std::sort(listed.begin(), listed.end(), [](const FileEntry& a, const FileEntry& b) {
    return a.directory != b.directory ? a.directory : a.name < b.name;
  });
  directory_ = target.string();
  all_entries_ = std::move(listed);
  error_.reset();
  relist();
  return true;
}

bool FileChooser::go_up() {
  const fs::path here(directory_);
  if (!here.has_parent_path() || here.parent_path() == here) return false;
  return navigate(here.parent_path().string());
}

void FileChooser::set_show_hidden(bool show) {
  show_hidden_ = show;
  relist();
}

void FileChooser::set_all_files(bool all) {
  all_files_ = all;
  relist();
}

void FileChooser::relist() {
  entries_.clear();
  const std::vector<std::string>& extensions = purpose_extensions(purpose_);
  for (const FileEntry& e : all_entries_) {
    if (!show_hidden_ && e.name.starts_with('.')) continue;
    if (!e.directory && !all_files_ && !has_extension(e.name, extensions)) continue;
    entries_.push_back(e);
  }
}

void FileChooser::activate(std::size_t i) {
  if (i >= entries_.size()) return;
  const FileEntry e = entries_[i];
  if (e.directory)
    navigate(e.name);
  else
    name = e.name;
}

std::optional<std::string> FileChooser::choose() {
  error_.reset();
  if (name.empty()) {
    error_ = Notice{Notice::Level::Warning, Str::ChooserNoNameFmt, {}};
    return std::nullopt;
  }
  std::error_code ec;
  const fs::path typed(name);
  fs::path path = typed.is_absolute() ? typed : fs::path(directory_) / typed;
  path = path.lexically_normal();
  if (fs::is_directory(path, ec)) {
    if (navigate(path.string())) name.clear();
    return std::nullopt;
  }
  if (purpose_saves(purpose_)) {
    const fs::path folder = path.parent_path();
    if (!fs::is_directory(folder, ec)) {
      error_ = Notice{Notice::Level::Error, Str::ChooserNoFolderFmt, {folder.string()}};
      return std::nullopt;
    }
    const std::vector<std::string>& extensions = purpose_extensions(purpose_);
    if (!has_extension(path.filename().string(), extensions)) path += extensions.front();
    return path.string();
  }
  if (!fs::exists(path, ec)) {
    error_ = Notice{Notice::Level::Error, Str::ChooserNoFileFmt, {path.string()}};
    return std::nullopt;
  }
  if (!fs::is_regular_file(path, ec)) {
    error_ = Notice{Notice::Level::Error, Str::ChooserNotAFileFmt, {path.string()}};
    return std::nullopt;
  }
  return path.string();
}

}  // namespace indtrack::ui
