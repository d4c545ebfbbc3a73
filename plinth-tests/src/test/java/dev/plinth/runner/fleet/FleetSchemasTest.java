package dev.plinth.runner.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.fleet.TargetResult.Status;
import dev.plinth.runner.testing.Fleets;
import dev.plinth.runner.testing.SharedPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One schema per tenant: 200 schemas of one database, each with its own history, its tables where
 * unqualified names put them, and the migration run with {@code search_path} set to it.
 */
class FleetSchemasTest {

  private static final int SIZE = 200;

  @TempDir
  Path root;

  private RunnerConfig base() {
    Path migration = Fleets.migrations(root.resolve("db"),
        "V1__items.sql", "CREATE TABLE items (id bigint PRIMARY KEY, made_in text NOT NULL);\n"
            + "INSERT INTO items VALUES (1, current_schema());\n");
    return RunnerConfig.builder().user("postgres").locations("filesystem:" + migration).build();
  }

  @Test
  void migratesTwoHundredTenantSchemasEachWithItsOwnHistory() {
    SharedPostgres.TestDatabase db = SharedPostgres.newDatabase("fleet_schemas");
    String url = db.jdbcUrl();
    List<FleetTarget> targets = IntStream.rangeClosed(1, SIZE)
        .mapToObj(i -> FleetTarget.schema(url, String.format(Locale.ROOT, "tenant_%03d", i))).toList();

    FleetReport report = Fleet.builder(targets, base()).parallel(4).build().migrate();

    assertEquals(SIZE, report.count(Status.DONE), () -> report.failures().toString());
    assertEquals(Optional.of("1"), report.results().get(136).versionAfter());
    assertEquals(String.valueOf(SIZE), Fleets.query(url,
        "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'tenant\\_%'"), "every schema was created");
    assertEquals(String.valueOf(SIZE), Fleets.query(url,
        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relname = 'flyway_schema_history' AND n.nspname LIKE 'tenant\\_%'"), "a history per tenant");
    assertEquals("tenant_137", Fleets.query(url, "SELECT made_in FROM tenant_137.items"),
        "the migration ran with search_path set to the tenant's schema");
    assertEquals(null, Fleets.query(url, "SELECT to_regclass('public.items')::text"), "nothing in public");
    assertEquals(null, Fleets.query(url, "SELECT to_regclass('public.flyway_schema_history')::text"));
    assertEquals("tenant_137", report.results().get(136).target().schema().orElseThrow());
    assertEquals("localhost:" + SharedPostgres.server().getPort() + "/" + db.name() + "#tenant_137",
        report.results().get(136).target().name());

    FleetReport again = Fleet.builder(targets, base()).parallel(4).build().migrate();
    assertTrue(again.count(Status.SKIPPED) >= SIZE - 4, "skipped: " + again.count(Status.SKIPPED));
  }

  @Test
  void aTenantWhoseSchemaIsNotThereYetIsNotTheDatabasesDefaultSchema() {
    String url = SharedPostgres.newDatabase("tenant_new").jdbcUrl();
    Plinth.create(base().toBuilder().url(url).build()).migrate(); // the database's own history, in public
    FleetTarget tenant = FleetTarget.schema(url, "tenant_new");

    assertEquals(Optional.empty(), Plinth.create(tenant.config(base())).info().schemaVersion(),
        "search_path falls through to public while tenant_new is missing; the history is the tenant's all the same");
    FleetReport report = Fleet.builder(List.of(tenant), base()).build().migrate();

    TargetResult result = report.results().get(0);
    assertEquals(Status.DONE, result.status(), result::toString);
    assertEquals(Optional.empty(), result.versionBefore());
    assertEquals(1, result.changes());
    assertEquals("tenant_new", Fleets.query(url, "SELECT made_in FROM tenant_new.items"));
  }

  @Test
  void aRunnerInATenantSchemaDoesNotResetTheDatabase() {
    String url = SharedPostgres.newDatabase("tenant_reset_test").jdbcUrl();
    Plinth tenant = Plinth.create(base().toBuilder().url(url).schema("tenant_a").build());
    tenant.migrate();

    PlinthException e = assertThrows(PlinthException.class, () -> tenant.reset(true));

    assertEquals(Message.RESET_REFUSED_SCHEMA, e.catalogueEntry());
    assertEquals("1", Fleets.query(url, "SELECT count(*) FROM tenant_a.items"), "nothing was dropped");
  }
}
