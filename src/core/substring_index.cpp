#include "core/substring_index.h"

#include <cstring>

namespace indtrack {

std::uint64_t SubstringIndex::hash_window(const char* p) {
  std::uint64_t a = 0;
  std::uint32_t b = 0;
  std::memcpy(&a, p, 8);
  std::memcpy(&b, p + 8, 4);
  std::uint64_t h = a ^ (static_cast<std::uint64_t>(b) * 0x9E3779B97F4A7C15ull);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

SubstringIndex::SubstringIndex(std::string text) : text_(std::move(text)) {
  if (text_.size() < kWindow || text_.size() >= UINT32_MAX) return;
  std::size_t slots = 16;
  while (slots < text_.size()) slots <<= 1;  // load factor <= 1/3 for CJK (3-byte characters)
  mask_ = slots - 1;
  slot_hash_.assign(slots, 0);
  slot_first_.assign(slots, 0);
  next_same_.assign(text_.size(), 0);
  const std::size_t last = text_.size() - kWindow;
  for (std::size_t pos = last + 1; pos-- > 0;) {  // backwards, so chains run in text order
    if ((static_cast<unsigned char>(text_[pos]) & 0xC0) == 0x80) continue;  // not a character start
    const std::uint64_t h = hash_window(text_.data() + pos);
    std::size_t slot = h & mask_;
    while (slot_first_[slot] != 0 && slot_hash_[slot] != h) slot = (slot + 1) & mask_;
    next_same_[pos] = slot_first_[slot];
    slot_hash_[slot] = h;
    slot_first_[slot] = static_cast<std::uint32_t>(pos + 1);
  }
}

bool SubstringIndex::contains(std::string_view needle) const {
  if (needle.empty()) return true;
  if (needle.size() > text_.size()) return false;
  if (needle.size() < kWindow || slot_first_.empty()) return text_.find(needle) != std::string::npos;
  const std::uint64_t h = hash_window(needle.data());
  std::size_t slot = h & mask_;
  while (slot_first_[slot] != 0 && slot_hash_[slot] != h) slot = (slot + 1) & mask_;
  for (std::uint32_t at = slot_first_[slot]; at != 0; at = next_same_[at - 1]) {
    const std::size_t pos = at - 1;
    if (pos + needle.size() <= text_.size() && std::memcmp(text_.data() + pos, needle.data(), needle.size()) == 0)
      return true;
  }
  return false;
}

}  // namespace indtrack
