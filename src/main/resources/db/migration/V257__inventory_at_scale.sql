-- Issues 13 and 15: the inventory's lists at national scale (300,000 items). Lists page by keyset (after an id, never
-- an offset), so each filter the pages offer has an index that yields its rows in id order; the counts the pages show
-- per status and type are kept in inventory_tally, in the same transaction as every change of an item's status, type
-- or unit, so a page reads a few dozen counter rows instead of counting the campaign.
drop index inventory_item_campaign_ix;
create index inventory_item_campaign_id_ix on inventory_item (campaign_id, id);
create index inventory_item_campaign_status_ix on inventory_item (campaign_id, status, id);
create index inventory_item_campaign_type_ix on inventory_item (campaign_id, item_type, status, id);
create index inventory_item_unit_id_ix on inventory_item (unit_id, campaign_id, id);
create index inventory_item_place_id_ix on inventory_item (place_id, id);
-- the workshop queue: devices of a unit waiting for a step, oldest first
create index inventory_item_status_unit_ix on inventory_item (status, unit_id, id);

create index inventory_connection_campaign_id_ix on inventory_connection (campaign_id, id);
create index inventory_connection_status_id_ix on inventory_connection (campaign_id, status, id);
create index inventory_connection_expiry_ix on inventory_connection (expires_on);

-- One row per campaign, unit (every unit above the item's unit too, so a unit's whole subtree is one row), type and
-- status: how many items are there.
create table inventory_tally (
  campaign_id bigint not null constraint inventory_tally_campaign_fk references campaign (id),
  unit_id bigint not null constraint inventory_tally_unit_fk references administrative_unit (id),
  item_type varchar(32) not null,
  status varchar(24) not null,
  items bigint not null,
  constraint inventory_tally_pkey primary key (campaign_id, unit_id, item_type, status),
  constraint inventory_tally_items_ck check (items >= 0)
);
