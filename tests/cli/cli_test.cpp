#include <catch2/catch_test_macros.hpp>
#include <map>

#include <nlohmann/json.hpp>

#include "cli_support.h"

using indtrack::test::data_path;
using indtrack::test::run_indtrack;

TEST_CASE("indtrack --help teaches every verb with examples", "[cli]") {
  const auto r = run_indtrack({"--help"});
  CHECK(r.exit_code == 0);
  for (const char* text : {"indtrack validate FILE", "indtrack list", "indtrack screenshot",
                           "Examples:", "indtrack list --product BDO"})
    CHECK(r.out.find(text) != std::string::npos);
  const auto list_help = run_indtrack({"list", "--help"});
  CHECK(list_help.exit_code == 0);
  CHECK(list_help.out.find("--district NAME") != std::string::npos);
  CHECK(list_help.out.find("--as-of DATE") != std::string::npos);
}

TEST_CASE("validate: exit 0 for a valid file, 1 with every problem for a bad one, 2 for usage", "[cli]") {
  const auto ok = run_indtrack({"validate", data_path("example/example.json")});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.empty());
  CHECK(ok.err.find("valid — 2 projects, 3 units, 4 milestones, 2 sources, 0 warnings") != std::string::npos);

  const auto bad = run_indtrack({"validate", "tests/data/bad/15-missing-required.json"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.out == indtrack::test::read_file(data_path("bad/15-missing-required.json.expected")));
  CHECK(bad.err.find("invalid — 3 errors, 0 warnings") != std::string::npos);

  CHECK(run_indtrack({"validate"}).exit_code == 2);
  CHECK(run_indtrack({"validate", "--frobnicate", "x.json"}).exit_code == 2);
}

