// A byte trie of UTF-8 keywords answering "which is the longest keyword starting here?" in time
// bounded by the longest keyword, so scanning a text at every code point stays linear in its size.
// Owns only the words and their integer payloads; what a payload means is the caller's business.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace indtrack {

class KeywordTrie {
 public:
  struct Match {
    int payload = -1;        // -1: no keyword starts here
    std::size_t length = 0;  // bytes of the matched keyword
  };

  KeywordTrie();

  // Adds or replaces `word`; an empty word is ignored. Later insertions of the same word win.
  void insert(std::string_view word, int payload);

  // Longest keyword that is a prefix of text.substr(pos).
  Match longest_match(std::string_view text, std::size_t pos) const;

  std::size_t size() const { return words_; }

 private:
  struct Node {
    std::vector<std::pair<unsigned char, std::int32_t>> children;  // few per node: linear search
    std::int32_t payload = -1;
  };
  std::int32_t child(std::int32_t node, unsigned char byte) const;

  std::array<std::int32_t, 256> root_children_;  // the root fans out widely: direct index
  std::vector<Node> nodes_;                      // nodes_[0] is the root
  std::size_t words_ = 0;
};

}  // namespace indtrack
