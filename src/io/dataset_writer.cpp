// The canonical serialization of a dataset (docs/data-format.md, "Saving"): known fields in the
// documented order, defaults omitted, unknown fields after them in sorted order, 2-space
// indentation, UTF-8 unescaped, integers without a decimal point, a final newline.
#include <cmath>

#include "io/dataset_io.h"
#include "io/file_io.h"

namespace indtrack {
namespace {

using Out = nlohmann::ordered_json;

Out number(double v) {
  if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 9007199254740992.0)
    return static_cast<std::int64_t>(v);
  return v;
}

// Unknown fields, sorted (nlohmann::json objects iterate in key order).
void put_extra(Out& o, const Json& extra) {
  if (!extra.is_object()) return;
  for (auto it = extra.begin(); it != extra.end(); ++it) o[it.key()] = Out::parse(it.value().dump());
}

void put_text(Out& o, const char* key, const std::string& value) {
  if (!value.empty()) o[key] = value;
}

void put_list(Out& o, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) o[key] = values;
}

struct Writer {
  const Dataset& d;

  void put_evidence(Out& o, const Evidence& e) {
    if (e.source >= 0) o["source"] = d.sources[e.source].id;
    put_text(o, "quote", e.quote);
    if (e.basis != Basis::Stated) o["basis"] = std::string(id_of(e.basis));
    put_text(o, "note", e.note);
    put_text(o, "note_en", e.note_en);
  }

  void put_quantity(Out& o, const Quantity& q) {
    o["value"] = number(q.value);
    o["unit"] = q.unit;
    if (q.approximate) o["approximate"] = true;
    if (q.bound != AggregateBound::Exact) o["bound"] = std::string(id_of(q.bound));
  }

  void put_scope(Out& o, const FactScope& scope) {
    if (scope.product >= 0) o["product"] = d.products[scope.product].id;
    put_text(o, "phase", scope.phase);
  }

  Out place(const std::string& id, const Evidence& e, const Json* extra) {
    Out o = Out::object();
    o["id"] = id;
    put_evidence(o, e);
    if (extra) put_extra(o, *extra);
    return o;
  }

  static const Json* extra_member(const Json& extra, const char* key) {
    if (!extra.is_object()) return nullptr;
    const auto it = extra.find(key);
    return it == extra.end() ? nullptr : &*it;
  }
  // Unknown fields of the object minus the keys used to carry nested place extras.
  static Json own_extra(const Json& extra, std::initializer_list<const char*> nested) {
    if (!extra.is_object()) return extra;
    Json copy = extra;
    for (const char* k : nested) copy.erase(k);
    return copy;
  }

  Out source(const Source& s) {
    Out o = Out::object();
    o["id"] = s.id;
    o["kind"] = s.kind == Source::Kind::Article ? "article" : "reference";
    o["publisher"] = s.publisher;
    put_text(o, "via", s.via);
    o["title"] = s.title;
    o["date"] = s.date.to_string();
    put_text(o, "date_basis", s.date_basis);
    put_text(o, "date_basis_en", s.date_basis_en);
    put_text(o, "file", s.file);
    put_text(o, "url", s.url);
    put_text(o, "language", s.language);
    put_text(o, "notes", s.notes);
    put_text(o, "notes_en", s.notes_en);
    put_extra(o, s.extra);
    return o;
  }

  Out district(const District& x) {
    Out o = Out::object();
    o["id"] = x.id;
    o["name"] = x.name;
    put_text(o, "name_en", x.name_en);
    put_list(o, "aliases", x.aliases);
    put_extra(o, x.extra);
    return o;
  }

  Out park(const Park& p) {
    Out o = Out::object();
    o["id"] = p.id;
    o["name"] = p.name;
    put_text(o, "name_en", p.name_en);
    put_list(o, "aliases", p.aliases);
    if (p.district >= 0)
      o["district"] =
          place(d.districts[p.district].id, p.district_evidence, extra_member(p.extra, "district"));
    put_text(o, "notes", p.notes);
    put_text(o, "notes_en", p.notes_en);
    put_extra(o, own_extra(p.extra, {"district"}));
    return o;
  }

  Out industry(const Industry& x) {
    Out o = Out::object();
    o["id"] = x.id;
    o["name"] = x.name;
    put_text(o, "name_en", x.name_en);
    put_extra(o, x.extra);
    return o;
  }

