// Datasets for the GUI-driven tests: private copies (the window writes a lock and a journal
// beside the file it edits), of the bundled dataset or of a generated one.
#pragma once

#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <string>

#include "synthetic_dataset.h"
#include "test_support.h"

namespace indtrack::test {

// A fresh folder `name` holding a copy of the dataset at `json` and its sources/ folder;
// returns the copy's path.
inline std::string copy_dataset(const std::string& json, const std::string& name) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(tmp_path(name));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path from(json);
  fs::copy_file(from, dir / from.filename());
  if (fs::is_directory(from.parent_path() / "sources"))
    fs::copy(from.parent_path() / "sources", dir / "sources", fs::copy_options::recursive);
  return fs::absolute(dir / from.filename()).lexically_normal().string();
}

inline std::string copy_bundled_dataset(const std::string& name) {
  return copy_dataset(std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json", name);
}

// A copy of the seeded synthetic dataset of `projects` projects (bench/indtrack_gen's), generated
// once into the scratch folder and copied for each test.
inline std::string copy_synthetic_dataset(int projects, const std::string& name) {
  namespace fs = std::filesystem;
  const std::string pristine = tmp_path("synthetic-" + std::to_string(projects) + "/data.json");
  if (!fs::exists(pristine)) {
    fs::create_directories(fs::path(pristine).parent_path());
    bench::SyntheticOptions options;
    options.projects = projects;
    const std::string error =
        bench::write_synthetic_dataset(bench::make_synthetic_dataset(options), pristine);
    INFO(error);
    REQUIRE(error.empty());
  }
  return copy_dataset(pristine, name);
}

}  // namespace indtrack::test
