-- Append-only, enforced by the database itself (issue 10): H2's half of V99 (db/vendor/postgresql has the reasons in
-- full). H2 has no procedural language, so the rule is a Java trigger, vn.cungem.shared.jdbc.H2AppendOnlyTrigger:
-- UPDATE and DELETE of a ledger entry or an audit entry are refused; a statement line is never deleted, what the bank
-- wrote never changes, and reconciliation's outcome (status, pledge_id, match_method, matched_at, ignored_reason) is
-- set once, while the line is UNMATCHED.
--
-- H2 fires no trigger on TRUNCATE. ledger_entry and bank_statement_line cannot be truncated on H2 anyway (foreign
-- keys point at them); audit_entry can. H2 is the try-it-out and test database; production runs on PostgreSQL
-- (ProductionDatabaseGuard), where TRUNCATE is refused too.

create trigger trg_ledger_entry_append_only before update, delete on ledger_entry
  for each row call 'vn.cungem.shared.jdbc.H2AppendOnlyTrigger';
create trigger trg_audit_entry_append_only before update, delete on audit_entry
  for each row call 'vn.cungem.shared.jdbc.H2AppendOnlyTrigger';
create trigger trg_bank_statement_line_append_only before update, delete on bank_statement_line
  for each row call 'vn.cungem.shared.jdbc.H2AppendOnlyTrigger';
