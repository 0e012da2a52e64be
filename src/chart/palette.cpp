#include "chart/palette.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_set>

namespace indtrack::chart {

namespace {
// Okabe–Ito hues; 6–11 are the shades. Contrast on white ≥ 3.06 (reddish purple).
constexpr Rgba kLightCategorical[] = {
    Rgba::hex(0x0072B2),  // blue
    Rgba::hex(0xBC7800),  // orange, darkened (E69F00 is 2.2:1 on white)
    Rgba::hex(0x009E73),  // bluish green
    Rgba::hex(0xD55E00),  // vermillion
    Rgba::hex(0x399ACD),  // sky blue, darkened
    Rgba::hex(0xCC79A7),  // reddish purple
    Rgba::hex(0x004884),  // navy
    Rgba::hex(0x8F4E00),  // brown
    Rgba::hex(0x00623B),  // dark green
    Rgba::hex(0x8B3F6B),  // plum
    Rgba::hex(0x867800),  // olive (the yellow's hue at 4.5:1)
    Rgba::hex(0x962100),  // rust
};
// The same hues on #1E1F22; contrast ≥ 3.18 (blue, lightened to 4.9).
constexpr Rgba kDarkCategorical[] = {
    Rgba::hex(0x3592D4),  // blue, lightened
    Rgba::hex(0xE69F00),  // orange
    Rgba::hex(0x009E73),  // bluish green
    Rgba::hex(0xD55E00),  // vermillion
    Rgba::hex(0x56B4E9),  // sky blue
    Rgba::hex(0xCC79A7),  // reddish purple
    Rgba::hex(0x77D1FF),  // pale blue
    Rgba::hex(0xFFCB4F),  // amber
    Rgba::hex(0x68E2B3),  // mint
    Rgba::hex(0xFFAEDD),  // pink
    Rgba::hex(0xF0E442),  // yellow
    Rgba::hex(0xFF9651),  // apricot
};
static_assert(std::size(kLightCategorical) == std::size(kDarkCategorical));
constexpr std::size_t kSlots = std::size(kLightCategorical);

std::uint32_t fnv1a(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (char c : s) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 16777619u;
  }
  return h;
}

double linear(std::uint8_t channel) {  // sRGB decoding
  const double c = channel / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
}  // namespace

std::span<const Rgba> categorical_palette(const Theme& theme) {
  if (theme.dark) return kDarkCategorical;
  return kLightCategorical;
}

Rgba other_colour(const Theme& theme) { return theme.dark ? Rgba::hex(0x8C8C8C) : Rgba::hex(0x7A7A7A); }

CategoryColours::CategoryColours(const std::vector<std::string>& keys) {
  // Slots in order of first appearance; a set keeps this linear for tens of thousands of companies.
  std::unordered_set<std::string_view> seen;
  seen.reserve(keys.size());
  for (const std::string& key : keys)
    if (seen.insert(key).second) slots_.emplace_back(key, slots_.size() % kSlots);
  std::sort(slots_.begin(), slots_.end());
}

std::size_t CategoryColours::slot(std::string_view key) const {
  auto it = std::lower_bound(slots_.begin(), slots_.end(), key,
                             [](const auto& s, std::string_view k) { return s.first < k; });
  if (it != slots_.end() && it->first == key) return it->second;
  return fnv1a(key) % kSlots;
}

Rgba CategoryColours::colour(std::string_view key, const Theme& theme) const {
  if (key == kOtherColourKey) return other_colour(theme);
  return categorical_palette(theme)[slot(key)];
}

std::vector<bool> CategoryColours::distinct_in_view(const std::vector<std::string>& keys) const {
  std::vector<bool> kept(keys.size(), true);
  std::vector<std::string_view> holder(kSlots);  // the key holding each slot in this view
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == kOtherColourKey) continue;
    std::string_view& h = holder[slot(keys[i])];
    if (h.empty() || h == keys[i])
      h = keys[i];
    else
      kept[i] = false;
  }
  return kept;
}

Rgba status_colour(Status status, const Theme& theme) {
  // L* light / dark: 规划 61/45, 签约 52/56, 在建 43/68, 试生产 34/77, 投产 24/87 (docs/charts.md).
  const bool d = theme.dark;
  switch (status) {
    case Status::Unknown:
      return theme.fold;
    case Status::Announced:
      return Rgba::hex(d ? 0x6B6B6B : 0x949494);  // grey
    case Status::Signed:
      return Rgba::hex(d ? 0xBE6C9A : 0xB2628F);  // reddish purple
    case Status::Construction:
      return Rgba::hex(d ? 0xDE9800 : 0x985500);  // orange
    case Status::Trial:
      return Rgba::hex(d ? 0x6BC8FE : 0x00528F);  // blue
    case Status::Operating:
      return Rgba::hex(d ? 0x77F0C0 : 0x00431F);  // bluish green
    case Status::Shelved:
      return Rgba::hex(d ? 0xB4B4B4 : 0x585858);  // grey, L* 73/37, hatched in stacks
    case Status::Cancelled:
      return Rgba::hex(d ? 0xE76E22 : 0xC04A00);  // vermillion, L* 60/47, hatched in stacks
  }
  return theme.fold;
}

bool status_hatched(Status status) { return status == Status::Shelved || status == Status::Cancelled; }

double relative_luminance(Rgba c) {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double lightness(Rgba c) {
  const double y = relative_luminance(c);
  return y > 216.0 / 24389 ? 116 * std::cbrt(y) - 16 : y * 24389.0 / 27;
}

double contrast_ratio(Rgba a, Rgba b) {
  const double ya = relative_luminance(a), yb = relative_luminance(b);
  return (std::max(ya, yb) + 0.05) / (std::min(ya, yb) + 0.05);
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
