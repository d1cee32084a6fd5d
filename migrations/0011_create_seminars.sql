-- Advanced seminars (高级研修项目), core: the yearly call, the per-person-per-day budget limits
-- (rules as data), the application with its budget lines, and its history. Expert review
-- (0012) and enrolment, attendance, expenses and reports (0013) build on these tables.

-- One call per year: the deadline for applications and the ministry's quotas. The plan's
-- advanced_seminar targets (plans module) give the trainee quota per field and department.
CREATE TABLE seminar_calls (
  year             smallint PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  deadline         timestamptz NOT NULL,
  max_seminars     int CHECK (max_seminars IS NULL OR max_seminars > 0),
  max_central_cents bigint CHECK (max_central_cents IS NULL OR max_central_cents >= 0),
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- The central training-fee rules as data: a limit per trainee per day for each budget category,
-- in fen (1/100 yuan), by year. A year without rows uses the latest earlier year's.
CREATE TABLE seminar_budget_limits (
  year        smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  category    text NOT NULL CHECK (category IN ('accommodation', 'meals', 'teaching', 'venue', 'materials', 'transport', 'other')),
  per_person_day_cents bigint NOT NULL CHECK (per_person_day_cents >= 0),
  PRIMARY KEY (year, category)
);

CREATE TABLE seminars (
  id               uuid PRIMARY KEY,
  year             smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  host_id          uuid NOT NULL REFERENCES organisations (id),
  -- The host's province, kept for scoping like every large table.
  province_code    char(6) NOT NULL REFERENCES regions (code),
  -- The competent department that pre-reviews the application.
  department_code  text NOT NULL REFERENCES departments (code),
  title            text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
  field            text NOT NULL CHECK (field IN ('next_gen_it', 'biotech', 'new_energy', 'new_materials',
                     'high_end_equipment', 'new_energy_vehicles', 'green', 'aerospace', 'marine_equipment', 'digital_tech',
                     'intellectual_property', 'cyber_security', 'emergency_management', 'rural_revitalisation', 'other')),
  topics           text[] NOT NULL DEFAULT '{}',
  start_date       date NOT NULL,
  end_date         date NOT NULL CHECK (end_date >= start_date),
  days             smallint NOT NULL CHECK (days BETWEEN 1 AND 60),
  place            text NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
  planned_trainees int NOT NULL CHECK (planned_trainees BETWEEN 1 AND 1000),
  -- Learning hours credited on completion, in tenths (one decimal).
  hours_tenths     int NOT NULL CHECK (hours_tenths BETWEEN 1 AND 10000),
  -- [{ name, title, affiliation }]
  teachers         jsonb NOT NULL DEFAULT '[]',
  funding          text NOT NULL CHECK (funding IN ('central', 'self')),
  status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'pre_approved',
                     'in_review', 'reviewed', 'approved', 'not_selected', 'withdrawn')),
  status_reason    text,
  submitted_at     timestamptz,
  -- Central funds granted at selection (fen); null for self-funded seminars.
  central_approved_cents bigint CHECK (central_approved_cents IS NULL OR central_approved_cents >= 0),
  -- Set when the ministry publishes the year's approved list: enrolment may open from then.
  published_at     timestamptz,
  version          int NOT NULL DEFAULT 1,
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX seminars_year_status_idx ON seminars (year, status);
CREATE INDEX seminars_host_idx ON seminars (host_id, year);
CREATE INDEX seminars_department_idx ON seminars (department_code, year);

-- The application's budget, one line per category (fen).
CREATE TABLE seminar_budget_lines (
  seminar_id   uuid NOT NULL REFERENCES seminars (id) ON DELETE CASCADE,
  category     text NOT NULL CHECK (category IN ('accommodation', 'meals', 'teaching', 'venue', 'materials', 'transport', 'other')),
  amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
  note         text NOT NULL DEFAULT '',
  PRIMARY KEY (seminar_id, category)
);

-- Every step of a seminar, readable on its page (the audit chain holds the same events).
CREATE TABLE seminar_history (
  seminar_id uuid NOT NULL REFERENCES seminars (id) ON DELETE CASCADE,
  seq        int NOT NULL,
  at         timestamptz NOT NULL DEFAULT now(),
  actor_id   uuid,
  actor_name text NOT NULL,
  action     text NOT NULL,
  summary    jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (seminar_id, seq)
);
