// Curation through the UI logic, without a GPU: importing an article (extract → correct →
// accept → save → reload), undo and redo as the panels see them, validation as you type, the
// unsaved-changes questions, save failures (the disk "fills up" through the write hook), and
// Save as with the article texts.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "app_model/curation.h"
#include "app_model/edit_session.h"
#include "app_model/field_drafts.h"
#include "app_model/import_model.h"
#include "app_model/wrapped_text.h"
#include "curation_support.h"
#include "edit/edit_journal.h"
#include "io/dataset_io.h"
#include "io/file_io.h"

using namespace indtrack;
using namespace indtrack::ui;
using Catch::Matchers::ContainsSubstring;
namespace fs = std::filesystem;

namespace {

const std::string kArticle = test::data_path("curate/new-article.txt");

struct Editing {
  AppState app;
  EditSession session{app};
  explicit Editing(const std::string& path, bool file_safety = true) {
    app.set_language(Language::Chinese);
    session.set_options({.lock_file = file_safety, .journal = file_safety});
    REQUIRE(session.open(path));
    app.refresh();
  }
};

// The first candidate of `kind` whose draft satisfies `pred`.
template <class Pred>
std::size_t find_candidate(const ImportModel& model, FactKind kind, Pred&& pred) {
  for (std::size_t i = 0; i < model.candidates().size(); ++i)
    if (model.candidates()[i].fact.kind == kind && pred(model.candidates()[i])) return i;
  FAIL("no such candidate");
  return 0;
}

ImportModel imported(const Dataset& data) {
  ImportModel model;
  model.file_path = kArticle;
  REQUIRE(model.load_file(Language::Chinese));
  model.publisher = "示例日报";
  model.title = "示例项目进展";
  model.article_date = "2024-09-02";
  REQUIRE(model.extract(data, Language::Chinese));
  return model;
}

}  // namespace

