// Text measuring and fitting for chart layouts. Layouts never need a live ImGui context: they
// take a TextMeasure (the UI passes one backed by its font, tests pass ApproxTextMeasure), and
// every text primitive records the box it was given, so "nothing is clipped" can be checked.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "chart/scene.h"

namespace indtrack::chart {

// Measures the advance width of one line of UTF-8 text at an em size of `size_px`.
struct TextMeasure {
  virtual ~TextMeasure() = default;
  virtual float width(std::string_view utf8, float size_px) const = 0;
};

// Deterministic approximation for tests, benchmarks and headless layout: East Asian wide
// characters (CJK ideographs, kana, hangul, full-width forms, CJK punctuation) and symbols such as
// ◆ ≥ → are 1 em; ASCII is 0.55 em; anything else (Greek γ, Latin-1) 0.6 em.
class ApproxTextMeasure final : public TextMeasure {
 public:
  float width(std::string_view utf8, float size_px) const override;
};

// From the top of the em box to the baseline, in em (Noto Sans CJK's typographic ascender).
inline constexpr float kAscentEm = 0.88f;
// Bold text is measured with the regular measure and widened by this factor (one font is loaded).
inline constexpr float kBoldWidthFactor = 1.06f;

float text_width(const TextMeasure& measure, std::string_view text, float size_px, FontWeight weight);

struct TextStyle {
  float size_px = 12;
  FontWeight weight = FontWeight::Regular;
  Rgba colour;
};

// A text primitive whose em box is placed at (x, y) by the alignment: HAlign picks the box's
// left/centre/right, VAlign its top/middle/baseline/bottom.
TextPrim make_text(const TextMeasure& measure, std::string text, float x, float y, HAlign h, VAlign v,
                   const TextStyle& style);

// `text` if it fits in `max_width_px`, else its longest prefix that fits followed by "…".
// Never splits a code point. Returns "" when not even "…" fits.
std::string fit_text(const TextMeasure& measure, std::string_view text, float size_px, float max_width_px,
                     FontWeight weight = FontWeight::Regular);

// Greedy line breaking: at spaces, between CJK characters, never before closing punctuation
// (，。、）etc.). At most `max_lines` lines; the last is shortened with "…" when text remains.
std::vector<std::string> wrap_text(const TextMeasure& measure, std::string_view text, float size_px,
                                   float max_width_px, std::size_t max_lines,
                                   FontWeight weight = FontWeight::Regular);

}  // namespace indtrack::chart
