-- Append-only, enforced by the database itself (issue 10): the cash ledger and the audit log refuse UPDATE, DELETE
-- and TRUNCATE for every role that writes through the application, whatever the code does. Until now the rule was
-- only a test scanning the source. The H2 half of this migration (db/vendor/h2) does the same with a Java trigger.
--
-- Statement lines are append-only for what the bank wrote: a line's campaign, import, fingerprint, date, reference,
-- amounts, balance and description never change, and a line is never deleted. Reconciliation's outcome is set once
-- afterwards, by design: a person matches an UNMATCHED line to a pledge, records it as an unpledged gift, posts it as
-- money out or ignores it with a reason (BankStatements.markLine), so status, pledge_id, match_method, matched_at and
-- ignored_reason may change while the line is UNMATCHED. A MATCHED or IGNORED line is final: its ledger entry exists,
-- and undoing it is a correction in the ledger, not an edit of the line.
--
-- A migration that must ever rewrite these rows drops the trigger first and creates it again, in the same migration.

create function refuse_update_or_delete() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op
    using errcode = 'integrity_constraint_violation',
          hint = coalesce(tg_argv[0], 'rows of this table are never changed or removed');
end
$$;

create trigger trg_ledger_entry_append_only before update or delete on ledger_entry
  for each row execute function refuse_update_or_delete('a correction is a new entry that points at the one it corrects');
create trigger trg_ledger_entry_no_truncate before truncate on ledger_entry
  for each statement execute function refuse_update_or_delete('a correction is a new entry that points at the one it corrects');

create trigger trg_audit_entry_append_only before update or delete on audit_entry
  for each row execute function refuse_update_or_delete('the audit log only grows');
create trigger trg_audit_entry_no_truncate before truncate on audit_entry
  for each statement execute function refuse_update_or_delete('the audit log only grows');

create function bank_statement_line_as_imported() returns trigger language plpgsql as $$
declare
  changed text;
begin
  if tg_op = 'DELETE' then
    raise exception 'bank_statement_line is append-only: DELETE refused'
      using errcode = 'integrity_constraint_violation',
            hint = 'a statement line stays as the bank exported it';
  end if;
  select string_agg(n.key, ', ' order by n.key) into changed
    from jsonb_each(to_jsonb(new)) n
   where n.key not in ('status', 'pledge_id', 'match_method', 'matched_at', 'ignored_reason')
     and n.value is distinct from (to_jsonb(old) -> n.key);
  if changed is not null then
    raise exception 'bank_statement_line is append-only: % of line % cannot change', changed, old.id
      using errcode = 'integrity_constraint_violation',
            hint = 'a statement line stays as the bank exported it';
  end if;
  if old.status <> 'UNMATCHED' then
    raise exception 'bank_statement_line is append-only: line % is % already, which is final', old.id, old.status
      using errcode = 'integrity_constraint_violation',
            hint = 'undo a handled line with a correction in the ledger';
  end if;
  return new;
end
$$;

create trigger trg_bank_statement_line_append_only before update or delete on bank_statement_line
  for each row execute function bank_statement_line_as_imported();
create trigger trg_bank_statement_line_no_truncate before truncate on bank_statement_line
  for each statement execute function refuse_update_or_delete('a statement line stays as the bank exported it');
