// Throughput of the extractor on one core: a multi-MB text built from the test articles, real
// published ones in both scripts among them (every sentence made unique so that the repeated-sentence
// shortcut does not flatter the figure), the same text as one line, and random bytes. docs/extraction.md
// records the numbers.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "extract/extractor.h"

namespace {

constexpr std::size_t kTargetBytes = 8u << 20;

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t pos = 0;
  for (std::size_t hit; (hit = text.find(from, pos)) != std::string::npos; pos = hit + from.size())
    out.append(text, pos, hit - pos).append(to);
  out.append(text, pos, std::string::npos);
  return out;
}

// The test articles, copied until the target size; copy k ends each sentence with "第k版".
const std::string& articles_text() {
  static const std::string text = [] {
    std::string all;
    const std::filesystem::path tests =
        std::filesystem::path(INDTRACK_BENCH_DIR) / ".." / "tests" / "extract";
    // The real articles include traditional-script ones: the conversion to simplified is measured too.
    for (const auto& dir : {tests / "articles", tests / "real" / "articles"})
      for (const auto& entry : std::filesystem::directory_iterator(dir)) all += read(entry.path()) + "\n\n";
    std::string out;
    for (int k = 0; out.size() < kTargetBytes; ++k)
      out += replace_all(all, "。", "，第" + std::to_string(k) + "版。");
    return out;
  }();
  return text;
}

void run(benchmark::State& state, const std::string& text) {
  const indtrack::ExtractionDictionary dict;
  std::size_t facts = 0;
  for (auto _ : state) {
    const indtrack::ExtractionResult r =
        indtrack::extract_facts(text, indtrack::Date::of_day(2023, 6, 1), dict);
    facts = r.facts.size();
    benchmark::DoNotOptimize(r.facts.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["MB"] = static_cast<double>(text.size()) / (1 << 20);
  state.counters["facts"] = static_cast<double>(facts);
}

void BM_ExtractArticles(benchmark::State& state) { run(state, articles_text()); }

// Only the real articles in traditional script (every paragraph converted to simplified).
void BM_ExtractTraditional(benchmark::State& state) {
  static const std::string text = [] {
    std::string all;
    const std::filesystem::path dir =
        std::filesystem::path(INDTRACK_BENCH_DIR) / ".." / "tests" / "extract" / "real" / "articles";
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      const std::string article = read(entry.path());
      if (article.find("項") != std::string::npos) all += article + "\n\n";  // 項 is traditional only
    }
    std::string out;
    for (int k = 0; out.size() < kTargetBytes; ++k)
      out += replace_all(all, "。", "，第" + std::to_string(k) + "版。");
    return out;
  }();
  run(state, text);
}

void BM_ExtractOneLongLine(benchmark::State& state) {
  static const std::string line = replace_all(replace_all(articles_text(), "\n", ""), "\r", "");
  run(state, line);
}

void BM_ExtractRandomBytes(benchmark::State& state) {
  static const std::string junk = [] {
    std::mt19937 random(2023);
    std::string s(kTargetBytes, '\0');
    for (char& c : s) c = static_cast<char>(random() & 0xFF);
    return s;
  }();
  run(state, junk);
}

void BM_DictionaryBuiltins(benchmark::State& state) {
  for (auto _ : state) {
    indtrack::ExtractionDictionary dict;
    benchmark::DoNotOptimize(&dict);
  }
}

}  // namespace

BENCHMARK(BM_ExtractArticles)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_ExtractTraditional)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_ExtractOneLongLine)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_ExtractRandomBytes)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_DictionaryBuiltins)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
