-- PostgreSQL replaces its name trigram index here; H2 has none (see V241). The kept counts are described instead, so
-- both vendors have the same version history.
comment on table student_tally is 'Students per campaign, place, status, school level and category, kept by StudentTallies';
