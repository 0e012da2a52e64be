// The project table as text (project_table.h).
#include "query/project_table.h"

#include "core/units.h"
#include "io/csv_writer.h"

namespace indtrack {

namespace {

std::string status_text(const ProjectStatus& s, bool english) {
  const auto& e = vocabulary_entry(statuses(), s.status);
  std::string out(english ? e.en : e.zh);
  if (s.partly_operating) out += english ? " (partly)" : "（部分）";
  return out;
}

}  // namespace

ProjectTableRow project_table_row(const Dataset& d, const ProjectSummary& s, const FilterSpec& f,
                                  bool english) {
  const Project& p = d.projects[s.project];
  const Language lang = english ? Language::English : Language::Chinese;
  ProjectTableRow r;
  r.id = p.id;
  r.name = name_in(p, lang);
  if (p.company >= 0) {
    const Company& c = d.companies[p.company];
    r.company = english && !c.name_en.empty() ? c.name_en : display_name(c);
    r.company_full = c.name;
  }
  const DistrictOfProject dist = district_of(d, p);
  if (dist.district >= 0) {
    r.district = name_in(d.districts[dist.district], lang);
    r.district_basis = dist.from_park ? "inferred_from_park" : std::string(id_of(dist.basis));
    if (dist.basis == Basis::Conflicting) r.district_basis = "conflicting";
  }
  if (p.park && p.park->index >= 0) r.park = name_in(d.parks[p.park->index], lang);
  r.status = status_text(s.status, english);
  r.capacity = format_capacities(d, s.capacity, f.products, false, english);
  r.operating = format_capacities(d, s.capacity, f.products, true, english);
  // Operating, but no line is: a source says the project produces without saying which line or
  // how much (e.g. 三维). Said, not left blank as if nothing operated.
  if (r.operating.empty() && !r.capacity.empty() && s.status.status == Status::Operating)
    r.operating = english ? "capacity not reported" : "投产产能未见报道";
  if (s.total_investment) r.total_investment = format_number(yuan_to_yi(*s.total_investment), 2);
  if (s.completed_investment) r.completed_investment = format_number(yuan_to_yi(*s.completed_investment), 2);
  r.construction_start = key_date_text(s.construction_start, english);
  r.commissioning = key_date_text(s.commissioning, english);
  if (s.latest_report) r.latest_report = s.latest_report->to_string();
  r.excerpt_only_quotes = excerpt_only_quotes(d, p);
  r.possibly_stalled = s.possibly_stalled;
  return r;
}

std::string project_rows_csv(const std::vector<ProjectTableRow>& rows, const std::string& as_of_text,
                             Clock clock) {
  std::string out =
      csv_row({"id", "name", "company", "company_full_name", "district", "district_basis", "park", "status",
               "as_of", "capacity", "operating_capacity", "total_investment_100m_cny",
               "completed_investment_100m_cny", "construction_start", "commissioning", "latest_report",
               "excerpt_only_quotes", "possibly_stalled", "clock"});
  for (const ProjectTableRow& r : rows)
    out += csv_row({r.id, r.name, r.company, r.company_full, r.district, r.district_basis, r.park, r.status,
                    as_of_text, r.capacity, r.operating, r.total_investment, r.completed_investment,
                    r.construction_start, r.commissioning, r.latest_report,
                    std::to_string(r.excerpt_only_quotes), r.possibly_stalled ? "yes" : "no",
                    std::string(clock_id(clock))});
  return out;
}

std::string project_table_csv(const Dataset& data, const FilterSpec& spec, bool english) {
  const DayNumber as_of = as_of_day(spec);
  std::vector<ProjectTableRow> rows;
  for (int index : filter_projects(data, spec))
    rows.push_back(project_table_row(data, summarize_project(data, index, as_of), spec, english));
  return project_rows_csv(rows, Date::from_days(as_of).to_string(), spec.clock);
}

}  // namespace indtrack
