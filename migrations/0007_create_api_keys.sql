-- API keys for machines: a training provider reports completions ('report', bound to its
-- organisation) and a title-review system asks for compliance ('compliance', bound to a region;
-- '000000' = the whole nation). Only the SHA-256 of a key is stored: it is shown once.
CREATE TABLE api_keys (
  id              uuid PRIMARY KEY,
  purpose         text NOT NULL CHECK (purpose IN ('report', 'compliance')),
  organisation_id uuid REFERENCES organisations (id),
  region_code     char(6) REFERENCES regions (code),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  prefix          text NOT NULL CHECK (length(prefix) BETWEEN 1 AND 40),
  key_hash        bytea NOT NULL UNIQUE CHECK (length(key_hash) = 32),
  created_by      uuid,
  created_at      timestamptz NOT NULL DEFAULT now(),
  revoked_at      timestamptz,
  last_used_at    timestamptz,
  -- A report key speaks for one organisation, a compliance key for one region: never both.
  CHECK ((purpose = 'report') = (organisation_id IS NOT NULL)),
  CHECK ((purpose = 'compliance') = (region_code IS NOT NULL))
);
-- Listing an organisation's keys (its administrator's page).
CREATE INDEX api_keys_organisation_idx ON api_keys (organisation_id);
