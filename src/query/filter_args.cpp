#include "query/filter_args.h"

#include <algorithm>

#include "core/text.h"

namespace indtrack {
namespace {

// Lowercase ASCII, no spaces: "Haibowan District" -> "haibowandistrict".
std::string normalize_name(std::string_view s) {
  std::string out;
  for (char c : ascii_lower(trim(s)))
    if (c != ' ' && c != '_' && c != '-') out += c;
  return out;
}

std::string strip_suffix(const std::string& s, std::initializer_list<const char*> suffixes) {
  for (const char* suffix : suffixes) {
    const std::string_view sv(suffix);
    if (s.size() > sv.size() && s.compare(s.size() - sv.size(), sv.size(), sv) == 0)
      return s.substr(0, s.size() - sv.size());
  }
  return s;
}

bool name_equals(std::string_view candidate, const std::string& wanted_normalized,
                 std::initializer_list<const char*> suffixes = {}) {
  if (candidate.empty()) return false;
  const std::string n = normalize_name(candidate);
  return n == wanted_normalized || (suffixes.size() && strip_suffix(n, suffixes) == wanted_normalized);
}

template <class T, class F>
int find_by(const std::vector<T>& items, std::string_view name, F&& matches) {
  const std::string wanted = normalize_name(name);
  if (wanted.empty()) return -1;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (matches(items[i], wanted)) return static_cast<int>(i);
  return -1;
}

bool any_alias(const std::vector<std::string>& aliases, const std::string& wanted) {
  return std::any_of(aliases.begin(), aliases.end(),
                     [&](const std::string& a) { return name_equals(a, wanted); });
}

template <class T>
std::string valid_names(const std::vector<T>& items) {
  std::string out;
  for (const T& item : items) {
    if (!out.empty()) out += ", ";
    out += item.name;
    if (!item.name_en.empty()) out += " (" + item.name_en + ")";
  }
  return out.empty() ? "(none in this dataset)" : out;
}

std::string valid_company_names(const std::vector<Company>& items) {
  std::string out;
  for (const Company& c : items) {
    if (!out.empty()) out += ", ";
    out += display_name(c);
  }
  return out.empty() ? "(none in this dataset)" : out;
}

bool parse_flag_date(const std::string& flag, const std::string& value, std::optional<Date>& out,
                     std::string& error) {
  const DateParseResult r = parse_date(value);
  if (!r.date) {
    error = flag + ": " + r.error;
    return false;
  }
  out = r.date;
  return true;
}

}  // namespace

int find_district_by_name(const Dataset& data, std::string_view name) {
  return find_by(data.districts, name, [](const District& d, const std::string& w) {
    return name_equals(d.id, w) || name_equals(d.name, w, {"区"}) ||
           name_equals(d.name_en, w, {"district"}) || any_alias(d.aliases, w);
  });
}

int find_park_by_name(const Dataset& data, std::string_view name) {
  return find_by(data.parks, name, [](const Park& p, const std::string& w) {
    return name_equals(p.id, w) || name_equals(p.name, w) ||
           name_equals(p.name_en, w, {"industrialpark", "park"}) || any_alias(p.aliases, w);
  });
}

int find_industry_by_name(const Dataset& data, std::string_view name) {
  return find_by(data.industries, name, [](const Industry& x, const std::string& w) {
    return name_equals(x.id, w) || name_equals(x.name, w) || name_equals(x.name_en, w);
  });
}

int find_product_by_name(const Dataset& data, std::string_view name) {
  return find_by(data.products, name, [](const Product& p, const std::string& w) {
    return name_equals(p.id, w) || name_equals(p.name, w) || name_equals(p.short_name, w) ||
           name_equals(p.name_en, w) || any_alias(p.aliases, w);
  });
}

int find_company_by_name(const Dataset& data, std::string_view name) {
  return find_by(data.companies, name, [](const Company& c, const std::string& w) {
    return name_equals(c.id, w) || name_equals(c.name, w) || name_equals(c.short_name, w) ||
           name_equals(c.name_en, w) || any_alias(c.aliases, w);
  });
}

std::optional<Status> find_status_by_name(std::string_view name) {
  const std::string wanted = normalize_name(name);
  for (const auto& e : statuses()) {
    if (e.value == Status::Unknown) continue;
    if (normalize_name(e.id) == wanted || normalize_name(e.zh) == wanted || normalize_name(e.en) == wanted)
      return e.value;
  }
  return std::nullopt;
}

bool take_filter_flag(const std::vector<std::string>& args, std::size_t& i, FilterArgs& out,
                      std::string& error) {
  std::string flag = args[i];
  std::optional<std::string> inline_value;
  if (const auto eq = flag.find('='); flag.rfind("--", 0) == 0 && eq != std::string::npos) {
    inline_value = flag.substr(eq + 1);
    flag = flag.substr(0, eq);
  }
  if (flag == "--possibly-stalled" && !inline_value) {  // the one filter flag without a value
    out.possibly_stalled = true;
    return true;
  }
  static const char* kFlags[] = {"--district", "--park", "--industry", "--product", "--status", "--company",
                                 "--from",     "--to",   "--as-of",    "--clock",   "--search"};
  if (std::find_if(std::begin(kFlags), std::end(kFlags), [&](const char* f) { return flag == f; }) ==
      std::end(kFlags))
    return false;
  std::string value;
  if (inline_value) {
    value = *inline_value;
  } else if (i + 1 < args.size()) {
    value = args[++i];
  } else {
    error = flag + " needs a value (see --help)";
    return true;
  }
  if (flag == "--district")
    out.districts.push_back(value);
  else if (flag == "--park")
    out.parks.push_back(value);
  else if (flag == "--industry")
    out.industries.push_back(value);
  else if (flag == "--product")
    out.products.push_back(value);
  else if (flag == "--status")
    out.statuses.push_back(value);
  else if (flag == "--company")
    out.companies.push_back(value);
  else if (flag == "--from")
    parse_flag_date(flag, value, out.from, error);
  else if (flag == "--to")
    parse_flag_date(flag, value, out.to, error);
  else if (flag == "--as-of")
    parse_flag_date(flag, value, out.as_of, error);
  else if (flag == "--clock") {
    if (value == "now")
      out.clock = Clock::KnownNow;
    else if (value == "published")
      out.clock = Clock::PublishedBy;
    else
      error = "--clock must be now or published, got \"" + value + "\"";
  } else if (flag == "--search")
    out.search = out.search.empty() ? value : out.search + " " + value;
  return true;
}

ResolveResult resolve_filter(const Dataset& data, const FilterArgs& args) {
  ResolveResult r;
  FilterSpec spec;
  auto resolve = [&](const std::vector<std::string>& names, std::vector<int>& out, auto find,
                     const char* kind, const char* kinds, const std::string& valid) {
    for (const std::string& name : names) {
      const int index = find(data, name);
      if (index < 0) {
        r.error = "unknown " + std::string(kind) + " \"" + name + "\"; valid " + kinds + ": " + valid;
        return false;
      }
      if (std::find(out.begin(), out.end(), index) == out.end()) out.push_back(index);
    }
    return true;
  };
  if (!resolve(args.districts, spec.districts, find_district_by_name, "district", "districts",
               valid_names(data.districts)) ||
      !resolve(args.parks, spec.parks, find_park_by_name, "park", "parks", valid_names(data.parks)) ||
      !resolve(args.industries, spec.industries, find_industry_by_name, "industry", "industries",
               valid_names(data.industries)) ||
      !resolve(args.products, spec.products, find_product_by_name, "product", "products",
               valid_names(data.products)) ||
      !resolve(args.companies, spec.companies, find_company_by_name, "company", "companies",
               valid_company_names(data.companies)))
    return r;
  for (const std::string& name : args.statuses) {
    const auto status = find_status_by_name(name);
    if (!status) {
      std::string valid;
      for (const auto& e : statuses())
        if (e.value != Status::Unknown)
          valid += (valid.empty() ? "" : ", ") + std::string(e.id) + " (" + std::string(e.zh) + ")";
      r.error = "unknown status \"" + name + "\"; valid statuses: " + valid;
      return r;
    }
    spec.statuses.push_back(*status);
  }
  if (args.from && args.to && args.to->last_day() < args.from->first_day()) {
    r.error = "--to " + args.to->to_string() + " is before --from " + args.from->to_string();
    return r;
  }
  spec.from = args.from;
  spec.to = args.to;
  spec.as_of = args.as_of;
  spec.clock = args.clock;
  spec.possibly_stalled = args.possibly_stalled;
  spec.search = args.search;
  r.spec = std::move(spec);
  return r;
}

std::string shell_quote(std::string_view arg) {
  const bool plain = !arg.empty() && std::all_of(arg.begin(), arg.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c)) || c == '-' ||
           c == '_' || c == '.' || c == '/' || c == ',' || c == ':' || c == '=';
  });
  if (plain) return std::string(arg);
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  out += '\'';
  return out;
}

