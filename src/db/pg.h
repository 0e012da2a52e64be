// A thin C++ owner of libpq: a connection, results, parameterised statements, COPY and
// notifications, with every failure turned into an Error whose kind says what the user can do
// (Connection: reconnect; Busy: try again; Permission; Conflict; Schema: init or migrate).
//
// Every statement with a value in it goes through exec() with $1, $2 ... parameters: no value is
// ever spliced into SQL text. Identifiers that cannot be parameters (a role name in CREATE ROLE)
// go through quote_identifier(). Rows in bulk go through COPY (copy_in), whose data channel is
// not SQL at all.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

struct pg_conn;
struct pg_result;

namespace indtrack::db {

// One statement parameter in text form; nullopt is SQL NULL.
using Param = std::optional<std::string_view>;

class PgResult {
 public:
  PgResult() = default;
  explicit PgResult(pg_result* result);
  int rows() const;
  int columns() const;
  bool null(int row, int column) const;
  std::string_view get(int row, int column) const;  // "" for NULL
  std::optional<std::string_view> optional(int row, int column) const;
  std::int64_t integer(int row, int column) const;  // 0 for NULL or a non-number
  bool boolean(int row, int column) const;          // PostgreSQL's "t"
  int column(std::string_view name) const;          // -1 when absent
  std::uint64_t affected() const;                   // rows changed by INSERT/UPDATE/DELETE
  pg_result* raw() const { return result_.get(); }

 private:
  struct Free {
    void operator()(pg_result* r) const;
  };
  std::unique_ptr<pg_result, Free> result_;
};

struct Notification {
  std::string channel;
  std::string payload;
  int backend_pid = 0;
};

class PgConnection {
 public:
  PgConnection() = default;
  // Connects with a libpq connection string or URI ("host=/run/db dbname=wuhai",
  // "postgresql://alice@db.example/wuhai"); unset parts come from the PG* environment variables
  // and service files, a password only from ~/.pgpass or PGPASSFILE. The session is set up for
  // indtrack: UTF-8, the `indtrack` schema first in the search path, a lock timeout.
  static Result<PgConnection> connect(const std::string& conninfo);

  bool connected() const;
  // Inside a transaction block (BEGIN ... not yet COMMIT/ROLLBACK), as libpq last heard.
  bool in_transaction() const;
  // Runs one statement with text parameters; the result holds the rows of a SELECT.
  Result<PgResult> exec(std::string_view sql, std::initializer_list<Param> params = {});
  Result<PgResult> exec(std::string_view sql, const std::vector<Param>& params);
  // Runs several statements without parameters (schema scripts).
  Result<Done> exec_script(std::string_view sql);
  // COPY ... FROM STDIN: `copy_sql` names the table and columns, `data` is COPY text format
  // (copy_row.h builds it).
  Result<Done> copy_in(std::string_view copy_sql, std::string_view data);

  // LISTEN on `channel`; notifications are collected by poll_notifications().
  Result<Done> listen(std::string_view channel);
  // Reads what the server sent without blocking and returns the notifications received.
  // A lost connection is an error.
  Result<std::vector<Notification>> poll_notifications();
  // Waits up to `timeout_ms` for input on the connection (a notification); false on timeout.
  bool wait_for_input(int timeout_ms) const;
  int socket() const;

  // Who and where, for messages and the status bar: "alice @ /tmp/pg:5432 wuhai".
  std::string describe() const;
  std::string user() const;
  std::string database() const;
  int backend_pid() const;
  // The identifier quoted for SQL ("Alice" -> "\"Alice\""); for names that cannot be parameters.
  std::string quote_identifier(std::string_view name) const;
  // Drops the connection (tests use it to play a broken network).
  void close();

 private:
  struct Free {
    void operator()(pg_conn* c) const;
  };
  Error error_of(const char* what, pg_result* result) const;
  std::unique_ptr<pg_conn, Free> conn_;
};

// The error for a failed libpq call: SQLSTATE classes mapped to Error kinds, libpq's message
// with its detail and hint.
Error pg_error(pg_conn* conn, pg_result* result, std::string_view what);

// Parameters as text: numbers in their shortest exact form.
std::string param_of(std::int64_t value);

// Transactions: BEGIN on construction (through begin()), ROLLBACK unless committed.
class Transaction {
 public:
  static Result<Transaction> begin(PgConnection& conn, std::string_view mode = "BEGIN");
  Transaction(Transaction&& other) noexcept : conn_(other.conn_) { other.conn_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Result<Done> commit();

 private:
  explicit Transaction(PgConnection& conn) : conn_(&conn) {}
  PgConnection* conn_ = nullptr;
};

}  // namespace indtrack::db
