#!/bin/sh
# Composition benchmark: SummaryComposer over the summaries real compilations wrote (docs/performance.md).
# Usage: lockgraph/compose-bench.sh [-n rounds] [realworld-dir]
#   realworld-dir: checker/realworld.sh's output (default checker/target/realworld), one
#   <artifactId>/classes per project; commons-dbcp2 composes with commons-pool2's summaries.
set -e
rounds=10
if [ "$1" = -n ]; then
  rounds=$2
  shift 2
fi
dir=$(cd "${1:-$(dirname "$0")/../checker/target/realworld}" && pwd)
cd "$(dirname "$0")"
mvn -B -q test-compile
set --
for project in "$dir"/*/classes; do
  if [ "$(basename "$(dirname "$project")")" = commons-dbcp2 ] && [ -d "$dir/commons-pool2/classes" ]; then
    project="$project:$dir/commons-pool2/classes"
  fi
  set -- "$@" "$project"
done
exec java -Xmx4g -cp target/classes:target/test-classes \
  dev.lockdep.lockgraph.bench.CompositionBenchmark -n "$rounds" "$@"
