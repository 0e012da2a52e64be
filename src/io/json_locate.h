// Finds where JSON paths are in a document's text, so problems found on the parsed model can
// name a line and column. Runs only when there are problems to report, and skips every subtree
// that cannot contain a wanted path, so it stays fast on large files.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace indtrack {

// Byte offset of the value at each wanted path ("" = the root). Paths not found are absent.
// `text` must be syntactically valid JSON (it has been parsed already).
std::unordered_map<std::string, std::size_t> locate_json_paths(
    std::string_view text, const std::unordered_set<std::string>& wanted);

// Nesting depth check without parsing: the offset of the first bracket that goes deeper than
// `max_depth`, or npos. Tolerates invalid JSON (the parser reports that afterwards).
std::size_t find_excess_nesting(std::string_view text, int max_depth);

}  // namespace indtrack
