-- Why a person ignored a bank line (a transfer between the campaign's own accounts, a returned payment).
alter table bank_statement_line add column ignored_reason varchar(500);
-- Bank lines are looked up by import when reconciling a fresh import.
create index bank_line_import_ix on bank_statement_line (import_id);
create index ledger_campaign_booked_ix on ledger_entry (campaign_id, booked_on, id);
