// The glyph set and the font atlas (CPU only: ImFontAtlas builds without a GPU): every requested
// character gets a glyph, new text triggers a rebuild that adds it, a missing font asset falls
// back to a system font with a notice.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <filesystem>

#include "core/text.h"
#include "io/data_paths.h"
#include "ui/host/fonts.h"
#include "ui/session.h"

using namespace indtrack;
using namespace indtrack::ui;

namespace {

std::vector<char32_t> code_points(std::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t pos = 0; pos < text.size();) out.push_back(next_code_point(text, pos));
  return out;
}

// Code points of `text` the font lacks (ASCII included).
std::string missing_in(const ImFont* font, std::string_view text) {
  std::string out;
  for (char32_t c : code_points(text))
    if (!font->FindGlyphNoFallback(static_cast<ImWchar>(c))) append_utf8(out, c);
  return out;
}

const std::string kBundled = find_bundled_file(kBundledFont);

}  // namespace

TEST_CASE("the glyph set holds the code points of the text it was given", "[fonts]") {
  GlyphSet set;
  const std::size_t base = set.size();  // printable ASCII, ellipsis, replacement character
  CHECK(base == 95 + 2);
  CHECK(set.add_text("海勃湾区"));
  CHECK(set.size() == base + 4);
  CHECK_FALSE(set.add_text("海勃湾"));  // nothing new
  CHECK(set.add_text("乌达区 γ-丁内酯 ≥"));
  for (char32_t c : code_points("海勃湾区乌达区γ-丁内酯≥")) CHECK(set.contains(c));
  CHECK_FALSE(set.contains(U'龘'));
  CHECK(set.add_text("\xF0\x9F\x98\x80") == false);  // outside the BMP: cannot be drawn by this ImGui
  CHECK(set.unsupported() == 1);
  const std::vector<ImWchar> ranges = set.ranges();
  REQUIRE(ranges.size() % 2 == 1);
  CHECK(ranges.back() == 0);
}

TEST_CASE("the atlas has a glyph for every requested character, and a rebuild adds new ones", "[fonts]") {
  REQUIRE_FALSE(kBundled.empty());
  FontManager fonts(resolve_fonts(kBundled));
  REQUIRE(fonts.sources().bundled);
  CHECK_FALSE(font_notice(fonts.sources()));
  const std::string text = "海勃湾区 乌达区 γ-丁内酯 ≥ 年产10万吨 «其中»";
  fonts.request_text(text);
  ImFontAtlas atlas;
  CHECK(fonts.needs_rebuild(1.0f));
  FontBuildReport built = fonts.build(atlas, 1.0f);
  CHECK(missing_in(built.fonts.body, text).empty());
  CHECK(built.missing.empty());
  CHECK_FALSE(fonts.needs_rebuild(1.0f));
  CHECK(built.fonts.body->FontSize == FontManager::kBodyPixels);
  CHECK(built.fonts.large->FontSize == FontManager::kLargePixels);
  // Only what was asked for: a GB2312 character nobody requested is not rasterised.
  CHECK(built.fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(U'鑫')) == nullptr);
  const int glyphs_before = built.glyphs;

  // Typed search text with new characters: the set changes, the next build has them.
  CHECK(fonts.request_text("鑫源"));
  CHECK(fonts.needs_rebuild(1.0f));
  built = fonts.build(atlas, 1.0f);
  CHECK(missing_in(built.fonts.body, "鑫源海勃湾区").empty());
  CHECK(built.glyphs > glyphs_before);

  // A new scale rebuilds at the new pixel size.
  CHECK(fonts.needs_rebuild(2.0f));
  built = fonts.build(atlas, 2.0f);
  CHECK(built.fonts.body->FontSize == 2 * FontManager::kBodyPixels);
  CHECK(missing_in(built.fonts.body, text).empty());
}

TEST_CASE("a character the bundled subset lacks comes from a system font", "[fonts]") {
  REQUIRE_FALSE(kBundled.empty());
  const std::vector<FontFile> system = system_cjk_fonts();
  REQUIRE_FALSE(system.empty());  // scripts/setup installs fonts-noto-cjk
  FontManager fonts(resolve_fonts(kBundled, system));
  // 龘 is neither in GB2312 nor in the bundled data, so the subset does not have it.
  fonts.request_text("龘海勃湾区");
  ImFontAtlas atlas;
  const FontBuildReport built = fonts.build(atlas, 1.0f);
  CHECK(built.used_fallback);
  CHECK(missing_in(built.fonts.body, "龘海勃湾区").empty());
  CHECK(built.missing.empty());
}

TEST_CASE("without the font asset a system CJK font is used, with a notice", "[fonts]") {
  const std::string absent = "/nonexistent/assets/fonts/NotoSansCJKsc-indtrack.otf";
  const FontSources sources = resolve_fonts(absent, system_cjk_fonts());
  REQUIRE(sources.primary);
  CHECK_FALSE(sources.bundled);
  CHECK(sources.primary->label == "Noto Sans CJK SC");
  CHECK(sources.primary->face_index == 2);
  const std::optional<Notice> notice = font_notice(sources);
  REQUIRE(notice);
  CHECK(notice->format == Str::NoticeFontFallbackFmt);
  CHECK(notice->text(Language::English) ==
        "Bundled font " + absent + " not found; using the system font Noto Sans CJK SC.");

  FontManager fonts(sources);
  fonts.request_text("海勃湾区 乌达区 γ-丁内酯 ≥");
  ImFontAtlas atlas;
  const FontBuildReport built = fonts.build(atlas, 1.0f);
  CHECK(missing_in(built.fonts.body, "海勃湾区乌达区γ-丁内酯≥").empty());

  // The session shows the notice in the notices panel.
  Session session(Settings{}, "", absent);
  REQUIRE_FALSE(session.app.notices.empty());
  CHECK(session.app.notices.front().format == Str::NoticeFontFallbackFmt);
}

TEST_CASE("with no CJK font at all the built-in font is used and the notice says so", "[fonts]") {
  const FontSources sources = resolve_fonts("/nonexistent.otf", {});
  CHECK_FALSE(sources.primary);
  const std::optional<Notice> notice = font_notice(sources);
  REQUIRE(notice);
  CHECK(notice->format == Str::NoticeFontMissingFmt);
  CHECK(notice->level == Notice::Level::Error);
  FontManager fonts(sources);
  fonts.request_text("海勃湾区");
  ImFontAtlas atlas;
  const FontBuildReport built = fonts.build(atlas, 1.0f);
  REQUIRE(built.fonts.body);
  CHECK(missing_in(built.fonts.body, "Wuhai 2023").empty());
  for (char32_t c : code_points("海勃湾区"))  // reported, not hidden
    CHECK(std::find(built.missing.begin(), built.missing.end(), c) != built.missing.end());
}

TEST_CASE("a file that is not a font is not taken for one", "[fonts]") {
  const std::string not_font = std::string(INDTRACK_SOURCE_DIR) + "/assets/fonts/OFL.txt";
  const FontSources sources = resolve_fonts(not_font, system_cjk_fonts());
  CHECK_FALSE(sources.bundled);
  REQUIRE(font_notice(sources));
}
