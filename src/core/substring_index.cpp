#include "core/substring_index.h"

#include <cstring>

namespace indtrack {

namespace {
bool is_character_start(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }
}  // namespace

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

std::size_t SubstringIndex::slot_of(std::uint64_t hash) const {
  const auto tag = static_cast<std::uint32_t>(hash >> 32);
  std::size_t slot = hash & mask_;
  while (slots_[slot].first != 0 && slots_[slot].tag != tag) slot = (slot + 1) & mask_;
  return slot;
}

SubstringIndex::SubstringIndex(std::string text) : text_(std::move(text)) {
  if (text_.size() < kWindow || text_.size() >= UINT32_MAX) return;
  const std::size_t last = text_.size() - kWindow;
  std::size_t starts = 0;
  for (std::size_t pos = 0; pos <= last; ++pos) starts += is_character_start(text_[pos]);
  std::size_t slots = 16;
  while (slots < 2 * starts) slots <<= 1;  // load factor <= 1/2
  mask_ = slots - 1;
  slots_.assign(slots, Slot{});
  next_same_.assign(last + 1, 0);
  for (std::size_t pos = last + 1; pos-- > 0;) {  // backwards, so chains run in text order
    if (!is_character_start(text_[pos])) continue;
    const std::uint64_t h = hash_window(text_.data() + pos);
    Slot& slot = slots_[slot_of(h)];
    next_same_[pos] = slot.first;
    slot.tag = static_cast<std::uint32_t>(h >> 32);
    slot.first = static_cast<std::uint32_t>(pos + 1);
  }
}

bool SubstringIndex::contains(std::string_view needle) const {
  if (needle.empty()) return true;
  if (needle.size() > text_.size()) return false;
  if (needle.size() < kWindow || slots_.empty()) return text_.find(needle) != std::string::npos;
  for (std::uint32_t at = slots_[slot_of(hash_window(needle.data()))].first; at != 0;
       at = next_same_[at - 1]) {
    const std::size_t pos = at - 1;
    if (pos + needle.size() <= text_.size() &&
        std::memcmp(text_.data() + pos, needle.data(), needle.size()) == 0)
      return true;
  }
  return false;
}

}  // namespace indtrack
