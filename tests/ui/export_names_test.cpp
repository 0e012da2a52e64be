// The file name the export dialog suggests: the chart (the capacity chart's product), the filter and the
// as-of date, safe on every file system.
#include <catch2/catch_test_macros.hpp>

#include "core/dataset_fixtures.h"
#include "export/export_names.h"
#include "io/dataset_io.h"
#include "query/filter.h"

using namespace indtrack;

TEST_CASE("export names: what a file system refuses is replaced, the rest kept", "[export][names]") {
  CHECK(sanitize_file_name("BDO产能_截至2026-12-02") == "BDO产能_截至2026-12-02");
  CHECK(sanitize_file_name("聚己二酸/对苯二甲酸丁二醇酯") == "聚己二酸_对苯二甲酸丁二醇酯");
  CHECK(sanitize_file_name("a:b*c?\"d<e>f|g\\h") == "a_b_c_d_e_f_g_h");
  CHECK(sanitize_file_name("x//??y") == "x_y");  // a run is one "_"
  CHECK(sanitize_file_name(" ..hidden. ") == "hidden");
  CHECK(sanitize_file_name("tab\there\nnewline") == "tab_here_newline");
  CHECK(sanitize_file_name("") == "indtrack");
  CHECK(sanitize_file_name("///") == "indtrack");
  // Long names are cut at a character boundary: 50 three-byte characters -> 40.
  std::string long_name;
  for (int i = 0; i < 50; ++i) long_name += "产";
  const std::string cut = sanitize_file_name(long_name);
  CHECK(cut.size() == 120);
  CHECK(cut == long_name.substr(0, 120));
}

TEST_CASE("export names: chart, filter and as-of date", "[export][names]") {
  const Dataset& d = test::wuhai();
  FilterSpec f;
  f.as_of = parse_date("2026-12-02").date;
  ChartOptions options;
  options.product = d.find_product("BDO");
  REQUIRE(options.product >= 0);
  CHECK(default_chart_file_name(d, f, ChartKind::Capacity, options, Language::Chinese) ==
        "BDO产能_截至2026-12-02");
  CHECK(default_chart_file_name(d, f, ChartKind::Capacity, options, Language::English) ==
        "BDO capacity_as of 2026-12-02");
  CHECK(default_chart_file_name(d, f, ChartKind::Timeline, options, Language::Chinese) ==
        "项目进度_截至2026-12-02");

  f.districts = {d.find_district("hainan")};
  f.statuses = {Status::Construction};
  f.products = {d.find_product("BDO"), d.find_product("PBAT")};
  // The chart's own product is not named twice; PBAT's name has a "/" the file system refuses.
  CHECK(default_chart_file_name(d, f, ChartKind::Capacity, options, Language::Chinese) ==
        "BDO产能_海南区_" + sanitize_file_name(display_name(d.products[d.find_product("PBAT")], false)) +
            "_在建_截至2026-12-02");
  CHECK(default_chart_file_name(d, f, ChartKind::Investment, options, Language::Chinese)
            .starts_with("投资_海南区_"));
}
