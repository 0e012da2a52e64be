// The curation views rendered offscreen (EGL, no X server): the import window with every
// candidate highlighted in its kind's colour, Chinese complete (no missing glyph), a tooltip when
// the mouse is over a highlight; the project editor; and `indtrack screenshot --view`.
// The images are written to the scratch folder (import-view.png ...) to be looked at.
#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "core/text.h"
#include "curation_support.h"
#include "edit/dataset_edits.h"
#include "ui/host/offscreen.h"
#include "ui/host/theme.h"
#include "ui/session.h"
#include "ui/ui.h"

using namespace indtrack;
using namespace indtrack::ui;

namespace {

const std::string kExample = test::data_path("example/example.json");
const std::string kArticle = test::data_path("curate/new-article.txt");

struct Shot {
  OffscreenImage image;
  std::vector<char32_t> missing;
  Palette palette;
  int hovered = -1;
  std::size_t candidates = 0;
};

Shot render(const std::string& view, Language language,
            const std::function<void(Session&, const OffscreenFrame&)>& each_frame = {},
            const std::string& article = kArticle, const std::function<void(Session&)>& after = {}) {
  std::string error;
  const auto gl = OffscreenGlContext::create(error);
  INFO(error);
  REQUIRE(gl);
  Settings settings;
  settings.language = language;
  Session session(settings);
  REQUIRE(session.open_initial_dataset(kExample));
  session.app.refresh();
  const std::string failure = show_curation_view(
      session.curation, view, {article, "2024-09-02", "示例日报", "示例项目进展"}, session.app.language());
  INFO(failure);
  REQUIRE(failure.empty());
  OffscreenSpec spec;
  spec.width = 1280;
  spec.height = 800;
  spec.settle_frames = 6;
  const auto image = render_imgui_offscreen(
      spec, session.fonts,
      [&](const OffscreenFrame& f) {
        session.dashboard.draw(1.0f, f.fonts);
        if (each_frame) each_frame(session, f);
      },
      error);
  INFO(error);
  REQUIRE(image);
  Shot shot{*image, session.fonts.last_build().missing, palette(), session.curation.import_hovered,
            session.curation.import.candidates().size()};
  if (after) after(session);  // while the session is alive
  return shot;
}

// Pixels in the region [x0,x1)×[y0,y1) (fractions) within `tolerance` of `color` blended over
// `background` at `alpha`.
long pixels_like(const OffscreenImage& img, ImVec4 color, ImVec4 background, float alpha, int tolerance) {
  const int expect[3] = {static_cast<int>((background.x * (1 - alpha) + color.x * alpha) * 255 + 0.5f),
                         static_cast<int>((background.y * (1 - alpha) + color.y * alpha) * 255 + 0.5f),
                         static_cast<int>((background.z * (1 - alpha) + color.z * alpha) * 255 + 0.5f)};
  long n = 0;
  for (int y = img.height / 5; y < img.height * 9 / 10; ++y)
    for (int x = img.width / 20; x < img.width / 2; ++x) {
      const unsigned char* p = &img.rgba[(static_cast<std::size_t>(y) * img.width + x) * 4];
      n += std::abs(p[0] - expect[0]) <= tolerance && std::abs(p[1] - expect[1]) <= tolerance &&
           std::abs(p[2] - expect[2]) <= tolerance;
    }
  return n;
}

ImVec4 pixel(const OffscreenImage& img, double fx, double fy) {
  const unsigned char* p = &img.rgba[(static_cast<std::size_t>(fy * img.height) * img.width +
                                      static_cast<std::size_t>(fx * img.width)) *
                                     4];
  return ImVec4(p[0] / 255.0f, p[1] / 255.0f, p[2] / 255.0f, 1);
}

std::string missing_text(const std::vector<char32_t>& missing) {
  std::string s;
  for (char32_t c : missing) append_utf8(s, c);
  return s;
}

}  // namespace

