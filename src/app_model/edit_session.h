// EditSession: the dataset under edit in the running app. Ties AppState (what the panels draw) to
// a DatasetEditor and to the store the dataset lives in (store/dataset_store.h: the JSON file, or
// a team's database), and keeps the promise that nothing is lost: a claim on the dataset so a
// second indtrack opens a file read-only, an fsync'd journal of every edit so a crash or kill
// loses at most the edit being made, atomic Save / Save As that never overwrite another writer's
// change unseen, and the questions the user must answer — unsaved changes before another dataset
// is opened, the window closed or the file reloaded; a journal found at open to recover or
// discard. No ImGui: the dialogs (edit_dialogs.cpp) and the tests drive it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "app_model/app_state.h"
#include "edit/dataset_editor.h"
#include "edit/document_merge.h"
#include "edit/edit_journal.h"
#include "query/load_task.h"
#include "store/dataset_store.h"

namespace indtrack::ui {

class EditSession {
 public:
  static constexpr std::size_t kBackgroundLoadBytes = 4 << 20;  // ~1,500 projects, ~30 ms to load
  struct Options {
    bool lock_file = false;  // take PATH.lock; a file locked by another process opens read-only
    bool journal = false;    // journal edits to PATH.journal and offer recovery at open
    // Files from kBackgroundLoadBytes on load on a LoadTask: the window keeps drawing, shows
    // progress and can cancel; poll_load() finishes the open. Smaller files load at once.
    bool background_load = false;
    std::size_t background_from_bytes = kBackgroundLoadBytes;
  };

  explicit EditSession(AppState& app) : app_(app) {}
  EditSession(const EditSession&) = delete;
  EditSession& operator=(const EditSession&) = delete;

  // The window uses both; the screenshot and most tests neither (they must not leave files).
  void set_options(Options options) { options_ = options; }
  const Options& options() const { return options_; }

  // ---- opening ----
  // Opens `path` now (through AppState), without asking: start-up, and after the user answered.
  // On failure the previous dataset, its edits and its lock stay.
  bool open(const std::string& path);
  // Opens the dataset `store` holds (a database: PgDatasetStore), now. On failure the previous
  // dataset stays and the store is dropped.
  bool open_store(std::unique_ptr<DatasetStore> store);
  // Opens `path`, then calls `then(ok)`: at once, or — for a background load — from the
  // poll_load() that finishes it (a newer open replaces an older one's load and continuation).
  // Returns the result of an immediate open; true when a background load started.
  bool open_then(const std::string& path, std::function<void(bool)> then);
  // Finishes a background load that is done (`wait`: waits for it): the dataset replaces the
  // previous one, or its problems are shown and the previous one stays; a cancelled load leaves
  // everything as it was. True when a load finished.
  bool poll_load(bool wait = false);
  bool loading() const { return load_task_.running(); }
  float load_progress() const { return load_task_.progress(); }
  const std::string& loading_path() const { return load_task_.path(); }
  void cancel_load() { load_task_.cancel(); }
  // Open / reload / quit, asking first when there are unsaved changes: true when done now,
  // false when a question is pending (see question()).
  bool request_open(const std::string& path);
  bool request_reload();
  bool request_quit();
  bool quit_approved() const { return quit_approved_; }

  enum class Question : unsigned char { None, UnsavedChanges, RecoverJournal, FileChangedOnDisk };
  Question question() const;
  enum class Answer : unsigned char { Save, Discard, Cancel };
  void answer_unsaved(Answer answer);
  // What the unsaved-changes question is about: the action pending.
  enum class Pending : unsigned char { None, Open, Reload, Quit };
  Pending pending() const { return pending_; }

