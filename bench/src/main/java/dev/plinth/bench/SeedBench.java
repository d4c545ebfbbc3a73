package dev.plinth.bench;

import dev.plinth.runner.SeedResult;
import dev.plinth.runner.internal.seed.SeedSetDefinition;
import dev.plinth.runner.internal.seed.Seeder;
import dev.plinth.seed.TableInfo;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * 4. seed: rows of a small table through the seeds runtime's bulk path (what a generated builder's
 * {@code insertAll} hands to {@link Seeder}), raw {@code COPY}, and JDBC batches with
 * {@code reWriteBatchedInserts}.
 */
final class SeedBench {
  static final String TABLE = "CREATE TABLE seed_row (id bigint PRIMARY KEY, name text NOT NULL,"
      + " amount numeric(12,2) NOT NULL, created_at timestamptz NOT NULL)";
  static final long EPOCH = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  static final String FRESH = "Plinth bulk path (fresh: COPY)";
  static final String DEFAULT = "Plinth bulk path (default, idempotent)";
  static final String AGAIN = "Plinth bulk path (default), run again: every row present";
  static final TableInfo INFO = new TableInfo("public", "seed_row", List.of(
      new TableInfo.ColumnInfo("id", "bigint", false, false, TableInfo.Generation.NONE),
      new TableInfo.ColumnInfo("name", "text", false, false, TableInfo.Generation.NONE),
      new TableInfo.ColumnInfo("amount", "numeric(12,2)", false, false, TableInfo.Generation.NONE),
      new TableInfo.ColumnInfo("created_at", "timestamp with time zone", false, false, TableInfo.Generation.NONE)),
      List.of("id"), List.of(), List.of());

  /** The row a generated builder's {@code insertAll} would be given. */
  record SeedRowRecord(long id, String name, BigDecimal amount, Instant createdAt) {}

  private SeedBench() {}

  /** The seeds runtime's bulk path: what a generated {@code insertAll(Stream<Record>)} hands to the seeder. */
  static void bulk(Pg pg, String db, int rows, boolean fresh) {
    SeedResult result = seed(pg, db, rows, fresh);
    if (result.inserted() != rows) {
      throw new IllegalStateException("seeded " + result.inserted() + " rows, expected " + rows);
    }
  }

  /** The same seed again: every row is there already, so nothing is inserted. */
  static void bulkAgain(Pg pg, String db, int rows) {
    SeedResult result = seed(pg, db, rows, false);
    if (result.inserted() != 0 || result.skipped() != rows) {
      throw new IllegalStateException("seeded again: " + result.inserted() + " inserted, " + result.skipped()
          + " skipped, expected 0 and " + rows);
    }
  }

