-- Issue 9, finding 8: the duplicate check (personal id, MOET code, name and birth date) is counted per account, in the
-- database so that every node behind the load balancer sees the same count. One row per account: the start of its
-- current window and the checks made in it. No foreign key to user_account: that table is the identity module's.
create table student_check_throttle (
    account_id bigint not null,
    window_started_at timestamp with time zone not null,
    checks integer not null,
    constraint student_check_throttle_pk primary key (account_id),
    constraint student_check_throttle_checks_ck check (checks >= 0)
);
