// Building the Dataset from a parsed JSON document (dataset_builder.h): every field read, typed
// and checked, references resolved, one Problem for each thing wrong; the projects of a large file
// on two threads.
//
// Index of this file:
// [SECTION] Ids and the lookups the threads share
// [SECTION] Builder: the document, section by section (build)
// [SECTION] Builder: problems
// [SECTION] Builder: scalar readers
// [SECTION] Builder: evidence and quantities
// [SECTION] Builder: sections and the projects' threads
// [SECTION] Builder: sources, districts, parks, industries, products, companies
// [SECTION] Builder: milestones, status reports, units, investments, projects
// [SECTION] Builder: aggregates
// [SECTION] Entry points
#include "io/dataset_builder.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "core/parallel.h"
#include "core/text.h"
#include "io/json_node.h"
#include "io/json_path.h"
#include "model/source_title.h"

namespace indtrack {
namespace {

constexpr int kSchemaVersion = 1;
constexpr double kMaxCapacityTonnesPerYear = 1e8;  // 1亿吨/年: above any single plant
constexpr double kMaxInvestmentYuan = 1e13;        // 10万亿元
constexpr std::size_t kMaxListedNames = 12;        // in "unknown id" messages

// [SECTION] Ids and the lookups the threads share

// Statuses a source can state ("unknown" is only ever derived).
std::span<const VocabularyEntry<Status>> reportable_statuses() { return statuses().subspan(1); }

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
  });
}

// Looks ids up by string_view: no std::string is built per reference (millions at 100k projects).
struct IdHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using IdMap = std::unordered_map<std::string, int, IdHash, std::equal_to<>>;

// Id -> index of every section read so far; read-only once the projects are being read, so the
// threads reading them share it.
struct IdMaps {
  IdMap sources, districts, parks, industries, products, companies, projects;
};

// Projects are read on two threads from this many on (a thread costs ~50 µs to start; a
// project ~8 µs to read).
constexpr std::size_t kParallelProjects = 2048;

template <class Node>
// [SECTION] Builder: the document, section by section (build)

class Builder {
 public:
  Builder(Dataset& d, BuildContext& ctx, IdMaps& ids) : d_(d), ctx_(ctx), ids_(ids) {}

  bool build(const Node& root) {
    if (root.kind() != JsonKind::Object) {
      error("expected the dataset to be a JSON object, got " + root.describe());
      return false;
    }
    // Look the top-level sections up by name so references always point to sections already
    // read, whatever order the file lists them in.
    std::unordered_map<std::string_view, Node> top;
    root.for_each_member([&](std::string_view key, const Node& v) { top.insert_or_assign(key, v); });

    const auto version = top.find("schema_version");
    if (version == top.end()) {
      error("missing required field \"schema_version\" (this program reads version 1)");
    } else {
      PathScope scope(path_, "schema_version");
      if (version->second.kind() != JsonKind::Number || !version->second.is_integer()) {
        error("expected an integer, got " + version->second.describe());
      } else if (version->second.get_integer() > kSchemaVersion) {
        error("schema version " + std::to_string(version->second.get_integer()) +
              " is newer than this program understands (" + std::to_string(kSchemaVersion) +
              "); update indtrack");
        return false;
      } else if (version->second.get_integer() < 1) {
        error("schema version must be 1");
      } else {
        d_.schema_version = static_cast<int>(version->second.get_integer());
      }
    }

    static constexpr std::string_view kKnown[] = {
        "schema_version", "name",  "name_en",    "description", "description_en", "updated",  "sources",
        "districts",      "parks", "industries", "products",    "companies",      "projects", "aggregates"};
    root.for_each_member([&](std::string_view key, const Node& value) {
      if (std::find(std::begin(kKnown), std::end(kKnown), key) != std::end(kKnown)) return;
      PathScope scope(path_, key);
      unknown_field(key, value, d_.extra);
    });

    auto section = [&](std::string_view key) -> const Node* {
      const auto it = top.find(key);
      return it == top.end() ? nullptr : &it->second;
    };
    auto required = [&](std::string_view key) -> const Node* {
      const Node* n = section(key);
      if (!n) error("missing required field \"" + std::string(key) + "\"");
      return n;
    };
    if (const Node* n = required("name"))
      field(n, "name", [&](const Node& v) { read_text(v, d_.name, true); });
    if (const Node* n = section("name_en"))
      field(n, "name_en", [&](const Node& v) { read_text(v, d_.name_en); });
    if (const Node* n = section("description"))
      field(n, "description", [&](const Node& v) { read_text(v, d_.description); });
    if (const Node* n = section("description_en"))
      field(n, "description_en", [&](const Node& v) { read_text(v, d_.description_en); });
    if (const Node* n = section("updated"))
      field(n, "updated", [&](const Node& v) { d_.updated = read_date(v); });

    if (const Node* n = required("sources")) list(*n, "sources", d_.sources, &Builder::read_source);
    index_ids(d_.sources, "sources", ids_.sources);
    if (const Node* n = required("districts")) list(*n, "districts", d_.districts, &Builder::read_district);
    index_ids(d_.districts, "districts", ids_.districts);
    if (const Node* n = section("parks")) list(*n, "parks", d_.parks, &Builder::read_park);
    index_ids(d_.parks, "parks", ids_.parks);
    if (const Node* n = section("industries")) list(*n, "industries", d_.industries, &Builder::read_industry);
    index_ids(d_.industries, "industries", ids_.industries);
    if (const Node* n = section("products")) list(*n, "products", d_.products, &Builder::read_product);
    index_ids(d_.products, "products", ids_.products);
    if (const Node* n = section("companies")) list(*n, "companies", d_.companies, &Builder::read_company);
    index_ids(d_.companies, "companies", ids_.companies);
    resolve_company_parents();
    if (const Node* n = required("projects")) read_projects(*n);
    check_unique_unit_ids();
    index_ids(d_.projects, "projects", ids_.projects);
    if (cancelled_) return false;
    if (const Node* n = section("aggregates"))
      list(*n, "aggregates", d_.aggregates, &Builder::read_aggregate);
    check_unique_aggregate_ids();
    d_.rebuild_index();
    return !cancelled_;
  }