TEST_CASE("import an article, accept facts, save, and find them after a reload", "[curation][import]") {
  const std::string path = test::copy_example_dataset("curate-import");
  const std::string before_bytes = test::read_file(path);
  {
    Editing e(path);
    const std::uint64_t revision = e.app.revision();
    ImportModel model = imported(*e.app.dataset);
    CHECK(model.source().id == "article-2024-09-02");
    CHECK(model.source().file == "sources/article-2024-09-02.txt");
    CHECK(model.candidates().size() == 5);
    // Every candidate is highlighted at its number or date, inside its quote's sentence.
    REQUIRE(model.highlights().size() == model.candidates().size());
    for (const ImportHighlight& h : model.highlights()) {
      const ImportCandidate& c = model.candidates()[static_cast<std::size_t>(h.candidate)];
      CHECK(h.start >= c.fact.start);
      CHECK(h.end <= c.fact.end);
      CHECK(h.kind == c.fact.kind);
    }

    // The capacity: proposed into 示例新材料's project (its company's only project making BDO), as
    // a new line; the curator names it 3号线 and accepts.
    const std::size_t cap = find_candidate(model, FactKind::Capacity,
                                           [](const ImportCandidate& c) { return c.fact.value == 104000; });
    ImportCandidate& capacity = model.candidates()[cap];
    const int bdo = e.app.dataset->find_project("example-bdo");
    CHECK(capacity.target.project == bdo);
    CHECK(capacity.target.unit == -1);
    CHECK(capacity.target.product == e.app.dataset->find_product("BDO"));
    CHECK(capacity.value_text == "10.4");
    CHECK(capacity.draft.unit == "万吨/年");
    capacity.target.new_unit_name = "BDO 3号线";
    model.changed(cap);
    model.check(cap, e.session, Language::Chinese);
    CHECK(capacity.errors.empty());
    REQUIRE(model.accept(cap, e.session, Language::Chinese));
    CHECK(capacity.state == ImportCandidate::State::Accepted);
    CHECK(e.session.dirty());
    CHECK(e.app.revision() > revision);  // the table, KPIs and charts refresh
    e.app.refresh();
    CHECK(e.app.rows()[static_cast<std::size_t>(bdo)].capacity_text == "BDO 20.4万吨/年");
    CHECK(fs::exists(fs::path(path).parent_path() / "sources/article-2024-09-02.txt"));

    // The construction start goes on that line.
    const std::size_t start = find_candidate(model, FactKind::Date, [](const ImportCandidate& c) {
      return c.fact.date_kind == MilestoneKind::ConstructionStart;
    });
    model.candidates()[start].target.unit = 2;
    model.changed(start);
    REQUIRE(model.accept(start, e.session, Language::Chinese));

    // The expected commissioning, corrected by hand to a day (the curator read another report).
    const std::size_t planned = find_candidate(model, FactKind::Date, [](const ImportCandidate& c) {
      return c.fact.date_kind == MilestoneKind::Commissioning && c.fact.expected;
    });
    model.candidates()[planned].draft.date = "2025-02-30";
    model.candidates()[planned].target.unit = 2;
    model.changed(planned);
    model.check(planned, e.session, Language::Chinese);
    REQUIRE_FALSE(model.candidates()[planned].errors.empty());  // as you type: the loader's message
    CHECK_THAT(model.candidates()[planned].errors.front(), ContainsSubstring("February 2025 has 28 days"));
    CHECK_FALSE(model.accept(planned, e.session, Language::Chinese));
    model.candidates()[planned].draft.date = "2025-06";
    model.changed(planned);
    REQUIRE(model.accept(planned, e.session, Language::Chinese));

    // PBAT's commissioning "今年7月": into a new project for 示例能源.
    const std::size_t pbat = find_candidate(model, FactKind::Date, [](const ImportCandidate& c) {
      return c.fact.date_kind == MilestoneKind::Commissioning && !c.fact.expected;
    });
    ImportCandidate& july = model.candidates()[pbat];
    CHECK(july.draft.date == "2024-07");
    CHECK(july.draft.basis == Basis::Inferred);  // the year came from the article date
    july.target.project = -1;
    july.target.new_project_name = "示例能源年产6万吨PBAT项目";
    july.target.company = e.app.dataset->find_company("example-energy");
    model.changed(pbat);
    REQUIRE(model.accept(pbat, e.session, Language::Chinese));
    CHECK(e.app.selected_project ==
          static_cast<int>(e.app.dataset->projects.size()) - 1);  // the new project is shown

    // The investment is rejected.
    const std::size_t money =
        find_candidate(model, FactKind::Investment, [](const ImportCandidate&) { return true; });
    model.reject(money);
    CHECK(model.count(ImportCandidate::State::Accepted) == 4);
    CHECK(model.count(ImportCandidate::State::Rejected) == 1);

    // Four edits journaled beside the dataset, then saved: the journal goes, a backup stays.
    CHECK(read_journal(path + ".journal").entries.size() == 4);
    REQUIRE(e.session.save());
    CHECK_FALSE(e.session.dirty());
    CHECK_FALSE(fs::exists(path + ".journal"));
    CHECK(test::read_file(path + ".bak") == before_bytes);
    CHECK(test::read_file(path) == serialize_dataset(*e.app.dataset));
    REQUIRE(test::find_notice(e.app, Str::NoticeSavedFmt));
  }
  CHECK_FALSE(fs::exists(path + ".lock"));  // released with the session

  // A new session reads everything back; nothing to recover.
  Editing again(path);
  CHECK(again.session.question() == EditSession::Question::None);
  const Dataset& d = *again.app.dataset;
  const int src = d.find_source("article-2024-09-02");
  REQUIRE(src >= 0);
  CHECK(d.sources[src].publisher == "示例日报");
  CHECK(d.sources[src].date.to_string() == "2024-09-02");
  CHECK(d.sources[src].text == test::read_file(kArticle));
  const Unit& line = d.projects[d.find_project("example-bdo")].units.at(2);
  CHECK(line.name == "BDO 3号线");
  CHECK(line.capacity.at(0).amount.canonical == 104000);
  REQUIRE(line.milestones.size() == 2);
  CHECK(line.milestones[0].kind == MilestoneKind::ConstructionStart);
  CHECK(line.milestones[1].date.to_string() == "2025-06");
  CHECK(line.milestones[1].expected);
  const Project& pbat_project = d.projects.back();
  CHECK(pbat_project.name == "示例能源年产6万吨PBAT项目");
  CHECK(pbat_project.company == d.find_company("example-energy"));
  REQUIRE(pbat_project.milestones.size() == 1);
  CHECK(pbat_project.milestones[0].evidence.basis == Basis::Inferred);
  CHECK_THAT(pbat_project.milestones[0].evidence.note, ContainsSubstring("2024-09-02"));
  // Saving again writes the same bytes: the output is canonical.
  const std::string saved = test::read_file(path);
  CHECK(serialize_dataset(d) == saved);
}

