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
-- Written as "x = 'A' or x = 'B'", never "x in ('A', 'B')": H2 2.4 keeps the session that created an IN-list check
-- inside the constraint, and once that connection closes (the pool retires it) every insert fails with "Check
-- constraint invalid ... database has been closed". MigrationsPortabilityTests keeps IN lists out of checks.
alter table ledger_entry add constraint ck_ledger_entry_direction
  check (direction = 'CREDIT' or direction = 'DEBIT');
alter table ledger_entry add constraint ck_ledger_entry_reason
  check (reason = 'DONATION' or reason = 'PURCHASE' or reason = 'TRANSFER_OUT' or reason = 'TRANSFER_IN'
         or reason = 'BANK_FEE' or reason = 'CORRECTION');
-- Money in is a donation or a transfer in, money out a purchase, a transfer out or a bank fee; a correction goes
-- either way.
alter table ledger_entry add constraint ck_ledger_entry_reason_direction
  check (reason = 'CORRECTION'
         or (direction = 'CREDIT' and (reason = 'DONATION' or reason = 'TRANSFER_IN'))
         or (direction = 'DEBIT' and (reason = 'PURCHASE' or reason = 'TRANSFER_OUT' or reason = 'BANK_FEE')));
-- A correction, and only a correction, names the entry it corrects.
alter table ledger_entry add constraint ck_ledger_entry_correction
  check ((reason = 'CORRECTION' and corrects_entry_id is not null)
         or (reason <> 'CORRECTION' and corrects_entry_id is null));

alter table bank_statement_line add constraint ck_bank_statement_line_status
  check (status = 'UNMATCHED' or status = 'MATCHED' or status = 'IGNORED');
alter table bank_statement_line add constraint ck_bank_statement_line_match_method
  check (match_method = 'CODE' or match_method = 'AMOUNT_AND_NAME' or match_method = 'MANUAL'
         or match_method = 'AUTO_FEE');
-- Only a matched line pays a pledge.
alter table bank_statement_line add constraint ck_bank_statement_line_pledge_matched
  check (pledge_id is null or status = 'MATCHED');

alter table pledge add constraint ck_pledge_status
  check (status = 'PLEDGED' or status = 'PARTLY_RECEIVED' or status = 'RECEIVED' or status = 'CANCELLED');

alter table purchase add constraint ck_purchase_document_kind
  check (document_kind = 'QUOTE' or document_kind = 'INVOICE');
