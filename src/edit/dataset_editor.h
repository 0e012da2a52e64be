// DatasetEditor: a loaded dataset under edit. Holds the Dataset and its canonical JSON document,
// applies edit transactions (edit_op.h) with undo and redo, and knows whether there are changes
// since the last save. Every edit is validated by the loader itself — the edited document is
// serialized and read back with parse_dataset — so an edit is accepted under exactly the rules
// and messages of `indtrack validate`, and one that would make the file invalid is refused with
// them. check() runs the same validation without changing anything (validation as you type).
//
// The editor does not touch files: saving, the journal and the lock are EditSession's (ui/) and
// edit_journal.h's. Article texts are read from disk by the validation, relative to the
// dataset's directory, so a new article's text file must be written before the edit adding it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "edit/edit_op.h"
#include "io/dataset_io.h"
#include "io/problem.h"
#include "model/dataset.h"

namespace indtrack {

struct EditOutcome {
  bool ok = false;
  std::string error;              // a malformed edit (path not found ...); empty when ok
  std::vector<Problem> problems;  // the loader's problems for the edited dataset (errors refuse it)
  std::uint64_t id = 0;           // the history entry created (apply) or moved (undo/redo)
  EditTransaction applied;        // the ops actually applied (the inverse ones for undo)
};

class DatasetEditor {
 public:
  DatasetEditor() = default;
  // Starts editing a dataset loaded from `data.path` (the base of its article text paths);
  // `problems` are the warnings of that load.
  explicit DatasetEditor(Dataset data, std::vector<Problem> problems = {});

  const Dataset& dataset() const { return dataset_; }
  const OrderedJson& document() const { return document_; }  // canonical form of dataset()
  // content_fingerprint of the canonical text of dataset(): names the state an edit applies to
  // (the journal records it before and after each edit, and a replay checks it).
  const std::string& state_fingerprint() const { return state_fingerprint_; }
  const std::string& path() const { return dataset_.path; }
  // The problems (warnings) of the current state, as the loader reports them.
  const std::vector<Problem>& problems() const { return problems_; }

  // The loader's verdict on the dataset `tx` would give; nothing changes.
  EditOutcome check(const EditTransaction& tx) const;
  // Applies `tx` when the result is a valid dataset; the redo history is dropped.
  EditOutcome apply(EditTransaction tx);
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  const std::string& undo_label() const;
  const std::string& redo_label() const;
  EditOutcome undo();
  EditOutcome redo();
  // True while the history entry `id` is applied (not undone, not dropped).
  bool is_applied(std::uint64_t id) const;
  std::size_t history_size() const { return undo_.size(); }

  // Unsaved changes: the state differs from the one last marked saved (undoing back to it
  // makes the editor clean again).
  bool dirty() const { return current_id() != saved_id_; }
  void mark_saved() { saved_id_ = current_id(); }
  // The document as last marked saved (as opened, before that): reached from the current one
  // through the history. What a save compares the file on disk with (document_merge.h).
  OrderedJson saved_document() const;
  // The file is now `path` (Save As): article texts are looked up relative to it from now on.
  void set_path(const std::string& path);
  // Where article texts come from when they are not files beside the dataset (a database
  // store): validation of each edit asks `reader` instead. Empty: files beside `path`.
  void set_article_text_reader(ArticleTextReader reader) { article_text_ = std::move(reader); }
  // The texts edits brought (EditTransaction::texts) since this editor was made, kept in memory
  // for the validation of later edits (an undone one's too, for its redo).
  const std::map<std::string, std::string>& brought_texts() const { return brought_texts_; }

 private:
  struct Entry {
    std::uint64_t id = 0;
    EditTransaction forward, inverse;
  };
  // A validated state: the dataset, its canonical document and that document's fingerprint.
  struct State {
    Dataset dataset;
    OrderedJson document;
    std::string fingerprint;
  };
  // Applies `tx` to a copy of the document and validates it. On success, when `keep`, `state`
  // holds the new state.
  EditOutcome evaluate(const EditTransaction& tx, bool keep, State& state, EditTransaction* inverse) const;
  EditOutcome replay(std::vector<Entry>& from, std::vector<Entry>& to, bool undoing);
  void adopt(State state, const std::vector<Problem>& problems);
  std::uint64_t current_id() const { return undo_.empty() ? 0 : undo_.back().id; }

  Dataset dataset_;
  OrderedJson document_;
  std::string state_fingerprint_;
  std::vector<Problem> problems_;
  std::vector<Entry> undo_, redo_;
  std::uint64_t next_id_ = 1;
  std::uint64_t saved_id_ = 0;
  ArticleTextReader article_text_;
  std::map<std::string, std::string> brought_texts_;
};

// The canonical JSON document of a dataset (what save_dataset writes, as a JSON value).
OrderedJson canonical_document(const Dataset& data);

}  // namespace indtrack