 private:
  // [SECTION] Builder: problems
  void report(Problem::Severity severity, std::string message) {
    if (problem_list_full(ctx_.problems)) {  // counted, not listed (kMaxListedProblems)
      ctx_.unlisted.count(severity);
      return;
    }
    Problem p;
    p.severity = severity;
    p.file = ctx_.file;
    p.path = path_.str();
    p.message = std::move(message);
    p.project = current_project_;
    ctx_.problems.push_back(std::move(p));
  }
  void error(std::string message) { report(Problem::Severity::Error, std::move(message)); }
  // Errors beyond those listed: the dataset will be refused, so records read from now on are
  // checked (their problems counted) but not kept — memory stays bounded by what was kept.
  bool hopeless() const { return ctx_.unlisted.errors > 0; }
  void warning(std::string message) { report(Problem::Severity::Warning, std::move(message)); }

  void unknown_field(std::string_view key, const Node& value, Json& extra) {
    warning("unknown field \"" + std::string(key) + "\" (kept as is)");
    extra[std::string(key)] = value.to_json();
  }

  template <class F>
  void field(const Node* n, std::string_view key, F&& read) {
    PathScope scope(path_, key);
    read(*n);
  }

  // [SECTION] Builder: scalar readers — each reports its own type error and returns whether it succeeded
  bool expect(const Node& v, JsonKind kind, const char* what) {
    if (v.kind() == kind) return true;
    error(std::string("expected ") + what + ", got " + v.describe());
    return false;
  }
  bool read_text(const Node& v, std::string& out, bool non_empty = false) {
    if (!expect(v, JsonKind::String, "a string")) return false;
    out = std::string(v.get_string());
    if (non_empty && trim(out).empty()) {
      error("must not be empty");
      return false;
    }
    // A \u0000 would cut a file path or a label short wherever the text meets a C string, other
    // control characters (C0, DEL, C1) are invisible, and a bidirectional override shows the
    // text around it reversed: damage or deception, not data. Tab, LF, CR are text.
    std::size_t character = 0;  // 1-based, in code points
    for (std::size_t pos = 0; pos < out.size();) {
      ++character;
      const char32_t cp = next_code_point(out, pos);
      if (!is_hidden_control(cp)) continue;
      char code[12];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
      if (is_bidi_control(cp))
        error(std::string("contains the bidirectional control ") + code + " (character " +
              std::to_string(character) + "), which changes the order the text is shown in; delete it");
      else
        error(std::string("contains the control character ") + code + " (character " +
              std::to_string(character) + "); text must not hold control characters");
      return false;
    }
    return true;
  }
  bool read_bool(const Node& v, bool& out) {
    if (!expect(v, JsonKind::Bool, "true or false")) return false;
    out = v.get_bool();
    return true;
  }
  bool read_id(const Node& v, std::string& out) {
    if (!expect(v, JsonKind::String, "a string id")) return false;
    out = std::string(v.get_string());
    if (!is_valid_id(out)) {
      error("id \"" + shorten(out, 40) + "\" must be 1-128 characters of A-Z a-z 0-9 _ . -");
      return false;
    }
    return true;
  }
  std::optional<Date> read_date(const Node& v) {
    if (!expect(v, JsonKind::String, "a date string (YYYY, YYYY-MM or YYYY-MM-DD)")) return std::nullopt;
    DateParseResult r = parse_date(v.get_string());
    if (!r.date) error(r.error);
    return r.date;
  }
  void read_text_list(const Node& v, std::vector<std::string>& out) {
    if (!expect(v, JsonKind::Array, "an array of strings")) return;
    v.for_each_element([&](int i, const Node& e) {
      PathScope scope(path_, i);
      std::string s;
      if (read_text(e, s, true)) out.push_back(std::move(s));
    });
  }

  // A reference by id to an already-read section.
  int read_ref(const Node& v, const IdMap& ids, std::string_view kind_name) {
    if (!expect(v, JsonKind::String, "an id string")) return -1;
    const std::string_view id = v.get_string();
    const auto it = ids.find(id);
    if (it != ids.end()) return it->second;
    std::vector<std::string> names;
    for (const auto& [name, index] : ids) names.push_back(name);
    std::sort(names.begin(), names.end());
    std::string known;
    for (std::size_t i = 0; i < names.size() && i < kMaxListedNames; ++i) known += (i ? ", " : "") + names[i];
    if (names.size() > kMaxListedNames) known += ", …";
    error("unknown " + std::string(kind_name) + " \"" + shorten(id, 40) + "\"" +
          (names.empty() ? " (none are defined)" : " (known: " + known + ")"));
    return -1;
  }
  void read_ref_list(const Node& v, std::vector<int>& out, const IdMap& ids, std::string_view kind_name) {
    if (!expect(v, JsonKind::Array, "an array of ids")) return;
    v.for_each_element([&](int i, const Node& e) {
      PathScope scope(path_, i);
      const int index = read_ref(e, ids, kind_name);
      if (index >= 0) out.push_back(index);
    });
  }

  template <class Enum>
  std::optional<Enum> read_vocabulary(const Node& v, std::span<const VocabularyEntry<Enum>> table,
                                      std::string_view what) {
    if (!expect(v, JsonKind::String, "a string")) return std::nullopt;
    const std::string_view id = v.get_string();
    if (auto e = vocabulary_from_id(table, id)) return e;
    std::string known;
    for (const auto& entry : table) known += (known.empty() ? "" : ", ") + std::string(entry.id);
    error("unknown " + std::string(what) + " \"" + shorten(id, 40) + "\" (one of: " + known + ")");
    return std::nullopt;
  }

