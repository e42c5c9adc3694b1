-- The kept counts per category stay only for units above the commune (StudentTallies, Tallies.keepsCategories): a
-- school's or a commune's students of one category are a few hundred rows, counted when a list asks. Kept, they were
-- three quarters of the national campaign's 988,888 counter rows and of the rows each decision moved (a decision of
-- 1,000 students across the country moved about 9,400). The counts per status (category '*') stay at every place.
delete from student_tally
where category <> '*'
  and (place_kind = 'SCHOOL'
       or (place_kind = 'UNIT' and place_id in (select id from org_unit where level_code = 'commune')));
