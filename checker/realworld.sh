#!/usr/bin/env bash
# Runs -Xplugin:LockdepCheck over real code: the sources jars of the projects of the benchmark
# corpus (bench/corpus.txt) from Maven Central, each compiled with its own compile classpath.
#   checker/realworld.sh            (from anywhere; builds the checker's CLI jar if it is missing)
# Findings are warnings (Severity=WARN), so every project compiles through. commons-dbcp2 is
# compiled with the summaries commons-pool2 wrote (its class output before the commons-pool2 jar
# on the class path), so cycles across the two libraries are found too. Per project, the
# warnings go to checker/target/realworld/<artifactId>.log and a line of figures is printed;
# the exit status is 1 if javac failed or the plugin reported an internal error.
# docs/realworld.md triages every finding.
set -euo pipefail

CHECKER="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$CHECKER")"
JAR="$CHECKER/target/lockdep-checker-0.1.0-SNAPSHOT-cli.jar"
OUT="$CHECKER/target/realworld"
# The artifactIds of bench/corpus.txt, in its order (commons-pool2 before commons-dbcp2).
mapfile -t PROJECTS < <(sed -e 's/#.*//' "$ROOT/bench/corpus.txt" | awk 'NF { split($1, c, ":"); print c[2] }')

if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && mvn -B -q -DskipTests package -pl checker -am)
fi
"$ROOT/bench/fetch.sh" "${PROJECTS[@]}" >/dev/null

rm -rf "$OUT"
mkdir -p "$OUT"
status=0
for a in "${PROJECTS[@]}"; do
  work="$ROOT/bench/work/$a"
  classes="$OUT/$a/classes"
  mkdir -p "$classes"
  classpath="$(cat "$work/classpath.txt")"
  if [ "$a" = commons-dbcp2 ]; then
    classpath="$OUT/commons-pool2/classes:$classpath"
  fi
  (cd "$work/src" && find . -name '*.java' ! -name module-info.java ! -path './META-INF/*' | sort) \
    | sed "s|^\./|$work/src/|" >"$OUT/$a/sources.txt"
  log="$OUT/$a.log"
  start=$(date +%s.%N)
  set +e
  javac -XDcompilePolicy=simple -proc:full -processorpath "$JAR" -Xplugin:"LockdepCheck Severity=WARN" \
    -Xmaxwarns 100000 -Xmaxerrs 100000 -encoding UTF-8 \
    -classpath "$classpath" -d "$classes" @"$OUT/$a/sources.txt" >"$log" 2>&1
  rc=$?
  set -e
  end=$(date +%s.%N)
  files=$(wc -l <"$OUT/$a/sources.txt")
  findings=$(grep -cE ': warning: \[(LockOrderInversion|RecursiveLocking|IrqSafeToUnsafe|InconsistentLockState|SleepInAtomicContext|UnbalancedUnlock|LockdepAnnotationMisuse)\]' "$log" || true)
  internal=$(grep -c '\[LockdepCheck\] internal error' "$log" || true)
  printf '%s: %d file(s), %d finding(s), %d internal error(s), javac exit %d, %.1f s\n' \
    "$a" "$files" "$findings" "$internal" "$rc" "$(echo "$end - $start" | bc)"
  grep -E ': warning: \[[A-Za-z]+\]' "$log" | sed "s|$work/src/||" || true
  if [ "$rc" -ne 0 ] || [ "$internal" -ne 0 ]; then
    status=1
  fi
done
exit $status
