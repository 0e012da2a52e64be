// Records to rows and rows to JSON (dataset_tables.h). Each table is described once — its
// columns, which JSON member each holds, its lists — and the description drives COPY, INSERT,
// UPDATE, SELECT and the JSON written back, so a new column is one line here plus a migration.
//
// Contents: 1. table descriptions · 2. text encodings (COPY, JSON) · 3. record -> rows ·
// 4. writing rows · 5. rows -> JSON · 6. reading records.
#include "db/dataset_tables.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <deque>
#include <memory>
#include <unordered_map>

#include "core/units.h"

namespace indtrack::db {
namespace {

// ================= 1. table descriptions =================

enum class Col : unsigned char {
  Text,         // a string member `key` (of the object member `nest` when set); absent: `fallback` or NULL
  Number,       // a number member
  Integer,      // an integer member
  Bool,         // true/false member; absent: false (written back only when true)
  Owner,        // the id of the record or line that owns the row
  Project,      // the id of the project (rows of a line carry both)
  UnitOf,       // the id of the line owning the row; NULL for a project's own row
  Ord,          // the row's index in its list
  Position,     // the record's index in the dataset's list
  Version,      // the record's version
  Element,      // the list element itself (a list of strings or ids)
  Extra,        // every member no other column takes, as JSON (of `nest` when set); NULL when none
  Dimension,    // of the unit named by member "unit"
  ToCanonical,  // factor of that unit
  ListFlag,     // the member "capacity" is written as a list
  Area,         // member "area" when "area_kind" equals `nest` (aggregates: district_id / park_id)
};

struct Column {
  std::string_view name;
  Col kind;
  std::string_view key = {};
  std::string_view nest = {};
  std::string_view fallback = {};
};

struct Table {
  std::string_view name = {};
  std::vector<Column> columns = {};
  std::string_view list_key = {};  // the owner's member holding these rows; "" for a record's own row
  std::vector<const Table*> children = {};
  bool under_unit = false;      // rows belong to a production line (capacities)
  std::string_view order = {};  // ORDER BY of a full read
};

// Evidence columns: in the row they support, or in a place reference (`nest`).
void add_evidence(std::vector<Column>& c, std::string_view prefix = {}, std::string_view nest = {}) {
  static std::deque<std::string> names;  // stable storage for prefixed names: a deque never moves them
  auto name = [&](std::string_view base) -> std::string_view {
    if (prefix.empty()) return base;
    names.push_back(std::string(prefix) + std::string(base));
    return names.back();
  };
  c.push_back({name("source_id"), Col::Text, "source", nest});
  c.push_back({name("quote"), Col::Text, "quote", nest});
  c.push_back({name("basis"), Col::Text, "basis", nest, "stated"});
  c.push_back({name("note"), Col::Text, "note", nest});
  c.push_back({name("note_en"), Col::Text, "note_en", nest});
}

void add_quantity(std::vector<Column>& c) {
  c.push_back({"value", Col::Number, "value"});
  c.push_back({"unit", Col::Text, "unit"});
  c.push_back({"dimension", Col::Dimension});
  c.push_back({"to_canonical", Col::ToCanonical});
  c.push_back({"approximate", Col::Bool, "approximate"});
  c.push_back({"bound", Col::Text, "bound", {}, "exact"});
}

// What a milestone or status report of a whole project may be limited to: one product, one phase;
// then its evidence and unknown members.
void add_scope_evidence_extra(std::vector<Column>& c) {
  c.push_back({"scope_product_id", Col::Text, "product"});
  c.push_back({"scope_phase", Col::Text, "phase"});
  add_evidence(c);
  c.push_back({"extra", Col::Extra});
}

// A place reference {"id": ..., evidence}: `prefix`_id, its evidence and its own unknown members.
void add_place(std::vector<Column>& c, std::string_view nest, std::string_view id_column,
               std::string_view extra_column, std::string_view prefix) {
  c.push_back({id_column, Col::Text, "id", nest});
  add_evidence(c, prefix, nest);
  c.push_back({extra_column, Col::Extra, {}, nest});
}

struct Tables {
  Table dataset, sources, districts, district_aliases, parks, park_aliases, industries, products,
      product_aliases, companies, company_aliases, company_statements, projects, project_aliases,
      project_industries, project_products, project_statements, investments, totals, units, capacities,
      milestones, status_reports, aggregates;

