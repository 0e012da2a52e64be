// PgTestServer (pg_server.h).
#include "pg_server.h"

#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "db/pg.h"

namespace indtrack::test {
namespace {

constexpr const char* kUser = "indtrack_test";  // the superuser initdb creates
constexpr int kPort = 5432;                     // only names the socket file; no TCP

bool is_executable(const std::string& path) { return ::access(path.c_str(), X_OK) == 0; }

std::string find_bindir() {
  if (const char* env = std::getenv("INDTRACK_PG_BINDIR"); env && *env) {
    const std::string bin = env;
    return is_executable(bin + "/initdb") && is_executable(bin + "/pg_ctl") ? bin : "";
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  std::string best;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    const std::string bin = entry.path().string() + "/bin";
    if (is_executable(bin + "/initdb") && is_executable(bin + "/pg_ctl") && bin > best) best = bin;
  }
  return best;
}

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

PgTestServer& PgTestServer::get() {
  static PgTestServer* server = [] {
    auto* s = new PgTestServer();
    s->start();
    std::atexit([] { delete server; });
    return s;
  }();
  return *server;
}

int PgTestServer::run(const std::string& command) const {
  const std::string line =
      (run_as_.empty() ? "" : "runuser -u " + run_as_ + " -- ") + command + " >>" + dir_ + "/setup.log 2>&1";
  const int status = std::system(line.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void PgTestServer::start() {
  bindir_ = find_bindir();
  if (bindir_.empty())
    throw std::runtime_error(
        "PostgreSQL server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin or "
        "$INDTRACK_PG_BINDIR: the database tests need them. Run scripts/setup (it installs postgresql-15).");
  char templ[] = "/tmp/indtrack-pg-XXXXXX";  // short: a socket path may not exceed 107 bytes
  if (!::mkdtemp(templ)) throw std::runtime_error("cannot create a temporary directory for the test server");
  dir_ = templ;
  if (::geteuid() == 0) {
    run_as_ = "nobody";
    const passwd* pw = ::getpwnam(run_as_.c_str());
    if (!pw || ::chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0)
      throw std::runtime_error("running as root, and cannot hand " + dir_ + " to the user nobody");
  }
  const std::string data = dir_ + "/data";
  if (run(quoted(bindir_ + "/initdb") + " -D " + quoted(data) + " -A trust -U " + kUser +
          " -E UTF8 --locale=C --no-instructions") != 0)
    throw std::runtime_error("initdb failed:\n" + read_text(dir_ + "/setup.log"));
  start_again();
}

void PgTestServer::start_again() {
  const std::string data = dir_ + "/data";
  const std::string options = "-k " + dir_ + " -p " + std::to_string(kPort) +
                              " -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                              "-c full_page_writes=off";
  if (run(quoted(bindir_ + "/pg_ctl") + " -D " + quoted(data) + " -l " + quoted(dir_ + "/server.log") +
          " -o " + quoted(options) + " -w -t 120 start") != 0)
    throw std::runtime_error("pg_ctl start failed:\n" + read_text(dir_ + "/setup.log") +
                             read_text(dir_ + "/server.log"));
}

void PgTestServer::stop_immediately() {
  if (run(quoted(bindir_ + "/pg_ctl") + " -D " + quoted(dir_ + "/data") + " -m immediate -w stop") != 0)
    throw std::runtime_error("pg_ctl stop failed:\n" + read_text(dir_ + "/setup.log"));
}

PgTestServer::~PgTestServer() {
  if (dir_.empty()) return;
  run(quoted(bindir_ + "/pg_ctl") + " -D " + quoted(dir_ + "/data") + " -m immediate -w stop");
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string PgTestServer::conninfo(const std::string& dbname) const {
  return "host=" + dir_ + " port=" + std::to_string(kPort) + " user=" + kUser + " dbname=" + dbname;
}

std::string PgTestServer::new_database() {
  const std::string name = "test_" + std::to_string(::getpid()) + "_" + std::to_string(++databases_);
  auto conn = db::PgConnection::connect(conninfo("postgres"));
  if (!conn) throw std::runtime_error("cannot reach the test server: " + conn.error().message);
  auto made = conn->exec("CREATE DATABASE " + conn->quote_identifier(name));
  if (!made) throw std::runtime_error("CREATE DATABASE failed: " + made.error().message);
  return conninfo(name);
}

}  // namespace indtrack::test
