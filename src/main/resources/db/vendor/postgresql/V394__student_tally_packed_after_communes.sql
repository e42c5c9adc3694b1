-- The rows V393 left packed again with room for their new versions (fillfactor 50, V360), in a transaction of its own
-- so that CLUSTER drops the deleted rows (V391).
cluster student_tally using student_tally_pk;