  Tables() {
    auto aliases = [](std::string_view name, std::string_view owner) {
      return Table{name,      {{owner, Col::Owner}, {"ord", Col::Ord}, {"alias", Col::Element}},
                   "aliases", {},
                   false,     "1, 2"};
    };
    dataset = {"dataset",
               {{"format_version", Col::Integer, "schema_version"},
                {"name", Col::Text, "name"},
                {"name_en", Col::Text, "name_en"},
                {"description", Col::Text, "description"},
                {"description_en", Col::Text, "description_en"},
                {"updated", Col::Text, "updated"},
                {"extra", Col::Extra},
                {"version", Col::Version}}};
    sources = {"sources",
               {{"id", Col::Text, "id"},
                {"position", Col::Position},
                {"kind", Col::Text, "kind"},
                {"publisher", Col::Text, "publisher"},
                {"via", Col::Text, "via"},
                {"title", Col::Text, "title"},
                {"date", Col::Text, "date"},
                {"date_basis", Col::Text, "date_basis"},
                {"date_basis_en", Col::Text, "date_basis_en"},
                {"file", Col::Text, "file"},
                {"url", Col::Text, "url"},
                {"language", Col::Text, "language"},
                {"notes", Col::Text, "notes"},
                {"notes_en", Col::Text, "notes_en"},
                {"extra", Col::Extra},
                {"version", Col::Version}}};
    district_aliases = aliases("district_aliases", "district_id");
    districts = {"districts",
                 {{"id", Col::Text, "id"},
                  {"position", Col::Position},
                  {"name", Col::Text, "name"},
                  {"name_en", Col::Text, "name_en"},
                  {"extra", Col::Extra},
                  {"version", Col::Version}},
                 {},
                 {&district_aliases}};
    park_aliases = aliases("park_aliases", "park_id");
    {
      std::vector<Column> c = {{"id", Col::Text, "id"},
                               {"position", Col::Position},
                               {"name", Col::Text, "name"},
                               {"name_en", Col::Text, "name_en"}};
      add_place(c, "district", "district_id", "district_extra", "district_");
      c.push_back({"notes", Col::Text, "notes"});
      c.push_back({"notes_en", Col::Text, "notes_en"});
      c.push_back({"extra", Col::Extra});
      c.push_back({"version", Col::Version});
      parks = {"parks", std::move(c), {}, {&park_aliases}};
    }
    industries = {"industries",
                  {{"id", Col::Text, "id"},
                   {"position", Col::Position},
                   {"name", Col::Text, "name"},
                   {"name_en", Col::Text, "name_en"},
                   {"extra", Col::Extra},
                   {"version", Col::Version}}};
    product_aliases = aliases("product_aliases", "product_id");
    products = {"products",
                {{"id", Col::Text, "id"},
                 {"position", Col::Position},
                 {"name", Col::Text, "name"},
                 {"short_name", Col::Text, "short_name"},
                 {"name_en", Col::Text, "name_en"},
                 {"industry_id", Col::Text, "industry"},
                 {"extra", Col::Extra},
                 {"version", Col::Version}},
                {},
                {&product_aliases}};
    company_aliases = aliases("company_aliases", "company_id");
    {
      std::vector<Column> c = {{"company_id", Col::Owner}, {"ord", Col::Ord}};
      add_evidence(c);
      c.push_back({"extra", Col::Extra});
      company_statements = {"company_statements", std::move(c), "evidence", {}, false, "1, 2"};
    }
    companies = {"companies",
                 {{"id", Col::Text, "id"},
                  {"position", Col::Position},
                  {"name", Col::Text, "name"},
                  {"short_name", Col::Text, "short_name"},
                  {"name_en", Col::Text, "name_en"},
                  {"parent_id", Col::Text, "parent"},
                  {"notes", Col::Text, "notes"},
                  {"notes_en", Col::Text, "notes_en"},
                  {"extra", Col::Extra},
                  {"version", Col::Version}},
                 {},
                 {&company_aliases, &company_statements}};

    // A project's lists, in the format's order.
    project_aliases = aliases("project_aliases", "project_id");
    project_industries = {"project_industries",
                          {{"project_id", Col::Owner}, {"ord", Col::Ord}, {"industry_id", Col::Element}},
                          "industries",
                          {},
                          false,
                          "1, 2"};
    project_products = {"project_products",
                        {{"project_id", Col::Owner}, {"ord", Col::Ord}, {"product_id", Col::Element}},
                        "products",
                        {},
                        false,
                        "1, 2"};
    {
      std::vector<Column> c = {{"project_id", Col::Owner}, {"ord", Col::Ord}, {"scope", Col::Text, "scope"}};
      add_quantity(c);
      c.push_back({"as_of", Col::Text, "as_of"});
      c.push_back({"phase", Col::Text, "phase"});
      add_evidence(c);
      c.push_back({"extra", Col::Extra});
      investments = {"investments", std::move(c), "investments", {}, false, "1, 2"};
    }
    {
      std::vector<Column> c = {
          {"project_id", Col::Owner}, {"ord", Col::Ord}, {"product_id", Col::Text, "product"}};
      add_quantity(c);
      c.push_back({"as_of", Col::Text, "as_of"});
      c.push_back({"expected", Col::Bool, "expected"});
      c.push_back({"phase", Col::Text, "phase"});
      add_evidence(c);
      c.push_back({"extra", Col::Extra});
      totals = {"totals", std::move(c), "totals", {}, false, "1, 2"};
    }
    {
      std::vector<Column> c = {{"unit_id", Col::Owner}, {"ord", Col::Ord}};
      add_quantity(c);
      add_evidence(c);
      c.push_back({"extra", Col::Extra});
      capacities = {"capacities", std::move(c), "capacity", {}, true, "1, 2"};
    }
    {
      std::vector<Column> c = {{"project_id", Col::Project},
                               {"unit_id", Col::UnitOf},
                               {"ord", Col::Ord},
                               {"kind", Col::Text, "kind"},
                               {"date", Col::Text, "date"},
                               {"expected", Col::Bool, "expected"},
                               {"reported", Col::Text, "reported"}};
      add_scope_evidence_extra(c);
      milestones = {"milestones", std::move(c), "milestones", {}, false, "1, 2 NULLS FIRST, 3"};
    }
    {
      std::vector<Column> c = {{"project_id", Col::Project},
                               {"unit_id", Col::UnitOf},
                               {"ord", Col::Ord},
                               {"status", Col::Text, "status"},
                               {"as_of", Col::Text, "as_of"}};
      add_scope_evidence_extra(c);
      status_reports = {"status_reports", std::move(c), "status_reports", {}, false, "1, 2 NULLS FIRST, 3"};
    }
    units = {"units",
             {{"id", Col::Text, "id"},
              {"project_id", Col::Owner},
              {"ord", Col::Ord},
              {"name", Col::Text, "name"},
              {"name_en", Col::Text, "name_en"},
              {"product_id", Col::Text, "product"},
              {"phase", Col::Text, "phase"},
              {"notes", Col::Text, "notes"},
              {"notes_en", Col::Text, "notes_en"},
              {"capacity_as_list", Col::ListFlag},
              {"extra", Col::Extra}},
             "units",
             {&capacities, &milestones, &status_reports},
             false,
             "2, 3"};
    {
      std::vector<Column> c = {{"project_id", Col::Owner}, {"ord", Col::Ord}};
      add_evidence(c);
      c.push_back({"extra", Col::Extra});
      project_statements = {"project_statements", std::move(c), "evidence", {}, false, "1, 2"};
    }
    {
      std::vector<Column> c = {{"id", Col::Text, "id"},
                               {"position", Col::Position},
                               {"name", Col::Text, "name"},
                               {"name_en", Col::Text, "name_en"},
                               {"company_id", Col::Text, "company"}};
      add_place(c, "park", "park_id", "park_extra", "park_");
      add_place(c, "district", "district_id", "district_extra", "district_");
      c.push_back({"notes", Col::Text, "notes"});
      c.push_back({"notes_en", Col::Text, "notes_en"});
      c.push_back({"extra", Col::Extra});
      c.push_back({"version", Col::Version});
      projects = {"projects",
                  std::move(c),
                  {},
                  {&project_aliases, &project_industries, &project_products, &investments, &totals, &units,
                   &milestones, &status_reports, &project_statements}};
    }
    {
      std::vector<Column> c = {{"id", Col::Text, "id"},
                               {"position", Col::Position},
                               {"area_kind", Col::Text, "area_kind"},
                               {"district_id", Col::Area, "area", "district"},
                               {"park_id", Col::Area, "area", "park"},
                               {"metric", Col::Text, "metric"},
                               {"product_id", Col::Text, "product"},
                               {"status", Col::Text, "status"}};
      add_quantity(c);
      c.push_back({"period", Col::Text, "period"});
      c.push_back({"expected", Col::Bool, "expected"});
      c.push_back({"label", Col::Text, "label"});
      c.push_back({"label_en", Col::Text, "label_en"});
      add_evidence(c);
      c.push_back({"extra", Col::Extra});
      c.push_back({"version", Col::Version});
      aggregates = {"aggregates", std::move(c)};
    }
  }

