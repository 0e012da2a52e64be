// EditSession (edit_session.h).
#include "app_model/edit_session.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "app_model/journal_records.h"
#include "io/dataset_io.h"
#include "io/file_io.h"
#include "store/json_file_store.h"

namespace indtrack::ui {

namespace {

// The first reason an edit was refused, for a notice: a malformed edit, else the first error.
std::string describe_refusal(const EditOutcome& out) {
  if (!out.error.empty()) return out.error;
  for (const Problem& p : out.problems)
    if (p.severity == Problem::Severity::Error) return p.path.empty() ? p.message : p.path + ": " + p.message;
  return {};
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

bool EditSession::open_store(std::unique_ptr<DatasetStore> store) {
  if (!store) return false;
  Result<LoadResult> loaded = store->load();
  if (!loaded) {
    app_.add_notice(
        {Notice::Level::Error, Str::NoticeStoreUnreadableFmt, {store->name(), loaded.error().message}});
    return false;
  }
  if (!app_.adopt_load(store->name(), std::move(*loaded), {}, /*remember_recent=*/false)) return false;
  bind_to_loaded_dataset(std::move(store));
  return true;
}

bool EditSession::reload_store() {
  Result<LoadResult> loaded = store_->load();
  if (!loaded) {
    app_.add_notice(
        {Notice::Level::Error, Str::NoticeStoreUnreadableFmt, {store_->name(), loaded.error().message}});
    return false;
  }
  // The same dataset, newer: the filter stays and so does the selected project (by its id).
  const FilterSpec filter = app_.filter();
  const int selected = app_.selected_project;
  const std::string selected_id = selected >= 0 && selected < static_cast<int>(app_.dataset->projects.size())
                                      ? app_.dataset->projects[selected].id
                                      : std::string();
  if (!app_.adopt_load(store_->name(), std::move(*loaded), {}, /*remember_recent=*/false)) return false;
  std::unique_ptr<DatasetStore> store = std::move(store_);
  bind_to_loaded_dataset(std::move(store));
  app_.set_filter(filter);
  for (std::size_t i = 0; i < app_.dataset->projects.size(); ++i)
    if (!selected_id.empty() && app_.dataset->projects[i].id == selected_id)
      app_.selected_project = static_cast<int>(i);
  app_.scroll_to_selection = false;
  return true;
}

DatasetEditor& EditSession::edit_model() const {
  if (!editor_) {
    editor_.emplace(*app_.dataset, app_.problems);
    read_texts_from_store(*editor_, *app_.dataset);
  }
  return *editor_;
}

// A store that is not a file holds the article texts itself: edits are validated against the
// texts as loaded; a source added since (an import) brings its text with the edit
// (EditTransaction::texts) — nothing is read from, or written to, the working folder.
void EditSession::read_texts_from_store(DatasetEditor& editor, const Dataset& loaded) const {
  if (is_file()) return;
  auto texts = std::make_shared<std::map<std::string, std::string>>();
  for (const Source& s : loaded.sources)
    if (s.kind == Source::Kind::Article && !s.file.empty()) texts->emplace(s.id, s.text);
  editor.set_article_text_reader([texts](const Source& s) -> std::optional<std::string> {
    if (const auto it = texts->find(s.id); it != texts->end()) return it->second;
    return std::nullopt;
  });
}

bool EditSession::open_then(const std::string& path, std::function<void(bool)> then) {
  if (bound_ && !is_file() && path == bound_path_) {  // the database again: read it afresh
    const bool ok = reload_store();
    if (then) then(ok);
    return ok;
  }
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

void EditSession::bind_to_loaded_dataset(std::unique_ptr<DatasetStore> store) {
  const std::string path = app_.dataset->path;
  if (!store) {
    auto file = std::make_unique<JsonFileStore>(path);
    if (auto* previous = dynamic_cast<JsonFileStore*>(store_.get())) file->keep_lock_of(*previous);
    store = std::move(file);
  }
  if (store_) store_->close_for_editing();  // the previous file's lock, unless kept above
  store_ = std::move(store);
  others_told_ = false;
  journal_.reset();  // a read-only file gets no journal; an editable one starts its own below
  recovery_.reset();
  read_only_ = false;
  journal_stop_told_ = false;
  quit_approved_ = false;
  editor_.reset();  // made when first needed (edit_model)
  bound_ = true;
  bound_path_ = path;
  disk_conflict_ = false;
  disk_changes_.reset();
  disk_version_.reset();
  disk_error_.clear();
  ++generation_;
  claim_for_editing();
  if (options_.journal && !read_only_ && !store_->journal_path().empty()) look_for_journal();
}

void EditSession::claim_for_editing() {
  const EditAccess access = store_->open_for_editing(options_.lock_file);
  if (access.writable()) return;
  read_only_ = true;
  switch (access.kind) {
    case EditAccess::Kind::Writable:
      return;
    case EditAccess::Kind::LockedByOther:
      app_.add_notice({Notice::Level::Warning, Str::NoticeReadOnlyLockedFmt, access.args});
      return;
    case EditAccess::Kind::NoLock:
      app_.add_notice({Notice::Level::Warning, Str::NoticeReadOnlyNoLockFmt, access.args});
      return;
    case EditAccess::Kind::ReadOnlyRole:
      app_.add_notice({Notice::Level::Info, Str::NoticeReadOnlyRoleFmt, access.args});
      return;
    case EditAccess::Kind::Unknown:
      app_.add_notice({Notice::Level::Warning, Str::NoticeReadOnlyUnknownFmt, access.args});
      return;
  }
}

void EditSession::look_for_journal() {
  const std::string path = bound_path_;
  const std::string journal_path = store_->journal_path();
  JournalContents found = read_journal(journal_path);
  if (!found.exists) {
    // No journal to compare: the version's fingerprint (for a file a pass over all of it, 0.4 s
    // at 300 MB) waits for the first edit (DatasetStore::edited_version).
    journal_.start(journal_path, {path, "", ""});
    return;
  }
  const std::string fingerprint = store_->edited_version();
  journal_.start(journal_path, {path, fingerprint, ""});
  if (!found.error.empty()) {
    set_aside_journal(".broken");
    app_.add_notice(
        {Notice::Level::Warning, Str::NoticeJournalUnreadableFmt, {journal_path + ".broken", found.error}});
    return;
  }
  if (found.header.base != fingerprint && !found.entries.empty() && offer_onto_newer(found, fingerprint))
    return;
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
  recovery_rebased_ = false;
}

bool EditSession::offer_onto_newer(JournalContents& found, const std::string& fingerprint) {
  // The records each entry touches; one that cannot be told stops the offer there.
  const OrderedJson& document = edit_model().document();
  std::vector<std::optional<std::set<StoreRecord>>> touched;
  std::set<StoreRecord> named;
  for (const JournalEntry& entry : found.entries) {
    touched.push_back(records_touched(document, entry.tx));
    if (touched.back()) named.insert(touched.back()->begin(), touched.back()->end());
  }
  const std::optional<std::set<StoreRecord>> changed =
      store_->records_changed_since(found.header.base, named);
  if (!changed) return false;
  std::size_t offered = 0;
  while (offered < touched.size() && touched[offered] &&
         std::none_of(touched[offered]->begin(), touched[offered]->end(),
                      [&](const StoreRecord& r) { return changed->count(r) > 0; }))
    ++offered;

  const std::string journal_path = store_->journal_path();
  if (offered < found.entries.size()) {
    // Never lost: the whole journal stays, untouched, beside the one the offer rewrites.
    const std::string kept_as = journal_path + ".conflicting";
    std::error_code ec;
    std::filesystem::remove(kept_as, ec);
    std::filesystem::copy_file(journal_path, kept_as, ec);
    if (ec) return false;  // not kept: set aside whole instead
    std::string names;
    for (const StoreRecord& r : *changed) {
      if (!names.empty()) names += ", ";
      const int project = r.list == "projects" && app_.dataset ? app_.dataset->find_project(r.id) : -1;
      names += project >= 0
                   ? app_.dataset->projects[static_cast<std::size_t>(project)].name + " (" + r.id + ")"
               : r.list.empty() ? std::string("dataset")
                                : r.list + "/" + r.id;
    }
    app_.add_notice({Notice::Level::Warning,
                     Str::NoticeJournalOthersChangedFmt,
                     {names.empty() ? "?" : names, std::to_string(offered + 1), kept_as}});
    if (offered == 0) {  // nothing to offer: the kept copy has it all
      journal_.remove();
      journal_.start(journal_path, {bound_path_, fingerprint, ""});
      return true;
    }
  }
  const bool whole = offered == found.entries.size();
  recovery_ = RecoveryOffer{journal_path, found.header.started, offered, whole && found.torn_tail,
                            whole ? found.broken : std::string()};
  recovery_header_ = {bound_path_, fingerprint, found.header.started};  // replayed onto this version
  found.entries.resize(offered);
  recovery_entries_ = std::move(found.entries);
  recovery_rebased_ = true;
  return true;
}

void EditSession::set_aside_journal(const std::string& suffix) {
  const std::string journal_path = journal_.active() ? journal_.path() : store_ ? store_->journal_path() : "";
  journal_.close();
  if (path().empty() || journal_path.empty() || !file_exists(journal_path)) return;
  std::error_code ec;
  std::filesystem::rename(journal_path, journal_path + suffix, ec);
  if (ec) std::filesystem::remove(journal_path, ec);
}

std::size_t EditSession::recover() {
  if (!recovery_ || !bound_) return 0;
  std::size_t applied = 0;
  std::string failure;
  std::vector<JournalEntry> kept;  // as replayed: the states they now go from and to
  for (const JournalEntry& entry : recovery_entries_) {
    DatasetEditor& editor = edit_model();
    // Only onto the very state the edit was made on (an entry missed in between, a file changed
    // since, would show here), and only onto the records it names (apply checks EditOp::ids).
    // A state after it that differs from the recorded one stops the next entry here in turn.
    // Onto a newer version (others' commits): its records are unchanged since, checked when
    // offered; found by id where others' deletions may have moved them, and checked by apply.
    const std::string before = editor.state_fingerprint();
    if (!recovery_rebased_ && before != entry.before) {
      failure = "it was made on another state of the dataset than the one recovered so far";
      break;
    }
    const EditOutcome out =
        editor.apply(recovery_rebased_ ? relocate_records(editor.document(), entry.tx) : entry.tx);
    if (!out.ok) {
      failure = describe_refusal(out);
      break;
    }
    kept.push_back(
        recovery_rebased_ ? JournalEntry{entry.seq, before, editor.state_fingerprint(), out.applied} : entry);
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
  journal_.start(store_->journal_path(), recovery_header_);
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
  store_->edited_version();  // of the version opened, before the first edit changes anything
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
  if (journal_.header().base.empty()) journal_.set_base(store_->edited_version());
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
  const Str message = !journaled  ? Str::NoticeSaveFailedNoJournalFmt
                      : is_file() ? Str::NoticeSaveFailedFmt
                                  : Str::NoticeDbSaveFailedFmt;
  app_.add_notice({Notice::Level::Error, message, {error}});
}

// The store holds what this session wrote.
void EditSession::saved_now() {
  disk_conflict_ = false;
  disk_changes_.reset();
  disk_version_.reset();
  disk_error_.clear();
}

bool EditSession::file_changed_on_disk() const { return bound_ && store_->changed_elsewhere(); }

bool EditSession::poll_others_changes() {
  if (!bound_ || loading() || !store_->poll_others_changes()) return false;
  if (dirty() || recovery_ || question() != Question::None) {
    // Their changes wait: a reload now would drop these edits. A save shows both versions.
    if (!others_told_) app_.add_notice({Notice::Level::Info, Str::NoticeOthersChangedKeptEdits, {}});
    others_told_ = true;
    return false;
  }
  if (!reload_store()) return false;
  app_.add_notice({Notice::Level::Info, Str::NoticeOthersChangedReloaded, {}});
  return true;
}

StoreSave EditSession::save_request(const DatasetEditor& editor) const {
  StoreSave request;
  request.data = &editor.dataset();
  request.base = [&editor] { return editor.saved_document(); };
  request.edited = &editor.document();
  request.fingerprint = editor.state_fingerprint();
  request.label = editor.undo_label();
  return request;
}

std::vector<DocumentChange>* EditSession::disk_changes() {
  if (!bound_ || !editor_) return nullptr;
  if (disk_changes_) return &*disk_changes_;
  disk_error_.clear();
  Result<LoadResult> read = store_->load_theirs();
  if (!read) {
    disk_error_ = read.error().message;
    return nullptr;
  }
  LoadResult theirs = std::move(*read);
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
  DatasetEditor merged(*disk_version_->dataset, disk_version_->problems);
  merged.set_path(path());
  read_texts_from_store(merged, *disk_version_->dataset);
  EditTransaction tx = merge_transaction(merged.document(), *disk_changes_);
  tx.texts = editor_->brought_texts();  // of my imported articles, which the merge may keep
  EditOutcome out;
  if (!tx.ops.empty()) {
    out = merged.apply(tx);
    if (!out.ok) {  // e.g. a line of mine names a product the other program removed
      disk_error_ = describe_refusal(out);
      return false;
    }
  }
  StoreSave request = save_request(merged);
  request.onto_theirs = true;
  const StoreSaveResult saved = store_->save(request);
  if (saved.outcome == StoreSaveResult::Outcome::ChangedElsewhere) {  // changed again while the user looked
    disk_changes_.reset();
    disk_version_.reset();
    disk_error_ = text(Str::MergeChangedAgain, app_.language());
    return false;
  }
  if (!saved.saved()) {
    disk_error_ = saved.error;
    notice_save_failed(saved.error);
    return false;
  }
  merged.mark_saved();
  editor_.emplace(std::move(merged));
  if (options_.journal) {
    journal_stop_told_ = false;
    journal_.remove();
    start_journal();
  }
  saved_now();
  publish(out);
  app_.add_notice({Notice::Level::Info, is_file() ? Str::NoticeMergedFmt : Str::NoticeDbMergedFmt, {path()}});
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
  std::string copy;
  if (is_file()) {
    const bool json = file.size() > 5 && file.compare(file.size() - 5, 5, ".json") == 0;
    // Beside the file, so the article texts' relative paths still lead to them.
    copy = (json ? file.substr(0, file.size() - 5) : file) + ".mine-" + stamp + ".json";
  } else {
    // A database has no "beside": a folder of its own next to the journal, the texts with it.
    copy = join_path(directory_of(store_->journal_path()), std::string("mine-") + stamp + "/dataset.json");
  }
  if (file_exists(copy)) {
    disk_error_ = "a file is already at " + copy;
    return false;
  }
  if (is_file()) {
    const SaveResult saved = save_dataset(editor_->dataset(), copy);
    if (!saved.ok) {
      disk_error_ = saved.error;
      return false;
    }
  } else {
    ArticleTexts texts;
    for (const Source& s : editor_->dataset().sources)
      if (s.kind == Source::Kind::Article && !s.file.empty()) texts.emplace(s.id, s.text);
    JsonFileStore copy_store(copy);
    if (Result<Done> written = copy_store.write(editor_->dataset(), texts, {"", false}); !written) {
      disk_error_ = written.error().message;
      return false;
    }
  }
  set_aside_journal(".discarded");  // its edits are all in the copy
  editor_->mark_saved();            // nothing unsaved any more: the copy has it all
  disk_conflict_ = false;
  open_then(file, nullptr);
  app_.add_notice({Notice::Level::Info, Str::NoticeReloadedKeptMineFmt, {file, copy}});
  return true;
}

// ---- history ----

const std::vector<StoreChange>* EditSession::project_history(const std::string& id) {
  if (!keeps_history()) return nullptr;
  if (id == history_of_ && history_generation_ == generation_)
    return history_error_.empty() ? &history_ : nullptr;
  history_of_ = id;
  history_generation_ = generation_;
  history_.clear();
  history_error_.clear();
  Result<std::vector<StoreChange>> read = store_->project_history(id, 50);
  if (!read) {
    history_error_ = read.error().message;
    return nullptr;
  }
  history_ = std::move(*read);
  for (const StoreChange& c : history_) {
    if (!app_.on_new_text) break;
    app_.on_new_text(c.label);
    for (const std::string& line : c.what) app_.on_new_text(line);
  }
  return &history_;
}

bool EditSession::revert_change(std::int64_t id) {
  if (!bound_ || read_only_) return false;
  if (dirty()) {
    app_.add_notice({Notice::Level::Warning, Str::NoticeRevertNeedsSave, {}});
    return false;
  }
  const StoreSaveResult r = store_->revert(id);
  if (!r.saved()) {
    app_.add_notice({Notice::Level::Warning, Str::NoticeRevertRefusedFmt, {std::to_string(id), r.error}});
    return false;
  }
  if (!reload_store()) return false;
  app_.add_notice({Notice::Level::Info, Str::NoticeRevertedFmt, {std::to_string(id)}});
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
  const std::string target = path();
  const StoreSaveResult saved = store_->save(save_request(edit_model()));
  if (saved.outcome == StoreSaveResult::Outcome::ChangedElsewhere) {  // never overwrite theirs unseen
    disk_conflict_ = true;
    disk_changes_.reset();
    disk_version_.reset();
    disk_error_.clear();
    app_.add_notice(
        {Notice::Level::Warning, is_file() ? Str::NoticeFileChangedFmt : Str::NoticeDbChangedFmt, {target}});
    return false;
  }
  if (!saved.saved()) {
    notice_save_failed(saved.error);
    return false;
  }
  edit_model().mark_saved();
  if (options_.journal) {
    journal_stop_told_ = false;
    journal_.remove();
    start_journal();
  }
  saved_now();
  app_.add_notice({Notice::Level::Info, Str::NoticeSavedFmt, {target}});
  ++generation_;
  // Others' changes that arrived while these edits were unsaved: now they can be shown.
  if (others_told_ && !is_file() && reload_store())
    app_.add_notice({Notice::Level::Info, Str::NoticeOthersChangedReloaded, {}});
  return true;
}

// After a save: the journal names the version just saved as the store names it (a file's
// fingerprint, a database's change), the one look_for_journal() compares after a crash.
void EditSession::start_journal() {
  const std::string journal_path = store_->journal_path();
  if (!journal_path.empty()) journal_.start(journal_path, {path(), store_->edited_version(), ""});
}

bool EditSession::save_as(const std::string& requested) {
  if (!bound_) return false;
  const std::string target = AppState::absolute_dataset_path(requested);
  if (target == bound_path_ && is_file() && !read_only_) return save();
  auto target_store = std::make_unique<JsonFileStore>(target);
  if (options_.lock_file) {
    const EditAccess access = target_store->open_for_editing(/*exclusive=*/true);
    if (access.kind == EditAccess::Kind::LockedByOther) {
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
  const StoreSaveResult saved = target_store->save_over(save_request(edit_model()));
  if (!saved.saved()) {
    notice_save_failed(saved.error);
    return false;
  }
  // From now on the new file is the one edited; the old one's edits are saved in it.
  if (options_.journal && !read_only_) journal_.remove();
  journal_.close();
  store_->close_for_editing();
  store_ = std::move(target_store);
  edit_model().set_path(target);
  bound_path_ = target;
  edit_model().mark_saved();
  app_.dataset->path = target;
  remember_recent_file(app_.settings, target);
  read_only_ = false;
  journal_stop_told_ = false;
  if (options_.journal) start_journal();
  saved_now();
  app_.add_notice({Notice::Level::Info, Str::NoticeSavedFmt, {target}});
  ++generation_;
  app_.invalidate();
  return true;
}

}  // namespace indtrack::ui
