// The editing layer without a GUI: JSON-pointer ops and their inverses, the DatasetEditor's
// validation through the loader (the same messages as `indtrack validate`), undo/redo and the
// dirty flag, accepting extracted facts, the edit journal (including a record cut short), and
// the lock file.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <unistd.h>

#include <filesystem>

#include "edit/dataset_editor.h"
#include "edit/dataset_edits.h"
#include "edit/edit_journal.h"
#include "edit/fact_edits.h"
#include "io/dataset_checks.h"
#include "io/dataset_io.h"
#include "io/file_io.h"
#include "io/file_lock.h"
#include "test_support.h"

using namespace indtrack;
using Catch::Matchers::ContainsSubstring;
namespace fs = std::filesystem;

namespace {

// A private copy of the example dataset (and its article) in the scratch folder.
std::string copy_example(const std::string& name) {
  const fs::path dir = fs::path(test::tmp_path(name));
  fs::remove_all(dir);
  fs::create_directories(dir / "sources");
  fs::copy_file(test::data_path("example/example.json"), dir / "example.json");
  fs::copy_file(test::data_path("example/sources/example-2024-03-15.txt"),
                dir / "sources/example-2024-03-15.txt");
  return (dir / "example.json").string();
}

DatasetEditor open_editor(const std::string& path) {
  LoadResult loaded = load_dataset(path);
  REQUIRE(loaded.dataset);
  return DatasetEditor(std::move(*loaded.dataset), loaded.problems);
}

bool has_error(const std::vector<Problem>& problems, const std::string& path, const std::string& words) {
  for (const Problem& p : problems)
    if (p.severity == Problem::Severity::Error && p.path == path &&
        p.message.find(words) != std::string::npos)
      return true;
  return false;
}

}  // namespace

TEST_CASE("ops apply and their inverses restore the document", "[edit]") {
  const OrderedJson original = OrderedJson::parse(R"({"a":{"b":1,"list":[10,20]},"c":"x"})");
  OrderedJson doc = original;
  const std::vector<EditOp> ops = {
      EditOp::set("/a/b", 2),             // replace
      EditOp::set("/a/new", "n"),         // create
      EditOp::set("/c", nullptr),         // remove a member through set
      EditOp::insert("/a/list/1", 15),    // insert inside
      EditOp::insert("/a/list/-", 30),    // append
      EditOp::insert("/a/fresh/-", "f"),  // creates the missing array
      EditOp::remove("/a/list/0"),
      EditOp::remove("/a/absent"),  // a missing member: no-op
  };
  TransactionResult r = apply_transaction(doc, {"several", ops});
  REQUIRE(r.ok);
  CHECK(doc == OrderedJson::parse(R"({"a":{"b":2,"list":[15,20,30],"new":"n","fresh":["f"]}})"));
  REQUIRE(apply_transaction(doc, r.inverse).ok);
  CHECK(doc == original);  // same members and values (member order may differ)
}

TEST_CASE("a failing op leaves the document as it was, with a message", "[edit]") {
  const OrderedJson original = OrderedJson::parse(R"({"list":[1,2]})");
  OrderedJson doc = original;
  TransactionResult r =
      apply_transaction(doc, {"bad", {EditOp::set("/list/0", 5), EditOp::set("/list/7", 1)}});
  CHECK_FALSE(r.ok);
  CHECK_THAT(r.error, ContainsSubstring("/list/7") && ContainsSubstring("no element 7"));
  CHECK(doc == original);
  CHECK_FALSE(apply_op(doc, EditOp::set("no-slash", 1)).ok);
  CHECK_FALSE(apply_op(doc, EditOp::set("/a~2b", 1)).ok);
  CHECK_FALSE(apply_op(doc, EditOp::insert("/list/3", 1)).ok);  // past the end
  CHECK(apply_op(doc, EditOp::insert("/list/2", 1)).ok);        // at the end
}