  // [SECTION] Builder: evidence and quantities, flattened into their owners
  struct EvidenceSeen {
    bool source = false;
    bool quote = false;
  };
  bool read_evidence_field(std::string_view key, const Node& v, Evidence& e, EvidenceSeen& seen) {
    if (key == "source") {
      seen.source = true;
      e.source = read_ref(v, ids_.sources, "source");
    } else if (key == "quote") {
      seen.quote = true;
      read_text(v, e.quote, true);
    } else if (key == "basis") {
      if (auto b = read_vocabulary(v, bases(), "basis")) e.basis = *b;
    } else if (key == "note") {
      read_text(v, e.note);
    } else if (key == "note_en") {
      read_text(v, e.note_en);
    } else {
      return false;
    }
    return true;
  }
  void check_evidence(const Evidence& e, const EvidenceSeen& seen) {
    if (seen.source && !seen.quote) {
      error("missing required field \"quote\" (the source's exact words)");
    } else if (!seen.source && seen.quote) {
      error("missing required field \"source\" for the quote");
    } else if (!seen.source && !seen.quote) {
      if (e.basis != Basis::Inferred)
        error(
            "missing \"source\" and \"quote\" (every fact needs them, or \"basis\": \"inferred\" with a "
            "\"note\")");
      else if (e.note.empty())
        error("an inferred fact needs a \"note\" saying how it was inferred");
    }
  }

  struct QuantitySeen {
    bool value = false;
    bool value_ok = false;  // present and a number
    bool unit = false;
  };
  bool read_quantity_field(std::string_view key, const Node& v, Quantity& q, QuantitySeen& seen) {
    if (key == "value") {
      seen.value = true;
      if (expect(v, JsonKind::Number, "a number")) {
        q.value = v.get_number();
        seen.value_ok = true;
      }
    } else if (key == "unit") {
      seen.unit = true;
      read_text(v, q.unit, true);
    } else if (key == "approximate") {
      read_bool(v, q.approximate);
    } else if (key == "bound") {
      if (auto b = read_vocabulary(v, aggregate_bounds(), "bound")) q.bound = *b;
    } else {
      return false;
    }
    return true;
  }
  // Converts to the canonical unit and checks the amount; `allowed` lists acceptable dimensions.
  void finish_quantity(Quantity& q, const QuantitySeen& seen, std::initializer_list<Dimension> allowed) {
    if (!seen.value) error("missing required field \"value\"");
    if (!seen.unit) error("missing required field \"unit\"");
    if (!seen.value_ok || !seen.unit || q.unit.empty()) return;
    const auto unit = find_unit(q.unit);
    if (!unit) {
      std::string known;
      for (const UnitInfo& u : all_units())
        if (std::find(allowed.begin(), allowed.end(), u.dimension) != allowed.end())
          known += (known.empty() ? "" : ", ") + std::string(u.name);
      PathScope scope(path_, "unit");
      error("unknown unit \"" + shorten(q.unit, 20) + "\" (one of: " + known + ")");
      return;
    }
    if (std::find(allowed.begin(), allowed.end(), unit->dimension) == allowed.end()) {
      PathScope scope(path_, "unit");
      error("unit \"" + q.unit + "\" is " + std::string(dimension_name(unit->dimension)) + ", not " +
            std::string(dimension_name(*allowed.begin())));
      return;
    }
    q.dimension = unit->dimension;
    q.canonical = q.value * unit->to_canonical;
    PathScope scope(path_, "value");
    if (!(q.value > 0) || !std::isfinite(q.value)) {
      error("must be greater than 0, got " + format_number(q.value, 4));
    } else if (std::fpclassify(q.value) == FP_SUBNORMAL) {
      error("got " + format_exact(q.value) +
            ", a number too small for a double to hold exactly (denormal): not an amount");
    } else if (q.dimension == Dimension::MassPerYear && q.canonical > kMaxCapacityTonnesPerYear) {
      error("capacity " + format_number(q.value, 4) + " " + q.unit +
            " is absurd (above 1亿吨/年 for one production line)");
    } else if (q.dimension == Dimension::Money && q.canonical > kMaxInvestmentYuan) {
      error("amount " + format_number(q.value, 4) + " " + q.unit + " is absurd (above 10万亿元)");
    }
  }

  // [SECTION] Builder: sections and the projects' threads
  template <class T>
  void list(const Node& n, std::string_view key, std::vector<T>& out,
            void (Builder::*read)(const Node&, T&)) {
    PathScope scope(path_, key);
    if (!expect(n, JsonKind::Array, "an array")) return;
    T scratch;
    n.for_each_element([&](int i, const Node& e) {
      PathScope item(path_, i);
      if (!expect(e, JsonKind::Object, "an object")) return;
      if (hopeless()) {  // still checked (and counted), no longer kept
        scratch = T{};
        (this->*read)(e, scratch);
        return;
      }
      out.emplace_back();
      (this->*read)(e, out.back());
    });
  }

