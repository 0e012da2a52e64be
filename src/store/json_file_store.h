// The dataset as a JSON file with its article texts in files beside it (docs/data-format.md):
// the embedded default store and the exchange format.
#pragma once

#include <optional>
#include <string>

#include "io/file_io.h"
#include "io/file_lock.h"
#include "store/dataset_store.h"

namespace indtrack {

class JsonFileStore final : public DatasetStore {
 public:
  // The file as it is now is the version opened (its stamp is taken here).
  explicit JsonFileStore(std::string path);

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

  // Editing: PATH.lock (io/file_lock.h) and PATH.journal beside the file; another program's
  // change is seen in the file's stamp and, when that differs, its bytes (a file touched or
  // copied back unchanged is not a change).
  EditAccess open_for_editing(bool exclusive) override;
  void close_for_editing() override { lock_.release(); }
  std::string journal_path() const override { return path_ + ".journal"; }
  const std::string& edited_version() override;
  bool changed_elsewhere() override;
  Result<LoadResult> load_theirs() override;
  // save_dataset: atomic and canonical, the previous file kept as PATH.bak.
  StoreSaveResult save(const StoreSave& save) override;
  bool is_file() const override { return true; }
  // Writes whatever is at the path now (Save As: the user chose to replace it).
  StoreSaveResult save_over(const StoreSave& save);
  // Takes over `other`'s lock when it is on the same file (a reload): released in between,
  // another indtrack could take it and this one would reopen read-only.
  void keep_lock_of(JsonFileStore& other) {
    if (other.path_ == path_) lock_ = std::move(other.lock_);
  }

 private:
  std::string path_;
  FileLock lock_;
  std::optional<FileStamp> known_stamp_;   // the file as opened or last saved
  std::string known_fingerprint_;          // of its bytes; "" until edited_version() needs it
  std::optional<FileStamp> theirs_stamp_;  // the file as load_theirs() read it
};

// An article path that stays inside the dataset's folder: relative, no ".." part.
bool is_contained_path(const std::string& relative);

}  // namespace indtrack
