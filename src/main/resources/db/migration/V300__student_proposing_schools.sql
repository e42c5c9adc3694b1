-- How many schools of a campaign have sent their list, per unit (counting its whole subtree) and school level: a school
-- counts once it has a student proposed, approved, returned or rejected. The roll-up's "schools that have not
-- proposed" is then the area's schools less these counts (a few rows) instead of every school of the area read against
-- student_tally (40,000 at national level). Kept by StudentTallies in the transaction that flips a school (its first
-- student proposed, its last withdrawn); StudentTallies.differences recomputes it.
create table student_proposing_school_tally (
  campaign_id bigint not null,
  unit_id bigint not null,
  school_level varchar(32) not null,
  schools bigint not null,
  constraint student_proposing_school_tally_pkey primary key (campaign_id, unit_id, school_level),
  constraint student_proposing_school_tally_campaign_fk foreign key (campaign_id) references campaign (id),
  constraint student_proposing_school_tally_schools_ck check (schools >= 0)
);

insert into student_proposing_school_tally (campaign_id, unit_id, school_level, schools)
select p.campaign_id, t.ancestor_id, p.school_level, count(*)
from (select campaign_id, place_id, school_level
      from student_tally
      where place_kind = 'SCHOOL' and category = '*' and status in ('PROPOSED', 'APPROVED', 'RETURNED', 'REJECTED')
      group by campaign_id, place_id, school_level
      having sum(students) > 0) p
join org_school sc on sc.id = p.place_id
join org_unit_tree t on t.descendant_id = sc.unit_id
group by p.campaign_id, t.ancestor_id, p.school_level;
