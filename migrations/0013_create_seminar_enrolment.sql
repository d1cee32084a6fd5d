-- Advanced seminars (高级研修项目), the running half: enrolment with its window and rules as data,
-- admission with a share of seats reserved for designated-region applicants, the waiting list,
-- notices, attendance per day, completion, expenses against the budget lines, the summary report
-- and the trainees' ratings. Builds on the seminars table of the core migration.

-- Eligibility and preference inputs the registry did not hold yet. Editing them is not part of
-- this issue: imports and the registry's person form will set them (default false).
ALTER TABLE people ADD COLUMN management_post boolean NOT NULL DEFAULT false;
-- A grassroots unit (基层单位): county level and below, township health centres, village schools…
-- Set as data by the registry; seminar admission gives its staff the designated-region preference.
ALTER TABLE organisations ADD COLUMN grassroots boolean NOT NULL DEFAULT false;

-- The enrolment rules by year, as data. A year without a row uses the latest earlier year's;
-- no row at all: the defaults in code (enrolment/rules.ts DEFAULT_ENROLMENT_RULES).
CREATE TABLE seminar_enrolment_rules (
  year                smallint PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  -- { "minTitleLevel": "intermediate", "managementPostQualifies": true }
  eligibility         jsonb NOT NULL,
  -- Share of each seminar's seats held for preferred applicants until the window closes.
  reserved_share_pct  smallint NOT NULL CHECK (reserved_share_pct BETWEEN 0 AND 100),
  -- A trainee completes when present on at least this share of the seminar's days.
  completion_min_pct  smallint NOT NULL CHECK (completion_min_pct BETWEEN 1 AND 100),
  -- The summary report is due this many working days (Mon–Fri) after the end date.
  report_due_working_days smallint NOT NULL CHECK (report_due_working_days BETWEEN 1 AND 60),
  updated_at          timestamptz NOT NULL DEFAULT now()
);

-- One row per published seminar once its host sets the window (or the first enrolment opens it).
CREATE TABLE seminar_enrolment_settings (
  seminar_id          uuid PRIMARY KEY REFERENCES seminars (id) ON DELETE CASCADE,
  -- Null: enrolment opens at publication.
  opens_at            timestamptz,
  -- Null: enrolment closes at the start of the day before start_date (China time).
  closes_at           timestamptz,
  -- Null: the year's rule; a host may not change it (the ministry's rules hold).
  eligibility         jsonb,
  -- Seats held by enrolled or admitted trainees; changed only under the seminar's row lock.
  seats_taken         int NOT NULL DEFAULT 0 CHECK (seats_taken >= 0),
  closed_at           timestamptz,
  closed_by           uuid,
  updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE seminar_enrolments (
  id              uuid PRIMARY KEY,
  seminar_id      uuid NOT NULL REFERENCES seminars (id) ON DELETE CASCADE,
  person_id       uuid NOT NULL REFERENCES people (id),
  -- The trainee's province, for scoping like every large table.
  province_code   char(6) NOT NULL REFERENCES regions (code),
  -- enrolled: holds a seat, awaiting the host; admitted: confirmed by the host; waiting: on the
  -- waiting list; withdrawn: by the trainee; declined: by the host (frees the seat).
  status          text NOT NULL CHECK (status IN ('enrolled', 'admitted', 'waiting', 'withdrawn', 'declined')),
  preferred       boolean NOT NULL DEFAULT false,
  -- Why preferred: old_revolutionary, border, ethnic_autonomous, grassroots.
  preference_reasons text[] NOT NULL DEFAULT '{}',
  enrolled_at     timestamptz NOT NULL,
  admitted_at     timestamptz,
  left_at         timestamptz,
  completed       boolean,
  record_id       uuid,
  -- One enrolment per person and seminar: a second one is refused (a withdrawn one re-opens).
  UNIQUE (seminar_id, person_id)
);
CREATE INDEX seminar_enrolments_person_idx ON seminar_enrolments (person_id);
CREATE INDEX seminar_enrolments_waiting_idx ON seminar_enrolments (seminar_id, status, preferred DESC, enrolled_at);

-- Stored notices a professional reads in the web (there is no mail server): admission, moving up.
CREATE TABLE seminar_notices (
  id          uuid PRIMARY KEY,
  person_id   uuid NOT NULL REFERENCES people (id),
  seminar_id  uuid NOT NULL REFERENCES seminars (id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('admitted', 'seat_offered', 'declined', 'completed')),
  created_at  timestamptz NOT NULL,
  read_at     timestamptz
);
CREATE INDEX seminar_notices_person_idx ON seminar_notices (person_id, created_at DESC);

CREATE TABLE seminar_attendance (
  seminar_id  uuid NOT NULL REFERENCES seminars (id) ON DELETE CASCADE,
  person_id   uuid NOT NULL REFERENCES people (id),
  day         date NOT NULL,
  present     boolean NOT NULL,
  marked_by   uuid,
  marked_at   timestamptz NOT NULL,
  PRIMARY KEY (seminar_id, person_id, day)
);

-- Money spent, against the budget lines' categories (fen).
CREATE TABLE seminar_expenses (
  id           uuid PRIMARY KEY,
  seminar_id   uuid NOT NULL REFERENCES seminars (id) ON DELETE CASCADE,
  category     text NOT NULL CHECK (category IN ('accommodation', 'meals', 'teaching', 'venue', 'materials', 'transport', 'other')),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  spent_on     date NOT NULL,
  note         text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  created_by   uuid,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX seminar_expenses_seminar_idx ON seminar_expenses (seminar_id, category);

-- The host's summary report after the class (DOMAIN §6: within 10 working days), one per seminar.
CREATE TABLE seminar_reports (
  seminar_id   uuid PRIMARY KEY REFERENCES seminars (id) ON DELETE CASCADE,
  submitted_at timestamptz NOT NULL,
  submitted_by uuid,
  due_on       date NOT NULL,
  late         boolean NOT NULL,
  -- The figures as computed at submission: enrolled, admitted, completed, days, attendance rate,
  -- spent and budget (fen), satisfaction.
  figures      jsonb NOT NULL,
  narrative    text NOT NULL CHECK (length(narrative) BETWEEN 1 AND 20000)
);

-- Trainees' ratings: 1–5 per criterion and a comment, once each.
CREATE TABLE seminar_ratings (
  seminar_id  uuid NOT NULL REFERENCES seminars (id) ON DELETE CASCADE,
  person_id   uuid NOT NULL REFERENCES people (id),
  -- { "content": 5, "teachers": 4, "organisation": 5, "facilities": 4 }
  scores      jsonb NOT NULL,
  comment     text NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (seminar_id, person_id)
);
