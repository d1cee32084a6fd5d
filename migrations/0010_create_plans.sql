-- Annual task plans: targets in whole people per field × competent department × region, their
-- history, imports, work summaries, and the progress roll-up kept current by triggers on
-- learning_records.

CREATE TABLE plans (
  id           uuid PRIMARY KEY,
  year         smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  programme    text NOT NULL CHECK (programme IN ('capability', 'advanced_seminar', 'digital_engineer', 'base')),
  title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  status       text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'closed')),
  -- Raised by every change, so that an edit based on a stale copy is refused (409).
  version      int NOT NULL DEFAULT 1,
  created_by   uuid,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (year, programme)
);

-- region_code '000000' holds the plan's own figure; a province's row is its share of it, a
-- city's row its share of the province's. department_code '' is 其他: a figure the table gave no
-- department (the administrator's 'other' at import).
CREATE TABLE plan_targets (
  plan_id         uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  region_code     char(6) NOT NULL REFERENCES regions (code),
  field           text NOT NULL CHECK (field IN ('next_gen_it', 'biotech', 'new_energy', 'new_materials',
                    'high_end_equipment', 'new_energy_vehicles', 'green', 'aerospace', 'marine_equipment', 'digital_tech',
                    'intellectual_property', 'cyber_security', 'emergency_management', 'rural_revitalisation', 'other')),
  department_code text NOT NULL CHECK (department_code = '' OR department_code ~ '^[a-z]+$'),
  people          bigint NOT NULL CHECK (people >= 0),
  PRIMARY KEY (plan_id, region_code, field, department_code)
);

-- Every change of a plan, readable on the plan's page (the audit chain holds the same events).
CREATE TABLE plan_history (
  plan_id    uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  seq        int NOT NULL,
  at         timestamptz NOT NULL,
  actor_id   uuid,
  actor_name text NOT NULL,
  action     text NOT NULL,
  summary    jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (plan_id, seq)
);

-- Each committed import: the file's hash, the decisions taken and the findings reported.
CREATE TABLE plan_imports (
  id          uuid PRIMARY KEY,
  plan_id     uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  sha256      text NOT NULL,
  format      text NOT NULL CHECK (format IN ('text', 'xlsx')),
  unit        text NOT NULL CHECK (unit IN ('person', 'tenThousand')),
  mapping     jsonb NOT NULL,
  findings    jsonb NOT NULL,
  people      bigint NOT NULL,
  created_by  uuid,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Progress. A member is a person counted in a cell (year, field, department, province, city):
-- the cell's figure is the number of its members (distinct people). first_month is the month
-- of the person's earliest counted record in the cell, for the time series.
CREATE TABLE plan_progress_members (
  person_id       uuid NOT NULL,
  year            smallint NOT NULL,
  field           text NOT NULL,
  department_code text NOT NULL,
  province_code   char(6) NOT NULL,
  city_code       char(6) NOT NULL,
  first_month     smallint NOT NULL,
  PRIMARY KEY (person_id, year, field, department_code, province_code, city_code)
);

-- The roll-up the dashboard reads for a province or a city: people per cell and month of first
-- counting, summed at read time; kept current by plan_progress_refresh.
CREATE TABLE plan_progress (
  year            smallint NOT NULL,
  field           text NOT NULL,
  department_code text NOT NULL,
  province_code   char(6) NOT NULL,
  city_code       char(6) NOT NULL,
  month           smallint NOT NULL,
  people          int NOT NULL,
  PRIMARY KEY (year, province_code, city_code, field, department_code, month)
);

-- The national view's figures: per department, the people by field, by province and by month
-- (marginals of plan_progress; a department's total is its sum over fields). A few thousand
-- rows a year whatever the number of records, so the national dashboard reads little.
CREATE TABLE plan_progress_national (
  year            smallint NOT NULL,
  department_code text NOT NULL,
  dim             text NOT NULL CHECK (dim IN ('field', 'province', 'month')),
  key             text NOT NULL,
  people          int NOT NULL,
  PRIMARY KEY (year, department_code, dim, key)
);

-- Recount the members of the given (person, year) pairs from their records and apply the
-- difference to plan_progress. Counting rules (docs/plans.md): approved or confirmed records;
-- department = the national department of the record's employer; region = the record's
-- province and the employer's city when the employer lies in that province.
CREATE FUNCTION plan_progress_refresh(p_people uuid[], p_years smallint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH touched AS (
    SELECT DISTINCT t.person_id, t.year FROM unnest(p_people, p_years) AS t (person_id, year)
  ), gone AS (
    DELETE FROM plan_progress_members m USING touched t
    WHERE m.person_id = t.person_id AND m.year = t.year
    RETURNING m.year, m.field, m.department_code, m.province_code, m.city_code, m.first_month
  ), national AS (
    INSERT INTO plan_progress_national AS p (year, department_code, dim, key, people)
    SELECT g.year, g.department_code, d.dim, d.key, -count(*)::int
    FROM gone g CROSS JOIN LATERAL (VALUES ('field', g.field), ('province', g.province_code::text), ('month', g.first_month::text)) AS d (dim, key)
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (year, department_code, dim, key)
    DO UPDATE SET people = p.people + EXCLUDED.people
  )
  INSERT INTO plan_progress AS p (year, field, department_code, province_code, city_code, month, people)
  SELECT g.year, g.field, g.department_code, g.province_code, g.city_code, g.first_month, -count(*)::int
  FROM gone g GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (year, province_code, city_code, field, department_code, month)
  DO UPDATE SET people = p.people + EXCLUDED.people;

  WITH touched AS (
    SELECT DISTINCT t.person_id, t.year FROM unnest(p_people, p_years) AS t (person_id, year)
  ), fresh AS (
    INSERT INTO plan_progress_members (person_id, year, field, department_code, province_code, city_code, first_month)
    SELECT lr.person_id, lr.year, lr.field,
           coalesce(split_part(o.department_code, '.', 1), ''),
           lr.province_code,
           CASE WHEN o.province_code = lr.province_code THEN o.region_code ELSE lr.province_code END,
           min(CASE WHEN extract(year FROM lr.end_date) > lr.year THEN 12
                    WHEN extract(year FROM lr.end_date) < lr.year THEN 1
                    ELSE extract(month FROM lr.end_date) END)::smallint
    FROM learning_records lr
    JOIN touched t ON t.person_id = lr.person_id AND t.year = lr.year
    JOIN organisations o ON o.id = lr.employer_id
    WHERE lr.status IN ('approved', 'confirmed')
    GROUP BY 1, 2, 3, 4, 5, 6
    RETURNING year, field, department_code, province_code, city_code, first_month
  ), national AS (
    INSERT INTO plan_progress_national AS p (year, department_code, dim, key, people)
    SELECT f.year, f.department_code, d.dim, d.key, count(*)::int
    FROM fresh f CROSS JOIN LATERAL (VALUES ('field', f.field), ('province', f.province_code::text), ('month', f.first_month::text)) AS d (dim, key)
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (year, department_code, dim, key)
    DO UPDATE SET people = p.people + EXCLUDED.people
  )
  INSERT INTO plan_progress AS p (year, field, department_code, province_code, city_code, month, people)
  SELECT f.year, f.field, f.department_code, f.province_code, f.city_code, f.first_month, count(*)::int
  FROM fresh f GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (year, province_code, city_code, field, department_code, month)
  DO UPDATE SET people = p.people + EXCLUDED.people;
END $$;

-- Statement-level triggers with transition tables: one set-based refresh per statement, also
-- for COPY and multi-row inserts, whichever module writes the records.
CREATE FUNCTION plan_progress_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM plan_progress_refresh(array_agg(person_id), array_agg(year))
  FROM (SELECT DISTINCT person_id, year FROM new_rows WHERE status IN ('approved', 'confirmed')) s;
  RETURN NULL;
END $$;

CREATE FUNCTION plan_progress_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM plan_progress_refresh(array_agg(person_id), array_agg(year))
  FROM (SELECT o.person_id, o.year FROM old_rows o
        UNION SELECT n.person_id, n.year FROM new_rows n) s;
  RETURN NULL;
END $$;

CREATE FUNCTION plan_progress_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM plan_progress_refresh(array_agg(person_id), array_agg(year))
  FROM (SELECT DISTINCT person_id, year FROM old_rows WHERE status IN ('approved', 'confirmed')) s;
  RETURN NULL;
END $$;

CREATE TRIGGER learning_records_plan_progress_insert AFTER INSERT ON learning_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_progress_after_insert();
CREATE TRIGGER learning_records_plan_progress_update AFTER UPDATE ON learning_records
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_progress_after_update();
CREATE TRIGGER learning_records_plan_progress_delete AFTER DELETE ON learning_records
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_progress_after_delete();

-- Work summaries: the ministry sets a deadline per year; provinces and departments submit.
CREATE TABLE plan_summary_deadlines (
  year     smallint PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  due_date date NOT NULL,
  set_by   uuid,
  set_at   timestamptz NOT NULL DEFAULT now()
);

-- submitter: a province code ('330000') or a national department code ('miit').
CREATE TABLE plan_summaries (
  year          smallint NOT NULL,
  submitter     text NOT NULL CHECK (submitter ~ '^([0-9]{6}|[a-z]+)$'),
  figures       jsonb NOT NULL,
  text          text NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
  submitted_by  uuid,
  submitted_at  timestamptz NOT NULL,
  late          boolean NOT NULL,
  PRIMARY KEY (year, submitter)
);

-- Attachments of a summary (at most 5, each at most 5 MB, checked by the service).
CREATE TABLE plan_summary_files (
  year          smallint NOT NULL,
  submitter     text NOT NULL,
  idx           smallint NOT NULL,
  file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type  text NOT NULL,
  size_bytes    int NOT NULL,
  sha256        text NOT NULL,
  data          bytea NOT NULL,
  PRIMARY KEY (year, submitter, idx),
  FOREIGN KEY (year, submitter) REFERENCES plan_summaries (year, submitter) ON DELETE CASCADE
);

-- Where a record counts also depends on its employer (the department, and the city when the
-- employer lies in the record's province): when an employer's department or place changes, the
-- people with records at that employer are recounted.
CREATE FUNCTION plan_progress_after_employer_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM plan_progress_refresh(array_agg(person_id), array_agg(year))
  FROM (SELECT DISTINCT lr.person_id, lr.year
          FROM new_rows n
          JOIN old_rows o ON o.id = n.id
          JOIN learning_records lr ON lr.employer_id = n.id
         WHERE n.department_code IS DISTINCT FROM o.department_code
            OR n.region_code <> o.region_code OR n.province_code <> o.province_code) s;
  RETURN NULL;
END $$;

CREATE TRIGGER organisations_plan_progress_update AFTER UPDATE ON organisations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_progress_after_employer_update();
