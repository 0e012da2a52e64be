// Settings file: reading with per-field fallback to defaults, atomic writing, XDG location.
#include "app_model/settings.h"

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "io/file_io.h"

namespace indtrack::ui {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kSettingsVersion = 1;
constexpr std::size_t kMaxSettingsBytes = 4 << 20;  // a settings file is a few hundred bytes
constexpr int kMinWindowSize = 200;  // screen coordinates; smaller values are treated as broken
constexpr int kMaxWindowSize = 16384;
constexpr float kMinPanelSize = 40;  // unscaled pixels
constexpr float kMaxPanelSize = 4000;

// Collects "field: what is wrong" while reading, so one notice can name every ignored field.
struct FieldReader {
  const json& object;
  std::vector<std::string>& problems;
  std::string prefix;

  const json* find(const char* key) const {
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
  }
  void complain(const char* key, const char* expected) {
    problems.push_back(prefix + key + ": expected " + expected);
  }
  void read_int(const char* key, int& out, int lo, int hi) {
    const json* v = find(key);
    if (!v) return;
    if (v->is_number_integer() && v->get<long long>() >= lo && v->get<long long>() <= hi)
      out = static_cast<int>(v->get<long long>());
    else
      complain(key, "an integer in range");
  }
  void read_optional_int(const char* key, std::optional<int>& out) {
    const json* v = find(key);
    if (!v || v->is_null()) return;
    if (v->is_number_integer() && std::abs(v->get<long long>()) <= kMaxWindowSize * 4)
      out = static_cast<int>(v->get<long long>());
    else
      complain(key, "an integer");
  }
  void read_float(const char* key, float& out, float lo, float hi) {
    const json* v = find(key);
    if (!v) return;
    if (v->is_number() && v->get<double>() >= lo && v->get<double>() <= hi)
      out = static_cast<float>(v->get<double>());
    else
      complain(key, "a number in range");
  }
  void read_optional_bool(const char* key, std::optional<bool>& out) {
    const json* v = find(key);
    if (!v || v->is_null()) return;
    if (v->is_boolean())
      out = v->get<bool>();
    else
      complain(key, "true, false or null");
  }
  void read_bool(const char* key, bool& out) {
    const json* v = find(key);
    if (!v) return;
    if (v->is_boolean())
      out = v->get<bool>();
    else
      complain(key, "true or false");
  }
};

const char* language_id(Language l) { return l == Language::English ? "en" : "zh"; }
const char* theme_id(Theme t) { return t == Theme::Light ? "light" : "dark"; }

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    out += items[i];
  }
  return out;
}

}  // namespace

std::string settings_directory() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg && xdg[0] == '/') return (fs::path(xdg) / "indtrack").string();
  const char* home = std::getenv("HOME");
  if (home && home[0] == '/') return (fs::path(home) / ".config" / "indtrack").string();
  return {};
}

std::string settings_file(const std::string& directory) {
  return (fs::path(directory) / "settings.json").string();
}

std::string imgui_ini_file(const std::string& directory) {
  return (fs::path(directory) / "imgui.ini").string();
}

