// UTF-8 text helpers shared by the loader, the extractor, queries and the UI. All text in
// indtrack is UTF-8 in std::string; offsets are byte offsets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace indtrack {

// Byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
// Rejects overlong forms, surrogates and code points above U+10FFFF.
std::size_t find_invalid_utf8(std::string_view text);

// Decodes one code point at `pos` and advances it; a byte that does not start a well-formed
// sequence (as find_invalid_utf8 judges it) decodes as U+FFFD and advances one byte.
char32_t next_code_point(std::string_view text, std::size_t& pos);
void append_utf8(std::string& out, char32_t cp);

// ASCII and CJK whitespace (U+3000, U+00A0, U+FEFF) removed: used to compare quotes with
// hard-wrapped newspaper text.
std::string remove_whitespace(std::string_view text);
void remove_whitespace(std::string_view text, std::string& out);  // reuses out's buffer
bool is_space_code_point(char32_t cp);

std::string_view trim(std::string_view text);
bool is_ascii(std::string_view text);
std::string ascii_lower(std::string_view text);

// Case-insensitive (ASCII only) substring test; CJK compares byte for byte.
bool contains_folded(std::string_view haystack, std::string_view needle_lowered);

// 1-based line and column (columns count code points, as editors show them) of a byte offset.
struct TextPosition {
  int line = 1;
  int column = 1;
};
TextPosition position_of_offset(std::string_view text, std::size_t offset);
// Positions of many offsets in one pass over the text; `offsets` must be sorted ascending.
std::vector<TextPosition> positions_of_offsets(std::string_view text,
                                               const std::vector<std::size_t>& offsets);

// Shortens text to at most `max_code_points`, adding "…" when cut. Never splits a code point.
std::string shorten(std::string_view text, std::size_t max_code_points);

std::vector<std::string> split(std::string_view text, char separator);

// Characters that must not reach a reader unseen: C0 controls other than tab, LF and CR, DEL,
// C1 controls (U+0080..U+009F) and the bidirectional embeddings, overrides and isolates
// (U+202A..U+202E, U+2066..U+2069), which reorder how the text around them is shown.
bool is_bidi_control(char32_t cp);
bool is_hidden_control(char32_t cp);
// `text` with each hidden control replaced by U+FFFD (any other byte, invalid UTF-8 too, kept).
std::string replace_hidden_controls(std::string_view text);
// `text` with each hidden control written as \u0085, \u202E (and tab, LF, CR too when
// `one_line`): for terminals and one-line formats.
std::string escape_hidden_controls(std::string_view text, bool one_line);

// Terminal columns: CJK and full-width characters take two, others one (for aligned tables).
int display_width(std::string_view text);
// Pads with spaces on the right to `width` columns (never truncates).
std::string pad_to_width(std::string_view text, int width);

}  // namespace indtrack
