-- Sign-in back-off instead of a hard lock-out (security review, issue 9): each key of sign_in_throttle (a client
-- address, an account's email, or the pair) may be refused until blocked_until after repeated failures. The account
-- lock is gone: nothing sets user_account.locked_until any more, and no account stays locked across the upgrade.
alter table sign_in_throttle add column blocked_until timestamp with time zone;
update user_account set locked_until = null where locked_until is not null;
