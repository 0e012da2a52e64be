#include "cli/cli.h"

#include <cerrno>
#include <cstring>
#include <ostream>

#include "chart_kinds/chart_kinds.h"
#include "cli/extract_command.h"
#include "cli/fd_output.h"

namespace indtrack {

std::string top_level_help() {
  return std::string("indtrack ") + INDTRACK_VERSION +
         R"( — tracker for Wuhai's BDO-chain and new-energy / new-material projects

Usage:
  indtrack [FILE | --data FILE] [--reset-settings]
        Open the dashboard on FILE. Without a file it opens the bundled Wuhai dataset;
        --reset-settings forgets the window layout, language, theme, filters and recent files.
  indtrack validate FILE... | --db CONNINFO
        Check dataset files and print every problem as FILE:LINE:COL: error|warning: PATH: message.
  indtrack list [--data FILE | --db CONNINFO] [filters] [--format table|csv|json] [--lang zh|en]
        The projects that pass the filters, with status, capacity and investment.
  indtrack format FILE
        Rewrite a dataset in canonical form (stable order; keeps FILE.bak).
  indtrack extract FILE... [--article-date YYYY-MM-DD] [--data FILE] [--format json|table]
        Propose facts (capacity, investment, dates) found in article texts, each with its quote.
  indtrack screenshot --out FILE.png [--width W] [--height H] [--scale S] [--lang zh|en]
                     [--theme dark|light] [--data FILE] [--select PROJECT_ID] [filters]
        Render the dashboard offscreen (no display needed) to a PNG.
  indtrack export --chart )" +
         chart_kind_ids("|") + R"( --out FILE.png|.pdf|.svg|.csv
                 [--data FILE] [filters] [--width W] [--height H] [--scale S] [--lang zh|en]
                 [--theme light|dark] [--title T] [--subtitle T]
        One chart as a report-ready PNG, PDF or SVG, or the CSV of its numbers (no GPU, no display).
  indtrack report --out DIR [--format pack|pdf] [--data FILE] [filters] [--lang zh|en] [--theme light|dark]
        Every chart as PNG and SVG, the project table as CSV, index.html and README.md;
        or one PDF with a title page, every chart and the project table.
  indtrack db init|migrate|import|export|history|revert|status|member|members|watch [--db CONNINFO]
        A team's shared dataset on a PostgreSQL server (docs/database.md); list, validate,
        export and report read it with --db CONNINFO instead of --data FILE.

Run `indtrack VERB --help` for a verb's options and examples.

Examples:
  indtrack list --product BDO --as-of 2023-12-31
  indtrack list --district 海南区 --status construction --format csv > 在建.csv
  indtrack validate data/wuhai.json
  indtrack export --chart capacity --out bdo.png --product BDO --as-of 2024-10-31
  indtrack report --out report --district 海南区

)" + R"(Data: docs/data-format.md describes the dataset; every figure carries its source and quote.
)";
}

namespace {

std::optional<int> run_verb(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const std::string& verb = args[0];
  if (verb == "--help" || verb == "-h" || verb == "help") {
    out << top_level_help();
    return kExitOk;
  }
  if (verb == "--version") {
    out << "indtrack " << INDTRACK_VERSION << "\n";
    return kExitOk;
  }
  if (verb == "validate") return run_validate_command(args, out, err);
  if (verb == "list") return run_list_command(args, out, err);
  if (verb == "format") return run_format_command(args, out, err);
  if (verb == "extract") return run_extract_command(args, out, err);
  if (verb == "db") return run_db_command(args, out, err);
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (verb == "export") return run_export_command(rest);
  if (verb == "report") return run_report_command(rest);
  return std::nullopt;
}

}  // namespace

std::optional<int> run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) return std::nullopt;
  const std::optional<int> code = run_verb(args, out, err);
  if (!code) return code;
  // Output that could not be written (a full disk behind `> out.csv`, a closed stdout) must not
  // look like success: the user would keep a truncated file.
  errno = 0;
  out.flush();
  if (!out) {
    // The write that failed may be long past (a flush on a failed stream writes nothing):
    // FdOutput kept its errno.
    const int why = output_error(out) != 0 ? output_error(out) : errno;
    err << "indtrack " << args[0] << ": cannot write the output"
        << (why ? std::string(": ") + std::strerror(why) : std::string()) << "\n";
    return kExitFailure;
  }
  return code;
}

}  // namespace indtrack
