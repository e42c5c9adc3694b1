-- The money tables check their own references and coded values again (issue 10). V68 and V69 dropped the cash
-- ledger's four foreign keys and a statement line's pledge key to save about 2.5 s and 0.9 s on a 100,000-line
-- statement import, and left the references "kept by construction". A speed bar never justifies removing a
-- guarantee: the keys are back, named, and docs/benchmarks.md ("Bank statement reconciliation", 06/12/2026) records
-- what they cost. No index is added for them: pledges, statement lines, purchases, campaigns and ledger entries are
-- never deleted and their ids never change, so no check ever looks up the referencing side; an index there would only
-- be one more to fill on every import (a line's pledge has bank_line_pledge_ix, the ledger's bank line its unique key).
-- Runs on H2 (PostgreSQL mode) and PostgreSQL 15 alike.

alter table ledger_entry add constraint fk_ledger_entry_campaign_id
  foreign key (campaign_id) references campaign (id);
alter table ledger_entry add constraint fk_ledger_entry_pledge_id
  foreign key (pledge_id) references pledge (id);
alter table ledger_entry add constraint fk_ledger_entry_bank_line_id
  foreign key (bank_line_id) references bank_statement_line (id);
alter table ledger_entry add constraint fk_ledger_entry_corrects_entry_id
  foreign key (corrects_entry_id) references ledger_entry (id);
-- Never had a key (V60): a purchase's entry is written right after the purchase, in the same transaction.
alter table ledger_entry add constraint fk_ledger_entry_purchase_id
  foreign key (purchase_id) references purchase (id);

alter table bank_statement_line add constraint fk_bank_statement_line_pledge_id
  foreign key (pledge_id) references pledge (id);

-- Coded values, as the Java code writes them (CashLedger, BankStatements, Purchases, Reconciler, PledgeStatus).
-- Lists are written "x = any (array[...])", never "x in (...)" nor "x = 'A' or x = 'B'" (which H2 turns into an IN
-- list): H2 2.4 ties an IN-list check to the connection that created it, and once the pool retires that connection
-- every insert fails with "Check constraint invalid ... The database has been closed". MigrationsPortabilityTests.
alter table ledger_entry add constraint ck_ledger_entry_direction
  check (direction = any (array['CREDIT', 'DEBIT']));
alter table ledger_entry add constraint ck_ledger_entry_reason
  check (reason = any (array['DONATION', 'PURCHASE', 'TRANSFER_OUT', 'TRANSFER_IN', 'BANK_FEE', 'CORRECTION']));
-- Money in is a donation or a transfer in, money out a purchase, a transfer out or a bank fee; a correction goes
-- either way.
alter table ledger_entry add constraint ck_ledger_entry_reason_direction
  check (reason = 'CORRECTION'
         or (direction = 'CREDIT' and reason = any (array['DONATION', 'TRANSFER_IN']))
         or (direction = 'DEBIT' and reason = any (array['PURCHASE', 'TRANSFER_OUT', 'BANK_FEE'])));
-- A correction, and only a correction, names the entry it corrects.
alter table ledger_entry add constraint ck_ledger_entry_correction
  check ((reason = 'CORRECTION' and corrects_entry_id is not null)
         or (reason <> 'CORRECTION' and corrects_entry_id is null));

alter table bank_statement_line add constraint ck_bank_statement_line_status
  check (status = any (array['UNMATCHED', 'MATCHED', 'IGNORED']));
alter table bank_statement_line add constraint ck_bank_statement_line_match_method
  check (match_method = any (array['CODE', 'AMOUNT_AND_NAME', 'MANUAL', 'AUTO_FEE']));
-- Only a matched line pays a pledge.
alter table bank_statement_line add constraint ck_bank_statement_line_pledge_matched
  check (pledge_id is null or status = 'MATCHED');

alter table pledge add constraint ck_pledge_status
  check (status = any (array['PLEDGED', 'PARTLY_RECEIVED', 'RECEIVED', 'CANCELLED']));

alter table purchase add constraint ck_purchase_document_kind
  check (document_kind = any (array['QUOTE', 'INVOICE']));
