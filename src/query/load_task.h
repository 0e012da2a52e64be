// LoadTask: load_dataset and the DatasetIndex of what it loaded, on a worker thread, so the
// window keeps drawing (with a progress bar and a Cancel button) while a large file loads. The UI
// thread starts it, polls it once a frame, and takes the result when it is done; nothing else is
// shared.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <thread>

#include "io/dataset_io.h"
#include "query/dataset_index.h"

namespace indtrack {

class LoadTask {
 public:
  LoadTask() = default;
  ~LoadTask();  // cancels and waits: a task never outlives its owner
  LoadTask(const LoadTask&) = delete;
  LoadTask& operator=(const LoadTask&) = delete;

  // Starts loading `path` (cancelling and waiting for a load still running).
  void start(const std::string& path, LoadOptions options = {});
  bool running() const { return worker_.joinable(); }
  const std::string& path() const { return path_; }
  float progress() const { return progress_.load(std::memory_order_relaxed); }  // 0..1
  // Asks the loader to stop at its next progress report; take() then says cancelled (even when
  // the load had already finished) and holds no dataset.
  void cancel() { cancel_.store(true, std::memory_order_relaxed); }

  struct Finished {
    std::string path;
    LoadResult result;
    // Of result.dataset: rebind() it to wherever that dataset is moved (Finished moves it too).
    std::optional<DatasetIndex> index;
    bool cancelled = false;
  };
  // The result once the worker has finished (the task is then idle again); nullopt while it runs
  // or when nothing was started. `wait` blocks until it finishes.
  std::optional<Finished> take(bool wait = false);

 private:
  std::string path_;
  std::thread worker_;
  std::atomic<float> progress_{0};
  std::atomic<bool> cancel_{false};
  std::atomic<bool> done_{false};
  LoadResult result_;  // written by the worker before done_, read by take() after it
  std::optional<DatasetIndex> index_;
};

}  // namespace indtrack
