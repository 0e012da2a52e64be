// Text typed into the edit panel before it becomes an edit. Each draft is validated as it
// changes — the edit it would make is checked by the loader, so the messages are those of
// `indtrack validate` — and applied when the field is left or Enter is pressed, only when valid;
// an invalid draft stays in its field with its errors until corrected or abandoned (Esc). Keyed
// by the field's JSON pointer. No ImGui: the edit panel and the tests drive it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app_model/edit_session.h"

namespace indtrack::ui {

class FieldDrafts {
 public:
  struct Draft {
    std::string text;
    std::vector<std::string>
        errors;  // "projects[0].units[0].milestones[0].date: 2023-02-30 is not a date ..."
  };

  // The draft of the field `key`, or nullptr when the field shows the dataset's value.
  const Draft* find(const std::string& key) const;
  // The user typed: `text` is the field's content and `tx` the edit it would make.
  void update(const std::string& key, std::string text, const EditSession& session,
              const EditTransaction& tx);
  // The field was left or Enter pressed: applies the draft's edit when it is valid. True when
  // applied (the draft is then gone); false keeps the draft and its errors.
  bool commit(const std::string& key, EditSession& session, const EditTransaction& tx);
  void discard(const std::string& key) { drafts_.erase(key); }
  void clear() { drafts_.clear(); }
  // Drafts made against an older state of the dataset (another edit, undo, another file) are
  // dropped: their paths may point elsewhere now.
  void sync(const EditSession& session);
  bool empty() const { return drafts_.empty(); }

 private:
  std::map<std::string, Draft> drafts_;
  std::uint64_t generation_ = 0;
};

// The error lines of an edit's verdict: a malformed edit, then the loader's errors.
std::vector<std::string> error_lines(const EditOutcome& outcome);

}  // namespace indtrack::ui