  // The projects: the bulk of a large file. Each project only refers to sections read before
  // it, so from kParallelProjects on the second half is read by a helper thread into its own
  // vector and problem list, appended after the first half's: the result is the same as one
  // thread's. Paths name the file's array index; Problem::project the model's (which skips
  // entries that are not objects).
  void read_projects(const Node& n) {
    PathScope scope(path_, "projects");
    if (!expect(n, JsonKind::Array, "an array")) return;
    std::vector<Node> items;
    items.reserve(n.size());
    std::size_t objects = 0;
    n.for_each_element([&](int, const Node& e) {
      items.push_back(e);
      objects += e.kind() == JsonKind::Object;
    });
    d_.projects.reserve(objects);   // not one per element: ten million zeros are no projects
    std::atomic<bool> stop{false};  // set when the user cancels
    if (items.size() < kParallelProjects || !can_run_in_parallel()) {
      read_project_range(items, 0, items.size(), 0, stop);
      return;
    }
    const std::size_t split = items.size() / 2;
    const int second_model_index =
        static_cast<int>(std::count_if(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(split),
                                       [](const Node& e) { return e.kind() == JsonKind::Object; }));
    // Everything the helper touches is set up here, before either thread starts.
    Dataset second_half;
    second_half.projects.reserve(items.size() - split);
    std::vector<Problem> second_problems;
    BuildContext second_ctx{ctx_.file, second_problems, nullptr};
    Builder second(second_half, second_ctx, ids_);
    second.path_ = path_;
    run_both([&] { read_project_range(items, 0, split, 0, stop); },
             [&] { second.read_project_range(items, split, items.size(), second_model_index, stop); });
    std::move(second_half.projects.begin(), second_half.projects.end(), std::back_inserter(d_.projects));
    std::move(second_problems.begin(), second_problems.end(), std::back_inserter(ctx_.problems));
    ctx_.unlisted += second_ctx.unlisted;
    trim_problem_list(ctx_.problems, ctx_.unlisted);
    units_seen_.insert(units_seen_.end(), second.units_seen_.begin(), second.units_seen_.end());
  }

  // Reads items[begin, end) into d_.projects; `model_index` is the first one's index in the model.
  void read_project_range(const std::vector<Node>& items, std::size_t begin, std::size_t end, int model_index,
                          std::atomic<bool>& stop) {
    const bool reports_progress = ctx_.progress && *ctx_.progress;
    for (std::size_t i = begin; i < end && !stop; ++i) {
      PathScope item(path_, static_cast<int>(i));
      if (!expect(items[i], JsonKind::Object, "an object")) continue;
      if (hopeless()) {  // still checked (and counted), no longer kept
        Project scratch;
        read_project(items[i], scratch, static_cast<int>(i), model_index++);
        continue;
      }
      d_.projects.emplace_back();
      read_project(items[i], d_.projects.back(), static_cast<int>(i), model_index++);
      const std::size_t done = i - begin + 1;
      if (reports_progress && (done & 1023) == 0 &&
          !(*ctx_.progress)(static_cast<float>(done) / static_cast<float>(end - begin))) {
        cancelled_ = true;
        stop = true;
        trim_problem_list(ctx_.problems, ctx_.unlisted);
        if (problem_list_full(ctx_.problems)) {  // room for the one the caller looks for
          ctx_.unlisted.count(ctx_.problems.back().severity);
          ctx_.problems.pop_back();
        }
        error("loading was cancelled");  // always listed: the caller looks for it
      }
    }
  }

