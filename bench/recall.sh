#!/usr/bin/env bash
# Recall harness: compiles the full published sources of libraries at versions that shipped a
# known deadlock, with LockdepCheck on, and says for each whether the deadlock's cycle is reported.
#   bench/recall.sh [--fetch-only] [name ...]   (no names: every entry of bench/recall/deadlocks.txt)
# Env: JAR  the checker's CLI jar (default checker/target/lockdep-checker-0.1.0-SNAPSHOT-cli.jar);
#           it is copied to bench/recall/work/cli.jar first, so a rebuild halfway does not mix jars.
# Per entry, in bench/recall/work/<name>/: src/ (the unpacked sources jars), classpath.txt,
# sources.txt, classes/, javac.log. Fetching is cached: done again only when the entry's
# artifacts or dependencies change (fetch.key).
# Prints one line per entry (name, files, findings, javac exit code, seconds, REPORTED/MISSED)
# and "N of M reported". Exits 1 only if javac crashed, the plugin reported an internal error or
# Maven could not fetch an entry; a MISSED deadlock is a result, not a failure. javac errors in
# the library sources (exit 1) are flagged on stderr.
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$BENCH")"
RECALL="$BENCH/recall"
WORK="$RECALL/work"
LIST="$RECALL/deadlocks.txt"
JAR="${JAR:-$ROOT/checker/target/lockdep-checker-0.1.0-SNAPSHOT-cli.jar}"
# shellcheck source=maven.sh
. "$BENCH/maven.sh"

FINDING='warning: \[(LockOrderInversion|RecursiveLocking|IrqSafeToUnsafe|InconsistentLockState|SleepInAtomicContext|UnbalancedUnlock)\]'

if [ ! -f "$JAR" ]; then
  echo "recall: $JAR missing (build the checker, or set JAR)" >&2
  exit 2
fi
mkdir -p "$WORK"
SNAPSHOT="$WORK/cli.jar"
cp "$JAR" "$SNAPSHOT"

