-- Spring Modulith event publication registry (spring-modulith-events-jdbc 2.1.1, schema v2), as shipped in the jar
-- (org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql); Flyway creates it, not Modulith
-- (spring.modulith.events.jdbc.schema-initialization.enabled=false). Outgoing mail (MailRequested) is stored here in
-- the transaction of the change and deleted once delivered.
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  constraint event_publication_pkey primary key (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
