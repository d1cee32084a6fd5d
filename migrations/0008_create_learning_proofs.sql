-- Learning-hours proofs (学时证明) as issued: the signed statement and its compact JWS. The
-- public verification page looks a proof up by id and compares the JWS signature segment
-- from the printed URL with the stored one; setting revoked_at withdraws a proof.

CREATE TABLE learning_proofs (
  id            uuid PRIMARY KEY,
  person_id     uuid NOT NULL REFERENCES people (id),
  province_code char(6) NOT NULL REFERENCES regions (code),
  years         int[] NOT NULL CHECK (cardinality(years) BETWEEN 1 AND 10),
  statement     jsonb NOT NULL,
  -- The compact JWS (header.payload.signature) over the statement, as embedded in the PDF.
  token         text NOT NULL CHECK (length(token) BETWEEN 1 AND 32768),
  -- RFC 7638 thumbprint of the signing key, so a rotation shows which key signed.
  kid           text NOT NULL CHECK (length(kid) BETWEEN 1 AND 100),
  issued_at     timestamptz NOT NULL,
  issued_by     uuid NOT NULL REFERENCES accounts (id),
  revoked_at    timestamptz
);
-- Serves a person's list of issued proofs (newest first).
CREATE INDEX learning_proofs_person_idx ON learning_proofs (person_id, issued_at DESC);
