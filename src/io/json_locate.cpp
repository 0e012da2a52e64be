#include "io/json_locate.h"

#include <algorithm>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/json_path.h"

namespace indtrack {
namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t'))
      ++pos_;
  }
  bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool done() const { return pos_ >= text_.size(); }
  std::size_t pos() const { return pos_; }
  void advance() { ++pos_; }

  // Reads a string token starting at '"' and returns its decoded value.
  std::string read_string() {
    const std::size_t start = pos_;
    skip_string();
    std::string_view raw = text_.substr(start, pos_ - start);
    if (raw.find('\\') == std::string_view::npos) return std::string(raw.substr(1, raw.size() - 2));
    // Escapes are rare in keys; let nlohmann decode them exactly.
    const auto decoded = nlohmann::json::parse(raw, nullptr, false);
    return decoded.is_string() ? decoded.get<std::string>() : std::string(raw);
  }

  void skip_string() {
    ++pos_;  // opening quote
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '\\')
        ++pos_;
      else if (c == '"')
        return;
    }
  }

  // Skips any value (iteratively: nesting depth does not consume stack).
  void skip_value() {
    int depth = 0;
    do {
      skip_space();
      if (done()) return;
      const char c = text_[pos_];
      if (c == '"') {
        skip_string();
      } else if (c == '{' || c == '[') {
        ++depth;
        ++pos_;
      } else if (c == '}' || c == ']') {
        --depth;
        ++pos_;
      } else if (c == ',' || c == ':') {
        ++pos_;
      } else {
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']' &&
               text_[pos_] != ' ' && text_[pos_] != '\n' && text_[pos_] != '\r' && text_[pos_] != '\t')
          ++pos_;
      }
    } while (depth > 0);
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

struct Locator {
  Scanner scan;
  const std::unordered_set<std::string>& wanted;
  std::unordered_set<std::string> prefixes;  // every path that leads to a wanted path
  std::unordered_map<std::string, std::size_t> found;

  // Visits the value at the scanner position whose path is `path` (a wanted prefix).
  void visit(const std::string& path) {
    scan.skip_space();
    if (wanted.count(path)) found.emplace(path, scan.pos());
    if (scan.at('{')) {
      scan.advance();
      for (;;) {
        scan.skip_space();
        if (scan.done() || scan.at('}')) break;
        if (!scan.at('"')) return;
        std::string key = scan.read_string();
        scan.skip_space();
        if (scan.at(':')) scan.advance();
        std::string child = path;
        append_path_key(child, key);
        step_into(child);
        scan.skip_space();
        if (scan.at(',')) scan.advance();
      }
      if (scan.at('}')) scan.advance();
    } else if (scan.at('[')) {
      scan.advance();
      for (int index = 0;; ++index) {
        scan.skip_space();
        if (scan.done() || scan.at(']')) break;
        std::string child = path;
        append_path_index(child, index);
        step_into(child);
        scan.skip_space();
        if (scan.at(',')) scan.advance();
      }
      if (scan.at(']')) scan.advance();
    } else {
      scan.skip_value();
    }
  }

  void step_into(const std::string& child) {
    if (prefixes.count(child))
      visit(child);
    else
      scan.skip_value();
  }
};

}  // namespace

std::unordered_map<std::string, std::size_t> locate_json_paths(
    std::string_view text, const std::unordered_set<std::string>& wanted) {
  Locator loc{Scanner(text), wanted, {}, {}};
  for (const std::string& path : wanted) {
    // Every prefix at a '.' or '[' boundary, plus the path itself and the root.
    loc.prefixes.insert("");
    for (std::size_t i = 0; i < path.size(); ++i)
      if (path[i] == '.' || path[i] == '[') loc.prefixes.insert(path.substr(0, i));
    loc.prefixes.insert(path);
  }
  // Recursion depth is bounded by the wanted paths' depth (the schema's, a handful of levels):
  // subtrees off those paths are skipped iteratively.
  loc.visit("");
  return std::move(loc.found);
}

std::vector<DuplicateKey> find_duplicate_keys(std::string_view text) {
  struct Frame {
    bool object = false;
    bool expect_key = false;                                // objects: the next string is a key
    int index = 0;                                          // arrays: the current element
    std::string key;                                        // objects: the current member's key
    std::vector<std::pair<std::string, std::size_t>> keys;  // objects: (key, offset) seen so far
  };
  std::vector<Frame> stack;
  std::vector<DuplicateKey> found;
  auto path_to_top = [&] {
    std::string path;
    for (std::size_t i = 0; i + 1 < stack.size(); ++i) {
      if (stack[i].object)
        append_path_key(path, stack[i].key);
      else
        append_path_index(path, stack[i].index);
    }
    return path;
  };
  auto close_object = [&](Frame& f) {
    if (f.keys.size() < 2) return;
    std::sort(f.keys.begin(), f.keys.end());  // by key, then offset: a first occurrence comes first
    for (std::size_t i = 1; i < f.keys.size(); ++i) {
      if (f.keys[i].first != f.keys[i - 1].first) continue;
      std::size_t first = i - 1;
      while (first > 0 && f.keys[first - 1].first == f.keys[i].first) --first;
      std::string path = path_to_top();
      append_path_key(path, f.keys[i].first);
      found.push_back({std::move(path), f.keys[i].second, f.keys[first].second});
    }
  };

  Scanner scan(text);
  for (scan.skip_space(); !scan.done(); scan.skip_space()) {
    const char c = text[scan.pos()];
    if (c == '{' || c == '[') {
      Frame f;
      f.object = c == '{';
      f.expect_key = f.object;
      stack.push_back(std::move(f));
      scan.advance();
    } else if (c == '}' || c == ']') {
      if (!stack.empty()) {
        if (stack.back().object) close_object(stack.back());
        stack.pop_back();
      }
      scan.advance();
    } else if (c == ',') {
      if (!stack.empty()) {
        if (stack.back().object)
          stack.back().expect_key = true;
        else
          ++stack.back().index;
      }
      scan.advance();
    } else if (c == ':') {
      if (!stack.empty()) stack.back().expect_key = false;
      scan.advance();
    } else if (c == '"' && !stack.empty() && stack.back().expect_key) {
      const std::size_t offset = scan.pos();
      Frame& f = stack.back();
      f.key = scan.read_string();
      f.keys.emplace_back(f.key, offset);
      f.expect_key = false;
    } else {
      scan.skip_value();  // a string or scalar value
    }
  }
  std::sort(found.begin(), found.end(),
            [](const DuplicateKey& a, const DuplicateKey& b) { return a.offset < b.offset; });
  return found;
}

std::size_t find_excess_nesting(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) return i;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return std::string_view::npos;
}

}  // namespace indtrack