TEST_CASE("ops and transactions survive their JSON form; pointers map to problem paths", "[edit]") {
  const EditTransaction tx{"rename",
                           {EditOp::set("/projects/0/name", "新名称"), EditOp::remove("/projects/0/units/1"),
                            EditOp::insert("/sources/-", OrderedJson::object({{"id", "x"}}))}};
  std::string error;
  const auto back = transaction_from_json(OrderedJson::parse(to_json(tx).dump()), error);
  REQUIRE(back);
  CHECK(back->label == "rename");
  CHECK(back->ops == tx.ops);
  CHECK_FALSE(transaction_from_json(OrderedJson::parse(R"({"ops":[{"op":"move","path":"/a"}]})"), error));
  CHECK(error == "unknown edit \"move\"");
  CHECK(problem_path_of("/projects/3/units/0/capacity/value") == "projects[3].units[0].capacity.value");
  CHECK(problem_path_of("/sources/0/a~1b") == "sources[0].a/b");
  CHECK(pointer_token("a/b~c") == "a~1b~0c");
}

TEST_CASE("the editor applies valid edits, refuses invalid ones with the loader's messages, and undoes",
          "[edit]") {
  const std::string path = copy_example("edit-basic");
  DatasetEditor editor = open_editor(path);
  const int bdo = editor.dataset().find_project("example-bdo");
  REQUIRE(bdo == 0);
  CHECK_FALSE(editor.dirty());

  // A valid edit changes the Dataset the panels read.
  EditOutcome renamed =
      editor.apply(set_field("edit name", project_pointer(bdo), "name", "示例BDO一体化项目"));
  REQUIRE(renamed.ok);
  CHECK(editor.dataset().projects[0].name == "示例BDO一体化项目");
  CHECK(editor.dirty());
  CHECK(editor.undo_label() == "edit name");

  // An impossible date: refused, nothing changes, the message is the loader's.
  const EditTransaction bad_date = set_field("edit date", milestone_pointer(bdo, 0, 0), "date", "2023-02-30");
  EditOutcome refused = editor.apply(bad_date);
  CHECK_FALSE(refused.ok);
  CHECK(has_error(refused.problems, "projects[0].units[0].milestones[0].date", "February 2023 has 28 days"));
  CHECK(editor.dataset().projects[0].units[0].milestones[0].date.to_string() == "2023-11-20");
  CHECK(editor.history_size() == 1);

  // A quote the article does not contain: refused (evidence must be verbatim).
  EditOutcome bad_quote =
      editor.check(set_field("edit quote", milestone_pointer(bdo, 0, 0), "quote", "1号线已于2023年投产"));
  CHECK_FALSE(bad_quote.ok);
  CHECK(has_error(bad_quote.problems, "projects[0].units[0].milestones[0].quote",
                  "quote not found in the text"));
  // check() never changes the state.
  CHECK(editor.dataset().projects[0].name == "示例BDO一体化项目");

  // A unit without a product is a facility (a power station): accepted, since it has no capacity.
  EditOutcome no_product = editor.check(add_unit(editor.dataset(), bdo, "动力站", -1));
  CHECK(no_product.ok);

  // Undo and redo; undoing to the saved state makes the editor clean again.
  REQUIRE(editor.undo().ok);
  CHECK(editor.dataset().projects[0].name == "年产10万吨/年BDO项目");
  CHECK_FALSE(editor.dirty());
  CHECK(editor.can_redo());
  REQUIRE(editor.redo().ok);
  CHECK(editor.dataset().projects[0].name == "示例BDO一体化项目");
  CHECK(editor.dirty());
  editor.mark_saved();
  CHECK_FALSE(editor.dirty());
  REQUIRE(editor.undo().ok);
  CHECK(editor.dirty());  // the saved state had the new name

  // A new edit after an undo drops the redo history.
  REQUIRE(editor.apply(set_field("edit name_en", project_pointer(bdo), "name_en", "BDO plant")).ok);
  CHECK_FALSE(editor.can_redo());
  CHECK(editor.dirty());
}

