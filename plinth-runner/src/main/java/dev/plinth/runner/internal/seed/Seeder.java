package dev.plinth.runner.internal.seed;

import dev.plinth.runner.SeedResult;
import dev.plinth.seed.SeedRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs seed sets against a database.
 *
 * <pre>{@code
 * SeedResult result = Seeder.create().run(dataSource, "dev");
 * }</pre>
 *
 * <p>A run first calls every seed set of the environment (by order, then class name), which only
 * collects rows; it then inserts them all in <b>one transaction</b>, tables parents first by their
 * foreign keys (not by the order of the calls), then commits. Any failure rolls everything back.
 *
 * <p><b>Idempotency.</b> By default a run adds what is missing and leaves existing rows alone:
 * <ul>
 *   <li>a row whose primary key is a single {@code uuid} column with a default, and which does not
 *       set it, gets a deterministic key derived from its seed set, table and position
 *       ({@link dev.plinth.seed.SeedRow#seedKey()}), so the next run produces the same key;
 *   <li>every insert is {@code INSERT ... ON CONFLICT DO NOTHING}; a row that was already there is
 *       found again by its primary key or a unique key it sets, so its children still reference it;
 *   <li>rows whose table has neither a uuid key nor a unique key they set (e.g. an identity key
 *       only) cannot be recognized and are inserted again: use {@link #fresh(boolean) fresh} mode
 *       for those, or give them a unique natural key.
 * </ul>
 * Changed seed values do not update rows already present. In <b>fresh</b> mode the seeded tables are
 * first emptied with {@code TRUNCATE ... RESTART IDENTITY CASCADE} (which also empties tables that
 * reference them), so the result is exactly the seed data, identity values included.
 *
 * <p>Bulk batches ({@code insertAll}) use {@code COPY}: straight into the table in fresh mode, and
 * through a temporary table plus {@code INSERT ... ON CONFLICT DO NOTHING} otherwise; a table with
 * no row yet is copied into straight, and only when two rows of the batch conflict with each other
 * does the batch go through the temporary table instead (same result, same counts).
 */
public final class Seeder {
  private final ClassLoader classLoader;
  private final boolean fresh;

  private Seeder(ClassLoader classLoader, boolean fresh) {
    this.classLoader = classLoader;
    this.fresh = fresh;
  }

  /** A seeder that reads seed sets with the thread's context class loader, not fresh. */
  public static Seeder create() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return new Seeder(loader == null ? Seeder.class.getClassLoader() : loader, false);
  }

  /** Reads seed sets with {@code loader}. */
  public Seeder classLoader(ClassLoader loader) {
    return new Seeder(Objects.requireNonNull(loader, "loader"), fresh);
  }

  /** Whether to empty the seeded tables first (see the class comment). */
  public Seeder fresh(boolean truncateFirst) {
    return new Seeder(classLoader, truncateFirst);
  }

  /** The seed sets this seeder finds. */
  public SeedSetIndex index() {
    return SeedSetIndex.load(classLoader);
  }

  /**
   * Runs every seed set of {@code env} found in the index.
   *
   * @throws SeedException when no seed set belongs to {@code env}, or seeding fails (nothing is left)
   */
  public SeedResult run(DataSource dataSource, String env) {
    SeedSetIndex index = index();
    List<SeedSetDefinition> sets = index.forEnv(env);
    if (sets.isEmpty()) {
      throw new SeedException("No seed set belongs to environment '" + env + "'. Known environments: "
          + index.environments() + ". Tag a seed set with @SeedSet(env = \"" + env + "\").");
    }
    return run(dataSource, env, sets);
  }

  /** Runs the given seed sets (in the given order) as environment {@code env}. */
  public SeedResult run(DataSource dataSource, String env, List<SeedSetDefinition> sets) {
    long start = System.nanoTime();
    SeedRows rows = new SeedRows();
    List<String> names = new ArrayList<>();
    for (SeedSetDefinition set : sets) {
      rows.beginSet(set.name());
      names.add(set.name());
      try {
        set.body().accept(rows);
      } catch (SeedException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new SeedException("Seed set " + set.name() + " failed before anything was written: " + e, e);
      }
    }
    rows.beginSet(null);
    List<SeedResult.TableResult> tables;
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        tables = new Inserter(connection, fresh).insert(rows);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        if (e instanceof SeedException seed) {
          throw seed;
        }
        throw new SeedException("Seeding " + env + " failed; nothing was written: " + e.getMessage(), e);
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new SeedException("Cannot connect to seed " + env + ": " + e.getMessage(), e);
    }
    return new SeedResult(env, names, tables, (System.nanoTime() - start) / 1_000_000);
  }

  private static void rollback(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
