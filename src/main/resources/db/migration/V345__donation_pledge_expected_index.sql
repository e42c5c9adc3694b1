-- Home pages (issue 12) count the pledges a campaign expects this week or today: an index that starts with the
-- campaign and the expected day, so the count reads the few rows of those days, never all the campaign's pledges.
create index pledge_expected_ix on pledge (campaign_id, expected_on);
