#include "io/dataset_checks.h"

#include <unordered_map>
#include <unordered_set>

#include "core/substring_index.h"
#include "core/text.h"
#include "io/file_io.h"

namespace indtrack {
namespace {

struct Checker {
  const Dataset& d;
  const std::string& file;
  std::vector<Problem>& problems;
  bool check_quotes = true;
  std::unordered_map<int, SubstringIndex> compact_texts;  // source index -> text without whitespace

  void report(Problem::Severity severity, std::string path, std::string message, int project) {
    Problem p;
    p.severity = severity;
    p.file = file;
    p.path = std::move(path);
    p.message = std::move(message);
    p.project = project;
    problems.push_back(std::move(p));
  }

  void check_quote(const Evidence& e, const std::string& path, int project) {
    if (!check_quotes || e.source < 0 || e.quote.empty()) return;
    const Source& s = d.sources[e.source];
    if (s.kind != Source::Kind::Article || s.text.empty()) return;
    auto it = compact_texts.find(e.source);
    if (it == compact_texts.end()) it = compact_texts.emplace(e.source, SubstringIndex(remove_whitespace(s.text))).first;
    if (it->second.contains(remove_whitespace(e.quote))) return;
    report(Problem::Severity::Error, path + ".quote",
           "quote not found in the text of source \"" + s.id + "\" (" + s.file + "): \"" +
               shorten(e.quote, 60) + "\"",
           project);
  }

  // `inherited_start`: the project's construction start, which its units' events must follow.
  void check_milestones(const std::vector<Milestone>& ms, const std::string& path, int project,
                        const Milestone* inherited_start = nullptr) {
    for (std::size_t i = 0; i < ms.size(); ++i) {
      const Milestone& m = ms[i];
      std::string mpath = path;
      append_index(mpath, i);
      check_quote(m.evidence, mpath, project);
      const std::optional<Date> reported = reported_date(d, m);
      if (!reported) continue;
      if (!m.expected && m.date.first_day() > reported->last_day()) {
        report(Problem::Severity::Warning, mpath + ".date",
               "an actual " + std::string(id_of(m.kind)) + " dated " + m.date.to_string() +
                   " is after the statement that reports it (" + reported->to_string() +
                   "); should it be \"expected\": true?",
               project);
      }
    }
    // Actual events out of order: e.g. commissioning before construction start.
    const Milestone* own_start = earliest_actual_start(ms);
    const Milestone* start = own_start ? own_start : inherited_start;
    if (!start) return;
    for (std::size_t i = 0; i < ms.size(); ++i) {
      const Milestone& m = ms[i];
      const bool production = m.kind == MilestoneKind::TrialProduction ||
                              m.kind == MilestoneKind::Commissioning ||
                              m.kind == MilestoneKind::FullProduction;
      if (!m.expected && production && m.date.last_day() < start->date.first_day()) {
        std::string mpath = path;
        append_index(mpath, i);
        report(Problem::Severity::Warning, mpath + ".date",
               std::string(id_of(m.kind)) + " " + m.date.to_string() +
                   " is before the construction start " + start->date.to_string(),
               project);
      }
    }
  }

  static const Milestone* earliest_actual_start(const std::vector<Milestone>& ms) {
    const Milestone* start = nullptr;
    for (const Milestone& m : ms)
      if (!m.expected && m.kind == MilestoneKind::ConstructionStart && (!start || m.date < start->date)) start = &m;
    return start;
  }

  static void append_index(std::string& path, std::size_t i) {
    path += '[';
    path += std::to_string(i);
    path += ']';
  }

  void check_status_reports(const std::vector<StatusReport>& rs, const std::string& path, int project) {
    for (std::size_t i = 0; i < rs.size(); ++i) {
      std::string rpath = path;
      append_index(rpath, i);
      check_quote(rs[i].evidence, rpath, project);
    }
  }

