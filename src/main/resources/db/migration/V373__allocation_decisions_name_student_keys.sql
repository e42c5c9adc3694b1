-- Issue 14, the end-to-end bar (docs/allocation.md, "Plans stored"). A decision still cannot name a student who does
-- not exist, and a student a decision names still cannot be deleted: the foreign key now points at student_key
-- (V370), which the database keeps one to one with student, instead of the wide student row.
alter table allocation_assignment drop constraint allocation_assignment_student_fk;
alter table allocation_assignment add constraint allocation_assignment_student_fk
  foreign key (student_id) references student_key (id);

-- A plan is written over two connections at once (PlanWriter): its row is committed first as WRITING, its parts are
-- written, and one last transaction makes it a DRAFT. A WRITING plan is shown nowhere (pages, API, approval,
-- comparison) and removed with its parts if its write fails or its node stops; it has never been decided.
alter table allocation_plan drop constraint allocation_plan_status_ck;
alter table allocation_plan add constraint allocation_plan_status_ck
  check (status = any (array['WRITING', 'DRAFT', 'APPROVED', 'WITHDRAWN']));
alter table allocation_plan drop constraint allocation_plan_what_if_ck;
alter table allocation_plan add constraint allocation_plan_what_if_ck
  check (kind = 'PROPOSAL' or status = any (array['WRITING', 'DRAFT']));
alter table allocation_plan drop constraint allocation_plan_decided_ck;
alter table allocation_plan add constraint allocation_plan_decided_ck
  check ((status = any (array['WRITING', 'DRAFT'])) = (decided_at is null));
