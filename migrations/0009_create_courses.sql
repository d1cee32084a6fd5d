-- Courses of training institutions and CE bases, their courseware (chapters, media files on
-- disk, quiz bank), enrolments, progress from the player's heartbeats, and xAPI statements.
-- Large tables (enrolments, progress, study days, statements) carry province_code: the learner's.

CREATE TABLE courses (
  id                   uuid PRIMARY KEY,
  -- The provider's province and city: the province's administrator publishes the course.
  province_code        char(6) NOT NULL REFERENCES regions (code),
  region_code          char(6) NOT NULL REFERENCES regions (code),
  provider_id          uuid NOT NULL REFERENCES organisations (id),
  title                text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  category             text NOT NULL CHECK (category IN ('public', 'professional')),
  field                text NOT NULL CHECK (field IN ('next_gen_it', 'biotech', 'new_energy', 'new_materials',
                         'high_end_equipment', 'new_energy_vehicles', 'green', 'aerospace', 'marine_equipment', 'digital_tech',
                         'intellectual_property', 'cyber_security', 'emergency_management', 'rural_revitalisation', 'other')),
  hours                numeric(6,1) NOT NULL CHECK (hours > 0 AND hours <= 200),
  modality             text NOT NULL CHECK (modality IN ('online', 'face_to_face', 'blended')),
  target_levels        text[] NOT NULL DEFAULT '{}' CHECK (target_levels <@ ARRAY['none', 'junior', 'intermediate', 'deputy_senior', 'senior']::text[]),
  description          text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
  cover_media_id       uuid,
  status               text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'published', 'withdrawn')),
  review_reason        text,
  -- Share of a chapter's duration that must be watched (percent), and the quiz settings.
  completion_percent   smallint NOT NULL DEFAULT 90 CHECK (completion_percent BETWEEN 50 AND 100),
  quiz_size            smallint NOT NULL DEFAULT 0 CHECK (quiz_size BETWEEN 0 AND 50),
  quiz_pass_percent    smallint NOT NULL DEFAULT 60 CHECK (quiz_pass_percent BETWEEN 1 AND 100),
  quiz_max_attempts    smallint NOT NULL DEFAULT 3 CHECK (quiz_max_attempts BETWEEN 1 AND 20),
  published_at         timestamptz,
  created_by           uuid,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX courses_status_province_idx ON courses (status, province_code, field);
CREATE INDEX courses_provider_idx ON courses (provider_id);

