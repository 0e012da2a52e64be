// The words of a report, shared by the report pack (report.cpp: index.html, README.md) and the
// report PDF (report_pdf.cpp): the filter in words, the command that reproduces it, the KPIs and
// the sources cited by the filtered projects.
#pragma once

#include <string>
#include <vector>

#include "export/report.h"

namespace indtrack {

struct ReportText {
  std::string filter;   // the filter in words
  std::string command;  // the command reproducing the pack
  std::vector<std::string> kpis;
  std::vector<std::string> sources;  // "乌海日报 · 2023-01-26 · 标题 · URL"
  int projects = 0;
};

ReportText report_text(const Dataset& data, const FilterSpec& filter, const std::vector<int>& projects,
                       const ReportSpec& spec);

}  // namespace indtrack
