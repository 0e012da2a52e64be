// DatasetEditor (dataset_editor.h): apply to a copy, validate with the loader, keep on success.
#include "edit/dataset_editor.h"

#include <algorithm>

#include "core/fingerprint.h"
#include "io/dataset_io.h"
#include "io/file_io.h"

namespace indtrack {

OrderedJson canonical_document(const Dataset& data) { return OrderedJson::parse(serialize_dataset(data)); }

namespace {

// The writer's text of `data`, as the document later edit paths address, and its fingerprint.
void canonical_form(const Dataset& data, OrderedJson& document, std::string& fingerprint) {
  const std::string text = serialize_dataset(data);
  document = OrderedJson::parse(text);
  fingerprint = content_fingerprint(text);
}

}  // namespace

DatasetEditor::DatasetEditor(Dataset data, std::vector<Problem> problems)
    : dataset_(std::move(data)), problems_(std::move(problems)) {
  canonical_form(dataset_, document_, state_fingerprint_);
}

void DatasetEditor::set_path(const std::string& path) { dataset_.path = path; }

EditOutcome DatasetEditor::evaluate(const EditTransaction& tx, bool keep, State& state,
                                    EditTransaction* inverse) const {
  EditOutcome out;
  OrderedJson edited = document_;
  TransactionResult applied = apply_transaction(edited, tx);
  if (!applied.ok) {
    out.error = applied.error;
    return out;
  }
  // The loader's own rules and messages; problems name the dataset file.
  LoadOptions options;
  options.article_text = article_text_;
  if (article_text_ && (!tx.texts.empty() || !brought_texts_.empty()))
    options.article_text = [&](const Source& s) -> std::optional<std::string> {
      if (const auto it = tx.texts.find(s.id); it != tx.texts.end()) return it->second;
      if (const auto it = brought_texts_.find(s.id); it != brought_texts_.end()) return it->second;
      return article_text_(s);
    };
  LoadResult loaded = parse_dataset(edited.dump(2, ' ', false, nlohmann::json::error_handler_t::replace),
                                    dataset_.path, directory_of(dataset_.path), options);
  out.problems = std::move(loaded.problems);
  for (Problem& p : out.problems) p.line = p.column = 0;  // positions in a text nobody sees
  if (!loaded.dataset) return out;
  out.ok = true;
  out.applied = std::move(applied.applied);  // with the identities of the records it touched
  if (!keep) return out;                     // a check: the verdict is all that is wanted (half the cost)
  loaded.dataset->path = dataset_.path;
  state.dataset = std::move(*loaded.dataset);
  // Back to the canonical form, so later paths address what the writer writes.
  canonical_form(state.dataset, state.document, state.fingerprint);
  if (inverse) *inverse = std::move(applied.inverse);
  return out;
}

EditOutcome DatasetEditor::check(const EditTransaction& tx) const {
  State state;
  return evaluate(tx, false, state, nullptr);
}

EditOutcome DatasetEditor::apply(EditTransaction tx) {
  State state;
  EditTransaction inverse;
  EditOutcome out = evaluate(tx, true, state, &inverse);
  if (!out.ok) return out;
  adopt(std::move(state), out.problems);
  for (const auto& [id, text] : tx.texts) brought_texts_[id] = text;
  // Redo replays the ops as applied, identities included: they must meet the same records.
  Entry entry{next_id_++, out.applied, std::move(inverse)};
  out.id = entry.id;
  undo_.push_back(std::move(entry));
  redo_.clear();
  return out;
}

const std::string& DatasetEditor::undo_label() const {
  static const std::string kNone;
  return undo_.empty() ? kNone : undo_.back().forward.label;
}

const std::string& DatasetEditor::redo_label() const {
  static const std::string kNone;
  return redo_.empty() ? kNone : redo_.back().forward.label;
}

EditOutcome DatasetEditor::undo() { return replay(undo_, redo_, /*undoing=*/true); }

EditOutcome DatasetEditor::redo() { return replay(redo_, undo_, /*undoing=*/false); }

// Undo (the last entry's inverse) or redo (its forward edit), validated like any edit; on success
// the entry moves from `from` to `to`. A refused step (e.g. an article text deleted from disk
// meanwhile) changes nothing.
EditOutcome DatasetEditor::replay(std::vector<Entry>& from, std::vector<Entry>& to, bool undoing) {
  EditOutcome out;
  if (from.empty()) {
    out.error = undoing ? "nothing to undo" : "nothing to redo";
    return out;
  }
  State state;
  out = evaluate(undoing ? from.back().inverse : from.back().forward, true, state, nullptr);
  if (!out.ok) return out;
  adopt(std::move(state), out.problems);
  out.id = from.back().id;
  to.push_back(std::move(from.back()));
  from.pop_back();
  return out;
}

void DatasetEditor::adopt(State state, const std::vector<Problem>& problems) {
  document_ = std::move(state.document);
  dataset_ = std::move(state.dataset);
  state_fingerprint_ = std::move(state.fingerprint);
  problems_ = problems;
}

OrderedJson DatasetEditor::saved_document() const {
  OrderedJson doc = document_;
  if (!dirty()) return doc;
  const bool saved_before_now =
      saved_id_ == 0 ||
      std::any_of(undo_.begin(), undo_.end(), [&](const Entry& e) { return e.id == saved_id_; });
  if (saved_before_now) {  // undo back to it
    for (auto it = undo_.rbegin(); it != undo_.rend() && it->id != saved_id_; ++it)
      apply_transaction(doc, it->inverse);
  } else {  // the saved state was undone: redo up to it
    for (auto it = redo_.rbegin(); it != redo_.rend(); ++it) {
      apply_transaction(doc, it->forward);
      if (it->id == saved_id_) break;
    }
  }
  return doc;
}

bool DatasetEditor::is_applied(std::uint64_t id) const {
  for (const Entry& e : undo_)
    if (e.id == id) return true;
  return false;
}

}  // namespace indtrack
