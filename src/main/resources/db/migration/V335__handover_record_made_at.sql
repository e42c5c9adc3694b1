-- Issue 14: a record made on a phone without signal is dated when it was made there, not when it reached the server.
-- made_at is the phone's time (checked against the server's clock and the batch when it arrives); created_at stays the
-- moment the server received it, which the record shows when the two differ.
alter table handover_record add column made_at timestamp with time zone;
update handover_record set made_at = created_at;
alter table handover_record alter column made_at set not null;
