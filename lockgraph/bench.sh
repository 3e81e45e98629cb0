#!/bin/sh
# Graph engine benchmark: merge + every check on generated graphs (docs/performance.md).
# Usage: lockgraph/bench.sh [edges...]   (default: 100000 1000000 4000000)
set -e
cd "$(dirname "$0")"
mvn -B -q test-compile
exec java -Xmx6g -cp target/classes:target/test-classes \
  dev.lockdep.lockgraph.bench.GraphBenchmark "$@"