TEST_CASE("adding and removing lines, milestones and projects round-trips through the writer", "[edit]") {
  const std::string path = copy_example("edit-records");
  DatasetEditor editor = open_editor(path);
  const Dataset& d = editor.dataset();
  const int bdo = d.find_project("example-bdo");
  const std::string before = serialize_dataset(d);

  REQUIRE(editor.apply(add_unit(d, bdo, "BDO 3号线", d.find_product("BDO"))).ok);
  REQUIRE(editor.dataset().projects[0].units.size() == 3);
  CHECK(editor.dataset().projects[0].units[2].id == "example-bdo-bdo");
  MilestoneFields m;
  m.kind = MilestoneKind::ConstructionStart;
  m.date = "2022-05";
  m.source = editor.dataset().find_source("example-2024-03-15");
  m.quote = "于2022年5月开工建设";
  REQUIRE(editor.apply(add_milestone(editor.dataset(), bdo, 2, m)).ok);
  const Milestone& added = editor.dataset().projects[0].units[2].milestones.at(0);
  CHECK(added.kind == MilestoneKind::ConstructionStart);
  CHECK(added.date.to_string() == "2022-05");
  CHECK(added.evidence.quote == "于2022年5月开工建设");

  REQUIRE(editor.apply(add_project(editor.dataset(), "新项目")).ok);
  CHECK(editor.dataset().projects.back().id == "project");
  CHECK(editor.dataset().projects.back().name == "新项目");
  REQUIRE(editor.apply(remove_milestone(editor.dataset(), bdo, 2, 0)).ok);
  REQUIRE(editor.apply(remove_unit(editor.dataset(), bdo, 2)).ok);
  REQUIRE(
      editor.apply(remove_project(editor.dataset(), static_cast<int>(editor.dataset().projects.size()) - 1))
          .ok);
  CHECK(serialize_dataset(editor.dataset()) == before);  // back where it started, byte for byte

  for (int i = 0; i < 6; ++i) REQUIRE(editor.undo().ok);
  CHECK(serialize_dataset(editor.dataset()) == before);
  CHECK_FALSE(editor.can_undo());
}

