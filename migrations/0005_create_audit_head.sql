-- The head of the audit chain (last sequence number and hash), written with every event, so
-- that removing the newest events is detected: the chain must end where the head says.
CREATE TABLE audit_head (
  id   boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq  bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
SELECT true, seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1;
