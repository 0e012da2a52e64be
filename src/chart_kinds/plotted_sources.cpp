// The sources a chart plots and its footer (plotted_sources.h).
#include "chart_kinds/plotted_sources.h"

#include <algorithm>
#include <map>

#include "chart/chart_strings.h"
#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/chart_series.h"

namespace indtrack {

void PlottedSources::add(int source) {
  if (source >= 0 && static_cast<std::size_t>(source) < cited_.size())
    cited_[static_cast<std::size_t>(source)] = true;
}

void PlottedSources::add(const Evidence& e) { add(e.source); }

void PlottedSources::add(const DerivedStatus& why) {
  if (why.milestone) add(why.milestone->evidence);
  if (why.report) add(why.report->evidence);
}

std::vector<int> PlottedSources::list() const {
  std::vector<int> out;
  for (std::size_t s = 0; s < cited_.size(); ++s)
    if (cited_[s]) out.push_back(static_cast<int>(s));
  return out;
}

namespace {

// A source's date as the footer gives it: its month (2023-01), or its year when only that is known.
std::string footer_date(const Date& d) {
  const std::string full = d.to_string();
  return full.size() > 7 ? full.substr(0, 7) : full;
}

}  // namespace

std::string sources_footer(const Dataset& d, const PlottedSources& sources, const FilterSpec& spec,
                           const ChartOptions& options) {
  const bool en = options.lang == Language::English;
  // Dates by publisher (a repost named with its site); publishers in order of first publication.
  std::map<std::string, std::vector<Date>> by_publisher;
  for (int s : sources.list()) by_publisher[publisher_text(d.sources[s], en)].push_back(d.sources[s].date);
  std::vector<std::pair<Date, std::string>> order;
  for (auto& [publisher, dates] : by_publisher) {
    std::sort(dates.begin(), dates.end());
    order.emplace_back(dates.front(), publisher);
  }
  std::sort(order.begin(), order.end());
  std::string out = en ? "Sources: " : "数据来源：";
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::string& publisher = order[i].second;
    if (i) out += en ? "; " : "；";
    out += publisher + " ";
    std::vector<std::string> months;
    for (const Date& date : by_publisher[publisher]) months.push_back(footer_date(date));
    months.erase(std::unique(months.begin(), months.end()), months.end());
    for (std::size_t k = 0; k < months.size(); ++k) out += (k ? (en ? ", " : "、") : "") + months[k];
  }
  if (order.empty()) out += en ? "none" : "无";
  const Date generated = options.generated_on ? *options.generated_on : today();
  // The source line names the clock only when it is not the usual one (the subtitle always does).
  out += " · " + (spec.clock == Clock::PublishedBy ? as_of_words(spec, options.lang)
                                                   : chart::as_of_label(as_of_day(spec), options.lang));
  out += en ? " · generated " + generated.to_string() + " by indtrack"
            : " · indtrack 生成于 " + generated.to_string();
  return out;
}

}  // namespace indtrack
