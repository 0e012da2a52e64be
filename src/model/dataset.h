// The dataset: sources, places, companies, products, projects with their production lines
// (units) and milestones, and city-level aggregate statements. Plain structs; the file format
// is docs/data-format.md, read and written by io/. Cross-references are indices into the
// Dataset's vectors (resolved from string ids on load, written back as ids on save).
//
// Every number, date and location carries Evidence: the source it came from and the verbatim
// quote. Unknown JSON fields are kept in `extra` and written back on save.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/language.h"
#include "core/units.h"
#include "model/vocabulary.h"

namespace indtrack {

using Json = nlohmann::json;

// Where a fact comes from. `source` is an index into Dataset::sources (-1 for a purely inferred
// fact, which must then say why in `note`).
struct Evidence {
  int source = -1;
  std::string quote;  // verbatim text of the source
  Basis basis = Basis::Stated;
  std::string note;     // curator's reasoning (Chinese, shown to users): why inferred, what conflicts
  std::string note_en;  // the same in English, for the English interface
};

// A standalone statement (in a project's or company's "evidence" list).
struct Statement {
  Evidence evidence;
  Json extra;  // unknown fields (null when none)
};

// An amount as the source wrote it plus its canonical value.
struct Quantity {
  double value = 0;      // in `unit`, as written: 10.4
  std::string unit;      // as written: "万吨/年"
  double canonical = 0;  // in the canonical unit of `dimension`: 104000 (t/a)
  Dimension dimension = Dimension::MassPerYear;
  bool approximate = false;                      // the source hedges: 约, 近, 左右
  AggregateBound bound = AggregateBound::Exact;  // "60多亿元" is more_than 60, "250万吨以上" at_least
};

// A published report. An article is one whose text we hold (its quotes are checked against it);
// a reference is one whose text could not be obtained: it has an address, and its quotes are
// excerpts as published, which cannot be checked offline.
struct Source {
  enum class Kind : unsigned char { Article, Reference };
  std::string id;
  Kind kind = Kind::Article;
  std::string publisher;  // the original outlet: 乌海日报
  std::string via;        // the site whose copy we hold or cite, for a repost: 内蒙古社区报
  std::string title;
  Date date;                  // publication date, as precise as known
  std::string date_basis;     // how the date was established when the text does not print it
  std::string date_basis_en;  // the same in English
  std::string file;           // article: path of the UTF-8 text, relative to the dataset file
  std::string url;            // the address of the page (required for a reference)
  std::string language;       // "zh" unless stated; "en" for an English translation
  std::string notes;
  std::string notes_en;
  Json extra;        // unknown fields (null when none)
  std::string text;  // article text, loaded from `file` (not serialized)
};

struct District {
  std::string id;
  std::string name;  // 海勃湾区
  std::string name_en;
  std::vector<std::string> aliases;
  Json extra;  // unknown fields (null when none)
};

struct Park {
  std::string id;
  std::string name;  // 乌达产业园
  std::string name_en;
  std::vector<std::string> aliases;  // former names: 千里山工业园区
  int district = -1;
  Evidence district_evidence;  // basis Inferred / Conflicting with a note when not stated
  std::string notes;
  std::string notes_en;
  Json extra;  // unknown fields (null when none)
};

struct Industry {
  std::string id;
  std::string name;
  std::string name_en;
  Json extra;  // unknown fields (null when none)
};

struct Product {
  std::string id;          // "BDO"
  std::string name;        // 1,4-丁二醇
  std::string short_name;  // BDO
  std::string name_en;
  std::vector<std::string> aliases;  // spellings seen in sources, including typos ("BOD")
  int industry = -1;
  Json extra;  // unknown fields (null when none)
};

struct Company {
  std::string id;
  std::string name;        // full legal name
  std::string short_name;  // 华恒
  std::string name_en;
  std::vector<std::string> aliases;  // variants seen in sources
  int parent = -1;                   // parent company
  std::vector<Statement> evidence;
  std::string notes;
  std::string notes_en;
  Json extra;  // unknown fields (null when none)
};

// What a project-level milestone or status report is about when it is narrower than the whole
// project: the lines of one product ("the PTMEG units"), or of one phase ("项目一期"). A unit
// inherits such a fact only when it matches; a fact scoped to a phase no unit carries stays the
// project's own. Empty: the whole project. Unit-level facts have no scope.
struct FactScope {
  int product = -1;   // the project's lines of this product
  std::string phase;  // the project's lines whose `phase` is written exactly so
  bool empty() const { return product < 0 && phase.empty(); }
};

struct Milestone {
  MilestoneKind kind = MilestoneKind::Announced;
  Date date;
  bool expected = false;         // a plan or forecast when reported, not an event that happened
  std::optional<Date> reported;  // when the statement was made; defaults to the source's date
  FactScope scope;               // project level only
  Evidence evidence;
  Json extra;  // unknown fields (null when none)
};

// "Reported under construction as of ..." without a dated event.
struct StatusReport {
  Status status = Status::Unknown;
  std::optional<Date> as_of;  // defaults to the source's date: "in this state by then"
  FactScope scope;            // project level only
  Evidence evidence;
  Json extra;  // unknown fields (null when none)
};

struct CapacityFact {
  Quantity amount;
  Evidence evidence;
  Json extra;  // unknown fields (null when none)
};

struct Investment {
  InvestmentScope scope = InvestmentScope::Total;
  Quantity amount;            // money
  std::optional<Date> as_of;  // for "completed": the date the figure refers to (default: source date)
  std::string phase;          // for scope "phase": 一期
  Evidence evidence;
  Json extra;  // unknown fields (null when none)
};

// A project's total capacity of one product as a source states it ("目前该公司BDO产能达到31.2万吨/年").
// Kept as a fact in its own right; the validator warns when the project's lines of that product
// (of `phase`, when given) do not add up to it.
struct StatedTotal {
  int product = -1;
  Quantity amount;
  std::optional<Date> as_of;  // the date the total refers to (default: the source's date)
  bool expected = false;      // "将达到38万吨": a total the project will reach
  std::string phase;          // the total of one phase only
  Evidence evidence;
  Json extra;  // unknown fields (null when none)
};

// A reference to a park or district with the evidence for it.
struct PlaceFact {
  int index = -1;
  Evidence evidence;
};

// A production line, phase or facility inside a project. A facility without a product (a power
// station, a sewage plant) has milestones but no capacity, and does not count towards the
// project's production status.
struct Unit {
  std::string id;
  std::string name;
  std::string name_en;
  int product = -1;                    // -1: a facility
  std::vector<CapacityFact> capacity;  // first = primary; more = conflicting statements
  bool capacity_written_as_list = false;
  std::string phase;
  std::vector<Milestone> milestones;
  std::vector<StatusReport> status_reports;
  std::string notes;
  std::string notes_en;
  Json extra;  // unknown fields (null when none)
};

struct Project {
  std::string id;
  std::string name;
  std::string name_en;
  std::vector<std::string> aliases;
  int company = -1;
  std::vector<int> industries;
  std::vector<int> products;  // products named for the project; units add their own
  std::optional<PlaceFact> park;
  std::optional<PlaceFact> district;  // absent: derived from the park (see district_of)
  std::vector<Investment> investments;
  std::vector<StatedTotal> totals;  // totals the sources state, beside the lines
  std::vector<Unit> units;
  std::vector<Milestone> milestones;  // project-level events
  std::vector<StatusReport> status_reports;
  std::vector<Statement> evidence;  // other statements about the project
  std::string notes;                // Chinese, shown to users
  std::string notes_en;             // English
  Json extra;                       // unknown fields (null when none)
};

struct Aggregate {
  std::string id;
  AreaKind area_kind = AreaKind::City;
  int area = -1;  // district or park index; -1 for the city
  AggregateMetric metric = AggregateMetric::Other;
  int product = -1;
  std::optional<Status> status;  // "of which 3 in production": the count is restricted to a status
  Quantity amount;               // amount.bound: ≥250万吨 is at_least
  std::optional<Date> period;    // the date or year the figure refers to ("年内" -> 2023)
  bool expected = false;         // a target or forecast
  std::string label;             // short Chinese description for charts
  std::string label_en;
  Evidence evidence;
  Json extra;  // unknown fields (null when none)
};

struct Dataset {
  int schema_version = 1;
  std::string name;
  std::string name_en;
  std::string description;
  std::string description_en;
  std::optional<Date> updated;
  std::vector<Source> sources;
  std::vector<District> districts;
  std::vector<Park> parks;
  std::vector<Industry> industries;
  std::vector<Product> products;
  std::vector<Company> companies;
  std::vector<Project> projects;
  std::vector<Aggregate> aggregates;
  Json extra;  // unknown fields (null when none)

