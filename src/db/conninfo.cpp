// check_conninfo and redacted_conninfo (conninfo.h) through libpq's own parser.
#include "db/conninfo.h"

#include <cstdlib>
#include <memory>

#include <libpq-fe.h>

namespace indtrack::db {
namespace {

struct FreeOptions {
  void operator()(PQconninfoOption* o) const { PQconninfoFree(o); }
};
using Options = std::unique_ptr<PQconninfoOption, FreeOptions>;

Options parse(const std::string& conninfo, std::string& error) {
  char* message = nullptr;
  Options options(PQconninfoParse(conninfo.c_str(), &message));
  if (message) {
    error = message;
    while (!error.empty() && (error.back() == '\n' || error.back() == ' ')) error.pop_back();
    PQfreemem(message);
  }
  return options;
}

}  // namespace

Result<Done> check_conninfo(const std::string& conninfo) {
  if (conninfo.empty())
    return Error::of(Error::Kind::Invalid,
                     "--db needs a connection string, e.g. \"host=/run/postgresql dbname=wuhai\" or "
                     "postgresql://server/wuhai (postgresql:// alone takes everything from the PG* "
                     "environment variables)");
  std::string error;
  const Options options = parse(conninfo, error);
  if (!options)
    return Error::of(Error::Kind::Invalid, "cannot read the connection string: " +
                                               (error.empty() ? std::string("out of memory") : error));
  for (const PQconninfoOption* o = options.get(); o->keyword; ++o)
    if (std::string_view(o->keyword) == "password" && o->val && *o->val)
      return Error::of(Error::Kind::Invalid,
                       "the connection string holds a password: indtrack takes passwords only from "
                       "~/.pgpass or the file PGPASSFILE names (host:port:database:user:password, "
                       "chmod 600), so that none is kept in settings or shell history");
  if (const char* p = std::getenv("PGPASSWORD"); p && *p)
    return Error::of(Error::Kind::Invalid,
                     "PGPASSWORD is set: indtrack takes passwords only from ~/.pgpass or the file "
                     "PGPASSFILE names (other users can read a process's environment); unset it");
  return done();
}

std::string redacted_conninfo(const std::string& conninfo) {
  std::string error;
  const Options options = parse(conninfo, error);
  if (!options) return "(unreadable connection string)";
  bool has_password = false;
  for (const PQconninfoOption* o = options.get(); o->keyword; ++o)
    has_password |= std::string_view(o->keyword) == "password" && o->val && *o->val;
  if (!has_password) return conninfo;
  // Rebuilt as keyword=value pairs without the password (a URI would need its own re-encoding).
  std::string out;
  for (const PQconninfoOption* o = options.get(); o->keyword; ++o) {
    if (!o->val || !*o->val || std::string_view(o->keyword) == "password") continue;
    if (!out.empty()) out += ' ';
    out += o->keyword;
    out += "='";
    for (const char* c = o->val; *c; ++c) {
      if (*c == '\'' || *c == '\\') out += '\\';
      out += *c;
    }
    out += '\'';
  }
  return out;
}

}  // namespace indtrack::db
