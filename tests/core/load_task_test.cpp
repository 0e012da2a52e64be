// LoadTask: the dashboard's background load. The window relies on it to report progress, to stop
// when the user presses Cancel, and to hand over exactly one result.
#include <catch2/catch_test_macros.hpp>

#include "query/filter.h"
#include "query/load_task.h"
#include "test_support.h"

using namespace indtrack;
using indtrack::test::data_path;

TEST_CASE("a background load hands over the dataset once, with progress at 1", "[io][load-task]") {
  LoadTask task;
  CHECK_FALSE(task.take().has_value());  // nothing started
  const std::string path = data_path("example/example.json");
  task.start(path);
  CHECK(task.running());
  std::optional<LoadTask::Finished> done = task.take(/*wait=*/true);
  REQUIRE(done.has_value());
  CHECK(done->path == path);
  CHECK_FALSE(done->cancelled);
  REQUIRE(done->result.ok());
  CHECK(done->result.dataset->projects.size() == 2);
  CHECK(task.progress() == 1.0f);
  CHECK_FALSE(task.running());
  CHECK_FALSE(task.take(true).has_value());  // handed over once
}

TEST_CASE("Cancel stops a background load at its next progress report", "[io][load-task]") {
  LoadTask task;
  LoadOptions options;
  options.progress = [&](float) {
    task.cancel();  // as if the user pressed Cancel while the file was being parsed
    return true;
  };
  task.start(data_path("example/example.json"), options);
  const std::optional<LoadTask::Finished> done = task.take(true);
  REQUIRE(done.has_value());
  CHECK(done->cancelled);
  CHECK_FALSE(done->result.ok());
  REQUIRE(done->result.problems.size() == 1);
  CHECK(done->result.problems[0].message == "loading was cancelled");
}

TEST_CASE("a second start replaces the first load; a broken file's problems come back", "[io][load-task]") {
  LoadTask task;
  task.start(data_path("example/example.json"));
  const std::string bad = data_path("bad/01-truncated.json");
  task.start(bad);
  const std::optional<LoadTask::Finished> done = task.take(true);
  REQUIRE(done.has_value());
  CHECK(done->path == bad);
  CHECK_FALSE(done->cancelled);
  CHECK_FALSE(done->result.ok());
  CHECK_FALSE(done->result.problems.empty());
}

TEST_CASE("the index built with a background load answers as one built from the dataset", "[io][load-task]") {
  LoadTask task;
  task.start(data_path("example/example.json"));
  std::optional<LoadTask::Finished> done = task.take(true);
  REQUIRE(done.has_value());
  REQUIRE(done->index.has_value());
  // The window moves the dataset into its own state and rebinds the index to it.
  const Dataset moved = std::move(*done->result.dataset);
  done->result.dataset.reset();
  done->index->rebind(moved);
  const DatasetIndex fresh(moved);
  for (const Status status : {Status::Operating, Status::Construction, Status::Announced}) {
    FilterSpec f;
    f.statuses = {status};
    f.as_of = Date::of_day(2024, 6, 30);
    CHECK(filter_projects(*done->index, f) == filter_projects(fresh, f));
  }
  FilterSpec search;
  search.search = "bdo";
  CHECK(filter_projects(*done->index, search) == filter_projects(fresh, search));
  CHECK_FALSE(filter_projects(fresh, search).empty());
  for (int p = 0; p < static_cast<int>(moved.projects.size()); ++p) {
    CHECK(done->index->facts(p).search_text == fresh.facts(p).search_text);
    CHECK(done->index->facts(p).cited_sources == fresh.facts(p).cited_sources);
  }
}
