-- Name search by any part of the name without diacritics: a trigram index on the folded name serves
-- name_folded like '%nguyen van%' without reading the campaign's rows one by one.
create extension if not exists pg_trgm;
create index student_name_folded_trgm_ix on student using gin (name_folded gin_trgm_ops);

-- The list's priority order as one ascending key (StudentListing.PRIORITY_KEY), so a page after a given row is a range
-- of this index; it replaces the plain (campaign, score) index, which no query orders by any more.
create index student_campaign_priority_key_ix on student (campaign_id, (-priority_score),
  (case device_situation when 'NONE' then 0 when 'BROKEN' then 1 else 2 end), grade, id);
drop index student_campaign_priority_ix;
