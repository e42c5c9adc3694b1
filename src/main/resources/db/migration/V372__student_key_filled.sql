-- The students registered before V370, now that V371's triggers keep the new ones.
insert into student_key (id)
select s.id from student s where not exists (select 1 from student_key k where k.id = s.id);
