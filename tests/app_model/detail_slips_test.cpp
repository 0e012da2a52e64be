// The detail panel's plan-versus-actual section: for 华恒's project at 2024-10-31, each milestone
// with an announced date gets its verdict and its statements in report order, each with the
// quote and the number of its source in the panel's source list.
#include <catch2/catch_test_macros.hpp>

#include "app_model/detail_model.h"
#include "io/dataset_io.h"

using namespace indtrack;
using namespace indtrack::ui;

TEST_CASE("the detail panel lists each milestone's history with its quotes", "[detail][slippage]") {
  auto loaded = load_dataset(std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json");
  REQUIRE(loaded.dataset);
  const Dataset& data = *loaded.dataset;
  const int project = data.find_project("huaheng-ptmeg-pbat");
  REQUIRE(project >= 0);
  DetailModel model = build_detail(data, project, Language::Chinese);
  add_slip_history(model, data, parse_date("2024-10-31").date->placement_day(), Language::Chinese);
  REQUIRE_FALSE(model.slips.empty());
  // Trial production: first expected Aug 2022 (PTMEG) / Sep 2022 (BDO), reported operating in Oct 2024.
  const DetailSlip& trial = model.slips.front();
  CHECK(trial.subject == "华恒 PTMEG、PBAT新型材料产业链一体化项目 · 试生产");
  CHECK(trial.verdict == "延期 5–26 个月");
  CHECK(trial.state == SlipState::Late);
  REQUIRE(trial.steps.size() == 4);
  CHECK(trial.steps[1].text == "2022-08 报道：预计 2022-09 试生产");
  CHECK(trial.steps[3].text == "2024-10 报道：已投产");
  CHECK(trial.steps[3].evidence.quote.find("建成投产") != std::string::npos);
  // Every step points at a listed source, whose quotes the source list shows.
  for (const DetailSlip& slip : model.slips)
    for (const DetailSlipStep& step : slip.steps) {
      REQUIRE(step.evidence.source_number >= 1);
      REQUIRE(step.evidence.source_number <= static_cast<int>(model.sources.size()));
      CHECK(model.sources[static_cast<std::size_t>(step.evidence.source_number - 1)].number ==
            step.evidence.source_number);
    }
  // A milestone still pending past its first expected date says so, with the months.
  bool methanol = false;
  for (const DetailSlip& slip : model.slips)
    if (slip.subject == "华恒 甲醇装置 · 建成") {
      methanol = true;
      CHECK(slip.state == SlipState::PastDue);
      CHECK(slip.verdict == "已过首次预计日期（2023-06）16 个月，未见完成报道");
    }
  CHECK(methanol);
}
