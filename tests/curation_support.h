// Shared by the curation tests: a private copy of the example dataset (with its article) in the
// scratch folder, and a look into the notices.
#pragma once

#include <filesystem>
#include <string>

#include "app_model/app_state.h"
#include "test_support.h"

namespace indtrack::test {

// A fresh folder `name` holding example.json and sources/; returns the dataset's path.
inline std::string copy_example_dataset(const std::string& name) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(tmp_path(name));
  fs::remove_all(dir);
  fs::create_directories(dir / "sources");
  fs::copy_file(data_path("example/example.json"), dir / "example.json");
  fs::copy_file(data_path("example/sources/example-2024-03-15.txt"), dir / "sources/example-2024-03-15.txt");
  return fs::absolute(dir / "example.json").lexically_normal().string();
}

// The newest notice with format `format`, or nullptr.
inline const ui::Notice* find_notice(const ui::AppState& app, ui::Str format) {
  for (auto it = app.notices.rbegin(); it != app.notices.rend(); ++it)
    if (it->format == format) return &*it;
  return nullptr;
}

}  // namespace indtrack::test
