// Accepting extracted facts (fact_edits.h).
#include "edit/fact_edits.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "core/text.h"
#include "core/units.h"

namespace indtrack {

namespace {

bool is_ascii_word(unsigned char c) { return std::isalnum(c) != 0; }

// `canonical` in `unit`, rounded to 6 decimals so 104000 / 1e4 reads 10.4, not 10.400000000000002.
double in_unit(double canonical, double to_canonical) {
  const double v = canonical / to_canonical;
  return std::round(v * 1e6) / 1e6;
}

// The unit the article wrote: the longest known unit name of the fact's dimension inside the
// mention ("10.4 万吨/年" -> 万吨/年), else the unit the UI shows for that dimension.
UnitInfo written_unit(const ExtractedFact& fact, std::string_view mention) {
  const std::string compact = remove_whitespace(mention);
  std::optional<UnitInfo> best;
  for (const UnitInfo& u : all_units()) {
    if (u.dimension != fact.dimension) continue;
    if (compact.find(u.name) == std::string::npos) continue;
    if (!best || u.name.size() > best->name.size()) best = u;
  }
  if (best) return *best;
  const DisplayAmount shown = display_amount(fact.value, fact.dimension);
  if (auto u = find_unit(shown.unit)) return *u;
  return *find_unit(canonical_unit_name(fact.dimension));
}

OrderedJson evidence_fields(OrderedJson j, const FactDraft& d, const std::string& source_id) {
  j["source"] = source_id;
  j["quote"] = d.quote;
  if (d.basis != Basis::Stated) j["basis"] = std::string(id_of(d.basis));
  if (!d.note.empty()) j["note"] = d.note;
  return j;
}

OrderedJson quantity_fields(const FactDraft& d) {
  OrderedJson j = OrderedJson::object();
  // Whole numbers are written without a decimal point, as the canonical writer does.
  if (std::floor(d.value) == d.value && std::fabs(d.value) < 9e15)
    j["value"] = static_cast<std::int64_t>(d.value);
  else
    j["value"] = d.value;
  j["unit"] = d.unit;
  if (d.approximate) j["approximate"] = true;
  return j;
}

OrderedJson milestone_record(const FactDraft& d, const std::string& source_id) {
  OrderedJson j = OrderedJson::object();
  j["kind"] = std::string(id_of(d.milestone));
  j["date"] = d.date;
  if (d.expected) j["expected"] = true;
  return evidence_fields(std::move(j), d, source_id);
}

OrderedJson investment_record(const FactDraft& d, const std::string& source_id) {
  OrderedJson j = OrderedJson::object();
  j["scope"] = std::string(id_of(d.scope));
  const OrderedJson quantity = quantity_fields(d);
  for (auto it = quantity.begin(); it != quantity.end(); ++it) j[it.key()] = it.value();
  return evidence_fields(std::move(j), d, source_id);
}

OrderedJson capacity_record(const FactDraft& d, const std::string& source_id) {
  return evidence_fields(quantity_fields(d), d, source_id);
}

const OrderedJson* member(const OrderedJson& j, std::string_view key) {
  if (!j.is_object()) return nullptr;
  const auto it = j.find(std::string(key));
  return it == j.end() ? nullptr : &*it;
}

// A new production line holding the capacity statement (or nothing, for a date fact).
OrderedJson new_unit_record(const Dataset& data, const std::string& project_id, const FactTarget& t,
                            const std::string& extra_taken_id) {
  std::string base = project_id;
  if (t.product >= 0) base += "-" + data.products[static_cast<std::size_t>(t.product)].id;
  const std::string id =
      unique_id(base, [&](const std::string& x) { return unit_id_taken(data, x) || x == extra_taken_id; });
  OrderedJson u = OrderedJson::object();
  u["id"] = id;
  u["name"] = t.new_unit_name;
  if (t.product >= 0) u["product"] = data.products[static_cast<std::size_t>(t.product)].id;
  return u;
}

}  // namespace

std::string unwrap_quote(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch != '\n' && ch != '\r') {
      out += ch;
      continue;
    }
    std::size_t next = i + 1;
    while (next < text.size() && (text[next] == '\n' || text[next] == '\r')) ++next;
    const bool words_meet = !out.empty() && next < text.size() &&
                            is_ascii_word(static_cast<unsigned char>(out.back())) &&
                            is_ascii_word(static_cast<unsigned char>(text[next]));
    if (words_meet) out += ' ';
    i = next - 1;
  }
  return std::string(trim(out));
}

FactDraft draft_from_fact(const ExtractedFact& fact, std::string_view article_text) {
  FactDraft d;
  d.kind = fact.kind;
  d.quote = unwrap_quote(fact.quote);
  d.expected = fact.expected;
  d.approximate = fact.approximate;
  if (fact.kind == FactKind::Date) {
    if (fact.date) d.date = fact.date->to_string();
    d.milestone = fact.date_kind.value_or(MilestoneKind::Announced);
    d.note = fact.date_note;
    if (fact.year_inferred) d.basis = Basis::Inferred;
    return d;
  }
  std::string_view mention;
  if (fact.mention_end <= article_text.size() && fact.mention_start < fact.mention_end)
    mention = article_text.substr(fact.mention_start, fact.mention_end - fact.mention_start);
  const UnitInfo unit = written_unit(fact, mention);
  d.unit = std::string(unit.name);
  d.value = in_unit(fact.value, unit.to_canonical);
  if (fact.kind == FactKind::Investment) d.scope = fact.scope.value_or(InvestmentScope::Total);
  return d;
}

