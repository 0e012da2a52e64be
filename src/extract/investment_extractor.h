// Investments: an amount of money introduced by 投资. "总投资约105亿元", "计划总投资29.6亿元",
// "投资6.57亿元实施…" are the total (planned) cost; "已完成投资约12亿元", "完成固定资产投资74亿元"
// are what has been spent. Money without 投资 right before it (产值, 收入, 补贴, 协议金额) is not an
// investment, and amounts written in Chinese numerals ("投资百亿元以上") are classes of projects.
#pragma once

#include <vector>

#include "extract/sentence_view.h"

namespace indtrack {

std::vector<Candidate> extract_investments(const SentenceView& sentence);

}  // namespace indtrack
