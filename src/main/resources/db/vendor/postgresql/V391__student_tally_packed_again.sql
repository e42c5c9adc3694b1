-- The rows V390 left are packed again with room for their new versions (fillfactor 50, V360): seconds at national
-- size. Its own migration, so its own transaction: rows deleted in the same transaction are still kept by CLUSTER.
cluster student_tally using student_tally_pk;
