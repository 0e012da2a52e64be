// Curator edits as transactions (dataset_edits.h).
#include "edit/dataset_edits.h"

#include <cctype>

namespace indtrack {

std::string project_pointer(int project) { return "/projects/" + std::to_string(project); }

std::string unit_pointer(int project, int unit) {
  return project_pointer(project) + "/units/" + std::to_string(unit);
}

std::string milestones_pointer(int project, int unit) {
  return (unit < 0 ? project_pointer(project) : unit_pointer(project, unit)) + "/milestones";
}

std::string milestone_pointer(int project, int unit, int milestone) {
  return milestones_pointer(project, unit) + "/" + std::to_string(milestone);
}

EditTransaction set_field(std::string label, const std::string& record, std::string_view field,
                          OrderedJson value) {
  if (value.is_string() && value.get<std::string>().empty()) value = nullptr;
  return {std::move(label), {EditOp::set(record + "/" + pointer_token(field), std::move(value))}};
}

std::string slug(std::string_view text) {
  std::string out;
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || ch == '.' || ch == '_' || ch == '-') {
      out += static_cast<char>(std::tolower(c));
    } else if ((ch == ' ' || ch == '/') && !out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
  while (!out.empty() && (out.front() == '-' || out.front() == '.')) out.erase(out.begin());
  return out;
}

bool unit_id_taken(const Dataset& data, std::string_view id) {
  for (const Project& p : data.projects)
    for (const Unit& u : p.units)
      if (u.id == id) return true;
  return false;
}

EditTransaction add_project(const Dataset& data, const std::string& name) {
  const std::string id =
      unique_id("project", [&](const std::string& x) { return data.find_project(x) >= 0; });
  OrderedJson p = OrderedJson::object();
  p["id"] = id;
  p["name"] = name;
  return {"add project", {EditOp::insert("/projects/-", std::move(p))}};
}

EditTransaction remove_project(const Dataset&, int project) {
  return {"remove project", {EditOp::remove(project_pointer(project))}};
}

EditTransaction add_unit(const Dataset& data, int project, const std::string& name, int product) {
  const Project& p = data.projects[static_cast<std::size_t>(project)];
  std::string base = p.id;
  if (product >= 0) base += "-" + data.products[static_cast<std::size_t>(product)].id;
  const std::string id = unique_id(base, [&](const std::string& x) { return unit_id_taken(data, x); });
  OrderedJson u = OrderedJson::object();
  u["id"] = id;
  u["name"] = name;
  if (product >= 0) u["product"] = data.products[static_cast<std::size_t>(product)].id;
  return {"add production line", {EditOp::insert(project_pointer(project) + "/units/-", std::move(u))}};
}

EditTransaction remove_unit(const Dataset&, int project, int unit) {
  return {"remove production line", {EditOp::remove(unit_pointer(project, unit))}};
}

OrderedJson milestone_json(const Dataset& data, const MilestoneFields& m) {
  OrderedJson j = OrderedJson::object();
  j["kind"] = std::string(id_of(m.kind));
  j["date"] = m.date;
  if (m.expected) j["expected"] = true;
  if (m.source >= 0 && m.source < static_cast<int>(data.sources.size()))
    j["source"] = data.sources[static_cast<std::size_t>(m.source)].id;
  if (!m.quote.empty()) j["quote"] = m.quote;
  if (m.basis != Basis::Stated) j["basis"] = std::string(id_of(m.basis));
  if (!m.note.empty()) j["note"] = m.note;
  return j;
}

EditTransaction add_milestone(const Dataset& data, int project, int unit, const MilestoneFields& m) {
  return {"add milestone",
          {EditOp::insert(milestones_pointer(project, unit) + "/-", milestone_json(data, m))}};
}

EditTransaction remove_milestone(const Dataset&, int project, int unit, int milestone) {
  return {"remove milestone", {EditOp::remove(milestone_pointer(project, unit, milestone))}};
}

OrderedJson source_json(const ArticleSource& s) {
  OrderedJson j = OrderedJson::object();
  j["id"] = s.id;
  j["kind"] = "article";
  j["publisher"] = s.publisher;
  j["title"] = s.title;
  j["date"] = s.date;
  j["file"] = s.file;
  return j;
}

EditOp add_source_op(const ArticleSource& s) { return EditOp::insert("/sources/-", source_json(s)); }

std::string suggest_source_id(const Dataset& data, std::string_view date) {
  const std::string base = date.empty() ? std::string("article") : "article-" + std::string(date);
  return unique_id(base, [&](const std::string& x) { return data.find_source(x) >= 0; });
}

}  // namespace indtrack
