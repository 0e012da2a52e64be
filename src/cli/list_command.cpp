// indtrack list — the projects that pass the filters, as an aligned table, CSV or JSON.
#include <algorithm>
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/cli_args.h"
#include "cli/command_support.h"
#include "core/text.h"
#include "query/dataset_index.h"
#include "query/project_summary.h"
#include "query/project_table.h"
#include "query/published_view.h"

namespace indtrack {
namespace {

const char* kListHelpHead =
    R"(Usage: indtrack list [--data FILE | --db CONNINFO] [filters] [--format table|csv|json] [--lang zh|en]

Lists the projects that pass the filters: company, district (* = inferred from the park,
? = sources conflict), park, status as of --as-of (default today), capacity per product
(designed, and operating at the as-of date), investment and the date of the newest report on
the project published by then; ‡ marks a project not yet operating with no report for two
years: possibly stalled, a flag, not a status a source states. With --product, capacities are
shown for the chosen products only. A project marked † cites excerpts of reports whose text
is not held: quoted as published, they cannot be checked offline. With --clock published every
column counts only what had been published by the as-of date (what a reader knew then).

  --data FILE      dataset to read (default: the bundled data/wuhai.json)
  --format F       table (default; long names shortened with …), csv (UTF-8, for spreadsheets) or
                   json (both give every value whole)
  --lang zh|en     language of table headings and names (default zh)
)";
const char* kListHelpTail = R"(
Examples:
  indtrack list --db "host=/run/postgresql dbname=wuhai" --status operating
  indtrack list --product BDO --format csv
  indtrack list --district 海南区 --status construction --as-of 2023-12-31
  indtrack list --company 君正 --format json
)";

void print_table(const std::vector<ProjectTableRow>& rows, bool english, const std::string& as_of,
                 Clock clock, std::ostream& out) {
  const std::vector<std::string> heads =
      english
          ? std::vector<std::string>{"Project",  "Company",   "District",           "Park",         "Status",
                                     "Capacity", "Operating", "Invest. (100M CNY)", "Latest report"}
          : std::vector<std::string>{"项目", "企业",       "区",           "园区",    "状态",
                                     "产能", "已投产产能", "总投资(亿元)", "最近报道"};
  auto cells = [](const ProjectTableRow& r) {
    std::string district = r.district;
    if (r.district_basis == "inferred_from_park" || r.district_basis == "inferred") district += "*";
    if (r.district_basis == "conflicting") district += "?";
    // Every cell bounded, so one long name cannot pad a whole column out to thousands of
    // characters; --format csv and json give the values whole.
    std::string name = shorten(r.name, 28);
    if (r.excerpt_only_quotes > 0) name += "†";
    return std::vector<std::string>{name,
                                    shorten(r.company, 24),
                                    shorten(district, 16),
                                    shorten(r.park, 24),
                                    shorten(r.status, 16) + (r.status_basis == "inferred" ? "~" : ""),
                                    shorten(r.capacity, 48),
                                    shorten(r.operating, 48),
                                    shorten(r.total_investment, 24),
                                    shorten(r.latest_report, 16) + (r.possibly_stalled ? "‡" : "")};
  };
  std::vector<int> widths(heads.size(), 0);
  for (std::size_t c = 0; c < heads.size(); ++c) widths[c] = display_width(heads[c]);
  for (const ProjectTableRow& r : rows) {
    const auto cs = cells(r);
    for (std::size_t c = 0; c < cs.size(); ++c) widths[c] = std::max(widths[c], display_width(cs[c]));
  }
  auto line = [&](const std::vector<std::string>& cs) {
    std::string text;
    for (std::size_t c = 0; c < cs.size(); ++c) {
      text += c + 1 < cs.size() ? pad_to_width(cs[c], widths[c]) : cs[c];
      if (c + 1 < cs.size()) text += "  ";
    }
    out << std::string(trim(text)) << "\n";
  };
  line(heads);
  for (const ProjectTableRow& r : rows) line(cells(r));
  out << "\n"
      << rows.size() << (english ? " projects, status as of " : " 个项目，状态截至 ") << as_of << "\n";
  if (clock == Clock::PublishedBy)
    out << (english ? "Only what had been published by then (--clock published).\n"
                    : "仅计当时已发布的报道（--clock published）。\n");
  out << (english ? "* district inferred from the park   ? sources conflict   † cites excerpts not checkable "
                    "offline (the report's text is not held)\n"
                  : "* 区由园区推断   ? 来源冲突   † 引用无法离线核对的摘录（未存报道全文）\n");
  if (std::any_of(rows.begin(), rows.end(),
                  [](const ProjectTableRow& r) { return r.status_basis == "inferred"; }))
    out << (english
                ? "~ status inferred, not stated by a source (the rule: docs/status.md; --format json gives "
                  "status_basis)\n"
                : "~ 状态为推断，并非来源直接所述（规则见 docs/status.md）\n");
  if (std::any_of(rows.begin(), rows.end(), [](const ProjectTableRow& r) { return r.possibly_stalled; }))
    out << "‡ " << possibly_stalled_rule_words(english) << '\n';
}

}  // namespace

