#include "extract/keyword_trie.h"

namespace indtrack {

KeywordTrie::KeywordTrie() : nodes_(1) { root_children_.fill(-1); }

std::int32_t KeywordTrie::child(std::int32_t node, unsigned char byte) const {
  if (node == 0) return root_children_[byte];
  for (const auto& [b, index] : nodes_[static_cast<std::size_t>(node)].children)
    if (b == byte) return index;
  return -1;
}

void KeywordTrie::insert(std::string_view word, int payload) {
  if (word.empty()) return;
  std::int32_t node = 0;
  for (const char c : word) {
    const auto byte = static_cast<unsigned char>(c);
    std::int32_t next = child(node, byte);
    if (next < 0) {
      next = static_cast<std::int32_t>(nodes_.size());
      nodes_.emplace_back();
      if (node == 0)
        root_children_[byte] = next;
      else
        nodes_[static_cast<std::size_t>(node)].children.emplace_back(byte, next);
    }
    node = next;
  }
  if (nodes_[static_cast<std::size_t>(node)].payload < 0) ++words_;
  nodes_[static_cast<std::size_t>(node)].payload = payload;
}

KeywordTrie::Match KeywordTrie::longest_match(std::string_view text, std::size_t pos) const {
  Match best;
  std::int32_t node = 0;
  for (std::size_t i = pos; i < text.size(); ++i) {
    node = child(node, static_cast<unsigned char>(text[i]));
    if (node < 0) break;
    const std::int32_t payload = nodes_[static_cast<std::size_t>(node)].payload;
    if (payload >= 0) best = {payload, i + 1 - pos};
  }
  return best;
}

}  // namespace indtrack
