// AppState and the detail model without a GPU: loading (and keeping the previous dataset on a
// bad file), rows and their order, filter -> rows / KPIs / option counts, problem selection,
// the detail panel's content, strings and display formats.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>

#include "app_model/app_state.h"
#include "app_model/format.h"
#include "app_model/notice.h"
#include "app_model/strings.h"
#include "query/filter_json.h"
#include "query/kpis.h"
#include "query/slippage.h"
#include "test_support.h"

using namespace indtrack;
using namespace indtrack::ui;

namespace {

const std::string kFixture = std::string(INDTRACK_SOURCE_DIR) + "/tests/ui/data/ui-fixture.json";

FilterSpec as_of(const char* date) {
  FilterSpec f;
  f.as_of = parse_date(date).date;
  return f;
}

// Opens the fixture with the filter's as-of date fixed, so results do not depend on today.
void open_fixture(AppState& app, Language language = Language::Chinese) {
  app.settings.language = language;
  REQUIRE(app.open_dataset(kFixture));
  app.set_filter(as_of("2024-01-15"));
  app.refresh();
}

std::vector<std::string> visible_ids(const AppState& app) {
  std::vector<std::string> ids;
  for (int i : app.visible()) ids.push_back(app.dataset->projects[static_cast<std::size_t>(i)].id);
  return ids;
}

const ProjectRow& row(const AppState& app, const std::string& id) {
  return app.rows()[static_cast<std::size_t>(app.dataset->find_project(id))];
}

}  // namespace

TEST_CASE("opening a dataset derives one row per project", "[app]") {
  AppState app;
  open_fixture(app);
  REQUIRE(app.rows().size() == 3);
  const ProjectRow& gbl = row(app, "gbl");
  CHECK(gbl.name == "年产10万吨γ-丁内酯项目");
  CHECK(gbl.company == "示例化工");
  CHECK(gbl.district == "乌达区");
  CHECK(gbl.district_from_park);
  CHECK(gbl.district_basis == Basis::Inferred);  // stated for the park, inferred for the project
  CHECK(gbl.park == "乌达产业园");
  CHECK(gbl.status == Status::Operating);
  CHECK(gbl.capacity_text == "GBL 10万吨/年");
  CHECK(gbl.capacity_tpa == 100000);
  REQUIRE(gbl.construction_start);
  CHECK(gbl.construction_start->date.to_string() == "2021-06");
  CHECK_FALSE(gbl.construction_start->expected);

  const ProjectRow& bdo = row(app, "bdo");
  CHECK(bdo.status == Status::Construction);
  CHECK(bdo.district_basis == Basis::Conflicting);
  CHECK(bdo.investment_yuan == 105e8);
  CHECK(bdo.investment_text == "105亿元");
  CHECK(bdo.investment_conflict);                                // 130亿元 in the other report
  CHECK(bdo.construction_start->date.to_string() == "2021-05");  // the earliest actual statement

  const ProjectRow& plan = row(app, "plan");
  CHECK(plan.status == Status::Announced);
  CHECK(plan.district == "海勃湾区");
  CHECK_FALSE(plan.district_from_park);
  REQUIRE(plan.commissioning);
  CHECK(plan.commissioning->date.to_string() == "2025");  // year precision stays a year
  CHECK(plan.commissioning->expected);
  CHECK(plan.company.empty());
}

TEST_CASE("rows sort by any column; empty cells go last both ways", "[app]") {
  AppState app;
  open_fixture(app);
  app.set_sort({SortColumn::Status, true});
  app.refresh();
  CHECK(visible_ids(app) == std::vector<std::string>{"gbl", "bdo", "plan"});
  app.set_sort({SortColumn::Capacity, true});
  app.refresh();
  CHECK(visible_ids(app) == std::vector<std::string>{"bdo", "gbl", "plan"});  // 10.4 > 10 > 5 万吨
  app.set_sort({SortColumn::Company, false});
  app.refresh();
  CHECK(visible_ids(app) ==
        std::vector<std::string>{"gbl", "bdo", "plan"});  // 示例化工 < 示例能源, none last
  app.set_sort({SortColumn::Company, true});
  app.refresh();
  CHECK(visible_ids(app) == std::vector<std::string>{"bdo", "gbl", "plan"});  // still last
  app.set_sort({SortColumn::Investment, false});
  app.refresh();
  CHECK(visible_ids(app).front() == "bdo");
}