TEST_CASE("undo and redo move the panels and the import view back and forth", "[curation][undo]") {
  const std::string path = test::copy_example_dataset("curate-undo");
  Editing e(path);
  ImportModel model = imported(*e.app.dataset);
  const std::size_t cap = find_candidate(model, FactKind::Capacity,
                                         [](const ImportCandidate& c) { return c.fact.value == 104000; });
  REQUIRE(model.accept(cap, e.session, Language::Chinese));
  const std::size_t units_after = e.app.dataset->projects[0].units.size();
  CHECK(units_after == 3);
  CHECK(e.session.undo_label() == "accept capacity fact");

  REQUIRE(e.session.undo());
  CHECK(e.app.dataset->projects[0].units.size() == 2);
  CHECK(e.app.dataset->find_source("article-2024-09-02") < 0);  // the source goes with its only fact
  CHECK_FALSE(e.session.dirty());
  CHECK_FALSE(fs::exists(path + ".journal"));  // back at the saved state: nothing to recover
  model.sync(e.session);
  CHECK(model.candidates()[cap].state == ImportCandidate::State::Pending);

  REQUIRE(e.session.redo());
  CHECK(e.app.dataset->projects[0].units.size() == 3);
  model.sync(e.session);
  CHECK(model.candidates()[cap].state == ImportCandidate::State::Accepted);
  CHECK(e.session.dirty());
  CHECK(read_journal(path + ".journal").entries.size() == 1);

  // A field edit, undone: the name in the table comes back.
  // The search runs over the index derived per dataset version: an edit makes a new one.
  FilterSpec by_new_name;
  by_new_name.search = "改名后";
  e.app.set_filter(by_new_name);
  e.app.refresh();
  CHECK(e.app.visible().empty());
  REQUIRE(e.session.apply(set_field("修改名称", project_pointer(0), "name", "改名后的项目")).ok);
  e.app.refresh();
  CHECK(e.app.rows()[0].name == "改名后的项目");
  CHECK(e.app.visible() == std::vector<int>{0});
  REQUIRE(e.session.undo());
  e.app.refresh();
  CHECK(e.app.rows()[0].name == "年产10万吨/年BDO项目");
  CHECK(e.app.visible().empty());
  e.app.set_filter({});
  REQUIRE(e.session.undo());  // the accepted fact
  CHECK_FALSE(e.session.can_undo());
  CHECK_FALSE(e.session.undo());
}

TEST_CASE("fields are validated as they are typed and applied only when valid", "[curation][drafts]") {
  const std::string path = test::copy_example_dataset("curate-drafts");
  Editing e(path, false);
  FieldDrafts drafts;
  const std::string record = milestone_pointer(0, 0, 0);  // BDO 1号线's commissioning, 2023-11-20
  const std::string key = record + "/date";
  auto edit = [&](const std::string& text) { return set_field("修改日期", record, "date", text); };

  drafts.update(key, "2023-11-3", e.session, edit("2023-11-3"));
  REQUIRE(drafts.find(key));
  REQUIRE_FALSE(drafts.find(key)->errors.empty());
  CHECK_THAT(drafts.find(key)->errors.front(), ContainsSubstring("projects[0].units[0].milestones[0].date"));
  CHECK_FALSE(drafts.commit(key, e.session, edit("2023-11-3")));
  CHECK(e.app.dataset->projects[0].units[0].milestones[0].date.to_string() == "2023-11-20");  // unchanged
  CHECK_FALSE(e.session.dirty());

  drafts.update(key, "2023-11-30", e.session, edit("2023-11-30"));
  CHECK(drafts.find(key)->errors.empty());
  REQUIRE(drafts.commit(key, e.session, edit("2023-11-30")));
  CHECK(drafts.find(key) == nullptr);
  CHECK(e.app.dataset->projects[0].units[0].milestones[0].date.to_string() == "2023-11-30");

  // A quote must be the article's words.
  const std::string quote_key = record + "/quote";
  drafts.update(quote_key, "1号线已顺利投产了", e.session,
                set_field("修改引语", record, "quote", "1号线已顺利投产了"));
  REQUIRE_FALSE(drafts.find(quote_key)->errors.empty());
  CHECK_THAT(drafts.find(quote_key)->errors.front(),
             ContainsSubstring("quote not found in the text of source"));
  // Another edit (or undo) drops drafts made against the older state.
  REQUIRE(e.session.undo());
  drafts.sync(e.session);
  CHECK(drafts.empty());
}

