// indtrack extract — article text in, candidate facts out (JSON on stdout, or a table).
#include "cli/extract_command.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <ostream>

#include "cli/cli.h"
#include "cli/cli_args.h"
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

Text must be UTF-8; traditional characters are read (converted to simplified internally, with
offsets and quotes still those of the file). UTF-16 or UTF-32 files, binary data and legacy
encodings such as GBK are refused with the reason: re-save them as UTF-8 (iconv).

Exit status: 0 ok, 1 a file could not be read or is not UTF-8 text (the other files are still
read), 2 usage error.

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

// Invalid UTF-8 sequences (and control bytes other than tab and line breaks) in more than this
// share of the bytes: not UTF-8 text at all (GBK, binary), rather than a few damaged bytes.
constexpr double kMaxInvalidShare = 0.01;

// Why `text` cannot be read as an article, or "" when it can. UTF-16 is refused, not converted:
// every quote must be a byte span of the file as it is (re-save it as UTF-8 instead).
std::string not_text_reason(std::string_view text) {
  if (text.starts_with(std::string_view("\xFF\xFE\x00\x00", 4)) ||
      text.starts_with(std::string_view("\x00\x00\xFE\xFF", 4)))
    return "is UTF-32 (byte-order mark); indtrack reads UTF-8: convert it first, e.g. iconv -f UTF-32 -t "
           "UTF-8";
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
    return "is UTF-16 (byte-order mark); indtrack reads UTF-8: convert it first, e.g. iconv -f UTF-16 -t "
           "UTF-8";
  // UTF-16 without a mark: NUL in most even or most odd bytes of the start.
  const std::string_view head = text.substr(0, 4096);
  std::size_t even_nul = 0, odd_nul = 0;
  for (std::size_t i = 0; i < head.size(); ++i) (i % 2 ? odd_nul : even_nul) += head[i] == '\0';
  if (head.size() >= 16 && std::max(even_nul, odd_nul) * 4 >= head.size() &&
      std::min(even_nul, odd_nul) * 16 < head.size())
    return "looks like UTF-16 without a byte-order mark (NUL in every other byte); indtrack reads UTF-8: "
           "convert it first, e.g. iconv -f UTF-16LE -t UTF-8";
  std::size_t invalid = 0, first_bad = std::string_view::npos;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    const bool bad = (cp == 0xFFFD && pos - start == 1) ||
                     (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f') || cp == 0x7F;
    if (!bad) continue;
    if (first_bad == std::string_view::npos) first_bad = start;
    ++invalid;
  }
  if (invalid > 0 && (text.find('\0') != std::string_view::npos ||
                      static_cast<double>(invalid) > kMaxInvalidShare * static_cast<double>(text.size()))) {
    const TextPosition at = position_of_offset(text, first_bad);
    return "is not UTF-8 text (binary data, or a legacy encoding such as GBK): " + std::to_string(invalid) +
           " invalid or control bytes, the first at line " + std::to_string(at.line) + ", column " +
           std::to_string(at.column) + "; re-save it as UTF-8";
  }
  return "";
}

// A few invalid bytes in otherwise good text: read the rest, but say where.
void warn_about_invalid_bytes(const std::string& file, std::string_view text, std::ostream& err) {
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
    std::string error;
    if (option_value(args, i, "--data", data_path, error)) {
      if (!error.empty()) return usage(error);
      continue;
    }
    if (a == "--article-date" || a == "--format") {
      if (i + 1 >= args.size()) return usage(a + " needs a value");
      const std::string& value = args[++i];
      if (a == "--article-date") {
        const DateParseResult d = parse_date(value);
        if (!d.date) return usage("--article-date: " + d.error);
        article_date = d.date;
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
  // Facts are written as they are found: memory stays proportional to the input, not to the
  // number of facts (a number-dense 10 MB article has hundreds of thousands).
  std::optional<FactJsonWriter> json;
  if (format == "json") json.emplace(out);
  for (const std::string& file : files) {
    // Regular files only: a FIFO would block and /dev/zero would never end. 1 GiB at most.
    const ReadFileResult read = read_whole_file(file);
    if (!read.ok) {
      err << "indtrack extract: cannot read " << file << ": " << read.error << "\n";
      status = kExitFailure;
      continue;
    }
    const std::string& text = read.content;
    if (const std::string reason = not_text_reason(text); !reason.empty()) {
      err << "indtrack extract: " << file << " " << reason << "\n";
      status = kExitFailure;
      continue;
    }
    warn_about_invalid_bytes(file, text, err);
    std::optional<Date> date = article_date;
    if (!date && data) date = source_date_of(*data, file);
    if (!date)
      err << file << ": no article date (--article-date): dates without a written year are left out\n";
    if (json) {
      extract_facts(text, date, dictionary, [&](ExtractedFact&& f) { json->add(f, file); });
    } else {
      FactTableWriter table(out, file);
      extract_facts(text, date, dictionary, [&](ExtractedFact&& f) { table.add(f); });
      table.finish();
    }
  }
  if (json) json->finish();
  return status;
}

}  // namespace indtrack
