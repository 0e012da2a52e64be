// JSON paths as problems print them: projects[4].units[0].capacity.value. The builder keeps a
// stack of segments and formats it only when a problem is reported; json_locate finds the same
// path in the file text to give a line and column.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace indtrack {

class JsonPath {
 public:
  void push_key(std::string_view key) { push({key, -1}); }
  void push_index(int index) { push({{}, index}); }
  void pop() { --depth_; }
  std::string str() const;
  bool empty() const { return depth_ == 0; }

 private:
  struct Segment {
    std::string_view key;  // points into the parsed document or a literal
    int index;             // >= 0 for array elements
  };
  // A fixed array, not a vector: the loader pushes and pops tens of millions of segments for a
  // large file, and the schema is only ~10 levels deep (files nested deeper than 64 are refused
  // before they are read). Deeper pushes would be counted but not shown.
  static constexpr std::size_t kMaxDepth = 64;
  void push(Segment s) {
    if (depth_ < kMaxDepth) segments_[depth_] = s;
    ++depth_;
  }
  std::array<Segment, kMaxDepth> segments_;
  std::size_t depth_ = 0;
};

// Appends one segment to a formatted path: "a" + key "b" -> "a.b"; "a" + index 3 -> "a[3]".
void append_path_key(std::string& path, std::string_view key);
void append_path_index(std::string& path, int index);

// RAII helper: pushes a segment for the lifetime of a scope.
class PathScope {
 public:
  PathScope(JsonPath& path, std::string_view key) : path_(path) { path_.push_key(key); }
  PathScope(JsonPath& path, int index) : path_(path) { path_.push_index(index); }
  ~PathScope() { path_.pop(); }
  PathScope(const PathScope&) = delete;
  PathScope& operator=(const PathScope&) = delete;

 private:
  JsonPath& path_;
};

}  // namespace indtrack
