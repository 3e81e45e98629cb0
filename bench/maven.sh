# Maven helpers shared by fetch.sh and run.sh (sourced, not run).
MVN=(mvn -B -q -Dstyle.color=never)
DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
LOG=/dev/null

# Runs Maven with its output in $LOG, shown only when it fails.
mvn_logged() {
  if ! "${MVN[@]}" "$@" >>"$LOG" 2>&1; then
    sed 's/\x1b\[[0-9;]*m//g' "$LOG" | tail -30 >&2
    return 1
  fi
}

# throwaway_classpath DIR NAME SCOPE G:A:V...
# Writes DIR/pom.xml depending on the coordinates, and the class path Maven resolves for them
# (with their transitive dependencies of SCOPE, as dependency:build-classpath's includeScope
# means it) to DIR/classpath.txt.
throwaway_classpath() {
  local dir="$1" name="$2" scope="$3" e eg ea ev
  shift 3
  mkdir -p "$dir"
  {
    echo '<project xmlns="http://maven.apache.org/POM/4.0.0">'
    echo '  <modelVersion>4.0.0</modelVersion>'
    echo "  <groupId>bench.throwaway</groupId><artifactId>$name</artifactId><version>0</version>"
    echo '  <dependencies>'
    for e in "$@"; do
      IFS=: read -r eg ea ev <<<"$e"
      echo "    <dependency><groupId>$eg</groupId><artifactId>$ea</artifactId><version>$ev</version></dependency>"
    done
    echo '  </dependencies>'
    echo '</project>'
  } >"$dir/pom.xml"
  (cd "$dir" && mvn_logged "$DEP_PLUGIN:build-classpath" -DincludeScope="$scope" -Dmdep.outputFile="$dir/classpath.txt")
}
