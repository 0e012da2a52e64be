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

// A stretch converted at once is cut at a line break or after this many bytes.
constexpr std::size_t kMaxRunBytes = 64 * 1024;

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
  std::string convert(std::string_view text) {
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

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

void append_mapped(ConvertedText& out, std::string_view piece, std::uint32_t origin) {
  out.text += piece;
  out.origin.insert(out.origin.end(), piece.size(), origin);
}

// Converts the valid UTF-8 run input[begin, end) into `out`.
void convert_run(Converter& c, std::string_view input, std::size_t begin, std::size_t end,
                 ConvertedText& out) {
  const std::string_view run = input.substr(begin, end - begin);
  const std::string converted = c.convert(run);
  if (count_code_points(converted) == count_code_points(run)) {
    std::size_t in = 0, at = 0;
    while (at < converted.size()) {
      const std::size_t in_start = in, at_start = at;
      next_code_point(run, in);
      next_code_point(converted, at);
      append_mapped(out, std::string_view(converted).substr(at_start, at - at_start),
                    static_cast<std::uint32_t>(begin + in_start));
    }
    return;
  }
  // A phrase changed length: character by character, which keeps the alignment.
  for (std::size_t in = 0; in < run.size();) {
    const std::size_t start = in;
    const char32_t cp = next_code_point(run, in);
    const std::string_view piece =
        c.changes(cp) ? std::string_view(c.single(cp)) : run.substr(start, in - start);
    append_mapped(out, piece, static_cast<std::uint32_t>(begin + start));
  }
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
  std::size_t pos = 0;
  while (pos < input.size()) {
    // A run of valid UTF-8 up to a line break or kMaxRunBytes, and whether it needs converting.
    const std::size_t begin = pos;
    bool needs = false;
    while (pos < input.size() && pos - begin < kMaxRunBytes) {
      std::size_t next = 0;
      char32_t cp = 0;
      if (!is_valid_at(input, pos, next, cp)) break;
      needs = needs || c.changes(cp);
      pos = next;
      if (cp == '\n') break;
    }
    if (pos > begin) {
      if (needs) {
        convert_run(c, input, begin, pos, out);
      } else {
        for (std::size_t i = begin; i < pos; ++i) {
          out.text += input[i];
          // every byte maps to the start of its code point
          std::size_t start = i;
          while (start > begin && (static_cast<unsigned char>(input[start]) & 0xC0) == 0x80) --start;
          out.origin.push_back(static_cast<std::uint32_t>(start));
        }
      }
      continue;
    }
    // An invalid byte: passed through as it is.
    out.text += input[pos];
    out.origin.push_back(static_cast<std::uint32_t>(pos));
    ++pos;
  }
  return out;
}

}  // namespace indtrack
