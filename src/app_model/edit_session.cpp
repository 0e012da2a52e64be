// EditSession (edit_session.h).
#include "app_model/edit_session.h"

#include <cstdio>
#include <ctime>
#include <filesystem>

#include "io/dataset_io.h"
#include "io/file_io.h"

namespace indtrack::ui {

namespace {

// The first reason an edit was refused, for a notice: a malformed edit, else the first error.
std::string describe_refusal(const EditOutcome& out) {
  if (!out.error.empty()) return out.error;
  for (const Problem& p : out.problems)
    if (p.severity == Problem::Severity::Error) return p.path.empty() ? p.message : p.path + ": " + p.message;
  return {};
}

// The fingerprint of the file on disk, for a journal's header.
std::string fingerprint_of_file(const std::string& path) {
  const ReadFileResult file = read_whole_file(path);
  return file.ok ? content_fingerprint(file.content) : std::string();
}

}  // namespace

const std::string& EditSession::path() const {
  static const std::string kNone;
  return bound_ ? bound_path_ : kNone;
}

// ---- opening ----

bool EditSession::open(const std::string& path) {
  if (!app_.open_dataset(path)) return false;  // AppState keeps the previous dataset, we our editor
  bind_to_loaded_dataset();
  return true;
}

DatasetEditor& EditSession::edit_model() const {
  if (!editor_) editor_.emplace(*app_.dataset, app_.problems);
  return *editor_;
}

bool EditSession::open_then(const std::string& path, std::function<void(bool)> then) {
  std::error_code ec;
  const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
  if (!options_.background_load || ec || bytes < options_.background_from_bytes) {
    if (load_task_.running()) {  // an open now supersedes a background one
      load_task_.cancel();
      load_task_.take(/*wait=*/true);
      after_load_ = nullptr;
    }
    const bool ok = open(path);
    if (then) then(ok);
    return ok;
  }
  after_load_ = std::move(then);
  load_task_.start(AppState::absolute_dataset_path(path));
  app_.invalidate();  // the panels show the progress
  return true;
}

bool EditSession::poll_load(bool wait) {
  std::optional<LoadTask::Finished> done = load_task_.take(wait);
  if (!done) return false;
  std::function<void(bool)> then = std::move(after_load_);
  after_load_ = nullptr;
  bool ok = false;
  if (done->cancelled) {
    app_.add_notice({Notice::Level::Info, Str::NoticeLoadCancelledFmt, {done->path}});
  } else {
    ok = app_.adopt_load(done->path, std::move(done->result), std::move(done->index));
    if (ok) bind_to_loaded_dataset();
  }
  if (then) then(ok);
  app_.invalidate();
  return true;
}

void EditSession::bind_to_loaded_dataset() {
  const std::string path = app_.dataset->path;
  journal_.reset();  // a read-only file gets no journal; an editable one starts its own below
  recovery_.reset();
  read_only_ = false;
  journal_stop_told_ = false;
  quit_approved_ = false;
  editor_.reset();  // made when first needed (edit_model)
  bound_ = true;
  bound_path_ = path;
  known_stamp_ = stamp_of(path);
  known_fingerprint_.clear();
  disk_conflict_ = false;
  disk_changes_.reset();
  disk_version_.reset();
  disk_error_.clear();
  ++generation_;
  if (options_.lock_file)
    take_lock(path);
  else
    lock_.release();
  if (options_.journal && !read_only_) look_for_journal(path);
}

void EditSession::take_lock(const std::string& path) {
  if (lock_.held() && lock_.path() == path) return;  // reopening the file we hold
  const FileLock::Result r = lock_.acquire(path);
  if (r.outcome == FileLock::Outcome::Acquired) return;
  read_only_ = true;
  if (r.outcome == FileLock::Outcome::HeldByOther) {
    app_.add_notice({Notice::Level::Warning,
                     Str::NoticeReadOnlyLockedFmt,
                     {r.holder.pid > 0 ? std::to_string(r.holder.pid) : "?",
                      r.holder.host.empty() ? "?" : r.holder.host, path}});
  } else {
    app_.add_notice({Notice::Level::Warning, Str::NoticeReadOnlyNoLockFmt, {r.error}});
  }
}

void EditSession::look_for_journal(const std::string& path) {
  const std::string journal_path = journal_path_for(path);
  JournalContents found = read_journal(journal_path);
  if (!found.exists) {
    // No journal to compare: the file's fingerprint (a pass over all of it, 0.4 s at 300 MB)
    // waits for the first edit, and its stamp tells then whether the file is still as opened.
    journal_.start(journal_path, {path, "", ""});
    return;
  }
  const std::string fingerprint = fingerprint_of_file(path);
  known_fingerprint_ = fingerprint;
  journal_.start(journal_path, {path, fingerprint, ""});
  if (!found.error.empty()) {
    set_aside_journal(".broken");
    app_.add_notice(
        {Notice::Level::Warning, Str::NoticeJournalUnreadableFmt, {journal_path + ".broken", found.error}});
    return;
  }
  if (found.header.base != fingerprint) {
    // Saved meanwhile (the journal outlived a save by a crash) or changed by someone else:
    // replaying edits on other bytes could put them in the wrong places.
    set_aside_journal(".stale");
    app_.add_notice({Notice::Level::Warning, Str::NoticeJournalStaleFmt, {journal_path + ".stale"}});
    return;
  }
  if (found.entries.empty()) {
    if (!found.broken.empty()) {  // its first entry is damaged: nothing can be replayed, keep it
      set_aside_journal(".broken");
      journal_.start(journal_path, {path, fingerprint, ""});
      app_.add_notice({Notice::Level::Warning,
                       Str::NoticeJournalUnreadableFmt,
                       {journal_path + ".broken", found.broken}});
      return;
    }
    journal_.remove();  // a header, perhaps a cut-short first edit: nothing to offer
    journal_.start(journal_path, {path, fingerprint, ""});
    return;
  }
  recovery_ =
      RecoveryOffer{journal_path, found.header.started, found.entries.size(), found.torn_tail, found.broken};
  recovery_header_ = found.header;
  recovery_entries_ = std::move(found.entries);
}

void EditSession::set_aside_journal(const std::string& suffix) {
  const std::string journal_path = journal_.active() ? journal_.path() : journal_path_for(path());
  journal_.close();
  if (path().empty() || !file_exists(journal_path)) return;
  std::error_code ec;
  std::filesystem::rename(journal_path, journal_path + suffix, ec);
  if (ec) std::filesystem::remove(journal_path, ec);
}

std::size_t EditSession::recover() {
  if (!recovery_ || !bound_) return 0;
  std::size_t applied = 0;
  std::string failure;
  for (const JournalEntry& entry : recovery_entries_) {
    DatasetEditor& editor = edit_model();
    // Only onto the very state the edit was made on (an entry missed in between, a file changed
    // since, would show here), and only onto the records it names (apply checks EditOp::ids).
    // A state after it that differs from the recorded one stops the next entry here in turn.
    if (editor.state_fingerprint() != entry.before) {
      failure = "it was made on another state of the dataset than the one recovered so far";
      break;
    }
    const EditOutcome out = editor.apply(entry.tx);
    if (!out.ok) {
      failure = describe_refusal(out);
      break;
    }
    ++applied;
  }
  const bool whole = applied == recovery_entries_.size() && recovery_->broken.empty();
  // What was not replayed stays on disk, untouched, for the user to look at.
  const std::string kept_as = recovery_->journal_path + ".unapplied";
  if (!whole) {
    std::error_code ec;
    std::filesystem::remove(kept_as, ec);
    std::filesystem::copy_file(recovery_->journal_path, kept_as, ec);
  }
  // Rewritten without a cut-short last line or edits that could not be applied, so new edits
  // are appended after exactly what the editor now holds.
  const std::vector<JournalEntry> kept(recovery_entries_.begin(),
                                       recovery_entries_.begin() + static_cast<std::ptrdiff_t>(applied));
  if (const std::string error = journal_.rewrite(recovery_->journal_path, recovery_header_, kept);
      !error.empty()) {
    journal_stop_told_ = true;
    app_.add_notice({Notice::Level::Warning, Str::NoticeJournalFailedFmt, {error}});
  }
  const std::string broken = recovery_->broken;
  recovery_.reset();
  recovery_entries_.clear();
  if (applied > 0) {
    EditOutcome all;
    for (const JournalEntry& e : kept)
      all.applied.ops.insert(all.applied.ops.end(), e.tx.ops.begin(), e.tx.ops.end());
    publish(all);
  }
  if (whole) {
    app_.add_notice({Notice::Level::Info, Str::NoticeRecoveredFmt, {std::to_string(applied)}});
  } else {
    app_.add_notice({Notice::Level::Warning,
                     Str::NoticeRecoverStoppedFmt,
                     {std::to_string(applied), std::to_string(applied + 1),
                      failure.empty() ? broken : failure, kept_as}});
  }
  return applied;
}

void EditSession::discard_recovery() {
  if (!recovery_) return;
  const std::string kept_as = recovery_->journal_path + ".discarded";
  set_aside_journal(".discarded");
  recovery_.reset();
  recovery_entries_.clear();
  journal_.start(journal_path_for(path()), recovery_header_);
  app_.add_notice({Notice::Level::Info, Str::NoticeJournalDiscardedFmt, {kept_as}});
}

bool EditSession::request_open(const std::string& path) {
  if (!dirty()) return open_then(path, nullptr);
  pending_ = Pending::Open;
  pending_path_ = path;
  asking_ = true;
  return false;
}

bool EditSession::request_reload() {
  if (!bound_) return false;
  pending_ = Pending::Reload;
  pending_path_ = bound_path_;
  if (dirty()) {
    asking_ = true;
    return false;
  }
  proceed_with_pending(false);
  return true;
}

bool EditSession::request_quit() {
  if (!dirty()) {
    quit_approved_ = true;
    return true;
  }
  pending_ = Pending::Quit;
  asking_ = true;
  return false;
}

EditSession::Question EditSession::question() const {
  if (recovery_) return Question::RecoverJournal;
  if (disk_conflict_) return Question::FileChangedOnDisk;
  if (asking_) return Question::UnsavedChanges;
  return Question::None;
}

void EditSession::answer_unsaved(Answer answer) {
  if (!asking_) return;
  asking_ = false;
  if (answer == Answer::Cancel || (answer == Answer::Save && !save())) {
    pending_ = Pending::None;  // a failed save told why; the user decides again
    return;
  }
  proceed_with_pending(answer == Answer::Discard);
}

void EditSession::proceed_with_pending(bool discard) {
  const Pending action = pending_;
  pending_ = Pending::None;
  const std::string target = pending_path_;
  pending_path_.clear();
  const bool same_file = bound_ && AppState::absolute_dataset_path(target) == bound_path_;
  auto discard_edits = [&] {
    if (!discard) return;
    const std::string kept_as = journal_.path() + ".discarded";
    set_aside_journal(".discarded");
    if (!kept_as.empty() && file_exists(kept_as))
      app_.add_notice({Notice::Level::Info, Str::NoticeJournalDiscardedFmt, {kept_as}});
  };
  switch (action) {
    case Pending::None:
      return;
    case Pending::Quit:
      discard_edits();
      quit_approved_ = true;
      return;
    case Pending::Reload: {
      discard_edits();
      const int selected = app_.selected_project;
      open_then(target, [this, selected](bool ok) {
        if (ok && selected >= 0 && selected < static_cast<int>(app_.dataset->projects.size()))
          app_.selected_project = selected;  // same file, same order: keep the user's place
      });
      return;
    }
    case Pending::Open:
      if (same_file) {
        discard_edits();
        open_then(target, nullptr);
        return;
      }
      // Another file: the edits are discarded only once it opened (else they stay, unharmed).
      open_then(target, [this, discard, old_journal = journal_.path()](bool ok) {
        if (ok && discard && !old_journal.empty() && file_exists(old_journal)) {
          std::error_code ec;
          std::filesystem::rename(old_journal, old_journal + ".discarded", ec);
          app_.add_notice(
              {Notice::Level::Info, Str::NoticeJournalDiscardedFmt, {old_journal + ".discarded"}});
        }
      });
      return;
  }
}

// ---- editing ----

EditOutcome EditSession::check(const EditTransaction& tx) const {
  if (!bound_) {
    EditOutcome out;
    out.error = "no dataset is open";
    return out;
  }
  return edit_model().check(tx);
}

EditOutcome EditSession::apply(EditTransaction tx) {
  EditOutcome out;
  if (!bound_) {
    out.error = "no dataset is open";
    return out;
  }
  if (read_only_) {
    out.error = text(Str::NoticeReadOnlyEdit, app_.language());
    return out;
  }
  if (recovery_) {
    out.error = "recover or discard the unsaved edits of the last session first";
    return out;
  }
  if (loading()) {
    out.error = text(Str::NoticeEditWhileLoading, app_.language());
    return out;
  }
  known_file_fingerprint();  // of the bytes opened, before the first edit (see save())
  const std::string before = edit_model().state_fingerprint();
  out = edit_model().apply(std::move(tx));
  if (!out.ok) return out;
  journal(out.applied, before);
  publish(out);
  return out;
}

bool EditSession::undo() {
  if (!can_undo() || recovery_) return false;
  const std::string before = editor_->state_fingerprint();
  return step(editor_->undo(), before);
}

bool EditSession::redo() {
  if (!can_redo() || recovery_) return false;
  const std::string before = editor_->state_fingerprint();
  return step(editor_->redo(), before);
}

// An undo or redo the editor made (or refused): journaled and shown like any edit.
bool EditSession::step(const EditOutcome& out, const std::string& before) {
  if (!out.ok) {
    app_.add_notice({Notice::Level::Error, Str::NoticeEditRefusedFmt, {describe_refusal(out)}});
    return false;
  }
  journal(out.applied, before);
  publish(out);
  return true;
}

void EditSession::journal(const EditTransaction& applied, const std::string& before) {
  if (!options_.journal || !journal_.active()) return;
  if (!editor_->dirty()) {
    // Back at the saved state (undone to it): nothing is unsaved, so nothing to recover. The
    // file on disk is unchanged, so the next edit starts a journal with the same header.
    journal_.remove();
    journal_stop_told_ = false;
    return;
  }
  if (journal_.header().base.empty()) journal_.set_base(known_file_fingerprint());
  const JournalWriter::AppendResult r = journal_.append(applied, before, editor_->state_fingerprint());
  switch (r.outcome) {
    case JournalWriter::Outcome::Written:
      return;
    case JournalWriter::Outcome::Resumed:
      journal_stop_told_ = false;
      app_.add_notice({Notice::Level::Info, Str::NoticeJournalResumed, {}});
      return;
    case JournalWriter::Outcome::Stopped:
      // Said once per stop; the status line shows it for as long as it lasts.
      if (journal_stop_told_) return;
      journal_stop_told_ = true;
      app_.add_notice({Notice::Level::Warning, Str::NoticeJournalFailedFmt, {r.error}});
      return;
  }
}

// A failed save says where the edits are: in the journal only when it really holds them.
void EditSession::notice_save_failed(const std::string& error) {
  const bool journaled = options_.journal && journal_.active() && !journal_.stopped();
  app_.add_notice({Notice::Level::Error,
                   journaled ? Str::NoticeSaveFailedFmt : Str::NoticeSaveFailedNoJournalFmt,
                   {error}});
}

// The fingerprint of the bytes that were opened, taken at the first edit. If the file changed
// on disk since (another program saved it), no fingerprint can be had any more: the journal then
// gets a base that matches no file, and is set aside rather than replayed onto other bytes; and
// a save finds the file changed.
const std::string& EditSession::known_file_fingerprint() {
  if (known_fingerprint_.empty())
    known_fingerprint_ = known_stamp_ && stamp_of(path()) == known_stamp_ ? fingerprint_of_file(path())
                                                                          : "changed-after-opening";
  return known_fingerprint_;
}

// The file at `path` now holds what this session wrote (fingerprint of its bytes).
void EditSession::saved_as_now(const std::string& path, const std::string& fingerprint) {
  known_stamp_ = stamp_of(path);
  known_fingerprint_ = fingerprint;
  disk_conflict_ = false;
  disk_changes_.reset();
  disk_version_.reset();
  disk_error_.clear();
}

bool EditSession::file_changed_on_disk() const {
  if (!bound_) return false;
  const std::optional<FileStamp> now = stamp_of(path());
  if (!now) return false;  // removed: a save puts it back, overwriting nothing
  if (known_stamp_ && *now == *known_stamp_) return false;
  return known_fingerprint_.empty() || fingerprint_of_file(path()) != known_fingerprint_;
}

std::vector<DocumentChange>* EditSession::disk_changes() {
  if (!bound_ || !editor_) return nullptr;
  if (disk_changes_) return &*disk_changes_;
  disk_error_.clear();
  disk_version_stamp_ = stamp_of(path());
  LoadResult theirs = load_dataset(path());
  if (!theirs.dataset) {
    disk_error_ = theirs.problems.empty() ? "the file cannot be read" : theirs.problems.front().format();
    return nullptr;
  }
  disk_changes_ =
      compare_documents(editor_->saved_document(), editor_->document(), canonical_document(*theirs.dataset));
  disk_version_ = std::move(theirs);
  return &*disk_changes_;
}

bool EditSession::merge_and_save() {
  if (!disk_changes() || !disk_version_) return false;
  if (stamp_of(path()) != disk_version_stamp_) {  // changed again while the user looked
    disk_changes_.reset();
    disk_version_.reset();
    disk_error_ = text(Str::MergeChangedAgain, app_.language());
    return false;
  }
  DatasetEditor merged(*disk_version_->dataset, disk_version_->problems);
  merged.set_path(path());
  const EditTransaction tx = merge_transaction(merged.document(), *disk_changes_);
  EditOutcome out;
  if (!tx.ops.empty()) {
    out = merged.apply(tx);
    if (!out.ok) {  // e.g. a line of mine names a product the other program removed
      disk_error_ = describe_refusal(out);
      return false;
    }
  }
  const SaveResult saved = save_dataset(merged.dataset(), path());
  if (!saved.ok) {
    disk_error_ = saved.error;
    notice_save_failed(saved.error);
    return false;
  }
  merged.mark_saved();
  editor_.emplace(std::move(merged));
  const std::string fingerprint = editor_->state_fingerprint();
  if (options_.journal) {
    journal_stop_told_ = false;
    journal_.remove();
    start_journal(path(), fingerprint);
  }
  saved_as_now(path(), fingerprint);
  publish(out);
  app_.add_notice({Notice::Level::Info, Str::NoticeMergedFmt, {path()}});
  return true;
}

bool EditSession::reload_keeping_mine() {
  if (!bound_ || !editor_) return false;
  const std::string file = path();
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
  const bool json = file.size() > 5 && file.compare(file.size() - 5, 5, ".json") == 0;
  // Beside the file, so the article texts' relative paths still lead to them.
  const std::string copy = (json ? file.substr(0, file.size() - 5) : file) + ".mine-" + stamp + ".json";
  if (file_exists(copy)) {
    disk_error_ = "a file is already at " + copy;
    return false;
  }
  const SaveResult saved = save_dataset(editor_->dataset(), copy);
  if (!saved.ok) {
    disk_error_ = saved.error;
    return false;
  }
  set_aside_journal(".discarded");  // its edits are all in the copy
  editor_->mark_saved();            // nothing unsaved any more: the copy has it all
  disk_conflict_ = false;
  open_then(file, nullptr);
  app_.add_notice({Notice::Level::Info, Str::NoticeReloadedKeptMineFmt, {file, copy}});
  return true;
}

void EditSession::emit_text_of(const OrderedJson& value) {
  if (value.is_string()) {
    if (app_.on_new_text) app_.on_new_text(value.get_ref<const std::string&>());
  } else if (value.is_structured()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (value.is_object() && it.key() == "name" && it.value().is_string() && app_.on_new_heading_text)
        app_.on_new_heading_text(it.value().get_ref<const std::string&>());
      emit_text_of(it.value());
    }
  }
}

