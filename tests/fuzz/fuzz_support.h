// Shared by the libFuzzer targets. Each target is written once and built two ways:
//   - a libFuzzer executable (INDTRACK_FUZZ=ON, clang): INDTRACK_FUZZ_TARGET defines
//     LLVMFuzzerTestOneInput, and a failed property prints what broke and aborts, so libFuzzer
//     records the input as a crash (assert() would vanish in a Release build);
//   - part of the Catch2 suite (INDTRACK_FUZZ_REPLAY, any compiler): INDTRACK_FUZZ_TARGET(name)
//     defines `int name(data, size)` and a failed property throws FuzzPropertyFailure, so
//     tests/core/fuzz_replay_test.cpp replays the seeds and every regression input on every build.
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

namespace indtrack::fuzz {

struct FuzzPropertyFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

[[noreturn]] inline void fail(std::string_view what, std::string_view detail = {}) {
#ifdef INDTRACK_FUZZ_REPLAY
  throw FuzzPropertyFailure(std::string(what) + (detail.empty() ? "" : "\n") + std::string(detail));
#else
  std::fprintf(stderr, "\nfuzz property violated: %.*s\n", static_cast<int>(what.size()), what.data());
  if (!detail.empty()) std::fprintf(stderr, "%.*s\n", static_cast<int>(detail.size()), detail.data());
  std::abort();
#endif
}

// The input as text.
inline std::string_view as_text(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace indtrack::fuzz

// Checks a property. A macro so that the messages (often built from the input) are only made
// when the property fails: building them on every check halved the targets' speed.
#define FUZZ_REQUIRE(condition, ...)                       \
  do {                                                     \
    if (!(condition)) ::indtrack::fuzz::fail(__VA_ARGS__); \
  } while (false)

#ifdef INDTRACK_FUZZ_REPLAY
#define INDTRACK_FUZZ_TARGET(name) int name(const unsigned char* data, std::size_t size)
#else
#define INDTRACK_FUZZ_TARGET(name) \
  extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size)
#endif
