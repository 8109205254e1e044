#!/usr/bin/env bash
# JMH microbenchmarks of the agent's hot Java parts (bench-jmh/): output decoders, tracker, counting, outbox append.
# Builds the module with the agent from this checkout, runs the benchmarks with short settings (one fork, 3 x 1 s
# warm-up, 5 x 1 s measured, average time in microseconds), prints JMH's table and writes bench-jmh/target/jmh.json.
# About 1.5 minutes on 2 cores. Extra arguments go to JMH and must not repeat the options set here (JMH rejects a
# repeated option): a benchmark regex such as 'Outbox', or '-prof gc'. Usage: bench/jmh.sh [JMH ARGS...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

machine() {
  echo "# $1: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load average $(uptime | sed 's/.*load average: //')"
}

# -am: the benchmarks measure this checkout's agent, not whatever snapshot another build installed in ~/.m2.
mvn -B -q -DskipTests -pl bench-jmh -am package >&2
echo >&2 # Maven 3.8 leaves colour-reset codes without a newline even with -B
machine start
# The outbox logs each store it creates at INFO; those lines would break up JMH's progress output.
FOOTFALL_LOG_LEVEL=WARN java -cp "bench-jmh/target/classes:$(cat bench-jmh/target/jmh.classpath)" org.openjdk.jmh.Main \
  -f 1 -wi 3 -w 1s -i 5 -r 1s -bm avgt -tu us \
  -rf json -rff bench-jmh/target/jmh.json "$@"
machine end
