// What the Debian package and the desktop rely on: an installed copy finds its own data, the
// desktop entry's `indtrack FILE` is accepted, and every dataset indtrack writes is recognised by
// the MIME type's content rule (packaging/indtrack-mime.xml, docs/packaging.md).
#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <filesystem>

#include "cli_support.h"

namespace fs = std::filesystem;
using indtrack::test::data_path;
using indtrack::test::read_file;
using indtrack::test::run_indtrack;
using indtrack::test::run_program;
using indtrack::test::tmp_path;

TEST_CASE("an installed copy reads <prefix>/share/indtrack beside its bin/, not the source tree", "[cli]") {
  // The layout of the .deb under a throw-away prefix, with the example dataset in the bundled
  // dataset's place: `list` without --data must show the example's projects, not Wuhai's.
  const fs::path prefix = tmp_path("installed-prefix");
  fs::remove_all(prefix);
  fs::create_directories(prefix / "bin");
  fs::create_directories(prefix / "share/indtrack/data");
  fs::copy_file(INDTRACK_EXE, prefix / "bin/indtrack");
  fs::copy_file(data_path("example/example.json"), prefix / "share/indtrack/data/wuhai.json");
  fs::copy(data_path("example/sources"), prefix / "share/indtrack/data/sources");  // its article

  const auto r = run_program((prefix / "bin/indtrack").string(), {"list", "--format", "csv"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("example-bdo,年产10万吨/年BDO项目") != std::string::npos);
  CHECK(r.out.find("example-pbat") != std::string::npos);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 3);  // heading + the example's 2 projects
  fs::remove_all(prefix);
}

TEST_CASE("the dashboard takes its dataset as `indtrack FILE`, the desktop entry's Exec", "[cli]") {
  // No display here: a file accepted on the command line gets as far as opening the window.
  const std::string no_display = "env -u DISPLAY -u WAYLAND_DISPLAY XDG_CONFIG_HOME=" + tmp_path("no-config");
  const auto file = run_indtrack({data_path("example/example.json")}, no_display);
  CHECK(file.exit_code == 1);
  CHECK(file.err.find("cannot open a window") != std::string::npos);
  CHECK(file.err.find("usage:") == std::string::npos);

  const auto two = run_indtrack({"a.json", "--data", "b.json"}, no_display);
  CHECK(two.exit_code == 2);
  CHECK(two.err.find("one dataset at a time: \"a.json\" and \"b.json\"") != std::string::npos);
  CHECK(run_indtrack({"--frobnicate"}, no_display).exit_code == 2);

  const auto help = run_indtrack({"--help"});
  CHECK(help.out.find("indtrack [FILE | --data FILE]") != std::string::npos);
}

TEST_CASE("every dataset indtrack saves has \"schema_version\" in its first 64 bytes (the MIME magic)",
          "[cli]") {
  const std::string mime = read_file("packaging/indtrack-mime.xml");
  REQUIRE(mime.find("value=\"&quot;schema_version&quot;\" offset=\"0:64\"") != std::string::npos);
  REQUIRE(mime.find("<glob pattern=\"*.indtrack.json\"") != std::string::npos);
  CHECK(read_file("packaging/indtrack.desktop").find("\nMimeType=application/x-indtrack-dataset;\n") !=
        std::string::npos);

  // The canonical form `format` (and every save) writes, from a file that starts elsewhere.
  const fs::path folder = tmp_path("magic");
  fs::remove_all(folder);
  fs::create_directories(folder);
  fs::copy(data_path("example/sources"), folder / "sources");  // the article it quotes
  const std::string copy = (folder / "magic.indtrack.json").string();
  std::string text = read_file(data_path("example/example.json"));
  const auto at = text.find("\"schema_version\": 1,");
  REQUIRE(at != std::string::npos);
  text.erase(at, std::string("\"schema_version\": 1,").size());
  text.insert(text.rfind('}'), ",\n\"schema_version\": 1\n");
  indtrack::test::write_file(copy, text);
  REQUIRE(read_file(copy).substr(0, 64).find("\"schema_version\"") == std::string::npos);
  REQUIRE(run_indtrack({"format", copy}).exit_code == 0);
  CHECK(read_file(copy).substr(0, 64).find("\"schema_version\"") != std::string::npos);
  CHECK(read_file("data/wuhai.json").substr(0, 64).find("\"schema_version\"") != std::string::npos);
  fs::remove_all(folder);
}