  // Parents before the lists that refer to them (COPY order).
  std::vector<const Table*> in_order() const {
    return {&dataset,
            &sources,
            &districts,
            &district_aliases,
            &parks,
            &park_aliases,
            &industries,
            &products,
            &product_aliases,
            &companies,
            &company_aliases,
            &company_statements,
            &projects,
            &project_aliases,
            &project_industries,
            &project_products,
            &project_statements,
            &investments,
            &totals,
            &units,
            &capacities,
            &milestones,
            &status_reports,
            &aggregates};
  }

  const Table& of(RecordKind kind) const {
    switch (kind) {
      case RecordKind::Dataset:
        return dataset;
      case RecordKind::Source:
        return sources;
      case RecordKind::District:
        return districts;
      case RecordKind::Park:
        return parks;
      case RecordKind::Industry:
        return industries;
      case RecordKind::Product:
        return products;
      case RecordKind::Company:
        return companies;
      case RecordKind::Project:
        return projects;
      case RecordKind::Aggregate:
        return aggregates;
    }
    return projects;
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

struct KindInfo {
  RecordKind kind;
  std::string_view name, list;
};
constexpr KindInfo kKinds[] = {
    {RecordKind::Dataset, "dataset", ""},
    {RecordKind::Source, "source", "sources"},
    {RecordKind::District, "district", "districts"},
    {RecordKind::Park, "park", "parks"},
    {RecordKind::Industry, "industry", "industries"},
    {RecordKind::Product, "product", "products"},
    {RecordKind::Company, "company", "companies"},
    {RecordKind::Project, "project", "projects"},
    {RecordKind::Aggregate, "aggregate", "aggregates"},
};
constexpr RecordKind kKindOrder[] = {RecordKind::Dataset, RecordKind::Source,   RecordKind::District,
                                     RecordKind::Park,    RecordKind::Industry, RecordKind::Product,
                                     RecordKind::Company, RecordKind::Project,  RecordKind::Aggregate};

std::string column_list(const Table& t) {
  std::string out;
  for (const Column& c : t.columns) {
    if (!out.empty()) out += ", ";
    out += c.name;
  }
  return out;
}

// ================= 2. text encodings =================

// A double in its shortest form that reads back exactly ("10.4", "1e+20").
std::string number_text(double v) {
  char buffer[32];
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, v);
  return std::string(buffer, r.ptr);
}

// COPY text format: tab between columns, \N for NULL, backslash escapes for \ tab LF CR.
void append_copy_value(std::string& out, const std::optional<std::string>& value) {
  if (!value) {
    out += "\\N";
    return;
  }
  for (const char c : *value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

// JSON text, written directly (the loader parses it again).
void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          static constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

class JsonOut {
 public:
  explicit JsonOut(std::string& out) : out_(out) {}
  void open(char c) {
    out_ += c;
    first_ = true;
  }
  void close(char c) {
    out_ += c;
    first_ = false;
  }
  void key(std::string_view k) {
    comma();
    append_json_string(out_, k);
    out_ += ':';
    first_ = true;  // the value follows without a comma
  }
  void string(std::string_view s) {
    comma();
    append_json_string(out_, s);
  }
  void raw(std::string_view text) {
    comma();
    out_ += text;
  }
  // The members of a JSON object's text ({"a":1}) spliced into the object being written.
  void members_of(std::string_view object_text) {
    const std::size_t open = object_text.find('{');
    const std::size_t close = object_text.rfind('}');
    if (open == std::string_view::npos || close == std::string_view::npos || close <= open) return;
    const std::string_view inner = object_text.substr(open + 1, close - open - 1);
    if (inner.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
    comma();
    out_ += inner;
  }

 private:
  void comma() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  std::string& out_;
  bool first_ = true;
};

// ================= 3. record -> rows =================

using Value = std::optional<std::string>;

// The members of one JSON object, taken one by one; what is left is the row's `extra`.
class Members {
 public:
  explicit Members(const OrderedJson* object) {
    if (object && object->is_object()) rest_ = *object;
  }
  bool present() const { return rest_.is_object(); }
  // Takes member `key` when it has the JSON type `is` accepts.
  template <class Is>
  std::optional<OrderedJson> take(std::string_view key, Is&& is) {
    if (!rest_.is_object()) return std::nullopt;
    const auto it = rest_.find(std::string(key));
    if (it == rest_.end() || !is(*it)) return std::nullopt;
    OrderedJson v = std::move(*it);
    rest_.erase(it);
    return v;
  }
  const OrderedJson* peek(std::string_view key) const {
    if (!rest_.is_object()) return nullptr;
    const auto it = rest_.find(std::string(key));
    return it == rest_.end() ? nullptr : &*it;
  }
  Value extra() const {
    if (!rest_.is_object() || rest_.empty()) return std::nullopt;
    return rest_.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }

 private:
  OrderedJson rest_;
};

struct Context {
  std::string record;   // the owning record's id (the project, for a project's lists)
  std::string project;  // the project (for a line's lists)
  Value unit;           // the line owning the rows; nullopt at project level
  std::int64_t position = 0;
  std::int64_t version = 1;
};

// Receives rows: COPY text in bulk, or INSERTs one by one.
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual Result<Done> row(const Table& table, const std::vector<Value>& values) = 0;
};

Result<Done> encode(const Table& table, const OrderedJson& object, const Context& ctx, int ord,
                    RowSink& sink);

Result<Done> encode(const Table& table, const OrderedJson& object, const Context& ctx, int ord,
                    RowSink& sink) {
  const bool element_row = !object.is_object();
  Members root(&object);
  std::unordered_map<std::string_view, std::unique_ptr<Members>> nests;
  auto nest = [&](std::string_view name) -> Members& {
    auto& slot = nests[name];
    if (!slot) {
      auto taken = root.take(name, [](const OrderedJson& v) { return v.is_object(); });
      slot = std::make_unique<Members>(taken ? &*taken : nullptr);
    }
    return *slot;
  };
  std::vector<Value> values(table.columns.size());
  std::string area_kind;
  if (const OrderedJson* k = root.peek("area_kind"); k && k->is_string()) area_kind = k->get<std::string>();
  std::string unit_name;
  if (const OrderedJson* u = root.peek("unit"); u && u->is_string()) unit_name = u->get<std::string>();
  const auto unit_info = find_unit(unit_name);

  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const Column& c = table.columns[i];
    Members& m = c.nest.empty() ? root : nest(c.nest);
    switch (c.kind) {
      case Col::Text:
        if (auto v = m.take(c.key, [](const OrderedJson& j) { return j.is_string(); }))
          values[i] = v->get<std::string>();
        else if (!c.fallback.empty() && m.present())
          values[i] = std::string(c.fallback);
        break;
      case Col::Number:
        if (auto v = m.take(c.key, [](const OrderedJson& j) { return j.is_number(); }))
          values[i] = v->is_number_float() ? number_text(v->get<double>()) : v->dump();
        break;
      case Col::Integer:
        if (auto v = m.take(c.key, [](const OrderedJson& j) { return j.is_number_integer(); }))
          values[i] = v->dump();
        break;
      case Col::Bool: {
        auto v = m.take(c.key, [](const OrderedJson& j) { return j.is_boolean(); });
        values[i] = v && v->get<bool>() ? "t" : "f";
        break;
      }
      case Col::Owner:
        values[i] = table.under_unit ? ctx.unit : Value(ctx.record);
        break;
      case Col::Project:
        values[i] = ctx.project;
        break;
      case Col::UnitOf:
        values[i] = ctx.unit;
        break;
      case Col::Ord:
        values[i] = std::to_string(ord);
        break;
      case Col::Position:
        values[i] = std::to_string(ctx.position);
        break;
      case Col::Version:
        values[i] = std::to_string(ctx.version);
        break;
      case Col::Element:
        if (object.is_string()) values[i] = object.get<std::string>();
        break;
      case Col::Extra:
        break;  // below, once every other column has taken its member
      case Col::Dimension:
        if (unit_info) {
          static constexpr std::string_view kDims[] = {"mass_per_year", "power", "energy_per_year",
                                                       "gas_flow",      "money", "count"};
          values[i] = std::string(kDims[static_cast<int>(unit_info->dimension)]);
        }
        break;
      case Col::ToCanonical:
        if (unit_info) values[i] = number_text(unit_info->to_canonical);
        break;
      case Col::ListFlag: {
        const OrderedJson* capacity = root.peek("capacity");
        values[i] = capacity && capacity->is_array() ? "t" : "f";
        break;
      }
      case Col::Area:
        if (area_kind == c.nest)
          if (auto v = root.take(c.key, [](const OrderedJson& j) { return j.is_string(); }))
            values[i] = v->get<std::string>();
        break;
    }
  }
  // The lists this row owns leave the members before `extra` is what remains.
  std::vector<std::pair<const Table*, OrderedJson>> lists;
  if (!element_row)
    for (const Table* child : table.children) {
      auto list = root.take(child->list_key, [&](const OrderedJson& j) {
        return j.is_array() || (child->under_unit && j.is_object());
      });
      if (list) lists.emplace_back(child, std::move(*list));
    }
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const Column& c = table.columns[i];
    if (c.kind != Col::Extra) continue;
    values[i] = c.nest.empty() ? root.extra() : nest(c.nest).extra();
  }
  if (auto r = sink.row(table, values); !r) return r;

  // A line's lists belong to the line; a record's to the record.
  Context inner = ctx;
  if (&table == &tables().units) {
    const auto id = object.find("id");
    if (id == object.end() || !id->is_string())
      return Error::of(Error::Kind::Invalid, "a production line without an id");
    inner.unit = id->get<std::string>();
  }
  for (auto& [child, list] : lists) {
    if (list.is_array()) {
      for (std::size_t i = 0; i < list.size(); ++i)
        if (auto r = encode(*child, list[i], inner, static_cast<int>(i), sink); !r) return r;
    } else {
      if (auto r = encode(*child, list, inner, 0, sink); !r) return r;
    }
  }
  return done();
}

std::string record_id_of(const RecordKey& key) { return key.kind == RecordKind::Dataset ? "" : key.id; }

Result<Done> encode_record(const RecordKey& key, const OrderedJson& record, std::int64_t position,
                           std::int64_t version, RowSink& sink) {
  Context ctx;
  ctx.record = record_id_of(key);
  ctx.project = ctx.record;
  ctx.position = position;
  ctx.version = version;
  const OrderedJson own = key.kind == RecordKind::Dataset ? dataset_fields(record) : record;
  return encode(tables().of(key.kind), own, ctx, 0, sink);
}

// ================= 4. writing rows =================

// Rows collected per table as COPY text, sent table by table (parents before children).
class CopySink : public RowSink {
 public:
  Result<Done> row(const Table& table, const std::vector<Value>& values) override {
    std::string& out = buffers_[&table];
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i) out += '\t';
      append_copy_value(out, values[i]);
    }
    out += '\n';
    return done();
  }
  Result<Done> send(PgConnection& conn) {
    for (const Table* t : tables().in_order()) {
      if (!buffers_.count(t)) continue;
      const std::string sql =
          "COPY indtrack." + std::string(t->name) + " (" + column_list(*t) + ") FROM STDIN";
      if (auto r = conn.copy_in(sql, buffers_[t]); !r) return r;
      buffers_[t] = std::string();
    }
    return done();
  }

