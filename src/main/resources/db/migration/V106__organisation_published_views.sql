-- Organisation's published read model. Other modules name these views in their SQL (a campaign's area, a school's
-- students, an account's scope), never organisation's tables: organisation may reshape its tables as long as these
-- columns keep their meaning. Plain views, so PostgreSQL inlines them and the tables' indexes still serve every join.
-- Listed with their contract in docs/architecture.md ("Published views").
create view org_unit as
  select id, code, name, name_folded, name_sort, level_code, parent_id, retired_on from administrative_unit;

create view org_unit_tree as
  select ancestor_id, descendant_id, depth from unit_closure;

create view org_school as
  select id, moet_code, name, name_folded, name_sort, school_level, ownership, unit_id, address, retired_on from school;

create view org_partner as
  select id, name, name_folded, name_sort, kind, home_unit_id, retired_on from partner_organisation;
