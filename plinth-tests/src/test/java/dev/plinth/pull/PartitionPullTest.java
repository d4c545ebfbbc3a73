package dev.plinth.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.PullResult;
import dev.plinth.runner.testing.PullProof;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pull} of partitioned tables: the records declare the partitioning and every partition
 * with its bound, and the proof holds (compiling them writes no further migration; the baseline
 * rebuilds the same catalog; verify of the original finds nothing).
 */
class PartitionPullTest {
  @TempDir Path project;

  @Test
  void partitionedTablesArePulledWithTheirPartitions() throws Exception {
    TestDatabase original = SharedPostgres.newDatabase("pull_partitions");
    Sql.execute(original, """
        SET TimeZone = 'Europe/Paris';
        CREATE TABLE events (id bigint NOT NULL, created_at timestamptz NOT NULL, kind text NOT NULL,
          PRIMARY KEY (id, created_at)) PARTITION BY RANGE (created_at);
        CREATE TABLE events_2026_01 PARTITION OF events
          FOR VALUES FROM ('2026-01-01 00:00+00') TO ('2026-02-01 00:00+00');
        CREATE TABLE events_old PARTITION OF events FOR VALUES FROM (MINVALUE) TO ('2026-01-01 00:00+00');
        CREATE TABLE events_rest PARTITION OF events DEFAULT;
        CREATE INDEX events_kind_idx ON events (kind);
        CREATE TABLE orders (id bigint NOT NULL, region text NOT NULL, PRIMARY KEY (id, region))
          PARTITION BY LIST (region);
        CREATE TABLE orders_europe PARTITION OF orders FOR VALUES IN ('de', 'fr, or not');
        CREATE TABLE sessions (id uuid PRIMARY KEY, token text NOT NULL) PARTITION BY HASH (id);
        CREATE TABLE sessions_0 PARTITION OF sessions FOR VALUES WITH (MODULUS 2, REMAINDER 0);
        CREATE TABLE sessions_1 PARTITION OF sessions FOR VALUES WITH (MODULUS 2, REMAINDER 1);
        """);

    PullResult result = PullProof.prove(original, project);

    assertEquals(List.of(), result.unsupported());
    String events = Files.readString(project.resolve("src/com/example/db/Events.java"));
    assertTrue(events.contains("""
        @PartitionBy(type = PartitionType.RANGE, columns = "createdAt")
        @Partition(name = "events_2026_01", from = "'2026-01-01 00:00:00+00'", to = "'2026-02-01 00:00:00+00'")
        @Partition(name = "events_old", from = "MINVALUE", to = "'2026-01-01 00:00:00+00'")
        @Partition(name = "events_rest", isDefault = true)
        """), events);
    String orders = Files.readString(project.resolve("src/com/example/db/Orders.java"));
    assertTrue(orders.contains(
        "@Partition(name = \"orders_europe\", values = {\"'de'\", \"'fr, or not'\"})"), orders);
  }
}
