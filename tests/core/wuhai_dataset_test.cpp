// The bundled Wuhai dataset (data/wuhai.json): it loads without errors (so every article quote
// is found in its article), it holds every figure of the hand-made coverage list
// tests/data/coverage/wuhai-facts.json (same value, unit, date precision, expected flag and
// source), and its derived status and capacity agree with what the articles of those dates say.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "dataset_fixtures.h"
#include "io/dataset_io.h"
#include "query/project_summary.h"
#include "query/status.h"
#include "test_support.h"

using namespace indtrack;
using test::wuhai;

namespace {

DayNumber day(const char* text) { return parse_date(text).date->placement_day(); }

const Project& project(const std::string& id) {
  const int i = wuhai().find_project(id);
  INFO("project " << id);
  REQUIRE(i >= 0);
  return wuhai().projects[static_cast<std::size_t>(i)];
}

const Unit* unit_by_id(const Project& p, const std::string& id) {
  for (const Unit& u : p.units)
    if (u.id == id) return &u;
  return nullptr;
}

const std::string& source_id(const Evidence& e) {
  static const std::string none = "(none)";
  return e.source >= 0 ? wuhai().sources[static_cast<std::size_t>(e.source)].id : none;
}

std::string precision_name(const Date& d) {
  switch (d.precision) {
    case DatePrecision::Year:
      return "year";
    case DatePrecision::Month:
      return "month";
    case DatePrecision::Day:
      return "day";
  }
  return "";
}

bool same_amount(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

double canonical(const Json& fact) {
  const auto info = find_unit(fact.at("unit").get<std::string>());
  REQUIRE(info);
  return fact.at("value").get<double>() * info->to_canonical;
}

// A quantity as written matches the fact: same number, same unit string, same hedge.
bool matches(const Quantity& q, const Json& fact) {
  return q.unit == fact.at("unit").get<std::string>() &&
         same_amount(q.value, fact.at("value").get<double>()) &&
         q.approximate == fact.value("approximate", false);
}

bool has_capacity(const Project& p, const Json& fact) {
  const std::string& source = fact.at("source").get_ref<const std::string&>();
  if (fact.contains("unit_id")) {
    const Unit* u = unit_by_id(p, fact.at("unit_id").get<std::string>());
    if (!u) return false;
    for (const CapacityFact& c : u->capacity)
      if (matches(c.amount, fact) && source_id(c.evidence) == source) return true;
    return false;
  }
  // A project-level figure (华恒's 31.2万吨/年 BDO): the sum of the primary capacity of the
  // project's lines of that product.
  const int product = wuhai().find_product(fact.at("product").get<std::string>());
  double sum = 0;
  for (const Unit& u : p.units)
    if (u.product == product && !u.capacity.empty()) sum += u.capacity.front().amount.canonical;
  return same_amount(sum, canonical(fact));
}

bool has_investment(const Project& p, const Json& fact) {
  for (const Investment& inv : p.investments)
    if (id_of(inv.scope) == fact.at("scope").get<std::string>() && matches(inv.amount, fact) &&
        source_id(inv.evidence) == fact.at("source").get<std::string>())
      return true;
  return false;
}

bool has_milestone(const std::vector<Milestone>& milestones, const Json& fact) {
  for (const Milestone& m : milestones)
    if (id_of(m.kind) == fact.at("milestone").get<std::string>() &&
        m.date.to_string() == fact.at("date").get<std::string>() &&
        precision_name(m.date) == fact.at("precision").get<std::string>() &&
        m.expected == fact.at("expected").get<bool>() &&
        source_id(m.evidence) == fact.at("source").get<std::string>())
      return true;
  return false;
}

bool has_status_report(const std::vector<StatusReport>& reports, const Json& fact) {
  for (const StatusReport& r : reports) {
    const std::optional<Date> as_of = as_of_date(wuhai(), r);
    if (id_of(r.status) == fact.at("status").get<std::string>() && as_of &&
        as_of->to_string() == fact.at("as_of").get<std::string>() &&
        source_id(r.evidence) == fact.at("source").get<std::string>())
      return true;
  }
  return false;
}

bool has_aggregate(const Json& fact) {
  for (const Aggregate& a : wuhai().aggregates) {
    if (a.id != fact.at("aggregate").get<std::string>()) continue;
    const Dataset& d = wuhai();
    const std::string product = a.product >= 0 ? d.products[static_cast<std::size_t>(a.product)].id : "";
    const std::string area = a.area >= 0 && a.area_kind == AreaKind::District
                                 ? d.districts[static_cast<std::size_t>(a.area)].id
                                 : "";
    return id_of(a.metric) == fact.at("metric").get<std::string>() && matches(a.amount, fact) &&
           id_of(a.bound) == fact.value("bound", std::string("exact")) &&
           (a.period ? a.period->to_string() : "") == fact.value("period", std::string()) &&
           a.expected == fact.at("expected").get<bool>() && product == fact.value("product", std::string()) &&
           area == fact.value("area", std::string()) &&
           (a.status ? std::string(id_of(*a.status)) : "") == fact.value("status", std::string()) &&
           source_id(a.evidence) == fact.at("source").get<std::string>();
  }
  return false;
}

bool dataset_holds(const Json& fact) {
  const std::string kind = fact.at("kind").get<std::string>();
  if (kind == "aggregate") return has_aggregate(fact);
  const Project& p = project(fact.at("project").get<std::string>());
  if (kind == "capacity") return has_capacity(p, fact);
  if (kind == "investment") return has_investment(p, fact);
  const Unit* u = nullptr;
  if (fact.contains("unit_id")) {
    u = unit_by_id(p, fact.at("unit_id").get<std::string>());
    if (!u) return false;
  }
  if (kind == "date") return has_milestone(u ? u->milestones : p.milestones, fact);
  if (kind == "status") return has_status_report(u ? u->status_reports : p.status_reports, fact);
  FAIL("unknown kind in the coverage list: " << kind);
  return false;
}

double operating_capacity(const char* project_id, const char* product, const char* as_of) {
  const Dataset& d = wuhai();
  const ProjectSummary s = summarize_project(d, d.find_project(project_id), day(as_of));
  for (const ProductCapacity& c : s.capacity)
    if (c.product == d.find_product(product)) return c.operating;
  return 0;
}

}  // namespace

TEST_CASE("the Wuhai dataset loads with no errors and every article is read", "[wuhai]") {
  const Dataset& d = wuhai();
  int articles = 0;
  for (const Source& s : d.sources)
    if (s.kind == Source::Kind::Article) {
      ++articles;
      INFO(s.id);
      CHECK(s.text.size() > 10000);  // the whole article, not a stub
    }
  CHECK(articles == 5);
}

TEST_CASE("every figure of the hand-made coverage list is in the dataset", "[wuhai]") {
  const Json list = Json::parse(test::read_file(test::data_path("coverage/wuhai-facts.json")));
  const Json& facts = list.at("facts");
  REQUIRE(facts.size() > 100);
  for (const Json& fact : facts) {
    INFO(fact.dump());
    CHECK(dataset_holds(fact));
  }
}

TEST_CASE("derived status matches the articles of January 2023 and October 2024", "[wuhai]") {
  const Dataset& d = wuhai();
  // whrb-2023-01-26: 华恒 and 国轩 under construction, 东景 producing; 君正 had broken ground.
  CHECK(project_status_at(d, project("huaheng-ptmeg-pbat"), day("2023-01-31")).status ==
        Status::Construction);
  CHECK(project_status_at(d, project("guoxuan-anode"), day("2023-01-31")).status == Status::Construction);
  CHECK(project_status_at(d, project("junzheng-bdo"), day("2023-01-31")).status == Status::Construction);
  const ProjectStatus dongjing_2023 = project_status_at(d, project("dongjing-bdo"), day("2023-01-31"));
  CHECK(dongjing_2023.status == Status::Operating);
  CHECK(dongjing_2023.partly_operating);  // the 28万吨 line was still in trial production

  // whrb-2024-10-22: 华恒's lines in production (its PBAT line not yet), 君正 in staged trial,
  // 东景 producing; 国轩's graphitization in trial since Nov 2023.
  const ProjectStatus huaheng_2024 = project_status_at(d, project("huaheng-ptmeg-pbat"), day("2024-10-31"));
  CHECK(huaheng_2024.status == Status::Operating);
  CHECK(huaheng_2024.partly_operating);
  CHECK(project_status_at(d, project("junzheng-bdo"), day("2024-10-31")).status == Status::Trial);
  const ProjectStatus dongjing_2024 = project_status_at(d, project("dongjing-bdo"), day("2024-10-31"));
  CHECK(dongjing_2024.status == Status::Operating);
  CHECK_FALSE(dongjing_2024.partly_operating);
  CHECK(project_status_at(d, project("guoxuan-anode"), day("2024-10-31")).status == Status::Trial);
}

TEST_CASE("BDO capacities add up to what the sources say", "[wuhai]") {
  // 华恒: 3 × 10.4 = 31.2万吨/年 in production after line 3 (whrb-2024-10-22); none in Jan 2023.
  CHECK(same_amount(operating_capacity("huaheng-ptmeg-pbat", "BDO", "2024-10-31"), 312000));
  CHECK(operating_capacity("huaheng-ptmeg-pbat", "BDO", "2023-01-31") == 0);
  CHECK(same_amount(operating_capacity("huaheng-ptmeg-pbat", "PTMEG", "2024-10-31"), 184000));
  // 东源/东景: 10万吨 in production by the March 2014 reports; with the 28万吨 line (trial from
  // 2022-11-24) 38万吨/年.
  CHECK(same_amount(operating_capacity("dongjing-bdo", "BDO", "2014-04-01"), 100000));
  CHECK(same_amount(operating_capacity("dongjing-bdo", "BDO", "2024-10-31"), 380000));
  CHECK(operating_capacity("dongjing-bdo", "BDO", "2013-01-01") == 0);
}

TEST_CASE("conflicts are kept and nothing is invented", "[wuhai]") {
  const Dataset& d = wuhai();
  // 东景's 28万吨 line: construction start 2021-05 and 2021-06 from two reports, both kept.
  const Unit* line = unit_by_id(project("dongjing-bdo"), "dongjing-bdo-2");
  REQUIRE(line);
  int starts = 0;
  for (const Milestone& m : line->milestones)
    if (m.kind == MilestoneKind::ConstructionStart) {
      ++starts;
      CHECK(m.evidence.basis == Basis::Conflicting);
      CHECK_FALSE(m.evidence.note.empty());
    }
  CHECK(starts == 2);

  // 低碳产业园's district is probable, not stated.
  const Park& lowcarbon = d.parks[static_cast<std::size_t>(d.find_park("lowcarbon-park"))];
  CHECK(d.districts[static_cast<std::size_t>(lowcarbon.district)].id == "hainan");
  CHECK(lowcarbon.district_evidence.basis == Basis::Conflicting);

  // 三维: no report gives a commissioning or trial date, so there is none.
  const Project& sanwei = project("sanwei-bdo");
  for (const Unit& u : sanwei.units)
    for (const Milestone& m : u.milestones)
      CHECK((m.kind != MilestoneKind::Commissioning && m.kind != MilestoneKind::TrialProduction));
  for (const Milestone& m : sanwei.milestones)
    CHECK((m.kind != MilestoneKind::Commissioning && m.kind != MilestoneKind::TrialProduction));

  // The "BOD" typo and the transposed company name are recognised, the legal name kept.
  const Product& bdo = d.products[static_cast<std::size_t>(d.find_product("BDO"))];
  CHECK(std::find(bdo.aliases.begin(), bdo.aliases.end(), "BOD") != bdo.aliases.end());
  const Company& dongjing = d.companies[static_cast<std::size_t>(d.find_company("dongjing"))];
  CHECK(dongjing.name == "内蒙古东景生物环保科技有限公司");
  CHECK(std::find(dongjing.aliases.begin(), dongjing.aliases.end(), "内蒙古东景生物科技环保有限公司") !=
        dongjing.aliases.end());
  CHECK(d.companies[static_cast<std::size_t>(dongjing.parent)].id == "dongyuan");
}
