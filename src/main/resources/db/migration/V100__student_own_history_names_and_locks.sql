-- Issue 10: the student module reads and writes only its own tables.
-- Who changed a student's status is kept with the change (a copy of the account's name at that moment), so the
-- history no longer joins identity's user_account.
alter table student_status_change add column changed_by_name varchar(200);

-- One-time copy for the rows written before this column existed.
update student_status_change
   set changed_by_name = (select a.full_name from user_account a where a.id = student_status_change.account_id)
 where account_id is not null;

-- Student's own locks, keyed by campaign and purpose (one student import per campaign at a time), instead of the
-- campaign row, which other modules lock too.
create table student_lock (
  lock_key bigint not null,
  purpose varchar(32) not null,
  constraint student_lock_pk primary key (lock_key, purpose)
);
