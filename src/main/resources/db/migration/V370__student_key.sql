-- Issue 14, the end-to-end bar: one narrow row per student, for other modules' foreign keys to point at. A foreign key
-- check share-locks the row it finds (FOR KEY SHARE), and the student row is wide: a national plan's 300,000 decisions
-- locked rows spread over a student table far larger than the buffer cache, about 5 s of the database's CPU per plan
-- (docs/benchmarks.md, "Allocation end to end"). The same guarantee against this table touches a few thousand pages.
-- The table is kept exactly one to one with student by the database itself (V371: triggers on insert, delete, truncate
-- and a change of id), so no write path of the student module can forget it; V372 fills it.
create table student_key (
  id bigint not null constraint student_key_pkey primary key
);
