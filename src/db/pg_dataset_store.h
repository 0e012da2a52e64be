// The dataset on a PostgreSQL server as a DatasetStore (store/dataset_store.h): what `--db
// CONNINFO` opens for the read verbs, and what `db import` / `db export` copy to and from.
#pragma once

#include <memory>
#include <string>

#include "db/db_load.h"
#include "db/pg.h"
#include "store/dataset_store.h"

namespace indtrack::db {

class PgDatasetStore final : public DatasetStore {
 public:
  // Connects (conninfo as check_conninfo accepts it) and checks that the database holds an
  // indtrack schema of this program's version: otherwise an Error saying what to run.
  static Result<std::unique_ptr<PgDatasetStore>> open(const std::string& conninfo);

  std::string name() const override { return name_; }
  // One consistent snapshot (a REPEATABLE READ transaction), validated by the file loader.
  Result<LoadResult> load(const LoadOptions& options = {}) override;
  // The texts read with the last load(); read afresh when there was none.
  Result<ArticleTexts> article_texts(const Dataset& data) override;
  // One transaction replacing every record, recorded as one change by the connected role.
  // Administrators only; with replace_existing false, refused when a dataset is there already.
  Result<Done> write(const Dataset& data, const ArticleTexts& texts,
                     const StoreWriteOptions& options) override;

  PgConnection& connection() { return conn_; }
  std::int64_t last_change() const { return last_change_; }  // of the last load or write

 private:
  explicit PgDatasetStore(PgConnection conn);
  PgConnection conn_;
  std::string name_;
  ArticleTexts texts_;
  bool have_texts_ = false;
  std::int64_t last_change_ = 0;
};

}  // namespace indtrack::db
