#include "io/json_path.h"

namespace indtrack {

void append_path_key(std::string& path, std::string_view key) {
  if (!path.empty()) path += '.';
  path += key;
}

void append_path_index(std::string& path, int index) {
  path += '[';
  path += std::to_string(index);
  path += ']';
}

std::string JsonPath::str() const {
  std::string out;
  for (std::size_t i = 0; i < depth_ && i < kMaxDepth; ++i) {
    const Segment& s = segments_[i];
    if (s.index >= 0)
      append_path_index(out, s.index);
    else
      append_path_key(out, s.key);
  }
  return out;
}

}  // namespace indtrack