int run_list_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string data_path, db, format = "table", lang = "zh";
  bool has_db = false;
  FilterArgs filter_args;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string error;
    if (a == "--help" || a == "-h") {
      out << kListHelpHead << db_option_help() << "\n" << filter_flags_help() << kListHelpTail;
      return kExitOk;
    }
    if (take_filter_flag(args, i, filter_args, error)) {
      if (!error.empty()) {
        err << "indtrack list: " << error << "\n";
        return kExitUsage;
      }
      continue;
    }
    if (option_value(args, i, "--db", db, error)) {
      has_db = true;
      if (!error.empty()) {
        err << "indtrack list: " << error << "\n";
        return kExitUsage;
      }
      continue;
    }
    if (option_value(args, i, "--data", data_path, error) ||
        option_value(args, i, "--format", format, error) || option_value(args, i, "--lang", lang, error)) {
      if (!error.empty()) {
        err << "indtrack list: " << error << "\n";
        return kExitUsage;
      }
      continue;
    }
    err << "indtrack list: unknown option " << a << " (see indtrack list --help)\n";
    return kExitUsage;
  }
  if (format != "table" && format != "csv" && format != "json") {
    err << "indtrack list: --format must be table, csv or json, not \"" << format << "\"\n";
    return kExitUsage;
  }
  if (lang != "zh" && lang != "en") {
    err << "indtrack list: --lang must be zh or en, not \"" << lang << "\"\n";
    return kExitUsage;
  }
  const DataLocation where{data_path, has_db ? std::optional<std::string>(db) : std::nullopt};
  if (const std::string bad = check_data_location(where); !bad.empty()) {
    err << "indtrack list: " << bad << "\n";
    return kExitUsage;
  }
  auto loaded = load_dataset_for_command("list", where, err);
  if (!loaded) return kExitFailure;
  const ResolveResult resolved = resolve_filter(*loaded, filter_args);
  if (!resolved.spec) {
    err << "indtrack list: " << resolved.error << "\n";
    return kExitUsage;
  }
  const FilterSpec& spec = *resolved.spec;
  const Dataset& data = park_until_exit(for_clock(std::move(*loaded), spec));
  const bool english = lang == "en";
  const DayNumber as_of = as_of_day(spec);
  const std::string as_of_text = Date::from_days(as_of).to_string();

  std::vector<ProjectTableRow> rows;
  const DatasetIndex index(data);  // derived once for the filter and every row's summary
  for (int project : filter_projects(index, spec))
    rows.push_back(project_table_row(data, summarize_project(index, project, as_of), spec, english));

  if (format == "table") {
    print_table(rows, english, as_of_text, spec.clock, out);
  } else if (format == "csv") {
    out << project_rows_csv(rows, as_of_text, spec.clock);
  } else {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const ProjectTableRow& r : rows) {
      nlohmann::ordered_json o;
      o["id"] = r.id;
      o["name"] = r.name;
      o["company"] = r.company;
      o["company_full_name"] = r.company_full;
      o["district"] = r.district;
      o["district_basis"] = r.district_basis;
      o["park"] = r.park;
      o["status"] = r.status;
      o["status_basis"] = r.status_basis;
      o["as_of"] = as_of_text;
      o["clock"] = std::string(clock_id(spec.clock));
      o["capacity"] = r.capacity;
      o["operating_capacity"] = r.operating;
      o["total_investment_100m_cny"] = r.total_investment;
      o["completed_investment_100m_cny"] = r.completed_investment;
      o["construction_start"] = r.construction_start;
      o["commissioning"] = r.commissioning;
      o["latest_report"] = r.latest_report;
      o["excerpt_only_quotes"] = r.excerpt_only_quotes;
      o["possibly_stalled"] = r.possibly_stalled;
      arr.push_back(std::move(o));
    }
    out << arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return kExitOk;
}

}  // namespace indtrack