  Out product(const Product& p) {
    Out o = Out::object();
    o["id"] = p.id;
    o["name"] = p.name;
    put_text(o, "short_name", p.short_name);
    put_text(o, "name_en", p.name_en);
    put_list(o, "aliases", p.aliases);
    if (p.industry >= 0) o["industry"] = d.industries[p.industry].id;
    put_extra(o, p.extra);
    return o;
  }

  Out statements(const std::vector<Statement>& list) {
    Out arr = Out::array();
    for (const Statement& s : list) {
      Out o = Out::object();
      put_evidence(o, s.evidence);
      put_extra(o, s.extra);
      arr.push_back(std::move(o));
    }
    return arr;
  }

  Out company(const Company& c) {
    Out o = Out::object();
    o["id"] = c.id;
    o["name"] = c.name;
    put_text(o, "short_name", c.short_name);
    put_text(o, "name_en", c.name_en);
    put_list(o, "aliases", c.aliases);
    if (c.parent >= 0) o["parent"] = d.companies[c.parent].id;
    if (!c.evidence.empty()) o["evidence"] = statements(c.evidence);
    put_text(o, "notes", c.notes);
    put_text(o, "notes_en", c.notes_en);
    put_extra(o, c.extra);
    return o;
  }

  Out milestones(const std::vector<Milestone>& list) {
    Out arr = Out::array();
    for (const Milestone& m : list) {
      Out o = Out::object();
      o["kind"] = std::string(id_of(m.kind));
      o["date"] = m.date.to_string();
      if (m.expected) o["expected"] = true;
      if (m.reported) o["reported"] = m.reported->to_string();
      put_scope(o, m.scope);
      put_evidence(o, m.evidence);
      put_extra(o, m.extra);
      arr.push_back(std::move(o));
    }
    return arr;
  }

  Out status_reports(const std::vector<StatusReport>& list) {
    Out arr = Out::array();
    for (const StatusReport& r : list) {
      Out o = Out::object();
      o["status"] = std::string(id_of(r.status));
      if (r.as_of) o["as_of"] = r.as_of->to_string();
      put_scope(o, r.scope);
      put_evidence(o, r.evidence);
      put_extra(o, r.extra);
      arr.push_back(std::move(o));
    }
    return arr;
  }

  Out capacity(const CapacityFact& c) {
    Out o = Out::object();
    put_quantity(o, c.amount);
    put_evidence(o, c.evidence);
    put_extra(o, c.extra);
    return o;
  }

  Out unit(const Unit& u) {
    Out o = Out::object();
    o["id"] = u.id;
    o["name"] = u.name;
    put_text(o, "name_en", u.name_en);
    if (u.product >= 0) o["product"] = d.products[u.product].id;
    if (u.capacity.size() == 1 && !u.capacity_written_as_list) {
      o["capacity"] = capacity(u.capacity.front());
    } else if (!u.capacity.empty()) {
      Out arr = Out::array();
      for (const CapacityFact& c : u.capacity) arr.push_back(capacity(c));
      o["capacity"] = std::move(arr);
    }
    put_text(o, "phase", u.phase);
    if (!u.milestones.empty()) o["milestones"] = milestones(u.milestones);
    if (!u.status_reports.empty()) o["status_reports"] = status_reports(u.status_reports);
    put_text(o, "notes", u.notes);
    put_text(o, "notes_en", u.notes_en);
    put_extra(o, u.extra);
    return o;
  }

  Out investment(const Investment& inv) {
    Out o = Out::object();
    o["scope"] = std::string(id_of(inv.scope));
    put_quantity(o, inv.amount);
    if (inv.as_of) o["as_of"] = inv.as_of->to_string();
    put_text(o, "phase", inv.phase);
    put_evidence(o, inv.evidence);
    put_extra(o, inv.extra);
    return o;
  }

  Out total(const StatedTotal& t) {
    Out o = Out::object();
    if (t.product >= 0) o["product"] = d.products[t.product].id;
    put_quantity(o, t.amount);
    if (t.as_of) o["as_of"] = t.as_of->to_string();
    if (t.expected) o["expected"] = true;
    put_text(o, "phase", t.phase);
    put_evidence(o, t.evidence);
    put_extra(o, t.extra);
    return o;
  }

