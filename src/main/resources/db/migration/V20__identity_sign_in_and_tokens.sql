-- The bootstrap administrator's password is generated; the demo run prints a fresh one at every start until it is
-- changed, so the flag records whether a person has chosen it.
alter table user_account add column password_generated boolean default false not null;
-- Folded name (lower case, no diacritics) so "nguyen van a" finds "Nguyễn Văn A" in SQL; nullable because older rows
-- and plain SQL fixtures may lack it, and queries fall back to lower(full_name).
alter table user_account add column full_name_folded varchar(200);
alter table user_account add column email_verified_at timestamp with time zone;
create index user_account_folded_ix on user_account (full_name_folded);
create index user_account_school_ix on user_account (school_id);
create index user_account_partner_ix on user_account (partner_id);
create index user_account_team_ix on user_account (volunteer_team_id);
create index account_token_expiry_ix on account_token (expires_at);
create index account_token_account_ix on account_token (account_id);
create index api_token_account_ix on api_token (account_id);
create index sign_in_throttle_window_ix on sign_in_throttle (window_started_at);
create index volunteer_team_unit_ix on volunteer_team (unit_id);
