// load_dataset / parse_dataset: file and encoding checks, JSON parsing (simdjson or nlohmann),
// building the model, whole-dataset checks, then locating every problem's line and column.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "core/text.h"
#include "io/dataset_builder.h"
#include "io/dataset_checks.h"
#include "io/dataset_io.h"
#include "io/file_io.h"
#include "io/json_locate.h"
#include "io/json_node.h"

namespace indtrack {
namespace {

constexpr int kMaxNestingDepth = 64;  // the schema needs 7; deeper is not a dataset

Problem file_problem(const std::string& file, std::string message) {
  Problem p;
  p.file = file;
  p.message = std::move(message);
  return p;
}

Problem positioned_problem(const std::string& file, std::string_view text, std::size_t offset,
                           std::string message) {
  Problem p = file_problem(file, std::move(message));
  const TextPosition pos = position_of_offset(text, offset);
  p.line = pos.line;
  p.column = pos.column;
  return p;
}

// A file of zeros: what a crash, a full disk or an interrupted copy often leaves behind.
// `zeros` bytes were seen to be NUL, of `size`.
std::string zero_filled_message(std::size_t zeros, std::size_t size, const std::string& file) {
  const std::string what =
      zeros >= size
          ? "the file holds nothing but NUL bytes (" + std::to_string(size) + ")"
          : "the file starts with " + std::to_string(zeros) + " NUL bytes (of " + std::to_string(size) + ")";
  return what + ": it was zero-filled, as a crash or an interrupted copy can leave a file; restore it from " +
         file + ".bak or a backup";
}

// The first bytes of a regular file, when they are all NUL: how many (a few KB are enough to
// name the file; reading a gigabyte of zeros first took 15 s). 0 otherwise.
std::size_t leading_zeros(const std::string& path, std::size_t& size) {
  struct stat st {};
  // Beyond the size limit the file is refused for its size first (read_file_into).
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0 ||
      static_cast<std::size_t>(st.st_size) > kMaxFileBytes)
    return 0;
  size = static_cast<std::size_t>(st.st_size);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char buffer[4096];
  ssize_t n;
  do n = ::read(fd, buffer, sizeof buffer);
  while (n < 0 && errno == EINTR);
  ::close(fd);
  if (n <= 0) return 0;
  for (ssize_t i = 0; i < n; ++i)
    if (buffer[i] != '\0') return 0;
  return static_cast<std::size_t>(n);
}

// Byte-order marks, emptiness and NUL bytes: files that are not UTF-8 JSON text at all.
// Returns false if any.
bool check_encoding(std::string_view& text, const std::string& file, std::vector<Problem>& problems) {
  auto starts_with = [&](std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; };
  if (starts_with(std::string_view("\xFF\xFE\x00\x00", 4)) ||
      starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) {
    problems.push_back(
        file_problem(file, "the file is UTF-32 encoded; indtrack reads UTF-8: re-save it as UTF-8"));
    return false;
  }
  if (starts_with("\xFF\xFE") || starts_with("\xFE\xFF")) {
    problems.push_back(file_problem(file,
                                    "the file is UTF-16 encoded (it starts with a UTF-16 byte-order mark); "
                                    "indtrack reads UTF-8: re-save it as UTF-8"));
    return false;
  }
  if (starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte-order mark is fine
  if (!text.empty() && text.front() == '\0' && text.find_first_not_of('\0') == std::string_view::npos) {
    problems.push_back(file_problem(file, zero_filled_message(text.size(), text.size(), file)));
    return false;
  }
  if (trim(text).empty()) {
    problems.push_back(
        file_problem(file, "the file is empty; a dataset is a JSON object (see docs/data-format.md)"));
    return false;
  }
  if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
    const std::size_t offset = static_cast<std::size_t>(static_cast<const char*>(nul) - text.data());
    problems.push_back(positioned_problem(
        file, text, offset,
        "the file contains NUL bytes: it is UTF-16 without a byte-order mark, or binary, not UTF-8 JSON"));
    return false;
  }
  return true;
}

// Bytes that are not UTF-8. Returns false if any. simdjson validates UTF-8 while it parses, so
// its path runs this only after a failed parse (to name the bad byte); nlohmann's runs it first.
bool check_utf8(std::string_view text, const std::string& file, std::vector<Problem>& problems) {
  // simdjson's SIMD validator is the fast path; ours runs only to locate the first bad byte.
  const std::size_t bad =
      simdjson::validate_utf8(text.data(), text.size()) ? std::string_view::npos : find_invalid_utf8(text);
  if (bad != std::string_view::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
    problems.push_back(positioned_problem(
        file, text, bad, std::string("invalid UTF-8 (byte ") + hex + "): the file must be saved as UTF-8"));
    return false;
  }
  return true;
}

// Nesting deep enough to overflow a recursive parser (nlohmann's). Returns false if so.
bool check_nesting(std::string_view text, const std::string& file, std::vector<Problem>& problems) {
  const std::size_t deep = find_excess_nesting(text, kMaxNestingDepth);
  if (deep == std::string_view::npos) return true;
  problems.push_back(positioned_problem(
      file, text, deep,
      "nesting deeper than " + std::to_string(kMaxNestingDepth) + " levels: this is not a dataset file"));
  return false;
}

// nlohmann's message without its "[json.exception...] parse error at line L, column C: " prefix
// (we print our own position) and without a "last read" excerpt that cuts a character in half.
std::string syntax_message(const nlohmann::json::parse_error& e, bool at_end_of_file) {
  std::string what = e.what();
  const auto colon = what.find(": ");
  if (what.rfind("[json.exception", 0) == 0 && colon != std::string::npos) what = what.substr(colon + 2);
  const auto last_read = what.find("; last read: ");
  if (last_read != std::string::npos && find_invalid_utf8(what) != std::string::npos) what.resize(last_read);
  if (at_end_of_file) what += " (the file ends here: is it truncated?)";
  return "JSON " + what;
}

// The first number literal too large for a double (1e999), or npos. Strings are skipped.
std::size_t find_out_of_range_number(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t end = i;
      while (end < text.size() && std::strchr("+-0123456789.eE", text[end]) && text[end] != '\0') ++end;
      const std::string literal(text.substr(i, end - i));
      if (std::isinf(std::strtod(literal.c_str(), nullptr))) return i;
      i = end - 1;
    }
  }
  return std::string_view::npos;
}