TEST_CASE("the import view shows the article with every candidate highlighted by kind",
          "[screenshot][curation]") {
  const Shot shot = render("import", Language::Chinese);
  REQUIRE(write_png(test::tmp_path("import-view.png"), shot.image).empty());
  INFO("characters without a glyph: " << missing_text(shot.missing));
  CHECK(shot.missing.empty());
  CHECK(shot.candidates == 5);
  // The text pane's background, below the short article.
  const ImVec4 background = pixel(shot.image, 0.30, 0.85);
  // Capacity (accent), investment (warning) and dates (actual) each have highlighted glyph cells:
  // the first candidate (selected) at 0.55, the others at 0.30.
  const long capacity = pixels_like(shot.image, shot.palette.accent, background, 0.30f, 6);
  const long investment = pixels_like(shot.image, shot.palette.warning, background, 0.30f, 6);
  const long dates = pixels_like(shot.image, shot.palette.actual, background, 0.30f, 6) +
                     pixels_like(shot.image, shot.palette.actual, background, 0.55f, 6);
  INFO("capacity " << capacity << ", investment " << investment << ", dates " << dates);
  CHECK(capacity > 300);
  CHECK(investment > 300);
  CHECK(dates > 600);
}

TEST_CASE("hovering a highlight shows what was read", "[screenshot][curation]") {
  const Shot shot = render("import", Language::English, [](Session& s, const OffscreenFrame& f) {
    // From the second frame on, the mouse rests on the middle of the first highlight.
    const Curation& cur = s.curation;
    const auto& layout = cur.import_layout;
    if (f.index < 1 || cur.import.highlights().empty()) return;
    const ImportHighlight& h = cur.import.highlights().front();
    for (const LaidLine& line : layout.layout.lines)
      for (std::size_t g = line.first; g < line.end; ++g)
        if (layout.layout.glyphs[g].byte >= h.start && layout.layout.glyphs[g].byte < h.end) {
          ImGui::GetIO().MousePos =
              ImVec2(layout.origin_x + layout.layout.glyphs[g].x + 3, layout.origin_y + line.y + 6);
          return;
        }
  });
  REQUIRE(write_png(test::tmp_path("import-hover.png"), shot.image).empty());
  CHECK(shot.hovered == 0);
  CHECK(shot.missing.empty());
}

TEST_CASE("the project editor renders with its fields", "[screenshot][curation]") {
  const Shot shot = render("edit", Language::Chinese);
  REQUIRE(write_png(test::tmp_path("project-editor.png"), shot.image).empty());
  INFO("characters without a glyph: " << missing_text(shot.missing));
  CHECK(shot.missing.empty());
}

TEST_CASE("indtrack screenshot --view import and its errors", "[screenshot][curation]") {
  const std::string out = test::tmp_path("cli-import.png");
  std::filesystem::remove(out);
  CHECK(run_screenshot({"--out", out, "--data", kExample, "--view", "nonsense"}) == 2);
  CHECK(run_screenshot({"--out", out, "--data", kExample, "--view", "import", "--import-file",
                        test::tmp_path("no-such.txt")}) == 1);
  CHECK(run_screenshot({"--out", out, "--data", kExample, "--view", "import", "--import-file", kArticle,
                        "--article-date", "2024-02-30"}) == 1);
  CHECK_FALSE(std::filesystem::exists(out));
  REQUIRE(run_screenshot({"--out", out, "--data", kExample, "--view", "import", "--import-file", kArticle,
                          "--article-date", "2024-09-02", "--width", "1024", "--height", "700"}) == 0);
  CHECK(std::filesystem::file_size(out) > 10000);
  // Nothing written beside the dataset: no lock, no journal, no stored article.
  const auto dir = std::filesystem::path(kExample).parent_path();
  CHECK_FALSE(std::filesystem::exists(dir / "example.json.lock"));
  CHECK_FALSE(std::filesystem::exists(dir / "sources/article-2024-09-02.txt"));
}

