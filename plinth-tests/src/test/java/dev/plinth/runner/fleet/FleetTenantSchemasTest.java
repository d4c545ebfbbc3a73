package dev.plinth.runner.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.fleet.TargetResult.Status;
import dev.plinth.runner.testing.Fleets;
import dev.plinth.runner.testing.Javac;
import dev.plinth.runner.testing.SharedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema per tenant with generated migrations: records compiled by the real processor with
 * {@code -Aplinth.tenantSchemas=true}, then migrated, verified and rolled back in three tenant
 * schemas of one database. Each tenant gets its own tables, enum type, history and backups;
 * nothing lands in {@code public}.
 */
class FleetTenantSchemasTest {

  private static final List<String> TENANTS = List.of("tenant_a", "tenant_b", "tenant_c");

  @TempDir
  Path root;

  @Test
  void generatedMigrationsRunInEachTenantsSchema() throws IOException {
    Path db = generate();
    String v2;
    try (var files = Files.list(db.resolve("migration"))) {
      v2 = Files.readString(files.filter(f -> f.getFileName().toString().startsWith("V2__")).findFirst().orElseThrow());
    }
    assertTrue(v2.contains("ALTER TABLE \"customer\" ADD COLUMN \"followers\" integer NOT NULL DEFAULT 0;"), v2);
    String url = SharedPostgres.newDatabase("fleet_tenant_generated").jdbcUrl();
    List<FleetTarget> targets = TENANTS.stream().map(t -> FleetTarget.schema(url, t)).toList();
    RunnerConfig base = RunnerConfig.builder().user("postgres").locations("filesystem:" + db.resolve("migration"))
        .build();

    FleetReport first = Fleet.builder(targets, base.toBuilder().target("1").build()).build().migrate();
    assertEquals(3, first.count(Status.DONE), () -> first.failures().toString());
    for (String tenant : TENANTS) {
      Fleets.execute(url, "INSERT INTO " + tenant + ".customer VALUES (1, 'Ann', 'ann of " + tenant + "', 'PRO')");
      Fleets.execute(url, "INSERT INTO " + tenant + ".invoice VALUES (7, 1, 'FREE')");
    }

    FleetReport second = Fleet.builder(targets, base).build().migrate();
    assertEquals(3, second.count(Status.DONE), () -> second.failures().toString());
    for (String tenant : TENANTS) {
      assertEquals("ann of " + tenant, Fleets.query(url,
          "SELECT nickname FROM plinth_backup_v2_" + tenant + ".\"customer.nickname\""),
          "the dropped column's values are kept in the tenant's own backup schema");
      assertEquals(tenant + ".tier", Fleets.query(url,
          "SELECT atttypid::regtype::text FROM pg_attribute WHERE attrelid = '" + tenant + ".invoice'::regclass"
              + " AND attname = 'tier'"), "the column has the tenant's enum type");
      assertEquals("1", Fleets.query(url, "SELECT count(*) FROM " + tenant + ".flyway_schema_history WHERE version = '2'"));
    }
    assertNothingInPublic(url);

    FleetReport verify = Fleet.builder(targets, base).build().verify();
    assertTrue(verify.results().stream().noneMatch(TargetResult::drift), () -> verify.results().toString());
    Fleets.execute(url, "ALTER TABLE tenant_b.customer ADD COLUMN note text");
    FleetReport drifted = Fleet.builder(targets, base).build().verify();
    assertEquals(List.of(false, true, false), drifted.results().stream().map(TargetResult::drift).toList(),
        "verify compares each tenant's schema with the model");
    assertEquals(List.of("extra column <schema>.customer.note: text NULL"),
        drifted.driftGroups().stream().filter(g -> !g.differences().isEmpty()).findFirst().orElseThrow().differences());
    Fleets.execute(url, "ALTER TABLE tenant_b.customer DROP COLUMN note");

    for (int i = 0; i < TENANTS.size(); i++) {
      Fleets.execute(url, "UPDATE " + TENANTS.get(i) + ".customer SET followers = " + (10 * (i + 1)));
    }
    FleetReport back = Fleet.builder(targets, base).build().rollback(RollbackTarget.to("1"));
    assertEquals(3, back.count(Status.DONE), () -> back.failures().toString());
    for (String tenant : TENANTS) {
      assertEquals("ann of " + tenant, Fleets.query(url, "SELECT nickname FROM " + tenant + ".customer"),
          "rollback put the tenant's own values back");
    }
    assertEquals("3", Fleets.query(url, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'plinth\\_backup\\_v2\\_%'"),
        "each tenant keeps the followers its rollback removed, for migrating again");
    assertNothingInPublic(url);

    FleetReport again = Fleet.builder(targets, base).build().migrate();
    assertEquals(3, again.count(Status.DONE), () -> again.failures().toString());
    for (int i = 0; i < TENANTS.size(); i++) {
      assertEquals(String.valueOf(10 * (i + 1)), Fleets.query(url, "SELECT followers FROM " + TENANTS.get(i) + ".customer"),
          "migrating again takes back the tenant's own kept values");
    }
    assertEquals(Optional.of("2"), Plinth.create(targets.get(2).config(base)).info().schemaVersion());
    assertTrue(Fleet.builder(targets, base).build().verify().results().stream().noneMatch(TargetResult::drift));
    assertNothingInPublic(url);
  }

  /** Compiles V1 of the records, then V2, with the option; returns the migrations folder. */
  private Path generate() throws IOException {
    Path db = root.resolve("db");
    Path sources = root.resolve("src/app");
    Files.createDirectories(sources);
    Files.writeString(sources.resolve("Tier.java"), "package app;\npublic enum Tier { FREE, PRO }\n");
    Files.writeString(sources.resolve("Invoice.java"), """
        package app;
        import dev.plinth.annotations.*;
        @Table
        public record Invoice(@Id long id, @References(Customer.class) long customerId, Tier tier) {}
        """);
    Files.writeString(sources.resolve("Customer.java"), """
        package app;
        import dev.plinth.annotations.*;
        @Table
        public record Customer(@Id long id, String name, @Nullable String nickname, Tier tier) {}
        """);
    Javac.compile(root, root.resolve("src"), db, List.of("-Aplinth.tenantSchemas=true"), List.of());
    Files.writeString(sources.resolve("Customer.java"), """
        package app;
        import dev.plinth.annotations.*;
        @Table
        @Dropped(columns = "nickname")
        @Acknowledge("PLN308")
        public record Customer(@Id long id, String name, Tier tier, @Default("0") int followers) {}
        """);
    Javac.compile(root, root.resolve("src"), db, List.of("-Aplinth.tenantSchemas=true"), List.of());
    return db;
  }

  private static void assertNothingInPublic(String url) {
    assertEquals("0", Fleets.query(url, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname = 'public'"), "no table, index or sequence in public");
    assertEquals("0", Fleets.query(url, "SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
        + " WHERE n.nspname = 'public'"), "no type in public");
  }
}