bool parse_with_nlohmann(std::string_view text, const std::string& file, nlohmann::json& out,
                         std::vector<Problem>& problems) {
  try {
    out = nlohmann::json::parse(text.begin(), text.end());
    return true;
  } catch (const nlohmann::json::parse_error& e) {
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    const bool at_end = trim(text.substr(std::min(offset + 1, text.size()))).empty();
    std::string message = syntax_message(e, at_end);
    // A byte-order mark inside the file: usually two files pasted together.
    if (text.substr(offset, 3) == "\xEF\xBB\xBF" ||
        (offset >= 2 && text.substr(offset - 2, 3) == "\xEF\xBB\xBF"))
      message += " (a byte-order mark U+FEFF is here, in the middle of the file: delete it)";
    problems.push_back(positioned_problem(file, text, offset, std::move(message)));
  } catch (const nlohmann::json::out_of_range& e) {
    const std::size_t offset = find_out_of_range_number(text);
    if (offset == std::string_view::npos) {
      problems.push_back(file_problem(file, std::string("JSON error: ") + e.what()));
    } else {
      std::size_t end = offset + 1;
      while (end < text.size() && std::strchr("+-0123456789.eE", text[end]) && text[end] != '\0') ++end;
      problems.push_back(positioned_problem(file, text, offset,
                                            "the number " + shorten(text.substr(offset, end - offset), 30) +
                                                " is out of range (numbers must lie within ±1.7e308)"));
    }
  } catch (const std::exception& e) {
    problems.push_back(file_problem(file, std::string("JSON error: ") + e.what()));
  }
  return false;
}

// Whether any object in the parsed document repeats a key. A walk over simdjson's tape is ~10×
// cheaper than find_duplicate_keys' text scan, which then runs only to name and place them.
bool has_duplicate_keys(simdjson::dom::element element) {
  if (const auto array = element.get_array(); !array.error()) {
    for (simdjson::dom::element child : array.value_unsafe())
      if (has_duplicate_keys(child)) return true;
    return false;
  }
  const auto object = element.get_object();
  if (object.error()) return false;
  std::vector<std::string_view> keys;  // the dataset's objects have a few dozen keys at most
  for (const simdjson::dom::key_value_pair field : object.value_unsafe()) {
    if (std::find(keys.begin(), keys.end(), field.key) != keys.end()) return true;
    keys.push_back(field.key);
    if (has_duplicate_keys(field.value)) return true;
  }
  return false;
}

