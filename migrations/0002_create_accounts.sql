-- Accounts, role grants scoped to a node (nation, region, department, organisation), sessions.

CREATE TABLE accounts (
  id                   uuid PRIMARY KEY,
  username             text NOT NULL,
  display_name         text NOT NULL,
  password_hash        text NOT NULL,
  kind                 text NOT NULL CHECK (kind IN ('staff', 'professional')),
  person_id            uuid UNIQUE REFERENCES people (id),
  status               text NOT NULL CHECK (status IN ('pending', 'active', 'rejected', 'disabled')),
  failed_attempts      int NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  must_change_password boolean NOT NULL DEFAULT false,
  reviewed_by          uuid REFERENCES accounts (id),
  reviewed_at          timestamptz,
  review_reason        text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'professional') = (person_id IS NOT NULL))
);
CREATE UNIQUE INDEX accounts_username_idx ON accounts (lower(username));

CREATE TABLE grants (
  account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  role        text NOT NULL CHECK (role IN ('national_admin', 'province_admin', 'department_admin',
                'organisation_admin', 'expert', 'inspector', 'professional')),
  scope_type  text NOT NULL CHECK (scope_type IN ('nation', 'region', 'department', 'organisation')),
  scope_id    text NOT NULL,
  PRIMARY KEY (account_id, role, scope_type, scope_id)
);

CREATE TABLE sessions (
  token_hash   bytea PRIMARY KEY,
  account_id   uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ip           text NOT NULL DEFAULT '',
  user_agent   text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_account_idx ON sessions (account_id);
