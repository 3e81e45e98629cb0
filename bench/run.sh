#!/usr/bin/env bash
# One command for the LockdepCheck overhead table:
#   bench/run.sh [--runs N] [--warmup N] [--cold N] [--modes M,...] [--out FILE] [--check] [artifactId ...]
# Builds the checker's CLI jar only if it is missing, fetches the corpus (cached), compiles the
# driver and the tree-walk floor plugin, resolves Error Prone and NullAway (cached), runs the
# driver, prints the Markdown table and writes it to bench/results.md (or --out FILE).
# --modes: plain,processor,lockdep,lockdep-warm,lockdep-proc-none,floor,errorprone,nullaway (default all).
# --check compiles each project once with plain javac, to see that the corpus compiles.
set -euo pipefail

# The last Error Prone release that runs on JDK 17, and a NullAway release that runs with it.
ERROR_PRONE=com.google.errorprone:error_prone_core:2.42.0
NULLAWAY=com.uber.nullaway:nullaway:0.12.10

BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$BENCH")"
JAR="$ROOT/checker/target/lockdep-checker-0.1.0-SNAPSHOT-cli.jar"

runs=5
warmup=3
cold=3
modes=()
check=()
out="$BENCH/results.md"
projects=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --cold) cold="$2"; shift 2 ;;
    --modes) modes=(--modes "$2"); shift 2 ;;
    --out) out="$(realpath -m "$2")"; shift 2 ;;
    --check) check=(--check); shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
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

# The floor: a javac plugin that only walks the trees (src/floor), in a jar with its service entry,
# loaded from the processor path as javac loads any plugin.
FLOOR="$BENCH/work/tree-walk-floor.jar"
FLOOR_SRC="$BENCH/src/floor/TreeWalkFloor.java"
if [ ! -f "$FLOOR" ] || [ "$FLOOR_SRC" -nt "$FLOOR" ]; then
  classes="$BENCH/work/floor"
  rm -rf "$classes" && mkdir -p "$classes/META-INF/services"
  javac --add-exports jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED -d "$classes" "$FLOOR_SRC"
  echo TreeWalkFloor >"$classes/META-INF/services/com.sun.source.util.Plugin"
  rm -f "$FLOOR" && jar cf "$FLOOR" -C "$classes" .
fi

# Error Prone's processor path, and Error Prone's with NullAway's: resolved by Maven through a
# throwaway pom, again only when the coordinates change. Only if a mode needs them.
tools=()
if [ ${#check[@]} -eq 0 ] && { [ ${#modes[@]} -eq 0 ] || grep -qE 'errorprone|nullaway' <<<"${modes[1]}"; }; then
  # shellcheck source=maven.sh
  . "$BENCH/maven.sh"
  tool_classpath() {
    local name="$1" dir="$BENCH/work/tools/$1"
    shift
    if [ ! -f "$dir/classpath.txt" ] || [ "$(cat "$dir/coordinates" 2>/dev/null)" != "$*" ]; then
      echo "run.sh: resolving $*" >&2
      rm -rf "$dir" && mkdir -p "$dir"
      LOG="$dir/resolve.log"
      throwaway_classpath "$dir" "$name" runtime "$@"
      echo "$*" >"$dir/coordinates"
    fi
  }
  tool_classpath errorprone "$ERROR_PRONE"
  tool_classpath nullaway "$ERROR_PRONE" "$NULLAWAY"
  tools=(--errorprone-path "$(cat "$BENCH/work/tools/errorprone/classpath.txt")"
    --nullaway-path "$(cat "$BENCH/work/tools/nullaway/classpath.txt")")
fi

cd "$ROOT"
exec java -cp "$DRIVER" JavacOverhead --bench "$BENCH" --jar "$SNAPSHOT" --jar-built "$built" --runs "$runs" --warmup "$warmup" --cold "$cold" \
  --floor-jar "$FLOOR" "${tools[@]}" "${modes[@]}" --out "$out" "${check[@]}" "${projects[@]}"
