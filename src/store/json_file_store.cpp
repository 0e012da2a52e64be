// JsonFileStore (json_file_store.h) and copy_dataset (dataset_store.h).
#include "store/json_file_store.h"

#include <algorithm>
#include <filesystem>

#include "core/fingerprint.h"
#include "io/file_io.h"

namespace indtrack {

namespace {

std::string fingerprint_of_file(const std::string& path) {
  const ReadFileResult file = read_whole_file(path);
  return file.ok ? content_fingerprint(file.content) : std::string();
}

}  // namespace

JsonFileStore::JsonFileStore(std::string path) : path_(std::move(path)), known_stamp_(stamp_of(path_)) {}

bool is_contained_path(const std::string& relative) {
  if (relative.empty() || relative[0] == '/') return false;
  std::size_t start = 0;
  while (start <= relative.size()) {
    const std::size_t end = std::min(relative.find('/', start), relative.size());
    if (relative.compare(start, end - start, "..") == 0) return false;
    start = end + 1;
  }
  return true;
}

Result<LoadResult> JsonFileStore::load(const LoadOptions& options) { return load_dataset(path_, options); }

Result<ArticleTexts> JsonFileStore::article_texts(const Dataset& data) {
  ArticleTexts texts;
  for (const Source& s : data.sources) {
    if (s.kind != Source::Kind::Article || s.file.empty()) continue;
    const std::string file = join_path(directory_of(path_), s.file);
    ReadFileResult r = read_whole_file(file, std::size_t(64) << 20);
    if (!r.ok) return Error::of(Error::Kind::Io, "cannot read the article text " + file + ": " + r.error);
    if (r.content.find('\0') != std::string::npos)
      return Error::of(Error::Kind::Invalid,
                       "the article text " + file + " contains NUL bytes, which a database text cannot hold");
    texts.emplace(s.id, std::move(r.content));
  }
  return texts;
}

Result<Done> JsonFileStore::write(const Dataset& data, const ArticleTexts& texts,
                                  const StoreWriteOptions& options) {
  if (!options.replace_existing && file_exists(path_))
    return Error::of(Error::Kind::Invalid, path_ + " exists already; nothing written");
  for (const Source& s : data.sources) {
    const auto text = texts.find(s.id);
    if (s.kind != Source::Kind::Article || text == texts.end()) continue;
    if (!is_contained_path(s.file))
      return Error::of(Error::Kind::Invalid, "source " + s.id + " names the article file \"" + s.file +
                                                 "\" outside the dataset's folder; nothing written");
  }
  for (const Source& s : data.sources) {
    const auto text = texts.find(s.id);
    if (s.kind != Source::Kind::Article || text == texts.end()) continue;
    const std::string file = join_path(directory_of(path_), s.file);
    std::error_code ec;  // an article under sources/ of an export into an empty folder
    std::filesystem::create_directories(directory_of(file), ec);
    if (ec)
      return Error::of(Error::Kind::Io,
                       "cannot create the folder " + directory_of(file) + ": " + ec.message());
    const WriteFileResult w = write_file_atomically(file, text->second);
    if (!w.ok) return Error::of(Error::Kind::Io, w.error);
  }
  const WriteFileResult w = write_file_atomically(path_, serialize_dataset(data), /*keep_backup=*/true);
  if (!w.ok) return Error::of(Error::Kind::Io, w.error);
  return done();
}

EditAccess JsonFileStore::open_for_editing(bool exclusive) {
  if (!exclusive) {
    lock_.release();
    return {};
  }
  if (lock_.held() && lock_.path() == path_) return {};  // reopening the file we hold
  const FileLock::Result r = lock_.acquire(path_);
  switch (r.outcome) {
    case FileLock::Outcome::Acquired:
      return {};
    case FileLock::Outcome::HeldByOther:
      return {EditAccess::Kind::LockedByOther,
              {r.holder.pid > 0 ? std::to_string(r.holder.pid) : "?",
               r.holder.host.empty() ? "?" : r.holder.host, path_}};
    case FileLock::Outcome::Unavailable:
      break;
  }
  return {EditAccess::Kind::NoLock, {r.error}};
}

// Taken at the first need — a pass over the whole file, 0.4 s at 300 MB — and only while the
// file is still as opened: after another program's save no fingerprint of what was opened can be
// had, so a journal gets a base that matches no file and is set aside rather than replayed onto
// other bytes.
const std::string& JsonFileStore::edited_version() {
  if (known_fingerprint_.empty())
    known_fingerprint_ = known_stamp_ && stamp_of(path_) == known_stamp_ ? fingerprint_of_file(path_)
                                                                         : "changed-after-opening";
  return known_fingerprint_;
}

bool JsonFileStore::changed_elsewhere() {
  const std::optional<FileStamp> now = stamp_of(path_);
  if (!now) return false;  // removed: a save puts it back, overwriting nothing
  if (known_stamp_ && *now == *known_stamp_) return false;
  return known_fingerprint_.empty() || fingerprint_of_file(path_) != known_fingerprint_;
}

Result<LoadResult> JsonFileStore::load_theirs() {
  theirs_stamp_ = stamp_of(path_);
  return load_dataset(path_);
}

StoreSaveResult JsonFileStore::save(const StoreSave& save) {
  StoreSaveResult result;
  const bool moved_on = save.onto_theirs ? stamp_of(path_) != theirs_stamp_ : changed_elsewhere();
  if (moved_on) {  // never overwrite another program's change unseen
    result.outcome = StoreSaveResult::Outcome::ChangedElsewhere;
    return result;
  }
  return save_over(save);
}

StoreSaveResult JsonFileStore::save_over(const StoreSave& save) {
  StoreSaveResult result;
  const SaveResult saved = save_dataset(*save.data, path_);
  if (!saved.ok) {
    result.error = saved.error;
    return result;
  }
  known_stamp_ = stamp_of(path_);
  known_fingerprint_ = save.fingerprint;
  theirs_stamp_.reset();
  result.outcome = StoreSaveResult::Outcome::Saved;
  return result;
}

Result<CopyReport> copy_dataset(DatasetStore& from, DatasetStore& to, const StoreWriteOptions& options) {
  Result<LoadResult> loaded = from.load();
  if (!loaded) return loaded.error();
  CopyReport report;
  std::string errors;
  for (Problem& p : loaded->problems) {
    if (p.severity == Problem::Severity::Error)
      errors += p.format() + "\n";
    else
      report.warnings.push_back(std::move(p));
  }
  if (!loaded->ok())
    return Error::of(Error::Kind::Invalid,
                     errors + from.name() + " has errors; nothing written to " + to.name());
  const Dataset& data = *loaded->dataset;
  Result<ArticleTexts> texts = from.article_texts(data);
  if (!texts) return texts.error();
  if (Result<Done> w = to.write(data, *texts, options); !w) return w.error();
  report.projects = data.projects.size();
  report.sources = data.sources.size();
  report.article_texts = texts->size();
  return report;
}

}  // namespace indtrack
