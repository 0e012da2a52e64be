// indtrack format FILE — rewrite a valid dataset in canonical form, atomically, keeping FILE.bak.
#include <ostream>

#include "cli/cli.h"
#include "io/dataset_io.h"
#include "io/file_io.h"
#include "io/file_lock.h"

namespace indtrack {

static const char* kFormatHelp = R"(Usage: indtrack format FILE [--check]

Rewrites a valid dataset in the canonical form described in docs/data-format.md ("Saving"):
documented field order, defaults omitted, 2-space indentation, UTF-8 unescaped. The write is
atomic and the previous file is kept as FILE.bak. A file with errors is not touched. It takes
the lock the dashboard takes (FILE.lock): a file open for editing in indtrack is not rewritten
under it, and a file another program changes while it is being formatted is left alone.

  --check   change nothing; exit 1 if FILE is not in canonical form

Example:
  indtrack format data/wuhai.json
)";

int run_format_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string file;
  bool check_only = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      out << kFormatHelp;
      return kExitOk;
    }
    if (args[i] == "--check") {
      check_only = true;
    } else if (args[i].rfind("--", 0) == 0 || !file.empty()) {
      err << "indtrack format: unexpected argument " << args[i] << "\n\n" << kFormatHelp;
      return kExitUsage;
    } else {
      file = args[i];
    }
  }
  if (file.empty()) {
    err << "indtrack format: no FILE given\n\n" << kFormatHelp;
    return kExitUsage;
  }
  // The dashboard's lock: never rewrite a file someone is editing (their save would then
  // overwrite this, or this their edits).
  FileLock lock;
  if (!check_only) {
    const FileLock::Result held = lock.acquire(file);
    if (held.outcome == FileLock::Outcome::HeldByOther) {
      err << "indtrack format: " << file << " is open for editing in indtrack (process "
          << (held.holder.pid > 0 ? std::to_string(held.holder.pid) : "?") << " on "
          << (held.holder.host.empty() ? "?" : held.holder.host)
          << "); save and close it there first. Not changed.\n";
      return kExitFailure;
    }
  }
  const std::optional<FileStamp> read_stamp = stamp_of(file);
  const ReadFileResult original = read_whole_file(file);
  const LoadResult r = load_dataset(file);
  for (const Problem& p : r.problems)
    if (p.severity == Problem::Severity::Error) err << p.format() << "\n";
  if (!r.ok()) {
    err << file << ": not changed (fix the errors first)\n";
    return kExitFailure;
  }
  const std::string canonical = serialize_dataset(*r.dataset);
  std::string_view before = original.content;
  if (before.substr(0, 3) == "\xEF\xBB\xBF") before.remove_prefix(3);
  if (before == canonical) {
    err << file << ": already in canonical form\n";
    return kExitOk;
  }
  if (check_only) {
    err << file << ": not in canonical form (run indtrack format " << file << ")\n";
    return kExitFailure;
  }
  if (stamp_of(file) != read_stamp) {  // another program wrote it meanwhile
    err << "indtrack format: " << file
        << " changed while it was being formatted; not changed (run it again)\n";
    return kExitFailure;
  }
  const SaveResult saved = save_dataset(*r.dataset, file);
  if (!saved.ok) {
    err << saved.error << "\n";
    return kExitFailure;
  }
  err << file << ": rewritten in canonical form (previous version in " << file << ".bak)\n";
  return kExitOk;
}

}  // namespace indtrack