  std::string path;  // the file it was loaded from (not serialized)

  // id -> index lookups; rebuilt by rebuild_index() after the vectors change.
  int find_source(std::string_view id) const;
  int find_district(std::string_view id) const;
  int find_park(std::string_view id) const;
  int find_industry(std::string_view id) const;
  int find_product(std::string_view id) const;
  int find_company(std::string_view id) const;
  int find_project(std::string_view id) const;
  void rebuild_index();

 private:
  using Index = std::unordered_map<std::string, int>;
  static int lookup(const Index& index, std::string_view id);
  Index source_index_, district_index_, park_index_, industry_index_, product_index_, company_index_,
      project_index_;
};

// The statement date of a milestone: its own `reported`, else its source's date.
std::optional<Date> reported_date(const Dataset& data, const Milestone& m);
std::optional<Date> as_of_date(const Dataset& data, const StatusReport& r);

// A project's district and how it is known: stated on the project, or inferred from its park.
struct DistrictOfProject {
  int district = -1;
  Basis basis = Basis::Stated;
  bool from_park = false;
  const Evidence* evidence = nullptr;  // the project's or the park's evidence
};
DistrictOfProject district_of(const Dataset& data, const Project& p);

// Whether a project-level fact of this scope applies to the unit (an empty scope applies to all).
bool scope_applies(const FactScope& scope, const Unit& u);

// "乌海日报" or, for a repost, "乌海日报，经内蒙古社区报转载" / "乌海日报, via 内蒙古社区报".
std::string publisher_text(const Source& s, bool english);

// A curator's text in the UI language: the English version when asked for and present.
inline const std::string& in_language(const std::string& zh, const std::string& en, bool english) {
  return english && !en.empty() ? en : zh;
}
inline const std::string& in_language(const std::string& zh, const std::string& en, Language language) {
  return in_language(zh, en, language == Language::English);
}
// The name of anything with `name` and `name_en` (project, district, park, ...) in a language.
template <class Named>
const std::string& name_in(const Named& item, Language language) {
  return in_language(item.name, item.name_en, language);
}

// Display name of a company: short name when present.
const std::string& display_name(const Company& c);
// Display name of a product: a short name such as BDO serves both languages; a Chinese short name
// (负极材料) only Chinese, English gets name_en.
const std::string& display_name(const Product& p, bool english);

}  // namespace indtrack
