-- PostgreSQL packs student_tally again after V393; H2 has nothing to pack. The same comment keeps both vendors'
-- version histories alike.
comment on table student_tally is 'Students per campaign, place (schools and units above the commune), status and school level, and per category for the units, kept by StudentTallies';
