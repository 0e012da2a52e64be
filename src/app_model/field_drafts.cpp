// FieldDrafts (field_drafts.h).
#include "app_model/field_drafts.h"

namespace indtrack::ui {

std::vector<std::string> error_lines(const EditOutcome& outcome) {
  std::vector<std::string> lines;
  if (!outcome.error.empty()) lines.push_back(outcome.error);
  for (const Problem& p : outcome.problems)
    if (p.severity == Problem::Severity::Error)
      lines.push_back(p.path.empty() ? p.message : p.path + ": " + p.message);
  return lines;
}

const FieldDrafts::Draft* FieldDrafts::find(const std::string& key) const {
  const auto it = drafts_.find(key);
  return it == drafts_.end() ? nullptr : &it->second;
}

void FieldDrafts::sync(const EditSession& session) {
  if (generation_ == session.generation()) return;
  generation_ = session.generation();
  drafts_.clear();
}

void FieldDrafts::update(const std::string& key, std::string text, const EditSession& session,
                         const EditTransaction& tx) {
  sync(session);
  Draft& d = drafts_[key];
  d.text = std::move(text);
  d.errors = error_lines(session.check(tx));
}

bool FieldDrafts::commit(const std::string& key, EditSession& session, const EditTransaction& tx) {
  sync(session);
  const auto it = drafts_.find(key);
  if (it == drafts_.end()) return false;
  if (!it->second.errors.empty()) return false;
  const EditOutcome out = session.apply(tx);
  if (!out.ok) {
    it->second.errors = error_lines(out);
    return false;
  }
  drafts_.clear();  // this one is applied; any other was checked against the state before it
  generation_ = session.generation();
  return true;
}

}  // namespace indtrack::ui
