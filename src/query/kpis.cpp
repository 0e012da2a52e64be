// Key figures of a set of projects (kpis.h).
#include "query/kpis.h"

#include <algorithm>

#include "core/units.h"

namespace indtrack {

namespace {

// `sources_of(project)` gives the sources a project cites (cited_sources).
template <class SourcesOf>
KpiSummary summarize(const Dataset& data, const std::vector<ProjectSummary>& summaries,
                     const std::vector<int>& projects, SourcesOf&& sources_of) {
  KpiSummary k;
  std::vector<bool> source_seen(data.sources.size());
  for (int index : projects) {
    const Project& p = data.projects[static_cast<std::size_t>(index)];
    const ProjectSummary& s = summaries[static_cast<std::size_t>(index)];
    ++k.projects;
    ++k.by_status[static_cast<std::size_t>(s.status.status)];
    if (s.status.partly_operating) ++k.partly_operating;
    for (const ProductCapacity& c : s.capacity) {
      if (c.dimension != Dimension::MassPerYear) continue;
      auto it = std::find_if(k.products.begin(), k.products.end(),
                             [&](const KpiSummary::ProductCapacity& x) { return x.product == c.product; });
      if (it == k.products.end()) it = k.products.insert(k.products.end(), {c.product, 0, {}});
      for (std::size_t i = 0; i < kCapacityCategoryCount; ++i) it->by_category[i] += c.by_category[i];
      it->designed += c.designed;
    }
    if (s.total_investment) {
      k.total_investment += *s.total_investment;
      ++k.projects_with_investment;
    }
    k.units += static_cast<int>(p.units.size());
    for (const int source : sources_of(index)) {
      if (source >= static_cast<int>(source_seen.size()) || source_seen[static_cast<std::size_t>(source)])
        continue;
      source_seen[static_cast<std::size_t>(source)] = true;
      ++k.sources;
      if (data.sources[static_cast<std::size_t>(source)].kind == Source::Kind::Article) ++k.articles;
    }
  }
  // Main products first: what operates or is being built, then what is only planned.
  std::stable_sort(k.products.begin(), k.products.end(),
                   [](const KpiSummary::ProductCapacity& a, const KpiSummary::ProductCapacity& b) {
                     if (a.operating() != b.operating()) return a.operating() > b.operating();
                     if (a.under_way() != b.under_way()) return a.under_way() > b.under_way();
                     return a.designed > b.designed;
                   });
  return k;
}

}  // namespace

KpiSummary summarize_kpis(const Dataset& data, const std::vector<ProjectSummary>& summaries,
                          const std::vector<int>& projects) {
  return summarize(data, summaries, projects,
                   [&](int p) { return cited_sources(data.projects[static_cast<std::size_t>(p)]); });
}

KpiSummary summarize_kpis(const DatasetIndex& index, const std::vector<ProjectSummary>& summaries,
                          const std::vector<int>& projects) {
  return summarize(index.data(), summaries, projects,
                   [&](int p) -> const std::vector<int>& { return index.facts(p).cited_sources; });
}

SlipKpiText slippage_kpi_text(const SlippageSummary& summary, bool english) {
  SlipKpiText out;
  const SlipGroup& all = summary.all;
  auto range = [english](double lo, double hi, int decimals) {
    std::string a = format_number(lo, decimals), b = format_number(hi, decimals);
    if (a == b) return a;
    return a + (lo >= 0 ? "–" : english ? " to " : " 至 ") + b;  // "-3 to 15", never "-3–15"
  };
  if (all.share_on_time) {
    const std::string share = range(all.share_on_time->lo * 100, all.share_on_time->hi * 100, 0) + "%";
    const std::string counts = range(all.on_time, all.on_time + all.undetermined, 0);
    out.on_time = english ? "on time " + share + " (" + counts + " of " + std::to_string(all.due()) + ")"
                          : "按期 " + share + "（" + counts + "/" + std::to_string(all.due()) + "）";
  }
  if (all.delay.count > 0) {
    const std::string median = range(all.delay.median.lo, all.delay.median.hi, 1);
    out.median_delay = english ? "median delay " + median + " months" : "中位延期 " + median + " 个月";
  }
  return out;
}

}  // namespace indtrack
