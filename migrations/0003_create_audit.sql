-- Audit events form a hash chain: each row's hash covers its content and the previous hash,
-- so an edited or deleted row breaks the chain at a point `zhigeng audit verify` reports.
CREATE TABLE audit_events (
  seq         bigint PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor_id    uuid,
  actor_name  text NOT NULL,
  action      text NOT NULL,
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  before      jsonb,
  after       jsonb,
  ip          text NOT NULL DEFAULT '',
  request_id  text NOT NULL DEFAULT '',
  prev_hash   text NOT NULL,
  hash        text NOT NULL
);
CREATE INDEX audit_events_entity_idx ON audit_events (entity, entity_id);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, seq);