TEST_CASE("the filter narrows rows, KPIs and option counts together", "[app]") {
  AppState app;
  open_fixture(app);
  const Dataset& d = *app.dataset;

  const KpiSummary& all = app.kpis();
  CHECK(all.projects == 3);
  CHECK(all.by_status[static_cast<std::size_t>(Status::Operating)] == 1);
  CHECK(all.by_status[static_cast<std::size_t>(Status::Construction)] == 1);
  CHECK(all.by_status[static_cast<std::size_t>(Status::Announced)] == 1);
  CHECK(all.total_investment == 105e8);
  CHECK(all.projects_with_investment == 1);
  CHECK(all.sources == 2);
  CHECK(all.articles == 1);
  REQUIRE(all.products.size() == 2);
  // Operating capacity first: GBL operates; BDO line 1 is under construction (its project is).
  CHECK(d.products[static_cast<std::size_t>(all.products[0].product)].id == "GBL");
  CHECK(all.products[0].operating() == 100000);
  CHECK(d.products[static_cast<std::size_t>(all.products[1].product)].id == "BDO");
  CHECK(all.products[1].operating() == 0);
  CHECK(all.products[1].under_way() == 104000);
  CHECK(all.products[1].at(CapacityCategory::ConstructionNoDate) == 104000);
  CHECK(all.products[1].designed == 154000);  // 10.4 + 5 万吨/年 (the plan)

  FilterSpec f = app.filter();
  f.districts = {d.find_district("hainan"), d.find_district("wuda")};
  app.set_filter(f);
  app.refresh();
  CHECK(visible_ids(app).size() == 2);
  CHECK(app.kpis().projects == 2);
  // Counts for districts ignore the district selection itself; other kinds apply it.
  CHECK(app.facets().districts[static_cast<std::size_t>(d.find_district("haibowan"))] == 1);
  CHECK(app.facets().districts[static_cast<std::size_t>(d.find_district("wuda"))] == 1);
  CHECK(app.facets().statuses[static_cast<std::size_t>(Status::Announced)] == 0);
  CHECK(app.facets().parks[static_cast<std::size_t>(d.find_park("lowcarbon-park"))] == 1);

  f.search = "γ-丁内酯";
  app.set_filter(f);
  app.refresh();
  CHECK(visible_ids(app) == std::vector<std::string>{"gbl"});

  // As of 2020 nothing was public yet: every project is left out.
  app.set_filter(as_of("2020-12-31"));
  app.refresh();
  CHECK(app.visible().empty());
  CHECK(app.kpis().projects == 0);
}

TEST_CASE("the filter is stored by ids and restored on the next load", "[app]") {
  AppState app;
  open_fixture(app);
  const Dataset& d = *app.dataset;
  FilterSpec f = as_of("2024-01-15");
  f.parks = {d.find_park("wuda-park")};
  f.statuses = {Status::Operating};
  f.from = parse_date("2021").date;
  f.search = "丁内酯";
  app.set_filter(f);
  CHECK(app.settings.filters == nlohmann::json::parse(R"({"parks": ["wuda-park"], "statuses": ["operating"],
      "from": "2021", "as_of": "2024-01-15", "search": "丁内酯"})"));

  AppState next;
  next.settings.filters = app.settings.filters;
  REQUIRE(next.open_dataset(kFixture));
  next.refresh();
  CHECK(next.filter().parks == f.parks);
  CHECK(next.filter().statuses == f.statuses);
  CHECK(next.filter().from == f.from);
  CHECK(next.filter().search == "丁内酯");
  CHECK(visible_ids(next) == std::vector<std::string>{"gbl"});

  // Ids the dataset does not have are dropped, not guessed.
  CHECK(filter_from_json(d, nlohmann::json::parse(R"({"districts": ["nowhere", "wuda"]})")).districts ==
        std::vector<int>{d.find_district("wuda")});
}

