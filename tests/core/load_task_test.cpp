// LoadTask: the dashboard's background load. The window relies on it to report progress, to stop
// when the user presses Cancel, and to hand over exactly one result.
#include <catch2/catch_test_macros.hpp>

#include "io/load_task.h"
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
