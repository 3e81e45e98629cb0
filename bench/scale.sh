#!/usr/bin/env bash
# The scale curve of docs/performance.md: a generated program (bench/scale/GenerateProgram.java)
# of 625, 1250, 2500 and 5000 classes (ten methods each), compiled in one fresh javac per size and
# mode, plain and with the plugin; prints wall time and peak memory per size.
#   bench/scale.sh [SIZES...]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/checker/target/lockdep-checker-0.1.0-SNAPSHOT-cli.jar
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
WORK=$ROOT/bench/work/scale
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(625 1250 2500 5000)
printf '| classes | methods | plain javac | with LockdepCheck | ratio | added | peak memory plain | peak memory with the plugin |\n'
printf '|--:|--:|--:|--:|--:|--:|--:|--:|\n'
for n in "${SIZES[@]}"; do
  src=$WORK/$n/src
  rm -rf "$WORK/$n"; mkdir -p "$src"
  java "$ROOT/bench/scale/GenerateProgram.java" "$src" "$n"
  find "$src" -name '*.java' | sort > "$WORK/$n/sources.txt"
  run() {
    local out=$WORK/$n/$1; rm -rf "$out"; mkdir -p "$out"; shift
    /usr/bin/time -f '%e %M' -o "$WORK/$n/time" javac -J-Xss8m -J-Xmx8g -XDcompilePolicy=simple -proc:full "$@" \
      -Xmaxwarns 100000 -d "$out" @"$WORK/$n/sources.txt" > "$WORK/$n/log" 2>&1
    cat "$WORK/$n/time"
  }
  read -r plain plainMem < <(run plain -proc:none)
  read -r plugin pluginMem < <(run plugin -processorpath "$JAR" "-Xplugin:LockdepCheck Severity=WARN")
  printf '| %d | %d | %.1f s | %.1f s | %.2fx | %.1f s | %d MB | %d MB |\n' "$n" $((n * 10)) "$plain" "$plugin" \
    "$(echo "$plugin / $plain" | bc -l)" "$(echo "$plugin - $plain" | bc -l)" $((plainMem / 1024)) $((pluginMem / 1024))
done
