// Small drawing helpers shared by the panels: coloured and wrapped text that is never treated as
// a printf format (dataset text may contain '%'), section headings, badges and tooltips.
#pragma once

#include <string_view>

#include <imgui.h>

#include "app_model/strings.h"
#include "app_model/wrapped_text.h"

namespace indtrack::ui {

class FontManager;

// The language the panels draw in this frame. The dashboard sets it at the start of every frame
// from AppState::language() — the one owner of the language; this is the frame's view of it, so
// that the many tr() calls of immediate-mode code need not carry it.
void set_frame_language(Language language);
Language frame_language();
inline const char* tr(Str id) { return text(id, frame_language()); }

// Text drawn through these helpers is also added to this font manager's glyph set, so a string
// with a character nobody requested still gets it in the next atlas (a safety net; dataset text is
// requested when loaded). Set by the session owning the ImGui context; nullptr to stop.
void set_glyph_sink(FontManager* fonts);

void text(std::string_view s);
void text_colored(const ImVec4& color, std::string_view s);
void text_wrapped(std::string_view s);
void text_wrapped_colored(const ImVec4& color, std::string_view s);
// The narrowest width text_wrapped() wrapped at since the reset (FLT_MAX: none), so tests can see
// that no panel squeezes its text into a column of a few characters. The dashboard resets it
// at the start of each frame.
void reset_narrowest_wrap();
float narrowest_wrap();
// A heading with a thin rule under it; `count` > 0 is shown after the title, dimmed.
void section_heading(std::string_view title, int count = 0);
// A small rounded label ("预计", "来源冲突") drawn inline; returns its width.
float badge(std::string_view label, const ImVec4& color);
// A tooltip with wrapped text when the last item is hovered.
void tooltip(std::string_view s);
// The same tooltip now, for a caller that decided when (e.g. hovering a disabled item).
void tooltip_now(std::string_view s);
// A panel title line: title in the accent colour, an optional dim suffix.
void panel_title(std::string_view title, std::string_view suffix = {});
// The last item as a link: a hand cursor and `tip` on hover; true when it was clicked.
bool link_clicked(std::string_view tip);
// `s` shortened with "…" to at most `max_width` pixels in the current font (chart::fit_text with
// ImGui's widths); `cut` says whether it was.
std::string fit_to_width(const std::string& s, float max_width, bool& cut);
// A draggable bar between two panels at `min` (screen pixels) of `size`, tinted while hovered or
// dragged; `vertical`: it moves left and right. Returns how far it was dragged this frame (px).
float splitter(const char* id, ImVec2 min, ImVec2 size, bool vertical);

// Escape, once per frame: the dashboard notes the press at the start of the frame; the first part
// that takes it (the topmost popup, then a focused window, then the detail's keyboard focus) closes
// and the others see nothing.
void note_escape(bool pressed);
bool take_escape();
// Closes the current window (`open` = false) when it has the focus and Escape is pressed.
void close_on_escape(bool& open);

// Draws one line of `text` as laid out by layout_text (app_model/wrapped_text.h), its glyphs' left
// edges from `at`: one AddText per run of contiguous bytes, so a reflowed paragraph is drawn in
// place without copying it (the import view and the article window).
void draw_laid_line(ImDrawList* dl, ImFont* font, float font_size, const TextLayout& layout,
                    const LaidLine& line, ImVec2 at, std::string_view text, ImU32 colour);

}  // namespace indtrack::ui