void EditSession::publish(const EditOutcome& outcome) {
  const std::size_t before = app_.dataset ? app_.dataset->projects.size() : 0;
  app_.dataset = editor_->dataset();
  app_.problems = editor_->problems();
  app_.problems_match_dataset = true;
  app_.failed_path.clear();
  for (const EditOp& op : outcome.applied.ops) {
    emit_text_of(op.value);
    if (op.path.size() > 5 && op.path.compare(op.path.size() - 5, 5, "/name") == 0 && op.value.is_string() &&
        app_.on_new_heading_text)
      app_.on_new_heading_text(op.value.get_ref<const std::string&>());
  }
  const std::size_t after = app_.dataset->projects.size();
  if (after == before + 1) {
    app_.selected_project = static_cast<int>(after) - 1;  // a project was added: show it
    app_.scroll_to_selection = true;
  } else if (app_.selected_project >= static_cast<int>(after)) {
    app_.selected_project = -1;
  }
  ++generation_;
  app_.dataset_changed();
}

// ---- saving ----

bool EditSession::save() {
  if (!bound_) return false;
  if (read_only_) {
    app_.add_notice({Notice::Level::Warning, Str::NoticeReadOnlyEdit, {}});
    return false;
  }
  const std::string& target = edit_model().path();
  if (file_changed_on_disk()) {  // never overwrite another program's change unseen
    disk_conflict_ = true;
    disk_changes_.reset();
    disk_version_.reset();
    disk_error_.clear();
    app_.add_notice({Notice::Level::Warning, Str::NoticeFileChangedFmt, {target}});
    return false;
  }
  const SaveResult saved = save_dataset(edit_model().dataset(), target);
  if (!saved.ok) {
    notice_save_failed(saved.error);
    return false;
  }
  edit_model().mark_saved();
  const std::string fingerprint = edit_model().state_fingerprint();
  if (options_.journal) {
    journal_stop_told_ = false;
    journal_.remove();
    start_journal(target, fingerprint);
  }
  saved_as_now(target, fingerprint);
  app_.add_notice({Notice::Level::Info, Str::NoticeSavedFmt, {target}});
  ++generation_;
  return true;
}

