// Dated milestones: a date expression, the event words it governs and whether the event is a
// plan or has happened.
//
// Which events a date governs: those after it in its own clause ("于2021年7月开工建设"); when the
// date opens the sentence on its own ("11月24日，…投料开车成功") or is a year the sentence is about
// ("海勃湾区今年将…开工建设…"), those up to the sentence end. A later date ends the scope. Event
// words used as nouns or conditions ("投产后", "开工率", "开工项目", "调试阶段", "尚未投产") are
// not events.
//
// Expected vs actual: 预计/力争/将/计划/拟/确保/争取 … before the event (or 目标 right after it)
// make it a plan; otherwise 已/顺利/成功 make it an event that happened; weak cues (推动, 加快)
// count only when neither is present; with no cue at all, a date before the article date
// happened and a later one is expected.
//
// Missing years: "4月" takes the year of an earlier date in the same sentence, else the article
// date's year — moved back a year for an event that already happened but would otherwise lie
// after the article date, forward for a plan that would lie before it.
#pragma once

#include <vector>

#include "extract/sentence_view.h"

namespace indtrack {

std::vector<Candidate> extract_dates(const SentenceView& sentence);

}  // namespace indtrack