SettingsLoad parse_settings(const std::string& json_text) {
  SettingsLoad out;
  json root;
  try {
    root = json::parse(json_text);
  } catch (const json::exception& e) {
    // what() is "[json.exception.parse_error.101] parse error at line 1, column 2: ..."
    const char* message = std::strchr(e.what(), ']');
    out.notice = message ? message + 2 : e.what();
    return out;
  }
  if (!root.is_object()) {
    out.notice = "expected a JSON object at the top level";
    return out;
  }

  Settings& s = out.settings;
  std::vector<std::string> problems;
  if (const auto it = root.find("window"); it != root.end()) {
    if (it->is_object()) {
      FieldReader r{*it, problems, "window."};
      r.read_int("width", s.window.width, kMinWindowSize, kMaxWindowSize);
      r.read_int("height", s.window.height, kMinWindowSize, kMaxWindowSize);
      r.read_optional_int("x", s.window.x);
      r.read_optional_int("y", s.window.y);
      r.read_bool("maximized", s.window.maximized);
    } else {
      problems.push_back("window: expected an object");
    }
  }
  if (const auto it = root.find("layout"); it != root.end()) {
    if (it->is_object()) {
      FieldReader r{*it, problems, "layout."};
      r.read_float("detail_width", s.layout.detail_width, kMinPanelSize, kMaxPanelSize);
      r.read_float("notices_height", s.layout.notices_height, kMinPanelSize, kMaxPanelSize);
      r.read_float("chart_height", s.layout.chart_height, kMinPanelSize, kMaxPanelSize);
      r.read_float("filter_width", s.layout.filter_width, kMinPanelSize, kMaxPanelSize);
      r.read_float("data_view_height", s.layout.data_view_height, kMinPanelSize, kMaxPanelSize);
      r.read_int("table_generation", s.layout.table_generation, 0, 1 << 30);
      r.read_optional_bool("kpi_cards_open", s.layout.kpi_cards_open);
    } else {
      problems.push_back("layout: expected an object");
    }
  }
  if (const auto it = root.find("language"); it != root.end()) {
    if (*it == "zh")
      s.language = Language::Chinese;
    else if (*it == "en")
      s.language = Language::English;
    else
      problems.push_back("language: expected \"zh\" or \"en\"");
  }
  if (const auto it = root.find("theme"); it != root.end()) {
    if (*it == "dark")
      s.theme = Theme::Dark;
    else if (*it == "light")
      s.theme = Theme::Light;
    else
      problems.push_back("theme: expected \"dark\" or \"light\"");
  }
  if (const auto it = root.find("filters"); it != root.end()) {
    if (it->is_object())
      s.filters = *it;
    else
      problems.push_back("filters: expected an object");
  }
  if (const auto it = root.find("recent_files"); it != root.end()) {
    if (it->is_array()) {
      for (const json& f : *it)
        if (f.is_string() && !f.get<std::string>().empty() &&
            s.recent_files.size() < Settings::kMaxRecentFiles)
          s.recent_files.push_back(f.get<std::string>());
    } else {
      problems.push_back("recent_files: expected an array of paths");
    }
  }
  static const char* const kKnown[] = {"version", "window",  "layout",      "language",
                                       "theme",   "filters", "recent_files"};
  for (const auto& [key, value] : root.items()) {
    bool known = false;
    for (const char* k : kKnown) known = known || key == k;
    if (!known) s.extra[key] = value;
  }
  if (!problems.empty()) out.notice = "ignored " + join(problems, "; ");
  return out;
}

SettingsLoad load_settings(const std::string& path) {
  if (!file_exists(path) && !is_directory(path)) return {};
  SettingsLoad out;
  const ReadFileResult file = read_whole_file(path, kMaxSettingsBytes);
  if (!file.ok) {
    out.notice = path + ": " + file.error;
    return out;
  }
  out = parse_settings(file.content);
  if (!out.notice.empty()) out.notice = path + ": " + out.notice;
  return out;
}

json settings_to_json(const Settings& s) {
  json root = s.extra;  // unknown keys first; known keys below overwrite any clash
  root["version"] = kSettingsVersion;
  json window = {{"width", s.window.width}, {"height", s.window.height}, {"maximized", s.window.maximized}};
  if (s.window.x) window["x"] = *s.window.x;
  if (s.window.y) window["y"] = *s.window.y;
  root["window"] = window;
  root["layout"] = {
      {"detail_width", s.layout.detail_width},         {"notices_height", s.layout.notices_height},
      {"chart_height", s.layout.chart_height},         {"filter_width", s.layout.filter_width},
      {"data_view_height", s.layout.data_view_height}, {"table_generation", s.layout.table_generation}};
  if (s.layout.kpi_cards_open) root["layout"]["kpi_cards_open"] = *s.layout.kpi_cards_open;
  root["language"] = language_id(s.language);
  root["theme"] = theme_id(s.theme);
  root["filters"] = s.filters.is_object() ? s.filters : json::object();
  root["recent_files"] = s.recent_files;
  return root;
}

std::string save_settings(const Settings& settings, const std::string& path) {
  std::error_code ec;
  const fs::path target(path);
  if (target.has_parent_path()) {
    fs::create_directories(target.parent_path(), ec);
    if (ec) return "cannot create " + target.parent_path().string() + ": " + ec.message();
  }
  const WriteFileResult written = write_file_atomically(path, settings_to_json(settings).dump(2) + "\n");
  return written.ok ? std::string() : written.error;
}

std::string reset_settings(const std::string& directory) {
  std::vector<std::string> failures;
  for (const std::string& file : {settings_file(directory), imgui_ini_file(directory)}) {
    std::error_code ec;
    fs::remove(file, ec);
    if (ec) failures.push_back(file + ": " + ec.message());
  }
  return join(failures, "; ");
}

void remember_recent_file(Settings& settings, const std::string& path) {
  if (path.empty()) return;
  auto& list = settings.recent_files;
  std::erase(list, path);
  list.insert(list.begin(), path);
  if (list.size() > Settings::kMaxRecentFiles) list.resize(Settings::kMaxRecentFiles);
}

std::vector<bool> recent_files_present(const Settings& settings) {
  std::vector<bool> present;
  for (const std::string& path : settings.recent_files) present.push_back(file_exists(path));
  return present;
}

std::size_t forget_missing_recent_files(Settings& settings) {
  return std::erase_if(settings.recent_files, [](const std::string& path) { return !file_exists(path); });
}

}  // namespace indtrack::ui
