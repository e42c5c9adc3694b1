#!/bin/bash
# Every national-scale benchmark of a round, one after another, on an idle machine (nothing else running).
# Needs the generator's national data set in cungem_national and a copy of it for the allocation benchmark, which
# approves the campaign's students and adds ready stock (docs/benchmarks.md, "Needs registry at national scale"):
#   createdb -h 127.0.0.1 -U postgres cungem_national   # then the generator command of that section
#   createdb -h 127.0.0.1 -U postgres -T cungem_national cungem_alloc_idle
# Logs go to target/bench/<name>.log; each benchmark prints its own table.
set -u
cd "$(dirname "$0")/../.."
mkdir -p target/bench
export CUNGEM_TEST_DB_USER=postgres CUNGEM_TEST_DB_PASSWORD=
run() {
  local name=$1; shift
  echo "$(date -u +'%F %T') start $name; $(uptime)"
  "$@" > "target/bench/$name.log" 2>&1
  echo "$(date -u +'%F %T') end $name (exit $?); $(uptime)"
}
psql -h 127.0.0.1 -U postgres -d cungem_national -qc "vacuum analyze"
CUNGEM_TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/cungem_national \
  run registry ./mvnw -B -q -o -Dspotless.check.skip=true test -Dtest=RegistryBenchmark -Dbench=true
CUNGEM_TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/cungem_national \
  run inventory ./mvnw -B -q -o -Dspotless.check.skip=true test -Dtest=InventoryBenchmark -Dbench=true
CUNGEM_TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/cungem_alloc_idle \
  run allocation ./mvnw -B -q -o -Dspotless.check.skip=true test -Dtest=AllocationEndToEndBenchmark -Dbench=true
psql -h 127.0.0.1 -U postgres -qc 'drop database if exists cungem_bench_import' -c 'create database cungem_bench_import'
MAVEN_OPTS=-Xmx512m CUNGEM_TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/cungem_bench_import \
  run import ./mvnw -B -q -o -Dspotless.check.skip=true test -Dtest=StudentImportBenchmark -Dbench=true -DforkCount=0
