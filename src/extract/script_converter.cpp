#include "extract/script_converter.h"

#include <opencc.h>

#include <mutex>
#include <unordered_map>

#include "core/text.h"

namespace indtrack {
namespace {

// Code points OpenCC may change: the CJK blocks (unified, extension A, compatibility, extensions B+).
bool may_change(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

class Converter {
 public:
  static Converter& instance() {
    static Converter converter;
    return converter;
  }
  bool available() const { return handle_ != reinterpret_cast<opencc_t>(-1); }

  // Whether t2s changes the code point on its own (cached).
  bool changes(char32_t cp) {
    if (!may_change(cp)) return false;
    const std::size_t slot = cp >= 0x20000 ? cp - 0x20000 + 0x10000 : cp;
    std::uint8_t& state = changes_[slot];
    if (state == 0) state = single(cp) != utf8(cp) ? 2 : 1;
    return state == 2;
  }
  // t2s of one code point on its own (cached).
  const std::string& single(char32_t cp) {
    auto [it, fresh] = singles_.try_emplace(cp);
    if (fresh) it->second = convert(utf8(cp));
    return it->second;
  }
  std::string convert(std::string_view text) const {
    if (!available()) return std::string(text);
    char* out = opencc_convert_utf8(handle_, text.data(), text.size());
    if (!out) return std::string(text);
    std::string result(out);
    opencc_convert_utf8_free(out);
    return result;
  }
  std::mutex mutex;

 private:
  Converter() : handle_(opencc_open(OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP)), changes_(0x20000, 0) {}
  ~Converter() {
    if (available()) opencc_close(handle_);
  }
  static std::string utf8(char32_t cp) {
    std::string s;
    append_utf8(s, cp);
    return s;
  }
  opencc_t handle_;
  std::vector<std::uint8_t> changes_;  // BMP, then the supplementary CJK planes; 0 unknown, 1 same, 2 changes
  std::unordered_map<char32_t, std::string> singles_;
};

void append_mapped(ConvertedText& out, std::string_view piece, std::uint32_t origin) {
  out.text += piece;
  out.origin.insert(out.origin.end(), piece.size(), origin);
}

bool is_valid_at(std::string_view s, std::size_t pos, std::size_t& next, char32_t& cp) {
  next = pos;
  cp = next_code_point(s, next);
  return !(cp == 0xFFFD && !(next - pos == 3 && s.substr(pos, 3) == "\xEF\xBF\xBD"));
}

}  // namespace

bool simplified_conversion_available() {
  Converter& c = Converter::instance();
  return c.available();
}

std::optional<ConvertedText> to_simplified(std::string_view input) {
  Converter& c = Converter::instance();
  if (!c.available()) return std::nullopt;
  std::lock_guard lock(c.mutex);
  // First pass: is there anything to change at all?
  bool any = false;
  for (std::size_t pos = 0; pos < input.size() && !any;) {
    if (static_cast<unsigned char>(input[pos]) < 0x80) {
      ++pos;
      continue;
    }
    any = c.changes(next_code_point(input, pos));
  }
  if (!any) return std::nullopt;

  ConvertedText out;
  out.text.reserve(input.size());
  out.origin.reserve(input.size());
  for (std::size_t pos = 0; pos < input.size();) {
    const std::size_t start = pos;
    std::size_t next = 0;
    char32_t cp = 0;
    if (!is_valid_at(input, pos, next, cp)) {  // an invalid byte: passed through as it is
      append_mapped(out, input.substr(pos, 1), static_cast<std::uint32_t>(pos));
      ++pos;
      continue;
    }
    pos = next;
    const std::string_view piece =
        c.changes(cp) ? std::string_view(c.single(cp)) : input.substr(start, pos - start);
    append_mapped(out, piece, static_cast<std::uint32_t>(start));
  }
  return out;
}

}  // namespace indtrack
