// Opening a large dataset as the window does: it loads on a worker thread while the dashboard
// keeps drawing the previous one; when it arrives it replaces it (lock and journal follow); Cancel
// or a broken file leaves everything as it was; edits wait until the load is over. (What the
// status line shows meanwhile: tests/ui/load_progress_test.cpp.)
#include <catch2/catch_test_macros.hpp>

#include <filesystem>

#include "app_model/curation.h"
#include "app_model/edit_session.h"
#include "curation_support.h"
#include "edit/dataset_edits.h"

using namespace indtrack;
using namespace indtrack::ui;

namespace {

struct Window {
  AppState app;
  Curation curation{app};
  explicit Window(const std::string& first) {
    app.set_language(Language::Chinese);
    // Every file loads in the background here, as a file over 4 MB does in the window.
    curation.session.set_options(
        {.lock_file = true, .journal = true, .background_load = true, .background_from_bytes = 0});
    REQUIRE(curation.session.open(first));  // the window's previous dataset, loaded at once
    app.refresh();
  }
};

}  // namespace

TEST_CASE("a background load replaces the dataset when it arrives, then runs what follows", "[ui][load]") {
  const std::string first = test::copy_example_dataset("bg-load-a");
  const std::string second = test::copy_example_dataset("bg-load-b");
  Window w(first);
  bool followed = false;
  REQUIRE(w.curation.session.open_then(second, [&](bool ok) { followed = ok; }));
  CHECK(w.curation.session.loading());
  CHECK(w.curation.session.loading_path() == second);
  CHECK(w.app.dataset->path == first);  // still the previous one meanwhile
  CHECK_FALSE(followed);

  REQUIRE(w.curation.session.poll_load(/*wait=*/true));
  CHECK_FALSE(w.curation.session.loading());
  // The derived index came with the load (built on the worker), pointing at the dataset shown.
  REQUIRE(w.app.index() != nullptr);
  CHECK(&w.app.index()->data() == &*w.app.dataset);
  CHECK(followed);
  CHECK(w.app.dataset->path == second);
  CHECK(w.curation.session.path() == second);
  CHECK(std::filesystem::exists(second + ".lock"));  // the editor, lock and journal moved on
  CHECK_FALSE(w.curation.session.poll_load(true));   // nothing more to finish
}

TEST_CASE("Cancel or a broken file keeps the dataset shown; edits wait for the load", "[ui][load]") {
  const std::string first = test::copy_example_dataset("bg-load-c");
  Window w(first);

  w.curation.session.open_then(test::copy_example_dataset("bg-load-d"), nullptr);
  const EditOutcome refused =
      w.curation.session.apply(set_field("改名", project_pointer(0), "name", "加载中改名"));
  CHECK_FALSE(refused.ok);
  CHECK(refused.error == "正在加载另一个数据集，加载完成前不能修改。");
  w.curation.session.cancel_load();
  REQUIRE(w.curation.session.poll_load(true));
  CHECK(w.app.dataset->path == first);
  const Notice* cancelled = test::find_notice(w.app, Str::NoticeLoadCancelledFmt);
  REQUIRE(cancelled != nullptr);
  CHECK(cancelled->args.front().find("bg-load-d") != std::string::npos);
  CHECK(w.curation.session.apply(set_field("改名", project_pointer(0), "name", "加载后改名")).ok);

  const std::string broken = test::data_path("bad/01-truncated.json");
  w.curation.session.open_then(broken, nullptr);
  REQUIRE(w.curation.session.poll_load(true));
  CHECK(w.app.dataset->path == first);
  CHECK(w.app.dataset->projects[0].name == "加载后改名");  // the unsaved edit is still there
  CHECK(w.curation.session.dirty());
  CHECK(test::find_notice(w.app, Str::NoticeLoadFailedFmt) != nullptr);
  CHECK_FALSE(w.app.problems.empty());
}