  // A journal found when the file was opened: its edits, to replay or discard.
  struct RecoveryOffer {
    std::string journal_path;
    std::string started;
    std::size_t edits = 0;
    bool torn_tail = false;  // the last edit was cut short while being written
    std::string broken;      // why the journal's entries stop early (a missing or damaged entry)
  };
  const std::optional<RecoveryOffer>& recovery() const { return recovery_; }
  // Replays the journal's edits (validated like any edit), each only onto the state it was made
  // on and onto the records it names; stops at the first that is not. Returns how many were
  // applied; a journal not replayed to its end is kept as PATH.journal.unapplied.
  // A journal of a shared store written on an older version (others committed since) is offered
  // up to its first edit touching a record someone changed since (the rest kept as
  // PATH.journal.conflicting, a notice naming those records); those edits are replayed onto the
  // current data, each onto the records it names rather than onto the very state it was made on.
  std::size_t recover();
  // Keeps the journal as PATH.journal.discarded and starts afresh.
  void discard_recovery();

  // ---- state ----
  bool has_dataset() const { return bound_; }
  bool read_only() const { return read_only_; }
  // Not while another file loads: its arrival would replace the edited dataset.
  bool editable() const { return bound_ && !read_only_ && !loading(); }
  bool dirty() const { return editor_ && editor_->dirty(); }
  const std::string& path() const;  // the file, or the store's name ("postgresql: wuhai (alice)")
  // Where the open dataset lives; null with none.
  DatasetStore* store() const { return bound_ ? store_.get() : nullptr; }
  // A file (Save As, recent files and "beside the file" apply), not a database.
  bool is_file() const { return !store_ || store_->is_file(); }
  // The editor (made on first use: it copies the dataset and builds its JSON document, which at
  // 100k projects takes seconds and a gigabyte, so only curating pays for it); null with no dataset.
  const DatasetEditor* editor() const { return bound_ ? &edit_model() : nullptr; }
  // Changes whenever the edited dataset does (apply, undo, redo, open): drafts and candidate
  // checks compare it to know when to re-validate.
  std::uint64_t generation() const { return generation_; }

  // ---- editing ----
  // The loader's verdict on `tx`, nothing changed (validation as you type).
  EditOutcome check(const EditTransaction& tx) const;
  // Applies `tx` (refused when read-only or invalid), journals it and refreshes AppState.
  EditOutcome apply(EditTransaction tx);
  // True when edits are not being journaled although they should be (a write failed and the
  // journal could not be rewritten since): they are only in memory until saved.
  bool journal_stopped() const { return options_.journal && journal_.stopped(); }
  const std::string& journal_stop_reason() const { return journal_.stop_reason(); }
  bool can_undo() const { return editable() && editor_ && editor_->can_undo(); }
  bool can_redo() const { return editable() && editor_ && editor_->can_redo(); }
  std::string undo_label() const { return editor_ ? editor_->undo_label() : std::string(); }
  std::string redo_label() const { return editor_ ? editor_->redo_label() : std::string(); }
  bool undo();
  bool redo();
  bool is_applied(std::uint64_t id) const { return editor_ && editor_->is_applied(id); }

  // ---- saving ----
  // Atomic and canonical (save_dataset); on failure a notice says why and the file on disk,
  // the edits and the journal are untouched. A file another program changed since it was
  // opened (or last saved) is not overwritten: the FileChangedOnDisk question asks what to do.
  bool save();
  // Writes the dataset to `path` (article texts copied beside it when missing there), then
  // edits that file: its lock is taken and the old file's journal removed.
  bool save_as(const std::string& path);

  // ---- another program changed the file (another curator the database) ----
  // Whether the store still holds what was opened or last saved; a file: its size and time, and
  // when those differ, its content (a file touched or copied back unchanged is not a change).
  bool file_changed_on_disk() const;
  // For a shared store, once per frame: others' committed changes are picked up — reloaded at
  // once, keeping the filter and the selected project, when there are no unsaved edits; with
  // unsaved edits they stay and a notice says a save will show both versions. True when the
  // dataset was reloaded.
  bool poll_others_changes();
  // The differences between the file as opened, these edits and the file on disk now, to review
  // and choose from (loaded and compared on the first call after save() found the change);
  // null with disk_error() set when the file on disk cannot be read as a dataset.
  std::vector<DocumentChange>* disk_changes();
  const std::string& disk_error() const { return disk_error_; }
  // Applies the chosen side of each change to the file's current version and saves the result
  // (the file's version is kept as PATH.bak). The undo history starts again from the merge.
  bool merge_and_save();
  // Saves these edits as a copy beside the file (NAME.mine-YYYYMMDD-HHMMSS.json), then opens
  // the file's current version. Nothing is lost: the copy has every edit.
  bool reload_keeping_mine();
  // Leaves the question (to Save as elsewhere, or to decide later); nothing is written.
  void dismiss_disk_change() { disk_conflict_ = false; }

