-- Registry: regions (GB/T 2260), competent departments, organisations, professionals.
-- Large tables carry province_code so that they can later be distributed by it (Citus).

CREATE TABLE regions (
  code        char(6) PRIMARY KEY,
  name        text NOT NULL,
  level       smallint NOT NULL CHECK (level BETWEEN 0 AND 2), -- 0 nation, 1 province, 2 city
  parent_code char(6) REFERENCES regions (code),
  province_code char(6),
  sort        int NOT NULL DEFAULT 0,
  CHECK ((level = 0) = (parent_code IS NULL))
);
CREATE INDEX regions_parent_idx ON regions (parent_code);

-- Special-region flags are data, not code: preference rules (seminar admission) read them.
CREATE TABLE region_flags (
  region_code char(6) NOT NULL REFERENCES regions (code),
  flag        text NOT NULL CHECK (flag IN ('old_revolutionary', 'border', 'ethnic_autonomous')),
  source      text NOT NULL,
  PRIMARY KEY (region_code, flag)
);

CREATE TABLE departments (
  code        text PRIMARY KEY CHECK (code ~ '^[a-z]+(\.[0-9]{6})?$'),
  name        text NOT NULL,
  short_name  text NOT NULL,
  name_en     text NOT NULL,
  level       text NOT NULL CHECK (level IN ('national', 'provincial')),
  region_code char(6) NOT NULL REFERENCES regions (code),
  parent_code text REFERENCES departments (code),
  sort        int NOT NULL DEFAULT 0,
  CHECK ((level = 'national') = (parent_code IS NULL))
);
CREATE INDEX departments_region_idx ON departments (region_code);

CREATE TABLE organisations (
  id              uuid PRIMARY KEY,
  name            text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  credit_code     char(18) NOT NULL UNIQUE,
  region_code     char(6) NOT NULL REFERENCES regions (code),
  province_code   char(6) NOT NULL REFERENCES regions (code),
  department_code text REFERENCES departments (code),
  ownership       text NOT NULL CHECK (ownership IN
                    ('public_institution', 'state_owned', 'private', 'foreign', 'social_organisation', 'government')),
  roles           text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY[
                    'employer', 'training_institution', 'evaluation_institution', 'ce_base', 'seminar_host']::text[]),
  address         text NOT NULL DEFAULT '',
  contact_name    text NOT NULL DEFAULT '',
  status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisations_province_idx ON organisations (province_code, name);
CREATE INDEX organisations_department_idx ON organisations (department_code);

CREATE TABLE people (
  id               uuid PRIMARY KEY,
  province_code    char(6) NOT NULL REFERENCES regions (code),
  region_code      char(6) NOT NULL REFERENCES regions (code),
  -- The citizen ID is stored encrypted (AES-256-GCM); the keyed hash (HMAC-SHA-256) finds
  -- a person by ID without decrypting, and the masked form is what lists show.
  id_number_enc    bytea NOT NULL,
  id_number_hash   bytea NOT NULL UNIQUE,
  id_number_masked text NOT NULL,
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  gender           char(1) NOT NULL CHECK (gender IN ('M', 'F')),
  birth_date       date NOT NULL,
  employer_id      uuid NOT NULL REFERENCES organisations (id),
  title_series     text NOT NULL DEFAULT '',
  title_level      text NOT NULL DEFAULT 'none' CHECK (title_level IN
                     ('none', 'junior', 'intermediate', 'deputy_senior', 'senior')),
  specialty        text NOT NULL DEFAULT '',
  phone_enc        bytea,
  phone_masked     text NOT NULL DEFAULT '',
  status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX people_province_name_idx ON people (province_code, name, id);
CREATE INDEX people_employer_idx ON people (employer_id);