 private:
  std::unordered_map<const Table*, std::string> buffers_;
};

// One INSERT per row (a record's save: a few rows). The record's own row may be an UPDATE.
class InsertSink : public RowSink {
 public:
  InsertSink(PgConnection& conn, const Table* update_table) : conn_(conn), update_(update_table) {}
  Result<Done> row(const Table& table, const std::vector<Value>& values) override {
    std::vector<Param> params(values.begin(), values.end());
    std::string sql;
    if (&table == update_) {
      // UPDATE ... SET (cols) = ($1, ...) WHERE <key>: the row keeps its position.
      update_ = nullptr;
      std::string set_columns, set_values;
      std::vector<Param> used;
      std::string key_column;
      Param key_value;
      for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const Column& c = table.columns[i];
        if (c.kind == Col::Position) continue;
        if (c.name == "id") {
          key_value = params[i];
          continue;
        }
        if (!set_columns.empty()) {
          set_columns += ", ";
          set_values += ", ";
        }
        set_columns += c.name;
        used.push_back(params[i]);
        set_values += "$" + std::to_string(used.size());
      }
      sql = "UPDATE indtrack." + std::string(table.name) + " SET (" + set_columns + ") = ROW(" + set_values +
            ")";
      if (&table != &tables().dataset) {
        used.push_back(key_value);
        sql += " WHERE id = $" + std::to_string(used.size());
      }
      auto r = conn_.exec(sql, used);
      if (!r) return r.error();
      if (r->affected() != 1) return Error::of(Error::Kind::Conflict, "the record to update is gone");
      return done();
    }
    std::string placeholders;
    for (std::size_t i = 0; i < values.size(); ++i) placeholders += (i ? ", $" : "$") + std::to_string(i + 1);
    sql = "INSERT INTO indtrack." + std::string(table.name) + " (" + column_list(table) + ") VALUES (" +
          placeholders + ")";
    auto r = conn_.exec(sql, params);
    if (!r) return r.error();
    return done();
  }

