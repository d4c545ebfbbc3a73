#!/usr/bin/env bash
# README's "Try it" after the build: the example's migrations on the embedded PostgreSQL through the
# plinth command, with quiet output (no library INFO logging) and the schema at version 1.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/main/resources"
cp -r "$top/migrations-app/src/main/resources/db" "$work/src/main/resources/db"
cd "$work"
out=$(env -u DATABASE_URL -u PLINTH_LOCATIONS java -jar "$top/plinth-cli/target/plinth.jar" migrate 2>&1 \
  && env -u DATABASE_URL -u PLINTH_LOCATIONS java -jar "$top/plinth-cli/target/plinth.jar" info 2>&1)
echo "$out"
if grep -q ' INFO ' <<<"$out"; then
  echo "try-it: FAILED, the plinth command printed library log lines" >&2
  exit 1
fi
grep -q '^Schema version: 1$' <<<"$out" || { echo "try-it: FAILED, the schema is not at version 1" >&2; exit 1; }
echo "try-it: the example's migrations applied on the embedded PostgreSQL; output is the runner's own"
