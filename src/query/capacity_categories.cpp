// Capacity categories of a line (capacity_categories.h).
#include "query/capacity_categories.h"

namespace indtrack {

std::string_view capacity_category_label(CapacityCategory c, bool english) {
  switch (c) {
    case CapacityCategory::Operating:
      return english ? "operating" : "投产";
    case CapacityCategory::Trial:
      return english ? "trial production" : "试生产";
    case CapacityCategory::Construction:
      return english ? "building, date expected" : "在建·有预计日期";
    case CapacityCategory::ConstructionNoDate:
      return english ? "building, no date yet" : "在建·无预计日期";
    case CapacityCategory::Planned:
      return english ? "planned or signed" : "规划/签约";
    case CapacityCategory::Stopped:
      return english ? "shelved or cancelled" : "停滞/取消";
  }
  return {};
}

std::string_view capacity_category_id(CapacityCategory c) {
  switch (c) {
    case CapacityCategory::Operating:
      return "operating";
    case CapacityCategory::Trial:
      return "trial";
    case CapacityCategory::Construction:
      return "construction";
    case CapacityCategory::ConstructionNoDate:
      return "construction_no_date";
    case CapacityCategory::Planned:
      return "planned";
    case CapacityCategory::Stopped:
      return "stopped";
  }
  return {};
}

Status capacity_category_status(CapacityCategory c) {
  switch (c) {
    case CapacityCategory::Operating:
      return Status::Operating;
    case CapacityCategory::Trial:
      return Status::Trial;
    case CapacityCategory::Construction:
    case CapacityCategory::ConstructionNoDate:
      return Status::Construction;
    case CapacityCategory::Planned:
      return Status::Announced;
    case CapacityCategory::Stopped:
      return Status::Shelved;
  }
  return Status::Unknown;
}

std::optional<LineCategory> line_category(const Dataset& data, const Project& p, int unit,
                                          const StatusTimeline& unit_timeline, const DerivedStatus& status,
                                          DayNumber day) {
  LineCategory out;
  out.status = status;
  // The expected start of a line not yet producing: the same rule the capacity curve's expected
  // steps follow (trial production counts as a start).
  auto expected_start = [&] {
    auto start = unit_capacity_start(data, p, p.units[static_cast<std::size_t>(unit)], unit_timeline, day,
                                     /*count_trial=*/true);
    if (start && start->expected) out.expected = start;
  };
  switch (status.status) {
    case Status::Unknown:
      return std::nullopt;
    case Status::Operating:
      out.category = CapacityCategory::Operating;
      break;
    case Status::Trial:
      out.category = CapacityCategory::Trial;
      break;
    case Status::Construction:
      expected_start();
      out.category = out.expected ? CapacityCategory::Construction : CapacityCategory::ConstructionNoDate;
      break;
    case Status::Announced:
    case Status::Signed:
      expected_start();
      out.category = CapacityCategory::Planned;
      break;
    case Status::Shelved:
    case Status::Cancelled:
      out.category = CapacityCategory::Stopped;
      break;
  }
  return out;
}

}  // namespace indtrack
