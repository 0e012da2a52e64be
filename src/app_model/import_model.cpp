// The import view's logic (import_model.h).
#include "app_model/import_model.h"

#include <algorithm>
#include <filesystem>

#include "app_model/notice.h"
#include "core/text.h"
#include "extract/fact_output.h"
#include "extract/script_converter.h"
#include "io/dataset_checks.h"
#include "io/file_io.h"

namespace indtrack::ui {

namespace {

constexpr std::size_t kMaxArticleBytes = std::size_t(64) << 20;  // the loader's limit for texts

bool mentions_line(const std::string& unit_name, int line_number) {
  return line_number > 0 && unit_name.find(std::to_string(line_number) + "号线") != std::string::npos;
}

const std::string& product_label(const Dataset& data, int product) {
  const Product& p = data.products[static_cast<std::size_t>(product)];
  return p.short_name.empty() ? p.name : p.short_name;
}

}  // namespace

Str kind_label(FactKind kind) {
  switch (kind) {
    case FactKind::Capacity:
      return Str::ImportKindCapacity;
    case FactKind::Investment:
      return Str::ImportKindInvestment;
    case FactKind::Date:
      return Str::ImportKindDate;
  }
  return Str::ImportKindCapacity;
}

std::string describe_reading(const ExtractedFact& f, Language language) {
  std::string out = std::string(text(kind_label(f.kind), language)) + ": ";
  if (f.kind == FactKind::Date) {
    out += f.date ? f.date->to_string() : "?";
    if (f.date_kind) out += " · " + std::string(label(*f.date_kind, language));
    out += " · " + std::string(text(f.expected ? Str::MilestoneExpected : Str::MilestoneActual, language));
    if (f.year_inferred) out += "\n" + std::string(text(Str::ImportYearInferred, language));
    if (!f.date_note.empty()) out += "\n" + f.date_note;
  } else {
    out += display_value(f);
    if (f.scope) out += " · " + std::string(label(*f.scope, language));
    if (f.lines > 1) out += " · " + fill(text(Str::ImportLinesFmt, language), {std::to_string(f.lines)});
    if (f.line_number > 0)
      out += " · " + fill(text(Str::ImportLineNumberFmt, language), {std::to_string(f.line_number)});
  }
  for (const std::string* s : {&f.product, &f.company, &f.project, &f.park})
    if (!s->empty()) out += "\n" + *s;
  return out;
}

FactTarget propose_target(const Dataset& data, const ExtractedFact& f) {
  FactTarget t;
  t.product = f.product_index;
  t.company = f.company_index;
  // The company's project: its only one, or the one making this product.
  int company_project = -1;
  if (f.company_index >= 0) {
    std::vector<int> owned;
    for (std::size_t i = 0; i < data.projects.size(); ++i)
      if (data.projects[i].company == f.company_index) owned.push_back(static_cast<int>(i));
    if (owned.size() == 1) company_project = owned.front();
    for (std::size_t k = 0; company_project < 0 && k < owned.size() && f.product_index >= 0; ++k) {
      const Project& p = data.projects[static_cast<std::size_t>(owned[k])];
      const bool makes =
          std::find(p.products.begin(), p.products.end(), f.product_index) != p.products.end() ||
          std::any_of(p.units.begin(), p.units.end(),
                      [&](const Unit& u) { return u.product == f.product_index; });
      if (makes) company_project = owned[k];
    }
  }
  // A project named in the text wins unless it belongs to another company than the fact's.
  t.project = f.project_index;
  if (company_project >= 0 &&
      (t.project < 0 || data.projects[static_cast<std::size_t>(t.project)].company != f.company_index))
    t.project = company_project;
  if (t.project < 0) {
    if (!f.project.empty()) {
      t.new_project_name = f.project;
    } else {
      std::string name = f.company_index >= 0
                             ? display_name(data.companies[static_cast<std::size_t>(f.company_index)])
                             : f.company;
      if (f.product_index >= 0)
        name += product_label(data, f.product_index);
      else
        name += f.product;
      t.new_project_name = name + "项目";
    }
  }
  if (t.project >= 0 && f.kind != FactKind::Investment) {
    const Project& p = data.projects[static_cast<std::size_t>(t.project)];
    for (std::size_t u = 0; u < p.units.size() && t.unit < 0; ++u)
      if (mentions_line(p.units[u].name, f.line_number) &&
          (f.product_index < 0 || p.units[u].product == f.product_index))
        t.unit = static_cast<int>(u);
    // A capacity of a product the project makes on one line only: that line.
    if (f.kind == FactKind::Capacity && t.unit < 0 && f.line_number == 0 && f.product_index >= 0) {
      int only = -1, lines = 0;
      for (std::size_t u = 0; u < p.units.size(); ++u)
        if (p.units[u].product == f.product_index) {
          only = static_cast<int>(u);
          ++lines;
        }
      if (lines == 1) t.unit = only;
    }
  }
  if (f.kind == FactKind::Capacity && t.unit < 0) {
    std::string name = f.product_index >= 0 ? product_label(data, f.product_index) : f.product;
    if (f.line_number > 0) name += " " + std::to_string(f.line_number) + "号线";
    t.new_unit_name = name;
  }
  return t;
}

bool ImportModel::set_text(std::string text) {
  if (any_accepted()) return false;
  text_ = std::move(text);
  ++text_generation_;
  extracted_ = false;
  candidates_.clear();
  highlights_.clear();
  converted_text_.clear();
  converted_highlights_.clear();
  message_.clear();
  return true;
}

bool ImportModel::load_file(Language language) {
  const ReadFileResult r = read_whole_file(file_path, kMaxArticleBytes);
  if (!r.ok) {
    message_ = fill(ui::text(Str::ImportCannotReadFmt, language), {file_path, r.error});
    return false;
  }
  std::string_view content = r.content;
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  const std::size_t bad = find_invalid_utf8(content);
  if (bad != std::string_view::npos) {
    const TextPosition at = position_of_offset(content, bad);
    message_ = fill(ui::text(Str::ImportNotUtf8Fmt, language),
                    {file_path, std::to_string(at.line), std::to_string(at.column)});
    return false;
  }
  if (!set_text(std::string(content))) return false;
  publisher.clear();
  title.clear();
  article_date.clear();
  return true;
}

bool ImportModel::extract(const Dataset& data, Language language) {
  message_.clear();
  date_.reset();
  // An article the dataset already has (the same text, whitespace aside) is not added again:
  // its facts cite that source, and its publisher, title and date are the source's.
  already_source_.clear();
  const std::string unwrapped = remove_whitespace(text_);
  for (const Source& s : data.sources)
    if (s.kind == Source::Kind::Article && !s.text.empty() && remove_whitespace(s.text) == unwrapped) {
      already_source_ = s.id;
      publisher = s.publisher;
      title = s.title;
      article_date = s.date.to_string();
      break;
    }
  const std::string_view typed_date = trim(article_date);
  if (!typed_date.empty()) {
    DateParseResult parsed = parse_date(typed_date);
    if (!parsed.date) {
      message_ = fill(ui::text(Str::ImportBadDateFmt, language), {parsed.error});
      return false;
    }
    date_ = parsed.date;
  }
  if (const std::size_t bad = find_invalid_utf8(text_); bad != std::string::npos) {
    const TextPosition at = position_of_offset(text_, bad);
    message_ =
        fill(ui::text(Str::ImportNotUtf8Fmt, language),
             {ui::text(Str::ImportTitle, language), std::to_string(at.line), std::to_string(at.column)});
    return false;
  }
  const ExtractionResult result = extract_facts(text_, date_, ExtractionDictionary(data));
  candidates_.clear();
  highlights_.clear();
  for (const ExtractedFact& f : result.facts) {
    ImportCandidate c;
    c.fact = f;
    c.draft = draft_from_fact(f, text_);
    c.target = propose_target(data, f);
    c.value_text = format_number(c.draft.value, 6);
    highlights_.push_back({f.mention_start, f.mention_end, static_cast<int>(candidates_.size()), f.kind});
    candidates_.push_back(std::move(c));
  }
  std::stable_sort(highlights_.begin(), highlights_.end(),
                   [](const ImportHighlight& a, const ImportHighlight& b) { return a.start < b.start; });
  unwrapped_text_ = remove_whitespace(text_);
  converted_text_.clear();
  converted_highlights_.clear();
  if (result.converted)
    if (std::optional<ConvertedText> simplified = to_simplified(text_)) {
      // origin[] is non-decreasing: an original span maps to the converted bytes that came from it.
      const auto& origin = simplified->origin;
      auto converted_offset = [&](std::size_t original) {
        return static_cast<std::size_t>(std::lower_bound(origin.begin(), origin.end(), original) -
                                        origin.begin());
      };
      for (ImportHighlight h : highlights_) {
        h.start = converted_offset(h.start);
        h.end = converted_offset(h.end);
        converted_highlights_.push_back(h);
      }
      converted_text_ = std::move(simplified->text);
    }

  if (!already_source_.empty()) {  // cite the source the dataset has
    const Source& existing = data.sources[static_cast<std::size_t>(data.find_source(already_source_))];
    source_ = ArticleSource{existing.id, existing.publisher, existing.title, existing.date.to_string(),
                            existing.file};
  } else {
    // A new source id: unused by the dataset's sources and, for a dataset file, by the files
    // under sources/ beside it. A database's dataset is named, not a path: it holds its texts.
    const std::string date_text = date_ ? date_->to_string() : std::string();
    const std::string directory = directory_of(data.path);
    const bool beside_file = file_exists(data.path);
    source_ = ArticleSource{};
    source_.id =
        unique_id(date_text.empty() ? "article" : "article-" + date_text, [&](const std::string& id) {
          if (data.find_source(id) >= 0) return true;
          if (!beside_file) return false;
          const std::string existing = join_path(directory, "sources/" + id + ".txt");
          return file_exists(existing) && read_whole_file(existing, kMaxArticleBytes).content != text_;
        });
    source_.file = "sources/" + source_.id + ".txt";
  }
  refresh_source_fields();
  extracted_ = true;
  extracted_for_ = data.path;
  ++text_generation_;
  checked_generation_ = 0;
  return true;
}

void ImportModel::refresh_source_fields() {
  source_.publisher = std::string(trim(publisher));
  source_.title = std::string(trim(title));
  source_.date = date_ ? date_->to_string() : std::string(trim(article_date));
  for (ImportCandidate& c : candidates_) c.checked = false;
}

std::size_t ImportModel::count(ImportCandidate::State state) const {
  return static_cast<std::size_t>(std::count_if(candidates_.begin(), candidates_.end(),
                                                [&](const ImportCandidate& c) { return c.state == state; }));
}

void ImportModel::changed(std::size_t i) {
  if (i >= candidates_.size()) return;
  ImportCandidate& c = candidates_[i];
  char* end = nullptr;
  const std::string value(trim(c.value_text));
  const double parsed = std::strtod(value.c_str(), &end);
  c.draft.value = (!value.empty() && end && *end == '\0') ? parsed : 0;  // 0: the loader says why
  c.checked = false;
}

EditTransaction ImportModel::accept_transaction(std::size_t i, const EditSession& session) const {
  const DatasetEditor& editor = *session.editor();
  EditTransaction tx =
      accept_fact(editor.dataset(), editor.document(), candidates_[i].draft, candidates_[i].target, source_);
  // A database holds the text itself: it goes with the edit to the save, no file is written.
  if (!session.is_file() && editor.dataset().find_source(source_.id) < 0) tx.texts.emplace(source_.id, text_);
  return tx;
}

void ImportModel::check(std::size_t i, const EditSession& session, Language language) {
  if (checked_generation_ != session.generation()) {
    checked_generation_ = session.generation();
    for (ImportCandidate& c : candidates_) c.checked = false;
  }
  if (i >= candidates_.size() || candidates_[i].checked) return;
  ImportCandidate& c = candidates_[i];
  c.checked = true;
  c.errors.clear();
  if (!session.editor()) return;
  const Dataset& data = session.editor()->dataset();
  // The loader reads article texts from disk; before the first acceptance this one is not
  // stored yet, so its quotes are checked here, against the text in memory, by the same rule.
  const bool stored = data.find_source(source_.id) >= 0;
  if (unwrapped_text_.find(remove_whitespace(c.draft.quote)) == std::string::npos)
    c.errors.push_back(ui::text(Str::ImportQuoteMissing, language));
  const EditOutcome verdict = session.check(accept_transaction(i, session));
  if (!verdict.error.empty()) c.errors.push_back(verdict.error);
  const std::string unstored_path = "sources[" + std::to_string(data.sources.size()) + "].file";
  for (const Problem& p : verdict.problems) {
    if (p.severity != Problem::Severity::Error) continue;
    if (!stored && p.path == unstored_path) continue;  // the text file is written on acceptance
    c.errors.push_back(p.path.empty() ? p.message : p.path + ": " + p.message);
  }
}

std::string ImportModel::stored_text_path(const EditSession& session) const {
  return join_path(directory_of(session.path()), source_.file);
}

bool ImportModel::store_text(const EditSession& session, std::string& error) const {
  const std::string path = stored_text_path(session);
  if (file_exists(path)) {
    const ReadFileResult existing = read_whole_file(path, kMaxArticleBytes);
    if (existing.ok && existing.content == text_) return true;
    error = "a different file is already at " + path;
    return false;
  }
  std::error_code ec;
  std::filesystem::create_directories(directory_of(path), ec);
  const WriteFileResult w = write_file_atomically(path, text_);
  if (!w.ok) error = w.error;
  return w.ok;
}

bool ImportModel::accept(std::size_t i, EditSession& session, Language language) {
  if (i >= candidates_.size() || !session.editable()) return false;
  ImportCandidate& c = candidates_[i];
  check(i, session, language);
  if (!c.errors.empty()) return false;
  std::string error;
  if (session.is_file() && session.editor()->dataset().find_source(source_.id) < 0) {
    const bool was_there = file_exists(stored_text_path(session));
    if (!store_text(session, error)) {
      c.errors.push_back(error);
      return false;
    }
    if (!was_there) stored_ = {session.path(), source_.id, stored_text_path(session), text_};
  }
  const EditOutcome out = session.apply(accept_transaction(i, session));
  if (!out.ok) {
    c.errors.clear();
    if (!out.error.empty()) c.errors.push_back(out.error);
    for (const Problem& p : out.problems)
      if (p.severity == Problem::Severity::Error) c.errors.push_back(p.path + ": " + p.message);
    return false;
  }
  c.state = ImportCandidate::State::Accepted;
  c.accepted_edit = out.id;
  return true;
}

void ImportModel::reject(std::size_t i) {
  if (i < candidates_.size() && candidates_[i].state == ImportCandidate::State::Pending)
    candidates_[i].state = ImportCandidate::State::Rejected;
}

void ImportModel::reconsider(std::size_t i) {
  if (i < candidates_.size() && candidates_[i].state == ImportCandidate::State::Rejected)
    candidates_[i].state = ImportCandidate::State::Pending;
}

void ImportModel::sync(const EditSession& session) {
  if (extracted_ && session.path() != extracted_for_) {
    extracted_ = false;  // indices and the source id belong to the other file
    candidates_.clear();
    highlights_.clear();
    ++text_generation_;
    return;
  }
  if (const DatasetEditor* editor = session.editor())
    for (ImportCandidate& c : candidates_)
      if (c.state == ImportCandidate::State::Pending && clamp_target(editor->dataset(), c.target))
        c.checked = false;
  for (ImportCandidate& c : candidates_) {
    if (c.accepted_edit == 0) continue;
    const bool applied = session.is_applied(c.accepted_edit);
    if (c.state == ImportCandidate::State::Accepted && !applied)
      c.state = ImportCandidate::State::Pending;
    else if (c.state == ImportCandidate::State::Pending && applied)
      c.state = ImportCandidate::State::Accepted;
  }
  // The text file this import wrote lives as long as a state the session can reach cites it: an
  // undone accept leaves it for redo (which checks the file), and once another edit has
  // dropped the redo, it goes (nothing else would remove it). A redo finding it gone writes it.
  if (!stored_.path.empty() && session.editor() && session.path() == stored_.dataset) {
    const bool cited = session.editor()->dataset().find_source(stored_.source_id) >= 0;
    const bool there = file_exists(stored_.path);
    if (!cited && there && !session.can_redo()) {
      std::error_code ec;
      std::filesystem::remove(stored_.path, ec);
    } else if (cited && !there) {
      const WriteFileResult w = write_file_atomically(stored_.path, stored_.text);
      if (!w.ok) message_ = w.error;
    }
  }
}

}  // namespace indtrack::ui
