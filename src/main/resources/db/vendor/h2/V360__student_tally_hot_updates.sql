-- PostgreSQL lets the kept counts be updated in place here (HOT: the partial index no longer names `students`, and
-- pages keep room). H2 has neither; the same comment keeps both vendors' version histories alike.
comment on table student_tally is 'Students per campaign, place, status, school level and category, kept by StudentTallies';
