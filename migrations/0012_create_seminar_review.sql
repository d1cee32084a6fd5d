-- Advanced seminars, expert review: the expert pool and declared conflicts, the scoring rubric
-- (criteria with weights, as data), the recorded draws of reviewers and the reviews themselves.

-- An expert of the pool: an account holding the role expert, the fields they may review and the
-- organisation they belong to (never drawn for that organisation's applications).
CREATE TABLE seminar_experts (
  id              uuid PRIMARY KEY,
  account_id      uuid NOT NULL UNIQUE REFERENCES accounts (id),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  fields          text[] NOT NULL CHECK (cardinality(fields) > 0),
  organisation_id uuid REFERENCES organisations (id),
  affiliation     text NOT NULL DEFAULT '',
  active          boolean NOT NULL DEFAULT true,
  created_by      uuid,
  created_at      timestamptz NOT NULL DEFAULT now()
);

-- A declared conflict of interest: the expert is never drawn for this organisation's applications.
CREATE TABLE seminar_expert_conflicts (
  expert_id       uuid NOT NULL REFERENCES seminar_experts (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  reason          text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  created_by      uuid,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (expert_id, organisation_id)
);

-- The rubric: criteria with weights in percent (they add up to 100), each scored 0–100.
CREATE TABLE seminar_rubric_criteria (
  code      text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
  label_zh  text NOT NULL,
  label_en  text NOT NULL,
  weight    int NOT NULL CHECK (weight BETWEEN 1 AND 100),
  sort      int NOT NULL DEFAULT 0
);
INSERT INTO seminar_rubric_criteria (code, label_zh, label_en, weight, sort) VALUES
  ('necessity',   '选题必要性与紧迫性', 'Need and urgency of the topic', 25, 1),
  ('content',     '研修内容与前沿性',   'Content and how advanced it is', 25, 2),
  ('faculty',     '师资水平',           'Quality of the teachers',        20, 3),
  ('organisation','组织保障与举办经验', 'Organisation and experience',    15, 4),
  ('budget',      '经费预算合理性',     'Soundness of the budget',        15, 5);

-- One draw of reviewers for a year's pre-approved applications: re-running the draw function
-- with the recorded seed and parameters on the same inputs gives the same assignments.
CREATE TABLE seminar_review_draws (
  id          uuid PRIMARY KEY,
  year        smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  seed        text NOT NULL CHECK (length(seed) BETWEEN 1 AND 64),
  params      jsonb NOT NULL,
  assignments int NOT NULL,
  created_by  uuid,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- One reviewer on one application. status: assigned → scored, or conflict (declared by the expert,
-- who is then replaced). scores: { criterion code: 0–100 }; total_tenths: the weighted total × 10.
CREATE TABLE seminar_reviews (
  seminar_id   uuid NOT NULL REFERENCES seminars (id) ON DELETE CASCADE,
  expert_id    uuid NOT NULL REFERENCES seminar_experts (id),
  draw_id      uuid REFERENCES seminar_review_draws (id),
  status       text NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'scored', 'conflict')),
  scores       jsonb,
  total_tenths int CHECK (total_tenths IS NULL OR total_tenths BETWEEN 0 AND 1000),
  comment      text NOT NULL DEFAULT '',
  scored_at    timestamptz,
  assigned_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (seminar_id, expert_id)
);
CREATE INDEX seminar_reviews_expert_idx ON seminar_reviews (expert_id, status);
