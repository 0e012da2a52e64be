// The sources of the numbers a chart plots, and the footer that cites them. The adapters add the
// evidence behind every plotted element as they build it (a step's capacity and date, a column
// part's deciding fact, a reference mark, a bar's statement, a span's deciding fact), so the
// footer names exactly what the picture rests on — not every source the filtered projects cite
// (issue 19: the BDO capacity chart cited a photovoltaic report).
#pragma once

#include <string>
#include <vector>

#include "model/dataset.h"
#include "query/filter.h"
#include "query/status.h"

namespace indtrack {

struct ChartOptions;  // chart_kinds.h

class PlottedSources {
 public:
  explicit PlottedSources(const Dataset& data) : cited_(data.sources.size(), false) {}

  void add(const Evidence& e);
  void add(const Evidence* e) {
    if (e) add(*e);
  }
  void add(const DerivedStatus& why);  // the fact that decided a status (none for a rule)
  void add(int source);

  std::vector<int> list() const;  // ascending source indices

 private:
  std::vector<bool> cited_;
};

// "数据来源：乌海日报 2023-01、2024-10；内蒙古日报 2022-04 · 截至 … · indtrack 生成于 …" /
// "Sources: 乌海日报 2023-01, 2024-10; … · as of … · generated … by indtrack": each publisher once
// (a repost named with its site), in order of its first date, its dates by month, ascending.
std::string sources_footer(const Dataset& data, const PlottedSources& sources, const FilterSpec& spec,
                           const ChartOptions& options);

}  // namespace indtrack
