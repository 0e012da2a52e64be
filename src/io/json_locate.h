// Finds where JSON paths are in a document's text, so problems found on the parsed model can
// name a line and column. Runs only when there are problems to report, and skips every subtree
// that cannot contain a wanted path, so it stays fast on large files.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace indtrack {

// Byte offset of the value at each wanted path ("" = the root). Paths not found are absent.
// `text` must be syntactically valid JSON (it has been parsed already).
std::unordered_map<std::string, std::size_t> locate_json_paths(std::string_view text,
                                                               const std::unordered_set<std::string>& wanted);

// A key that appears more than once in one object. Parsers disagree on which value wins
// (nlohmann keeps the last, simdjson hands over both), so the loader refuses such files.
struct DuplicateKey {
  std::string path;              // the member's JSON path: sources[0].date
  std::size_t offset = 0;        // byte offset of the repeated key's opening quote
  std::size_t first_offset = 0;  // ... and of its first occurrence
};
// Every repeated key, in text order. `text` must be syntactically valid JSON. Time is linear in
// the text (plus sorting each object's keys); stack use does not grow with nesting.
std::vector<DuplicateKey> find_duplicate_keys(std::string_view text);

// Nesting depth check without parsing: the offset of the first bracket that goes deeper than
// `max_depth`, or npos. Tolerates invalid JSON (the parser reports that afterwards).
std::size_t find_excess_nesting(std::string_view text, int max_depth);

}  // namespace indtrack
