// A throw-away PostgreSQL server the database tests start themselves: initdb and pg_ctl in a new
// temporary directory, listening on a Unix socket in that directory and on no TCP port, trust
// authentication for the one superuser initdb creates. Started on first use, stopped (and its
// directory removed) when the test process exits. PostgreSQL refuses to run as root, so as root
// the server runs as the user `nobody` (through runuser).
//
// The binaries are looked up in $INDTRACK_PG_BINDIR, then /usr/lib/postgresql/<version>/bin
// (Debian's postgresql-15, which scripts/setup installs). Missing binaries fail the test with a
// message saying so: CI must never skip these tests silently.
#pragma once

#include <string>

namespace indtrack::test {

class PgTestServer {
 public:
  // The running server; throws std::runtime_error (failing the test with its message) when it
  // cannot be started.
  static PgTestServer& get();

  // A new, empty database of its own for one test; returns its connection string.
  std::string new_database();
  // The connection string of database `dbname` on this server.
  std::string conninfo(const std::string& dbname) const;
  const std::string& socket_dir() const { return dir_; }
  const std::string& bindir() const { return bindir_; }  // pg_dump, psql, pg_ctl

  // Stops the server at once, as a crash or a pulled plug would (pg_ctl stop -m immediate: no
  // shutdown checkpoint, every connection cut), and starts it again on the same data (it
  // recovers from its write-ahead log): tests of the server going away mid-session.
  void stop_immediately();
  void start_again();

  ~PgTestServer();

 private:
  PgTestServer() = default;
  void start();
  int run(const std::string& command) const;  // as the server's user; the exit code

  std::string bindir_, dir_, run_as_;
  int databases_ = 0;
};

}  // namespace indtrack::test
