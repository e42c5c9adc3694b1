-- Spring Modulith event publication registry (spring-modulith-events-jdbc 2.1.1, schema v2), as shipped in the jar
-- (org/springframework/modulith/events/jdbc/schemas/v2/schema-h2.sql), with the primary key named, text columns unbounded and the index named as on PostgreSQL (schema parity); Flyway creates it, not Modulith
-- (spring.modulith.events.jdbc.schema-initialization.enabled=false). Outgoing mail (MailRequested) is stored here in
-- the transaction of the change and deleted once delivered. Unquoted upper-case names are folded to lower case
-- (DATABASE_TO_LOWER), the names Modulith queries.
CREATE TABLE IF NOT EXISTS EVENT_PUBLICATION
(
  ID                     UUID NOT NULL,
  COMPLETION_DATE        TIMESTAMP(9) WITH TIME ZONE,
  EVENT_TYPE             VARCHAR NOT NULL,
  LISTENER_ID            VARCHAR NOT NULL,
  PUBLICATION_DATE       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  SERIALIZED_EVENT       VARCHAR NOT NULL,
  STATUS                 VARCHAR,
  COMPLETION_ATTEMPTS    INT,
  LAST_RESUBMISSION_DATE TIMESTAMP(9) WITH TIME ZONE,
  CONSTRAINT event_publication_pkey PRIMARY KEY (ID)
);
CREATE INDEX IF NOT EXISTS EVENT_PUBLICATION_SERIALIZED_EVENT_HASH_IDX ON EVENT_PUBLICATION (SERIALIZED_EVENT);
CREATE INDEX IF NOT EXISTS EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX ON EVENT_PUBLICATION (COMPLETION_DATE);
