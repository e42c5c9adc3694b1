-- student_key (V370) follows student, one row each, whatever writes the students (a form, the import's insert ... select
-- or COPY, a merge that inserts, the generator). Statement-level triggers with transition tables: an import of 100,000
-- students pays one insert ... select into the narrow table, not 100,000 row triggers.
create function student_key_add() returns trigger language plpgsql as $$
begin
  insert into student_key (id) select id from student_key_added;
  return null;
end $$;
create trigger student_key_insert after insert on student
  referencing new table as student_key_added for each statement execute function student_key_add();

-- A student named by another module's row (an allocation decision) cannot be deleted: the key's foreign keys refuse
-- this delete, and with it the student's.
create function student_key_remove() returns trigger language plpgsql as $$
begin
  delete from student_key k using student_key_removed r where k.id = r.id;
  return null;
end $$;
create trigger student_key_delete after delete on student
  referencing old table as student_key_removed for each statement execute function student_key_remove();

create function student_key_clear() returns trigger language plpgsql as $$
begin
  delete from student_key;
  return null;
end $$;
create trigger student_key_truncate after truncate on student
  for each statement execute function student_key_clear();

-- Ids are generated and never change; a change would leave the key behind, so it is refused. Only an update that
-- names the id column fires this (no cost for the registry's updates).
create function student_key_id_fixed() returns trigger language plpgsql as $$
begin
  raise exception 'Mã học sinh không thay đổi được (student id % cannot change)', old.id using errcode = '23000';
end $$;
create trigger student_key_id_fixed before update of id on student
  for each row when (old.id is distinct from new.id) execute function student_key_id_fixed();