void EditSession::start_journal(const std::string& path, const std::string& fingerprint) {
  journal_.start(journal_path_for(path), {path, fingerprint, ""});
}

bool EditSession::save_as(const std::string& requested) {
  if (!bound_) return false;
  const std::string target = AppState::absolute_dataset_path(requested);
  if (target == bound_path_ && !read_only_) return save();
  FileLock target_lock;
  if (options_.lock_file) {
    const FileLock::Result r = target_lock.acquire(target);
    if (r.outcome == FileLock::Outcome::HeldByOther) {
      app_.add_notice({Notice::Level::Error, Str::NoticeSaveAsLockedFmt, {target}});
      return false;
    }
  }
  // Article texts go along, at the same relative paths, so the quotes can still be checked.
  const std::string directory = directory_of(target);
  for (const Source& s : edit_model().dataset().sources) {
    if (s.kind != Source::Kind::Article || s.file.empty()) continue;
    const std::string copy = join_path(directory, s.file);
    if (file_exists(copy)) {
      const ReadFileResult existing = read_whole_file(copy);
      if (existing.ok && (existing.content == s.text || existing.content == "\xEF\xBB\xBF" + s.text))
        continue;
      notice_save_failed("a different file is already at " + copy);
      return false;
    }
    std::error_code ec;
    std::filesystem::create_directories(directory_of(copy), ec);
    const WriteFileResult w = write_file_atomically(copy, s.text);
    if (!w.ok) {
      notice_save_failed(w.error);
      return false;
    }
  }
  const SaveResult saved = save_dataset(edit_model().dataset(), target);
  if (!saved.ok) {
    notice_save_failed(saved.error);
    return false;
  }
  // From now on the new file is the one edited; the old one's edits are saved in it.
  if (options_.journal && !read_only_) journal_.remove();
  journal_.close();
  if (options_.lock_file) lock_ = std::move(target_lock);
  edit_model().set_path(target);
  bound_path_ = target;
  edit_model().mark_saved();
  app_.dataset->path = target;
  remember_recent_file(app_.settings, target);
  read_only_ = false;
  journal_stop_told_ = false;
  const std::string fingerprint = edit_model().state_fingerprint();
  if (options_.journal) start_journal(target, fingerprint);
  saved_as_now(target, fingerprint);
  app_.add_notice({Notice::Level::Info, Str::NoticeSavedFmt, {target}});
  ++generation_;
  app_.invalidate();
  return true;
}

}  // namespace indtrack::ui
