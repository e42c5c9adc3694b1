-- Vietnamese dictionary order for name lists (a ă â b c d đ e ê …, tones secondary), which neither name_folded nor
-- the database collation gives: VietnameseText.sortKey writes a hex key whose plain order is that collation.
-- Nullable: rows are filled by V51 and by every writer; lists put a missing key last and break ties by id.
alter table administrative_unit add column name_sort varchar(600);
alter table school add column name_sort varchar(600);
alter table partner_organisation add column name_sort varchar(600);
alter table campaign add column name_sort varchar(600);
alter table user_account add column full_name_sort varchar(600);
alter table volunteer_team add column name_sort varchar(600);

-- Unit lists are the children of one parent; school lists are mostly one district/commune; both order by name.
create index administrative_unit_parent_sort_ix on administrative_unit (parent_id, name_sort);
create index administrative_unit_sort_ix on administrative_unit (name_sort);
create index school_unit_sort_ix on school (unit_id, name_sort);
create index school_sort_ix on school (name_sort);
create index partner_sort_ix on partner_organisation (name_sort);
create index campaign_sort_ix on campaign (name_sort);
create index user_account_sort_ix on user_account (full_name_sort);