TEST_CASE("a file that does not load keeps the previous dataset and shows why", "[app]") {
  AppState app;
  open_fixture(app);
  const std::string bad = test::tmp_path("ui-bad.json");
  test::write_file(bad, "{\"schema_version\": 1, \"name\": ");
  CHECK_FALSE(app.open_dataset(bad));
  REQUIRE(app.dataset);
  CHECK(app.dataset->name == "界面测试数据集");
  CHECK_FALSE(app.problems.empty());
  CHECK(app.problems.front().severity == Problem::Severity::Error);
  CHECK_FALSE(app.problems_match_dataset);
  CHECK_FALSE(app.select_problem(0));  // those problems are not about the dataset shown
  REQUIRE(app.notices.size() == 1);
  CHECK(app.notices.back().format == Str::NoticeLoadFailedFmt);
  CHECK(app.notices.back().args.front().find("ui-bad.json") != std::string::npos);
}

TEST_CASE("clicking a problem selects the project it concerns", "[app]") {
  AppState app;
  open_fixture(app);
  REQUIRE(app.problems.size() == 1);  // the plan carries a field the format does not know
  CHECK(app.problems[0].severity == Problem::Severity::Warning);
  CHECK(app.problems[0].line == 120);
  app.select_project(0);
  CHECK(app.select_problem(0));
  CHECK(app.selected_project == app.dataset->find_project("plan"));
  CHECK(app.scroll_to_selection);
}

TEST_CASE("every text of a loaded dataset is offered to the glyph set", "[app]") {
  AppState app;
  std::string seen;
  app.on_new_text = [&](std::string_view t) { seen += t; };
  REQUIRE(app.open_dataset(kFixture));
  for (const char* expected : {"海勃湾区", "乌达区", "γ-丁内酯", "产能≥5万吨/年", "示例日报",
                               "another report lists the park under 海勃湾区", "ui-fixture.json"})
    CHECK(seen.find(expected) != std::string::npos);
}

TEST_CASE("the English UI shows English names where the dataset has them", "[app][strings]") {
  AppState app;
  open_fixture(app, Language::English);
  CHECK(row(app, "gbl").name == "100 kt/a GBL project");
  CHECK(row(app, "gbl").company == "Fixture Chemicals");
  CHECK(row(app, "gbl").district == "Wuda District");
  CHECK(row(app, "gbl").park == "Wuda Industrial Park");
  CHECK(row(app, "gbl").capacity_text == "GBL 100 kt/a");
  app.set_language(Language::Chinese);
  app.refresh();
  CHECK(row(app, "gbl").name == "年产10万吨γ-丁内酯项目");
}

TEST_CASE("the detail panel's content: facts, lines, dates as written, conflicts, sources", "[detail]") {
  AppState app;
  open_fixture(app);
  const Dataset& d = *app.dataset;

  const DetailModel bdo = build_detail(d, d.find_project("bdo"), Language::Chinese);
  CHECK(bdo.title == "BDO一体化项目");
  CHECK(bdo.subtitle == "Integrated BDO project");
  CHECK(bdo.district_basis == "来源冲突 · 由园区推断");
  REQUIRE(bdo.units.size() == 1);
  REQUIRE(bdo.units[0].capacity.size() == 2);
  CHECK(bdo.units[0].capacity[0].value == "10.4 万吨/年");
  CHECK(bdo.units[0].capacity[1].value == "10 万吨/年");
  CHECK(bdo.units[0].capacity[1].evidence.basis == Basis::Conflicting);

  std::vector<std::string> topics;
  for (const DetailConflict& c : bdo.conflicts) topics.push_back(c.topic);
  CHECK(topics == std::vector<std::string>{"所在区", "总投资", "BDO 1号线 · 产能", "开工"});
  const DetailConflict& start = bdo.conflicts.back();
  REQUIRE(start.statements.size() == 2);
  CHECK(start.statements[0].value == "2021-06");
  CHECK(start.statements[1].value == "2021-05");

  // Sources numbered in order of use; the reference is marked as not checkable offline.
  REQUIRE(bdo.sources.size() == 2);
  CHECK(bdo.sources[0].publisher == "示例日报");
  CHECK(bdo.sources[0].is_article);
  CHECK(bdo.sources[1].publisher == "Example Wire");
  CHECK_FALSE(bdo.sources[1].is_article);
  CHECK(bdo.sources[1].date == "2022-03");
  CHECK(std::find(bdo.sources[1].quotes.begin(), bdo.sources[1].quotes.end(),
                  "construction began in May 2021") != bdo.sources[1].quotes.end());
  CHECK(bdo.units[0].capacity[1].evidence.source_number == 2);

  const DetailModel plan = build_detail(d, d.find_project("plan"), Language::Chinese);
  REQUIRE(plan.units.size() == 1);
  REQUIRE(plan.units[0].milestones.size() == 1);
  const DetailMilestone& m = plan.units[0].milestones[0];
  CHECK(m.kind == "投产");
  CHECK(m.date == "2025");
  CHECK(m.expected);
  CHECK(m.reported == "2024-01-10");  // the article's date
  CHECK(m.evidence.quote == "预计2025年投产");
  CHECK(plan.units[0].capacity[0].value == "约 5 万吨/年");
  CHECK(plan.district_basis.empty());  // stated for the project itself

  const DetailModel gbl = build_detail(d, d.find_project("gbl"), Language::English);
  CHECK(gbl.title == "100 kt/a GBL project");
  CHECK(gbl.subtitle == "年产10万吨γ-丁内酯项目");
  REQUIRE(gbl.units[0].milestones.size() == 2);
  CHECK(gbl.units[0].milestones[0].kind == "construction start");
  CHECK(gbl.units[0].milestones[0].date == "2021-06");
  CHECK_FALSE(gbl.units[0].milestones[0].expected);
  CHECK(gbl.units[0].milestones[1].date == "2022-12");
  CHECK(gbl.conflicts.empty());

  CHECK(build_detail(d, 99, Language::Chinese).project == -1);
}

