package dev.plinth.runner.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.GeneratedMigrations;
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

/** {@code verify} across a fleet: the targets grouped by what differs, so a tenant changed by hand stands out. */
class FleetDriftTest {

  @TempDir
  Path root;

  @Test
  void theDatabaseChangedByHandIsAGroupOfItsOwn() {
    Path db = GeneratedMigrations.write(root.resolve("db"), GeneratedMigrations.EVOLUTION.subList(0, 1));
    RunnerConfig base = RunnerConfig.builder().user("postgres").locations("filesystem:" + db.resolve("migration"))
        .build();
    List<String> urls = Fleets.databases(SharedPostgres.server(), "fleet_drift", 8);
    List<FleetTarget> targets = Fleets.targets(urls);
    assertEquals(8, Fleet.builder(targets, base).build().migrate().count(Status.DONE));
    Fleets.execute(urls.get(4), "ALTER TABLE users ADD COLUMN nickname text");

    FleetReport report = Fleet.builder(targets, base).build().verify();

    List<DriftGroup> groups = report.driftGroups();
    assertEquals(2, groups.size(), groups::toString);
    List<FleetTarget> healthy = targets.stream().filter(t -> t != targets.get(4)).toList();
    assertEquals(new DriftGroup(Optional.of("1"), List.of(), healthy), groups.get(0));
    assertEquals(new DriftGroup(Optional.of("1"), List.of("extra column public.users.nickname: text NULL"),
        List.of(targets.get(4))), groups.get(1));
    assertEquals(1, report.results().stream().filter(TargetResult::drift).count());
  }

  @Test
  void tenantsCompareAlikeWhateverTheirSchemaIsNamed() {
    Path migration = Fleets.migrations(root.resolve("db"), "V1__items.sql", "CREATE TABLE items (id bigint);\n");
    RunnerConfig base = RunnerConfig.builder().user("postgres").locations("filesystem:" + migration).build();
    String url = SharedPostgres.newDatabase("fleet_drift_schemas").jdbcUrl();
    List<FleetTarget> targets = IntStream.rangeClosed(1, 6)
        .mapToObj(i -> FleetTarget.schema(url, String.format(Locale.ROOT, "tenant_%d", i))).toList();
    Fleet.builder(targets, base).build().migrate();
    Fleets.execute(url, "ALTER TABLE tenant_3.items ADD COLUMN note text");

    List<DriftGroup> groups = Fleet.builder(targets, base).build().verify().driftGroups();

    // Hand-written migrations have no journal: verify expects nothing and sees each tenant's own table.
    assertEquals(2, groups.size(), groups::toString);
    assertEquals(List.of("extra table <schema>.items: (id bigint)"), groups.get(0).differences());
    assertEquals(5, groups.get(0).targets().size());
    assertEquals(List.of("extra table <schema>.items: (id bigint, note text)"), groups.get(1).differences());
    assertEquals(List.of(targets.get(2)), groups.get(1).targets());
  }
}