  Out project(const Project& p) {
    Out o = Out::object();
    o["id"] = p.id;
    o["name"] = p.name;
    put_text(o, "name_en", p.name_en);
    put_list(o, "aliases", p.aliases);
    if (p.company >= 0) o["company"] = d.companies[p.company].id;
    if (!p.industries.empty()) {
      Out arr = Out::array();
      for (int i : p.industries) arr.push_back(d.industries[i].id);
      o["industries"] = std::move(arr);
    }
    if (!p.products.empty()) {
      Out arr = Out::array();
      for (int i : p.products) arr.push_back(d.products[i].id);
      o["products"] = std::move(arr);
    }
    if (p.park && p.park->index >= 0)
      o["park"] = place(d.parks[p.park->index].id, p.park->evidence, extra_member(p.extra, "park"));
    if (p.district && p.district->index >= 0)
      o["district"] =
          place(d.districts[p.district->index].id, p.district->evidence, extra_member(p.extra, "district"));
    if (!p.investments.empty()) {
      Out arr = Out::array();
      for (const Investment& inv : p.investments) arr.push_back(investment(inv));
      o["investments"] = std::move(arr);
    }
    if (!p.totals.empty()) {
      Out arr = Out::array();
      for (const StatedTotal& t : p.totals) arr.push_back(total(t));
      o["totals"] = std::move(arr);
    }
    if (!p.units.empty()) {
      Out arr = Out::array();
      for (const Unit& u : p.units) arr.push_back(unit(u));
      o["units"] = std::move(arr);
    }
    if (!p.milestones.empty()) o["milestones"] = milestones(p.milestones);
    if (!p.status_reports.empty()) o["status_reports"] = status_reports(p.status_reports);
    if (!p.evidence.empty()) o["evidence"] = statements(p.evidence);
    put_text(o, "notes", p.notes);
    put_text(o, "notes_en", p.notes_en);
    put_extra(o, own_extra(p.extra, {"park", "district"}));
    return o;
  }

  Out aggregate(const Aggregate& a) {
    Out o = Out::object();
    o["id"] = a.id;
    o["area_kind"] = std::string(id_of(a.area_kind));
    if (a.area >= 0)
      o["area"] = a.area_kind == AreaKind::District ? d.districts[a.area].id : d.parks[a.area].id;
    o["metric"] = std::string(id_of(a.metric));
    if (a.product >= 0) o["product"] = d.products[a.product].id;
    if (a.status) o["status"] = std::string(id_of(*a.status));
    put_quantity(o, a.amount);
    if (a.period) o["period"] = a.period->to_string();
    if (a.expected) o["expected"] = true;
    put_text(o, "label", a.label);
    put_text(o, "label_en", a.label_en);
    put_evidence(o, a.evidence);
    put_extra(o, a.extra);
    return o;
  }

  template <class T, class F>
  Out array_of(const std::vector<T>& items, F&& one) {
    Out arr = Out::array();
    for (const T& item : items) arr.push_back(one(item));
    return arr;
  }

  Out dataset() {
    Out o = Out::object();
    o["schema_version"] = d.schema_version;
    o["name"] = d.name;
    put_text(o, "name_en", d.name_en);
    put_text(o, "description", d.description);
    put_text(o, "description_en", d.description_en);
    if (d.updated) o["updated"] = d.updated->to_string();
    o["sources"] = array_of(d.sources, [&](const Source& s) { return source(s); });
    o["districts"] = array_of(d.districts, [&](const District& x) { return district(x); });
    if (!d.parks.empty()) o["parks"] = array_of(d.parks, [&](const Park& x) { return park(x); });
    if (!d.industries.empty())
      o["industries"] = array_of(d.industries, [&](const Industry& x) { return industry(x); });
    if (!d.products.empty())
      o["products"] = array_of(d.products, [&](const Product& x) { return product(x); });
    if (!d.companies.empty())
      o["companies"] = array_of(d.companies, [&](const Company& x) { return company(x); });
    o["projects"] = array_of(d.projects, [&](const Project& x) { return project(x); });
    if (!d.aggregates.empty())
      o["aggregates"] = array_of(d.aggregates, [&](const Aggregate& x) { return aggregate(x); });
    put_extra(o, d.extra);
    return o;
  }
};

}  // namespace

std::string serialize_dataset(const Dataset& data) {
  Writer w{data};
  std::string text = w.dataset().dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  text += '\n';
  return text;
}

SaveResult save_dataset(const Dataset& data, const std::string& path) {
  const WriteFileResult w = write_file_atomically(path, serialize_dataset(data), /*keep_backup=*/true);
  return {w.ok, w.error};
}

}  // namespace indtrack
