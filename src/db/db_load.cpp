// load_from_database (db_load.h).
#include "db/db_load.h"

#include "db/pg_store.h"
#include "db/schema.h"

namespace indtrack::db {

std::string database_display_name(const PgConnection& conn) {
  return "postgresql: " + conn.database() + " (" + conn.user() + ")";
}

Result<DbLoad> load_from_database(PgConnection& conn, const std::string& display,
                                  const LoadOptions& options) {
  if (auto r = require_current_schema(conn); !r) return r.error();
  auto snapshot = read_snapshot(conn);
  if (!snapshot) return snapshot.error();
  DbLoad out;
  out.versions = std::move(snapshot->rows.versions);
  out.last_change = snapshot->last_change;
  out.article_texts = std::move(snapshot->article_texts);
  LoadOptions with_texts = options;
  const auto& texts = out.article_texts;
  with_texts.article_text = [&texts](const Source& s) -> std::optional<std::string> {
    const auto it = texts.find(s.id);
    if (it == texts.end()) return std::nullopt;
    return it->second;
  };
  out.load = parse_dataset(snapshot->rows.json, display, "", with_texts);
  for (Problem& p : out.load.problems) p.line = p.column = 0;  // positions in a text nobody sees
  if (out.load.dataset) out.load.dataset->path = display;
  return out;
}

}  // namespace indtrack::db
