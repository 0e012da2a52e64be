// What a production line's capacity counts as on a day (docs/status.md, "Capacity categories"):
// the status engine's status of the line (query/status.h), and for a line under construction
// whether an expected start is reported. The capacity chart, the KPIs, the table and the report
// all take a line's category from here, so they cannot disagree.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "model/dataset.h"
#include "query/status.h"

namespace indtrack {

// In the order the views stack and list them: what produces first, what is furthest away last.
// The vocabulary has no "built, not yet started" status: a line reported 具备试生产条件
// (MechanicalCompletion) is 在建 until its trial start, so there is no such category.
enum class CapacityCategory : unsigned char {
  Operating,           // 投产
  Trial,               // 试生产
  Construction,        // 在建, an expected start (trial or commissioning) reported by the day
  ConstructionNoDate,  // 在建, no expected start reported: "no date yet"
  Planned,             // 规划 / 签约
  Stopped,             // 停滞 / 取消: known capacity that is not coming
};
inline constexpr std::size_t kCapacityCategoryCount = 6;
inline constexpr std::array<CapacityCategory, kCapacityCategoryCount> kCapacityCategories = {
    CapacityCategory::Operating,          CapacityCategory::Trial,   CapacityCategory::Construction,
    CapacityCategory::ConstructionNoDate, CapacityCategory::Planned, CapacityCategory::Stopped};

// "投产" / "operating", ...; "在建·无预计日期" / "building, no date yet".
std::string_view capacity_category_label(CapacityCategory c, bool english);
// "operating", "trial", "construction", "construction_no_date", "planned", "stopped" (CSV, JSON).
std::string_view capacity_category_id(CapacityCategory c);
// The status the category is drawn in (its colour).
Status capacity_category_status(CapacityCategory c);

struct LineCategory {
  CapacityCategory category = CapacityCategory::Planned;
  DerivedStatus status;                   // the engine's status of the line, with its deciding fact
  std::optional<CapacityStart> expected;  // Construction / Planned: the expected start, when reported
};

// The category of line `unit` of `p` on `day`, from its status there (`status`, the engine's:
// ProjectFacts::unit_status_at) and its own status timeline (`unit_timeline`, to find an expected
// start). nullopt when the line has no status on that day (not known yet): it counts nowhere.
std::optional<LineCategory> line_category(const Dataset& data, const Project& p, int unit,
                                          const StatusTimeline& unit_timeline, const DerivedStatus& status,
                                          DayNumber day);

}  // namespace indtrack