TEST_CASE("list: filtered projects as CSV with capacities of the chosen product", "[cli]") {
  const auto r = run_indtrack({"list", "--data", data_path("example/example.json"), "--product", "BDO",
                               "--as-of", "2024-06-01", "--format", "csv"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "id,name,company,company_full_name,district,district_basis,park,status,status_basis,as_of,capacity,"
        "operating_"
        "capacity,"
        "total_investment_100m_cny,completed_investment_100m_cny,construction_start,commissioning,"
        "latest_report,excerpt_only_quotes,possibly_stalled,clock\r\n"
        "example-bdo,年产10万吨/年BDO项目,示例新材料,示例新材料有限公司,东区,inferred_from_park,示例化工园,"
        "投产（部分）,stated,2024-06-01,BDO 10万吨/年,BDO "
        "5万吨/年,28.5,12,2022-05,2023-11-20,2024-03-15,0,no,now\r\n");
}

TEST_CASE("list: an unknown name is a usage error listing the valid names", "[cli]") {
  const auto r = run_indtrack({"list", "--data", data_path("example/example.json"), "--district", "海北区"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "indtrack list: unknown district \"海北区\"; valid districts: 东区 (East District), 西区 (West "
        "District)\n");
}

TEST_CASE("list: a broken dataset is reported with its location and exit code 1", "[cli]") {
  const auto r = run_indtrack({"list", "--data", "tests/data/bad/14-capacity-is-text.json"});
  CHECK(r.exit_code == 1);
  CHECK(
      r.err.find("tests/data/bad/14-capacity-is-text.json:61:22: error: projects[0].units[0].capacity.value: "
                 "expected a number, got string \"十万\"") != std::string::npos);
}

TEST_CASE("list: table and JSON formats, English headings", "[cli]") {
  const auto table = run_indtrack(
      {"list", "--data", data_path("example/example.json"), "--as-of", "2024-06-01", "--lang", "en"});
  CHECK(table.exit_code == 0);
  CHECK(table.out.find("Project") == 0);
  CHECK(table.out.find("2 projects, status as of 2024-06-01") != std::string::npos);
  const auto json = run_indtrack({"list", "--data", data_path("example/example.json"), "--format", "json",
                                  "--status", "announced", "--as-of", "2024-06-01"});
  CHECK(json.exit_code == 0);
  CHECK(json.out.find("\"id\": \"example-pbat\"") != std::string::npos);
  CHECK(json.out.find("example-bdo") == std::string::npos);
  CHECK(run_indtrack({"list", "--format", "xml"}).exit_code == 2);
}

TEST_CASE("list: each project's latest report, and a mark on projects citing excerpts not checkable offline",
          "[cli]") {
  const std::string data = std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json";
  const auto table = run_indtrack({"list", "--data", data, "--as-of", "2026-11-30"});
  CHECK(table.exit_code == 0);
  CHECK(table.out.find("最近报道") != std::string::npos);
  // 东源's 2014 start-up is cited from a 2022 report whose text is not held: marked †, explained.
  CHECK(table.out.find("东源（东景）BDO项目†") != std::string::npos);
  CHECK(table.out.find("† 引用无法离线核对的摘录（未存报道全文）") != std::string::npos);
  const auto csv =
      run_indtrack({"list", "--data", data, "--as-of", "2026-11-30", "--format", "csv", "--company", "东景"});
  CHECK(csv.exit_code == 0);
  CHECK(csv.out.find(",latest_report,excerpt_only_quotes,possibly_stalled,clock\r\n") != std::string::npos);
  CHECK(csv.out.find(",2026-01-06,1,no,now\r\n") != std::string::npos);  // 东源（东景）BDO: one excerpt
  const auto en = run_indtrack({"list", "--data", data, "--as-of", "2026-11-30", "--lang", "en"});
  CHECK(en.out.find("Latest report") != std::string::npos);
  CHECK(en.out.find("† cites excerpts not checkable offline") != std::string::npos);
}

TEST_CASE("list: a project not operating with no report for two years is flagged possibly stalled, not 停滞",
          "[cli][status]") {
  const std::string data = std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json";
  auto stalled_at = [&](const char* project, const char* as_of) {
    const auto r = run_indtrack({"list", "--data", data, "--as-of", as_of, "--format", "json"});
    REQUIRE(r.exit_code == 0);
    for (const auto& row : nlohmann::json::parse(r.out))
      if (row.at("id") == project) {
        CHECK(row.at("status") != "停滞");  // a flag beside the status, never the status
        return row.at("possibly_stalled").get<bool>();
      }
    FAIL("no row " << project << " at " << as_of);
    return false;
  };
  // 中玻: 规划 since the district's plan of January 2023, nothing since. Two complete years after
  // the end of that month (2025-01-31) it is flagged; a day before, not.
  CHECK_FALSE(stalled_at("zhongbo-pv-materials", "2024-06-30"));
  CHECK_FALSE(stalled_at("zhongbo-pv-materials", "2025-01-30"));
  CHECK(stalled_at("zhongbo-pv-materials", "2025-01-31"));
  // 广锦: 在建, newest report 2024-10-22.
  CHECK_FALSE(stalled_at("guangjin-bdo-pbat", "2026-10-21"));
  CHECK(stalled_at("guangjin-bdo-pbat", "2026-10-22"));
  // 东景's γ-丁内酯 plant operates: no news is no sign of a stall.
  CHECK_FALSE(stalled_at("dongjing-gbl", "2026-12-02"));
  const auto table = run_indtrack({"list", "--data", data, "--as-of", "2026-12-02", "--search", "中玻"});
  CHECK(table.out.find("2023-01‡") != std::string::npos);
  CHECK(
      table.out.find(
          "‡ 可能停滞：未全面投产，且两年无新报道（全球能源监测的搁置规则）；仅为提示，并非来源所述状态\n") !=
      std::string::npos);
}

TEST_CASE("list: --clock published shows what had been published by the as-of date", "[cli][clock]") {
  const std::string data = std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json";
  auto status_of = [&](const char* clock) {
    const auto r = run_indtrack({"list", "--data", data, "--as-of", "2023-06-30", "--clock", clock,
                                 "--format", "json", "--company", "君正"});
    REQUIRE(r.exit_code == 0);
    const auto rows = nlohmann::json::parse(r.out);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].at("clock") == clock);
    return rows[0].at("status").get<std::string>();
  };
  // 君正's first phase started in April 2023, as a 2025 notice says; in mid-2023 the newest report
  // (2022-12-16) spoke of signed contracts and design work.
  CHECK(status_of("now") == "在建");
  CHECK(status_of("published") == "签约");
  const auto table = run_indtrack({"list", "--data", data, "--as-of", "2023-06-30", "--clock", "published"});
  CHECK(table.out.find("仅计当时已发布的报道（--clock published）。") != std::string::npos);
  const auto bad = run_indtrack({"list", "--data", data, "--clock", "then"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--clock must be now or published, got \"then\"") != std::string::npos);
  const auto stalled = run_indtrack(
      {"list", "--data", data, "--as-of", "2026-12-02", "--possibly-stalled", "--format", "csv"});
  CHECK(stalled.exit_code == 0);
  CHECK(stalled.out.find("guangjin-bdo-pbat") != std::string::npos);
  CHECK(stalled.out.find("dongjing-gbl") == std::string::npos);
  CHECK(stalled.out.find(",no,now\r\n") == std::string::npos);  // every row flagged
}

TEST_CASE("list: an inferred status says so (~ and status_basis), a stated one does not", "[cli][status]") {
  const std::string data = std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json";
  const auto r = run_indtrack({"list", "--data", data, "--as-of", "2026-12-02", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  std::map<std::string, std::string> basis;
  for (const auto& row : nlohmann::json::parse(r.out))
    basis[row.at("id").get<std::string>()] = row.at("status_basis").get<std::string>();
  // 三维 投产 from "5个BDO项目已建成投产3个" (the curator's inference); 中玻 规划, no progress reported.
  CHECK(basis.at("sanwei-bdo") == "inferred");
  CHECK(basis.at("zhongbo-pv-materials") == "inferred");
  CHECK(basis.at("junzheng-bdo") == "stated");
  const auto table = run_indtrack({"list", "--data", data, "--as-of", "2026-12-02", "--company", "三维"});
  CHECK(table.out.find("投产~") != std::string::npos);
  CHECK(table.out.find("~ 状态为推断，并非来源直接所述") != std::string::npos);
}
