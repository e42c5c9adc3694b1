-- How many rows the preview staged (student_import_staged, V210). The commit moves the staged rows only when exactly
-- that many are there: on PostgreSQL the staging table is unlogged (V281), so a database crash between the preview and
-- the commit empties it, and the commit must then check the file again rather than write nothing.
alter table student_import add column staged_count int;