 private:
  PgConnection& conn_;
  const Table* update_;
};

// Deletes the rows of a record's lists (a line's lists go with the line).
Result<Done> delete_lists(PgConnection& conn, const Table& table, const std::string& id) {
  for (const Table* child : table.children) {
    if (child->under_unit) continue;
    std::string column;
    for (const Column& c : child->columns)
      if (c.kind == Col::Owner || c.kind == Col::Project) {
        column = std::string(c.name);
        break;
      }
    auto r =
        conn.exec("DELETE FROM indtrack." + std::string(child->name) + " WHERE " + column + " = $1", {id});
    if (!r) return r.error();
  }
  return done();
}

// ================= 5. rows -> JSON =================

// One table's rows, grouped by owner for the records that own them.
struct TableRows {
  const Table* table = nullptr;
  PgResult result;
  // "r:" + record id or "u:" + line id -> row numbers in list order
  std::unordered_map<std::string, std::vector<int>> by_owner;
};

int column_index(const Table& t, Col kind) {
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i].kind == kind) return static_cast<int>(i);
  return -1;
}

std::string owner_key(const TableRows& rows, int r) {
  const Table& t = *rows.table;
  const int unit = column_index(t, Col::UnitOf);
  if (unit >= 0 && !rows.result.null(r, unit)) return "u:" + std::string(rows.result.get(r, unit));
  const int owner = column_index(t, t.columns[0].kind == Col::Project ? Col::Project : Col::Owner);
  return (t.under_unit ? "u:" : "r:") + std::string(rows.result.get(r, owner));
}

