-- Fingerprint of the reference data last loaded, so that a restart skips reloading it when
-- the data package has not changed (restarts must answer /healthz within 2 s).
CREATE TABLE reference_data_versions (
  name        text PRIMARY KEY,
  fingerprint text NOT NULL,
  loaded_at   timestamptz NOT NULL DEFAULT now()
);
