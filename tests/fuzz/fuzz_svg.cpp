// Fuzz target: the SVG writer's escaping (write_svg, escape_xml). The input is split at NUL bytes
// into strings. An even first byte builds a scene by hand: every string becomes a <text>, mixed
// with rects, lines, polylines, polygons and markers whose numbers (including NaN, infinities and
// huge values) and hit ids come from the input; bit 1 of the first byte also uses the first string
// as the font-family. An odd first byte lays out an investment chart whose title, subtitle,
// unit, footer and bar labels are the strings (the export path).
// Properties: the output is well-formed XML 1.0 by the checker below (one root, balanced tags,
// unique attributes, only the five entities or character references, every character allowed,
// no raw < or & in text or attributes); numeric attributes are plain decimal numbers; and for
// valid UTF-8 input, each <text> reads back as its string (tab/LF/CR as spaces, characters XML
// cannot carry as U+FFFD) and the font-family as given.
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "chart/investment_chart.h"
#include "chart/svg_writer.h"
#include "core/text.h"
#include "fuzz_support.h"

using namespace indtrack;
using namespace indtrack::chart;

namespace {

// ---- UTF-8 and XML characters (independent of src/core/text.h on purpose) ----

// Decodes one code point; returns false for an invalid, overlong or surrogate sequence.
bool decode_utf8(std::string_view s, std::size_t& i, char32_t& cp) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  int extra = 0;
  char32_t min = 0;
  if (c < 0x80) {
    cp = c;
    ++i;
    return true;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    extra = 1;
    cp = c & 0x1F;
    min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    extra = 2;
    cp = c & 0x0F;
    min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    extra = 3;
    cp = c & 0x07;
    min = 0x10000;
  } else
    return false;
  if (i + static_cast<std::size_t>(extra) >= s.size()) return false;
  for (int k = 1; k <= extra; ++k) {
    const unsigned char t = b(i + static_cast<std::size_t>(k));
    if ((t & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (t & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  i += static_cast<std::size_t>(extra) + 1;
  return true;
}

bool valid_utf8(std::string_view s) {
  char32_t cp = 0;
  for (std::size_t i = 0; i < s.size();)
    if (!decode_utf8(s, i, cp)) return false;
  return true;
}

// XML 1.0's Char production.
bool xml_char(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

// What a valid UTF-8 string should read back as from the SVG (svg_writer.h's contract).
std::string expected_text(std::string_view s) {
  std::string out;
  char32_t cp = 0;
  for (std::size_t i = 0; i < s.size();) {
    decode_utf8(s, i, cp);
    if (cp == '\t' || cp == '\n' || cp == '\r')
      cp = ' ';
    else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF)
      cp = 0xFFFD;
    append_utf8(out, cp);
  }
  return out;
}

// ---- a small XML well-formedness checker ----

struct Element {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  // decoded values
  std::string text;                                             // decoded character data directly inside
};

class XmlChecker {
 public:
  explicit XmlChecker(std::string_view doc) : s_(doc) {}

  std::vector<Element> check() {
    char32_t cp = 0;
    for (std::size_t i = 0; i < s_.size();) {
      FUZZ_REQUIRE(decode_utf8(s_, i, cp), "SVG: invalid UTF-8");
      FUZZ_REQUIRE(xml_char(cp), "SVG: a character XML 1.0 does not allow");
    }
    const std::string_view decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    FUZZ_REQUIRE(s_.substr(0, decl.size()) == decl, "SVG: no XML declaration");
    pos_ = decl.size();
    skip_space();
    element();
    skip_space();
    FUZZ_REQUIRE(pos_ == s_.size(), "SVG: content after the root element");
    return std::move(elements_);
  }

 private:
  bool at(char c) const { return pos_ < s_.size() && s_[pos_] == c; }
  void expect(char c) {
    FUZZ_REQUIRE(at(c), std::string("SVG: expected '") + c + "' at offset " + std::to_string(pos_));
    ++pos_;
  }
  void skip_space() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\t' || s_[pos_] == '\r'))
      ++pos_;
  }
  static bool name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  }
  static bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

  std::string name() {
    FUZZ_REQUIRE(pos_ < s_.size() && name_start(s_[pos_]),
                 "SVG: expected a name at offset " + std::to_string(pos_));
    const std::size_t begin = pos_;
    while (pos_ < s_.size() && name_char(s_[pos_])) ++pos_;
    return std::string(s_.substr(begin, pos_ - begin));
  }

  // An entity or character reference after '&'.
  void reference(std::string& out) {
    const std::size_t semi = s_.find(';', pos_);
    FUZZ_REQUIRE(semi != std::string_view::npos && semi - pos_ <= 10,
                 "SVG: a raw & at offset " + std::to_string(pos_));
    const std::string_view ref = s_.substr(pos_, semi - pos_);
    if (ref == "amp")
      out += '&';
    else if (ref == "lt")
      out += '<';
    else if (ref == "gt")
      out += '>';
    else if (ref == "quot")
      out += '"';
    else if (ref == "apos")
      out += '\'';
    else {
      FUZZ_REQUIRE(ref.size() >= 2 && ref[0] == '#', "SVG: an unknown entity &" + std::string(ref) + ";");
      char32_t cp = 0;
      const bool hex = ref[1] == 'x';
      for (std::size_t k = hex ? 2 : 1; k < ref.size(); ++k) {
        const char c = ref[k];
        int digit = c >= '0' && c <= '9'          ? c - '0'
                    : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                  : -1;
        FUZZ_REQUIRE(digit >= 0 && cp < 0x110000, "SVG: a bad character reference");
        cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(digit);
      }
      FUZZ_REQUIRE(xml_char(cp), "SVG: a character reference to a character XML does not allow");
      append_utf8(out, cp);
    }
    pos_ = semi + 1;
  }

  void element() {
    expect('<');
    Element e;
    e.name = name();
    std::set<std::string> seen;
    while (true) {
      const std::size_t before = pos_;
      skip_space();
      if (at('/') || at('>')) break;
      FUZZ_REQUIRE(pos_ > before, "SVG: attributes not separated by a space");
      std::string attr = name();
      FUZZ_REQUIRE(seen.insert(attr).second, "SVG: attribute " + attr + " twice in <" + e.name + ">");
      expect('=');
      expect('"');
      std::string value;
      while (!at('"')) {
        FUZZ_REQUIRE(pos_ < s_.size(), "SVG: an attribute value is not closed");
        const char c = s_[pos_++];
        FUZZ_REQUIRE(c != '<', "SVG: a raw < inside an attribute value");
        if (c == '&')
          reference(value);
        else
          value += c;
      }
      ++pos_;
      e.attributes.emplace_back(std::move(attr), std::move(value));
    }
    const std::size_t index = elements_.size();
    elements_.push_back(e);
    if (at('/')) {
      ++pos_;
      expect('>');
      return;
    }
    expect('>');
    std::string text;
    while (true) {
      FUZZ_REQUIRE(pos_ < s_.size(), "SVG: <" + e.name + "> is not closed");
      if (s_.substr(pos_, 2) == "</") break;
      if (at('<')) {
        FUZZ_REQUIRE(pos_ + 1 < s_.size() && name_start(s_[pos_ + 1]),
                     "SVG: a raw < in text at offset " + std::to_string(pos_));
        element();
        continue;
      }
      FUZZ_REQUIRE(s_.substr(pos_, 3) != "]]>", "SVG: ]]> in text");
      const char c = s_[pos_++];
      if (c == '&')
        reference(text);
      else
        text += c;
    }
    pos_ += 2;
    FUZZ_REQUIRE(name() == e.name, "SVG: </...> does not match <" + e.name + ">");
    skip_space();
    expect('>');
    elements_[index].text = std::move(text);
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::vector<Element> elements_;
};

// ---- numbers ----

bool plain_decimal(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  const std::size_t digits_from = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == digits_from) return false;
  if (i < s.size() && s[i] == '.') {
    const std::size_t frac_from = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == frac_from) return false;
  }
  return i == s.size();
}

void check_numbers(const Element& e) {
  static const std::set<std::string> numeric = {
      "x",  "y",         "width",        "height",       "x1",
      "y1", "x2",        "y2",           "cx",           "cy",
      "r",  "font-size", "stroke-width", "fill-opacity", "stroke-opacity"};
  for (const auto& [attr, value] : e.attributes) {
    if (numeric.count(attr)) {
      FUZZ_REQUIRE(plain_decimal(value), "SVG: " + attr + "=\"" + value + "\" is not a number");
    } else if (attr == "viewBox" || attr == "points" || attr == "stroke-dasharray") {
      std::size_t begin = 0;
      std::string v = value;
      for (char& c : v)
        if (c == ',') c = ' ';
      while (begin < v.size()) {
        std::size_t end = v.find(' ', begin);
        if (end == std::string::npos) end = v.size();
        FUZZ_REQUIRE(plain_decimal(std::string_view(v).substr(begin, end - begin)),
                     "SVG: " + attr + "=\"" + value + "\" holds something that is not a number");
        begin = end + 1;
      }
    }
  }
}

// ---- scenes from the input ----

std::vector<std::string> split_at_nul(std::string_view s) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = s.find('\0', begin);
    parts.emplace_back(s.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
    if (end == std::string_view::npos) return parts;
    begin = end + 1;
  }
}

