// The glyph atlas and font notices (fonts.h).
#include "ui/host/fonts.h"

#include <stb_truetype.h>  // libstb exports the implementation; used only to read cmaps

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/text.h"

namespace indtrack::ui {

namespace {

constexpr const char* kLargeFontText = "0123456789.,-+%/ 万吨年亿元千瓦个项家";  // KPI figures

unsigned char* font_data(const MappedFile& bytes) {
  // ImGui and stb_truetype take non-const pointers but only read the font (the map is read-only).
  return const_cast<unsigned char*>(bytes.data());
}

// The face's font info, or nullopt when the bytes are not a usable font with that face.
std::optional<stbtt_fontinfo> open_face(const MappedFile& bytes, int face_index) {
  if (bytes.size() < 12) return std::nullopt;
  const int faces = stbtt_GetNumberOfFonts(font_data(bytes));
  if (faces <= 0 || face_index >= faces) return std::nullopt;
  const int offset = stbtt_GetFontOffsetForIndex(font_data(bytes), face_index);
  stbtt_fontinfo info;
  if (offset < 0 || !stbtt_InitFont(&info, font_data(bytes), offset)) return std::nullopt;
  return info;
}

// [first, last] pairs, zero-terminated, for a sorted list of code points.
std::vector<ImWchar> ranges_of(const std::vector<char32_t>& sorted) {
  std::vector<ImWchar> out;
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i;
    while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1) ++j;
    out.push_back(static_cast<ImWchar>(sorted[i]));
    out.push_back(static_cast<ImWchar>(sorted[j]));
    i = j + 1;
  }
  out.push_back(0);
  return out;
}

ImFontConfig base_config(int face_index) {
  ImFontConfig cfg;
  // ImGui copies the whole font file for every font added with FontDataOwnedByAtlas = false
  // (3 MB per font here, 20 MB for a system collection: most of the build time went into
  // those copies and their page faults). We lend it our cached bytes marked as owned, so it
  // does not copy, and take ownership back right after the build (release_font_data()).
  cfg.FontDataOwnedByAtlas = true;
  cfg.FontNo = face_index;
  cfg.OversampleH = 1;  // CJK gains nothing from oversampling; it only grows the atlas
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  return cfg;
}

}  // namespace

std::optional<Notice> font_notice(const FontSources& sources) {
  if (sources.bundled) return std::nullopt;
  if (sources.primary)
    return Notice{
        Notice::Level::Warning, Str::NoticeFontFallbackFmt, {sources.bundled_path, sources.primary->label}};
  return Notice{Notice::Level::Error, Str::NoticeFontMissingFmt, {sources.bundled_path}};
}

ImFont* UiFonts::chart_font(int raster_px) const {
  for (const auto& [px, font] : chart)
    if (px == raster_px) return font;
  return nullptr;
}

FontManager::FontManager(FontSources sources) : sources_(std::move(sources)) {
  large_glyphs_.add_text(kLargeFontText);
  if (sources_.primary) {
    if (const auto* bytes = file_bytes(*sources_.primary)) {
      if (const auto face = open_face(*bytes, sources_.primary->face_index)) {
        int ascent = 0, descent = 0, gap = 0;
        stbtt_GetFontVMetrics(&*face, &ascent, &descent, &gap);
        line_height_em_ =
            static_cast<float>(ascent - descent) * stbtt_ScaleForMappingEmToPixels(&*face, 1.0f);
      }
    }
  }
}

bool FontManager::request_chart_text(std::string_view utf8, int raster_px) {
  const auto [set, inserted] = chart_glyphs_.try_emplace(raster_px);
  return set->second.add_text(utf8) || inserted;
}

std::vector<chart::FontFace> FontManager::measure_faces() const { return chart::measure_faces(sources_); }

bool FontManager::needs_rebuild(float raster_scale) const {
  return glyphs_.dirty() || large_glyphs_.dirty() || heading_glyphs_.dirty() ||
         std::any_of(chart_glyphs_.begin(), chart_glyphs_.end(),
                     [](const auto& size) { return size.second.dirty(); }) ||
         raster_scale != built_scale_;
}

const MappedFile* FontManager::file_bytes(const FontFile& file) {
  auto it = file_cache_.find(file.path);
  if (it == file_cache_.end())
    it = file_cache_.emplace(file.path, std::make_unique<MappedFile>(file.path)).first;
  return it->second->empty() ? nullptr : it->second.get();
}