TEST_CASE("every UI string exists in both languages", "[strings]") {
  for (int i = 0; i < static_cast<int>(Str::Count); ++i) {
    const auto id = static_cast<Str>(i);
    INFO("string #" << i);
    CHECK(std::string(text(id, Language::Chinese)).size() > 0);
    CHECK(std::string(text(id, Language::English)).size() > 0);
  }
  CHECK(std::string(text(Str::MenuFile, Language::Chinese)) == "文件");
  CHECK(std::string(text(Str::MenuFile, Language::English)) == "File");
  const std::string all = all_ui_text();
  for (const char* s : {"文件", "File", "在建", "under construction", "来源冲突", "万吨/年", "·", "“", "≥"})
    CHECK(all.find(s) != std::string::npos);
}

TEST_CASE("placeholders are filled in order and never read past the arguments", "[strings]") {
  CHECK(fill("显示 %d / %d", {"3", "12"}) == "显示 3 / 12");
  CHECK(fill("%s: 100%%", {"BDO"}) == "BDO: 100%");
  CHECK(fill("%s and %s", {"one"}) == "one and ");
  CHECK(fill("none", {"extra"}) == "none");
  const Notice n{Notice::Level::Warning, Str::NoticeFontFallbackFmt, {"a.otf", "Noto Sans CJK SC"}};
  CHECK(n.text(Language::English) == "Bundled font a.otf not found; using the system font Noto Sans CJK SC.");
  CHECK(n.text(Language::Chinese) == "未找到随附字体 a.otf，改用系统字体 Noto Sans CJK SC。");
}

TEST_CASE("display formats keep what the source wrote", "[format]") {
  Quantity q;
  q.value = 10.4;
  q.unit = "万吨/年";
  CHECK(format_as_written(q, Language::Chinese) == "10.4 万吨/年");
  q.approximate = true;
  CHECK(format_as_written(q, Language::English) == "about 10.4 万吨/年");
  CHECK(format_dated(*parse_date("2023-10").date, true, Language::Chinese) == "2023-10（预计）");
  CHECK(format_dated(*parse_date("2023-10-24").date, false, Language::English) == "2023-10-24");
  // A hard line break inside Chinese text disappears; between Latin words it is a space.
  CHECK(format_quote("年产10万吨\nγ-丁内酯项目") == "“年产10万吨γ-丁内酯项目”");
  CHECK(format_quote("total\n investment  13 billion") == "“total investment 13 billion”");
  Problem p;
  p.file = "data/wuhai.json";
  p.line = 120;
  p.column = 19;
  CHECK(format_location(p) == "data/wuhai.json:120:19");
  p.line = 0;
  CHECK(format_location(p) == "data/wuhai.json");
}