// Numbers a layout could hand the writer, including the ones it should never produce.
float number_of(unsigned char b) {
  static const float kValues[] = {0.0f,
                                  -0.0f,
                                  1.5f,
                                  -3.25f,
                                  1e6f,
                                  -1e6f,
                                  1e30f,
                                  3.4e38f,
                                  std::numeric_limits<float>::quiet_NaN(),
                                  std::numeric_limits<float>::infinity(),
                                  -std::numeric_limits<float>::infinity(),
                                  0.005f,
                                  0.004999f,
                                  123.456f,
                                  1e-30f,
                                  99999.995f};
  return b < 16 ? kValues[b] : static_cast<float>(b) * 3.7f - 300.0f;
}

struct Bytes {
  std::string_view s;
  std::size_t i = 0;
  unsigned char next() { return s.empty() ? 0 : static_cast<unsigned char>(s[i++ % s.size()]); }
  float number() { return number_of(next()); }
  Rgba colour() { return {next(), next(), next(), next()}; }
};

Shape shape_of(std::string_view bytes) {
  Bytes b{bytes};
  switch (bytes.size() % 5) {
    case 0: {
      RectPrim r;
      r.rect = {b.number(), b.number(), b.number(), b.number()};
      r.fill = b.colour();
      r.stroke = b.colour();
      r.stroke_width = b.number();
      r.stroke_dash = {b.number(), b.number()};
      r.hatch = b.next() % 2 ? Hatch::Diagonal : Hatch::None;
      r.hatch_colour = b.colour();
      r.hatch_spacing = b.number();
      return r;
    }
    case 1:
      return LinePrim{{b.number(), b.number()},
                      {b.number(), b.number()},
                      b.colour(),
                      b.number(),
                      {b.number(), b.number()}};
    case 2:
      return PolylinePrim{{{b.number(), b.number()}, {b.number(), b.number()}, {b.number(), b.number()}},
                          b.colour(),
                          b.number(),
                          {}};
    case 3:
      return PolygonPrim{
          {{b.number(), b.number()}, {b.number(), b.number()}}, b.colour(), b.colour(), b.number()};
    default: {
      MarkerPrim m;
      m.centre = {b.number(), b.number()};
      m.size_px = b.number();
      m.shape = static_cast<MarkerShape>(b.next() % 6);
      m.fill = b.colour();
      m.stroke = b.colour();
      m.stroke_width = b.number();
      return m;
    }
  }
}

}  // namespace

