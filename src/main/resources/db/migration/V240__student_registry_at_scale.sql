-- The needs registry at national scale (issue 15): lists page by key instead of by offset, and the roll-up reads counts
-- kept up to date by every change instead of counting the campaign's rows on each view.

-- every writer sets the sort key; a null would break paging by name (a null compares as unknown)
update student set name_sort = name_folded where name_sort is null;
alter table student alter column name_sort set not null;

-- paging by name and by registration date within a campaign
create index student_campaign_name_ix on student (campaign_id, name_sort, id);
create index student_campaign_created_ix on student (campaign_id, created_at, id);

-- How many students of a campaign sit in one place (a unit, counting its whole subtree, or a school) per status, school
-- level and priority category. category '*' counts every student once; a row per category code counts the students
-- carrying that code (a child may carry several, so those rows do not add up to the '*' row). Kept in the transaction of
-- each registration, import, correction, decision and merge (StudentTallies); StudentTallies.differences recomputes
-- them from the rows and compares.
create table student_tally (
  campaign_id bigint not null,
  place_kind varchar(6) not null,
  place_id bigint not null,
  status varchar(16) not null,
  school_level varchar(32) not null,
  category varchar(64) not null,
  students bigint not null,
  constraint student_tally_pk primary key (campaign_id, place_kind, place_id, status, school_level, category),
  constraint student_tally_campaign_fk foreign key (campaign_id) references campaign (id),
  constraint student_tally_place_kind_ck check (place_kind = any (array['UNIT', 'SCHOOL'])),
  constraint student_tally_students_ck check (students >= 0)
);