TEST_CASE("unsaved changes: asked before opening, reloading or quitting", "[curation][unsaved]") {
  const std::string path = test::copy_example_dataset("curate-unsaved");
  const std::string other = test::copy_example_dataset("curate-unsaved-other");
  Editing e(path);
  const std::string original = test::read_file(path);
  REQUIRE(e.session.apply(set_field("修改名称", project_pointer(0), "name", "甲")).ok);

  // Cancel: nothing happens.
  CHECK_FALSE(e.session.request_open(other));
  CHECK(e.session.question() == EditSession::Question::UnsavedChanges);
  CHECK(e.session.pending() == EditSession::Pending::Open);
  e.session.answer_unsaved(EditSession::Answer::Cancel);
  CHECK(e.session.question() == EditSession::Question::None);
  CHECK(e.session.path() == path);
  CHECK(e.app.dataset->projects[0].name == "甲");

  // Don't save: the other file opens; the edits are set aside, not replayed on the next open.
  CHECK_FALSE(e.session.request_open(other));
  e.session.answer_unsaved(EditSession::Answer::Discard);
  CHECK(e.session.path() == other);
  CHECK(test::read_file(path) == original);
  CHECK_FALSE(fs::exists(path + ".journal"));
  CHECK(fs::exists(path + ".journal.discarded"));
  CHECK_FALSE(fs::exists(path + ".lock"));  // the first file's lock was released
  CHECK(fs::exists(other + ".lock"));

  // Save: written, then the window may close.
  REQUIRE(e.session.apply(set_field("修改名称", project_pointer(0), "name", "乙")).ok);
  CHECK_FALSE(e.session.request_quit());
  CHECK_FALSE(e.session.quit_approved());
  e.session.answer_unsaved(EditSession::Answer::Save);
  CHECK(e.session.quit_approved());
  LoadResult saved = load_dataset(other);
  REQUIRE(saved.dataset);
  CHECK(saved.dataset->projects[0].name == "乙");

  // Reload without changes happens at once.
  CHECK(e.session.request_reload());
  CHECK(e.session.question() == EditSession::Question::None);
}

TEST_CASE("a save that fails leaves the file, the edits and the journal as they were", "[curation][save]") {
  const std::string path = test::copy_example_dataset("curate-save-fails");
  const std::string original = test::read_file(path);
  Editing e(path);
  REQUIRE(e.session.apply(set_field("修改名称", project_pointer(0), "name", "保存失败测试")).ok);

  // The disk fills up in the middle of the write.
  std::size_t written = 0;
  set_write_fault_hook([&](std::size_t bytes) {
    written += bytes;
    return false;
  });
  const bool saved = e.session.save();
  set_write_fault_hook(nullptr);
  CHECK_FALSE(saved);
  CHECK(written > 0);
  CHECK(test::read_file(path) == original);  // byte for byte
  const Notice* notice = test::find_notice(e.app, Str::NoticeSaveFailedFmt);
  REQUIRE(notice);
  CHECK(notice->level == Notice::Level::Error);
  CHECK_THAT(notice->text(Language::English), ContainsSubstring("No space left on device") &&
                                                  ContainsSubstring("the file on disk is unchanged"));
  CHECK(e.session.dirty());
  CHECK(read_journal(path + ".journal").entries.size() == 1);  // still recoverable
  for (const auto& entry : fs::directory_iterator(fs::path(path).parent_path()))
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);  // no half-written leftovers

  // Disk space again: the save goes through.
  REQUIRE(e.session.save());
  CHECK_FALSE(e.session.dirty());
  LoadResult reloaded = load_dataset(path);
  REQUIRE(reloaded.dataset);
  CHECK(reloaded.dataset->projects[0].name == "保存失败测试");
}

TEST_CASE("Save as writes the dataset and its article texts elsewhere and edits that file",
          "[curation][save]") {
  const std::string path = test::copy_example_dataset("curate-save-as");
  const fs::path target_dir = fs::path(test::tmp_path("curate-save-as-copy"));
  fs::remove_all(target_dir);
  fs::create_directories(target_dir);
  const std::string target = (target_dir / "copy.json").string();
  Editing e(path);
  REQUIRE(e.session.apply(set_field("修改名称", project_pointer(0), "name", "副本")).ok);
  REQUIRE(e.session.save_as(target));
  CHECK(e.session.path() == target);
  CHECK_FALSE(e.session.dirty());
  CHECK(fs::exists(target_dir / "sources/example-2024-03-15.txt"));
  CHECK(fs::exists(target + ".lock"));
  CHECK_FALSE(fs::exists(path + ".lock"));
  CHECK_FALSE(fs::exists(path + ".journal"));
  LoadResult copy = load_dataset(target);  // quotes check against the copied article
  REQUIRE(copy.dataset);
  CHECK(copy.dataset->projects[0].name == "副本");
  LoadResult untouched = load_dataset(path);
  REQUIRE(untouched.dataset);
  CHECK(untouched.dataset->projects[0].name == "年产10万吨/年BDO项目");
  CHECK(e.app.settings.recent_files.front() == target);
}

