-- Issue 11's speed bar: the preview keeps the rows it checked, ready to write, so the commit only moves them into
-- student (V80) instead of reading and checking the file a second time. One row per row of the file the commit would
-- write, with the columns the importer writes to student and the same constraints, keyed by the import: only the
-- import's own runs read it, and its rows are deleted when the import is committed, discarded, fails or is checked
-- again (children's data does not linger here).
create table student_import_staged (
  source_import_id bigint not null,
  source_row int not null,
  -- the registered student of the campaign this row updates; null when the row is a new student
  student_id bigint,
  -- the registered students the row's keys matched at the preview ("id:kind:campaign:school:status", sorted), so
  -- the commit can tell in one query whether the registry changed for this row since
  match_key varchar(4000),
  campaign_id bigint not null,
  school_id bigint not null,
  unit_id bigint not null,
  full_name varchar(200) not null,
  name_folded varchar(200) not null,
  name_sort varchar(600),
  birth_date date not null,
  gender varchar(8) not null,
  personal_id_cipher varchar(120),
  personal_id_hash varchar(64),
  moet_code varchar(32),
  grade smallint not null,
  class_name varchar(20),
  home_unit_id bigint,
  address varchar(300),
  guardian_name varchar(200),
  guardian_phone varchar(20),
  categories varchar(500) not null,
  device_situation varchar(16) not null,
  connectivity varchar(16) not null,
  needs_device boolean not null,
  needs_sim boolean not null,
  needs_data boolean not null,
  needs_wifi boolean not null,
  notes varchar(1000),
  priority_score int not null,
  constraint student_import_staged_pkey primary key (source_import_id, source_row),
  constraint student_import_staged_import_fk foreign key (source_import_id)
    references student_import (id) on delete cascade
);

-- What the preview checked against (the campaign's categories, the uploader's schools, the communes, the remembered
-- meanings of free texts), as a digest: the commit uses the staged rows only while it is still the same.
alter table student_import add column checked_with varchar(64);
