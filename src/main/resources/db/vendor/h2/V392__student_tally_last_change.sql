-- See the PostgreSQL version: the column exists on both so the schemas stay alike; H2's merge does not need it.
alter table student_tally add column last_change bigint;
comment on column student_tally.last_change is 'The last change added to students (negative when it went down)';
