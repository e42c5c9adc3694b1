-- Allocation promises a ready device to one student and handover gives it to them (issue 14). The holder is kept on the
-- item itself, so "one device, one student" is a property of one row that a conditional update can guard: two managers
-- approving overlapping plans at the same moment cannot both reserve it.
alter table inventory_item add column student_id bigint constraint fk_inventory_item_student references student (id);
-- the approved plan (or other act) that made the reservation, as allocation names it
alter table inventory_item add column reservation_ref varchar(64);
-- a device is held by a student exactly while it is reserved for them or in their hands
alter table inventory_item add constraint ck_inventory_item_holder check (
  (student_id is not null and status = any (array['RESERVED', 'HANDED_OVER']))
  or (student_id is null and not (status = any (array['RESERVED', 'HANDED_OVER']))));
create index inventory_item_student_ix on inventory_item (student_id);
