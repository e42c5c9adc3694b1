-- Token buckets of the rate limits on public forms and APIs (Bucket4j's PostgreSQL "select for update" backend, which
-- H2 in PostgreSQL mode also runs). One row per limit and subject, shared by every application node.
--   id:         limit name, its numbers and a SHA-256 of the client address or email (never the address itself)
--   state:      Bucket4j's serialised bucket (null for the moment between the insert and the first update)
--   expires_at: epoch milliseconds after which the bucket is full again and the row may be deleted
create table rate_limit_bucket (
  id varchar(160) not null,
  state bytea,
  expires_at bigint,
  constraint rate_limit_bucket_pk primary key (id)
);
create index rate_limit_bucket_expires_ix on rate_limit_bucket (expires_at);
