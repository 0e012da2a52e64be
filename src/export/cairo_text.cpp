// Fonts and shaped text for the Cairo painter (cairo_text.h).
#include "export/cairo_text.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_set>

#include "core/text.h"

namespace indtrack {

struct CairoText::Fc {
  FcConfig* config = nullptr;
  FcPattern* primary = nullptr;  // the primary face as fontconfig read it (its character set)
  std::unordered_set<char32_t> covered;
  ~Fc() {
    if (primary) FcPatternDestroy(primary);
    if (config) FcConfigDestroy(config);
  }
};

namespace {

// fontconfig's own configuration would embolden a regular face asked for in bold (its
// 90-synthetic.conf); the small configuration has no rules, so the substitute does it.
void embolden_bold(FcPattern* pattern, gpointer) {
  int weight = 0;
  if (FcPatternGetInteger(pattern, FC_WEIGHT, 0, &weight) == FcResultMatch && weight >= FC_WEIGHT_BOLD) {
    FcPatternDel(pattern, FC_EMBOLDEN);
    FcPatternAddBool(pattern, FC_EMBOLDEN, FcTrue);
  }
}

bool charset_has(const FcPattern* pattern, char32_t cp) {
  FcCharSet* set = nullptr;
  return pattern &&
         FcPatternGetCharSet(const_cast<FcPattern*>(pattern), FC_CHARSET, 0, &set) == FcResultMatch &&
         FcCharSetHasChar(set, cp);
}

bool set_has(FcFontSet* fonts, char32_t cp) {
  if (!fonts) return false;
  for (int i = 0; i < fonts->nfont; ++i)
    if (charset_has(fonts->fonts[i], cp)) return true;
  return false;
}

bool set_has_file(FcFontSet* fonts, const std::string& file) {
  if (!fonts) return false;
  for (int i = 0; i < fonts->nfont; ++i) {
    FcChar8* path = nullptr;
    if (FcPatternGetString(fonts->fonts[i], FC_FILE, 0, &path) == FcResultMatch &&
        file == reinterpret_cast<const char*>(path))
      return true;
  }
  return false;
}

std::string utf8_of(char32_t cp) {
  std::string s;
  append_utf8(s, cp);
  return s;
}

}  // namespace

// --- TextPlacement ---

float TextPlacement::drawn_em(float size_px) const {
  if (line_height_em <= 0 || raster_scale <= 0) return size_px;
  return static_cast<float>(chart::raster_pixel_height(size_px, line_height_em, raster_scale)) /
         (line_height_em * raster_scale);
}

chart::Vec2 TextPlacement::origin(const chart::TextPrim& text) const {
  const float r = raster_scale > 0 ? raster_scale : 1;
  return {std::round(text.box.x0 * r) / r, std::round(text.baseline_y * r) / r};
}

float TextPlacement::advance(char32_t cp, float size_px, chart::FontWeight weight) const {
  if (!measure) return -1;
  const float w = measure->width(utf8_of(cp), size_px);
  return weight == chart::FontWeight::Bold ? w * chart::kBoldWidthFactor : w;
}

// --- GlyphRun ---

GlyphRun::GlyphRun(GlyphRun&& o) noexcept
    : font(std::exchange(o.font, nullptr)),
      glyphs(std::move(o.glyphs)),
      utf8(std::move(o.utf8)),
      clusters(std::move(o.clusters)),
      cluster_flags(o.cluster_flags) {}

GlyphRun& GlyphRun::operator=(GlyphRun&& o) noexcept {
  if (this != &o) {
    if (font) cairo_scaled_font_destroy(font);
    font = std::exchange(o.font, nullptr);
    glyphs = std::move(o.glyphs);
    utf8 = std::move(o.utf8);
    clusters = std::move(o.clusters);
    cluster_flags = o.cluster_flags;
  }
  return *this;
}

GlyphRun::~GlyphRun() {
  if (font) cairo_scaled_font_destroy(font);
}

// --- CairoText ---

std::unique_ptr<CairoText> CairoText::open(const std::vector<chart::FontFace>& faces, std::string& error) {
  std::unique_ptr<CairoText> out(new CairoText());
  out->fc_ = std::make_unique<Fc>();
  out->features_ = pango_attr_list_new();
  pango_attr_list_insert(out->features_, pango_attr_font_features_new("liga=0, clig=0"));
  if (faces.empty()) {
    out->family_ = "sans-serif";
    if (!out->load_system_config()) {
      error = "fontconfig cannot read the system's font configuration";
      return nullptr;
    }
    return out;
  }
  const chart::FontFace& primary = faces.front();
  out->primary_file_ = primary.path;
  out->primary_index_ = primary.face_index;
  int count = 0;
  FcPattern* pattern = FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(primary.path.c_str()),
                                       primary.face_index, nullptr, &count);
  if (!pattern) {
    error = "cannot read the font " + primary.path + " (face " + std::to_string(primary.face_index) + ")";
    return nullptr;
  }
  out->fc_->primary = pattern;
  FcChar8* family = nullptr;
  if (FcPatternGetString(pattern, FC_FAMILY, 0, &family) == FcResultMatch)
    out->family_ = reinterpret_cast<const char*>(family);
  if (count > 1) {
    // A collection (a system .ttc): adding it to a configuration of our own would scan every
    // face in it (~50 ms); the system's configuration already knows it.
    if (!out->load_system_config()) {
      error = "fontconfig cannot read the system's font configuration";
      return nullptr;
    }
    return out;
  }
  out->fc_->config = FcConfigCreate();
  if (!out->fc_->config ||
      !FcConfigAppFontAddFile(out->fc_->config, reinterpret_cast<const FcChar8*>(primary.path.c_str()))) {
    error = "fontconfig cannot use the font " + primary.path;
    return nullptr;
  }
  // Pango would otherwise read the system's configuration for its defaults (~10 ms).
  FcConfigSetCurrent(out->fc_->config);
  out->make_font_map();
  return out;
}

