-- PostgreSQL makes the staging table unlogged here (no WAL for a copy of the stored file). H2 has no such thing; the
-- same comment keeps both vendors' version histories alike.
comment on table student_import_staged is 'Rows a preview checked, ready for the commit; unlogged (a copy of the stored file)';
