#!/usr/bin/env bash
# Resolves each corpus project's sources jar and compile classpath with Maven only, into
#   bench/work/<artifactId>/src            the unpacked sources jar
#   bench/work/<artifactId>/classpath.txt  the compile classpath, one path-separated line
# Usage: bench/fetch.sh [artifactId ...]   (no names: every project in corpus.txt)
#
# Cached: a project is fetched again only when its corpus line changes (bench/work/<a>/corpus.line).
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
WORK="$BENCH/work"
# shellcheck source=maven.sh
. "$BENCH/maven.sh"

mkdir -p "$WORK"

# Prints the corpus lines (comments stripped) of the projects asked for.
corpus_lines() {
  sed -e 's/#.*//' -e 's/[[:space:]]*$//' "$BENCH/corpus.txt" | grep -v '^[[:space:]]*$' |
    while read -r coord rest; do
      local artifact
      artifact="$(cut -d: -f2 <<<"$coord")"
      if [ $# -eq 0 ] || printf '%s\n' "$@" | grep -qx "$artifact"; then
        echo "$coord $rest"
      fi
    done
}

fetch_one() {
  local line="$1" coord rest g a v dir
  read -r coord rest <<<"$line"
  IFS=: read -r g a v <<<"$coord"
  dir="$WORK/$a"
  if [ -f "$dir/corpus.line" ] && [ "$(cat "$dir/corpus.line")" = "$line" ] &&
     [ -f "$dir/classpath.txt" ] && [ -d "$dir/src" ]; then
    echo "fetch: $a cached"
    return
  fi
  echo "fetch: $coord"
  rm -rf "$dir"
  mkdir -p "$dir/download" "$dir/project" "$dir/extra"
  LOG="$dir/fetch.log"

  # The sources jar and the project's own pom, straight from the repository.
  mvn_logged "$DEP_PLUGIN:copy" -Dartifact="$g:$a:$v:jar:sources" \
    -DoutputDirectory="$dir/download" -Dmdep.stripVersion=true
  mvn_logged "$DEP_PLUGIN:copy" -Dartifact="$g:$a:$v:pom" \
    -DoutputDirectory="$dir/download" -Dmdep.stripVersion=true
  mkdir -p "$dir/src"
  (cd "$dir/src" && unzip -q -o "$dir/download/$a-sources.jar")

  # The project's own pom as the project: its direct dependencies of every non-test scope
  # (compile, provided, system, optional ones too) with their transitive compile dependencies.
  # A throwaway pom that merely depended on the artifact would miss provided and optional ones,
  # which the sources need to compile.
  cp "$dir/download/$a.pom" "$dir/project/pom.xml"
  local cp_file="$dir/project/classpath.txt"
  (cd "$dir/project" && mvn_logged "$DEP_PLUGIN:build-classpath" \
    -DincludeScope=compile -Dmdep.outputFile="$cp_file")
  local classpath
  classpath="$(cat "$cp_file" 2>/dev/null || true)"

  # Extra dependencies (dep=) that the published pom does not declare, through a generated pom.
  local extra=() word
  for word in $rest; do
    case "$word" in
      dep=*) extra+=("${word#dep=}") ;;
    esac
  done
  if [ ${#extra[@]} -gt 0 ]; then
    throwaway_classpath "$dir/extra" "$a-extra" compile "${extra[@]}"
    classpath="${classpath:+$classpath:}$(cat "$dir/extra/classpath.txt")"
  fi

  printf '%s\n' "$classpath" >"$dir/classpath.txt"
  printf '%s\n' "$line" >"$dir/corpus.line"
}

status=0
mapfile -t lines < <(corpus_lines "$@")
if [ ${#lines[@]} -eq 0 ]; then
  echo "fetch: no corpus project matches: $*" >&2
  exit 2
fi
for line in "${lines[@]}"; do
  if ! fetch_one "$line"; then
    echo "fetch: FAILED: $line" >&2
    status=1
  fi
done
exit $status