class RowsToJson {
 public:
  std::unordered_map<const Table*, TableRows> children;

  // Writes the members of row `r` of `rows` and of its lists.
  void members(JsonOut& out, const Table& t, const PgResult& result, int r) {
    for (std::size_t i = 0; i < t.columns.size();) {
      const Column& c = t.columns[i];
      if (!c.nest.empty() && c.kind != Col::Area) {
        // A place reference: its columns are consecutive; written when its id is there.
        std::size_t end = i;
        while (end < t.columns.size() && t.columns[end].nest == c.nest) ++end;
        if (!result.null(r, static_cast<int>(i))) {
          out.key(c.nest);
          out.open('{');
          for (std::size_t k = i; k < end; ++k) member(out, t.columns[k], result, r, static_cast<int>(k));
          out.close('}');
        }
        i = end;
        continue;
      }
      member(out, c, result, r, static_cast<int>(i));
      ++i;
    }
    if (t.children.empty()) return;
    const std::string own =
        &t == &tables().units ? "u:" + std::string(result.get(r, 0)) : "r:" + std::string(result.get(r, 0));
    for (const Table* child : t.children) {
      auto rows_it = children.find(child);
      if (rows_it == children.end()) continue;
      TableRows& rows = rows_it->second;
      const auto found = rows.by_owner.find(own);
      if (found == rows.by_owner.end()) {
        continue;
      }
      const bool as_object = child->under_unit && found->second.size() == 1 &&
                             result.get(r, column_index(t, Col::ListFlag)) != "t";
      out.key(child->list_key);
      if (!as_object) out.open('[');
      const int element = column_index(*child, Col::Element);
      for (const int cr : found->second) {
        if (element >= 0) {
          out.string(rows.result.get(cr, element));
          continue;
        }
        if (!as_object) out.raw("");  // the comma before an element
        out.open('{');
        members(out, *child, rows.result, cr);
        out.close('}');
      }
      if (!as_object) out.close(']');
    }
  }