void FontManager::add_fonts(ImFontAtlas& atlas, float raster_scale, FontBuildReport& report) {
  const MappedFile* primary = sources_.primary ? file_bytes(*sources_.primary) : nullptr;
  if (primary && !open_face(*primary, sources_.primary->face_index)) primary = nullptr;  // corrupt
  if (!primary) {
    // ImGui's built-in 13 px bitmap font, scaled: ASCII only (the notice says why).
    ImFontConfig cfg;
    cfg.SizePixels = std::round(13 * raster_scale);
    report.fonts.body = atlas.AddFontDefault(&cfg);
    cfg.SizePixels = std::round(20 * raster_scale);
    report.fonts.large = atlas.AddFontDefault(&cfg);
    cfg.SizePixels = std::round(16 * raster_scale);
    report.fonts.heading = atlas.AddFontDefault(&cfg);
    return;
  }
  unsigned char* data = font_data(*primary);
  const int size = static_cast<int>(primary->size());
  if (!primary_lacks_.empty()) fallback_ranges_ = ranges_of(primary_lacks_);

  // One font from the primary file, plus the fallback fonts merged in for what the primary lacks.
  auto add = [&](float px, const std::vector<ImWchar>& ranges, bool with_fallbacks) {
    ImFontConfig cfg = base_config(sources_.primary->face_index);
    ImFont* font = atlas.AddFontFromMemoryTTF(data, size, px, &cfg, ranges.data());
    if (!with_fallbacks || primary_lacks_.empty()) return font;
    for (const FontFile& f : sources_.fallbacks) {
      const MappedFile* bytes = file_bytes(f);
      if (!bytes) continue;
      ImFontConfig merge = base_config(f.face_index);
      merge.MergeMode = true;  // earlier fonts win: only glyphs still missing are taken from here
      atlas.AddFontFromMemoryTTF(font_data(*bytes), static_cast<int>(bytes->size()), px, &merge,
                                 fallback_ranges_.data());
      report.used_fallback = true;
    }
    return font;
  };
  report.fonts.body = add(std::round(kBodyPixels * raster_scale), body_ranges_, true);
  report.fonts.large = add(std::round(kLargePixels * raster_scale), large_ranges_, false);
  report.fonts.heading = add(std::round(kHeadingPixels * raster_scale), heading_ranges_, true);
  // Chart fonts are asked for in raster pixels already (chart::raster_pixel_height).
  for (const auto& [px, ranges] : chart_ranges_)
    report.fonts.chart.emplace_back(px, add(static_cast<float>(px), ranges, true));
}

FontBuildReport FontManager::build(ImFontAtlas& atlas, float raster_scale) {
  const auto start = std::chrono::steady_clock::now();
  FontBuildReport report;
  body_ranges_ = glyphs_.ranges();
  large_ranges_ = large_glyphs_.ranges();
  heading_ranges_ = heading_glyphs_.ranges();
  chart_ranges_.clear();
  for (const auto& [px, set] : chart_glyphs_) chart_ranges_[px] = set.ranges();

  // Which wanted characters the primary font lacks: read from its cmap, no rasterising.
  primary_lacks_.clear();
  if (sources_.primary) {
    if (const auto* bytes = file_bytes(*sources_.primary)) {
      if (const auto face = open_face(*bytes, sources_.primary->face_index)) {
        std::vector<const GlyphSet*> sets = {&glyphs_};
        for (const auto& [px, set] : chart_glyphs_) sets.push_back(&set);
        for (const GlyphSet* set : sets)
          for (char32_t c : set->code_points())
            if (c > 0x7E && stbtt_FindGlyphIndex(&*face, static_cast<int>(c)) == 0)
              primary_lacks_.push_back(c);
        std::sort(primary_lacks_.begin(), primary_lacks_.end());
        primary_lacks_.erase(std::unique(primary_lacks_.begin(), primary_lacks_.end()), primary_lacks_.end());
      }
    }
  }

  atlas.Clear();
  atlas.TexGlyphPadding = 1;
  add_fonts(atlas, raster_scale, report);
  atlas.Build();
  // The bytes lent by base_config() belong to the cache: the atlas must never free them (its
  // Clear() and destructor free data marked as owned). ImGui's own default font stays its own.
  for (ImFontConfig& cfg : atlas.ConfigData)
    for (const auto& [path, bytes] : file_cache_)
      if (cfg.FontData == static_cast<const void*>(bytes->data())) cfg.FontDataOwnedByAtlas = false;

  report.texture_width = atlas.TexWidth;
  report.texture_height = atlas.TexHeight;
  for (const ImFont* font : atlas.Fonts) report.glyphs += font->Glyphs.Size;
  for (char32_t c : glyphs_.code_points())
    if (c != U'\uFFFD' && !report.fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(c)))
      report.missing.push_back(c);
  report.milliseconds =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

  glyphs_.mark_built();
  large_glyphs_.mark_built();
  heading_glyphs_.mark_built();
  for (auto& [px, set] : chart_glyphs_) set.mark_built();
  built_scale_ = raster_scale;
  last_build_ = report;
  return report;
}

}  // namespace indtrack::ui
