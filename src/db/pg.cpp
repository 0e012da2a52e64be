// PgConnection (pg.h) over libpq.
#include "db/pg.h"

#include <poll.h>

#include <charconv>
#include <cstdlib>
#include <cstring>

#include <libpq-fe.h>

#include "db/conninfo.h"

namespace indtrack::db {
namespace {

constexpr const char* kDefaultLockTimeout = "5s";     // a save waits this long for a row lock
constexpr const char* kDefaultConnectTimeout = "10";  // seconds

std::string trim_message(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

Error::Kind kind_of_sqlstate(std::string_view state) {
  if (state.empty()) return Error::Kind::Internal;
  const std::string_view cls = state.substr(0, 2);
  if (cls == "08") return Error::Kind::Connection;  // connection exception
  if (state == "57P01" || state == "57P02" || state == "57P03") return Error::Kind::Connection;  // shutdown
  if (state == "55P03" || state == "57014" || state == "40001" || state == "40P01")
    return Error::Kind::Busy;  // lock timeout, statement timeout, serialization failure, deadlock
  if (state == "42501") return Error::Kind::Permission;
  if (state == "23505") return Error::Kind::Conflict;  // an id someone else took meanwhile
  if (state == "3F000" || state == "42P01" || state == "42883") return Error::Kind::Schema;
  if (cls == "23" || cls == "22" || state == "P0001") return Error::Kind::Invalid;  // constraints, data
  if (cls == "28") return Error::Kind::Permission;                                  // invalid authorization
  if (state == "3D000") return Error::Kind::NotFound;                               // no such database
  return Error::Kind::Internal;
}

}  // namespace

// ---- PgResult ----

PgResult::PgResult(pg_result* result) : result_(result) {}
void PgResult::Free::operator()(pg_result* r) const { PQclear(r); }
int PgResult::rows() const { return result_ ? PQntuples(result_.get()) : 0; }
int PgResult::columns() const { return result_ ? PQnfields(result_.get()) : 0; }
bool PgResult::null(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
std::string_view PgResult::get(int row, int column) const {
  return {PQgetvalue(result_.get(), row, column),
          static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}
std::optional<std::string_view> PgResult::optional(int row, int column) const {
  if (null(row, column)) return std::nullopt;
  return get(row, column);
}
std::int64_t PgResult::integer(int row, int column) const {
  const std::string_view text = get(row, column);
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}
bool PgResult::boolean(int row, int column) const { return get(row, column) == "t"; }
int PgResult::column(std::string_view name) const {
  for (int c = 0; c < columns(); ++c)
    if (name == PQfname(result_.get(), c)) return c;
  return -1;
}
std::uint64_t PgResult::affected() const {
  const char* n = result_ ? PQcmdTuples(result_.get()) : "";
  std::uint64_t value = 0;
  std::from_chars(n, n + std::strlen(n), value);
  return value;
}

// ---- errors ----

constexpr char kRefusedStatement[] = "the database refused a statement";

Error pg_error(pg_conn* conn, pg_result* result, std::string_view what) {
  std::string state;
  std::string message;
  if (result) {
    if (const char* s = PQresultErrorField(result, PG_DIAG_SQLSTATE)) state = s;
    if (const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)) message = primary;
    if (const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL))
      message += std::string(" (") + detail + ")";
    if (const char* hint = PQresultErrorField(result, PG_DIAG_MESSAGE_HINT))
      message += std::string(" — ") + hint;
  }
  if (message.empty() && conn) message = trim_message(PQerrorMessage(conn));
  Error::Kind kind = kind_of_sqlstate(state);
  // An error without a SQLSTATE is libpq's own: the server never answered. When it went away
  // between two statements, sending the next one fails but libpq keeps the status OK until it
  // reads the end of the socket (seen with COMMIT after pg_ctl stop -m immediate): read now.
  if (conn && state.empty() && PQstatus(conn) == CONNECTION_OK) (void)PQconsumeInput(conn);
  if (conn && PQstatus(conn) == CONNECTION_BAD) kind = Error::Kind::Connection;
  if (kind == Error::Kind::Connection) message = "the connection to the database server was lost: " + message;
  return Error::of(kind, std::string(what) + ": " + message);
}

std::string param_of(std::int64_t value) { return std::to_string(value); }

// ---- PgConnection ----

void PgConnection::Free::operator()(pg_conn* c) const { PQfinish(c); }

Result<PgConnection> PgConnection::connect(const std::string& conninfo) {
  if (auto refused = check_conninfo(conninfo); !refused.ok()) return refused.error();
  // Our defaults come before the user's string (which overrides them); the encoding after it.
  std::vector<const char*> keys, values;
  keys.push_back("fallback_application_name");
  values.push_back("indtrack");
  if (!std::getenv("PGCONNECT_TIMEOUT")) {
    keys.push_back("connect_timeout");
    values.push_back(kDefaultConnectTimeout);
  }
  keys.push_back("dbname");
  values.push_back(conninfo.c_str());
  keys.push_back("client_encoding");
  values.push_back("UTF8");
  keys.push_back(nullptr);
  values.push_back(nullptr);
  PgConnection c;
  c.conn_.reset(PQconnectdbParams(keys.data(), values.data(), /*expand_dbname=*/1));
  if (!c.conn_) return Error::of(Error::Kind::Internal, "out of memory connecting to the database");
  if (PQstatus(c.conn_.get()) != CONNECTION_OK) {
    std::string why = trim_message(PQerrorMessage(c.conn_.get()));
    if (PQconnectionNeedsPassword(c.conn_.get()))
      return Error::of(Error::Kind::Permission,
                       "the database server wants a password for " + redacted_conninfo(conninfo) +
                           ": indtrack reads passwords only from ~/.pgpass or the file PGPASSFILE names "
                           "(one line host:port:database:user:password, readable by you alone)");
    if (why.find("does not exist") != std::string::npos && why.find("database") != std::string::npos)
      return Error::of(Error::Kind::NotFound, "cannot connect to the database: " + why);
    if (why.find("authentication failed") != std::string::npos || why.find("role") != std::string::npos)
      return Error::of(Error::Kind::Permission, "the database server refused the login: " + why);
    return Error::of(Error::Kind::Connection, "cannot connect to the database server: " + why);
  }
  // The server's NOTICEs and WARNINGs ("role alice is not a member of role indtrack_admin" when
  // db member revokes the other roles) went to stderr as libpq's default: noise in a verb's
  // output, nowhere in the window. indtrack says what happened in its own words.
  PQsetNoticeProcessor(
      c.conn_.get(), [](void*, const char*) {}, nullptr);
  // A save waits for another curator's row lock at most this long (PGOPTIONS or the connection
  // string may set another), then says the database is busy instead of hanging.
  auto timeout = c.exec("SELECT current_setting('lock_timeout')");
  if (!timeout) return timeout.error();
  if (timeout->get(0, 0) == "0") {
    auto set = c.exec("SELECT set_config('lock_timeout', $1, false)", {kDefaultLockTimeout});
    if (!set) return set.error();
  }
  return c;
}

bool PgConnection::connected() const { return conn_ && PQstatus(conn_.get()) == CONNECTION_OK; }

bool PgConnection::in_transaction() const {
  if (!conn_) return false;
  const PGTransactionStatusType status = PQtransactionStatus(conn_.get());
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

Error PgConnection::error_of(const char* what, pg_result* result) const {
  return pg_error(conn_.get(), result, what);
}

Result<PgResult> PgConnection::exec(std::string_view sql, std::initializer_list<Param> params) {
  return exec(sql, std::vector<Param>(params));
}

Result<PgResult> PgConnection::exec(std::string_view sql, const std::vector<Param>& params) {
  if (!conn_) return Error::of(Error::Kind::Connection, "not connected to a database");
  // libpq wants NUL-terminated strings: the statement and each parameter are copied once.
  const std::string statement(sql);
  std::vector<std::string> texts;
  texts.reserve(params.size());
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const Param& p : params) {
    if (!p) {
      values.push_back(nullptr);
      continue;
    }
    texts.emplace_back(*p);
    values.push_back(texts.back().c_str());
  }
  PgResult result(PQexecParams(conn_.get(), statement.c_str(), static_cast<int>(values.size()), nullptr,
                               values.data(), nullptr, nullptr, 0));
  const ExecStatusType status = result.raw() ? PQresultStatus(result.raw()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    return error_of(kRefusedStatement, result.raw());
  return result;
}

Result<Done> PgConnection::exec_script(std::string_view sql) {
  if (!conn_) return Error::of(Error::Kind::Connection, "not connected to a database");
  const std::string script(sql);
  PgResult result(PQexec(conn_.get(), script.c_str()));
  const ExecStatusType status = result.raw() ? PQresultStatus(result.raw()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    return error_of("the database refused a script", result.raw());
  return done();
}

Result<Done> PgConnection::copy_in(std::string_view copy_sql, std::string_view data) {
  if (!conn_) return Error::of(Error::Kind::Connection, "not connected to a database");
  const std::string statement(copy_sql);
  {
    PgResult started(PQexec(conn_.get(), statement.c_str()));
    if (!started.raw() || PQresultStatus(started.raw()) != PGRES_COPY_IN)
      return error_of("the database refused to receive rows", started.raw());
  }
  // Sent in pieces: libpq buffers what it is given, so one call with 300 MB would copy it all.
  constexpr std::size_t kChunk = std::size_t(1) << 20;
  for (std::size_t at = 0; at < data.size(); at += kChunk) {
    const std::size_t n = std::min(kChunk, data.size() - at);
    if (PQputCopyData(conn_.get(), data.data() + at, static_cast<int>(n)) != 1) break;
  }
  PQputCopyEnd(conn_.get(), nullptr);
  // The COPY's own result, then the end of the command.
  Result<Done> outcome = done();
  while (pg_result* r = PQgetResult(conn_.get())) {
    PgResult result(r);
    if (PQresultStatus(r) != PGRES_COMMAND_OK && outcome.ok())
      outcome = error_of("the database refused rows", r);
  }
  if (outcome.ok() && !connected()) return error_of("the database refused rows", nullptr);
  return outcome;
}

Result<Done> PgConnection::listen(std::string_view channel) {
  auto r = exec("LISTEN " + quote_identifier(channel));
  if (!r) return r.error();
  return done();
}

Result<std::vector<Notification>> PgConnection::poll_notifications() {
  if (!conn_) return Error::of(Error::Kind::Connection, "not connected to a database");
  if (PQconsumeInput(conn_.get()) == 0 || PQstatus(conn_.get()) != CONNECTION_OK)
    return error_of("listening for changes", nullptr);
  std::vector<Notification> out;
  while (PGnotify* n = PQnotifies(conn_.get())) {
    out.push_back({n->relname, n->extra ? n->extra : "", n->be_pid});
    PQfreemem(n);
  }
  return out;
}

bool PgConnection::wait_for_input(int timeout_ms) const {
  if (!conn_) return false;
  pollfd fd{PQsocket(conn_.get()), POLLIN, 0};
  return fd.fd >= 0 && ::poll(&fd, 1, timeout_ms) > 0;
}

int PgConnection::socket() const { return conn_ ? PQsocket(conn_.get()) : -1; }

std::string PgConnection::describe() const {
  if (!conn_) return "(not connected)";
  const char* host = PQhost(conn_.get());
  const char* port = PQport(conn_.get());
  return user() + " @ " + (host ? host : "") + ":" + (port ? port : "") + " " + database();
}

std::string PgConnection::user() const {
  const char* u = conn_ ? PQuser(conn_.get()) : nullptr;
  return u ? u : "";
}

std::string PgConnection::database() const {
  const char* d = conn_ ? PQdb(conn_.get()) : nullptr;
  return d ? d : "";
}

int PgConnection::backend_pid() const { return conn_ ? PQbackendPID(conn_.get()) : 0; }

std::string PgConnection::quote_identifier(std::string_view name) const {
  if (!conn_) return {};
  char* quoted = PQescapeIdentifier(conn_.get(), name.data(), name.size());
  if (!quoted) return {};
  std::string out(quoted);
  PQfreemem(quoted);
  return out;
}

void PgConnection::close() { conn_.reset(); }

// ---- Transaction ----

Result<Transaction> Transaction::begin(PgConnection& conn, std::string_view mode) {
  auto r = conn.exec(mode);
  if (!r) return r.error();
  return Transaction(conn);
}

Transaction::~Transaction() {
  // A failed statement leaves the transaction aborted; a lost connection needs nothing.
  if (conn_ && conn_->connected()) (void)conn_->exec("ROLLBACK");
}

Result<Done> Transaction::commit() {
  PgConnection* conn = conn_;
  conn_ = nullptr;
  if (!conn) return Error::of(Error::Kind::Internal, "the transaction was already finished");
  auto r = conn->exec("COMMIT");
  if (r) return done();
  // The rules checked at COMMIT (migration 3) refuse the whole transaction, not one statement.
  Error e = r.error();
  if (e.message.rfind(kRefusedStatement, 0) == 0)
    e.message = "the database refused the changes" + e.message.substr(sizeof kRefusedStatement - 1);
  return e;
}

}  // namespace indtrack::db
