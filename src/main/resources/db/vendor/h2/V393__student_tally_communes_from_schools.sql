-- A commune keeps no counter rows of its own (see the PostgreSQL version of this migration).
delete from student_tally
where place_kind = 'UNIT' and place_id in (select id from org_unit where level_code = 'commune');
