-- PostgreSQL packs student_tally again after V390; H2 has nothing to pack. The same comment keeps both vendors'
-- version histories alike.
comment on table student_tally is 'Students per campaign, place, status and school level, and per category above the commune, kept by StudentTallies';
