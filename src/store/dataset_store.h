// Where a dataset lives: the seam between the program and its storage. A store loads the whole
// dataset (validated by the loader's rules, so every store gives the same Dataset for the same
// facts), hands out its article texts byte for byte, and replaces what it holds in one step.
// Implementations: JsonFileStore (the dataset file and the article files beside it; the default
// and the exchange format) and db::PgDatasetStore (a team's PostgreSQL server, src/db).
//
// Editing one record at a time, the lock and the journal still go through src/edit and the
// editing session (docs/architecture.md, "A store"); this seam carries whole datasets.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "core/result.h"
#include "io/dataset_io.h"

namespace indtrack {

// Source id -> the article's text exactly as its file holds it (a byte-order mark included).
using ArticleTexts = std::map<std::string, std::string>;

struct StoreWriteOptions {
  std::string label;             // what the write is, for a store that keeps history: "import x.json"
  bool replace_existing = true;  // false: refuse when the store already holds a dataset
};

class DatasetStore {
 public:
  virtual ~DatasetStore() = default;

  // Names the dataset in messages, problems and titles: "data/wuhai.json", "postgresql: wuhai (alice)".
  virtual std::string name() const = 0;

  // The whole dataset. An Error when the store cannot be read at all (no server, no file
  // permission); problems of the data itself are in the LoadResult, as for a file.
  [[nodiscard]] virtual Result<LoadResult> load(const LoadOptions& options = {}) = 0;

  // The texts of `data`'s article sources (data as load() returned it).
  [[nodiscard]] virtual Result<ArticleTexts> article_texts(const Dataset& data) = 0;

  // Replaces what the store holds by `data` and `texts`, all or nothing.
  [[nodiscard]] virtual Result<Done> write(const Dataset& data, const ArticleTexts& texts,
                                           const StoreWriteOptions& options) = 0;
};

// Copies everything `from` holds into `to` (import, export). The source must load without errors;
// their problems are returned in the error's message, one per line.
struct CopyReport {
  std::size_t projects = 0, sources = 0, article_texts = 0;
  std::vector<Problem> warnings;
};
[[nodiscard]] Result<CopyReport> copy_dataset(DatasetStore& from, DatasetStore& to,
                                              const StoreWriteOptions& options);

}  // namespace indtrack
