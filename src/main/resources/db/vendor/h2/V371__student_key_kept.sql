-- H2's half of V371 (db/vendor/postgresql has the reasons): student_key follows student, one row each. H2 has no
-- procedural language nor transition tables, so the rule is a Java trigger fired for each row,
-- vn.cungem.student.internal.StudentKeyTrigger (H2 is the try-it-out and test database; the cost per row does not
-- matter there). H2 fires no trigger on TRUNCATE; student cannot be truncated on H2 anyway (foreign keys point at it).
create trigger student_key_insert after insert on student
  for each row call 'vn.cungem.student.internal.StudentKeyTrigger';
create trigger student_key_delete after delete on student
  for each row call 'vn.cungem.student.internal.StudentKeyTrigger';
create trigger student_key_id_fixed before update on student
  for each row call 'vn.cungem.student.internal.StudentKeyTrigger';
