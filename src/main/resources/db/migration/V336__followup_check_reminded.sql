-- Issue 14: the school officers are reminded by mail once per check when it falls due; reminded_at records that the
-- reminder went (set in the transaction that asks for the mail), so the daily job never writes about a check twice.
alter table followup_check add column reminded_at timestamp with time zone;