  private static SeedResult seed(Pg pg, String db, int rows, boolean fresh) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(pg.url(db));
    ds.setUser(Pg.USER);
    Iterable<SeedRowRecord> records = () -> IntStream.rangeClosed(1, rows).mapToObj(SeedBench::row).iterator();
    return Seeder.create().fresh(fresh).run(ds, "bench", List.of(new SeedSetDefinition("bench-rows", 0,
        Set.of("bench"), seedRows -> seedRows.addBulk(INFO, records,
            r -> new Object[] {r.id(), r.name(), r.amount(), r.createdAt()}))));
  }

  static SeedRowRecord row(int i) {
    return new SeedRowRecord(i, "name " + i, new BigDecimal((i % 100000) + ".25"), Instant.ofEpochMilli(EPOCH + i * 1000L));
  }

  static void run(Pg pg, int rows, int reps, Report report) throws Exception {
    Stats stats = new Stats();
    System.out.println("seed: " + rows + " rows, " + reps + " repetitions after a warm-up (100k rows)");
    for (int rep = 0; rep <= reps; rep++) {
      Stats into = rep == 0 ? new Stats() : stats;
      int n = rep == 0 ? 100_000 : rows;
      String a = pg.create("seed_copy");
      try (Connection c = setUp(pg, a, false)) {
        into.time("raw COPY", () -> copy(c, n));
      }
      pg.drop(a);
      String b = pg.create("seed_batch");
      try (Connection c = setUp(pg, b, true)) {
        into.time("JDBC batch (reWriteBatchedInserts)", () -> batch(c, n));
      }
      pg.drop(b);
      String f = pg.create("seed_fresh");
      try (Connection c = setUp(pg, f, false)) {
        c.commit();
        into.time(FRESH, () -> bulk(pg, f, n, true));
      }
      pg.drop(f);
      String d = pg.create("seed_default");
      try (Connection c = setUp(pg, d, false)) {
        c.commit();
        into.time(DEFAULT, () -> bulk(pg, d, n, false));
        into.time(AGAIN, () -> bulkAgain(pg, d, n));
      }
      pg.drop(d);
    }
    report.ratioAtMost("4", "seed " + rows + " rows: raw COPY throughput / Plinth bulk path (fresh mode), i.e. time ratio",
        stats.ratio(FRESH, "raw COPY"), 1.25, MigrateBench.medians(stats, FRESH, "raw COPY")
            + String.format(java.util.Locale.ROOT, "; throughput %.2f× of raw COPY (target ≥ 0.80×); raw COPY %.0f rows/s",
                stats.median("raw COPY") / stats.median(FRESH), rows / stats.median("raw COPY") * 1000));
    report.ratioAtMost("4", "seed " + rows + " rows: Plinth bulk path (default, idempotent) / raw COPY time",
        stats.ratio(DEFAULT, "raw COPY"), 1.25, stats.paired(DEFAULT, "raw COPY") + "; "
            + MigrateBench.medians(stats, DEFAULT, "raw COPY")
            + String.format(java.util.Locale.ROOT, "; throughput %.2f× of raw COPY (target ≥ 0.80×)",
                stats.median("raw COPY") / stats.median(DEFAULT))
            + " (into an empty table: COPY straight into it in a savepoint, through a temporary table"
            + " and INSERT ... ON CONFLICT DO NOTHING only if rows of the batch conflict)");
    report.ratioAtMost("4", "seed " + rows + " rows again, every row present (idempotent no-op) / raw COPY time",
        stats.ratio(AGAIN, "raw COPY"), Double.NaN, stats.paired(AGAIN, "raw COPY") + "; "
            + MigrateBench.medians(stats, AGAIN) + " (COPY into a temporary table, INSERT ... ON CONFLICT DO NOTHING)");
    report.ratioAtMost("4", "seed " + rows + " rows: JDBC batch / raw COPY time (reference)",
        stats.ratio("JDBC batch (reWriteBatchedInserts)", "raw COPY"), Double.NaN, "");
  }

  private static Connection setUp(Pg pg, String db, boolean rewrite) throws Exception {
    Properties props = new Properties();
    props.setProperty("user", Pg.USER);
    props.setProperty("reWriteBatchedInserts", String.valueOf(rewrite));
    Connection c = DriverManager.getConnection(pg.url(db), props);
    try (Statement st = c.createStatement()) {
      st.execute(TABLE);
    }
    c.setAutoCommit(false);
    return c;
  }

  static void copy(Connection c, int rows) throws Exception {
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI()
        .copyIn("COPY seed_row (id, name, amount, created_at) FROM STDIN");
    StringBuilder chunk = new StringBuilder(1 << 20);
    for (int i = 1; i <= rows; i++) {
      SeedRowRecord r = row(i);
      chunk.append(r.id()).append('\t').append(r.name()).append('\t').append(r.amount()).append('\t')
          .append(r.createdAt()).append('\n');
      if (chunk.length() > (1 << 20) - 200 || i == rows) {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
      }
    }
    in.endCopy();
    c.commit();
  }

  static void batch(Connection c, int rows) throws Exception {
    try (PreparedStatement st = c.prepareStatement(
        "INSERT INTO seed_row (id, name, amount, created_at) VALUES (?, ?, ?, ?)")) {
      for (int i = 1; i <= rows; i++) {
        SeedRowRecord r = row(i);
        st.setLong(1, r.id());
        st.setString(2, r.name());
        st.setBigDecimal(3, r.amount());
        st.setTimestamp(4, Timestamp.from(r.createdAt()));
        st.addBatch();
        if (i % 1000 == 0 || i == rows) {
          st.executeBatch();
        }
      }
    }
    c.commit();
  }
}