TEST_CASE("accepting extracted facts adds the article source and verbatim quotes", "[edit][import]") {
  const std::string path = copy_example("edit-accept");
  DatasetEditor editor = open_editor(path);
  const std::string text = test::read_file(test::data_path("curate/new-article.txt"));
  // The article text is stored beside the dataset before the edit that cites it.
  const ArticleSource source{suggest_source_id(editor.dataset(), "2024-09-02"), "示例日报", "示例项目进展",
                             "2024-09-02", "sources/article-2024-09-02.txt"};
  CHECK(source.id == "article-2024-09-02");
  REQUIRE(write_file_atomically(join_path(directory_of(path), source.file), text).ok);

  const ExtractionResult extracted =
      extract_facts(text, parse_date("2024-09-02").date, ExtractionDictionary(editor.dataset()));
  const ExtractedFact* capacity = nullptr;
  const ExtractedFact* start = nullptr;
  const ExtractedFact* investment = nullptr;
  for (const ExtractedFact& f : extracted.facts) {
    if (f.kind == FactKind::Capacity && f.value == 104000 && !capacity) capacity = &f;
    if (f.kind == FactKind::Date && f.date_kind == MilestoneKind::ConstructionStart && !start) start = &f;
    if (f.kind == FactKind::Investment && !investment) investment = &f;
  }
  REQUIRE(capacity);
  REQUIRE(start);
  REQUIRE(investment);

  // Capacity as written in the article, quote without the column's line breaks.
  const FactDraft cap = draft_from_fact(*capacity, text);
  CHECK(cap.value == 10.4);
  CHECK(cap.unit == "万吨/年");
  CHECK(cap.quote.find('\n') == std::string::npos);
  CHECK(quote_occurs_in(cap.quote, text));
  const FactDraft money = draft_from_fact(*investment, text);
  CHECK(money.value == 15);
  CHECK(money.unit == "亿元");
  CHECK(money.approximate);

  const Dataset& d = editor.dataset();
  const int bdo = d.find_project("example-bdo");
  FactTarget new_line;
  new_line.project = bdo;
  new_line.new_unit_name = "BDO 3号线";
  new_line.product = d.find_product("BDO");
  EditOutcome accepted = editor.apply(accept_fact(d, editor.document(), cap, new_line, source));
  INFO(accepted.error);
  for (const Problem& p : accepted.problems) INFO(p.format());
  REQUIRE(accepted.ok);
  const Dataset& after = editor.dataset();
  const int src = after.find_source("article-2024-09-02");
  REQUIRE(src >= 0);
  CHECK(after.sources[src].kind == Source::Kind::Article);
  CHECK(after.sources[src].text == text);
  const Unit& line3 = after.projects[bdo].units.back();
  CHECK(line3.name == "BDO 3号线");
  REQUIRE(line3.capacity.size() == 1);
  CHECK(line3.capacity[0].amount.canonical == 104000);
  CHECK(line3.capacity[0].evidence.source == src);

  // The construction start goes to that line; the source is not added twice.
  FactTarget same_line;
  same_line.project = bdo;
  same_line.unit = static_cast<int>(after.projects[bdo].units.size()) - 1;
  const EditTransaction start_tx =
      accept_fact(after, editor.document(), draft_from_fact(*start, text), same_line, source);
  CHECK(start_tx.ops.size() == 1);
  REQUIRE(editor.apply(start_tx).ok);
  const Milestone& m = editor.dataset().projects[bdo].units.back().milestones.at(0);
  CHECK(m.date.to_string() == "2024-08");
  CHECK_FALSE(m.expected);

  // A capacity that disagrees with the line's first statement is kept, marked conflicting.
  FactDraft other = cap;
  other.value = 10;
  REQUIRE(editor.apply(accept_fact(editor.dataset(), editor.document(), other, same_line, source)).ok);
  const Unit& conflicted = editor.dataset().projects[bdo].units.back();
  REQUIRE(conflicted.capacity.size() == 2);
  CHECK(conflicted.capacity[1].evidence.basis == Basis::Conflicting);
  CHECK_THAT(conflicted.capacity[1].evidence.note, ContainsSubstring("10.4万吨/年"));

  // Into a new project: the investment.
  FactTarget fresh;
  fresh.new_project_name = "示例BDO扩建项目";
  fresh.company = editor.dataset().find_company("example-materials");
  REQUIRE(editor.apply(accept_fact(editor.dataset(), editor.document(), money, fresh, source)).ok);
  const Project& created = editor.dataset().projects.back();
  CHECK(created.id == "article-2024-09-02-p1");
  CHECK(created.name == "示例BDO扩建项目");
  REQUIRE(created.investments.size() == 1);
  CHECK(created.investments[0].amount.canonical == 15e8);

  // Saved and read back: the same dataset, byte for byte.
  REQUIRE(save_dataset(editor.dataset(), path).ok);
  LoadResult reloaded = load_dataset(path);
  REQUIRE(reloaded.dataset);
  CHECK(serialize_dataset(*reloaded.dataset) == serialize_dataset(editor.dataset()));

  // One undo takes an accepted fact back entirely, source included.
  for (int i = 0; i < 4; ++i) REQUIRE(editor.undo().ok);
  CHECK(editor.dataset().find_source("article-2024-09-02") < 0);
}

