// JsonFileStore (json_file_store.h) and copy_dataset (dataset_store.h).
#include "store/json_file_store.h"

#include <algorithm>
#include <filesystem>

#include "io/file_io.h"

namespace indtrack {

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
