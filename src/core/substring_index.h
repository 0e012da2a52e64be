// Answers "does this text contain that string?" for many needles in time proportional to each
// needle, after one linear pass over the text. Used to check hundreds of thousands of article
// quotes: a plain search per quote would rescan the article every time.
//
// How: the 12-byte window at every UTF-8 character start is hashed into an open-addressing
// table (windows with equal hashes are chained); a needle's first window is looked up and each
// candidate is confirmed with memcmp. Needles shorter than a window fall back to a scan.
// Memory: the table has two slots per character start (CJK: one per ~1.5 bytes of text) of
// 8 bytes each, plus 4 bytes per text byte for the chains: ~10-15 bytes per byte of text.
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
  std::size_t slot_of(std::uint64_t hash) const;  // the slot holding `hash`, or the empty one where it goes

  struct Slot {
    std::uint32_t tag = 0;    // high half of the window hash (the low half picks the slot)
    std::uint32_t first = 0;  // 1 + first position with that hash; 0 = empty slot
  };
  std::string text_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> next_same_;  // 1 + next position with the same hash; 0 = none
  std::size_t mask_ = 0;
};

}  // namespace indtrack
