#!/usr/bin/env bash
# The published jars after `verify`: each has its sources and Javadoc jars, and none of the runner,
# CLI, testing or core jars carries the example application (its classes, its db/ migrations or its
# seed-set index), which would otherwise land on every application's classpath.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for module in schema-annotations plinth-schema schema-processor plinth-runner plinth-testing plinth-spring-boot-starter plinth-cli plinth-maven-plugin; do
  jar=$(ls "$module"/target/"$module"-*.jar | grep -v -e '-sources.jar$' -e '-javadoc.jar$' | head -1)
  for kind in sources javadoc; do
    if ! ls "$module"/target/"$module"-*-"$kind".jar >/dev/null 2>&1; then
      echo "jar-check: FAILED, $module has no $kind jar" >&2
      status=1
    fi
  done
  jars=("$jar")
  if [ "$module" = plinth-cli ]; then
    jars+=("$module/target/plinth.jar")
  fi
  for j in "${jars[@]}"; do
    listing=$(unzip -Z1 "$j")
    if found=$(grep -E '^(dev/plinth/example/|db/|META-INF/plinth/seed-sets)' <<<"$listing"); then
      echo "jar-check: FAILED, $j contains the example application:" >&2
      echo "$found" | head -5 >&2
      status=1
    fi
  done
  echo "jar-check: $jar ok"
done
exit $status
