-- Name search matches the start of each word ("an" finds "An" and "Anh", not "Trần"): the trigram index is on the
-- name with a leading space, so '% an%' is answered by the trigrams of a word start and not by every "an" inside a word
-- (on the national data set: 1,011 candidates for "nguyen van an" instead of 25,557). It replaces V241's.
drop index if exists student_name_folded_trgm_ix;
create index if not exists student_name_words_trgm_ix on student using gin ((' ' || name_folded) gin_trgm_ops);

-- The list's status order (StudentListing's ListOrder.STATUS) as one ascending key, like the priority order's (V241):
-- without it a page sorted by status sorts the whole scope first (a province of 30,000 students: 0.8 s).
create index if not exists student_campaign_status_key_ix on student (campaign_id,
  (case status when 'REGISTERED' then 0 when 'RETURNED' then 1 when 'PROPOSED' then 2 when 'APPROVED' then 3
               when 'REJECTED' then 4 else 5 end),
  (-priority_score), (case device_situation when 'NONE' then 0 when 'BROKEN' then 1 else 2 end), grade, id);

-- "Schools that have not proposed" (RollUpCounts.notProposed): one small entry per school that has, so the roll-up of a
-- province looks up its schools here (12 ms on the national data set) instead of reading each school's counter rows.
create index if not exists student_tally_school_proposed_ix on student_tally (campaign_id, place_id)
  where place_kind = 'SCHOOL' and category = '*' and students > 0
    and status in ('PROPOSED', 'APPROVED', 'RETURNED', 'REJECTED');
