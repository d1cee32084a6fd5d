-- Learning records (学时), their evidence, the rule sets per province and year, and the
-- yearly compliance kept current as records change. Large tables carry province_code.

CREATE TABLE learning_records (
  id                 uuid PRIMARY KEY,
  province_code      char(6) NOT NULL REFERENCES regions (code),
  person_id          uuid NOT NULL REFERENCES people (id),
  -- The employer when the record was made: its administrator reviews the record.
  employer_id        uuid NOT NULL REFERENCES organisations (id),
  year               smallint NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  category           text NOT NULL CHECK (category IN ('public', 'professional')),
  form               text NOT NULL CHECK (form IN ('training', 'advanced_seminar', 'online', 'conference', 'practice',
                       'academic_study', 'research_visit', 'exam', 'publication', 'project', 'other')),
  title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  provider_id        uuid REFERENCES organisations (id),
  provider_name      text NOT NULL DEFAULT '',
  start_date         date NOT NULL,
  end_date           date NOT NULL CHECK (end_date >= start_date),
  hours              numeric(6,1) NOT NULL CHECK (hours > 0 AND hours <= 1000),
  field              text NOT NULL CHECK (field IN ('next_gen_it', 'biotech', 'new_energy', 'new_materials',
                       'high_end_equipment', 'new_energy_vehicles', 'green', 'aerospace', 'marine_equipment', 'digital_tech',
                       'intellectual_property', 'cyber_security', 'emergency_management', 'rural_revitalisation', 'other')),
  source             text NOT NULL CHECK (source IN ('self_declared', 'employer_entered', 'provider_reported', 'online_course',
                       'exchange', 'seminar')),
  status             text NOT NULL CHECK (status IN ('submitted', 'endorsed', 'approved', 'rejected', 'confirmed')),
  provider_record_id text CHECK (provider_record_id IS NULL OR length(provider_record_id) BETWEEN 1 AND 100),
  review_reason      text,
  reviewed_by        uuid,
  reviewed_at        timestamptz,
  created_by         uuid,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  -- A provider's own record id identifies a reported completion: re-sending it never duplicates.
  UNIQUE (provider_id, provider_record_id)
);
CREATE INDEX learning_records_person_year_idx ON learning_records (person_id, year);
CREATE INDEX learning_records_review_idx ON learning_records (employer_id, status);
CREATE INDEX learning_records_province_year_idx ON learning_records (province_code, year);

CREATE TABLE learning_evidence (
  id           uuid PRIMARY KEY,
  record_id    uuid NOT NULL REFERENCES learning_records (id) ON DELETE CASCADE,
  file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes   int NOT NULL CHECK (size_bytes > 0),
  sha256       text NOT NULL,
  data         bytea NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX learning_evidence_record_idx ON learning_evidence (record_id);

-- Versioned rule patches per region ('000000' = national) and year; the effective rules of a
-- province are the national defaults, then the national patch, then the province's patch.
CREATE TABLE learning_rule_versions (
  region_code char(6) NOT NULL REFERENCES regions (code),
  year        smallint NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  version     int NOT NULL CHECK (version > 0),
  patch       jsonb NOT NULL,
  note        text NOT NULL DEFAULT '',
  created_by  uuid,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, year, version)
);

-- Yearly compliance per person, recomputed set-based for the (person, year) pairs a change
-- touches, and for a whole province and year when its rules change.
-- Derived data, rebuilt at will: no foreign keys, whose checks would double the cost of a rebuild.
CREATE TABLE learning_compliance (
  person_id             uuid NOT NULL,
  year                  smallint NOT NULL,
  province_code         char(6) NOT NULL,
  total_hours           numeric(7,1) NOT NULL,
  public_hours          numeric(7,1) NOT NULL,
  professional_hours    numeric(7,1) NOT NULL,
  required_total        numeric(6,1) NOT NULL,
  required_professional numeric(6,1) NOT NULL,
  required_public       numeric(6,1) NOT NULL,
  compliant             boolean NOT NULL,
  by_form               jsonb NOT NULL,
  computed_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, year)
);
CREATE INDEX learning_compliance_province_year_idx ON learning_compliance (province_code, year, compliant);
