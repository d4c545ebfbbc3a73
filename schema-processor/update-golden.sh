#!/usr/bin/env bash
# Regenerates the golden files under src/test/resources/golden from the test schemas with the
# processor as built in target/classes. Review the result with `git diff` before committing it.
set -euo pipefail
cd "$(dirname "$0")"
../mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/processor.classpath -Dmdep.includeScope=runtime >/dev/null
path=target/classes:$(cat target/processor.classpath)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
golden=src/test/resources/golden
run() { # folder, schema...
  local folder=$1; shift
  for schema in "$@"; do
    javac -proc:only -d "$out" -cp ../schema-annotations/target/classes -processorpath "$path" \
      -Aplinth.migrations="$golden/$folder" $(find "src/test/resources/schemas/$schema" -name '*.java') >/dev/null
  done
}
rm -rf "$golden/features" "$golden/evolved"
run features features
run evolved basic evolved
echo "golden files regenerated under schema-processor/$golden"
