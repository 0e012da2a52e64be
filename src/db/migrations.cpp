// The schema, as numbered migrations (schema.h). A migration is never edited once released: a
// change to the format (a new field, a relaxed rule) is a new migration at the end of the list,
// which `indtrack db migrate` applies to existing databases. Until a field has its column, the
// store keeps it in the record's `extra` JSON like any unknown field, so no data is lost in
// between (docs/database.md, "Changing the schema").
//
// Tables follow docs/data-format.md one to one: a top-level record is a row with a `position` (its
// place in the file's list) and a `version` (optimistic concurrency); its lists are child tables
// ordered by `ord`. Evidence sits in the row it supports (source_id, quote, basis, note). Rules of
// the validator that a row can check are constraints; the loader's errors that span rows (quotes
// against article texts, cycles of parent companies, a facility's capacity) are checked at COMMIT
// by the triggers of migration 3.
#include "db/schema.h"

namespace indtrack::db {
namespace {

constexpr std::string_view kInitialSchema = R"sql(
CREATE SCHEMA indtrack;
COMMENT ON SCHEMA indtrack IS 'An indtrack dataset (docs/database.md in the indtrack sources)';

CREATE TABLE indtrack.schema_migrations (
  version integer PRIMARY KEY,
  description text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  applied_by name NOT NULL DEFAULT session_user
);

-- ---- the loader's rules for single values ----

-- YYYY, YYYY-MM or YYYY-MM-DD naming a real day (core/date.h); year 0000 does not exist.
CREATE FUNCTION indtrack.is_partial_date(d text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  IF d !~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$' OR substr(d, 1, 4) = '0000' THEN
    RETURN false;
  END IF;
  IF length(d) >= 7 AND substr(d, 6, 2)::int NOT BETWEEN 1 AND 12 THEN
    RETURN false;
  END IF;
  IF length(d) = 10 THEN
    RETURN substr(d, 9, 2)::int BETWEEN 1 AND extract(day FROM
      make_date(substr(d, 1, 4)::int, substr(d, 6, 2)::int, 1) + interval '1 month - 1 day')::int;
  END IF;
  RETURN true;
END $$;

CREATE DOMAIN indtrack.ident AS text CHECK (VALUE ~ '^[A-Za-z0-9_.-]{1,128}$');
CREATE DOMAIN indtrack.partial_date AS text CHECK (indtrack.is_partial_date(VALUE));
-- No control characters but tab, line feed and carriage return.
CREATE DOMAIN indtrack.clean_text AS text CHECK (VALUE !~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]');
-- A required text: something besides spaces.
CREATE DOMAIN indtrack.required_text AS indtrack.clean_text CHECK (VALUE ~ '[^\x01-\x20]');

-- A fact needs a source and a quote, or basis "inferred" with a note saying how.
CREATE FUNCTION indtrack.evidence_ok(source_id text, quote text, basis text, note text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (source_id IS NOT NULL AND quote IS NOT NULL)
      OR (source_id IS NULL AND quote IS NULL AND basis = 'inferred' AND coalesce(note, '') <> '')
$$;

-- ---- vocabularies (filled from the program by every init and migrate) ----

CREATE TABLE indtrack.milestone_kinds (id text PRIMARY KEY, label_zh text NOT NULL, label_en text NOT NULL);
CREATE TABLE indtrack.statuses (id text PRIMARY KEY, label_zh text NOT NULL, label_en text NOT NULL);
CREATE TABLE indtrack.bases (id text PRIMARY KEY, label_zh text NOT NULL, label_en text NOT NULL);
CREATE TABLE indtrack.investment_scopes (id text PRIMARY KEY, label_zh text NOT NULL, label_en text NOT NULL);
CREATE TABLE indtrack.aggregate_metrics (id text PRIMARY KEY, label_zh text NOT NULL, label_en text NOT NULL);
CREATE TABLE indtrack.aggregate_bounds (id text PRIMARY KEY, label_zh text NOT NULL, label_en text NOT NULL);
CREATE TABLE indtrack.area_kinds (id text PRIMARY KEY, label_zh text NOT NULL, label_en text NOT NULL);
-- Units as sources write them, with the dimension and the factor to the canonical unit
-- (t/a, kW, kWh/a, Nm3/h, CNY, count). A quantity row repeats the unit's dimension and factor,
-- checked against this table, so that canonical_value (value × factor) is a plain column.
CREATE TABLE indtrack.measure_units (
  unit text PRIMARY KEY,
  dimension text NOT NULL,
  to_canonical double precision NOT NULL,
  canonical_unit text NOT NULL,
  UNIQUE (unit, dimension, to_canonical)
);

-- ---- the dataset ----

CREATE TABLE indtrack.dataset (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  uuid uuid NOT NULL DEFAULT gen_random_uuid(),
  format_version integer NOT NULL CHECK (format_version = 1),
  name indtrack.required_text NOT NULL,
  name_en indtrack.clean_text,
  description indtrack.clean_text,
  updated indtrack.partial_date,
  extra json,
  version bigint NOT NULL
);

CREATE TABLE indtrack.sources (
  id indtrack.ident PRIMARY KEY,
  position bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('article', 'reference')),
  publisher indtrack.required_text NOT NULL,
  title indtrack.required_text NOT NULL,
  date indtrack.partial_date NOT NULL,
  date_basis indtrack.clean_text,
  file indtrack.required_text,
  url indtrack.clean_text,
  language indtrack.clean_text,
  notes indtrack.clean_text,
  extra json,
  version bigint NOT NULL,
  CHECK (kind <> 'article' OR file IS NOT NULL)
);

-- The text of an article source, byte for byte as its file held it.
CREATE TABLE indtrack.article_texts (
  source_id text PRIMARY KEY REFERENCES indtrack.sources (id) ON DELETE CASCADE DEFERRABLE,
  text text NOT NULL
);

CREATE TABLE indtrack.districts (
  id indtrack.ident PRIMARY KEY,
  position bigint NOT NULL,
  name indtrack.required_text NOT NULL,
  name_en indtrack.clean_text,
  extra json,
  version bigint NOT NULL
);
CREATE TABLE indtrack.district_aliases (
  district_id text NOT NULL REFERENCES indtrack.districts (id) ON DELETE CASCADE DEFERRABLE,
  ord integer NOT NULL,
  alias indtrack.required_text NOT NULL,
  PRIMARY KEY (district_id, ord)
);

CREATE TABLE indtrack.parks (
  id indtrack.ident PRIMARY KEY,
  position bigint NOT NULL,
  name indtrack.required_text NOT NULL,
  name_en indtrack.clean_text,
  -- the district the park lies in, with evidence
  district_id text REFERENCES indtrack.districts (id) DEFERRABLE,
  district_source_id text REFERENCES indtrack.sources (id) DEFERRABLE,
  district_quote indtrack.required_text,
  district_basis text REFERENCES indtrack.bases (id),
  district_note indtrack.clean_text,
  district_extra json,
  notes indtrack.clean_text,
  extra json,
  version bigint NOT NULL,
  CHECK (CASE WHEN district_id IS NULL
    THEN district_source_id IS NULL AND district_quote IS NULL AND district_basis IS NULL
         AND district_note IS NULL AND district_extra IS NULL
    ELSE district_basis IS NOT NULL
         AND indtrack.evidence_ok(district_source_id, district_quote, district_basis, district_note) END)
);
CREATE TABLE indtrack.park_aliases (
  park_id text NOT NULL REFERENCES indtrack.parks (id) ON DELETE CASCADE DEFERRABLE,
  ord integer NOT NULL,
  alias indtrack.required_text NOT NULL,
  PRIMARY KEY (park_id, ord)
);

CREATE TABLE indtrack.industries (
  id indtrack.ident PRIMARY KEY,
  position bigint NOT NULL,
  name indtrack.required_text NOT NULL,
  name_en indtrack.clean_text,
  extra json,
  version bigint NOT NULL
);

CREATE TABLE indtrack.products (
  id indtrack.ident PRIMARY KEY,
  position bigint NOT NULL,
  name indtrack.required_text NOT NULL,
  short_name indtrack.clean_text,
  name_en indtrack.clean_text,
  industry_id text REFERENCES indtrack.industries (id) DEFERRABLE,
  extra json,
  version bigint NOT NULL
);
CREATE TABLE indtrack.product_aliases (
  product_id text NOT NULL REFERENCES indtrack.products (id) ON DELETE CASCADE DEFERRABLE,
  ord integer NOT NULL,
  alias indtrack.required_text NOT NULL,
  PRIMARY KEY (product_id, ord)
);

CREATE TABLE indtrack.companies (
  id indtrack.ident PRIMARY KEY,
  position bigint NOT NULL,
  name indtrack.required_text NOT NULL,
  short_name indtrack.clean_text,
  name_en indtrack.clean_text,
  parent_id text REFERENCES indtrack.companies (id) DEFERRABLE CHECK (parent_id <> id),
  notes indtrack.clean_text,
  extra json,
  version bigint NOT NULL
);
CREATE TABLE indtrack.company_aliases (
  company_id text NOT NULL REFERENCES indtrack.companies (id) ON DELETE CASCADE DEFERRABLE,
  ord integer NOT NULL,
  alias indtrack.required_text NOT NULL,
  PRIMARY KEY (company_id, ord)
);
-- Statements establishing a company's name, parent or aliases.
CREATE TABLE indtrack.company_statements (
  company_id text NOT NULL REFERENCES indtrack.companies (id) ON DELETE CASCADE DEFERRABLE,
  ord integer NOT NULL,
  source_id text REFERENCES indtrack.sources (id) DEFERRABLE,
  quote indtrack.required_text,
  basis text NOT NULL DEFAULT 'stated' REFERENCES indtrack.bases (id),
  note indtrack.clean_text,
  extra json,
  PRIMARY KEY (company_id, ord),
  CHECK (indtrack.evidence_ok(source_id, quote, basis, note))
);

CREATE TABLE indtrack.projects (
  id indtrack.ident PRIMARY KEY,
  position bigint NOT NULL,
  name indtrack.required_text NOT NULL,
  name_en indtrack.clean_text,
  company_id text REFERENCES indtrack.companies (id) DEFERRABLE,
  -- the park, with evidence
  park_id text REFERENCES indtrack.parks (id) DEFERRABLE,
  park_source_id text REFERENCES indtrack.sources (id) DEFERRABLE,
  park_quote indtrack.required_text,
  park_basis text REFERENCES indtrack.bases (id),
  park_note indtrack.clean_text,
  park_extra json,
  -- the district, only when a source states it for the project (else derived from the park)
  district_id text REFERENCES indtrack.districts (id) DEFERRABLE,
  district_source_id text REFERENCES indtrack.sources (id) DEFERRABLE,
  district_quote indtrack.required_text,
  district_basis text REFERENCES indtrack.bases (id),
  district_note indtrack.clean_text,
  district_extra json,
  notes indtrack.clean_text,
  extra json,
  version bigint NOT NULL,
  CHECK (CASE WHEN park_id IS NULL
    THEN park_source_id IS NULL AND park_quote IS NULL AND park_basis IS NULL AND park_note IS NULL
         AND park_extra IS NULL
    ELSE park_basis IS NOT NULL AND indtrack.evidence_ok(park_source_id, park_quote, park_basis, park_note) END),
  CHECK (CASE WHEN district_id IS NULL
    THEN district_source_id IS NULL AND district_quote IS NULL AND district_basis IS NULL
         AND district_note IS NULL AND district_extra IS NULL
    ELSE district_basis IS NOT NULL
         AND indtrack.evidence_ok(district_source_id, district_quote, district_basis, district_note) END)
);
CREATE TABLE indtrack.project_aliases (
  project_id text NOT NULL REFERENCES indtrack.projects (id) ON DELETE CASCADE DEFERRABLE,
  ord integer NOT NULL,
  alias indtrack.required_text NOT NULL,
  PRIMARY KEY (project_id, ord)
);
CREATE TABLE indtrack.project_industries (
  project_id text NOT NULL REFERENCES indtrack.projects (id) ON DELETE CASCADE DEFERRABLE,
  ord integer NOT NULL,
  industry_id text NOT NULL REFERENCES indtrack.industries (id) DEFERRABLE,
  PRIMARY KEY (project_id, ord)
);
CREATE TABLE indtrack.project_products (
  project_id text NOT NULL REFERENCES indtrack.projects (id) ON DELETE CASCADE DEFERRABLE,
  ord integer NOT NULL,
  product_id text NOT NULL REFERENCES indtrack.products (id) DEFERRABLE,
  PRIMARY KEY (project_id, ord)
);
CREATE TABLE indtrack.project_statements (
  project_id text NOT NULL REFERENCES indtrack.projects (id) ON DELETE CASCADE DEFERRABLE,
  ord integer NOT NULL,
  source_id text REFERENCES indtrack.sources (id) DEFERRABLE,
  quote indtrack.required_text,
  basis text NOT NULL DEFAULT 'stated' REFERENCES indtrack.bases (id),
  note indtrack.clean_text,
  extra json,
  PRIMARY KEY (project_id, ord),
  CHECK (indtrack.evidence_ok(source_id, quote, basis, note))
);

CREATE TABLE indtrack.investments (
  project_id text NOT NULL REFERENCES indtrack.projects (id) ON DELETE CASCADE DEFERRABLE,
  ord integer NOT NULL,
  scope text NOT NULL REFERENCES indtrack.investment_scopes (id),
  value double precision NOT NULL CHECK (value > 0 AND value < 'Infinity'),
  unit text NOT NULL,
  dimension text NOT NULL CHECK (dimension = 'money'),
  to_canonical double precision NOT NULL,
  canonical_value double precision GENERATED ALWAYS AS (value * to_canonical) STORED
    CHECK (canonical_value <= 1e13),  -- 10万亿元
  approximate boolean NOT NULL DEFAULT false,
  as_of indtrack.partial_date,
  phase indtrack.clean_text,
  source_id text REFERENCES indtrack.sources (id) DEFERRABLE,
  quote indtrack.required_text,
  basis text NOT NULL DEFAULT 'stated' REFERENCES indtrack.bases (id),
  note indtrack.clean_text,
  extra json,
  PRIMARY KEY (project_id, ord),
  FOREIGN KEY (unit, dimension, to_canonical) REFERENCES indtrack.measure_units (unit, dimension, to_canonical),
  CHECK (scope <> 'phase' OR phase IS NOT NULL),
  CHECK (indtrack.evidence_ok(source_id, quote, basis, note))
);

-- Production lines, phases and facilities. Unit ids are unique across the dataset.
CREATE TABLE indtrack.units (
  id indtrack.ident PRIMARY KEY,
  project_id text NOT NULL REFERENCES indtrack.projects (id) ON DELETE CASCADE DEFERRABLE,
  ord integer NOT NULL,
  name indtrack.required_text NOT NULL,
  name_en indtrack.clean_text,
  product_id text NOT NULL REFERENCES indtrack.products (id) DEFERRABLE,
  phase indtrack.clean_text,
  notes indtrack.clean_text,
  -- the file wrote "capacity" as a list although it holds one statement
  capacity_as_list boolean NOT NULL DEFAULT false,
  extra json,
  UNIQUE (project_id, ord),
  UNIQUE (id, project_id)
);

-- Capacity statements of a line: ord 0 is the curator's primary, the rest conflicting ones.
CREATE TABLE indtrack.capacities (
  unit_id text NOT NULL REFERENCES indtrack.units (id) ON DELETE CASCADE DEFERRABLE,
  ord integer NOT NULL,
  value double precision NOT NULL CHECK (value > 0 AND value < 'Infinity'),
  unit text NOT NULL,
  dimension text NOT NULL CHECK (dimension IN ('mass_per_year', 'power', 'energy_per_year', 'gas_flow')),
  to_canonical double precision NOT NULL,
  canonical_value double precision GENERATED ALWAYS AS (value * to_canonical) STORED,
  approximate boolean NOT NULL DEFAULT false,
  source_id text REFERENCES indtrack.sources (id) DEFERRABLE,
  quote indtrack.required_text,
  basis text NOT NULL DEFAULT 'stated' REFERENCES indtrack.bases (id),
  note indtrack.clean_text,
  extra json,
  PRIMARY KEY (unit_id, ord),
  FOREIGN KEY (unit, dimension, to_canonical) REFERENCES indtrack.measure_units (unit, dimension, to_canonical),
  CHECK (dimension <> 'mass_per_year' OR canonical_value <= 1e8),  -- 1亿吨/年 for one line
  CHECK (indtrack.evidence_ok(source_id, quote, basis, note))
);

-- Milestones of a project (unit_id NULL) or of one of its lines.
CREATE TABLE indtrack.milestones (
  project_id text NOT NULL REFERENCES indtrack.projects (id) ON DELETE CASCADE DEFERRABLE,
  unit_id text,
  ord integer NOT NULL,
  kind text NOT NULL REFERENCES indtrack.milestone_kinds (id),
  date indtrack.partial_date NOT NULL,
  expected boolean NOT NULL DEFAULT false,
  reported indtrack.partial_date,
  source_id text REFERENCES indtrack.sources (id) DEFERRABLE,
  quote indtrack.required_text,
  basis text NOT NULL DEFAULT 'stated' REFERENCES indtrack.bases (id),
  note indtrack.clean_text,
  extra json,
  UNIQUE NULLS NOT DISTINCT (project_id, unit_id, ord),
  FOREIGN KEY (unit_id, project_id) REFERENCES indtrack.units (id, project_id)
    ON DELETE CASCADE DEFERRABLE,
  CHECK (indtrack.evidence_ok(source_id, quote, basis, note))
);

-- "Reported in this state as of ..." without a dated event.
CREATE TABLE indtrack.status_reports (
  project_id text NOT NULL REFERENCES indtrack.projects (id) ON DELETE CASCADE DEFERRABLE,
  unit_id text,
  ord integer NOT NULL,
  status text NOT NULL REFERENCES indtrack.statuses (id),
  as_of indtrack.partial_date,
  source_id text REFERENCES indtrack.sources (id) DEFERRABLE,
  quote indtrack.required_text,
  basis text NOT NULL DEFAULT 'stated' REFERENCES indtrack.bases (id),
  note indtrack.clean_text,
  extra json,
  UNIQUE NULLS NOT DISTINCT (project_id, unit_id, ord),
  FOREIGN KEY (unit_id, project_id) REFERENCES indtrack.units (id, project_id)
    ON DELETE CASCADE DEFERRABLE,
  CHECK (indtrack.evidence_ok(source_id, quote, basis, note))
);

-- City-, district- or park-level statements (official totals shown as reference marks).
CREATE TABLE indtrack.aggregates (
  id indtrack.ident PRIMARY KEY,
  position bigint NOT NULL,
  area_kind text NOT NULL REFERENCES indtrack.area_kinds (id),
  district_id text REFERENCES indtrack.districts (id) DEFERRABLE,
  park_id text REFERENCES indtrack.parks (id) DEFERRABLE,
  metric text NOT NULL REFERENCES indtrack.aggregate_metrics (id),
  product_id text REFERENCES indtrack.products (id) DEFERRABLE,
  status text REFERENCES indtrack.statuses (id),
  value double precision NOT NULL CHECK (value > 0 AND value < 'Infinity'),
  unit text NOT NULL,
  dimension text NOT NULL,
  to_canonical double precision NOT NULL,
  canonical_value double precision GENERATED ALWAYS AS (value * to_canonical) STORED,
  approximate boolean NOT NULL DEFAULT false,
  bound text NOT NULL DEFAULT 'exact' REFERENCES indtrack.aggregate_bounds (id),
  period indtrack.partial_date,
  expected boolean NOT NULL DEFAULT false,
  label indtrack.clean_text,
  label_en indtrack.clean_text,
  source_id text REFERENCES indtrack.sources (id) DEFERRABLE,
  quote indtrack.required_text,
  basis text NOT NULL DEFAULT 'stated' REFERENCES indtrack.bases (id),
  note indtrack.clean_text,
  extra json,
  version bigint NOT NULL,
  FOREIGN KEY (unit, dimension, to_canonical) REFERENCES indtrack.measure_units (unit, dimension, to_canonical),
  CHECK (CASE area_kind WHEN 'city' THEN district_id IS NULL AND park_id IS NULL
                        WHEN 'district' THEN district_id IS NOT NULL AND park_id IS NULL
                        ELSE park_id IS NOT NULL AND district_id IS NULL END),
  CHECK (dimension <> 'mass_per_year' OR canonical_value <= 1e8),
  CHECK (dimension <> 'money' OR canonical_value <= 1e13),
  CHECK (indtrack.evidence_ok(source_id, quote, basis, note))
);

CREATE INDEX ON indtrack.units (project_id);
CREATE INDEX ON indtrack.milestones (unit_id) WHERE unit_id IS NOT NULL;
CREATE INDEX ON indtrack.status_reports (unit_id) WHERE unit_id IS NOT NULL;

-- ---- history: one change per save, one change_records row per record it touched ----

CREATE TABLE indtrack.changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- the client's id for the save, so a save retried after a lost connection is recognised
  request_id uuid UNIQUE,
  at timestamptz NOT NULL DEFAULT now(),
  author name NOT NULL DEFAULT session_user,
  label text NOT NULL,
  reverts bigint REFERENCES indtrack.changes (id),
  -- an import: every record was replaced (readers reload everything)
  whole_dataset boolean NOT NULL DEFAULT false
);
-- A record's `version` is the id of the change that last wrote it: unique over the database's
-- life, so a version seen once never comes back (not even after a re-import).
CREATE TABLE indtrack.change_records (
  change_id bigint NOT NULL REFERENCES indtrack.changes (id),
  kind text NOT NULL CHECK (kind IN ('dataset', 'source', 'district', 'park', 'industry', 'product',
                                     'company', 'project', 'aggregate')),
  record_id text NOT NULL,
  before json,               -- the record as it was (NULL: created by this change)
  after json,                -- as the change left it (NULL: deleted)
  sources text[] NOT NULL DEFAULT '{}',  -- sources the added, changed or removed facts cite
  PRIMARY KEY (change_id, kind, record_id)
);
CREATE INDEX ON indtrack.change_records (kind, record_id, change_id);

-- Who and when are the server's word, not the client's.
CREATE FUNCTION indtrack.stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.author := session_user;
  NEW.at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON indtrack.changes
  FOR EACH ROW EXECUTE FUNCTION indtrack.stamp_change();

-- Every open dashboard LISTENs on indtrack_changes; the payload is the change id. Delivered at
-- commit, never for a change rolled back.
CREATE FUNCTION indtrack.notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('indtrack_changes', NEW.id::text);
  RETURN NULL;
END $$;
CREATE TRIGGER notify AFTER INSERT ON indtrack.changes
  FOR EACH ROW EXECUTE FUNCTION indtrack.notify_change();
)sql";

// Issue 17's data format: English beside every Chinese text, reposts, bounds on every quantity,
// facilities without a product, scopes on project-level facts, and stated totals.
constexpr std::string_view kFormatOfIssue17 = R"sql(
ALTER TABLE indtrack.dataset ADD COLUMN description_en indtrack.clean_text;

ALTER TABLE indtrack.sources
  ADD COLUMN via indtrack.required_text,  -- the site whose copy of a repost we hold or cite
  ADD COLUMN date_basis_en indtrack.clean_text,
  ADD COLUMN notes_en indtrack.clean_text,
  -- a reference's quotes cannot be checked offline: its address is the only way to check them
  ADD CHECK (kind <> 'reference' OR url IS NOT NULL);

ALTER TABLE indtrack.parks
  ADD COLUMN district_note_en indtrack.clean_text,
  ADD COLUMN notes_en indtrack.clean_text,
  ADD CHECK (district_id IS NOT NULL OR district_note_en IS NULL);
ALTER TABLE indtrack.companies ADD COLUMN notes_en indtrack.clean_text;
ALTER TABLE indtrack.company_statements ADD COLUMN note_en indtrack.clean_text;
ALTER TABLE indtrack.projects
  ADD COLUMN park_note_en indtrack.clean_text,
  ADD COLUMN district_note_en indtrack.clean_text,
  ADD COLUMN notes_en indtrack.clean_text,
  ADD CHECK (park_id IS NOT NULL OR park_note_en IS NULL),
  ADD CHECK (district_id IS NOT NULL OR district_note_en IS NULL);
ALTER TABLE indtrack.project_statements ADD COLUMN note_en indtrack.clean_text;

-- How a figure relates to the number written (以上, 多, 以内, 约): every quantity has one now.
ALTER TABLE indtrack.investments
  ADD COLUMN bound text NOT NULL DEFAULT 'exact' REFERENCES indtrack.aggregate_bounds (id),
  ADD COLUMN note_en indtrack.clean_text;
ALTER TABLE indtrack.capacities
  ADD COLUMN bound text NOT NULL DEFAULT 'exact' REFERENCES indtrack.aggregate_bounds (id),
  ADD COLUMN note_en indtrack.clean_text;
ALTER TABLE indtrack.aggregates ADD COLUMN note_en indtrack.clean_text;

-- A unit without a product is a facility (a power station, a sewage plant): it has no capacity
-- (checked on write by the loader, which sees the unit and its capacities together).
ALTER TABLE indtrack.units
  ALTER COLUMN product_id DROP NOT NULL,
  ADD COLUMN notes_en indtrack.clean_text;

-- A project-level milestone or status report may be about some of its lines only: those of one
-- product, or of one phase. A line's own facts have no scope.
ALTER TABLE indtrack.milestones
  ADD COLUMN scope_product_id text REFERENCES indtrack.products (id) DEFERRABLE,
  ADD COLUMN scope_phase indtrack.required_text,
  ADD COLUMN note_en indtrack.clean_text,
  ADD CHECK (unit_id IS NULL OR (scope_product_id IS NULL AND scope_phase IS NULL));
ALTER TABLE indtrack.status_reports
  ADD COLUMN scope_product_id text REFERENCES indtrack.products (id) DEFERRABLE,
  ADD COLUMN scope_phase indtrack.required_text,
  ADD COLUMN note_en indtrack.clean_text,
  ADD CHECK (unit_id IS NULL OR (scope_product_id IS NULL AND scope_phase IS NULL));

-- A project's total capacity of one product as a source states it, beside its lines.
CREATE TABLE indtrack.totals (
  project_id text NOT NULL REFERENCES indtrack.projects (id) ON DELETE CASCADE DEFERRABLE,
  ord integer NOT NULL,
  product_id text NOT NULL REFERENCES indtrack.products (id) DEFERRABLE,
  value double precision NOT NULL CHECK (value > 0 AND value < 'Infinity'),
  unit text NOT NULL,
  dimension text NOT NULL CHECK (dimension IN ('mass_per_year', 'power', 'energy_per_year', 'gas_flow')),
  to_canonical double precision NOT NULL,
  canonical_value double precision GENERATED ALWAYS AS (value * to_canonical) STORED,
  approximate boolean NOT NULL DEFAULT false,
  bound text NOT NULL DEFAULT 'exact' REFERENCES indtrack.aggregate_bounds (id),
  as_of indtrack.partial_date,
  expected boolean NOT NULL DEFAULT false,  -- "将达到38万吨": a total the project will reach
  phase indtrack.required_text,             -- the total of one phase only
  source_id text REFERENCES indtrack.sources (id) DEFERRABLE,
  quote indtrack.required_text,
  basis text NOT NULL DEFAULT 'stated' REFERENCES indtrack.bases (id),
  note indtrack.clean_text,
  note_en indtrack.clean_text,
  extra json,
  PRIMARY KEY (project_id, ord),
  FOREIGN KEY (unit, dimension, to_canonical) REFERENCES indtrack.measure_units (unit, dimension, to_canonical),
  CHECK (indtrack.evidence_ok(source_id, quote, basis, note))
);

-- A database written by a version-1 indtrack kept these fields in the rows' `extra` JSON, as it
-- keeps any member it does not know: they move into their columns now.
DO $$
DECLARE
  lift text[][] := ARRAY[
    -- table, JSON column, member, column, which rows (scopes are a project's own facts)
    ['dataset', 'extra', 'description_en', 'description_en', 'true'],
    ['sources', 'extra', 'via', 'via', 'true'],
    ['sources', 'extra', 'date_basis_en', 'date_basis_en', 'true'],
    ['sources', 'extra', 'notes_en', 'notes_en', 'true'],
    ['parks', 'district_extra', 'note_en', 'district_note_en', 'true'],
    ['parks', 'extra', 'notes_en', 'notes_en', 'true'],
    ['companies', 'extra', 'notes_en', 'notes_en', 'true'],
    ['company_statements', 'extra', 'note_en', 'note_en', 'true'],
    ['projects', 'park_extra', 'note_en', 'park_note_en', 'true'],
    ['projects', 'district_extra', 'note_en', 'district_note_en', 'true'],
    ['projects', 'extra', 'notes_en', 'notes_en', 'true'],
    ['project_statements', 'extra', 'note_en', 'note_en', 'true'],
    ['investments', 'extra', 'bound', 'bound', 'true'],
    ['investments', 'extra', 'note_en', 'note_en', 'true'],
    ['capacities', 'extra', 'bound', 'bound', 'true'],
    ['capacities', 'extra', 'note_en', 'note_en', 'true'],
    ['aggregates', 'extra', 'note_en', 'note_en', 'true'],
    ['units', 'extra', 'notes_en', 'notes_en', 'true'],
    ['milestones', 'extra', 'product', 'scope_product_id', 'unit_id IS NULL'],
    ['milestones', 'extra', 'phase', 'scope_phase', 'unit_id IS NULL'],
    ['milestones', 'extra', 'note_en', 'note_en', 'true'],
    ['status_reports', 'extra', 'product', 'scope_product_id', 'unit_id IS NULL'],
    ['status_reports', 'extra', 'phase', 'scope_phase', 'unit_id IS NULL'],
    ['status_reports', 'extra', 'note_en', 'note_en', 'true']];
  i integer;
BEGIN
  FOR i IN 1 .. array_length(lift, 1) LOOP
    EXECUTE format('UPDATE indtrack.%I SET %I = %I::jsonb ->> %L, '
                   '%I = nullif(%I::jsonb - %L, ''{}''::jsonb)::json WHERE %I::jsonb ? %L AND %s',
                   lift[i][1], lift[i][4], lift[i][2], lift[i][3],
                   lift[i][2], lift[i][2], lift[i][3], lift[i][2], lift[i][3], lift[i][5]);
  END LOOP;
END $$;

-- Stated totals a version-1 database kept in the project's `extra`: rows of their own now. A unit
-- missing from measure_units leaves dimension NULL, which fails the migration rather than drop
-- the total.
INSERT INTO indtrack.totals (project_id, ord, product_id, value, unit, dimension, to_canonical,
                             approximate, bound, as_of, expected, phase, source_id, quote, basis,
                             note, note_en, extra)
SELECT p.id, t.ord - 1, t.e ->> 'product', (t.e ->> 'value')::double precision, t.e ->> 'unit',
       mu.dimension, mu.to_canonical, coalesce((t.e ->> 'approximate')::boolean, false),
       coalesce(t.e ->> 'bound', 'exact'), t.e ->> 'as_of', coalesce((t.e ->> 'expected')::boolean, false),
       t.e ->> 'phase', t.e ->> 'source', t.e ->> 'quote', coalesce(t.e ->> 'basis', 'stated'),
       t.e ->> 'note', t.e ->> 'note_en',
       nullif(t.e - ARRAY['product', 'value', 'unit', 'approximate', 'bound', 'as_of', 'expected', 'phase',
                          'source', 'quote', 'basis', 'note', 'note_en'], '{}'::jsonb)::json
FROM indtrack.projects p
CROSS JOIN LATERAL jsonb_array_elements(p.extra::jsonb -> 'totals') WITH ORDINALITY AS t(e, ord)
LEFT JOIN indtrack.measure_units mu ON mu.unit = t.e ->> 'unit'
WHERE jsonb_typeof(p.extra::jsonb -> 'totals') = 'array';
UPDATE indtrack.projects SET extra = nullif(extra::jsonb - 'totals', '{}'::jsonb)::json
WHERE jsonb_typeof(extra::jsonb -> 'totals') = 'array';
)sql";

// The loader's rules that span rows (issue 23), checked by the server when a transaction commits,
// so SQL written by hand cannot store what every read would then refuse. Only the loader's
// errors: its warnings (milestone order, stated totals against their lines) do not stop a file
// from loading, so they do not stop a write either (docs/database.md).
constexpr std::string_view kRulesAtCommit = R"sql(
-- A statement that writes rows notes whose records to check (set-based, from its transition
-- table) in rule_checks_due, and the first one of a transaction adds a row to rule_check_runs,
-- whose deferred constraint trigger checks them all at COMMIT: once per transaction, each record
-- once however many of its rows were written. A transaction sees only its own rows there, and
-- the check deletes them before it commits, so both tables are empty between transactions.
-- Deleting rows cannot break these rules, so only INSERT and UPDATE note anything.
CREATE UNLOGGED TABLE indtrack.rule_checks_due (
  kind text NOT NULL,  -- company, unit, project, park, aggregate, source
  id text NOT NULL
);
CREATE UNLOGGED TABLE indtrack.rule_check_runs (
  xact xid8 PRIMARY KEY DEFAULT pg_current_xact_id()
);
COMMENT ON TABLE indtrack.rule_checks_due IS
  'Records a transaction wrote, checked at its COMMIT (empty between transactions)';

-- Owned by indtrack_admin (migrations run as it) and SECURITY DEFINER: curators write the
-- dataset, never this bookkeeping (they could otherwise delete what is due). One function per
-- name of the id column, so each statement's SQL is planned once per session, not per statement
-- (a save runs ~38 statements); TG_ARGV[0] is the kind of record.
CREATE FUNCTION indtrack.note_due_by_id() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO indtrack.rule_checks_due (kind, id) SELECT DISTINCT TG_ARGV[0], id FROM new_rows;
  INSERT INTO indtrack.rule_check_runs DEFAULT VALUES ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE FUNCTION indtrack.note_due_by_project_id() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO indtrack.rule_checks_due (kind, id) SELECT DISTINCT TG_ARGV[0], project_id FROM new_rows;
  INSERT INTO indtrack.rule_check_runs DEFAULT VALUES ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE FUNCTION indtrack.note_due_by_unit_id() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO indtrack.rule_checks_due (kind, id) SELECT DISTINCT TG_ARGV[0], unit_id FROM new_rows;
  INSERT INTO indtrack.rule_check_runs DEFAULT VALUES ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE FUNCTION indtrack.note_due_by_company_id() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO indtrack.rule_checks_due (kind, id) SELECT DISTINCT TG_ARGV[0], company_id FROM new_rows;
  INSERT INTO indtrack.rule_check_runs DEFAULT VALUES ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE FUNCTION indtrack.note_due_by_source_id() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO indtrack.rule_checks_due (kind, id) SELECT DISTINCT TG_ARGV[0], source_id FROM new_rows;
  INSERT INTO indtrack.rule_check_runs DEFAULT VALUES ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

DO $$
DECLARE
  noted text[][] := ARRAY[
    -- table, kind of record, its id column
    ['companies', 'company', 'id'],
    ['company_statements', 'company', 'company_id'],
    ['parks', 'park', 'id'],
    ['projects', 'project', 'id'],
    ['project_statements', 'project', 'project_id'],
    ['investments', 'project', 'project_id'],
    ['totals', 'project', 'project_id'],
    ['milestones', 'project', 'project_id'],
    ['status_reports', 'project', 'project_id'],
    ['units', 'unit', 'id'],
    ['capacities', 'unit', 'unit_id'],
    ['aggregates', 'aggregate', 'id'],
    ['sources', 'source', 'id'],
    ['article_texts', 'source', 'source_id']];
  i integer;
  event text;
BEGIN
  FOR i IN 1 .. array_length(noted, 1) LOOP
    FOREACH event IN ARRAY ARRAY['insert', 'update'] LOOP
      EXECUTE format('CREATE TRIGGER rules_due_%s AFTER %s ON indtrack.%I REFERENCING NEW TABLE AS new_rows '
                     'FOR EACH STATEMENT EXECUTE FUNCTION indtrack.note_due_by_%s(%L)',
                     event, upper(event), noted[i][1], noted[i][3], noted[i][2]);
    END LOOP;
  END LOOP;
END $$;

-- What the loader ignores when it looks for a quote in its article (core/text.h,
-- is_space_code_point): newspaper text is hard-wrapped anywhere.
CREATE FUNCTION indtrack.without_spaces(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT translate(t, E' \t\n\r\f\x0B\u3000\u00A0\uFEFF', '')
$$;

-- The loader's test (io/dataset_checks.cpp, quote_occurs_in) on texts without spaces: the quote
-- occurs in the text. split_part finds it by bytes; strpos would also count the characters
-- before it, 2.4× slower on the 45 kB articles of the 100k-project benchmark.
CREATE FUNCTION indtrack.occurs_in(quote text, text text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT quote = '' OR octet_length(split_part(text, quote, 1)) < octet_length(text)
$$;

-- Every quote the loader checks against an article (io/dataset_checks.cpp, check_quote): the
-- record it belongs to (kind, id), its table, where in the record (a line's, a list's place), the
-- source and the quote.
CREATE VIEW indtrack.quotes AS
  SELECT 'park'::text AS kind, id::text, 'parks'::text AS tbl, NULL::text AS unit_id, 'district'::text AS field,
         NULL::integer AS ord, district_source_id::text AS source_id, district_quote::text AS quote
    FROM indtrack.parks
  UNION ALL SELECT 'company', company_id, 'company_statements', NULL, 'evidence', ord, source_id, quote::text
    FROM indtrack.company_statements
  UNION ALL SELECT 'project', id::text, 'projects', NULL, 'park', NULL, park_source_id, park_quote::text
    FROM indtrack.projects
  UNION ALL SELECT 'project', id::text, 'projects', NULL, 'district', NULL, district_source_id, district_quote::text
    FROM indtrack.projects
  UNION ALL SELECT 'project', project_id, 'project_statements', NULL, 'evidence', ord, source_id, quote::text
    FROM indtrack.project_statements
  UNION ALL SELECT 'project', project_id, 'investments', NULL, 'investments', ord, source_id, quote::text
    FROM indtrack.investments
  UNION ALL SELECT 'project', project_id, 'totals', NULL, 'totals', ord, source_id, quote::text FROM indtrack.totals
  UNION ALL SELECT 'project', project_id, 'milestones', unit_id, 'milestones', ord, source_id, quote::text
    FROM indtrack.milestones
  UNION ALL SELECT 'project', project_id, 'status_reports', unit_id, 'status_reports', ord, source_id, quote::text
    FROM indtrack.status_reports
  UNION ALL SELECT 'unit', unit_id, 'capacities', NULL, 'capacity', ord, source_id, quote::text
    FROM indtrack.capacities
  UNION ALL SELECT 'aggregate', id::text, 'aggregates', NULL, NULL, NULL, source_id, quote::text
    FROM indtrack.aggregates;

-- A record in a curator's words: 'project "p1"', 'line "u1" of project "p1"'.
CREATE FUNCTION indtrack.record_words(kind text, id text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE kind
    WHEN 'unit' THEN format('line "%s" of project "%s"', id,
                            (SELECT u.project_id FROM indtrack.units u WHERE u.id = record_words.id))
    ELSE format('%s "%s"', kind, id) END
$$;

-- The check at COMMIT: each rule's records as arrays (EXECUTE ... USING plans each query with
-- them, so a save's few records go by index and an import's by one scan, whatever the
-- statistics of rule_checks_due say).
CREATE FUNCTION indtrack.check_rules_at_commit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET work_mem = '128MB'  -- an import's 45 MB of article text hashed at once, not in batches on disk
SET jit = off           -- compiling the queries took 2 s of an import's 25 s check
AS $$
DECLARE
  due_projects text[];
  due_units text[];
  due_companies text[];
  due_parks text[];
  due_aggregates text[];
  due_sources text[];
  r record;
  chain text;
  next_id text;
BEGIN
  DELETE FROM indtrack.rule_check_runs WHERE xact = NEW.xact;
  SELECT coalesce(array_agg(DISTINCT id) FILTER (WHERE kind = 'project'), '{}'),
         coalesce(array_agg(DISTINCT id) FILTER (WHERE kind = 'unit'), '{}'),
         coalesce(array_agg(DISTINCT id) FILTER (WHERE kind = 'company'), '{}'),
         coalesce(array_agg(DISTINCT id) FILTER (WHERE kind = 'park'), '{}'),
         coalesce(array_agg(DISTINCT id) FILTER (WHERE kind = 'aggregate'), '{}'),
         coalesce(array_agg(DISTINCT id) FILTER (WHERE kind = 'source'), '{}')
    INTO due_projects, due_units, due_companies, due_parks, due_aggregates, due_sources
    FROM indtrack.rule_checks_due;
  DELETE FROM indtrack.rule_checks_due;

  -- A unit without a product is a facility (a power station), which has no capacity
  -- (io/dataset_builder.cpp, read_unit).
  IF cardinality(due_units) > 0 THEN
    EXECUTE 'SELECT u.id, u.project_id, count(*) OVER () AS n FROM indtrack.units u
             WHERE u.id = ANY ($1) AND u.product_id IS NULL
               AND EXISTS (SELECT 1 FROM indtrack.capacities c WHERE c.unit_id = u.id)
             ORDER BY u.project_id, u.ord LIMIT 1' INTO r USING due_units;
    IF r.id IS NOT NULL THEN
      RAISE EXCEPTION USING ERRCODE = 'check_violation', SCHEMA = 'indtrack', TABLE = 'units',
        CONSTRAINT = 'facility_has_no_capacity',
        MESSAGE = format('line "%s" of project "%s" (table indtrack.units): a unit with a capacity needs '
                         '"product" (a unit without one is a facility, which has no capacity)',
                         r.id, r.project_id),
        DETAIL = format('checked when the transaction commits; %s such line(s) in it, nothing was saved', r.n),
        HINT = 'give the line its product, or delete its rows in indtrack.capacities';
    END IF;
  END IF;

  -- No cycle of parent companies (resolve_company_parents). A new cycle runs through a company
  -- whose parent was written: walk up from each, stopping where a step was already taken.
  IF cardinality(due_companies) > 0 THEN
    EXECUTE 'WITH RECURSIVE up(start, id) AS (
               SELECT c.id, c.parent_id FROM indtrack.companies c
               WHERE c.id = ANY ($1) AND c.parent_id IS NOT NULL
               UNION
               SELECT up.start, c.parent_id FROM up JOIN indtrack.companies c ON c.id = up.id
               WHERE c.parent_id IS NOT NULL)
             SELECT start AS id FROM up WHERE id = start ORDER BY start LIMIT 1' INTO r USING due_companies;
    IF r.id IS NOT NULL THEN
      chain := r.id;
      next_id := r.id;
      LOOP
        SELECT c.parent_id INTO next_id FROM indtrack.companies c WHERE c.id = next_id;
        chain := chain || ' → ' || next_id;
        EXIT WHEN next_id = r.id OR length(chain) > 2000;
      END LOOP;
      RAISE EXCEPTION USING ERRCODE = 'check_violation', SCHEMA = 'indtrack', TABLE = 'companies',
        CONSTRAINT = 'no_cycle_of_parent_companies',
        MESSAGE = format('company "%s" (table indtrack.companies): parent companies form a cycle (%s)',
                         r.id, chain),
        DETAIL = 'checked when the transaction commits; nothing was saved',
        HINT = 'set parent_id of one company of the cycle to its real parent, or to NULL';
    END IF;
  END IF;

  -- Every quote citing an article is found in its text, whitespace ignored (io/dataset_checks.cpp:
  -- quote_occurs_in; an empty text is not checked): the quotes of the records written, and every
  -- quote citing an article whose text or kind was written. Each text is compacted once.
  EXECUTE format(
    'WITH cited AS MATERIALIZED (
       SELECT q.* FROM indtrack.quotes q
       WHERE q.source_id IS NOT NULL
         AND ((q.kind = ''project'' AND q.id = ANY ($1)) OR (q.kind = ''unit'' AND q.id = ANY ($2))
              OR (q.kind = ''company'' AND q.id = ANY ($3)) OR (q.kind = ''park'' AND q.id = ANY ($4))
              OR (q.kind = ''aggregate'' AND q.id = ANY ($5)) %s)),
     texts AS MATERIALIZED (
       SELECT s.id, s.file, indtrack.without_spaces(a.text) AS text
       FROM indtrack.sources s JOIN indtrack.article_texts a ON a.source_id = s.id
       WHERE s.kind = ''article'' AND a.text NOT IN ('''', E''\uFEFF'')
         AND s.id IN (SELECT source_id FROM cited)),
     missing AS MATERIALIZED (
       SELECT c.kind, c.id, c.tbl, c.unit_id, c.field, c.ord, c.source_id, t.file, c.quote
       FROM cited c JOIN texts t ON t.id = c.source_id
       WHERE NOT indtrack.occurs_in(indtrack.without_spaces(c.quote), t.text))
     SELECT *, count(*) OVER () AS n FROM missing ORDER BY kind, id, tbl, unit_id, field, ord LIMIT 1',
    CASE WHEN cardinality(due_sources) > 0 THEN 'OR q.source_id = ANY ($6)' ELSE '' END)
    INTO r USING due_projects, due_units, due_companies, due_parks, due_aggregates, due_sources;
  IF r.id IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', SCHEMA = 'indtrack', TABLE = r.tbl,
      CONSTRAINT = 'quote_found_in_article',
      MESSAGE = format('%s%s (table indtrack.%s): quote not found in the text of source "%s" (%s): "%s"',
                       indtrack.record_words(r.kind, r.id),
                       coalesce(', ' || CASE WHEN r.unit_id IS NULL THEN '' ELSE format('line "%s", ', r.unit_id) END
                                || r.field || coalesce('[' || r.ord || ']', ''), ''),
                       r.tbl, r.source_id, r.file,
                       CASE WHEN length(r.quote) > 60 THEN left(r.quote, 59) || '…' ELSE r.quote END),
      DETAIL = format('checked when the transaction commits against indtrack.article_texts, whitespace '
                      'ignored; %s quote(s) in it not found, nothing was saved', r.n),
      HINT = 'copy the quote exactly from the article, or cite the source that says it';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER check_rules AFTER INSERT ON indtrack.rule_check_runs
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION indtrack.check_rules_at_commit();

-- The data already there is checked once, at this migration's COMMIT: a database that breaks a
-- rule is named now, not at the next unrelated save.
INSERT INTO indtrack.rule_checks_due (kind, id)
  SELECT 'company', id FROM indtrack.companies
  UNION ALL SELECT 'unit', id FROM indtrack.units
  UNION ALL SELECT 'source', id FROM indtrack.sources;
INSERT INTO indtrack.rule_check_runs DEFAULT VALUES;
)sql";

constexpr Migration kMigrations[] = {
    {1, "the dataset in relational tables, history, vocabularies", kInitialSchema},
    {2, "English texts, reposts, bounds, facilities, scopes, stated totals", kFormatOfIssue17},
    {3, "the loader's rules that span rows, checked at commit", kRulesAtCommit},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

}  // namespace indtrack::db