 private:
  static void member(JsonOut& out, const Column& c, const PgResult& result, int r, int i) {
    if (result.null(r, i)) return;
    const std::string_view v = result.get(r, i);
    switch (c.kind) {
      case Col::Text:
        if (!c.fallback.empty() && v == c.fallback) return;
        out.key(c.key);
        out.string(v);
        return;
      case Col::Area:
        out.key(c.key);
        out.string(v);
        return;
      case Col::Number:
      case Col::Integer:
        out.key(c.key);
        out.raw(v);
        return;
      case Col::Bool:
        if (v != "t") return;
        out.key(c.key);
        out.raw("true");
        return;
      case Col::Extra:
        out.members_of(v);
        return;
      default:
        return;
    }
  }
};

std::string select_sql(const Table& t, std::string_view where) {
  std::string sql = "SELECT " + column_list(t) + " FROM indtrack." + std::string(t.name);
  if (!where.empty()) sql += " WHERE " + std::string(where);
  if (!t.order.empty()) sql += " ORDER BY " + std::string(t.order);
  return sql;
}

// Reads every list table of `t` (recursively): all rows, or those of the records `ids` (a
// PostgreSQL array literal) names.
Result<Done> read_lists(PgConnection& conn, const Table& t, RowsToJson& json, const std::string* ids) {
  for (const Table* child : t.children) {
    if (json.children.count(child)) continue;
    std::string where;
    std::vector<Param> params;
    if (ids) {
      // Rows of the records asked for: by the owner (or project) column; a line's lists by the
      // lines of those projects.
      if (child->under_unit)
        where = "unit_id IN (SELECT id FROM indtrack.units WHERE project_id = ANY($1::text[]))";
      else
        where =
            std::string(child
                            ->columns[column_index(
                                *child, column_index(*child, Col::Project) >= 0 ? Col::Project : Col::Owner)]
                            .name) +
            " = ANY($1::text[])";
      params.push_back(*ids);
    }
    auto r = conn.exec(select_sql(*child, where), params);
    if (!r) return r.error();
    TableRows rows;
    rows.table = child;
    rows.result = std::move(*r);
    for (int i = 0; i < rows.result.rows(); ++i) rows.by_owner[owner_key(rows, i)].push_back(i);
    json.children.emplace(child, std::move(rows));
    if (auto more = read_lists(conn, *child, json, ids); !more) return more;
  }
  return done();
}

}  // namespace

// ================= public =================

std::span<const RecordKind> record_kinds() { return kKindOrder; }

std::string_view kind_name(RecordKind kind) {
  for (const KindInfo& k : kKinds)
    if (k.kind == kind) return k.name;
  return "record";
}

std::optional<RecordKind> kind_from_name(std::string_view name) {
  for (const KindInfo& k : kKinds)
    if (k.name == name) return k.kind;
  return std::nullopt;
}

std::string_view list_key(RecordKind kind) {
  for (const KindInfo& k : kKinds)
    if (k.kind == kind) return k.list;
  return "";
}

std::string describe(const RecordKey& key) {
  if (key.kind == RecordKind::Dataset) return "the dataset's own fields";
  return std::string(kind_name(key.kind)) + " " + key.id;
}

OrderedJson dataset_fields(const OrderedJson& document) {
  OrderedJson own = OrderedJson::object();
  if (!document.is_object()) return own;
  for (auto it = document.begin(); it != document.end(); ++it) {
    bool is_list = false;
    for (const KindInfo& k : kKinds) is_list |= !k.list.empty() && it.key() == k.list;
    if (!is_list) own[it.key()] = it.value();
  }
  return own;
}

