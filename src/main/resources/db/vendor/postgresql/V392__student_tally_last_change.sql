-- Each change moves its counters in one insert … on conflict (PostgresTallyRows): the candidate row must pass
-- students >= 0 before PostgreSQL finds the conflict, so the delta travels in its own column, which the update adds and
-- leaves as the counter's last change. Not indexed, so the update stays HOT (V360). Nullable, no default: instant.
alter table student_tally add column last_change bigint;
comment on column student_tally.last_change is 'The last change added to students (negative when it went down)';