  void check_project(const Project& p, int index) {
    std::string path = "projects";
    append_index(path, static_cast<std::size_t>(index));
    bool any_source = false;
    auto note_source = [&](const Evidence& e) { any_source = any_source || e.source >= 0; };

    if (p.park) {
      check_quote(p.park->evidence, path + ".park", index);
      note_source(p.park->evidence);
    }
    if (p.district) {
      check_quote(p.district->evidence, path + ".district", index);
      note_source(p.district->evidence);
    }
    std::vector<const Investment*> totals;
    for (std::size_t i = 0; i < p.investments.size(); ++i) {
      std::string ipath = path + ".investments";
      append_index(ipath, i);
      check_quote(p.investments[i].evidence, ipath, index);
      note_source(p.investments[i].evidence);
      if (p.investments[i].scope == InvestmentScope::Total) totals.push_back(&p.investments[i]);
    }
    for (std::size_t i = 1; i < totals.size(); ++i) {
      const bool differs = std::abs(totals[i]->amount.canonical - totals[0]->amount.canonical) >
                           1e-6 * totals[0]->amount.canonical;
      if (differs && totals[i]->evidence.basis != Basis::Conflicting &&
          totals[0]->evidence.basis != Basis::Conflicting) {
        report(Problem::Severity::Warning, path + ".investments",
               "total investments disagree (" + format_number(totals[0]->amount.value) + " " +
                   totals[0]->amount.unit + " vs " + format_number(totals[i]->amount.value) + " " +
                   totals[i]->amount.unit + "); mark them \"basis\": \"conflicting\" with a note, or use scope \"phase\"",
               index);
        break;
      }
    }
    check_milestones(p.milestones, path + ".milestones", index);
    check_status_reports(p.status_reports, path + ".status_reports", index);
    for (const Milestone& m : p.milestones) note_source(m.evidence);
    for (const StatusReport& r : p.status_reports) note_source(r.evidence);
    for (std::size_t i = 0; i < p.evidence.size(); ++i) {
      std::string epath = path + ".evidence";
      append_index(epath, i);
      check_quote(p.evidence[i].evidence, epath, index);
      note_source(p.evidence[i].evidence);
    }
    for (std::size_t u = 0; u < p.units.size(); ++u) {
      const Unit& unit = p.units[u];
      std::string upath = path + ".units";
      append_index(upath, u);
      for (std::size_t c = 0; c < unit.capacity.size(); ++c) {
        std::string cpath = upath + ".capacity";
        if (unit.capacity_written_as_list) append_index(cpath, c);
        check_quote(unit.capacity[c].evidence, cpath, index);
        note_source(unit.capacity[c].evidence);
        if (c > 0 && unit.capacity[c].evidence.basis != Basis::Conflicting &&
            unit.capacity[c].amount.canonical != unit.capacity[0].amount.canonical)
          report(Problem::Severity::Warning, cpath,
                 "a second capacity statement that differs from the first should be marked \"basis\": \"conflicting\"",
                 index);
      }
      check_milestones(unit.milestones, upath + ".milestones", index, earliest_actual_start(p.milestones));
      check_status_reports(unit.status_reports, upath + ".status_reports", index);
      for (const Milestone& m : unit.milestones) note_source(m.evidence);
    }
    if (!any_source && p.units.empty() && p.milestones.empty() && p.investments.empty())
      report(Problem::Severity::Warning, path,
             "no fact of this project has a source; add at least one statement to \"evidence\"", index);
  }

  void run() {
    for (std::size_t i = 0; i < d.parks.size(); ++i) {
      std::string path = "parks";
      append_index(path, i);
      check_quote(d.parks[i].district_evidence, path + ".district", -1);
    }
    for (std::size_t i = 0; i < d.companies.size(); ++i) {
      for (std::size_t k = 0; k < d.companies[i].evidence.size(); ++k) {
        std::string path = "companies";
        append_index(path, i);
        path += ".evidence";
        append_index(path, k);
        check_quote(d.companies[i].evidence[k].evidence, path, -1);
      }
    }
    for (std::size_t i = 0; i < d.projects.size(); ++i) check_project(d.projects[i], static_cast<int>(i));
    for (std::size_t i = 0; i < d.aggregates.size(); ++i) {
      std::string path = "aggregates";
      append_index(path, i);
      check_quote(d.aggregates[i].evidence, path, -1);
    }
  }
};

}  // namespace

bool quote_occurs_in(std::string_view quote, std::string_view text) {
  return remove_whitespace(text).find(remove_whitespace(quote)) != std::string::npos;
}

void load_article_texts(Dataset& data, const std::string& base_dir, const std::string& file,
                        std::vector<Problem>& problems) {
  for (std::size_t i = 0; i < data.sources.size(); ++i) {
    Source& s = data.sources[i];
    if (s.kind != Source::Kind::Article || s.file.empty()) continue;
    auto report = [&](std::string message) {
      Problem p;
      p.file = file;
      p.path = "sources[" + std::to_string(i) + "].file";
      p.message = std::move(message);
      problems.push_back(std::move(p));
    };
    const std::string path = join_path(base_dir, s.file);
    ReadFileResult r = read_whole_file(path, std::size_t(64) << 20);
    if (!r.ok) {
      report("cannot read the article text " + path + ": " + r.error);
      continue;
    }
    std::string_view text = r.content;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const std::size_t bad = find_invalid_utf8(text);
    if (bad != std::string_view::npos) {
      const TextPosition pos = position_of_offset(text, bad);
      report("the article text " + path + " is not valid UTF-8 (line " + std::to_string(pos.line) +
             ", column " + std::to_string(pos.column) + ")");
      continue;
    }
    s.text = std::string(text);
  }
}

void check_dataset(const Dataset& data, const std::string& file, bool check_quotes,
                   std::vector<Problem>& problems) {
  Checker checker{data, file, problems, check_quotes, {}};
  checker.run();
}

}  // namespace indtrack
