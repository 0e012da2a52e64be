// The dataset as a JSON file with its article texts in files beside it (docs/data-format.md):
// the embedded default store and the exchange format.
#pragma once

#include <string>

#include "store/dataset_store.h"

namespace indtrack {

class JsonFileStore final : public DatasetStore {
 public:
  explicit JsonFileStore(std::string path) : path_(std::move(path)) {}

  std::string name() const override { return path_; }
  Result<LoadResult> load(const LoadOptions& options = {}) override;
  // Reads each article source's file relative to the dataset's folder; refuses a text with a NUL
  // byte (no database text can hold one, and no article has one).
  Result<ArticleTexts> article_texts(const Dataset& data) override;
  // Article files first (each atomically, only inside the dataset's folder, creating its
  // sub-folders), then the dataset in canonical form (atomically, the previous file kept as
  // PATH.bak): the file never names a text that is not there yet.
  Result<Done> write(const Dataset& data, const ArticleTexts& texts,
                     const StoreWriteOptions& options) override;

 private:
  std::string path_;
};

// An article path that stays inside the dataset's folder: relative, no ".." part.
bool is_contained_path(const std::string& relative);

}  // namespace indtrack