std::string filter_to_flags(const Dataset& data, const FilterSpec& spec) {
  std::string out;
  auto add = [&](const char* flag, std::string_view value) {
    if (!out.empty()) out += ' ';
    out += flag;
    out += ' ';
    out += shell_quote(value);
  };
  for (int i : spec.districts) add("--district", data.districts[i].name);
  for (int i : spec.parks) add("--park", data.parks[i].name);
  for (int i : spec.industries) add("--industry", data.industries[i].name);
  for (int i : spec.products)
    add("--product",
        data.products[i].short_name.empty() ? data.products[i].name : data.products[i].short_name);
  for (Status s : spec.statuses) add("--status", id_of(s));
  for (int i : spec.companies) add("--company", display_name(data.companies[i]));
  if (spec.from) add("--from", spec.from->to_string());
  if (spec.to) add("--to", spec.to->to_string());
  if (spec.as_of) add("--as-of", spec.as_of->to_string());
  if (spec.clock == Clock::PublishedBy) add("--clock", "published");
  if (spec.possibly_stalled) out += out.empty() ? "--possibly-stalled" : " --possibly-stalled";
  if (!trim(spec.search).empty()) add("--search", trim(spec.search));
  return out;
}

const char* filter_flags_help() {
  return R"(Filters (repeat a flag to allow several values; different flags must all match):
  --district NAME   海勃湾区 | 乌达区 | 海南区, or Haibowan | Wuda | Hainan
                    (a project's district is stated, or inferred from its park)
  --park NAME       e.g. 低碳产业园, 乌达产业园, "Low-Carbon Industrial Park"
  --industry NAME   industry tag, e.g. "BDO及可降解材料"
  --product NAME    e.g. BDO, PTMEG, PBAT, γ-丁内酯, 负极材料, 多晶硅
  --company NAME    full legal name, short name (华恒) or English name; a group
                    company also selects its subsidiaries
  --status NAME     announced|signed|construction|trial|operating|shelved|cancelled
                    (or 规划|签约|在建|试生产|投产|停滞|取消), as of --as-of
  --from DATE       only projects with a milestone on or after DATE
  --to DATE         ... and on or before DATE (DATE: YYYY, YYYY-MM or YYYY-MM-DD)
  --as-of DATE      status and capacity as of DATE (default: today); projects not
                    yet public at DATE are left out
  --clock now|published
                    now (default): the state on the as-of date as we know it
                    today, from every fact placed by the date it is about;
                    published: only what had been published by the as-of date
                    (what a reader could have known then), in every number,
                    status, chart and source line
  --possibly-stalled
                    only projects not operating with no report for two
                    complete years before the as-of date (a flag, not a status)
  --search TEXT     words that must all appear in a name, alias, company, park,
                    district or product (Chinese or English)
)";
}

}  // namespace indtrack
