-- The donation lists at national scale (issue 15): pledges, statement lines and the ledger page by key, so a page is
-- one range of an index however deep it is. A statement import writes 100,000 lines and their ledger entries, so the
-- lines get one index more (not one per filter) and the ledger's booking index is widened, not doubled.

-- pledges newest first (by id), with or without a status filter; the status index gains the id it is read in
create index pledge_campaign_id_ix on pledge (campaign_id, id);
create index pledge_campaign_status_id_ix on pledge (campaign_id, status, id);
drop index pledge_campaign_ix;

-- statement lines in booking order; a status filter walks the same range and skips the other statuses (the unmatched
-- queue is the largest share that is filtered; bank_line_status_ix still serves counts and an import's lines)
create index bank_line_campaign_booked_ix on bank_statement_line (campaign_id, booked_on, id);

-- the ledger in booking order, with what the balance before a page sums, so that sum reads the index alone
create index ledger_campaign_booked_amount_ix on ledger_entry (campaign_id, booked_on, id, direction, amount_vnd);
drop index ledger_campaign_booked_ix;