// A key repeated within one object: an error, since one of the two values would be silently lost
// (and the two parsers would keep different ones). Returns false if any.
bool check_duplicate_keys(std::string_view text, const std::string& file, std::vector<Problem>& problems) {
  const std::vector<DuplicateKey> duplicates = find_duplicate_keys(text);
  UnlistedProblems unlisted;
  for (const DuplicateKey& d : duplicates) {
    if (problem_list_full(problems)) {
      unlisted.count(Problem::Severity::Error);
      continue;
    }
    const TextPosition first = position_of_offset(text, d.first_offset);
    Problem p = positioned_problem(
        file, text, d.offset,
        "this key appears twice in one object (first at line " + std::to_string(first.line) + ", column " +
            std::to_string(first.column) + "): one of the two values would be lost; keep one");
    p.path = d.path;
    problems.push_back(std::move(p));
  }
  append_unlisted(problems, unlisted, file);
  return duplicates.empty();
}

void locate_problems(std::string_view text, std::vector<Problem>& problems) {
  std::unordered_set<std::string> wanted;
  for (const Problem& p : problems)
    if (p.line == 0 && !p.path.empty()) wanted.insert(p.path);
  if (wanted.empty()) return;
  const auto offsets = locate_json_paths(text, wanted);
  // A path that is not in the text (a missing field) is reported at its closest ancestor.
  std::vector<std::pair<std::size_t, Problem*>> located;
  for (Problem& p : problems) {
    if (p.line != 0 || p.path.empty()) continue;
    for (std::string path = p.path;;) {
      const auto it = offsets.find(path);
      if (it != offsets.end()) {
        located.emplace_back(it->second, &p);
        break;
      }
      const auto cut = path.find_last_of(".[");
      if (cut == std::string::npos) break;
      path.resize(cut);
    }
  }
  std::sort(located.begin(), located.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::size_t> sorted_offsets;
  sorted_offsets.reserve(located.size());
  for (const auto& [offset, problem] : located) sorted_offsets.push_back(offset);
  const std::vector<TextPosition> positions = positions_of_offsets(text, sorted_offsets);
  for (std::size_t i = 0; i < located.size(); ++i) {
    located[i].second->line = positions[i].line;
    located[i].second->column = positions[i].column;
  }
}

// Line positions from offsets are computed one problem at a time; sort so output reads in file order.
void sort_problems(std::vector<Problem>& problems) {
  std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
    if (a.line != b.line) return a.line < b.line;
    return a.column < b.column;
  });
}

// A dataset file read into simdjson's padded buffer (one copy of the file in memory, not three).
// Once parsed, the bytes are released: the model is built from the parsed document, and at 100k
// projects that keeps ~290 MB out of the peak. They are read again only if problems need line
// numbers, and only if the file is unchanged (else problems are shown without positions rather
// than at wrong ones).
struct FileText {
  std::string path;
  simdjson::padded_string bytes;
  std::size_t size = 0;
  FileStamp stamp;

  std::string read() {
    return read_file_into(
        path, kMaxFileBytes,
        [&](std::size_t n) {
          bytes = simdjson::padded_string(n);
          return bytes.data();
        },
        size, &stamp);
  }
  std::string_view view() const { return std::string_view(bytes.data(), size); }
  void release() {
    bytes = simdjson::padded_string();
    size = 0;
  }
  bool read_again() {
    const FileStamp parsed = stamp;
    return read().empty() && stamp == parsed;
  }
};

bool needs_locating(const std::vector<Problem>& problems) {
  return std::any_of(problems.begin(), problems.end(),
                     [](const Problem& p) { return p.line == 0 && !p.path.empty(); });
}

