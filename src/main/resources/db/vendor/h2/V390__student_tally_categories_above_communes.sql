-- The kept counts per category stay only for units above the commune (see the PostgreSQL version of this migration).
delete from student_tally
where category <> '*'
  and (place_kind = 'SCHOOL'
       or (place_kind = 'UNIT' and place_id in (select id from org_unit where level_code = 'commune')));
