package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.GeneratedMigrations;
import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What strict migrations are for: while one validates a CHECK and builds an index on a table with
 * {@value #ROWS} rows, inserts into that table from another connection keep completing; with the
 * relaxed plan they wait for the migration's lock. An insert "completed during" a statement of the
 * migration when that same statement (same backend and start) was running both before the insert
 * began and after it returned, as {@code pg_stat_activity} shows: no timing thresholds.
 */
class StrictLocksConcurrencyTest {
  static final int ROWS = 1_000_000;
  private static final QualifiedName BIG = new QualifiedName("public", "big");
  private static final Column ID = new Column("id", "bigint", null, false, null, Identity.ALWAYS, null, null);
  private static final Column N = new Column("n", "integer", null, false, null, Identity.NONE, null, null);

  @TempDir
  Path workingDirectory;

  @Test
  void strictMigrationsLetInsertsComplete() throws Exception {
    Outcome outcome = migrateWhileInserting("strict_locks", GeneratedMigrations::writeStrict);

    System.out.println("strict: " + outcome);
    assertEquals(0, outcome.exitCode(), outcome.output());
    assertTrue(outcome.completedDuring() > 0,
        "inserts completed while the migration validated and built: " + outcome);
  }

  @Test
  void relaxedMigrationsMakeInsertsWait() throws Exception {
    Outcome outcome = migrateWhileInserting("relaxed_locks", GeneratedMigrations::write);

    System.out.println("relaxed: " + outcome);
    assertEquals(0, outcome.exitCode(), outcome.output());
    assertEquals(0, outcome.completedDuring(),
        "no insert completed while the migration validated and built: " + outcome);
    assertTrue(outcome.inserts() > 0, "inserts went on after the migration: " + outcome);
  }

  /**
   * @param completedDuring inserts that completed while one statement of the migration that scans
   *     the table was running
   * @param maxMillis the longest insert
   */
  private record Outcome(int exitCode, String output, long migrationMillis, int inserts,
      int completedDuring, long maxMillis) {
    @Override
    public String toString() {
      return "migration " + migrationMillis + " ms, " + inserts + " inserts, " + completedDuring
          + " completed during its scans, the longest " + maxMillis + " ms";
    }
  }

  private Outcome migrateWhileInserting(String name, BiFunction<Path, List<Schema>, Path> writer)
      throws Exception {
    Path folder = writer.apply(workingDirectory.resolve("db"), List.of(v1(), v2()));
    TestDatabase db = SharedPostgres.newDatabase(name);
    assertEquals(0, plinth(db, folder, "migrate", "--target", "1").exitCode());
    Sql.execute(db, "INSERT INTO big (n) SELECT n FROM generate_series(1, " + ROWS + ") n");

    AtomicBoolean migrating = new AtomicBoolean(true);
    CompletableFuture<List<long[]>> inserting = CompletableFuture.supplyAsync(() -> insert(db, migrating));
    long start = System.nanoTime();
    Cli.Result migrated;
    try {
      migrated = plinth(db, folder, "migrate");
    } finally {
      migrating.set(false);
    }
    long migrationMillis = (System.nanoTime() - start) / 1_000_000;
    List<long[]> inserts = inserting.get();
    return new Outcome(migrated.exitCode(), migrated.toString(), migrationMillis, inserts.size(),
        (int) inserts.stream().filter(i -> i[1] == 1).count(),
        inserts.stream().mapToLong(i -> i[0]).max().orElse(0));
  }

  /** Inserts one row at a time until the migration ends: per insert, its millis and 1 if during a scan. */
  private static List<long[]> insert(TestDatabase db, AtomicBoolean migrating) {
    List<long[]> inserts = new ArrayList<>();
    try (Connection connection = db.connect();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO big (n) VALUES (1)")) {
      while (migrating.get()) {
        Optional<String> before = scanning(connection);
        long start = System.nanoTime();
        insert.executeUpdate();
        long millis = (System.nanoTime() - start) / 1_000_000;
        boolean during = before.isPresent() && before.equals(scanning(connection));
        inserts.add(new long[] {millis, during ? 1 : 0});
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return inserts;
  }

  /** The backend and start of the running statement that validates the check or builds the index. */
  private static Optional<String> scanning(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT pid || ' ' || query_start"
        + " FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid()"
        + " AND (query LIKE '%VALIDATE CONSTRAINT%' OR query LIKE '%CREATE INDEX%')");
        ResultSet rows = query.executeQuery()) {
      return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
    }
  }

  private static Schema v1() {
    return schema(List.of(), List.of());
  }

  /** A check that every row must pass, and an index over every row. */
  private static Schema v2() {
    return schema(List.of(new CheckConstraint("big_n_positive", "n > 0")),
        List.of(new Index("big_n_idx", List.of(IndexKey.column("n")), false, "btree", null, List.of(), false)));
  }

  private static Schema schema(List<CheckConstraint> checks, List<Index> indexes) {
    return new Schema(List.of(new Table(BIG, "x.Big", null, List.of(ID, N),
        new PrimaryKey("big_pkey", List.of("id")), List.of(), checks, indexes, List.of(), null)), List.of());
  }

  private Cli.Result plinth(TestDatabase db, Path folder, String... args) {
    return Cli.onDatabase(workingDirectory, db, folder, args);
  }
}
