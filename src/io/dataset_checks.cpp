#include "io/dataset_checks.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>
#include <unordered_set>

#include <simdjson.h>

#include "core/parallel.h"
#include "core/substring_index.h"
#include "core/text.h"
#include "core/units.h"
#include "io/file_io.h"
#include "io/json_path.h"

namespace indtrack {
namespace {

// Checks every quote citing one article: its whitespace-free text is indexed once, each quote
// looked up, and the index freed before the next article. Keeping every article's index alive
// (as a lazily filled cache did) peaked at ~1 GB for 100k projects; one at a time it is ~1 MB.
struct QuoteCheck {
  const std::string* quote;
  std::uint32_t ordinal;  // position in the checker's visiting order
};

void verify_quotes_of_source(const Source& source, const std::vector<QuoteCheck>& checks,
                             std::vector<unsigned char>& found) {
  const SubstringIndex text(remove_whitespace(source.text));
  std::string compact;  // reused: no allocation per quote
  for (const QuoteCheck& c : checks) {
    remove_whitespace(*c.quote, compact);
    found[c.ordinal] = text.contains(compact);
  }
}

// Sources are independent, so large datasets share them between two threads.
std::vector<unsigned char> verify_quotes(const Dataset& d,
                                         const std::vector<std::vector<QuoteCheck>>& by_source,
                                         std::size_t total) {
  std::vector<unsigned char> found(total, 0);
  std::vector<int> work;
  std::size_t text_bytes = 0;
  for (std::size_t s = 0; s < by_source.size(); ++s) {
    if (by_source[s].empty()) continue;
    work.push_back(static_cast<int>(s));
    text_bytes += d.sources[s].text.size();
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < work.size();)
      verify_quotes_of_source(d.sources[work[i]], by_source[work[i]], found);
  };
  // A thread costs ~50 µs to start: not worth it for the bundled data's few articles.
  constexpr std::size_t kParallelFromBytes = std::size_t(1) << 20;
  if (text_bytes >= kParallelFromBytes && work.size() > 1 && can_run_in_parallel())
    run_both(worker, worker);
  else
    worker();
  return found;
}

// Walks the dataset, reporting every problem in visiting order, while collecting the quotes to
// check grouped by source; they are then verified source by source. If every quote is found (the
// usual case) that is all; otherwise the walk is repeated with the verdicts (looked up by
// ordinal), so quote problems appear in their place among the others. Paths are kept as a
// segment stack (JsonPath) and formatted only when a problem is reported.
class Checker {
 public:
  Checker(const Dataset& d, const std::string& file, std::vector<Problem>& problems,
          UnlistedProblems& unlisted, bool check_quotes)
      : d_(d), file_(file), problems_(problems), unlisted_(unlisted), check_quotes_(check_quotes) {
    collect_internal_ids();
  }

  void run() {
    if (!check_quotes_) {
      walk();
      return;
    }
    const std::size_t problems_before = problems_.size();
    const UnlistedProblems unlisted_before = unlisted_;
    pass_ = Pass::CollectQuotes;
    quotes_by_source_.resize(d_.sources.size());
    walk();
    found_ = verify_quotes(d_, quotes_by_source_, ordinal_);
    quotes_by_source_ = {};
    if (std::all_of(found_.begin(), found_.end(), [](unsigned char found) { return found != 0; })) return;
    problems_.resize(problems_before);
    unlisted_ = unlisted_before;
    pass_ = Pass::ReportQuotes;
    ordinal_ = 0;
    walk();
  }

 private:
  // CollectQuotes: every problem but the quotes' is reported, the quotes are collected.
  // ReportQuotes: everything is reported, quotes with the verdicts found_ holds.
  enum class Pass { CollectQuotes, ReportQuotes };

  void report(Problem::Severity severity, std::string message, int project) {
    if (problem_list_full(problems_)) {
      unlisted_.count(severity);
      return;
    }
    Problem p;
    p.severity = severity;
    p.file = file_;
    p.path = path_.str();
    p.message = std::move(message);
    p.project = project;
    problems_.push_back(std::move(p));
  }

  void check_quote(const Evidence& e, int project) {
    check_note(e, project);
    if (!check_quotes_ || e.source < 0 || e.quote.empty()) return;
    const Source& s = d_.sources[e.source];
    if (s.kind != Source::Kind::Article || s.text.empty()) return;
    const auto ordinal = static_cast<std::uint32_t>(ordinal_++);
    if (pass_ == Pass::CollectQuotes) {
      quotes_by_source_[e.source].push_back({&e.quote, ordinal});
      return;
    }
    if (found_[ordinal]) return;
    PathScope field(path_, "quote");
    report(Problem::Severity::Error,
           "quote not found in the text of source \"" + s.id + "\" (" + s.file + "): \"" +
               shorten(e.quote, 60) + "\"",
           project);
  }