-- Uploaded files, stored on disk under DATA_DIR/media; the row keeps type (by content), size and hash.
CREATE TABLE course_media (
  id            uuid PRIMARY KEY,
  course_id     uuid NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  content_type  text NOT NULL CHECK (content_type IN ('video/mp4', 'video/webm', 'application/pdf', 'image/png', 'image/jpeg')),
  file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  size_bytes    bigint NOT NULL CHECK (size_bytes > 0),
  sha256        text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX course_media_course_idx ON course_media (course_id);

CREATE TABLE course_chapters (
  id                uuid PRIMARY KEY,
  course_id         uuid NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  position          smallint NOT NULL CHECK (position BETWEEN 1 AND 500),
  title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  kind              text NOT NULL CHECK (kind IN ('video', 'pdf', 'html')),
  -- Video length, or the reading time a PDF or HTML page needs.
  duration_seconds  int NOT NULL CHECK (duration_seconds BETWEEN 1 AND 36000),
  media_id          uuid REFERENCES course_media (id),
  html              text NOT NULL DEFAULT '' CHECK (length(html) <= 200000),
  UNIQUE (course_id, position),
  -- Video and PDF chapters get their file after creation; the course cannot be submitted without it.
  CHECK (kind <> 'html' OR media_id IS NULL)
);

CREATE TABLE course_questions (
  id         uuid PRIMARY KEY,
  course_id  uuid NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  kind       text NOT NULL CHECK (kind IN ('single', 'multiple')),
  stem       text NOT NULL CHECK (length(stem) BETWEEN 1 AND 1000),
  options    jsonb NOT NULL,
  -- Indexes of the correct options; never sent to a learner.
  answer     smallint[] NOT NULL CHECK (cardinality(answer) > 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX course_questions_course_idx ON course_questions (course_id);

CREATE TABLE course_enrolments (
  id             uuid PRIMARY KEY,
  province_code  char(6) NOT NULL REFERENCES regions (code),
  course_id      uuid NOT NULL REFERENCES courses (id),
  person_id      uuid NOT NULL REFERENCES people (id),
  enrolled_at    timestamptz NOT NULL,
  quiz_passed_at timestamptz,
  -- Set once, by the first completion: a second completion event finds it set and does nothing.
  completed_at   timestamptz,
  record_id      uuid,
  UNIQUE (course_id, person_id)
);
CREATE INDEX course_enrolments_person_idx ON course_enrolments (person_id);

CREATE TABLE course_chapter_progress (
  enrolment_id     uuid NOT NULL REFERENCES course_enrolments (id) ON DELETE CASCADE,
  chapter_id       uuid NOT NULL REFERENCES course_chapters (id) ON DELETE CASCADE,
  province_code    char(6) NOT NULL,
  -- Seconds of the chapter covered at normal speed, as merged [from, to] intervals.
  covered          jsonb NOT NULL DEFAULT '[]',
  covered_seconds  numeric(9,3) NOT NULL DEFAULT 0,
  studied_seconds  numeric(10,3) NOT NULL DEFAULT 0,
  completed_at     timestamptz,
  PRIMARY KEY (enrolment_id, chapter_id)
);

-- The one player session of a person that counts, and where its last heartbeat left off.
CREATE TABLE course_study_sessions (
  person_id      uuid PRIMARY KEY REFERENCES people (id),
  session_id     uuid NOT NULL,
  enrolment_id   uuid NOT NULL REFERENCES course_enrolments (id) ON DELETE CASCADE,
  chapter_id     uuid NOT NULL,
  started_at     timestamptz NOT NULL,
  last_beat_at   timestamptz NOT NULL,
  last_position  numeric(9,3) NOT NULL
);

-- Credited study per person and China calendar day, for the province's daily cap.
CREATE TABLE course_study_days (
  person_id      uuid NOT NULL REFERENCES people (id),
  day            date NOT NULL,
  province_code  char(6) NOT NULL,
  seconds        numeric(10,3) NOT NULL CHECK (seconds >= 0),
  PRIMARY KEY (person_id, day)
);

CREATE TABLE course_quiz_attempts (
  id            uuid PRIMARY KEY,
  enrolment_id  uuid NOT NULL REFERENCES course_enrolments (id) ON DELETE CASCADE,
  question_ids  uuid[] NOT NULL,
  started_at    timestamptz NOT NULL,
  submitted_at  timestamptz,
  score_percent smallint,
  passed        boolean
);
CREATE INDEX course_quiz_attempts_enrolment_idx ON course_quiz_attempts (enrolment_id);

-- Learning events as xAPI 1.0.3 statements, kept as sent for an external learning record store.
CREATE TABLE xapi_statements (
  id             uuid PRIMARY KEY,
  province_code  char(6) NOT NULL,
  person_id      uuid NOT NULL,
  statement      jsonb NOT NULL,
  stored         timestamptz NOT NULL,
  -- One statement per (event key): a repeated event does not duplicate its statement.
  event_key      text NOT NULL UNIQUE
);
CREATE INDEX xapi_statements_stored_idx ON xapi_statements (stored, id);
CREATE INDEX xapi_statements_province_idx ON xapi_statements (province_code, stored, id);

-- The yearly public-subject reference catalogue (公需科目参考目录): numbered versions per region
-- ('000000' = the ministry's list) and year. A province's version names the national version it
-- adopts (NULL: it does not adopt one) and adds its own items; history is every version kept.
CREATE TABLE public_subject_catalogues (
  region_code              char(6) NOT NULL REFERENCES regions (code),
  year                     smallint NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  version                  int NOT NULL CHECK (version > 0),
  adopts_national_version  int CHECK (adopts_national_version IS NULL OR adopts_national_version > 0),
  -- [{ "theme": "cyber_security", "courseId": "…" }]
  items                    jsonb NOT NULL,
  note                     text NOT NULL DEFAULT '' CHECK (length(note) <= 300),
  created_by               uuid,
  created_at               timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, year, version),
  CHECK (region_code <> '000000' OR adopts_national_version IS NULL)
);

-- API keys of a third purpose: 'xapi', an external learning record store reading the statements
-- of a region (bound to a region like a compliance key). Constraint names as PostgreSQL gave them
-- in 0007_create_api_keys.sql.
ALTER TABLE api_keys
  DROP CONSTRAINT api_keys_purpose_check,
  DROP CONSTRAINT api_keys_check1,
  ADD CONSTRAINT api_keys_purpose_check CHECK (purpose IN ('report', 'compliance', 'xapi')),
  ADD CONSTRAINT api_keys_region_check CHECK ((purpose IN ('compliance', 'xapi')) = (region_code IS NOT NULL));
