-- What the preview says about the file's columns: header cells no column was read from (an unknown name, a column
-- given twice; one per line) and the template's columns the file lacks (column names, comma-separated). A school's
-- "Số điện thoại phụ huynh" column under an unknown name must not be lost without a word.
alter table student_import add column ignored_headers varchar(2000);
alter table student_import add column missing_columns varchar(500);
