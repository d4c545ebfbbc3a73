package dev.plinth.runner.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.internal.seed.SeedSetDefinition;
import dev.plinth.runner.internal.seed.Seeder;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import dev.plinth.seed.SeedRow;
import dev.plinth.seed.SeedRows;
import dev.plinth.seed.TableInfo;
import dev.plinth.seed.TableInfo.ColumnInfo;
import dev.plinth.seed.TableInfo.Generation;
import java.net.InetAddress;
import java.time.Duration;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seed rows write {@code OffsetTime} ({@code time with time zone}), {@code Duration}
 * ({@code interval}) and {@code InetAddress} ({@code inet}) values, one row at a time and through
 * {@code COPY}, alone and in arrays: the driver binds none of the last two, so they go as text.
 */
class TimeAndNetworkSeedTest {
  private static final TableInfo VISIT = new TableInfo("public", "visit", List.of(
      new ColumnInfo("id", "bigint", false, false, Generation.NONE),
      new ColumnInfo("opens", "time with time zone", false, false, Generation.NONE),
      new ColumnInfo("stay", "interval", false, false, Generation.NONE),
      new ColumnInfo("client", "inet", true, false, Generation.NONE),
      new ColumnInfo("laps", "interval[]", true, false, Generation.NONE)),
      List.of("id"), List.of(), List.of());

  /** A row of the hand-written table description above. */
  private static final class VisitRow extends SeedRow<Object> {
    VisitRow(SeedRows rows) {
      super(rows, VISIT);
    }
  }

  @Test
  void timesDurationsAndAddressesAreWrittenExactly() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("time_network_seeds");
    Sql.execute(db, "CREATE TABLE visit (id bigint PRIMARY KEY, opens time with time zone NOT NULL,"
        + " stay interval NOT NULL, client inet, laps interval[])");
    InetAddress v4 = InetAddress.getByName("192.0.2.7");
    InetAddress v6 = InetAddress.getByName("2001:db8::1");

    Seeder.create().run(db.dataSource(), "test", List.of(new SeedSetDefinition("test.Visits", 0,
        Set.of("test"), rows -> {
          new VisitRow(rows).set("id", 1L).set("opens", OffsetTime.of(9, 30, 0, 0, ZoneOffset.ofHours(2)))
              .set("stay", Duration.ofMinutes(90).plusSeconds(5)).set("client", v4)
              .set("laps", List.of(Duration.ofSeconds(61), Duration.ofMillis(1500)));
          rows.addBulk(VISIT, List.of(
              new Object[] {2L, OffsetTime.of(23, 0, 0, 0, ZoneOffset.UTC), Duration.ofMinutes(-90), v6,
                  new Duration[] {Duration.ofDays(2)}},
              new Object[] {3L, OffsetTime.of(0, 0, 1, 0, ZoneOffset.ofHours(-5)), Duration.ZERO, null, null}));
        })));

    assertEquals("1 09:30:00+02 01:30:05 192.0.2.7 {00:01:01,00:00:01.5}; "
            + "2 23:00:00+00 -01:30:00 2001:db8::1 {48:00:00}; 3 00:00:01-05 00:00:00",
        Sql.queryString(db, "SELECT string_agg(concat_ws(' ', id, opens, stay, host(client), laps), '; '"
            + " ORDER BY id) FROM visit"));
  }
}
