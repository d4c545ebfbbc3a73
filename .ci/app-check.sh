#!/usr/bin/env bash
# A new application outside the repository, set up with exactly the pom.xml that README.md's
# "Using it in a project" shows: it compiles its own records (the processor writes V1), its test
# gets a database migrated by @PlinthDatabase, its start-up code migrates through plinth-runner,
# and its Logback keeps logging at INFO (Plinth brings no logging binding).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$top"
./mvnw -B -q install -DskipTests
awk '/<!-- app-pom:/ {grab=1; next} grab && /^```xml/ {inside=1; next} inside && /^```/ {exit} inside {print}' \
  README.md > "$work/pom.xml"
grep -q '<artifactId>plinth-runner</artifactId>' "$work/pom.xml"
cp -r .mvn mvnw "$work/"
src="$work/src/main/java/com/example/shop"
mkdir -p "$src" "$work/src/test/java/com/example/shop" "$work/src/main/resources/db" "$work/src/test/resources"
cat > "$src/Customer.java" <<'JAVA'
package com.example.shop;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Identity;
import dev.plinth.annotations.Table;

/** Someone who buys. */
@Table
public record Customer(@Id @Identity long id, String email) {}
JAVA
cat > "$src/PurchaseOrder.java" <<'JAVA'
package com.example.shop;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Identity;
import dev.plinth.annotations.References;
import dev.plinth.annotations.Table;

@Table
public record PurchaseOrder(@Id @Identity long id, @References(Customer.class) long customerId, int cents) {}
JAVA
cat > "$src/App.java" <<'JAVA'
package com.example.shop;

import dev.plinth.runner.MigrateResult;
import dev.plinth.runner.Plinth;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class App {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  public static MigrateResult start(DataSource dataSource) {
    MigrateResult result = Plinth.create(dataSource).migrate();
    LOG.info("Schema at version {}", result.schemaVersion().orElse("none"));
    return result;
  }
}
JAVA
cat > "$work/src/test/java/com/example/shop/AppTest.java" <<'JAVA'
package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.testing.PlinthDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@PlinthDatabase
class AppTest {
  @Test
  void onlyThisApplicationsMigrationsAreApplied(DataSource db) throws Exception {
    assertEquals("1", App.start(db).schemaVersion().orElseThrow());
    try (Connection c = db.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT string_agg(table_name, ',' ORDER BY table_name)"
            + " FROM information_schema.tables WHERE table_schema = 'public'")) {
      rs.next();
      assertEquals("customer,flyway_schema_history,purchase_order", rs.getString(1));
    }
  }
}
JAVA
for dir in main test; do
  name=logback.xml; [ "$dir" = test ] && name=logback-test.xml
  cat > "$work/src/$dir/resources/$name" <<'XML'
<configuration>
  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>APPLOG %level %logger{0} - %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="OUT"/></root>
</configuration>
XML
done
cd "$work"
if ! ./mvnw -B verify > build.log 2>&1; then
  cat build.log
  echo "app-check: FAILED, the application from README.md does not build" >&2
  exit 1
fi
fail() { echo "app-check: FAILED, $1" >&2; tail -60 build.log >&2; exit 1; }
ls src/main/resources/db/migration/V1__*.sql >/dev/null 2>&1 || fail "the processor wrote no V1 migration"
grep -q 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0' build.log || fail "the application's test did not run"
grep -q 'APPLOG INFO App - Schema at version 1' build.log || fail "the application's INFO log line is missing"
grep -q 'APPLOG INFO .* - ' build.log || fail "no INFO line went through Logback"
if grep -q 'multiple SLF4J providers\|slf4j-simple\|SimpleLogger' build.log; then
  fail "a second logging binding competes with the application's Logback"
fi
echo "app-check: a new application built from README.md compiled its records to $(ls src/main/resources/db/migration), migrated, tested, and logged through its own Logback"
