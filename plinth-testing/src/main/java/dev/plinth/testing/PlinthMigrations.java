package dev.plinth.testing;

import dev.plinth.runner.MigrateResult;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackResult;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.SeedResult;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Migration tests at version N, with data: create a database at an older version, put rows in it,
 * migrate it forward (or roll it back) and look at the rows. Register it as a field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static PlinthMigrations migrations = PlinthMigrations.of("classpath:db/migration");
 *
 * @Test
 * void backfillFillsEmails() {
 *   TestDatabase db = migrations.databaseAt("2");
 *   db.execute("INSERT INTO users (name) VALUES ('Ada')");
 *   migrations.migrate(db, "3");                        // the hand-written backfill
 *   assertEquals(List.of("ada@example.com"), db.query("SELECT email FROM users"));
 *   migrations.rollback(db, "2");                       // and back
 * }
 * }</pre>
 *
 * Databases are migrated exactly as the runner migrates an application's, on the same server as
 * {@link PlinthDatabase} (embedded, or {@code DATABASE_URL}'s), and dropped after each test.
 * Rows go in with SQL, or with the typed seed builders when the version is the newest (the
 * builders are generated for the current schema only).
 */
public final class PlinthMigrations implements AfterEachCallback, AfterAllCallback {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final List<String> locations;
  private final List<TestDatabase> created = new ArrayList<>();

  private PlinthMigrations(List<String> locations) {
    this.locations = List.copyOf(locations);
  }

  /** Migrations tests over the migrations at {@code locations}, e.g. {@code classpath:db/migration}. */
  public static PlinthMigrations of(String... locations) {
    if (locations.length == 0) {
      throw new IllegalArgumentException("PlinthMigrations.of needs a location, e.g. \"classpath:db/migration\"");
    }
    return new PlinthMigrations(List.of(locations));
  }

  /** A new database migrated up to {@code version} (inclusive); {@code "0"} gives an empty one. */
  public TestDatabase databaseAt(String version) {
    TestServer server = TestServer.get();
    String name = "plinth_migrations_" + RUN + "_" + COUNTER.incrementAndGet();
    try {
      server.admin("CREATE DATABASE " + name + " TEMPLATE template0");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name
          + " (does the user of DATABASE_URL have CREATEDB?)", e);
    }
    TestDatabase db = new TestDatabase(name, server.jdbcUrl(name), server.dataSource(name));
    synchronized (created) {
      created.add(db);
    }
    if (!version.equals("0")) {
      migrate(db, version);
    }
    return db;
  }

  /** Migrates {@code db} up to {@code version}. */
  public MigrateResult migrate(TestDatabase db, String version) {
    return plinth(db, version).migrate();
  }

  /** Migrates {@code db} to the newest version. */
  public MigrateResult migrate(TestDatabase db) {
    return plinth(db, null).migrate();
  }

  /** Rolls {@code db} back with the reverse scripts until it is at {@code version}. */
  public RollbackResult rollback(TestDatabase db, String version) {
    return plinth(db, null).rollback(RollbackTarget.to(version));
  }

  /** Inserts the seed sets of {@code env} (written against the current schema's builders). */
  public SeedResult seed(TestDatabase db, String env) {
    return plinth(db, null).seed(env, false);
  }

  /** The runner for {@code db}, to call anything else (verify, info, ...). */
  public Plinth plinth(TestDatabase db) {
    return plinth(db, null);
  }

  private Plinth plinth(TestDatabase db, String target) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return Plinth.create(db.dataSource(), RunnerConfig.builder().locations(locations).target(target)
        .classLoader(context != null ? context : PlinthMigrations.class.getClassLoader()).build());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    dropAll();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    dropAll();
  }

  private void dropAll() {
    List<TestDatabase> toDrop;
    synchronized (created) {
      toDrop = List.copyOf(created);
      created.clear();
    }
    toDrop.forEach(db -> TestServer.get().drop(db.name()));
  }
}