  template <class T>
  void index_ids(const std::vector<T>& items, std::string_view key, IdMap& ids) {
    ids.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i].id.empty()) continue;
      const auto [it, inserted] = ids.emplace(items[i].id, static_cast<int>(i));
      if (!inserted) {
        PathScope scope(path_, key);
        PathScope item(path_, static_cast<int>(i));
        PathScope id(path_, "id");
        error("duplicate id \"" + items[i].id + "\" (also " + std::string(key) + "[" +
              std::to_string(it->second) + "])");
      }
    }
  }

  // [SECTION] Builder: sources, districts, parks, industries, products, companies

  void read_source(const Node& n, Source& s) {
    bool has_id = false, has_kind = false, has_publisher = false, has_title = false, has_date = false;
    n.for_each_member([&](std::string_view key, const Node& v) {
      PathScope scope(path_, key);
      if (key == "id") {
        has_id = true;
        read_id(v, s.id);
      } else if (key == "kind") {
        has_kind = true;
        if (expect(v, JsonKind::String, "\"article\" or \"reference\"")) {
          if (v.get_string() == "article")
            s.kind = Source::Kind::Article;
          else if (v.get_string() == "reference")
            s.kind = Source::Kind::Reference;
          else
            error("unknown source kind \"" + shorten(v.get_string(), 30) + "\" (one of: article, reference)");
        }
      } else if (key == "publisher") {
        has_publisher = true;
        if (read_text(v, s.publisher, true)) check_not_placeholder(s.publisher, "publisher");
      } else if (key == "via") {
        if (read_text(v, s.via, true)) check_not_placeholder(s.via, "repost site");
      } else if (key == "title") {
        has_title = true;
        if (read_text(v, s.title, true)) check_title(s);
      } else if (key == "date") {
        has_date = true;
        if (auto d = read_date(v)) s.date = *d;
      } else if (key == "date_basis")
        read_text(v, s.date_basis);
      else if (key == "date_basis_en")
        read_text(v, s.date_basis_en);
      else if (key == "file")
        read_text(v, s.file, true);
      else if (key == "url")
        read_text(v, s.url);
      else if (key == "language")
        read_text(v, s.language);
      else if (key == "notes")
        read_text(v, s.notes);
      else if (key == "notes_en")
        read_text(v, s.notes_en);
      else
        unknown_field(key, v, s.extra);
    });
    require(has_id, "id");
    require(has_kind, "kind");
    require(has_publisher, "publisher");
    require(has_title, "title");
    require(has_date, "date");
    if (has_kind && s.kind == Source::Kind::Article && s.file.empty())
      error("an article source needs \"file\": the path of its text, relative to the dataset");
    if (has_kind && s.kind == Source::Kind::Reference && s.url.empty())
      error(
          "a reference source needs \"url\": the address where the excerpt was published (its quotes "
          "cannot be checked offline, so the address is the only way to check them)");
  }

  // Square brackets mark our descriptions ("[出处未记录]", "[标题未保存] …"), never a name or a headline.
  static bool opens_with_bracket(std::string_view text) {
    return text.starts_with("[") || text.starts_with("［") || text.starts_with("【");
  }

  // A publisher is a real outlet: a bracketed description ("[出处未记录]") or our own notes is not.
  void check_not_placeholder(std::string_view name, std::string_view what) {
    const std::string_view t = trim(name);
    const bool bracketed = opens_with_bracket(t) || t.starts_with("(") || t.starts_with("（");
    const bool ours = ascii_lower(std::string(t)).find("indtrack") != std::string::npos;
    if (bracketed || ours)
      error("\"" + shorten(name, 40) + "\" is not a " + std::string(what) +
            ": name the outlet that published the report (a report whose outlet is not known cannot be "
            "cited)");
  }

  // A title is the headline. When the copy lost it, the title says so with the one mark readers
  // know ("[标题未保存] description"); any other bracketed title could pass for a headline.
  void check_title(const Source& s) {
    const std::string_view t = trim(s.title);
    if (opens_with_bracket(t) && !t.starts_with(kHeadlineNotKept))
      warning("\"" + shorten(s.title, 40) + "\" looks like a description, not a headline: start it with \"" +
              std::string(kHeadlineNotKept) + "\" so that readers know the headline was not kept");
  }

  void require(bool present, std::string_view name) {
    if (!present) error("missing required field \"" + std::string(name) + "\"");
  }

  void read_district(const Node& n, District& d) {
    bool has_id = false, has_name = false;
    n.for_each_member([&](std::string_view key, const Node& v) {
      PathScope scope(path_, key);
      if (key == "id") {
        has_id = true;
        read_id(v, d.id);
      } else if (key == "name") {
        has_name = true;
        read_text(v, d.name, true);
      } else if (key == "name_en")
        read_text(v, d.name_en);
      else if (key == "aliases")
        read_text_list(v, d.aliases);
      else
        unknown_field(key, v, d.extra);
    });
    require(has_id, "id");
    require(has_name, "name");
  }

  // {"id": ..., evidence...} naming a district or park.
  std::optional<PlaceFact> read_place(const Node& v, const IdMap& ids, std::string_view kind_name,
                                      Json& extra) {
    if (!expect(v, JsonKind::Object, "an object {\"id\": ..., \"source\": ..., \"quote\": ...}"))
      return std::nullopt;
    PlaceFact place;
    EvidenceSeen seen;
    bool has_id = false;
    v.for_each_member([&](std::string_view key, const Node& m) {
      PathScope scope(path_, key);
      if (key == "id") {
        has_id = true;
        place.index = read_ref(m, ids, kind_name);
      } else if (!read_evidence_field(key, m, place.evidence, seen)) {
        unknown_field(key, m, extra);
      }
    });
    require(has_id, "id");
    check_evidence(place.evidence, seen);
    return place;
  }

  void read_park(const Node& n, Park& p) {
    bool has_id = false, has_name = false;
    n.for_each_member([&](std::string_view key, const Node& v) {
      PathScope scope(path_, key);
      if (key == "id") {
        has_id = true;
        read_id(v, p.id);
      } else if (key == "name") {
        has_name = true;
        read_text(v, p.name, true);
      } else if (key == "name_en")
        read_text(v, p.name_en);
      else if (key == "aliases")
        read_text_list(v, p.aliases);
      else if (key == "district") {
        Json place_extra;
        if (auto place = read_place(v, ids_.districts, "district", place_extra)) {
          p.district = place->index;
          p.district_evidence = place->evidence;
        }
        if (!place_extra.empty()) p.extra["district"] = std::move(place_extra);
      } else if (key == "notes")
        read_text(v, p.notes);
      else if (key == "notes_en")
        read_text(v, p.notes_en);
      else
        unknown_field(key, v, p.extra);
    });
    require(has_id, "id");
    require(has_name, "name");
  }

  void read_industry(const Node& n, Industry& ind) {
    bool has_id = false, has_name = false;
    n.for_each_member([&](std::string_view key, const Node& v) {
      PathScope scope(path_, key);
      if (key == "id") {
        has_id = true;
        read_id(v, ind.id);
      } else if (key == "name") {
        has_name = true;
        read_text(v, ind.name, true);
      } else if (key == "name_en")
        read_text(v, ind.name_en);
      else
        unknown_field(key, v, ind.extra);
    });
    require(has_id, "id");
    require(has_name, "name");
  }

  void read_product(const Node& n, Product& p) {
    bool has_id = false, has_name = false;
    n.for_each_member([&](std::string_view key, const Node& v) {
      PathScope scope(path_, key);
      if (key == "id") {
        has_id = true;
        read_id(v, p.id);
      } else if (key == "name") {
        has_name = true;
        read_text(v, p.name, true);
      } else if (key == "short_name")
        read_text(v, p.short_name);
      else if (key == "name_en")
        read_text(v, p.name_en);
      else if (key == "aliases")
        read_text_list(v, p.aliases);
      else if (key == "industry")
        p.industry = read_ref(v, ids_.industries, "industry");
      else
        unknown_field(key, v, p.extra);
    });
    require(has_id, "id");
    require(has_name, "name");
  }

  void read_statements(const Node& v, std::vector<Statement>& out) {
    if (!expect(v, JsonKind::Array, "an array of {\"source\", \"quote\"} objects")) return;
    v.for_each_element([&](int i, const Node& e) {
      PathScope scope(path_, i);
      if (!expect(e, JsonKind::Object, "an object")) return;
      Statement s;
      EvidenceSeen seen;
      e.for_each_member([&](std::string_view key, const Node& m) {
        PathScope field(path_, key);
        if (!read_evidence_field(key, m, s.evidence, seen)) unknown_field(key, m, s.extra);
      });
      check_evidence(s.evidence, seen);
      out.push_back(std::move(s));
    });
  }

  void read_company(const Node& n, Company& c) {
    bool has_id = false, has_name = false;
    n.for_each_member([&](std::string_view key, const Node& v) {
      PathScope scope(path_, key);
      if (key == "id") {
        has_id = true;
        read_id(v, c.id);
      } else if (key == "name") {
        has_name = true;
        read_text(v, c.name, true);
      } else if (key == "short_name")
        read_text(v, c.short_name);
      else if (key == "name_en")
        read_text(v, c.name_en);
      else if (key == "aliases")
        read_text_list(v, c.aliases);
      else if (key == "parent") {
        // Parents may be listed later in the file: resolved once all companies are read.
        std::string id;
        if (read_id(v, id)) pending_parents_.push_back({d_.companies.size() - 1, std::move(id)});
      } else if (key == "evidence")
        read_statements(v, c.evidence);
      else if (key == "notes")
        read_text(v, c.notes);
      else if (key == "notes_en")
        read_text(v, c.notes_en);
      else
        unknown_field(key, v, c.extra);
    });
    require(has_id, "id");
    require(has_name, "name");
  }

  void resolve_company_parents() {
    for (const auto& [company, parent_id] : pending_parents_) {
      PathScope scope(path_, "companies");
      PathScope item(path_, static_cast<int>(company));
      PathScope field(path_, "parent");
      const auto it = ids_.companies.find(parent_id);
      if (it == ids_.companies.end())
        error("unknown company \"" + parent_id + "\" as parent");
      else if (it->second == static_cast<int>(company))
        error("a company cannot be its own parent");
      else
        d_.companies[company].parent = it->second;
    }
    // Cycles (a -> b -> a) would make "group of" queries loop.
    for (std::size_t i = 0; i < d_.companies.size(); ++i) {
      int steps = 0;
      for (int c = d_.companies[i].parent; c >= 0 && steps <= static_cast<int>(d_.companies.size());
           c = d_.companies[c].parent)
        ++steps;
      if (steps > static_cast<int>(d_.companies.size())) {
        PathScope scope(path_, "companies");
        PathScope item(path_, static_cast<int>(i));
        PathScope field(path_, "parent");
        error("parent companies form a cycle");
        d_.companies[i].parent = -1;
      }
    }
  }

  // [SECTION] Builder: milestones, status reports, units, investments, projects

  // "product" / "phase" on a project-level milestone or status report: the lines it is about.
  bool read_scope_field(std::string_view key, const Node& v, FactScope& scope, bool project_level) {
    if (key != "product" && key != "phase") return false;
    if (!project_level) {
      error("\"" + std::string(key) +
            "\" narrows a project-level fact to some of its lines; a line's own fact needs no scope");
      return true;
    }
    if (key == "product")
      scope.product = read_ref(v, ids_.products, "product");
    else
      read_text(v, scope.phase, true);
    return true;
  }

  void read_milestones(const Node& v, std::vector<Milestone>& out, bool project_level) {
    if (!expect(v, JsonKind::Array, "an array of milestones")) return;
    out.reserve(v.size());
    v.for_each_element([&](int i, const Node& e) {
      PathScope scope(path_, i);
      if (!expect(e, JsonKind::Object, "an object")) return;
      Milestone m;
      EvidenceSeen seen;
      bool has_kind = false, has_date = false, date_ok = false;
      e.for_each_member([&](std::string_view key, const Node& f) {
        PathScope field(path_, key);
        if (key == "kind") {
          has_kind = true;
          if (auto k = read_vocabulary(f, milestone_kinds(), "milestone kind")) m.kind = *k;
        } else if (key == "date") {
          has_date = true;
          if (auto d = read_date(f)) {
            m.date = *d;
            date_ok = true;
          }
        } else if (key == "expected")
          read_bool(f, m.expected);
        else if (key == "reported")
          m.reported = read_date(f);
        else if (!read_scope_field(key, f, m.scope, project_level) &&
                 !read_evidence_field(key, f, m.evidence, seen))
          unknown_field(key, f, m.extra);
      });
      require(has_kind, "kind");
      require(has_date, "date");
      check_evidence(m.evidence, seen);
      if (date_ok) out.push_back(std::move(m));
    });
  }

  void read_status_reports(const Node& v, std::vector<StatusReport>& out, bool project_level) {
    if (!expect(v, JsonKind::Array, "an array of status reports")) return;
    v.for_each_element([&](int i, const Node& e) {
      PathScope scope(path_, i);
      if (!expect(e, JsonKind::Object, "an object")) return;
      StatusReport r;
      EvidenceSeen seen;
      bool has_status = false;
      e.for_each_member([&](std::string_view key, const Node& f) {
        PathScope field(path_, key);
        if (key == "status") {
          has_status = true;
          if (auto s = read_vocabulary(f, reportable_statuses(), "status")) r.status = *s;
        } else if (key == "as_of")
          r.as_of = read_date(f);
        else if (!read_scope_field(key, f, r.scope, project_level) &&
                 !read_evidence_field(key, f, r.evidence, seen))
          unknown_field(key, f, r.extra);
      });
      require(has_status, "status");
      check_evidence(r.evidence, seen);
      if (has_status && r.status != Status::Unknown) out.push_back(std::move(r));
    });
  }

  void read_capacity_object(const Node& e, CapacityFact& c) {
    EvidenceSeen seen;
    QuantitySeen qseen;
    e.for_each_member([&](std::string_view key, const Node& f) {
      PathScope field(path_, key);
      if (!read_quantity_field(key, f, c.amount, qseen) && !read_evidence_field(key, f, c.evidence, seen))
        unknown_field(key, f, c.extra);
    });
    finish_quantity(c.amount, qseen,
                    {Dimension::MassPerYear, Dimension::Power, Dimension::EnergyPerYear, Dimension::GasFlow});
    check_evidence(c.evidence, seen);
  }

  void read_unit(const Node& n, Unit& u) {
    bool has_id = false, has_name = false, has_product = false;
    n.for_each_member([&](std::string_view key, const Node& v) {
      PathScope scope(path_, key);
      if (key == "id") {
        has_id = true;
        read_id(v, u.id);
      } else if (key == "name") {
        has_name = true;
        read_text(v, u.name, true);
      } else if (key == "name_en")
        read_text(v, u.name_en);
      else if (key == "product") {
        has_product = true;
        u.product = read_ref(v, ids_.products, "product");
      } else if (key == "capacity") {
        if (v.kind() == JsonKind::Array) {
          u.capacity_written_as_list = true;
          v.for_each_element([&](int i, const Node& e) {
            PathScope item(path_, i);
            if (!expect(e, JsonKind::Object, "a capacity object")) return;
            u.capacity.emplace_back();
            read_capacity_object(e, u.capacity.back());
          });
        } else if (expect(v, JsonKind::Object,
                          "a capacity object {\"value\", \"unit\", \"source\", \"quote\"} or an array of "
                          "them")) {
          u.capacity.emplace_back();
          read_capacity_object(v, u.capacity.back());
        }
      } else if (key == "phase")
        read_text(v, u.phase);
      else if (key == "milestones")
        read_milestones(v, u.milestones, false);
      else if (key == "status_reports")
        read_status_reports(v, u.status_reports, false);
      else if (key == "notes")
        read_text(v, u.notes);
      else if (key == "notes_en")
        read_text(v, u.notes_en);
      else
        unknown_field(key, v, u.extra);
    });
    require(has_id, "id");
    require(has_name, "name");
    // No product: a facility (power station, sewage plant), which has no capacity.
    if (!has_product && !u.capacity.empty())
      error(
          "a unit with a capacity needs \"product\" (a unit without one is a facility, which has no "
          "capacity)");
  }

  // A project's total of one product as a source states it.
  void read_totals(const Node& v, std::vector<StatedTotal>& out) {
    if (!expect(v, JsonKind::Array, "an array of stated totals")) return;
    v.for_each_element([&](int i, const Node& e) {
      PathScope scope(path_, i);
      if (!expect(e, JsonKind::Object, "an object")) return;
      StatedTotal t;
      EvidenceSeen seen;
      QuantitySeen qseen;
      bool has_product = false;
      e.for_each_member([&](std::string_view key, const Node& f) {
        PathScope field(path_, key);
        if (key == "product") {
          has_product = true;
          t.product = read_ref(f, ids_.products, "product");
        } else if (key == "as_of")
          t.as_of = read_date(f);
        else if (key == "expected")
          read_bool(f, t.expected);
        else if (key == "phase")
          read_text(f, t.phase, true);
        else if (!read_quantity_field(key, f, t.amount, qseen) &&
                 !read_evidence_field(key, f, t.evidence, seen))
          unknown_field(key, f, t.extra);
      });
      require(has_product, "product");
      finish_quantity(
          t.amount, qseen,
          {Dimension::MassPerYear, Dimension::Power, Dimension::EnergyPerYear, Dimension::GasFlow});
      check_evidence(t.evidence, seen);
      out.push_back(std::move(t));
    });
  }

  // Unit ids are unique across all projects: checked once every project is read (in file order,
  // whichever thread read it).
  void check_unique_unit_ids() {
    std::unordered_map<std::string_view, const UnitSeen*> first;  // id -> where it was first defined
    first.reserve(units_seen_.size());  // no rehashing: this runs on one thread after the join
    for (const UnitSeen& seen : units_seen_) {
      // Past too many errors projects are no longer kept (hopeless()): nothing to compare there.
      if (seen.project >= static_cast<int>(d_.projects.size()) ||
          seen.unit >= static_cast<int>(d_.projects[seen.project].units.size()))
        continue;
      const std::string& id = d_.projects[seen.project].units[seen.unit].id;
      if (id.empty()) continue;
      const auto [it, inserted] = first.emplace(id, &seen);
      if (inserted) continue;
      PathScope projects(path_, "projects");
      PathScope project(path_, seen.file_project);
      PathScope units(path_, "units");
      PathScope unit(path_, seen.file_unit);
      PathScope field(path_, "id");
      current_project_ = seen.project;
      error("duplicate unit id \"" + id + "\" (also projects[" + std::to_string(it->second->project) +
            "].units[" + std::to_string(it->second->unit) + "])");
      current_project_ = -1;
    }
  }

  void read_investments(const Node& v, std::vector<Investment>& out) {
    if (!expect(v, JsonKind::Array, "an array of investments")) return;
    v.for_each_element([&](int i, const Node& e) {
      PathScope scope(path_, i);
      if (!expect(e, JsonKind::Object, "an object")) return;
      Investment inv;
      EvidenceSeen seen;
      QuantitySeen qseen;
      bool has_scope = false;
      e.for_each_member([&](std::string_view key, const Node& f) {
        PathScope field(path_, key);
        if (key == "scope") {
          has_scope = true;
          if (auto s = read_vocabulary(f, investment_scopes(), "investment scope")) inv.scope = *s;
        } else if (key == "as_of")
          inv.as_of = read_date(f);
        else if (key == "phase")
          read_text(f, inv.phase);
        else if (!read_quantity_field(key, f, inv.amount, qseen) &&
                 !read_evidence_field(key, f, inv.evidence, seen))
          unknown_field(key, f, inv.extra);
      });
      require(has_scope, "scope");
      finish_quantity(inv.amount, qseen, {Dimension::Money});
      check_evidence(inv.evidence, seen);
      if (has_scope && inv.scope == InvestmentScope::Phase && inv.phase.empty())
        error("a \"phase\" investment needs \"phase\" (e.g. 一期)");
      out.push_back(std::move(inv));
    });
  }

  // `file_index`: the entry's index in the file's array; `model_index`: in Dataset::projects.
  void read_project(const Node& n, Project& p, int file_index, int model_index) {
    current_project_ = model_index;
    bool has_id = false, has_name = false;
    n.for_each_member([&](std::string_view key, const Node& v) {
      PathScope scope(path_, key);
      if (key == "id") {
        has_id = true;
        read_id(v, p.id);
      } else if (key == "name") {
        has_name = true;
        read_text(v, p.name, true);
      } else if (key == "name_en")
        read_text(v, p.name_en);
      else if (key == "aliases")
        read_text_list(v, p.aliases);
      else if (key == "company")
        p.company = read_ref(v, ids_.companies, "company");
      else if (key == "industries")
        read_ref_list(v, p.industries, ids_.industries, "industry");
      else if (key == "products")
        read_ref_list(v, p.products, ids_.products, "product");
      else if (key == "park") {
        Json place_extra;
        p.park = read_place(v, ids_.parks, "park", place_extra);
        if (!place_extra.empty()) p.extra["park"] = std::move(place_extra);
      } else if (key == "district") {
        Json place_extra;
        p.district = read_place(v, ids_.districts, "district", place_extra);
        if (!place_extra.empty()) p.extra["district"] = std::move(place_extra);
      } else if (key == "investments")
        read_investments(v, p.investments);
      else if (key == "totals")
        read_totals(v, p.totals);
      else if (key == "units") {
        if (expect(v, JsonKind::Array, "an array of units")) {
          p.units.reserve(v.size());
          v.for_each_element([&](int i, const Node& e) {
            PathScope item(path_, i);
            if (!expect(e, JsonKind::Object, "an object")) return;
            if (!hopeless())
              units_seen_.push_back({file_index, i, model_index, static_cast<int>(p.units.size())});
            p.units.emplace_back();
            read_unit(e, p.units.back());
          });
        }
      } else if (key == "milestones")
        read_milestones(v, p.milestones, true);
      else if (key == "status_reports")
        read_status_reports(v, p.status_reports, true);
      else if (key == "evidence")
        read_statements(v, p.evidence);
      else if (key == "notes")
        read_text(v, p.notes);
      else if (key == "notes_en")
        read_text(v, p.notes_en);
      else
        unknown_field(key, v, p.extra);
    });
    require(has_id, "id");
    require(has_name, "name");
    current_project_ = -1;
  }

  // [SECTION] Builder: aggregates

  void read_aggregate(const Node& n, Aggregate& a) {
    bool has_id = false, has_area_kind = false, has_metric = false;
    std::string area_id;
    bool has_area = false;
    EvidenceSeen seen;
    QuantitySeen qseen;
    n.for_each_member([&](std::string_view key, const Node& v) {
      PathScope scope(path_, key);
      if (key == "id") {
        has_id = true;
        read_id(v, a.id);
      } else if (key == "area_kind") {
        has_area_kind = true;
        if (auto k = read_vocabulary(v, area_kinds(), "area kind")) a.area_kind = *k;
      } else if (key == "area") {
        has_area = read_id(v, area_id);
      } else if (key == "metric") {
        has_metric = true;
        if (auto m = read_vocabulary(v, aggregate_metrics(), "metric")) a.metric = *m;
      } else if (key == "product")
        a.product = read_ref(v, ids_.products, "product");
      else if (key == "status")
        a.status = read_vocabulary(v, reportable_statuses(), "status");
      else if (key == "period")
        a.period = read_date(v);
      else if (key == "expected")
        read_bool(v, a.expected);
      else if (key == "label")
        read_text(v, a.label);
      else if (key == "label_en")
        read_text(v, a.label_en);
      else if (!read_quantity_field(key, v, a.amount, qseen) &&
               !read_evidence_field(key, v, a.evidence, seen))
        unknown_field(key, v, a.extra);
    });
    require(has_id, "id");
    require(has_area_kind, "area_kind");
    require(has_metric, "metric");
    finish_quantity(a.amount, qseen,
                    {Dimension::MassPerYear, Dimension::Money, Dimension::Count, Dimension::Power,
                     Dimension::EnergyPerYear, Dimension::GasFlow});
    check_evidence(a.evidence, seen);
    if (a.area_kind == AreaKind::City) {
      if (has_area) {
        PathScope scope(path_, "area");
        error("a city-level aggregate has no \"area\"");
      }
    } else if (!has_area) {
      error("missing required field \"area\" (a " + std::string(id_of(a.area_kind)) + " id)");
    } else {
      PathScope scope(path_, "area");
      const IdMap& ids = a.area_kind == AreaKind::District ? ids_.districts : ids_.parks;
      const auto it = ids.find(area_id);
      if (it == ids.end())
        error("unknown " + std::string(id_of(a.area_kind)) + " \"" + area_id + "\"");
      else
        a.area = it->second;
    }
  }

  void check_unique_aggregate_ids() {
    IdMap ids;
    index_ids(d_.aggregates, "aggregates", ids);
  }

  Dataset& d_;
  BuildContext& ctx_;
  JsonPath path_;
  int current_project_ = -1;
  bool cancelled_ = false;
  IdMaps& ids_;
  struct UnitSeen {
    int file_project, file_unit;  // indices in the file's arrays (for the path)
    int project, unit;            // indices in the model
  };
  std::vector<UnitSeen> units_seen_;  // in file order
  std::vector<std::pair<std::size_t, std::string>> pending_parents_;
};

}  // namespace

// [SECTION] Entry points

bool build_dataset(const NlohmannNode& root, Dataset& out, BuildContext& ctx) {
  IdMaps ids;
  return Builder<NlohmannNode>(out, ctx, ids).build(root);
}

bool build_dataset(const SimdjsonNode& root, Dataset& out, BuildContext& ctx) {
  IdMaps ids;
  return Builder<SimdjsonNode>(out, ctx, ids).build(root);
}

}  // namespace indtrack
