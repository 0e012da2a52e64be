// Capacities: a number with a unit of output per year, power, energy per year or gas flow, and
// the product it belongs to. "10.4万吨/年BDO", "年产40万吨锂电池负极材料", "BDO产能达到31.2万吨/年",
// "120万千瓦光伏", "年发电量约19亿kWh", "8000标立方米/小时"; line counts ("2条…生产线", "3×…",
// "2套…装置") and line numbers ("3号线"). Not capacities: bare tonnages without 年产/产能 or a
// product right after them (emission savings "减少SO2排放量约1400吨", "每户2吨"), classes
// ("百万千瓦级"), counts of things ("5G基站600座" has no unit at all).
#pragma once

#include <vector>

#include "extract/sentence_view.h"

namespace indtrack {

std::vector<Candidate> extract_capacities(const SentenceView& sentence);

// The product named right after [.., end) (within a few code points, same clause), or before
// `begin` in the sentence. Returns the token or nullptr.
// The product named right after a quantity ending at `end`: the head of the noun phrase there.
const Token* product_after(const SentenceView& s, std::size_t end);
const Token* product_near(const SentenceView& s, std::size_t begin, std::size_t end, bool allow_before);

}  // namespace indtrack
