// indtrack db — a team's shared dataset on a PostgreSQL server: set it up, import and export,
// members and roles, history and revert, and watch changes arrive (docs/database.md).
#include <algorithm>
#include <ostream>

#include "cli/cli.h"
#include "cli/command_support.h"
#include "db/conninfo.h"
#include "db/db_load.h"
#include "db/pg_dataset_store.h"
#include "db/pg_store.h"
#include "db/schema.h"
#include "io/dataset_io.h"
#include "store/json_file_store.h"

namespace indtrack {
namespace {

const char* kDbHelp = R"(Usage: indtrack db VERB [--db CONNINFO] ...

A team's shared dataset on a PostgreSQL server (docs/database.md). CONNINFO is a libpq
connection string or URI; what it leaves out comes from the PG* environment variables and
~/.pg_service.conf, a password only from ~/.pgpass (or PGPASSFILE) — never from indtrack.
Without --db, everything comes from the environment (PGHOST, PGDATABASE, PGUSER, PGSERVICE ...).

Setting up (an administrator):
  db init                 create the schema, the roles indtrack_reader, indtrack_curator,
                          indtrack_admin, and make you an administrator
  db migrate              bring the schema to this indtrack's version (kept in the database)
  db import FILE          load a dataset file and its article texts [--replace an existing one]
  db member USER ROLE     make USER (created if new, without a password) a reader, curator or
                          administrator; set passwords with psql's \password
  db members              who may do what

Everyone:
  db status               the schema version, the dataset's size, your role and rights
  db export FILE          write the dataset (and its article texts beside it) as a file,
                          byte-identical to `indtrack format` of what was imported
  db history [PROJECT]    changes, newest first: who, when, what, from which source
                          [--kind project|source|company|... with an id] [--limit N, default 20]
  db revert CHANGE        undo a change as a new change (refused for records changed since)
  db watch [--count N]    print changes as others commit them (LISTEN/NOTIFY)

Examples:
  indtrack db init --db "host=db.example dbname=wuhai user=admin"
  indtrack db import data/wuhai.json --db "host=db.example dbname=wuhai user=admin"
  indtrack db member alice curator --db "host=db.example dbname=wuhai user=admin"
  indtrack --db "postgresql://alice@db.example/wuhai"        the dashboard on the shared data
  indtrack db history huaheng-bdo --db postgresql://alice@db.example/wuhai
)";

constexpr const char* kEnvironmentConninfo = "postgresql://";  // everything from PG* variables

struct Args {
  std::string verb;
  std::vector<std::string> positional;
  std::string conninfo = kEnvironmentConninfo;
  bool replace = false;
  std::string kind = "project";
  int limit = 20;
  int count = 0;  // watch: stop after N changes (0: until interrupted)
};

bool parse_int(const std::string& text, int& out) {
  if (text.empty() || text.size() > 9 || !std::all_of(text.begin(), text.end(), ::isdigit)) return false;
  out = std::stoi(text);
  return true;
}

int usage(std::ostream& err, const std::string& message) {
  err << "indtrack db: " << message << "\n\nRun `indtrack db --help` for the verbs and examples.\n";
  return kExitUsage;
}

int fail(std::ostream& err, const Error& e) {
  err << "indtrack db: " << e.message << "\n";
  return e.kind == Error::Kind::Invalid && e.message.find("--db") != std::string::npos ? kExitUsage
                                                                                       : kExitFailure;
}

Result<db::PgConnection> connect(const Args& a) { return db::PgConnection::connect(a.conninfo); }

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// ---- verbs ----

int run_init(const Args& a, std::ostream& out, std::ostream& err) {
  auto conn = connect(a);
  if (!conn) return fail(err, conn.error());
  auto report = db::init_database(*conn);
  if (!report) return fail(err, report.error());
  out << "initialised " << conn->database() << " at schema version " << report->version;
  if (!report->roles_created.empty()) {
    out << "; created the roles";
    for (const std::string& r : report->roles_created) out << " " << r;
  }
  out << "; " << conn->user() << " is an administrator\n"
      << "next: indtrack db import FILE, then indtrack db member USER curator|reader\n";
  return kExitOk;
}

int run_migrate(const Args& a, std::ostream& out, std::ostream& err) {
  auto conn = connect(a);
  if (!conn) return fail(err, conn.error());
  auto report = db::migrate_database(*conn);
  if (!report) return fail(err, report.error());
  if (report->applied.empty()) {
    out << conn->database() << " is at schema version " << report->to << " already\n";
    return kExitOk;
  }
  out << "migrated " << conn->database() << " from schema version " << report->from << " to " << report->to
      << ":\n";
  for (const std::string& m : report->applied) out << "  " << m << "\n";
  return kExitOk;
}

int run_import(const Args& a, std::ostream& out, std::ostream& err) {
  if (a.positional.size() != 1) return usage(err, "import takes one FILE");
  const std::string& file = a.positional[0];
  JsonFileStore from(file);
  auto to = db::PgDatasetStore::open(a.conninfo);
  if (!to) return fail(err, to.error());
  StoreWriteOptions options;
  options.label = "import " + file;
  options.replace_existing = a.replace;
  auto copied = copy_dataset(from, **to, options);
  if (!copied) return fail(err, copied.error());
  out << "imported " << file << " into " << (*to)->connection().database() << " as change #"
      << (*to)->last_change() << ": " << plural(copied->projects, "project") << ", "
      << plural(copied->sources, "source") << ", " << plural(copied->article_texts, "article text") << "\n";
  return kExitOk;
}

int run_export(const Args& a, std::ostream& out, std::ostream& err) {
  if (a.positional.size() != 1) return usage(err, "export takes one FILE");
  const std::string& file = a.positional[0];
  auto from = db::PgDatasetStore::open(a.conninfo);
  if (!from) return fail(err, from.error());
  JsonFileStore to(file);
  auto copied = copy_dataset(**from, to, StoreWriteOptions{});
  if (!copied) return fail(err, copied.error());
  out << "exported " << (*from)->connection().database() << " (up to change #" << (*from)->last_change()
      << ") to " << file << ": " << plural(copied->projects, "project") << ", "
      << plural(copied->article_texts, "article text") << "\n";
  return kExitOk;
}

void print_change(std::ostream& out, const db::ChangeEntry& c, bool details) {
  out << "#" << c.id << "  " << c.at << "  " << c.author << "  " << c.label << "\n";
  if (c.whole_dataset) out << "    the whole dataset (import)\n";
  for (const db::ChangeRecord& r : c.records) {
    out << "    " << db::describe(r.key);
    if (!details) {
      out << "\n";
      continue;
    }
    const std::vector<std::string> what = db::describe_differences(r.before, r.after);
    if (what.size() == 1 && (what[0] == "created" || what[0] == "deleted")) {
      out << ": " << what[0] << "\n";
    } else {
      out << ":\n";
      for (const std::string& line : what) out << "      " << line << "\n";
    }
    if (!r.sources.empty()) {
      out << "      from";
      for (const std::string& s : r.sources) out << " " << s;
      out << "\n";
    }
  }
}

int run_history(const Args& a, std::ostream& out, std::ostream& err) {
  if (a.positional.size() > 1) return usage(err, "history takes at most one record id");
  std::optional<db::RecordKey> record;
  if (!a.positional.empty()) {
    const auto kind = db::kind_from_name(a.kind);
    if (!kind || *kind == db::RecordKind::Dataset)
      return usage(err, "unknown --kind \"" + a.kind +
                            "\" (one of: source, district, park, industry, product, company, project, "
                            "aggregate)");
    record = db::RecordKey{*kind, a.positional[0]};
  }
  auto conn = connect(a);
  if (!conn) return fail(err, conn.error());
  if (auto r = db::require_current_schema(*conn); !r) return fail(err, r.error());
  auto changes = db::history(*conn, record, a.limit);
  if (!changes) return fail(err, changes.error());
  if (changes->empty()) {
    out << (record ? "no changes to " + db::describe(*record) : std::string("no changes yet")) << "\n";
    return kExitOk;
  }
  for (const db::ChangeEntry& c : *changes) print_change(out, c, true);
  return kExitOk;
}

int run_revert(const Args& a, std::ostream& out, std::ostream& err) {
  int change = 0;
  if (a.positional.size() != 1 ||
      !parse_int(a.positional[0].substr(a.positional[0][0] == '#' ? 1 : 0), change))
    return usage(err, "revert takes one change number (see indtrack db history)");
  auto conn = connect(a);
  if (!conn) return fail(err, conn.error());
  if (auto r = db::require_current_schema(*conn); !r) return fail(err, r.error());
  auto receipt = db::revert_change(*conn, change, db::new_request_id());
  if (!receipt) return fail(err, receipt.error());
  if (!receipt->conflicts.empty()) {
    err << "indtrack db: change #" << change << " was not reverted:\n";
    for (const db::Conflict& c : receipt->conflicts) err << "  " << c.reason << "\n";
    err << "revert the later changes first (newest first), or edit the records by hand\n";
    return kExitFailure;
  }
  out << "reverted change #" << change << " as change #" << receipt->change_id << "\n";
  return kExitOk;
}

int run_status(const Args& a, std::ostream& out, std::ostream& err) {
  auto conn = connect(a);
  if (!conn) return fail(err, conn.error());
  auto version = db::schema_version(*conn);
  if (!version) return fail(err, version.error());
  out << "database     " << conn->describe() << "\n";
  out << "schema       version " << *version << " (this indtrack: " << db::program_schema_version() << ")\n";
  if (*version == 0) {
    out << "             not initialised: indtrack db init\n";
    return kExitOk;
  }
  auto rights = db::privileges(*conn);
  if (!rights) return fail(err, rights.error());
  out << "you          " << rights->user << ": "
      << (rights->administer ? "administrator"
          : rights->curate   ? "curator"
          : rights->read     ? "reader"
                             : "no rights (ask an administrator: indtrack db member USER reader)")
      << "\n";
  if (!rights->read) return kExitOk;
  auto counts = conn->exec(
      "SELECT (SELECT count(*) FROM indtrack.projects), (SELECT count(*) FROM indtrack.units), "
      "(SELECT count(*) FROM indtrack.sources), (SELECT count(*) FROM indtrack.changes), "
      "(SELECT coalesce(max(id), 0) FROM indtrack.changes), (SELECT count(*) FROM indtrack.dataset)");
  if (!counts) return fail(err, counts.error());
  if (counts->integer(0, 5) == 0) {
    out << "dataset      none yet: indtrack db import FILE\n";
    return kExitOk;
  }
  out << "dataset      " << plural(counts->integer(0, 0), "project") << ", "
      << plural(counts->integer(0, 1), "production line") << ", " << plural(counts->integer(0, 2), "source")
      << "\nhistory      " << plural(counts->integer(0, 3), "change") << ", the newest #"
      << counts->integer(0, 4) << "\n";
  return kExitOk;
}

int run_member(const Args& a, std::ostream& out, std::ostream& err) {
  if (a.positional.size() != 2)
    return usage(err, "member takes USER and ROLE (reader, curator, administrator)");
  auto conn = connect(a);
  if (!conn) return fail(err, conn.error());
  if (auto r = db::grant_member(*conn, a.positional[0], a.positional[1]); !r) return fail(err, r.error());
  out << a.positional[0] << " is now " << (a.positional[1] == "administrator" ? "an " : "a ")
      << a.positional[1] << " of " << conn->database() << "\n";
  return kExitOk;
}

int run_members(const Args& a, std::ostream& out, std::ostream& err) {
  auto conn = connect(a);
  if (!conn) return fail(err, conn.error());
  auto members = db::list_members(*conn);
  if (!members) return fail(err, members.error());
  if (members->empty()) out << "no members yet: indtrack db member USER ROLE\n";
  for (const db::Member& m : *members) out << m.user << "\t" << m.role << "\n";
  return kExitOk;
}

int run_watch(const Args& a, std::ostream& out, std::ostream& err) {
  auto conn = connect(a);
  if (!conn) return fail(err, conn.error());
  if (auto r = db::require_current_schema(*conn); !r) return fail(err, r.error());
  if (auto r = conn->listen(db::kChangesChannel); !r) return fail(err, r.error());
  auto start = conn->exec("SELECT coalesce(max(id), 0) FROM indtrack.changes");
  if (!start) return fail(err, start.error());
  std::int64_t seen = start->integer(0, 0);
  out << "watching " << conn->database() << " from change #" << seen << " (Ctrl+C to stop)" << std::endl;
  int shown = 0;
  while (a.count == 0 || shown < a.count) {
    conn->wait_for_input(1000);
    auto notes = conn->poll_notifications();
    if (!notes) return fail(err, notes.error());
    if (notes->empty()) continue;
    auto changes = db::changes_since(*conn, seen, false);
    if (!changes) return fail(err, changes.error());
    for (const db::ChangeEntry& c : *changes) {
      print_change(out, c, false);
      out.flush();
      seen = c.id;
      ++shown;
    }
  }
  return kExitOk;
}

}  // namespace

