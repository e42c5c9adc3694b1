-- Issue 10: donation's own locks, keyed by campaign and purpose (statement imports, matches and debits of one
-- campaign's money), instead of the campaign row, which the campaign and student modules use too.
create table donation_lock (
  lock_key bigint not null,
  purpose varchar(32) not null,
  constraint donation_lock_pk primary key (lock_key, purpose)
);
