#include "extract/fact_output.h"

#include <cmath>
#include <sstream>

#include "core/text.h"
#include "core/units.h"

namespace indtrack {
namespace {

using OrderedJson = nlohmann::ordered_json;

OrderedJson number_json(double v) {
  if (std::isfinite(v) && std::fabs(v) < 9007199254740992.0 && v == std::floor(v))
    return static_cast<std::int64_t>(v);
  return v;
}

OrderedJson text_or_null(const std::string& s) { return s.empty() ? OrderedJson(nullptr) : OrderedJson(s); }

// Columns of a terminal: CJK and full-width characters take two.
std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const char32_t cp = next_code_point(s, pos);
    width += (cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                               (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                               (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                               (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD)))
                 ? 2
                 : 1;
  }
  return width;
}

std::string pad(std::string s, std::size_t width) {
  const std::size_t w = display_width(s);
  if (w < width) s.append(width - w, ' ');
  return s;
}

std::string one_line(std::string_view quote, std::size_t max_code_points) {
  return shorten(remove_whitespace(quote), max_code_points);
}

}  // namespace

std::string display_value(const ExtractedFact& f) {
  if (f.kind == FactKind::Date) return "";
  const std::string prefix = f.approximate ? "约" : "";
  if (f.unit == "t/a") return prefix + format_number(tonnes_to_wan_tonnes(f.value), 4) + "万吨/年";
  if (f.unit == "CNY") return prefix + format_number(yuan_to_yi(f.value), 4) + "亿元";
  if (f.unit == "kW") return prefix + format_number(f.value / 1e4, 4) + "万千瓦";
  if (f.unit == "kWh/a") return prefix + format_number(f.value / 1e8, 4) + "亿kWh/年";
  return prefix + format_number(f.value, 2) + f.unit;
}

OrderedJson fact_to_json(const ExtractedFact& f, const std::string& file) {
  const bool has_value = f.kind != FactKind::Date;
  OrderedJson j;
  j["kind"] = id_of(f.kind);
  j["value"] = has_value ? number_json(f.value) : OrderedJson(nullptr);
  j["unit"] = has_value ? text_or_null(f.unit) : OrderedJson(nullptr);
  j["product"] = text_or_null(f.product);
  j["company"] = text_or_null(f.company);
  j["project"] = text_or_null(f.project);
  j["date"] = f.date ? OrderedJson(f.date->to_string()) : OrderedJson(nullptr);
  j["date_kind"] = f.date_kind ? OrderedJson(id_of(*f.date_kind)) : OrderedJson(nullptr);
  j["expected"] = f.expected;
  j["scope"] = f.scope ? OrderedJson(id_of(*f.scope)) : OrderedJson(nullptr);
  j["quote"] = f.quote;
  j["file"] = file;
  j["start"] = f.start;
  j["end"] = f.end;
  j["park"] = text_or_null(f.park);
  j["district"] = text_or_null(f.district);
  j["lines"] = f.lines > 0 ? OrderedJson(f.lines) : OrderedJson(nullptr);
  j["line"] = f.line_number > 0 ? OrderedJson(f.line_number) : OrderedJson(nullptr);
  j["approximate"] = f.approximate;
  j["year_inferred"] = f.year_inferred;
  j["date_note"] = text_or_null(f.date_note);
  j["mention_start"] = f.mention_start;
  j["mention_end"] = f.mention_end;
  return j;
}

FactJsonWriter::FactJsonWriter(std::ostream& out) : out_(out) { out_ << "{\n  \"facts\": ["; }

void FactJsonWriter::add(const ExtractedFact& fact, const std::string& file) {
  const std::string json =
      fact_to_json(fact, file).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  out_ << (any_ ? ",\n" : "\n") << "    ";
  for (const char c : json) {  // indented as an element of "facts"
    out_ << c;
    if (c == '\n') out_ << "    ";
  }
  any_ = true;
}

void FactJsonWriter::finish() { out_ << (any_ ? "\n  ]\n}\n" : "]\n}\n"); }

std::string facts_to_json(const std::vector<FileFacts>& files) {
  std::ostringstream out;
  FactJsonWriter writer(out);
  for (const FileFacts& file : files)
    for (const ExtractedFact& f : file.facts) writer.add(f, file.file);
  writer.finish();
  return out.str();
}

namespace {

const std::vector<std::size_t> kTableWidths = {10, 16, 10, 24, 22, 4, 0};

std::string table_row(const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i)
    line += kTableWidths[i] ? pad(cells[i], kTableWidths[i]) + " " : cells[i];
  return line;
}

std::string fact_row(const ExtractedFact& f) {
  std::string what = f.kind == FactKind::Date ? (f.date ? f.date->to_string() : "") : display_value(f);
  if (f.lines > 0) what = std::to_string(f.lines) + "×" + what;
  std::string milestone;
  if (f.date_kind) milestone = std::string(id_of(*f.date_kind));
  if (f.scope) milestone = std::string(id_of(*f.scope));
  if (f.line_number > 0) milestone += (milestone.empty() ? "" : " ") + std::to_string(f.line_number) + "号线";
  return table_row({std::string(id_of(f.kind)), what, shorten(f.product, 8), shorten(f.company, 11),
                    milestone, f.kind == FactKind::Date ? (f.expected ? "计划" : "已") : "",
                    one_line(f.quote, 40)});
}

}  // namespace

FactTableWriter::FactTableWriter(std::ostream& out, std::string file) : out_(out), file_(std::move(file)) {
  out_ << file_ << ":\n"
       << table_row({"kind", "value / date", "product", "company", "milestone", "", "quote"}) << '\n';
}

void FactTableWriter::add(const ExtractedFact& fact) {
  out_ << fact_row(fact) << '\n';
  ++rows_;
}

void FactTableWriter::finish() {
  out_ << rows_ << (rows_ == 1 ? " fact" : " facts") << " in " << file_ << "\n\n";
}

void write_fact_table(std::ostream& out, const std::vector<FileFacts>& files) {
  for (const FileFacts& file : files) {
    FactTableWriter writer(out, file.file);
    for (const ExtractedFact& f : file.facts) writer.add(f);
    writer.finish();
  }
}

}  // namespace indtrack