int run_db_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Args a;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return true;
    };
    std::string number;
    if (arg == "--help" || arg == "-h") {
      out << kDbHelp;
      return kExitOk;
    } else if (arg == "--db") {
      if (!value(a.conninfo)) return usage(err, "--db needs a connection string");
      if (auto r = db::check_conninfo(a.conninfo); !r) return usage(err, r.error().message);
    } else if (arg == "--replace") {
      a.replace = true;
    } else if (arg == "--kind") {
      if (!value(a.kind)) return usage(err, "--kind needs a record kind");
    } else if (arg == "--limit") {
      if (!value(number) || !parse_int(number, a.limit) || a.limit < 1)
        return usage(err, "--limit needs a positive number");
    } else if (arg == "--count") {
      if (!value(number) || !parse_int(number, a.count)) return usage(err, "--count needs a number");
    } else if (arg.rfind("--", 0) == 0) {
      return usage(err, "unknown option " + arg);
    } else if (a.verb.empty()) {
      a.verb = arg;
    } else {
      a.positional.push_back(arg);
    }
  }
  if (a.verb.empty()) {
    err << kDbHelp;
    return kExitUsage;
  }
  if (a.verb == "init") return run_init(a, out, err);
  if (a.verb == "migrate") return run_migrate(a, out, err);
  if (a.verb == "import") return run_import(a, out, err);
  if (a.verb == "export") return run_export(a, out, err);
  if (a.verb == "history") return run_history(a, out, err);
  if (a.verb == "revert") return run_revert(a, out, err);
  if (a.verb == "status") return run_status(a, out, err);
  if (a.verb == "member") return run_member(a, out, err);
  if (a.verb == "members") return run_members(a, out, err);
  if (a.verb == "watch") return run_watch(a, out, err);
  return usage(err, "unknown verb \"" + a.verb + "\"");
}

}  // namespace indtrack
