-- Issue 14, storage of a plan split in two. The decisions (an item to a student, at most about 300,000 a national plan)
-- are rows with real foreign keys to the student and the item: a plan can never name a student or an item that does
-- not exist. The notes (students left out or sharing a sibling's device, items left unused: about 700,000 a national
-- plan) are kept compactly, one row per plan x school x sort of note holding the school's notes in rank order as
-- bytes, so a review page decodes the one school it shows and nothing else. allocation_line (V270) held both, a
-- million rows with no foreign key; its content is not carried over (the notes cannot be rebuilt in SQL): plans made
-- before this version keep their header, quotas and changes, and a draft among them is re-run.
drop table allocation_line;

create table allocation_assignment (
  plan_id bigint not null constraint allocation_assignment_plan_fk references allocation_plan (id),
  item_id bigint not null constraint allocation_assignment_item_fk references inventory_item (id),
  student_id bigint not null constraint allocation_assignment_student_fk references student (id),
  -- the decision's place in the engine's order (district, then rank): the review pages list in this order
  line int not null,
  item_tag varchar(16) not null,
  -- true: the student's device; false: the SIM or Wi-Fi device that goes with it
  device boolean not null,
  kind varchar(16) not null,
  reason varchar(32) not null,
  district_id bigint not null,
  unit_id bigint not null,
  school_id bigint,
  rank int not null,
  distance varchar(16),
  missed varchar(16),
  school_level varchar(16),
  pool_devices int not null,
  change_id bigint constraint allocation_assignment_change_fk references allocation_change (id),
  -- the engine's invariants, kept by the database: an item once per plan, a student at most one device and one
  -- connectivity item per plan
  constraint allocation_assignment_pkey primary key (plan_id, item_id),
  constraint allocation_assignment_student_uq unique (plan_id, student_id, device),
  constraint allocation_assignment_kind_ck
    check (kind = any (array['LAPTOP', 'DESKTOP_SET', 'TABLET', 'SMARTPHONE', 'SIM_4G', 'WIFI_DEVICE'])),
  constraint allocation_assignment_device_ck
    check (device = (kind = any (array['LAPTOP', 'DESKTOP_SET', 'TABLET', 'SMARTPHONE']))),
  constraint allocation_assignment_reason_ck
    check (reason = any (array['SERVED', 'SERVED_FALLBACK', 'CONNECTIVITY', 'MANUAL'])),
  constraint allocation_assignment_manual_ck check ((reason = 'MANUAL') = (change_id is not null)),
  constraint allocation_assignment_rank_ck check (rank >= 0 and pool_devices >= 0 and line > 0)
);
create index allocation_assignment_unit_ix on allocation_assignment (plan_id, unit_id, line);

-- One school's notes of one sort in a plan (school_id null: items waiting at a workshop or collection point of the
-- unit). notes: note_count entries in the order shown, encoded by the allocation module (PlanNotes); min_id/max_id
-- bound the student (or item) ids inside, so finding one student's note decodes only the blocks that may hold it.
create table allocation_note_block (
  plan_id bigint not null constraint allocation_note_block_plan_fk references allocation_plan (id),
  block int not null,
  category varchar(16) not null,
  district_id bigint not null,
  unit_id bigint not null,
  school_id bigint,
  first_line int not null,
  note_count int not null,
  min_id bigint not null,
  max_id bigint not null,
  notes bytea not null,
  constraint allocation_note_block_pkey primary key (plan_id, block),
  constraint allocation_note_block_category_ck check (category = any (array['LEFT_OUT', 'SIBLING', 'NO_CONNECTIVITY', 'UNUSED'])),
  constraint allocation_note_block_count_ck check (note_count > 0 and min_id <= max_id and first_line > 0)
);
create index allocation_note_block_unit_ix on allocation_note_block (plan_id, unit_id, block);

-- Withdrawing an approved plan (its reservations released in inventory): who, when and why.
alter table allocation_plan add column withdrawn_by_account_id bigint;
alter table allocation_plan add column withdrawn_by_name varchar(200);
alter table allocation_plan add column withdrawn_at timestamp with time zone;
alter table allocation_plan add column withdrawal_reason varchar(500);
alter table allocation_plan add constraint allocation_plan_withdrawn_ck
  check ((status = 'WITHDRAWN') = (withdrawn_at is not null and withdrawal_reason is not null));
