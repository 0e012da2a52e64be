// Two-way parallelism for the loader's big independent jobs (this machine class has 2 cores):
// run one job on the calling thread and one on a helper thread, and wait for both.
#pragma once

#include <system_error>
#include <thread>

namespace indtrack {

// True when a second thread would run on a core of its own.
inline bool can_run_in_parallel() { return std::thread::hardware_concurrency() > 1; }

// Runs `here` on the calling thread while `helper` runs on a new thread; returns when both are
// done. If no thread can be started, runs them one after the other (same results, just slower).
// Exceptions must not leave `helper` (it runs on its own thread).
template <class Here, class Helper>
void run_both(Here&& here, Helper&& helper) {
  std::thread thread;
  try {
    thread = std::thread([&helper] { helper(); });
  } catch (const std::system_error&) {
    here();
    helper();
    return;
  }
  here();
  thread.join();
}

}  // namespace indtrack