// Table rows, summaries and every milestone's slippage are derived once per dataset, as-of date
// and language; a filter change only selects from them. The plan-vs-actual card must still be
// exactly the summary of the milestones of the projects shown.
TEST_CASE("the plan-vs-actual card follows the filter, the as-of date and the language", "[app][slippage]") {
  AppState app;
  app.settings.language = Language::Chinese;
  REQUIRE(app.open_dataset(std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json"));
  const Dataset& d = *app.dataset;
  auto expected = [&](const FilterSpec& f, bool english) {
    return slippage_kpi_text(summarize_slippage(d, compute_slippage(d, filter_projects(d, f), as_of_day(f))),
                             english);
  };
  std::vector<FilterSpec> filters;
  filters.push_back(as_of("2024-10-31"));
  FilterSpec hainan = as_of("2024-10-31");
  hainan.districts = {d.find_district("hainan")};
  REQUIRE(hainan.districts.front() >= 0);
  filters.push_back(hainan);
  FilterSpec building = as_of("2024-10-31");
  building.statuses = {Status::Construction};
  filters.push_back(building);
  filters.push_back(as_of("2023-06-30"));  // another as-of date: every slip is derived again
  std::vector<std::string> on_time_texts;
  for (const FilterSpec& f : filters) {
    app.set_filter(f);
    app.refresh();
    const SlipKpiText want = expected(f, false);
    CHECK(app.kpis().slip_on_time == want.on_time);
    CHECK(app.kpis().slip_median_delay == want.median_delay);
    on_time_texts.push_back(app.kpis().slip_on_time);
  }
  CHECK(on_time_texts[0] != on_time_texts[1]);  // the filter does change the card
  app.set_language(Language::English);
  app.refresh();
  CHECK(app.kpis().slip_on_time == expected(filters.back(), true).on_time);
}

TEST_CASE("the published-by clock: every view reads the dataset as published then; editing waits",
          "[app][clock]") {
  AppState app;
  REQUIRE(app.open_dataset(std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json"));
  FilterSpec f = as_of("2023-06-30");
  app.set_filter(f);
  app.refresh();
  const int junzheng = app.dataset->find_project("junzheng-bdo");
  REQUIRE(junzheng >= 0);
  CHECK(app.shown() == &*app.dataset);
  CHECK(app.editable());
  CHECK(app.summaries()[static_cast<std::size_t>(junzheng)].status.status == Status::Construction);
  const std::size_t known_now = app.visible().size();

  f.clock = Clock::PublishedBy;
  app.set_filter(f);
  app.refresh();
  REQUIRE(app.shown() != nullptr);
  CHECK(app.shown() != &*app.dataset);
  CHECK(&app.index()->data() == app.shown());
  CHECK_FALSE(app.editable());
  // 君正's April-2023 start was published in 2025: in mid-2023 a reader knew of signed contracts.
  CHECK(app.summaries()[static_cast<std::size_t>(junzheng)].status.status == Status::Signed);
  CHECK(app.visible().size() <= known_now);
  // The option counts count what the table lists.
  int counted = 0;
  for (int n : app.facets().statuses) counted += n;
  CHECK(counted == static_cast<int>(app.visible().size()));
  CHECK(app.kpis().projects == static_cast<int>(app.visible().size()));

  // Back to the usual clock: the dataset itself again, editable.
  f.clock = Clock::KnownNow;
  app.set_filter(f);
  app.refresh();
  CHECK(app.shown() == &*app.dataset);
  CHECK(app.editable());
  CHECK(app.summaries()[static_cast<std::size_t>(junzheng)].status.status == Status::Construction);
}

TEST_CASE("possibly stalled is a filter option with its count", "[app][status]") {
  AppState app;
  REQUIRE(app.open_dataset(std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json"));
  FilterSpec f = as_of("2026-12-02");
  app.set_filter(f);
  app.refresh();
  int flagged = 0;
  for (int p : app.visible()) flagged += app.summaries()[static_cast<std::size_t>(p)].possibly_stalled;
  REQUIRE(flagged > 0);
  CHECK(app.facets().possibly_stalled == flagged);
  f.possibly_stalled = true;
  app.set_filter(f);
  app.refresh();
  CHECK(static_cast<int>(app.visible().size()) == flagged);
  for (int p : app.visible()) CHECK(app.summaries()[static_cast<std::size_t>(p)].possibly_stalled);
  CHECK(app.facets().possibly_stalled == flagged);
}