CairoText::~CairoText() {
  cache_.clear();  // glyph runs release their fonts before the font map goes
  if (features_) pango_attr_list_unref(features_);
  if (context_) g_object_unref(context_);
  if (font_map_) g_object_unref(font_map_);
}

bool CairoText::load_system_config() {
  FcConfig* config = FcInitLoadConfigAndFonts();
  if (!config) return false;
  if (!primary_file_.empty() && !set_has_file(FcConfigGetFonts(config, FcSetSystem), primary_file_))
    FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(primary_file_.c_str()));
  FcConfigSetCurrent(config);
  if (fc_->config) FcConfigDestroy(fc_->config);
  fc_->config = config;
  system_ = true;
  make_font_map();
  return true;
}

void CairoText::make_font_map() {
  if (context_) g_object_unref(context_);
  if (font_map_) g_object_unref(font_map_);
  font_map_ = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map_), fc_->config);
  if (!system_)
    pango_fc_font_map_set_default_substitute(PANGO_FC_FONT_MAP(font_map_), embolden_bold, nullptr, nullptr);
  context_ = pango_font_map_create_context(font_map_);
  // Han characters take their Simplified Chinese forms from whichever font supplies them.
  pango_context_set_language(context_, pango_language_from_string("zh-cn"));
  pango_context_set_round_glyph_positions(context_, FALSE);
  // Outlines as designed (no hinting) and advances unhinted: positions are ours (see the header).
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
}

bool CairoText::has_font_for(char32_t cp) const {
  if (charset_has(fc_->primary, cp)) return true;
  if (!system_) return false;
  return set_has(FcConfigGetFonts(fc_->config, FcSetSystem), cp) ||
         set_has(FcConfigGetFonts(fc_->config, FcSetApplication), cp);
}

void CairoText::cover(std::string_view utf8) { sanitized(utf8); }

std::string CairoText::sanitized(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    char32_t cp = next_code_point(utf8, pos);
    if (cp < 0x20) cp = U' ';  // a text primitive is one line
    if (cp >= 0x7F && cp < 0xA0) cp = U'\uFFFD';
    if (cp != U' ' && !fc_->covered.count(cp)) {
      bool found = has_font_for(cp);
      if (!found && !system_ && load_system_config()) found = has_font_for(cp);
      if (found) {
        fc_->covered.insert(cp);
      } else {
        const auto at = std::lower_bound(missing_.begin(), missing_.end(), cp);
        if (at == missing_.end() || *at != cp) missing_.insert(at, cp);
        cp = has_font_for(U'\uFFFD') ? U'\uFFFD' : U'?';
      }
    }
    append_utf8(out, cp);
  }
  return out;
}

PangoLayout* CairoText::layout(std::string_view utf8, float size_px, bool bold) {
  // Free text keeps its line breaks; other characters are made drawable as in shape().
  std::string text;
  std::size_t start = 0;
  while (start <= utf8.size()) {
    const std::size_t end = std::min(utf8.find('\n', start), utf8.size());
    if (start > 0) text += '\n';
    text += sanitized(utf8.substr(start, end - start));
    start = end + 1;
  }
  PangoLayout* layout = pango_layout_new(context_);
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, family_.c_str());
  pango_font_description_set_absolute_size(font, size_px * PANGO_SCALE);
  pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
  return layout;
}

