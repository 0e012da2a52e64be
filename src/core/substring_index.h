// Answers "does this text contain that string?" for many needles in time proportional to each
// needle, after one linear pass over the text. Used to check hundreds of thousands of article
// quotes: a plain search per quote would rescan the article every time.
//
// How: the 12-byte window at every UTF-8 character start is hashed into an open-addressing
// table (windows with equal hashes are chained); a needle's first window is looked up and each
// candidate is confirmed with memcmp. Needles shorter than a window fall back to a scan.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace indtrack {

class SubstringIndex {
 public:
  explicit SubstringIndex(std::string text);
  bool contains(std::string_view needle) const;
  const std::string& text() const { return text_; }

 private:
  static constexpr std::size_t kWindow = 12;  // bytes: 4 CJK characters
  static std::uint64_t hash_window(const char* p);

  std::string text_;
  std::vector<std::uint64_t> slot_hash_;
  std::vector<std::uint32_t> slot_first_;  // 1 + first position with that hash; 0 = empty slot
  std::vector<std::uint32_t> next_same_;   // 1 + next position with the same hash; 0 = none
  std::size_t mask_ = 0;
};

}  // namespace indtrack
