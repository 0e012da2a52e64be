// The "Import article" view without ImGui: the article's text (pasted, or read from a .txt file)
// with its publisher, title and date; the candidate facts the extractor finds, using the open
// dataset's names and aliases as its dictionary; for each candidate the curator's draft (value,
// unit, date, kind, expected ...) and target (an existing project and line, or new ones),
// validated as they change; accepting — the text is stored under sources/ beside the dataset
// (on a database it goes with the edit, to be saved with it: no file), then one edit adds the
// article source (the first time) and the fact — and rejecting. Testable
// without a GPU: the import → accept → save → reload test drives exactly this.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app_model/edit_session.h"
#include "edit/fact_edits.h"

namespace indtrack::ui {

struct ImportCandidate {
  enum class State : unsigned char { Pending, Accepted, Rejected };

  ExtractedFact fact;      // what the extractor read
  FactDraft draft;         // what will be written (the curator may correct it)
  FactTarget target;       // where it goes
  std::string value_text;  // the value field as typed ("10.4")
  State state = State::Pending;
  std::uint64_t accepted_edit = 0;  // the edit history entry that added it

  // The verdict on accepting it now, refreshed by ImportModel::check().
  std::vector<std::string> errors;  // "projects[5].units[0]: missing required field \"product\""
  bool checked = false;
};

// A span of the text to highlight: a candidate's number or date expression.
struct ImportHighlight {
  std::size_t start = 0, end = 0;  // byte offsets into ImportModel::text()
  int candidate = -1;
  FactKind kind = FactKind::Capacity;
};

class ImportModel {
 public:
  // Inputs the view edits directly.
  std::string file_path;  // the .txt to open
  std::string publisher;  // 乌海日报
  std::string title;
  std::string article_date;  // YYYY[-MM[-DD]] as typed; empty when unknown

  const std::string& text() const { return text_; }
  // Changes with the text and with every extraction (the highlights): views re-lay out then.
  std::uint64_t text_generation() const { return text_generation_; }
  // Replaces the text (pasted or typed); candidates are dropped until extract() runs again.
  // Refused (false) once a fact of it was accepted: the stored article must stay what was cited.
  bool set_text(std::string text);
  // Reads `file_path`: UTF-8 (a byte-order mark is dropped), at most 64 MB. False with message().
  // A new article clears the previous one's publisher, title and date: the date decides the
  // year of "4月" and "年底", so a stale one would silently date its facts wrongly.
  bool load_file(Language language);
  // Why the last load or extraction failed, in the language it was asked in; empty when fine.
  const std::string& message() const { return message_; }

  // Runs the extractor over the text with the dataset's dictionary and the article date, and
  // proposes a target for every candidate. False (with message()) when the date is not a date.
  bool extract(const Dataset& data, Language language);
  bool extracted() const { return extracted_; }
  bool has_article_date() const { return date_.has_value(); }
  // Set by extract() when the dataset already has this article (the same text stored under
  // sources/): its source id; accepting then cites that source instead of adding a copy.
  const std::string& already_source() const { return already_source_; }
  std::vector<ImportCandidate>& candidates() { return candidates_; }
  const std::vector<ImportCandidate>& candidates() const { return candidates_; }
  const std::vector<ImportHighlight>& highlights() const { return highlights_; }
  // An article in traditional script is read in simplified form: after extraction, that form
  // (what the view shows by default, the original a click away) with the highlights mapped onto
  // it. converted() is false when nothing needed converting.
  bool converted() const { return !converted_text_.empty(); }
  const std::string& converted_text() const { return converted_text_; }
  const std::vector<ImportHighlight>& converted_highlights() const { return converted_highlights_; }
  std::size_t count(ImportCandidate::State state) const;
  bool any_accepted() const { return count(ImportCandidate::State::Accepted) > 0; }

  // The source record accepting adds (id chosen at extraction; file relative to the dataset).
  const ArticleSource& source() const { return source_; }
  void refresh_source_fields();  // publisher / title / date typed after extraction

  // The curator changed candidate `i` (draft fields, value_text, target): checked again next.
  void changed(std::size_t i);
  // Validates accepting candidate `i` now, when it changed or the dataset did.
  void check(std::size_t i, const EditSession& session, Language language);
  // Stores the text (first time) and applies the edit. False with the errors on the candidate.
  bool accept(std::size_t i, EditSession& session, Language language);
  void reject(std::size_t i);
  void reconsider(std::size_t i);
  // Follows the session: a candidate whose accepting edit was undone is pending again (redone:
  // accepted again); targets that no longer exist are reset; another file drops the candidates
  // (the text stays, to find them again there). The article text stored by the first accept is
  // removed once that accept is undone and cannot be redone (another edit followed).
  void sync(const EditSession& session);

 private:
  EditTransaction accept_transaction(std::size_t i, const EditSession& session) const;
  std::string stored_text_path(const EditSession& session) const;
  bool store_text(const EditSession& session, std::string& error) const;

  std::string text_;
  std::uint64_t text_generation_ = 0;
  std::string message_;
  bool extracted_ = false;
  std::optional<Date> date_;
  ArticleSource source_;
  std::vector<ImportCandidate> candidates_;
  std::vector<ImportHighlight> highlights_;
  std::string converted_text_;
  std::vector<ImportHighlight> converted_highlights_;
  std::string unwrapped_text_;  // text_ without whitespace, for checking quotes (once, not per candidate)
  std::uint64_t checked_generation_ = 0;  // the session generation the checks were made at
  std::string already_source_;            // extract(): the dataset's source with this very text, if any
  struct StoredText {                     // the text file accept() wrote (not one that was there before)
    std::string dataset, source_id, path, text;
  } stored_;
  std::string extracted_for_;  // the dataset file the candidates were found for
};

// What the extractor read, for the tooltip over a highlight: kind, value (万吨/年, 亿元 ...) or
// date with its kind and expected/actual, lines, and the product, company, project and park.
std::string describe_reading(const ExtractedFact& fact, Language language);
Str kind_label(FactKind kind);

// The target proposed for a fact: the company's project making the product (or its only one),
// else the project the text names; the line of the same product and line number; else a new
// project or line named from what the sentence says.
FactTarget propose_target(const Dataset& data, const ExtractedFact& fact);

}  // namespace indtrack::ui
