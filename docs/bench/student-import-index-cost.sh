#!/bin/bash
# Cost of student's indexes for a commit of staged rows (docs/benchmarks.md, "Where the commit's database time goes").
# Needs a benchmark database after a StudentImportBenchmark run whose second preview left rows in student_import_staged:
#   psql -c "create table bench_staged as select * from student_import_staged; update bench_staged set student_id = null"
# then: student-import-index-cost.sh all ""; student-import-index-cost.sh notrgm "drop index student_name_words_trgm_ix;"
DB=${DB:-cungem_bench_import}
TMPL=$(mktemp); RUN=$(mktemp); export CPU_BEFORE=$(mktemp)
cat > "$TMPL" <<'SQL'
select pg_backend_pid() as pid \gset
\setenv PID :pid
begin;
__PRE__
\! awk '{print $14+$15}' /proc/$PID/stat > $CPU_BEFORE
\o /dev/null
select clock_timestamp() as t0 \gset
__SQL__
\o
\! echo "__LABEL__ cpu_ms=$(( ( $(awk '{print $14+$15}' /proc/$PID/stat) - $(cat $CPU_BEFORE) ) * 10 ))"
select '__LABEL__ wall_ms=' || round(extract(epoch from clock_timestamp() - :'t0') * 1000);
rollback;
SQL
label=$1; pre=$2; sql=${3:-}
cols='campaign_id, school_id, unit_id, full_name, name_folded, name_sort, birth_date, gender, personal_id_cipher, personal_id_hash, moet_code, grade, class_name, home_unit_id, address, guardian_name, guardian_phone, categories, device_situation, connectivity, needs_device, needs_sim, needs_data, needs_wifi, notes, priority_score, source_import_id, source_row'
[ -z "$sql" ] && sql="insert into student ($cols, status, created_at, updated_at, version) select $cols, 'REGISTERED', now(), now(), 0 from bench_staged order by source_row;"
python3 - "$label" "$pre" "$sql" "$TMPL" > $RUN <<'PY'
import sys
t=open(sys.argv[4]).read()
print(t.replace('__LABEL__',sys.argv[1]).replace('__PRE__',sys.argv[2]).replace('__SQL__',sys.argv[3]))
PY
psql -h 127.0.0.1 -U postgres $DB -qAt -f $RUN
psql -h 127.0.0.1 -U postgres $DB -qc "vacuum student"
