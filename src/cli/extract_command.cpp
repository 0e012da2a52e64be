// indtrack extract — article text in, candidate facts out (JSON on stdout, or a table).
#include "cli/extract_command.h"

#include <filesystem>
#include <optional>
#include <ostream>

#include "cli/cli.h"
#include "core/text.h"
#include "extract/extractor.h"
#include "extract/fact_output.h"
#include "io/dataset_io.h"
#include "io/file_io.h"

namespace indtrack {

static const char* kExtractHelp =
    R"(Usage: indtrack extract FILE... [--article-date YYYY-MM-DD] [--data FILE] [--format json|table]

Reads UTF-8 article texts and proposes the facts they state, each with the sentence it came from:
  capacity     number + unit + product (10.4万吨/年 BDO, 120万千瓦 光伏), in t/a, kW, kWh/a or Nm3/h
  investment   总投资 / 计划投资 (scope total) or 完成投资 / 已完成投资 (scope completed), in yuan
  date         a milestone (signed, construction_start, mechanical_completion, trial_production,
               commissioning, full_production, completion) with its date as precise as written,
               and whether it is expected (预计, 力争, 将 …) or happened (已, 顺利 …)
"start" and "end" are byte offsets of the quote in the file; the quote is exactly those bytes.

Options:
  --article-date DATE  publication date (YYYY-MM-DD, or YYYY-MM / YYYY when that is all that is
                       known): gives "4月", "年底" and "今年" their year. Without it, and when
                       --data names no source with this file, such dates are left out.
  --data FILE          a dataset whose product, company, project, park and district names and
                       aliases are recognised (and whose article sources supply the date of a file
                       they list).
  --format json|table  json (default): {"facts":[...]} on stdout; table: one line per fact.

Exit status: 0 ok, 1 a file could not be read, 2 usage error.

Example:
  indtrack extract data/sources/whrb-2023-01-26.txt --article-date 2023-01-26 --format table
)";

namespace {

// The publication date of `file` when the dataset lists it as an article source.
std::optional<Date> source_date_of(const Dataset& data, const std::string& file) {
  const std::string name = std::filesystem::path(file).filename().string();
  for (const Source& s : data.sources)
    if (!s.file.empty() && std::filesystem::path(s.file).filename().string() == name) return s.date;
  return std::nullopt;
}

// An article that is not UTF-8 (GBK, UTF-16) otherwise yields no facts without a word.
void warn_about_encoding(const std::string& file, std::string_view text, std::ostream& err) {
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF" ||
      text.find('\0') != std::string_view::npos) {
    err << file << ": looks like UTF-16 or UTF-32 (byte-order mark or NUL bytes); indtrack reads UTF-8: "
        << "re-save it as UTF-8\n";
    return;
  }
  const std::size_t bad = find_invalid_utf8(text);
  if (bad == std::string_view::npos) return;
  const TextPosition pos = position_of_offset(text, bad);
  err << file << ":" << pos.line << ":" << pos.column
      << ": not valid UTF-8 (GBK or another legacy encoding?); "
      << "the invalid bytes are skipped: re-save it as UTF-8\n";
}

}  // namespace

int run_extract_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::vector<std::string> files;
  std::optional<Date> article_date;
  std::string data_path;
  std::string format = "json";
  auto usage = [&](const std::string& message) {
    err << "indtrack extract: " << message << "\n\n" << kExtractHelp;
    return kExitUsage;
  };
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      out << kExtractHelp;
      return kExitOk;
    }
    if (a == "--article-date" || a == "--data" || a == "--format") {
      if (i + 1 >= args.size()) return usage(a + " needs a value");
      const std::string& value = args[++i];
      if (a == "--article-date") {
        const DateParseResult d = parse_date(value);
        if (!d.date) return usage("--article-date: " + d.error);
        article_date = d.date;
      } else if (a == "--data") {
        data_path = value;
      } else {
        if (value != "json" && value != "table") return usage("--format must be json or table, not " + value);
        format = value;
      }
      continue;
    }
    if (a.size() > 1 && a[0] == '-') return usage("unknown option " + a);
    files.push_back(a);
  }
  if (files.empty()) return usage("no FILE given");

  std::optional<Dataset> data;
  if (!data_path.empty()) {
    LoadOptions options;
    options.check_quotes = false;  // a dictionary needs names, not verified quotes
    LoadResult r = load_dataset(data_path, options);
    if (!r.ok()) {
      for (const Problem& p : r.problems)
        if (p.severity == Problem::Severity::Error) err << p.format() << "\n";
      err << "indtrack extract: cannot use " << data_path << " as a dictionary\n";
      return kExitFailure;
    }
    data = std::move(r.dataset);
  }
  const ExtractionDictionary dictionary = data ? ExtractionDictionary(*data) : ExtractionDictionary();

  int status = kExitOk;
  std::vector<FileFacts> results;
  for (const std::string& file : files) {
    // Regular files only: a FIFO would block and /dev/zero would never end. 1 GiB at most.
    const ReadFileResult read = read_whole_file(file);
    if (!read.ok) {
      err << "indtrack extract: cannot read " << file << ": " << read.error << "\n";
      status = kExitFailure;
      continue;
    }
    const std::string& text = read.content;
    warn_about_encoding(file, text, err);
    std::optional<Date> date = article_date;
    if (!date && data) date = source_date_of(*data, file);
    if (!date)
      err << file << ": no article date (--article-date): dates without a written year are left out\n";
    results.push_back({file, extract_facts(text, date, dictionary).facts});
  }
  if (format == "table")
    write_fact_table(out, results);
  else
    out << facts_to_json(results);
  return status;
}

}  // namespace indtrack
