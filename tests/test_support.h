// Helpers shared by the test files: paths of test data and whole-file reading.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace indtrack::test {

inline std::string data_path(const std::string& relative) {
  return std::string(INDTRACK_TEST_DATA) + "/" + relative;
}

inline std::string tmp_path(const std::string& name) { return std::string(INDTRACK_TEST_TMP) + "/" + name; }

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

}  // namespace indtrack::test
