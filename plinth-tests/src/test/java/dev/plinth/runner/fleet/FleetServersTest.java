package dev.plinth.runner.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.fleet.TargetResult.Status;
import dev.plinth.runner.testing.Fleets;
import dev.plinth.runner.testing.SharedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet on two servers: the shared one, and a second embedded cluster with only 20 connections,
 * which the fleet must not fill (a sixth of its free connections: 2 targets at once).
 */
class FleetServersTest {

  private static final int PER_SERVER = 6;

  private static EmbeddedPostgres small;

  @TempDir
  Path root;

  @BeforeAll
  static void startSecondServer() throws Exception {
    small = EmbeddedPostgres.builder().setServerConfig("max_connections", "20")
        .setLocaleConfig("locale", "C").setLocaleConfig("encoding", "UTF8").start();
  }

  @AfterAll
  static void stopSecondServer() throws Exception {
    small.close();
  }

  @Test
  void migratesBothServersSparingTheSmallOne() {
    Path db = Fleets.migrations(root.resolve("db"), "V1__items.sql", "CREATE TABLE items (id bigint PRIMARY KEY);\n");
    RunnerConfig base = RunnerConfig.builder().user("postgres").locations("filesystem:" + db).build();
    List<String> shared = Fleets.databases(SharedPostgres.server(), "fleet_two_a", PER_SERVER);
    List<String> second = Fleets.databases(small, "fleet_two_b", PER_SERVER);
    List<FleetTarget> targets = new ArrayList<>();
    for (int i = 0; i < PER_SERVER; i++) { // interleaved: the small server's limit must not hold up the other
      targets.add(FleetTarget.database(shared.get(i)));
      targets.add(FleetTarget.database(second.get(i)));
    }
    String smallServer = targets.get(1).server();
    Map<String, Integer> running = new ConcurrentHashMap<>();
    Map<String, Integer> most = new ConcurrentHashMap<>();
    FleetListener watch = new FleetListener() {
      @Override
      public void started(FleetTarget target) {
        int now = running.merge(target.server(), 1, Integer::sum);
        most.merge(target.server(), now, Math::max);
      }

      @Override
      public void finished(TargetResult result) {
        running.merge(result.target().server(), -1, Integer::sum);
      }
    };

    FleetReport report = Fleet.builder(targets, base).parallel(6).listener(watch).build().migrate();

    assertEquals(2 * PER_SERVER, report.count(Status.DONE), () -> report.failures().toString());
    assertEquals(Map.of(targets.get(0).server(), 6, smallServer, 2), report.serverLimits(),
        "20 connections, 3 reserved, 1 in use: 16 free, a sixth of them");
    assertTrue(most.get(smallServer) <= 2, "at most 2 at once on the small server: " + most);
    for (String url : List.of(shared.get(PER_SERVER - 1), second.get(PER_SERVER - 1))) {
      assertEquals("items", Fleets.query(url, "SELECT to_regclass('items')::text"), url);
    }
  }
}
