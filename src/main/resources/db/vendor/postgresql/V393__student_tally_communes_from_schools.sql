-- A commune keeps no counter rows of its own: its counts are its schools' rows summed when read (a dozen schools), and
-- its students of one category are counted from their rows when a list asks (StudentTallies, Tallies.kept). Its rows
-- were about a third of the counters a decision across the country moved (docs/benchmarks.md, registry run 8).
delete from student_tally
where place_kind = 'UNIT' and place_id in (select id from org_unit where level_code = 'commune');