  // ---- history (a store that keeps one: a team's database) ----
  bool keeps_history() const { return bound_ && store_->keeps_history(); }
  // The newest changes that touched project `id`, newest first: read once per project and per
  // version of the dataset shown, not per frame. Null with history_error() set when unreadable.
  const std::vector<StoreChange>* project_history(const std::string& id);
  const std::string& history_error() const { return history_error_; }
  // Undoes change `id` as a new change and shows the result. Refused (with a notice) while there
  // are unsaved edits — the reload would drop them — and for a record changed again since.
  bool revert_change(std::int64_t id);

 private:
  // `store`: where the dataset AppState just loaded lives (null: the file at its path).
  void bind_to_loaded_dataset(std::unique_ptr<DatasetStore> store = nullptr);
  void claim_for_editing();
  void look_for_journal();
  // A journal on an older version of a store that can tell which records changed since: offered
  // as far as its edits touch none of them. False: the store cannot tell (set it aside).
  bool offer_onto_newer(JournalContents& found, const std::string& fingerprint);
  void start_journal();
  bool reload_store();  // a store that is not a file: read it again, keeping the user's place
  void saved_now();
  StoreSave save_request(const DatasetEditor& editor) const;
  void read_texts_from_store(DatasetEditor& editor, const Dataset& loaded) const;
  bool step(const EditOutcome& out, const std::string& before);
  // Journals an edit the editor made from state `before` (a fingerprint) to its current state.
  void journal(const EditTransaction& applied, const std::string& before);
  void notice_save_failed(const std::string& error);
  void publish(const EditOutcome& outcome);  // the editor's dataset into AppState
  void emit_text_of(const OrderedJson& value);
  void set_aside_journal(const std::string& suffix);
  void proceed_with_pending(bool discard);

  AppState& app_;
  Options options_;
  DatasetEditor& edit_model() const;
  bool bound_ = false;                           // a dataset is open (bind_to_loaded_dataset)
  std::string bound_path_;                       // its file
  mutable std::optional<DatasetEditor> editor_;  // made from app_.dataset by edit_model()
  std::unique_ptr<DatasetStore> store_;          // where the bound dataset lives
  bool disk_conflict_ = false;                   // save() found the store changed: the question is open
  std::optional<std::vector<DocumentChange>> disk_changes_;
  std::optional<LoadResult> disk_version_;  // the store's current version, for the merge
  std::string disk_error_;
  bool others_told_ = false;  // the user was told others' changes wait behind unsaved edits
  std::string history_of_;    // the project the cached history is of
  std::uint64_t history_generation_ = 0;
  std::vector<StoreChange> history_;
  std::string history_error_;
  JournalWriter journal_;
  bool read_only_ = false;
  bool journal_stop_told_ = false;  // the user was told the journal stopped (once per stop)
  std::optional<RecoveryOffer> recovery_;
  JournalHeader recovery_header_;
  std::vector<JournalEntry> recovery_entries_;
  bool recovery_rebased_ = false;  // the entries were made on an older version (offer_onto_newer)
  Pending pending_ = Pending::None;
  bool asking_ = false;
  std::string pending_path_;
  bool quit_approved_ = false;
  std::uint64_t generation_ = 0;
  LoadTask load_task_;
  std::function<void(bool)> after_load_;
};

}  // namespace indtrack::ui
