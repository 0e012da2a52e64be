#include "query/load_task.h"

namespace indtrack {

LoadTask::~LoadTask() {
  cancel();
  if (worker_.joinable()) worker_.join();
}

void LoadTask::start(const std::string& path, LoadOptions options) {
  if (worker_.joinable()) {
    cancel();
    worker_.join();
  }
  path_ = path;
  progress_ = 0;
  cancel_ = false;
  done_ = false;
  result_ = {};
  index_.reset();
  auto report = std::move(options.progress);  // the caller's own progress callback, if any
  options.progress = [this, report](float f) {
    progress_.store(f, std::memory_order_relaxed);
    if (report && !report(f)) return false;
    return !cancel_.load(std::memory_order_relaxed);
  };
  worker_ = std::thread([this, options = std::move(options)] {
    result_ = load_dataset(path_, options);
    // The index takes a third of a second at 100k projects: here, not in the window's next frame.
    if (result_.ok() && !cancel_.load(std::memory_order_relaxed)) index_.emplace(*result_.dataset);
    progress_ = 1;
    done_.store(true, std::memory_order_release);
  });
}

std::optional<LoadTask::Finished> LoadTask::take(bool wait) {
  if (!worker_.joinable()) return std::nullopt;
  if (!wait && !done_.load(std::memory_order_acquire)) return std::nullopt;
  worker_.join();
  // A cancel that came after the loader's last progress report still counts: the user asked
  // for nothing to change.
  Finished out{path_, std::move(result_), std::move(index_), cancel_.load()};
  index_.reset();
  if (out.cancelled && out.result.ok()) {
    out.index.reset();
    out.result = {};
    out.result.problems.push_back(
        Problem{Problem::Severity::Error, path_, 0, 0, "", "loading was cancelled"});
  }
  result_ = {};
  return out;
}

}  // namespace indtrack
