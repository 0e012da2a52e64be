#include "io/json_locate.h"

#include <vector>

#include <nlohmann/json.hpp>

#include "io/json_path.h"

namespace indtrack {
namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                   text_[pos_] == '\r' || text_[pos_] == '\t'))
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
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' &&
               text_[pos_] != ']' && text_[pos_] != ' ' && text_[pos_] != '\n' &&
               text_[pos_] != '\r' && text_[pos_] != '\t')
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