TEST_CASE("an article that is not UTF-8, and a date that is not a date, are refused with a reason",
          "[curation][import]") {
  const std::string path = test::copy_example_dataset("curate-bad-article");
  Editing e(path, false);
  const std::string gbk = test::tmp_path("curate-gbk.txt");
  test::write_file(gbk, "\xD2\xD2\xCB\xC4\n");  // 乙丁 in GBK
  ImportModel model;
  model.file_path = gbk;
  CHECK_FALSE(model.load_file(Language::Chinese));
  CHECK_THAT(model.message(), ContainsSubstring("不是 UTF-8") && ContainsSubstring("第 1 行"));
  model.file_path = test::tmp_path("no-such-article.txt");
  CHECK_FALSE(model.load_file(Language::Chinese));
  CHECK_THAT(model.message(), ContainsSubstring("无法读取"));

  REQUIRE(model.set_text("预计4月投产。"));
  model.article_date = "2024-13";
  CHECK_FALSE(model.extract(*e.app.dataset, Language::Chinese));
  CHECK_THAT(model.message(), ContainsSubstring("发布日期无法识别"));
  model.article_date.clear();
  REQUIRE(model.extract(*e.app.dataset, Language::Chinese));
  CHECK_FALSE(model.has_article_date());
}

TEST_CASE("the article layout keeps byte offsets for highlights and the mouse", "[curation][layout]") {
  // Every glyph 10 px wide: a 5-glyph line is 50 px.
  auto advance = [](char32_t) { return 10.0f; };
  const std::string text = "产能达到\n10.4万吨/年。\n\n第二段";
  const TextLayout layout = layout_text(text, 60, 20, 8, advance);
  // The column break inside the first paragraph is joined; the blank line starts a paragraph.
  REQUIRE(layout.lines.size() == 4);
  CHECK(layout.lines[0].end - layout.lines[0].first == 4);  // 产能达到 (then "10.4" would not fit whole)
  CHECK(layout.glyphs[layout.lines[1].first].byte == text.find("10.4"));
  CHECK(layout.lines[3].y == 3 * 20 + 8);
  CHECK(layout.glyphs[layout.lines[3].first].byte == text.find("第二段"));
  // The mouse over the "万" finds its byte.
  const std::size_t wan = text.find("万");
  const LaidGlyph* g = nullptr;
  for (const LaidGlyph& x : layout.glyphs)
    if (x.byte == wan) g = &x;
  REQUIRE(g);
  float line_y = 0;
  for (const LaidLine& l : layout.lines)
    for (std::size_t i = l.first; i < l.end; ++i)
      if (layout.glyphs[i].byte == wan) line_y = l.y;
  CHECK(layout.byte_at(g->x + 5, line_y + 5, 20) == wan);
  CHECK(layout.byte_at(500, line_y + 5, 20) == std::string::npos);
}

TEST_CASE("candidates follow the dataset: undone targets reset, another file clears them",
          "[curation][import]") {
  const std::string path = test::copy_example_dataset("curate-follow");
  const std::string other = test::copy_example_dataset("curate-follow-other");
  Editing e(path);
  ImportModel model = imported(*e.app.dataset);
  const std::size_t money =
      find_candidate(model, FactKind::Investment, [](const ImportCandidate&) { return true; });
  model.candidates()[money].target.project = -1;
  model.candidates()[money].target.new_project_name = "新的项目";
  REQUIRE(model.accept(money, e.session, Language::Chinese));
  const int created = static_cast<int>(e.app.dataset->projects.size()) - 1;

  // Another candidate pointed at the new project, which is then undone.
  const std::size_t start = find_candidate(model, FactKind::Date, [](const ImportCandidate& c) {
    return c.fact.date_kind == MilestoneKind::ConstructionStart;
  });
  model.candidates()[start].target.project = created;
  REQUIRE(e.session.undo());
  model.sync(e.session);
  CHECK(model.candidates()[start].target.project == -1);  // a new project, not a crash
  CHECK(model.candidates()[money].state == ImportCandidate::State::Pending);

  // Another file: the candidates (indices of this one) go, the text stays.
  REQUIRE(e.session.open(other));
  model.sync(e.session);
  CHECK_FALSE(model.extracted());
  CHECK(model.candidates().empty());
  CHECK(model.text() == test::read_file(kArticle));
}