INDTRACK_FUZZ_TARGET(fuzz_svg) {
  if (size == 0) return 0;
  const unsigned char mode = data[0];
  const std::vector<std::string> strings = split_at_nul(fuzz::as_text(data + 1, size - 1));

  Scene scene;
  SvgOptions options;
  std::vector<std::string> texts;  // the <text> strings in order, when checked exactly
  bool exact = false;
  if (mode % 2 == 0) {
    exact = true;
    scene.width = 800;
    scene.height = 450;
    scene.background = Rgba::hex(0xffffff);
    if (mode & 2) options.font_family = strings[0];
    for (std::size_t k = 0; k < strings.size(); ++k) {
      const std::string& s = strings[k];
      Bytes b{s};
      if (b.next() % 4 == 0) scene.set_clip({b.number(), b.number(), b.number(), b.number()});
      if (b.next() % 4 == 0) scene.clear_clip();
      // Any byte as the hit kind: kinds added later, and values that are no kind, are written too.
      const HitId hit{static_cast<HitKind>(b.next()), static_cast<std::int32_t>(k), b.next() % 3 - 1,
                      b.next() % 4};
      TextPrim t;
      t.text = s;
      t.size_px = b.number();
      t.weight = b.next() % 2 ? FontWeight::Bold : FontWeight::Regular;
      t.colour = b.colour();
      t.box = {b.number(), b.number(), b.number(), b.number()};
      t.baseline_y = b.number();
      scene.add(t, hit);
      texts.push_back(s);
      scene.add(shape_of(s), hit);
    }
  } else {
    InvestmentChartInput in;
    std::string* frame[] = {&in.text.title, &in.text.subtitle, &in.text.value_unit, &in.text.footer};
    for (std::size_t k = 0; k < strings.size(); ++k) {
      if (k < 4) {
        *frame[k] = strings[k];
        continue;
      }
      InvestmentBar bar;
      bar.label = strings[k];
      bar.total = static_cast<double>(strings[k].size()) * 7.5;
      if (k % 2) bar.completed = static_cast<double>(k);
      bar.approximate = k % 3 == 0;
      bar.colour_key = strings[k];
      bar.ref = static_cast<std::int64_t>(k);
      in.bars.push_back(std::move(bar));
    }
    ApproxTextMeasure measure;
    scene = layout_investment_chart(in, ChartStyle{}, 800, 450, measure);
  }

  const std::string svg = write_svg(scene, options);
  const std::vector<Element> elements = XmlChecker(svg).check();
  FUZZ_REQUIRE(!elements.empty() && elements[0].name == "svg", "SVG: the root is not <svg>");
  std::size_t text_index = 0;
  for (const Element& e : elements) {
    check_numbers(e);
    if (e.name != "text" || !exact) continue;
    FUZZ_REQUIRE(text_index < texts.size(), "SVG: more <text> elements than texts");
    const std::string& original = texts[text_index++];
    if (valid_utf8(original))
      FUZZ_REQUIRE(e.text == expected_text(original), "SVG: a text does not read back as given",
                   "given: " + original + "\nread: " + e.text);
  }
  if (exact) FUZZ_REQUIRE(text_index == texts.size(), "SVG: a text is missing");
  if (valid_utf8(options.font_family))
    for (const auto& [attr, value] : elements[0].attributes)
      if (attr == "font-family")
        FUZZ_REQUIRE(value == expected_text(options.font_family),
                     "SVG: the font-family does not read back as given");
  return 0;
}
