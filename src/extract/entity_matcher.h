// Who and where a fact belongs to: companies, projects, parks and districts named in a paragraph.
// Names come from the dictionary (the dataset's names, short names and aliases; the built-in
// park and district gazetteer) and, for companies not in the dictionary, from the shape of a
// legal name: a region prefix (内蒙古, 乌海市 …) up to 有限公司 / 有限责任公司 / 集团. A project
// is the phrase ending in 项目 right after a company ("…有限公司年产40万吨…项目").
//
// A fact takes the nearest mention before it in its sentence, then in its paragraph, then the
// first one after it in the paragraph (a quote followed by "…公司总经理说"), then — only when the
// sentence refers back (该项目, 该公司 …) — the last one of an earlier paragraph.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "extract/extraction_dictionary.h"
#include "extract/tokens.h"

namespace indtrack {

struct EntityMention {
  WordCategory category = WordCategory::Company;  // Company, Project, Park or District
  std::uint32_t begin = 0;                        // normalised offsets in the paragraph
  std::uint32_t end = 0;
  std::string name;
  int dataset_index = -1;
};

// Mentions in a normalised paragraph, sorted by position.
std::vector<EntityMention> find_entities(std::string_view text, const ParagraphTokens& tokens,
                                         const ExtractionDictionary& dict);

// Tracks mentions across the article and answers "which company/project/park/district does a
// fact at this position belong to".
class EntityContext {
 public:
  // Starts a new paragraph with its mentions (sorted by position).
  void begin_paragraph(std::vector<EntityMention> mentions);
  // The mention of `category` (Company, Project, Park, District) for a fact at normalised `pos`
  // in the current paragraph; `refers_back`: its sentence says 该项目/该公司.
  const EntityMention* lookup(WordCategory category, std::size_t pos, bool refers_back) const;

 private:
  static constexpr std::size_t kKinds = 4;
  static int kind_index(WordCategory category);
  std::array<std::vector<EntityMention>, kKinds> current_;
  std::array<std::optional<EntityMention>, kKinds> earlier_;  // last mention in an earlier paragraph
  int paragraphs_since_earlier_ = 0;
};

// Whether a sentence refers back to a project or company named before: 该项目, 该公司 ...
bool refers_back(std::string_view sentence);

}  // namespace indtrack