TEST_CASE("a new article starts with empty publisher, title and date", "[curation][import]") {
  // The date decides the year of "4月" and "年底": the previous article's must not carry over.
  ImportModel model;
  model.file_path = kArticle;
  model.publisher = "上一篇的报社";
  model.title = "上一篇的标题";
  model.article_date = "2021-05-01";
  REQUIRE(model.load_file(Language::Chinese));
  CHECK(model.publisher.empty());
  CHECK(model.title.empty());
  CHECK(model.article_date.empty());
  // A file that cannot be read leaves what was typed for the current article alone.
  model.publisher = "示例日报";
  model.file_path = test::tmp_path("no-such-article.txt");
  CHECK_FALSE(model.load_file(Language::Chinese));
  CHECK(model.publisher == "示例日报");
}

TEST_CASE("an article that is already a source is cited, not added again", "[curation][import]") {
  const std::string path = test::copy_example_dataset("curate-reimport");
  Editing e(path);
  const int sources_before = static_cast<int>(e.app.dataset->sources.size());
  ImportModel model;
  model.file_path = fs::path(path).parent_path().string() + "/sources/example-2024-03-15.txt";
  REQUIRE(model.load_file(Language::Chinese));
  REQUIRE(model.extract(*e.app.dataset, Language::Chinese));
  CHECK(model.already_source() == "example-2024-03-15");
  CHECK(model.source().id == "example-2024-03-15");
  CHECK(model.source().file == "sources/example-2024-03-15.txt");
  const Source& existing =
      e.app.dataset->sources[static_cast<std::size_t>(e.app.dataset->find_source("example-2024-03-15"))];
  CHECK(model.publisher == existing.publisher);  // the fields are the source's, date included
  CHECK(model.article_date == existing.date.to_string());
  REQUIRE_FALSE(model.candidates().empty());
  // Accepting a fact adds no second source for the same text.
  bool accepted = false;
  for (std::size_t i = 0; i < model.candidates().size() && !accepted; ++i) {
    model.check(i, e.session, Language::Chinese);
    if (model.candidates()[i].errors.empty()) accepted = model.accept(i, e.session, Language::Chinese);
  }
  REQUIRE(accepted);
  CHECK(static_cast<int>(e.app.dataset->sources.size()) == sources_before);
  // A different article is new.
  ImportModel other = imported(*e.app.dataset);
  CHECK(other.already_source().empty());
  CHECK(other.source().id == "article-2024-09-02");
}

TEST_CASE("undoing the accept that stored an article's text removes the text; redo brings it back",
          "[curation][import][undo]") {
  const std::string path = test::copy_example_dataset("curate-undo-text");
  Editing e(path);
  ImportModel model = imported(*e.app.dataset);
  const std::size_t cap = find_candidate(model, FactKind::Capacity,
                                         [](const ImportCandidate& c) { return c.fact.value == 104000; });
  REQUIRE(model.accept(cap, e.session, Language::Chinese));
  const std::string stored = fs::path(path).parent_path().string() + "/sources/article-2024-09-02.txt";
  REQUIRE(fs::exists(stored));
  REQUIRE(e.session.undo());
  model.sync(e.session);
  CHECK(fs::exists(stored));  // redo may bring the source back
  REQUIRE(e.session.redo());
  model.sync(e.session);
  REQUIRE(fs::exists(stored));
  {
    std::ifstream in(stored, std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == model.text());
  }
  // Saved and reloaded, the dataset with the redone fact is whole (its article text is there).
  REQUIRE(e.session.save());
  CHECK(load_dataset(path).ok());
  // Undone, then another edit: no state cites the text any more, and it goes.
  REQUIRE(e.session.undo());
  REQUIRE(e.session.apply(set_field("修改名称", project_pointer(0), "name", "改名后的项目")).ok);
  model.sync(e.session);
  CHECK_FALSE(fs::exists(stored));
  CHECK(fs::exists(fs::path(path).parent_path() / "sources/example-2024-03-15.txt"));  // others stay
}