TEST_CASE("the journal reads back what was appended and ignores a record cut short", "[edit][journal]") {
  const std::string path = test::tmp_path("journal-basic.json.journal");
  fs::remove(path);
  JournalWriter writer;
  writer.start(path, {"/x/data.json", content_fingerprint("abc"), ""});
  CHECK_FALSE(fs::exists(path));  // nothing written before the first edit
  const EditTransaction a{"first", {EditOp::set("/name", "甲")}};
  const EditTransaction b{"second", {EditOp::insert("/projects/-", OrderedJson::object({{"id", "p"}}))}};
  REQUIRE(writer.append(a, "s0", "s1").outcome == JournalWriter::Outcome::Written);
  REQUIRE(writer.append(b, "s1", "s2").outcome == JournalWriter::Outcome::Written);
  writer.close();

  JournalContents read = read_journal(path);
  CHECK(read.exists);
  CHECK(read.error.empty());
  CHECK(read.header.dataset == "/x/data.json");
  CHECK(read.header.base == content_fingerprint("abc"));
  CHECK(read.header.started.size() == 19);
  REQUIRE(read.entries.size() == 2);
  CHECK(read.entries[0].seq == 1);
  CHECK(read.entries[0].before == "s0");
  CHECK(read.entries[0].after == "s1");
  CHECK(read.entries[0].tx.ops == a.ops);
  CHECK(read.entries[1].seq == 2);
  CHECK(read.entries[1].tx.label == "second");
  CHECK_FALSE(read.torn_tail);
  CHECK(read.broken.empty());

  // A kill during a write leaves a line without its end: that record is lost, the others stay.
  std::string content = test::read_file(path);
  test::write_file(path,
                   content + R"({"seq":3,"before":"s2","after":"s3","label":"third","ops":[{"op":"set","pa)");
  read = read_journal(path);
  CHECK(read.entries.size() == 2);
  CHECK(read.torn_tail);

  // Rewriting after a recovery drops the cut line, so new records start on a line of their own,
  // numbered after the ones kept.
  REQUIRE(writer.rewrite(path, read.header, read.entries).empty());
  REQUIRE(writer.append(a, "s2", "s3").outcome == JournalWriter::Outcome::Written);
  read = read_journal(path);
  REQUIRE(read.entries.size() == 3);
  CHECK(read.entries[2].seq == 3);
  CHECK_FALSE(read.torn_tail);
  REQUIRE(writer.remove().empty());
  CHECK_FALSE(fs::exists(path));

  test::write_file(path, "not a journal\n");
  CHECK_FALSE(read_journal(path).error.empty());
  // A journal of the first format (entries neither numbered nor tied to a state) is not replayed.
  test::write_file(path, R"({"indtrack_journal":1,"dataset":"/x","base":"b","started":"t"})"
                         "\n"
                         R"({"label":"x","ops":[{"op":"set","path":"/projects/0/name","value":"y"}]})"
                         "\n");
  CHECK_THAT(read_journal(path).error, ContainsSubstring("older indtrack"));
  fs::remove(path);
  CHECK(content_fingerprint("") == "fnv1a64:cbf29ce484222325:0");
}

TEST_CASE("a journal cannot skip: a missing, damaged or out-of-state entry ends what is replayed",
          "[edit][journal]") {
  const std::string path = test::tmp_path("journal-skip.json.journal");
  const std::string header = R"({"indtrack_journal":2,"dataset":"/x","base":"b","started":"t"})"
                             "\n";
  auto entry = [](int seq, const char* before, const char* after) {
    return R"({"seq":)" + std::to_string(seq) + R"(,"before":")" + before + R"(","after":")" + after +
           R"(","label":"e","ops":[{"op":"set","path":"/name","value":"v"}]})"
           "\n";
  };
  SECTION("a number missing") {
    test::write_file(path, header + entry(1, "a", "b") + entry(3, "c", "d"));
    const JournalContents read = read_journal(path);
    CHECK(read.entries.size() == 1);
    CHECK(read.broken == "entry 2 is missing (line 3 holds entry 3)");
  }
  SECTION("an entry that does not start from the state the previous one left") {
    test::write_file(path, header + entry(1, "a", "b") + entry(2, "x", "c"));
    const JournalContents read = read_journal(path);
    CHECK(read.entries.size() == 1);
    CHECK(read.broken == "entry 2 does not continue from the state entry 1 left");
  }
  SECTION("a damaged line with more after it is not a torn tail") {
    test::write_file(path, header + entry(1, "a", "b") + "{garbage\n" + entry(3, "c", "d"));
    const JournalContents read = read_journal(path);
    CHECK(read.entries.size() == 1);
    CHECK_FALSE(read.torn_tail);
    CHECK(read.broken == "entry 2 (line 3) is damaged");
  }
  fs::remove(path);
}

