// Charts onto the clipboard without a desktop: the plotted numbers as tab-separated text that a
// spreadsheet pastes as a table, and which clipboard tool is chosen for a PNG (wl-copy on
// Wayland, xclip on X11, none: the caller says what to install). A stand-in tool on PATH
// receives exactly the bytes given.
#include <catch2/catch_test_macros.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "export/clipboard.h"
#include "test_support.h"

using namespace indtrack;
namespace fs = std::filesystem;

using indtrack::test::ScopedEnv;

namespace {

// A folder holding executable stand-ins for `names` that copy stdin to <folder>/<name>.out and
// their arguments to <folder>/<name>.args.
std::string fake_tools(const std::string& folder, std::initializer_list<const char*> names) {
  const fs::path dir = test::tmp_path(folder);
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* name : names) {
    const fs::path script = dir / name;
    std::ofstream(script) << "#!/bin/sh\necho \"$@\" > \"" << (dir / name).string()
                          << ".args\"\n/bin/cat > \"" << (dir / name).string() << ".out\"\n";
    fs::permissions(script, fs::perms::owner_all);
  }
  return dir.string();
}

}  // namespace

TEST_CASE("chart CSV becomes tab-separated rows a spreadsheet pastes as a table", "[clipboard]") {
  const std::string csv =
      "label,total,completed,approximate,unit\r\n"
      "\"华恒, 一期\",12.5,,no,亿元\r\n"
      "\"说 \"\"约\"\" 10\",3,1,yes,亿元\r\n"
      "\"two\nlines\",1,1,no,亿元\r\n";
  CHECK(tab_separated(csv) ==
        "label\ttotal\tcompleted\tapproximate\tunit\r\n"
        "华恒, 一期\t12.5\t\tno\t亿元\r\n"
        "说 \"约\" 10\t3\t1\tyes\t亿元\r\n"
        "two lines\t1\t1\tno\t亿元\r\n");
  CHECK(tab_separated("a,b") == "a\tb\r\n");  // the last row ends like the others
  CHECK(tab_separated("").empty());
}

TEST_CASE("a PNG goes to wl-copy on Wayland, xclip on X11, and nowhere without either", "[clipboard]") {
  const std::string tools = fake_tools("clipboard-tools", {"xclip", "wl-copy"});
  ScopedEnv path("PATH", tools.c_str());
  {
    ScopedEnv wayland("WAYLAND_DISPLAY", "wayland-0");
    ScopedEnv x11("DISPLAY", ":0");
    const auto command = find_clipboard_command("image/png");
    REQUIRE(command);
    CHECK(command->program == tools + "/wl-copy");
  }
  {
    ScopedEnv wayland("WAYLAND_DISPLAY", nullptr);
    ScopedEnv x11("DISPLAY", ":0");
    const auto command = find_clipboard_command("image/png");
    REQUIRE(command);
    CHECK(command->program == tools + "/xclip");
    // The bytes arrive whole, with the type asked for.
    std::string png("\x89PNG\r\n\x1a\n", 8);
    png += std::string(200000, '\0');  // more than a pipe holds at once
    CHECK(run_clipboard_command(*command, png).empty());
    std::ifstream in(tools + "/xclip.out", std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == png);
    CHECK(test::read_file(tools + "/xclip.args") == "-selection clipboard -t image/png -i\n");
  }
  {
    ScopedEnv wayland("WAYLAND_DISPLAY", nullptr);
    ScopedEnv x11("DISPLAY", nullptr);
    CHECK_FALSE(find_clipboard_command("image/png"));  // no display: nothing to copy to
  }
  {
    ScopedEnv empty_path("PATH", test::tmp_path("no-such-folder").c_str());
    ScopedEnv x11("DISPLAY", ":0");
    CHECK_FALSE(find_clipboard_command("image/png"));  // neither tool installed
  }
}

TEST_CASE("a clipboard tool that fails is reported by name", "[clipboard]") {
  const fs::path dir = test::tmp_path("clipboard-failing");
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "xclip") << "#!/bin/sh\nexit 3\n";
  fs::permissions(dir / "xclip", fs::perms::owner_all);
  const ClipboardCommand command{(dir / "xclip").string(), {}};
  CHECK(run_clipboard_command(command, std::string(100000, 'x')) == "xclip exited with 3");
  CHECK(run_clipboard_command({(dir / "missing").string(), {}}, "x").starts_with("cannot run missing"));
}
