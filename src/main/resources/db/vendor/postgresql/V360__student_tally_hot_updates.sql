-- Every decision and import moves thousands of counters in student_tally (one per place above each school × status ×
-- category). The partial index of V242 named `students` in its predicate, and a column in an index predicate counts
-- as indexed: no update of a counter could be HOT, so each one wrote a new entry into the six-column primary key too
-- (on the national data set: 152,909 updates, 0 HOT; a decision of 1,000 students spent about 30 % of its time on its
-- counters). The same lookup without `students` in the predicate (the query checks `students > 0` on the row, at most
-- four rows a school), and room on each page for the new versions, so counter updates stay on their page and leave
-- the indexes alone. Nothing else changes: the same keys, checks and answers.
drop index if exists student_tally_school_proposed_ix;
create index if not exists student_tally_school_sent_ix on student_tally (campaign_id, place_id)
  where place_kind = 'SCHOOL' and category = '*'
    and status in ('PROPOSED', 'APPROVED', 'RETURNED', 'REJECTED');
alter table student_tally set (fillfactor = 50);
-- the rows already there are rewritten with that room (the table is locked while it runs: seconds at national size)
cluster student_tally using student_tally_pk;
alter table student_proposing_school_tally set (fillfactor = 50);
