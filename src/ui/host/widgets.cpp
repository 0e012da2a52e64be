// Drawing helpers (widgets.h).
#include "ui/host/widgets.h"

#include <imgui_internal.h>  // the current window's text wrap position

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <utility>

#include "chart/text_layout.h"
#include "ui/host/fonts.h"
#include "ui/host/theme.h"

namespace indtrack::ui {

namespace {
FontManager* g_glyph_sink = nullptr;
Language g_frame_language = Language::Chinese;  // set per frame from AppState::language()
float g_narrowest_wrap = FLT_MAX;               // text_wrapped()'s narrowest width since the reset
bool g_escape = false;                          // Escape pressed this frame and not yet taken

void request(std::string_view s) {
  if (g_glyph_sink) g_glyph_sink->request_text(s);
}
}  // namespace

void set_glyph_sink(FontManager* fonts) { g_glyph_sink = fonts; }

void set_frame_language(Language language) { g_frame_language = language; }
Language frame_language() { return g_frame_language; }

void text(std::string_view s) {
  request(s);
  ImGui::TextUnformatted(s.data(), s.data() + s.size());
}

void text_colored(const ImVec4& color, std::string_view s) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  text(s);
  ImGui::PopStyleColor();
}

void text_wrapped(std::string_view s) {
  // As ImGui::TextWrapped: a wrap position set around the call (a tooltip's width) wins; only
  // without one does the text wrap at the window's right edge. Forcing the edge inside an
  // auto-sized tooltip wraps at last frame's width, which shrinks Chinese text to one column.
  if (ImGui::GetCurrentWindow()->DC.TextWrapPos >= 0.0f) {
    text(s);
    return;
  }
  g_narrowest_wrap = std::min(g_narrowest_wrap, ImGui::GetContentRegionAvail().x);
  ImGui::PushTextWrapPos(0.0f);
  text(s);
  ImGui::PopTextWrapPos();
}

void reset_narrowest_wrap() { g_narrowest_wrap = FLT_MAX; }
float narrowest_wrap() { return g_narrowest_wrap; }

void text_wrapped_colored(const ImVec4& color, std::string_view s) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  text_wrapped(s);
  ImGui::PopStyleColor();
}

void section_heading(std::string_view title, int count) {
  ImGui::Spacing();
  text_colored(palette().accent, title);
  if (count > 0) {
    ImGui::SameLine();
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%d", count);
    text_colored(palette().text_dim, buffer);
  }
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y - ImGui::GetStyle().ItemSpacing.y * 0.5f),
                                      ImVec2(p.x + width, p.y - ImGui::GetStyle().ItemSpacing.y * 0.5f),
                                      to_u32(palette().panel_border));
  ImGui::Spacing();
}

float badge(std::string_view label, const ImVec4& color) {
  request(label);
  const ImVec2 size = ImGui::CalcTextSize(label.data(), label.data() + label.size());
  const float pad = ImGui::GetStyle().FramePadding.x * 0.6f;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 box(size.x + pad * 2, ImGui::GetTextLineHeight());
  ImVec4 fill = color;
  fill.w = 0.18f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + box.x, p.y + box.y), to_u32(fill), box.y * 0.3f);
  dl->AddText(ImVec2(p.x + pad, p.y), to_u32(color), label.data(), label.data() + label.size());
  ImGui::Dummy(box);
  return box.x;
}

void tooltip(std::string_view s) {
  if (ImGui::IsItemHovered()) tooltip_now(s);
}

void tooltip_now(std::string_view s) {
  if (s.empty()) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
  text(s);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

namespace {

// ImGui's widths in the current font, so chart::fit_text shortens text as it is drawn.
struct CurrentFontMeasure final : chart::TextMeasure {
  float width(std::string_view utf8, float size_px) const override {
    return ImGui::GetFont()->CalcTextSizeA(size_px, FLT_MAX, 0, utf8.data(), utf8.data() + utf8.size()).x;
  }
};

}  // namespace

std::string fit_to_width(const std::string& s, float max_width, bool& cut) {
  std::string shown = chart::fit_text(CurrentFontMeasure{}, s, ImGui::GetFontSize(), max_width);
  cut = shown != s;
  return shown;
}

float splitter(const char* id, ImVec2 min, ImVec2 size, bool vertical) {
  ImGui::SetCursorScreenPos(min);
  ImGui::InvisibleButton(id, ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
  const bool active = ImGui::IsItemActive();
  if (ImGui::IsItemHovered() || active) {
    ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
    ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y),
                                              to_u32(palette().accent_soft));
  }
  if (!active) return 0;
  return vertical ? ImGui::GetIO().MouseDelta.x : ImGui::GetIO().MouseDelta.y;
}

void panel_title(std::string_view title, std::string_view suffix) {
  text_colored(palette().accent, title);
  if (!suffix.empty()) {
    ImGui::SameLine();
    text_colored(palette().text_dim, suffix);
  }
}

bool link_clicked(std::string_view tip) {
  if (!ImGui::IsItemHovered()) return false;
  ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  tooltip_now(tip);
  return ImGui::IsMouseClicked(ImGuiMouseButton_Left);
}

void note_escape(bool pressed) { g_escape = pressed; }

bool take_escape() { return std::exchange(g_escape, false); }

void close_on_escape(bool& open) {
  if (open && g_escape && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) {
    g_escape = false;
    open = false;
  }
}

void draw_laid_line(ImDrawList* dl, ImFont* font, float font_size, const TextLayout& layout,
                    const LaidLine& line, ImVec2 at, std::string_view text, ImU32 colour) {
  for (std::size_t a = line.first; a < line.end;) {
    std::size_t b = a + 1;
    while (b < line.end && layout.glyphs[b].byte == layout.glyphs[b - 1].byte + layout.glyphs[b - 1].size)
      ++b;
    const std::size_t begin = layout.glyphs[a].byte;
    const std::size_t end = layout.glyphs[b - 1].byte + layout.glyphs[b - 1].size;
    dl->AddText(font, font_size, ImVec2(at.x + layout.glyphs[a].x, at.y), colour, text.data() + begin,
                text.data() + end);
    a = b;
  }
}

}  // namespace indtrack::ui
