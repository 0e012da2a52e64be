// Reading, validating and writing dataset files (docs/data-format.md). No exception leaves this
// module: every problem becomes a Problem with file, line, column and JSON path, and all problems
// of a file are reported in one pass.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/problem.h"
#include "model/dataset.h"

namespace indtrack {

enum class JsonParser { Simdjson, Nlohmann };  // simdjson is faster; both give identical results
using ArticleTextReader = std::function<std::optional<std::string>(const Source& source)>;

struct LoadOptions {
  JsonParser parser = JsonParser::Simdjson;
  bool check_quotes = true;  // verify article quotes against the article texts
  // Called with 0..1 during long loads; return false to cancel (the result then has an error).
  std::function<bool(float)> progress;
  // Where article texts come from when they are not files beside the dataset (a database store):
  // the text of `source`, or nullopt when there is none.
  ArticleTextReader article_text;
};

struct LoadResult {
  std::optional<Dataset> dataset;  // empty when there are errors
  std::vector<Problem> problems;   // errors and warnings, in file order
  bool ok() const { return dataset.has_value(); }
};

// Loads FILE (and the article texts it names, relative to its directory).
LoadResult load_dataset(const std::string& path, const LoadOptions& options = {});

// Parses dataset JSON already in memory. `display_path` names the file in problems; article
// texts are looked up relative to `base_dir`.
LoadResult parse_dataset(std::string_view json_text, const std::string& display_path,
                         const std::string& base_dir, const LoadOptions& options = {});

// The canonical serialization (stable field order, 2-space indent, unescaped UTF-8, final newline).
std::string serialize_dataset(const Dataset& data);

struct SaveResult {
  bool ok = false;
  std::string error;  // "cannot write data/x.json: No space left on device"
};
// Atomic: temporary file + fsync + rename; the previous file is kept as PATH.bak.
SaveResult save_dataset(const Dataset& data, const std::string& path);

}  // namespace indtrack