trim() { sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' <<<"$1"; }

# Splits an entry line into the global arrays F (fields, trimmed) on " | ".
split_fields() {
  local rest="$1" f
  F=()
  while [[ "$rest" == *" | "* ]]; do
    f="${rest%%" | "*}"
    F+=("$(trim "$f")")
    rest="${rest#*" | "}"
  done
  F+=("$(trim "$rest")")
}

# The entry lines asked for (comments and blank lines dropped).
entry_lines() {
  grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$LIST" | while IFS= read -r line; do
    local name
    name="$(trim "${line%%" | "*}")"
    if [ $# -eq 0 ] || printf '%s\n' "$@" | grep -qxF "$name"; then
      printf '%s\n' "$line"
    fi
  done
}

# extra_classpath DIR NAME dep=G:A:V|jar=G:A:V ... : the class path Maven resolves for the
# extra dependencies (dep= with its transitive compile dependencies, jar= the jar alone), through
# a generated pom DIR/pom.xml, into DIR/classpath.txt.
extra_classpath() {
  local dir="$1" name="$2" word coord g a v
  shift 2
  mkdir -p "$dir"
  {
    echo '<project xmlns="http://maven.apache.org/POM/4.0.0">'
    echo '  <modelVersion>4.0.0</modelVersion>'
    echo "  <groupId>bench.recall</groupId><artifactId>$name</artifactId><version>0</version>"
    echo '  <dependencies>'
    for word in "$@"; do
      coord="${word#*=}"
      IFS=: read -r g a v <<<"$coord"
      printf '    <dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>' "$g" "$a" "$v"
      case "$word" in
        jar=*) printf '<exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions>' ;;
      esac
      echo '</dependency>'
    done
    echo '  </dependencies>'
    echo '</project>'
  } >"$dir/pom.xml"
  (cd "$dir" && mvn_logged "$DEP_PLUGIN:build-classpath" -DincludeScope=compile -Dmdep.outputFile="$dir/classpath.txt")
}

# fetch NAME "ARTIFACTS" OPTION... : sources jars unpacked into src/, compile class path into
# classpath.txt (each artifact's own pom, dependencies of every non-test scope, plus dep= ones,
# less the artifacts compiled from source).
fetch() {
  local name="$1" artifacts="$2" dir="$WORK/$1" key coord g a v word
  shift 2
  local deps=() pomdrops=()
  for word in "$@"; do
    case "$word" in
      dep=*|jar=*) deps+=("$word") ;;
      pomdrop=*) pomdrops+=("${word#pomdrop=}") ;;
    esac
  done
  key="$artifacts ${deps[*]:-} ${pomdrops[*]:-}"
  if [ -f "$dir/fetch.key" ] && [ "$(cat "$dir/fetch.key")" = "$key" ] &&
     [ -f "$dir/classpath.txt" ] && [ -d "$dir/src" ]; then
    return
  fi
  echo "recall: fetching $name ($artifacts)" >&2
  rm -rf "$dir"
  mkdir -p "$dir/download" "$dir/src"
  LOG="$dir/fetch.log"
  local classpath="" own=()
  for coord in $artifacts; do
    IFS=: read -r g a v <<<"$coord"
    own+=("/${g//.//}/$a/$v/$a-$v.jar")
    # (from a folder without a pom, so that Maven does not read this repository's)
    (cd "$dir/download" &&
      mvn_logged "$DEP_PLUGIN:copy" -Dartifact="$g:$a:$v:jar:sources" \
        -DoutputDirectory="$dir/download" -Dmdep.stripVersion=true &&
      mvn_logged "$DEP_PLUGIN:copy" -Dartifact="$g:$a:$v:pom" \
        -DoutputDirectory="$dir/download" -Dmdep.stripVersion=true) || return 1
    (cd "$dir/src" && unzip -q -o "$dir/download/$a-sources.jar") || return 1
    # The artifact's own pom as the project: its direct dependencies of every non-test scope
    # (compile, provided, system, optional ones too) with their transitive compile dependencies.
    # pomdrop=G:A removes a dependency the pom declares that Maven Central does not have.
    local pdir="$dir/pom-$a" drop dg da
    mkdir -p "$pdir"
    # Maven 3 refuses the distributionManagement <status> that some old poms carry; test
    # dependencies are dropped, since build-classpath resolves them too and some are not on Central.
    sed 's|<status>[^<]*</status>||' "$dir/download/$a.pom" >"$pdir/pom.xml"
    perl -0pi -e 's{<dependency>(?:(?!</dependency>).)*?<scope>\s*test\s*</scope>.*?</dependency>}{}gs' "$pdir/pom.xml"
    # An Eclipse bundle built with Tycho (packaging eclipse-plugin, the tycho-maven-plugin as a
    # build extension) cannot be read as a plain project; its class path does not need the build.
    if grep -q '<packaging>eclipse-plugin</packaging>' "$pdir/pom.xml"; then
      perl -0pi -e 's{<packaging>eclipse-plugin</packaging>}{<packaging>jar</packaging>}; s{<plugin>(?:(?!</plugin>).)*?<groupId>\s*org\.eclipse\.tycho\s*</groupId>.*?</plugin>}{}gs' "$pdir/pom.xml"
    fi
    for drop in "${pomdrops[@]}"; do
      IFS=: read -r dg da <<<"$drop"
      perl -0pi -e "s{<dependency>(?:(?!</dependency>).)*?<groupId>\\s*\Q$dg\E\\s*</groupId>\\s*<artifactId>\\s*\Q$da\E\\s*</artifactId>.*?</dependency>}{}gs" "$pdir/pom.xml"
    done
    (cd "$pdir" && mvn_logged "$DEP_PLUGIN:build-classpath" \
      -DincludeScope=compile -Dmdep.outputFile="$pdir/classpath.txt") || return 1
    if [ -s "$pdir/classpath.txt" ]; then
      classpath="${classpath:+$classpath:}$(cat "$pdir/classpath.txt")"
    fi
  done
  if [ ${#deps[@]} -gt 0 ]; then
    extra_classpath "$dir/extra" "$name-extra" "${deps[@]}" || return 1
    classpath="${classpath:+$classpath:}$(cat "$dir/extra/classpath.txt")"
  fi
  # Unique entries, and none of the artifacts compiled here from source.
  local entry seen=":" out="" o skip
  IFS=: read -r -a entries <<<"$classpath"
  for entry in "${entries[@]}"; do
    [ -n "$entry" ] || continue
    [[ "$seen" == *":$entry:"* ]] && continue
    seen="$seen$entry:"
    skip=0
    for o in "${own[@]}"; do
      [[ "$entry" == *"$o" ]] && skip=1
    done
    [ $skip -eq 1 ] || out="${out:+$out:}$entry"
  done
  printf '%s\n' "$out" >"$dir/classpath.txt"
  printf '%s\n' "$key" >"$dir/fetch.key"
}

fetch_only=0
if [ "${1:-}" = "--fetch-only" ]; then
  fetch_only=1
  shift
fi

status=0
reported=0
total=0
javac_secs=0
mapfile -t lines < <(entry_lines "$@")
if [ ${#lines[@]} -eq 0 ]; then
  echo "recall: no entry matches: $*" >&2
  exit 2
fi
[ $fetch_only -eq 1 ] || printf '%-20s %6s %8s %5s %6s  %s\n' name files findings exit secs result
for line in "${lines[@]}"; do
  split_fields "$line"
  if [ ${#F[@]} -lt 4 ]; then
    echo "recall: malformed entry: $line" >&2
    exit 2
  fi
  name="${F[0]}"
  artifacts="${F[1]}"
  read -r -a options <<<"${F[2]}"
  [ "${F[2]}" = "-" ] && options=()
  expected=("${F[@]:3}")
  dir="$WORK/$name"
  total=$((total + 1))
  if ! fetch "$name" "$artifacts" "${options[@]}"; then
    echo "recall: $name: fetching failed, see $dir/fetch.log" >&2
    status=1
    continue
  fi
  [ $fetch_only -eq 0 ] || continue

  excludes=()
  javacopts=()
  stubs=()
  patches=()
  patchdrops=()
  grammars=()
  for word in "${options[@]}"; do
    case "$word" in
      exclude=*) excludes+=("${word#exclude=}") ;;
      javacopt=*) javacopts+=("${word#javacopt=}") ;;
      stub=*) stubs+=("$RECALL/stubs/${word#stub=}") ;;
      patch=*) patches+=("${word#patch=}") ;;
      patchdrop=*) patchdrops+=("${word#patchdrop=}") ;;
      antlr2=*) grammars+=("${word#antlr2=}") ;;
      dep=*|jar=*|pomdrop=*) ;;
      *) echo "recall: $name: unknown option $word" >&2; exit 2 ;;
    esac
  done

  # Every .java but module-info.java (and the entry's exclude= globs), sorted.
  (cd "$dir/src" && find . -name '*.java' ! -name module-info.java | sed 's|^\./||' | LC_ALL=C sort) |
    while IFS= read -r f; do
      keep=1
      for glob in "${excludes[@]}"; do
        # shellcheck disable=SC2053
        [[ "$f" == $glob ]] && keep=0
      done
      # (an if, not `&&`: an excluded last file must not end the loop with status 1 under pipefail)
      if [ $keep -eq 1 ]; then printf '%s\n' "$dir/src/$f"; fi
    done >"$dir/sources.txt"
  # antlr2=GRAMMAR: a parser the library's build generates from a grammar in its sources, made
  # with ANTLR 2's tool (antlr:antlr, a dep= of the entry) and compiled with the sources.
  rm -rf "$dir/generated"
  for grammar in "${grammars[@]}"; do
    gen="$dir/generated/$(basename "$grammar" .g)"
    mkdir -p "$gen"
    (cd "$gen" && java -cp "$(cat "$dir/classpath.txt")" antlr.Tool -o "$gen" "$dir/src/$grammar" >"$gen/antlr.log" 2>&1) || {
      echo "recall: $name: ANTLR failed on $grammar, see $gen/antlr.log" >&2
      exit 1
    }
    find "$gen" -name '*.java' | LC_ALL=C sort >>"$dir/sources.txt"
  done
  files="$(wc -l <"$dir/sources.txt")"

  rm -rf "$dir/classes" "$dir/stubs" && mkdir -p "$dir/classes"
  classpath="$(cat "$dir/classpath.txt")"
  # stub= files: stand-ins for classes the sources use that neither JDK 17 nor a sources jar has,
  # compiled on their own (without the plugin) onto the class path.
  if [ ${#stubs[@]} -gt 0 ]; then
    mkdir -p "$dir/stubs"
    javac -nowarn "${javacopts[@]}" -d "$dir/stubs" "${stubs[@]}"
    classpath="$dir/stubs${classpath:+:$classpath}"
  fi
  # patch=MODULE: the module's interfaces with their abstract methods made default ones
  # (stubs/DefaultMethods.java), so that classes written against an older JDBC compile on JDK 17;
  # patchdrop=INTERFACE.METHOD leaves out a method a later JDBC added that clashes with the
  # library's own method of that name.
  rm -rf "$dir/patch"
  for module in "${patches[@]}"; do
    mkdir -p "$dir/patch/src/$module" "$dir/patch/$module"
    java "$RECALL/stubs/DefaultMethods.java" "$module" "$dir/patch/src/$module" "${patchdrops[@]}"
    find "$dir/patch/src/$module" -name '*.java' >"$dir/patch/$module.txt"
    javac -nowarn --patch-module "$module=$dir/patch/src/$module" -d "$dir/patch/$module" @"$dir/patch/$module.txt"
    javacopts+=(--patch-module "$module=$dir/patch/$module")
  done
  start=$(date +%s)
  set +e
  javac -J-Xmx6g -XDcompilePolicy=simple -proc:full -processorpath "$SNAPSHOT" \
    -Xplugin:"LockdepCheck Severity=WARN" -Xmaxwarns 100000 -Xmaxerrs 100000 -encoding UTF-8 \
    "${javacopts[@]}" -classpath "$classpath" -d "$dir/classes" \
    @"$dir/sources.txt" >"$dir/javac.log" 2>&1
  rc=$?
  set -e
  secs=$(($(date +%s) - start))
  javac_secs=$((javac_secs + secs))

  findings="$(grep -cE "$FINDING" "$dir/javac.log" || true)"
  missing=()
  for fragment in "${expected[@]}"; do
    grep -qF -- "$fragment" "$dir/javac.log" || missing+=("$fragment")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    result=REPORTED
    reported=$((reported + 1))
  else
    result="MISSED (not in the output: $(printf '"%s" ' "${missing[@]}"))"
  fi
  printf '%-20s %6s %8s %5s %6s  %s\n' "$name" "$files" "$findings" "$rc" "$secs" "$result"
  if grep -qF '[LockdepCheck] internal error' "$dir/javac.log"; then
    echo "recall: $name: the plugin reported an internal error, see $dir/javac.log" >&2
    status=1
  fi
  if [ $rc -gt 1 ] || grep -q 'An exception has occurred in the compiler' "$dir/javac.log"; then
    echo "recall: $name: javac crashed (exit $rc), see $dir/javac.log" >&2
    status=1
  elif [ $rc -eq 1 ]; then
    echo "recall: $name: javac reported errors in the library sources ($(grep -c ': error: ' "$dir/javac.log" || true)), see $dir/javac.log" >&2
  fi
done
[ $fetch_only -eq 1 ] || echo "$reported of $total reported (javac ${javac_secs}s in all)"
exit $status