  // `inherited_start`: the project's construction start, which its units' events must follow.
  void check_milestones(const std::vector<Milestone>& ms, int project,
                        const Milestone* inherited_start = nullptr) {
    PathScope list(path_, "milestones");
    for (std::size_t i = 0; i < ms.size(); ++i) {
      const Milestone& m = ms[i];
      PathScope item(path_, static_cast<int>(i));
      check_quote(m.evidence, project);
      const std::optional<Date> reported = reported_date(d_, m);
      if (!reported) continue;
      if (!m.expected && m.date.first_day() > reported->last_day()) {
        PathScope field(path_, "date");
        report(Problem::Severity::Warning,
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
        PathScope item(path_, static_cast<int>(i));
        PathScope field(path_, "date");
        report(Problem::Severity::Warning,
               std::string(id_of(m.kind)) + " " + m.date.to_string() + " is before the construction start " +
                   start->date.to_string(),
               project);
      }
    }
  }

  static const Milestone* earliest_actual_start(const std::vector<Milestone>& ms) {
    const Milestone* start = nullptr;
    for (const Milestone& m : ms)
      if (!m.expected && m.kind == MilestoneKind::ConstructionStart && (!start || m.date < start->date))
        start = &m;
    return start;
  }

  void check_status_reports(const std::vector<StatusReport>& rs, int project) {
    PathScope list(path_, "status_reports");
    for (std::size_t i = 0; i < rs.size(); ++i) {
      PathScope item(path_, static_cast<int>(i));
      check_quote(rs[i].evidence, project);
    }
  }

  // A stated total is a fact of its own; when the project's lines of that product (of its phase,
  // when given) do not add up to it, either a line is missing or the sources disagree.
  void check_totals(const Project& p, int index) {
    PathScope list(path_, "totals");
    for (std::size_t i = 0; i < p.totals.size(); ++i) {
      const StatedTotal& t = p.totals[i];
      PathScope item(path_, static_cast<int>(i));
      check_quote(t.evidence, index);
      if (t.product < 0 || t.evidence.basis == Basis::Conflicting) continue;
      double sum = 0;
      int lines = 0;
      for (const Unit& u : p.units) {
        if (u.product != t.product || u.capacity.empty()) continue;
        if (!t.phase.empty() && u.phase != t.phase) continue;
        if (u.capacity.front().amount.dimension != t.amount.dimension) continue;
        sum += u.capacity.front().amount.canonical;
        ++lines;
      }
      if (std::abs(sum - t.amount.canonical) <= 1e-6 * t.amount.canonical) continue;
      const DisplayAmount shown = display_amount(t.amount.canonical, t.amount.dimension);
      const DisplayAmount lines_shown = display_amount(sum, t.amount.dimension);
      PathScope field(path_, "value");
      report(Problem::Severity::Warning,
             "the stated total " + format_number(shown.value, 4) + " " + std::string(shown.unit) + " of " +
                 d_.products[static_cast<std::size_t>(t.product)].id +
                 (t.phase.empty() ? "" : " (" + t.phase + ")") + " differs from its " +
                 std::to_string(lines) + " line(s), which add up to " + format_number(lines_shown.value, 4) +
                 " " + std::string(lines_shown.unit) +
                 ": add the missing line, or mark the total \"basis\": \"conflicting\" with a note",
             index);
    }
  }

  // Notes are shown to users: an internal id or a repository file means nothing to them.
  void check_note(const Evidence& e, int project) {
    check_text_for_ids(e.note, "note", project);
    check_text_for_ids(e.note_en, "note_en", project);
  }
  void check_text_for_ids(const std::string& text, std::string_view field, int project) {
    if (text.empty()) return;
    std::string_view found;
    for (std::string_view file_hint : {".md", ".json", ".txt", "sources/", "data/"})
      if (text.find(file_hint) != std::string::npos) found = file_hint;
    // Every run of id characters is looked up (a hash lookup per word, not a search per id).
    auto is_id_char = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
             c == '.' || c == '-';
    };
    for (std::size_t i = 0; found.empty() && i < text.size();) {
      if (!is_id_char(text[i])) {
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < text.size() && is_id_char(text[end])) ++end;
      std::string_view word(text.data() + i, end - i);
      while (!word.empty() && word.back() == '.') word.remove_suffix(1);  // a sentence's full stop
      if (internal_ids_.count(word)) found = word;
      i = end;
    }
    if (found.empty()) return;
    PathScope at(path_, field);
    report(Problem::Severity::Warning,
           "this text is shown to users but names \"" + std::string(found) +
               "\", an internal id or file: describe the report or record instead",
           project);
  }