TEST_CASE("a journal write that fails stops journaling until the whole journal can be written again",
          "[edit][journal]") {
  const std::string path = test::tmp_path("journal-stop.json.journal");
  fs::remove(path);
  JournalWriter writer;
  writer.start(path, {"/x/data.json", "base", ""});
  const EditTransaction a{"a", {EditOp::set("/name", "甲")}};
  REQUIRE(writer.append(a, "s0", "s1").outcome == JournalWriter::Outcome::Written);

  // The disk is full for the second entry: not written, and the writer says so from then on.
  set_write_fault_hook([](std::size_t) { return false; });
  JournalWriter::AppendResult r = writer.append(a, "s1", "s2");
  CHECK(r.outcome == JournalWriter::Outcome::Stopped);
  CHECK_THAT(r.error, ContainsSubstring("No space left on device"));
  CHECK(writer.stopped());
  r = writer.append(a, "s2", "s3");  // still full: still stopped, nothing appended after the gap
  CHECK(r.outcome == JournalWriter::Outcome::Stopped);
  REQUIRE(read_journal(path).entries.size() == 1);

  // Space again: the next append writes the whole journal, the missed entries included.
  set_write_fault_hook(nullptr);
  r = writer.append(a, "s3", "s4");
  CHECK(r.outcome == JournalWriter::Outcome::Resumed);
  CHECK_FALSE(writer.stopped());
  JournalContents read = read_journal(path);
  REQUIRE(read.entries.size() == 4);
  CHECK(read.broken.empty());
  CHECK(read.entries[3].after == "s4");

  // The file removed under the writer (a clean-up script): written again at the next edit.
  fs::remove(path);
  r = writer.append(a, "s4", "s5");
  CHECK(r.outcome == JournalWriter::Outcome::Resumed);
  CHECK_THAT(r.error, ContainsSubstring("removed"));
  read = read_journal(path);
  CHECK(read.entries.size() == 5);
  CHECK(read.broken.empty());
  REQUIRE(writer.remove().empty());
}

TEST_CASE("an edit replayed onto another record than the one it was made on is refused", "[edit][journal]") {
  DatasetEditor editor = open_editor(copy_example("journal-identity"));
  const std::string start = editor.state_fingerprint();
  // Made on line 1 (example-bdo-2): the op carries its identity.
  const EditOutcome renamed = editor.apply(set_field("rename", unit_pointer(0, 1), "name", "二号线改名"));
  REQUIRE(renamed.ok);
  CHECK(renamed.applied.ops[0].ids ==
        OrderedJson({{"/projects/0", "example-bdo"}, {"/projects/0/units/1", "example-bdo-2"}}));
  CHECK(editor.state_fingerprint() != start);
  REQUIRE(editor.undo().ok);
  CHECK(editor.state_fingerprint() == start);

  // Line 0 removed first: index 1 is now nothing, and after another insert it is another line.
  REQUIRE(editor.apply(remove_unit(editor.dataset(), 0, 0)).ok);
  EditOutcome replayed = editor.apply(renamed.applied);
  CHECK_FALSE(replayed.ok);
  CHECK_THAT(replayed.error, ContainsSubstring("example-bdo-2"));
  REQUIRE(editor.apply(add_unit(editor.dataset(), 0, "新产线", editor.dataset().find_product("BDO"))).ok);
  replayed = editor.apply(renamed.applied);
  CHECK_FALSE(replayed.ok);
  CHECK_THAT(replayed.error, ContainsSubstring("is example-bdo-bdo, not example-bdo-2"));
  // A milestone has no id: its content stands for it.
  const EditOutcome dated = editor.apply(set_field("date", milestone_pointer(0, -1, 0), "note", "x"));
  REQUIRE(dated.ok);
  const std::string identity = dated.applied.ops[0].ids["/projects/0/milestones/0"];
  CHECK(identity.rfind("#", 0) == 0);
  CHECK(identity.size() == 17);
}

TEST_CASE("the lock beside a dataset is exclusive and names its holder", "[edit][lock]") {
  const std::string dataset = test::tmp_path("lock-basic.json");
  FileLock first;
  const FileLock::Result got = first.acquire(dataset);
  REQUIRE(got.outcome == FileLock::Outcome::Acquired);
  CHECK(fs::exists(dataset + ".lock"));
  FileLock second;  // a separate open file description: flock conflicts even in one process
  const FileLock::Result refused = second.acquire(dataset);
  CHECK(refused.outcome == FileLock::Outcome::HeldByOther);
  CHECK(refused.holder.pid == static_cast<long>(::getpid()));
  CHECK_FALSE(refused.holder.host.empty());
  first.release();
  CHECK_FALSE(fs::exists(dataset + ".lock"));
  CHECK(second.acquire(dataset).outcome == FileLock::Outcome::Acquired);

  const FileLock::Result nowhere = FileLock().acquire(test::tmp_path("no-such-dir/x.json"));
  CHECK(nowhere.outcome == FileLock::Outcome::Unavailable);
  CHECK_THAT(nowhere.error, ContainsSubstring("cannot create the lock file"));
}
