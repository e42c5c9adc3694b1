-- A partner is known by its name within its home unit: retrying a create finds it instead of adding a duplicate.
create unique index partner_home_unit_name_uq on partner_organisation (home_unit_id, name_folded);
create index school_level_ix on school (school_level);
