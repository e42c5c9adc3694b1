-- Folded (lower case, no diacritics) entity, actor and reason, written once with the row, so the log can be searched
-- with a plain LIKE as people type ("nguyen van" finds "Nguyễn Văn"). The row stays append-only.
alter table audit_entry add column search_folded varchar(2000);
create index audit_entry_actor_ix on audit_entry (actor_account_id);