std::string new_project_id(const Dataset& data, const ArticleSource& source) {
  return unique_id(source.id + "-p1", [&](const std::string& x) { return data.find_project(x) >= 0; });
}

bool clamp_target(const Dataset& data, FactTarget& t) {
  bool reset = false;
  auto clamp = [&](int& index, std::size_t size) {
    if (index >= static_cast<int>(size) || index < -1) {
      index = -1;
      reset = true;
    }
  };
  clamp(t.project, data.projects.size());
  clamp(t.unit, t.project >= 0 ? data.projects[static_cast<std::size_t>(t.project)].units.size() : 0);
  clamp(t.company, data.companies.size());
  clamp(t.product, data.products.size());
  return reset;
}

EditTransaction accept_fact(const Dataset& data, const OrderedJson& document, const FactDraft& d,
                            const FactTarget& target, const ArticleSource& source) {
  FactTarget t = target;
  clamp_target(data, t);
  EditTransaction tx;
  tx.label = "accept " + std::string(id_of(d.kind)) + " fact";
  if (data.find_source(source.id) < 0) tx.ops.push_back(add_source_op(source));

  // A new project carries the fact inside its record: one insert.
  if (t.project < 0) {
    OrderedJson p = OrderedJson::object();
    const std::string id = new_project_id(data, source);
    p["id"] = id;
    p["name"] = t.new_project_name;
    if (t.company >= 0) p["company"] = data.companies[static_cast<std::size_t>(t.company)].id;
    if (t.product >= 0)
      p["products"] = OrderedJson::array({data.products[static_cast<std::size_t>(t.product)].id});
    if (d.kind == FactKind::Investment) {
      p["investments"] = OrderedJson::array({investment_record(d, source.id)});
    } else if (d.kind == FactKind::Capacity) {
      OrderedJson u = new_unit_record(data, id, t, {});
      u["capacity"] = capacity_record(d, source.id);
      p["units"] = OrderedJson::array({std::move(u)});
    } else {
      p["milestones"] = OrderedJson::array({milestone_record(d, source.id)});
    }
    tx.ops.push_back(EditOp::insert("/projects/-", std::move(p)));
    return tx;
  }

  const std::string project = project_pointer(t.project);
  if (d.kind == FactKind::Investment) {
    tx.ops.push_back(EditOp::insert(project + "/investments/-", investment_record(d, source.id)));
    return tx;
  }
  if (d.kind == FactKind::Date) {
    tx.ops.push_back(
        EditOp::insert(milestones_pointer(t.project, t.unit) + "/-", milestone_record(d, source.id)));
    return tx;
  }
  // Capacity.
  if (t.unit < 0) {
    const std::string& project_id = data.projects[static_cast<std::size_t>(t.project)].id;
    OrderedJson u = new_unit_record(data, project_id, t, {});
    u["capacity"] = capacity_record(d, source.id);
    tx.ops.push_back(EditOp::insert(project + "/units/-", std::move(u)));
    return tx;
  }
  const std::string unit = unit_pointer(t.project, t.unit);
  const Unit& line =
      data.projects[static_cast<std::size_t>(t.project)].units[static_cast<std::size_t>(t.unit)];
  FactDraft statement = d;
  if (line.capacity.empty()) {
    tx.ops.push_back(EditOp::set(unit + "/capacity", capacity_record(statement, source.id)));
    return tx;
  }
  const auto written = find_unit(d.unit);
  const double canonical = written ? d.value * written->to_canonical : 0;
  const CapacityFact& primary = line.capacity.front();
  if (std::fabs(canonical - primary.amount.canonical) > 1e-9 * std::max(1.0, primary.amount.canonical)) {
    statement.basis = Basis::Conflicting;
    const std::string differs = "differs from the first statement (" + format_number(primary.amount.value) +
                                primary.amount.unit + ")";
    statement.note = statement.note.empty() ? differs : statement.note + "; " + differs;
  }
  // One statement is written as an object; a second turns it into a list.
  const OrderedJson* unit_json = nullptr;
  if (const OrderedJson* projects = member(document, "projects");
      projects && projects->is_array() && static_cast<std::size_t>(t.project) < projects->size())
    if (const OrderedJson* units = member((*projects)[static_cast<std::size_t>(t.project)], "units");
        units && units->is_array() && static_cast<std::size_t>(t.unit) < units->size())
      unit_json = &(*units)[static_cast<std::size_t>(t.unit)];
  const OrderedJson* capacity = unit_json ? member(*unit_json, "capacity") : nullptr;
  if (capacity && capacity->is_array()) {
    tx.ops.push_back(EditOp::insert(unit + "/capacity/-", capacity_record(statement, source.id)));
  } else {
    OrderedJson list = OrderedJson::array();
    if (capacity) list.push_back(*capacity);
    list.push_back(capacity_record(statement, source.id));
    tx.ops.push_back(EditOp::set(unit + "/capacity", std::move(list)));
  }
  return tx;
}

}  // namespace indtrack
