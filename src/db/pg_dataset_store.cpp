// PgDatasetStore (pg_dataset_store.h).
#include "db/pg_dataset_store.h"

#include "db/conninfo.h"
#include "db/pg_store.h"
#include "db/schema.h"

namespace indtrack::db {

PgDatasetStore::PgDatasetStore(PgConnection conn)
    : conn_(std::move(conn)), name_(database_display_name(conn_)) {}

Result<std::unique_ptr<PgDatasetStore>> PgDatasetStore::open(const std::string& conninfo) {
  if (Result<Done> ok = check_conninfo(conninfo); !ok) return ok.error();
  Result<PgConnection> conn = PgConnection::connect(conninfo);
  if (!conn) return conn.error();
  if (Result<Done> current = require_current_schema(*conn); !current) return current.error();
  return std::unique_ptr<PgDatasetStore>(new PgDatasetStore(std::move(*conn)));
}

Result<LoadResult> PgDatasetStore::load(const LoadOptions& options) {
  Result<DbLoad> loaded = load_from_database(conn_, name_, options);
  if (!loaded) return loaded.error();
  texts_ = std::move(loaded->article_texts);
  have_texts_ = true;
  last_change_ = loaded->last_change;
  return std::move(loaded->load);
}

Result<ArticleTexts> PgDatasetStore::article_texts(const Dataset&) {
  if (!have_texts_) {
    Result<Snapshot> snapshot = read_snapshot(conn_);
    if (!snapshot) return snapshot.error();
    texts_ = std::move(snapshot->article_texts);
    have_texts_ = true;
  }
  return texts_;
}

Result<Done> PgDatasetStore::write(const Dataset& data, const ArticleTexts& texts,
                                   const StoreWriteOptions& options) {
  const OrderedJson document = document_of(data);
  ImportRequest request;
  request.document = &document;
  request.article_texts = texts;
  request.label = options.label.empty() ? "import" : options.label;
  request.replace = options.replace_existing;
  Result<std::int64_t> change = import_dataset(conn_, request);
  if (!change) return change.error();
  last_change_ = *change;
  texts_ = texts;
  have_texts_ = true;
  return done();
}

}  // namespace indtrack::db
