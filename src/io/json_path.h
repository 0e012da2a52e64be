// JSON paths as problems print them: projects[4].units[0].capacity.value. The builder keeps a
// stack of segments and formats it only when a problem is reported; json_locate finds the same
// path in the file text to give a line and column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace indtrack {

class JsonPath {
 public:
  void push_key(std::string_view key) { segments_.push_back({key, -1}); }
  void push_index(int index) { segments_.push_back({{}, index}); }
  void pop() { segments_.pop_back(); }
  std::string str() const;
  bool empty() const { return segments_.empty(); }

 private:
  struct Segment {
    std::string_view key;  // points into the parsed document or a literal
    int index;             // >= 0 for array elements
  };
  std::vector<Segment> segments_;
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