std::shared_ptr<const ShapedText> CairoText::shape(const chart::TextPrim& t, const TextPlacement& placement) {
  if (placement.measure != cached_placement_.measure ||
      placement.raster_scale != cached_placement_.raster_scale ||
      placement.line_height_em != cached_placement_.line_height_em) {
    cache_.clear();
    cached_placement_ = placement;
  }
  std::string key = t.text;
  key += '\0';
  key.append(reinterpret_cast<const char*>(&t.size_px), sizeof t.size_px);
  key += static_cast<char>(t.weight);
  if (const auto it = cache_.find(key); it != cache_.end()) return it->second;

  // The drawable text, and for each of its code points the pen's advance for the character the
  // layout measured (the same count: sanitizing replaces code points one for one).
  const std::string text = sanitized(t.text);
  std::vector<float> advances;                  // per code point of `text`
  std::vector<int> cp_at(text.size() + 1, -1);  // byte offset -> code point index
  {
    std::size_t pos = 0, original = 0;
    while (pos < text.size()) {
      cp_at[pos] = static_cast<int>(advances.size());
      next_code_point(text, pos);
      const char32_t cp = original < t.text.size() ? next_code_point(t.text, original) : U' ';
      advances.push_back(placement.advance(cp, t.size_px, t.weight));
    }
    cp_at[text.size()] = static_cast<int>(advances.size());
  }

  PangoLayout* layout = pango_layout_new(context_);
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, family_.c_str());
  pango_font_description_set_absolute_size(font, placement.drawn_em(t.size_px) * PANGO_SCALE);
  pango_font_description_set_weight(
      font, t.weight == chart::FontWeight::Bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  pango_layout_set_attributes(layout, features_);
  pango_layout_set_single_paragraph_mode(layout, TRUE);
  pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));

  auto made = std::make_shared<ShapedText>();
  ShapedText& shaped = *made;
  float pen = 0;
  PangoLayoutLine* line = pango_layout_get_line_readonly(layout, 0);
  for (GSList* l = line ? line->runs : nullptr; l; l = l->next) {
    const auto* run = static_cast<PangoGlyphItem*>(l->data);
    const PangoItem* item = run->item;
    const PangoGlyphString* glyphs = run->glyphs;
    GlyphRun out;
    out.font =
        cairo_scaled_font_reference(pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(item->analysis.font)));
    out.utf8 = text.substr(static_cast<std::size_t>(item->offset), static_cast<std::size_t>(item->length));
    const bool rtl = item->analysis.level % 2 == 1;
    out.cluster_flags = rtl ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t{};
    // Where each cluster ends: at the next cluster's start in the text.
    std::vector<int> starts(glyphs->log_clusters, glyphs->log_clusters + glyphs->num_glyphs);
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    for (int i = 0; i < glyphs->num_glyphs;) {
      const int cluster = glyphs->log_clusters[i];
      int j = i;
      while (j < glyphs->num_glyphs && glyphs->log_clusters[j] == cluster) ++j;
      const auto next = std::upper_bound(starts.begin(), starts.end(), cluster);
      const int end = next == starts.end() ? item->length : *next;
      // The cluster's advance: the measure's for its characters, else the fonts' own.
      float natural = 0, forced = 0;
      bool measured = true;
      for (int k = cp_at[static_cast<std::size_t>(item->offset + cluster)];
           k >= 0 && k < cp_at[static_cast<std::size_t>(item->offset + end)]; ++k) {
        measured = measured && advances[static_cast<std::size_t>(k)] >= 0;
        forced += advances[static_cast<std::size_t>(k)];
      }
      float x = pen;
      int shown = 0;
      for (int k = i; k < j; ++k) {
        const PangoGlyphInfo& g = glyphs->glyphs[k];
        const float width = static_cast<float>(g.geometry.width) / PANGO_SCALE;
        natural += width;
        if (g.glyph != PANGO_GLYPH_EMPTY && (g.glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0) {
          out.glyphs.push_back({g.glyph, x + static_cast<double>(g.geometry.x_offset) / PANGO_SCALE,
                                static_cast<double>(g.geometry.y_offset) / PANGO_SCALE});
          ++shown;
        }
        x += width;
      }
      if (shown > 0 || end > cluster) out.clusters.push_back({end - cluster, shown});
      pen += measured ? forced : natural;
      i = j;
    }
    shaped.runs.push_back(std::move(out));
  }
  g_object_unref(layout);
  shaped.advance = pen;
  cache_.emplace(std::move(key), made);
  return made;
}

}  // namespace indtrack