// `file`: the text is that file's padded buffer, released after parsing; null: the caller's text,
// kept as is.
LoadResult parse_text(std::string_view json_text, FileText* file, const std::string& display_path,
                      const std::string& base_dir, const LoadOptions& options) {
  LoadResult result;
  std::string_view text = json_text;
  if (!check_encoding(text, display_path, result.problems)) return result;
  const std::size_t bom = json_text.size() - text.size();

  // Progress over the whole load: reading the file ends at 0.1 (load_dataset), parsing at 0.3, building the
  // model takes 0.3-0.8 (the builder reports its own 0..1), the checks 0.8-1. A false answer cancels at the
  // next report.
  auto report = [&](float at) { return !options.progress || options.progress(at); };
  auto cancelled = [&] {
    result.problems.push_back(file_problem(display_path, "loading was cancelled"));
    return result;
  };
  std::function<bool(float)> build_progress;
  if (options.progress) build_progress = [&](float f) { return options.progress(0.3f + 0.5f * f); };

  Dataset data;
  bool built = false;
  BuildContext ctx{display_path, result.problems, &build_progress};
  if (options.parser == JsonParser::Nlohmann) {
    if (!check_utf8(text, display_path, result.problems)) return result;
    if (!check_nesting(text, display_path, result.problems)) return result;
    nlohmann::json doc;
    if (!parse_with_nlohmann(text, display_path, doc, result.problems)) return result;
    if (!check_duplicate_keys(text, display_path, result.problems)) return result;
    if (file) file->release();
    if (!report(0.3f)) return cancelled();
    built = build_dataset(NlohmannNode(doc), data, ctx);
  } else {
    // The DOM lives in `doc`, not in the parser, so the parser's scratch buffers (4 bytes per
    // JSON token: ~120 MB at 100k projects) are freed before the model is built; `doc` itself
    // goes before the article texts are read.
    simdjson::dom::document doc;
    simdjson::dom::element root;
    simdjson::error_code error;
    {
      simdjson::dom::parser parser;
      // simdjson enforces the same depth limit as find_excess_nesting (depth 64 passes, 65 fails),
      // so a successful parse needs no separate nesting scan (a full pass over the text).
      error = parser.allocate(std::max<std::size_t>(text.size(), 64), kMaxNestingDepth);
      if (!error)
        error = parser.parse_into_document(doc, text.data(), text.size(), file == nullptr).get(root);
    }
    if (error) {
      // simdjson reports no position: the UTF-8 check, the nesting scan, then nlohmann find
      // and describe it, in that order (as for nlohmann's path). Where nlohmann accepts what
      // simdjson refuses (an integer beyond 64 bits), nlohmann's document is used, so both
      // parsers always give the same result.
      if (!check_utf8(text, display_path, result.problems)) return result;
      if (!check_nesting(text, display_path, result.problems)) return result;
      nlohmann::json fallback;
      if (!parse_with_nlohmann(text, display_path, fallback, result.problems)) return result;
      if (!check_duplicate_keys(text, display_path, result.problems)) return result;
      if (file) file->release();
      if (!report(0.3f)) return cancelled();
      built = build_dataset(NlohmannNode(fallback), data, ctx);
    } else {
      if (has_duplicate_keys(root) && !check_duplicate_keys(text, display_path, result.problems))
        return result;
      if (file) file->release();
      if (!report(0.3f)) return cancelled();
      built = build_dataset(SimdjsonNode(root), data, ctx);
    }
  }

  if (built && !report(0.8f)) return cancelled();
  if (built) {
    data.path = display_path;
    load_article_texts(data, base_dir, display_path, result.problems, ctx.unlisted, options.article_text);
    check_dataset(data, display_path, options.check_quotes, result.problems, ctx.unlisted);
  }
  // The file's bytes were released after parsing: read them again only if they are needed.
  if (file)
    text =
        needs_locating(result.problems) && file->read_again() ? file->view().substr(bom) : std::string_view();
  if (!text.empty()) locate_problems(text, result.problems);
  sort_problems(result.problems);
  append_unlisted(result.problems, ctx.unlisted, display_path);  // last: it has no position
  if (built && !has_errors(result.problems)) result.dataset = std::move(data);
  return result;
}

}  // namespace

LoadResult parse_dataset(std::string_view json_text, const std::string& display_path,
                         const std::string& base_dir, const LoadOptions& options) {
  return parse_text(json_text, nullptr, display_path, base_dir, options);
}

LoadResult load_dataset(const std::string& path, const LoadOptions& options) {
  std::size_t size = 0;
  if (const std::size_t zeros = leading_zeros(path, size); zeros > 0) {
    LoadResult result;
    result.problems.push_back(file_problem(path, zero_filled_message(zeros, size, path)));
    return result;
  }
  FileText file;
  file.path = path;
  const std::string error = file.read();
  if (!error.empty()) {
    LoadResult result;
    result.problems.push_back(file_problem(path, "cannot open the dataset: " + error));
    return result;
  }
  if (options.progress && !options.progress(0.1f)) {  // read; parsing ends at 0.3
    LoadResult result;
    result.problems.push_back(file_problem(path, "loading was cancelled"));
    return result;
  }
  return parse_text(file.view(), &file, path, directory_of(path), options);
}

}  // namespace indtrack