  // Ids a user-facing note must not name: those of sources, units and projects that are clearly
  // ids (with a hyphen), which plain words never are.
  void collect_internal_ids() {
    auto add = [&](const std::string& id) {
      if (id.find('-') != std::string::npos && id.size() >= 5) internal_ids_.insert(id);
    };
    for (const Source& s : d_.sources) add(s.id);
    for (const Project& p : d_.projects) {
      add(p.id);
      for (const Unit& u : p.units) add(u.id);
    }
  }

  void check_project(const Project& p, int index) {
    PathScope list(path_, "projects");
    PathScope item(path_, index);
    bool any_source = false;
    auto note_source = [&](const Evidence& e) { any_source = any_source || e.source >= 0; };

    if (p.park) {
      PathScope field(path_, "park");
      check_quote(p.park->evidence, index);
      note_source(p.park->evidence);
    }
    if (p.district) {
      PathScope field(path_, "district");
      check_quote(p.district->evidence, index);
      note_source(p.district->evidence);
    }
    std::vector<const Investment*> totals;
    {
      PathScope investments(path_, "investments");
      for (std::size_t i = 0; i < p.investments.size(); ++i) {
        PathScope investment(path_, static_cast<int>(i));
        check_quote(p.investments[i].evidence, index);
        note_source(p.investments[i].evidence);
        if (p.investments[i].scope == InvestmentScope::Total) totals.push_back(&p.investments[i]);
      }
      for (std::size_t i = 1; i < totals.size(); ++i) {
        const bool differs = std::abs(totals[i]->amount.canonical - totals[0]->amount.canonical) >
                             1e-6 * totals[0]->amount.canonical;
        if (differs && totals[i]->evidence.basis != Basis::Conflicting &&
            totals[0]->evidence.basis != Basis::Conflicting) {
          report(Problem::Severity::Warning,
                 "total investments disagree (" + format_number(totals[0]->amount.value) + " " +
                     totals[0]->amount.unit + " vs " + format_number(totals[i]->amount.value) + " " +
                     totals[i]->amount.unit +
                     "); mark them \"basis\": \"conflicting\" with a note, or use scope \"phase\"",
                 index);
          break;
        }
      }
    }
    check_totals(p, index);
    check_milestones(p.milestones, index);
    check_status_reports(p.status_reports, index);
    for (const Milestone& m : p.milestones) note_source(m.evidence);
    for (const StatusReport& r : p.status_reports) note_source(r.evidence);
    {
      PathScope evidence(path_, "evidence");
      for (std::size_t i = 0; i < p.evidence.size(); ++i) {
        PathScope statement(path_, static_cast<int>(i));
        check_quote(p.evidence[i].evidence, index);
        note_source(p.evidence[i].evidence);
      }
    }
    check_text_for_ids(p.notes, "notes", index);
    check_text_for_ids(p.notes_en, "notes_en", index);
    const Milestone* project_start = earliest_actual_start(p.milestones);
    for (std::size_t u = 0; u < p.units.size(); ++u) {
      const Unit& unit = p.units[u];
      PathScope units(path_, "units");
      PathScope unit_item(path_, static_cast<int>(u));
      for (std::size_t c = 0; c < unit.capacity.size(); ++c) {
        PathScope capacity(path_, "capacity");
        std::optional<PathScope> capacity_item;
        if (unit.capacity_written_as_list) capacity_item.emplace(path_, static_cast<int>(c));
        check_quote(unit.capacity[c].evidence, index);
        note_source(unit.capacity[c].evidence);
        if (c > 0 && unit.capacity[c].evidence.basis != Basis::Conflicting &&
            unit.capacity[c].amount.canonical != unit.capacity[0].amount.canonical)
          report(Problem::Severity::Warning,
                 "a second capacity statement that differs from the first should be marked \"basis\": "
                 "\"conflicting\"",
                 index);
      }
      check_text_for_ids(unit.notes, "notes", index);
      check_text_for_ids(unit.notes_en, "notes_en", index);
      check_milestones(unit.milestones, index, project_start);
      check_status_reports(unit.status_reports, index);
      for (const Milestone& m : unit.milestones) note_source(m.evidence);
    }
    if (!any_source && p.units.empty() && p.milestones.empty() && p.investments.empty())
      report(Problem::Severity::Warning,
             "no fact of this project has a source; add at least one statement to \"evidence\"", index);
  }