TEST_CASE("the recovery and unsaved-changes questions are drawn as dialogs", "[screenshot][curation]") {
  const std::string path = test::copy_example_dataset("shot-questions");
  {  // a session that ends without saving leaves its journal
    AppState app;
    EditSession editing(app);
    editing.set_options({.lock_file = true, .journal = true});
    REQUIRE(editing.open(path));
    REQUIRE(editing.apply(set_field("修改名称", project_pointer(0), "name", "未保存的名称")).ok);
  }
  std::string error;
  const auto gl = OffscreenGlContext::create(error);
  REQUIRE(gl);
  Session session(Settings{});
  session.curation.session.set_options({.lock_file = true, .journal = true});
  REQUIRE(session.open_initial_dataset(path));
  REQUIRE(session.curation.session.question() == EditSession::Question::RecoverJournal);
  OffscreenSpec spec;
  spec.width = 1280;
  spec.height = 800;
  auto draw = [&](const OffscreenFrame& f) { session.dashboard.draw(1.0f, f.fonts); };
  const auto recover = render_imgui_offscreen(spec, session.fonts, draw, error);
  REQUIRE(recover);
  REQUIRE(write_png(test::tmp_path("question-recover.png"), *recover).empty());
  CHECK(session.fonts.last_build().missing.empty());

  REQUIRE(session.curation.session.recover() == 1);
  CHECK_FALSE(session.curation.session.request_quit());
  const auto unsaved = render_imgui_offscreen(spec, session.fonts, draw, error);
  REQUIRE(unsaved);
  REQUIRE(write_png(test::tmp_path("question-unsaved.png"), *unsaved).empty());
  CHECK(session.fonts.last_build().missing.empty());
  CHECK(session.curation.session.question() ==
        EditSession::Question::UnsavedChanges);  // drawing does not answer
}

TEST_CASE("a traditional-script article is shown converted, with the original a click away",
          "[screenshot][curation]") {
  const std::string article = test::tmp_path("traditional-article.txt");
  test::write_file(article,
                   "示例新材料公司年產10萬噸鋰電池負極材料項目總投資約25億元，已於2022年3月開工建設。\n\n"
                   "項目二期將於明年建成投產。\n");
  for (const bool show_original : {false, true}) {
    INFO((show_original ? "original" : "converted"));
    const Shot shot = render(
        "import", Language::Chinese,
        [&](Session& s, const OffscreenFrame&) { s.curation.import_show_original = show_original; }, article,
        [&](Session& s) {
          const ImportModel& model = s.curation.import;
          REQUIRE(model.converted());
          CHECK(model.converted_text().find("年产10万吨锂电池负极材料项目总投资约25亿元") !=
                std::string::npos);
          CHECK(s.curation.import_layout.original == show_original);  // what the pane was laid out from
          // The same highlights on both texts: the converted spans are the simplified form of the originals.
          REQUIRE(model.converted_highlights().size() == model.highlights().size());
          REQUIRE(model.highlights().size() >= 3);
          const ImportHighlight& h = model.converted_highlights().front();
          const ImportHighlight& o = model.highlights().front();
          CHECK(model.converted_text().substr(h.start, h.end - h.start).starts_with("10万吨"));
          CHECK(model.text().substr(o.start, o.end - o.start).starts_with("10萬噸"));
        });
    REQUIRE(
        write_png(test::tmp_path(show_original ? "import-original.png" : "import-converted.png"), shot.image)
            .empty());
    CHECK(shot.missing.empty());
  }
}

TEST_CASE("a number-dense 1 MB article is imported and drawn in seconds", "[screenshot][curation][slow]") {
  // Tens of thousands of candidates: the highlights are laid out in one pass and only the cards in
  // view are drawn (the window used to stay busy for minutes).
  const std::string article = test::tmp_path("number-dense-1mb.txt");
  std::string text;
  for (int i = 0; text.size() < (1u << 20); ++i)
    text += "示例" + std::to_string(i) + "号项目年产" + std::to_string(i + 1) + "万吨BDO，总投资" +
            std::to_string(i + 2) + "亿元，于" + std::to_string(1990 + i % 60) + "年" +
            std::to_string(i % 12 + 1) + "月开工建设。\n";  // every figure its own: repeats would merge
  test::write_file(article, text);
  const auto start = std::chrono::steady_clock::now();
  const Shot shot = render("import", Language::Chinese, {}, article);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  INFO("import and 6 frames took " << seconds << " s for " << shot.candidates << " candidates");
  CHECK(shot.candidates > 10000);
  CHECK(seconds < 30.0);
  REQUIRE(write_png(test::tmp_path("import-number-dense.png"), shot.image).empty());
}
