#include "chart/palette.h"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

namespace indtrack::chart {

namespace {
constexpr Rgba kOkabeIto[] = {
    Rgba::hex(0x0072B2),  // blue
    Rgba::hex(0xE69F00),  // orange
    Rgba::hex(0x009E73),  // bluish green
    Rgba::hex(0xD55E00),  // vermillion
    Rgba::hex(0x56B4E9),  // sky blue
    Rgba::hex(0xCC79A7),  // reddish purple
    Rgba::hex(0xF0E442),  // yellow
    Rgba::hex(0x999999),  // grey
};

std::uint32_t fnv1a(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (char c : s) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 16777619u;
  }
  return h;
}
}  // namespace

std::span<const Rgba> categorical_palette() { return kOkabeIto; }

CategoryColours::CategoryColours(const std::vector<std::string>& keys) {
  // Slots in order of first appearance; a set keeps this linear for tens of thousands of companies.
  std::unordered_set<std::string_view> seen;
  seen.reserve(keys.size());
  for (const std::string& key : keys)
    if (seen.insert(key).second) slots_.emplace_back(key, slots_.size() % std::size(kOkabeIto));
  std::sort(slots_.begin(), slots_.end());
}

std::size_t CategoryColours::slot(std::string_view key) const {
  auto it = std::lower_bound(slots_.begin(), slots_.end(), key,
                             [](const auto& s, std::string_view k) { return s.first < k; });
  if (it != slots_.end() && it->first == key) return it->second;
  return fnv1a(key) % std::size(kOkabeIto);
}

Rgba CategoryColours::colour(std::string_view key) const { return kOkabeIto[slot(key)]; }

Rgba status_colour(Status status) {
  switch (status) {
    case Status::Unknown:
      return Rgba::hex(0xDDDDDD);
    case Status::Announced:
      return Rgba::hex(0xBBBBBB);
    case Status::Signed:
      return Rgba::hex(0x0072B2);
    case Status::Construction:
      return Rgba::hex(0xE69F00);
    case Status::Trial:
      return Rgba::hex(0x56B4E9);
    case Status::Operating:
      return Rgba::hex(0x009E73);
    case Status::Shelved:
      return Rgba::hex(0xCC79A7);
    case Status::Cancelled:
      return Rgba::hex(0xD55E00);
  }
  return Rgba::hex(0xDDDDDD);
}

Theme light_theme() {
  Theme t;
  t.dark = false;
  t.background = Rgba::hex(0xFFFFFF);
  t.plot_background = Rgba::hex(0xFFFFFF);
  t.grid = Rgba::hex(0xE6E6E6);
  t.grid_major = Rgba::hex(0xC4C4C4);
  t.axis = Rgba::hex(0x595959);
  t.text = Rgba::hex(0x1A1A1A);
  t.text_muted = Rgba::hex(0x5C5C5C);
  t.as_of_line = Rgba::hex(0x1A1A1A);
  t.today_line = Rgba::hex(0x8C8C8C);
  t.reference = Rgba::hex(0x1A1A1A);
  t.group_band = Rgba::hex(0xF0F0F0);
  t.fold = Rgba::hex(0x9E9E9E);
  t.hidden = Rgba::hex(0xBDBDBD);
  return t;
}

Theme dark_theme() {
  Theme t;
  t.dark = true;
  t.background = Rgba::hex(0x1E1F22);
  t.plot_background = Rgba::hex(0x1E1F22);
  t.grid = Rgba::hex(0x34363A);
  t.grid_major = Rgba::hex(0x50535A);
  t.axis = Rgba::hex(0x9DA1A8);
  t.text = Rgba::hex(0xE8E8E8);
  t.text_muted = Rgba::hex(0xA9ABAF);
  t.as_of_line = Rgba::hex(0xE8E8E8);
  t.today_line = Rgba::hex(0x8C8C8C);
  t.reference = Rgba::hex(0xF2F2F2);
  t.group_band = Rgba::hex(0x2A2C30);
  t.fold = Rgba::hex(0x7A7D83);
  t.hidden = Rgba::hex(0x5F6268);
  return t;
}

Rgba mix(Rgba a, Rgba b, float t) {
  auto lerp = [t](std::uint8_t x, std::uint8_t y) {
    return static_cast<std::uint8_t>(static_cast<float>(x) + (static_cast<float>(y) - x) * t + 0.5f);
  };
  return {lerp(a.r, b.r), lerp(a.g, b.g), lerp(a.b, b.b), lerp(a.a, b.a)};
}

Rgba expected_fill(Rgba colour, const Theme& theme) { return mix(colour, theme.background, 0.6f); }

}  // namespace indtrack::chart