std::string array_literal(const std::vector<std::string>& items) {
  std::string out = "{";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (const char c : items[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

Result<Done> insert_document(PgConnection& conn, const OrderedJson& document, std::int64_t version) {
  CopySink sink;
  if (auto r = encode_record({RecordKind::Dataset, ""}, document, 0, version, sink); !r) return r;
  for (const RecordKind kind : record_kinds()) {
    if (kind == RecordKind::Dataset) continue;
    const auto list = document.find(std::string(list_key(kind)));
    if (list == document.end() || !list->is_array()) continue;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const OrderedJson& record = (*list)[i];
      const std::string id =
          record.contains("id") && record["id"].is_string() ? record["id"].get<std::string>() : "";
      if (auto r = encode_record({kind, id}, record, static_cast<std::int64_t>(i), version, sink); !r)
        return r;
    }
  }
  return sink.send(conn);
}

Result<Done> insert_record(PgConnection& conn, const RecordKey& key, const OrderedJson& record,
                           std::int64_t position, std::int64_t version) {
  InsertSink sink(conn, nullptr);
  return encode_record(key, record, position, version, sink);
}

Result<Done> replace_record(PgConnection& conn, const RecordKey& key, const OrderedJson& record,
                            std::int64_t version) {
  const Table& table = tables().of(key.kind);
  if (key.kind != RecordKind::Dataset)
    if (auto r = delete_lists(conn, table, key.id); !r) return r;
  InsertSink sink(conn, &table);
  return encode_record(key, record, 0, version, sink);
}

Result<Done> delete_record(PgConnection& conn, const RecordKey& key) {
  if (key.kind == RecordKind::Dataset)
    return Error::of(Error::Kind::Invalid, "the dataset's own fields cannot be deleted");
  if (key.kind == RecordKind::Source)
    if (auto r = conn.exec("DELETE FROM indtrack.article_texts WHERE source_id = $1", {key.id}); !r)
      return r.error();
  auto r = conn.exec("DELETE FROM indtrack." + std::string(tables().of(key.kind).name) + " WHERE id = $1",
                     {key.id});
  if (!r) return r.error();
  return done();
}

Result<std::optional<RowVersion>> lock_record(PgConnection& conn, const RecordKey& key) {
  const Table& t = tables().of(key.kind);
  Result<PgResult> r = key.kind == RecordKind::Dataset
                           ? conn.exec("SELECT version, 0 FROM indtrack.dataset FOR UPDATE")
                           : conn.exec("SELECT version, position FROM indtrack." + std::string(t.name) +
                                           " WHERE id = $1 FOR UPDATE",
                                       {key.id});
  if (!r) return r.error();
  if (r->rows() == 0) return std::optional<RowVersion>();
  return std::optional<RowVersion>(RowVersion{r->integer(0, 0), r->integer(0, 1)});
}

Result<DatasetRows> read_dataset(PgConnection& conn) {
  DatasetRows out;
  std::string& json = out.json;
  JsonOut w(json);
  auto top = conn.exec(select_sql(tables().dataset, ""));
  if (!top) return top.error();
  if (top->rows() != 1)
    return Error::of(Error::Kind::NotFound,
                     "the database holds no dataset yet: `indtrack db import FILE` first");
  RowsToJson rows;
  w.open('{');
  rows.members(w, tables().dataset, *top, 0);
  out.versions[{RecordKind::Dataset, ""}] = top->integer(0, column_index(tables().dataset, Col::Version));
  for (const RecordKind kind : record_kinds()) {
    if (kind == RecordKind::Dataset) continue;
    const Table& t = tables().of(kind);
    if (auto r = read_lists(conn, t, rows, nullptr); !r) return r.error();
    auto records = conn.exec(select_sql(t, "") + " ORDER BY position, id");
    if (!records) return records.error();
    const int version = column_index(t, Col::Version);
    w.key(list_key(kind));
    w.open('[');
    for (int r = 0; r < records->rows(); ++r) {
      w.raw("");
      w.open('{');
      rows.members(w, t, *records, r);
      w.close('}');
      out.versions[{kind, std::string(records->get(r, 0))}] = records->integer(r, version);
    }
    w.close(']');
  }
  w.close('}');
  return out;
}

Result<std::vector<StoredRecord>> read_records(PgConnection& conn, RecordKind kind,
                                               const std::vector<std::string>& ids) {
  std::vector<StoredRecord> out;
  const Table& t = tables().of(kind);
  // The row and its lists are several statements. Alone, each would see its own moment, and a
  // save committing between them gave a record that never existed (the row's notes and version
  // from before it, the lists from after — seen by the ten-client test): one snapshot for all.
  std::optional<Transaction> snapshot;
  if (!conn.in_transaction()) {
    auto tx = Transaction::begin(conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    if (!tx) return tx.error();
    snapshot.emplace(std::move(*tx));
  }
  RowsToJson rows;
  const std::string literal = array_literal(ids);
  Result<PgResult> records = kind == RecordKind::Dataset
                                 ? conn.exec(select_sql(t, ""))
                                 : conn.exec(select_sql(t, "id = ANY($1::text[])"), {literal});
  if (!records) return records.error();
  if (kind != RecordKind::Dataset)
    if (auto r = read_lists(conn, t, rows, &literal); !r) return r.error();
  const int version = column_index(t, Col::Version);
  const int position = column_index(t, Col::Position);
  for (int r = 0; r < records->rows(); ++r) {
    std::string text;
    JsonOut w(text);
    w.open('{');
    rows.members(w, t, *records, r);
    w.close('}');
    StoredRecord s;
    s.id = kind == RecordKind::Dataset ? "" : std::string(records->get(r, 0));
    s.version = records->integer(r, version);
    s.position = position >= 0 ? records->integer(r, position) : 0;
    s.json = OrderedJson::parse(text, nullptr, false);
    out.push_back(std::move(s));
  }
  if (snapshot)
    if (auto c = snapshot->commit(); !c) return c.error();
  return out;
}

OrderedJson document_of(const Dataset& data) { return OrderedJson::parse(serialize_dataset(data)); }

}  // namespace indtrack::db
