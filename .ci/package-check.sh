#!/usr/bin/env bash
# A schema change compiled by a clean `package` must be inside that build's jar: Maven copies
# resources before it compiles, so the processor also writes new migrations to the class output.
# Runs on a throwaway copy of the repository.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$top" ls-files -z | (cd "$top" && xargs -0 cp --parents -t "$work")
cd "$work"
record=migrations-app/src/main/java/dev/plinth/example/Organization.java
sed -i 's/@Default("now()") Instant createdAt) {}/@Default("now()") Instant createdAt,\n    @dev.plinth.annotations.Nullable String website) {}/' "$record"
grep -q 'String website' "$record"
./mvnw -B -q clean package -DskipTests
jar=$(ls migrations-app/target/migrations-app-*.jar | grep -v -- '-sources' | head -1)
# The listing is taken first: `unzip | grep -q` under pipefail fails when grep stops reading early.
listing=$(unzip -l "$jar")
if grep -q 'db/migration/V2__add_organization_website.sql' <<<"$listing"; then
  echo "package-check: $jar contains the new migration V2__add_organization_website.sql"
else
  echo "package-check: FAILED, the new migration is missing from $jar" >&2
  grep 'db/' <<<"$listing" >&2
  exit 1
fi
