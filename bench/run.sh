#!/usr/bin/env bash
# One command for the LockdepCheck overhead table:
#   bench/run.sh [--runs N] [--warmup N] [--cold N] [--out FILE] [--check] [artifactId ...]
# Builds the checker's CLI jar only if it is missing, fetches the corpus (cached), compiles the
# driver, runs it, prints the Markdown table and writes it to bench/results.md (or --out FILE).
# --check compiles each project once with plain javac, to see that the corpus compiles.
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$BENCH")"
JAR="$ROOT/checker/target/lockdep-checker-0.1.0-SNAPSHOT-cli.jar"

runs=5
warmup=2
cold=3
check=()
out="$BENCH/results.md"
projects=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --cold) cold="$2"; shift 2 ;;
    --out) out="$(realpath -m "$2")"; shift 2 ;;
    --check) check=(--check); shift ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) projects+=("$1"); shift ;;
  esac
done

if [ ! -f "$JAR" ]; then
  echo "run.sh: $JAR missing, building the checker" >&2
  (cd "$ROOT" && mvn -B -q -DskipTests package)
fi

# Measure a snapshot: the checker is being rebuilt by others, and a jar replaced halfway through
# would mix two versions in one table (or break a running compilation).
mkdir -p "$BENCH/work"
SNAPSHOT="$BENCH/work/lockdep-checker-cli.jar"
cp "$JAR" "$SNAPSHOT"
built="$(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')"

"$BENCH/fetch.sh" "${projects[@]}"

# The driver is one source file; compiled once, since the source launcher would recompile it in
# every child JVM.
DRIVER="$BENCH/work/driver"
if [ ! -f "$DRIVER/JavacOverhead.class" ] || [ "$BENCH/src/JavacOverhead.java" -nt "$DRIVER/JavacOverhead.class" ]; then
  rm -rf "$DRIVER" && mkdir -p "$DRIVER"
  javac -d "$DRIVER" "$BENCH/src/JavacOverhead.java"
fi

cd "$ROOT"
exec java -cp "$DRIVER" JavacOverhead --bench "$BENCH" --jar "$SNAPSHOT" --jar-built "$built" --runs "$runs" --warmup "$warmup" --cold "$cold" \
  --out "$out" "${check[@]}" "${projects[@]}"
