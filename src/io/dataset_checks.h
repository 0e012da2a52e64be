// Checks that need the whole dataset: article quotes against article texts, the order of actual
// milestones, statements dated against their reports, and conflicting figures left unmarked.
// Problems carry JSON paths rebuilt from model indices; lines are located afterwards.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "io/problem.h"
#include "model/dataset.h"

namespace indtrack {

// Reads each article source's text (relative to base_dir, or from `reader` when set) into
// Source::text. Problems past kMaxListedProblems are counted in `unlisted`, as by the checks below.
void load_article_texts(Dataset& data, const std::string& base_dir, const std::string& file,
                        std::vector<Problem>& problems, UnlistedProblems& unlisted,
                        const std::function<std::optional<std::string>(const Source&)>& reader = {});

void check_dataset(const Dataset& data, const std::string& file, bool check_quotes,
                   std::vector<Problem>& problems, UnlistedProblems& unlisted);

// True when `quote` occurs in `text` once all whitespace is removed from both (newspaper text
// is hard-wrapped, so line breaks fall anywhere inside a quote).
bool quote_occurs_in(std::string_view quote, std::string_view text);

}  // namespace indtrack