  void walk() {
    for (std::size_t i = 0; i < d_.sources.size(); ++i) {
      PathScope list(path_, "sources");
      PathScope item(path_, static_cast<int>(i));
      const Source& s = d_.sources[i];
      check_text_for_ids(s.notes, "notes", -1);
      check_text_for_ids(s.notes_en, "notes_en", -1);
      check_text_for_ids(s.date_basis, "date_basis", -1);
      check_text_for_ids(s.date_basis_en, "date_basis_en", -1);
    }
    for (std::size_t i = 0; i < d_.parks.size(); ++i) {
      PathScope list(path_, "parks");
      PathScope item(path_, static_cast<int>(i));
      check_text_for_ids(d_.parks[i].notes, "notes", -1);
      check_text_for_ids(d_.parks[i].notes_en, "notes_en", -1);
      PathScope field(path_, "district");
      check_quote(d_.parks[i].district_evidence, -1);
    }
    for (std::size_t i = 0; i < d_.companies.size(); ++i) {
      for (std::size_t k = 0; k < d_.companies[i].evidence.size(); ++k) {
        PathScope list(path_, "companies");
        PathScope item(path_, static_cast<int>(i));
        PathScope field(path_, "evidence");
        PathScope statement(path_, static_cast<int>(k));
        check_quote(d_.companies[i].evidence[k].evidence, -1);
      }
      PathScope list(path_, "companies");
      PathScope item(path_, static_cast<int>(i));
      check_text_for_ids(d_.companies[i].notes, "notes", -1);
      check_text_for_ids(d_.companies[i].notes_en, "notes_en", -1);
    }
    for (std::size_t i = 0; i < d_.projects.size(); ++i) check_project(d_.projects[i], static_cast<int>(i));
    for (std::size_t i = 0; i < d_.aggregates.size(); ++i) {
      PathScope list(path_, "aggregates");
      PathScope item(path_, static_cast<int>(i));
      check_quote(d_.aggregates[i].evidence, -1);
    }
  }

  const Dataset& d_;
  const std::string& file_;
  std::vector<Problem>& problems_;
  UnlistedProblems& unlisted_;
  const bool check_quotes_;
  Pass pass_ = Pass::ReportQuotes;
  JsonPath path_;
  std::size_t ordinal_ = 0;                                // quotes visited so far in this pass
  std::vector<std::vector<QuoteCheck>> quotes_by_source_;  // CollectQuotes
  std::vector<unsigned char> found_;                       // by ordinal: the quote is in its article
  std::unordered_set<std::string_view> internal_ids_;      // see collect_internal_ids
};

}  // namespace

bool quote_occurs_in(std::string_view quote, std::string_view text) {
  return remove_whitespace(text).find(remove_whitespace(quote)) != std::string::npos;
}

void load_article_texts(Dataset& data, const std::string& base_dir, const std::string& file,
                        std::vector<Problem>& problems, UnlistedProblems& unlisted,
                        const std::function<std::optional<std::string>(const Source&)>& reader) {
  for (std::size_t i = 0; i < data.sources.size(); ++i) {
    Source& s = data.sources[i];
    if (s.kind != Source::Kind::Article || s.file.empty()) continue;
    auto report = [&](std::string message) {
      if (problem_list_full(problems)) {
        unlisted.count(Problem::Severity::Error);
        return;
      }
      Problem p;
      p.file = file;
      p.path = "sources[" + std::to_string(i) + "].file";
      p.message = std::move(message);
      problems.push_back(std::move(p));
    };
    const std::string path = reader ? s.file : join_path(base_dir, s.file);
    ReadFileResult r;
    if (reader) {
      std::optional<std::string> text = reader(s);
      r.ok = text.has_value();
      if (text) r.content = std::move(*text);
      r.error = "not stored with the dataset";
    } else {
      r = read_whole_file(path, std::size_t(64) << 20);
    }
    if (!r.ok) {
      report("cannot read the article text " + path + ": " + r.error);
      continue;
    }
    if (std::string_view(r.content).substr(0, 3) == "\xEF\xBB\xBF") r.content.erase(0, 3);
    // simdjson's SIMD validator is the fast path; ours runs only to locate the first bad byte.
    if (!simdjson::validate_utf8(r.content.data(), r.content.size())) {
      const TextPosition pos = position_of_offset(r.content, find_invalid_utf8(r.content));
      report("the article text " + path + " is not valid UTF-8 (line " + std::to_string(pos.line) +
             ", column " + std::to_string(pos.column) + ")");
      continue;
    }
    s.text = std::move(r.content);
  }
}

void check_dataset(const Dataset& data, const std::string& file, bool check_quotes,
                   std::vector<Problem>& problems, UnlistedProblems& unlisted) {
  Checker(data, file, problems, unlisted, check_quotes).run();
}

}  // namespace indtrack
