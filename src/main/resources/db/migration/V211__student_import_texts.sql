-- Issue 11: the value-mapping step shows each distinct free text of a file once. The preview keeps them, as the file
-- writes them and with their number of rows, so the step does not read the whole file again at every visit; what
-- they mean is worked out again from these few texts with the campaign's current choices. Deleted with the import's
-- preview rows (discarded, failed, checked again).
create table student_import_text (
  import_id bigint not null,
  field varchar(20) not null,
  text_folded varchar(2000) not null,
  text_raw varchar(2000),
  first_row int not null,
  row_count int not null,
  constraint student_import_text_pkey primary key (import_id, field, text_folded),
  constraint student_import_text_import_fk foreign key (import_id) references student_import (id) on delete cascade,
  constraint student_import_text_field_ck
    check (field = any (array['CATEGORIES', 'DEVICE_SITUATION', 'CONNECTIVITY', 'NEEDS']))
);
