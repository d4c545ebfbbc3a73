package dev.plinth.runner.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.executor.Context;
import org.flywaydb.core.api.executor.MigrationExecutor;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.extensibility.MigrationType;
import org.flywaydb.core.internal.jdbc.Results;

/**
 * Executes a generated script, inside the transaction Flyway opened for it, as one call: the
 * driver sends all its statements at once and the server runs them in order, so the script costs
 * one round trip instead of one per statement. When it fails, the transaction goes back to where
 * the script began and Flyway's own executor runs it again statement by statement, so a failure is
 * reported exactly as before, naming the statement and its line.
 */
final class OneRoundTripExecutor implements MigrationExecutor {

  /** Marks where the script began, in the same call (no round trip of its own). */
  static final String SAVEPOINT = "plinth_script";

  private final MigrationExecutor flyway;
  private final String script;
  private final MigrationResources resources;

  OneRoundTripExecutor(MigrationExecutor flyway, String script, MigrationResources resources) {
    this.flyway = flyway;
    this.script = script;
    this.resources = resources;
  }

  @Override
  public List<Results> execute(Context context) throws SQLException {
    Connection connection = context.getConnection();
    Optional<String> sql = connection.getAutoCommit() ? Optional.empty()
        : resources.read(MigrationResources.forwardOf(script));
    if (sql.isEmpty()) {
      return flyway.execute(context);
    }
    try (Statement st = connection.createStatement()) {
      st.execute("SAVEPOINT " + SAVEPOINT + ";\n" + sql.get());
      return new ArrayList<>();
    } catch (SQLException e) {
      if (RunnerContext.isConnectionState(e.getSQLState())) {
        throw e;
      }
      try (Statement st = connection.createStatement()) {
        st.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
      }
      return flyway.execute(context);
    }
  }

  /** Only scripts generated to run in a transaction get this executor ({@link GeneratedScripts}). */
  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public boolean shouldExecute() {
    return flyway.shouldExecute();
  }

  @Override
  public String shouldExecuteExpression() {
    return flyway.shouldExecuteExpression();
  }

  /** Flyway's resolved migration, unchanged but for its executor. */
  record Migration(ResolvedMigration flyway, MigrationExecutor executor) implements ResolvedMigration {

    Migration(ResolvedMigration flyway, MigrationResources resources) {
      this(flyway, new OneRoundTripExecutor(flyway.getExecutor(), flyway.getScript(), resources));
    }

    @Override
    public MigrationVersion getVersion() {
      return flyway.getVersion();
    }

    @Override
    public String getDescription() {
      return flyway.getDescription();
    }

    @Override
    public String getScript() {
      return flyway.getScript();
    }

    @Override
    public Integer getChecksum() {
      return flyway.getChecksum();
    }

    @Override
    public MigrationType getType() {
      return flyway.getType();
    }

    @Override
    public String getPhysicalLocation() {
      return flyway.getPhysicalLocation();
    }

    @Override
    public MigrationExecutor getExecutor() {
      return executor;
    }

    @Override
    public boolean checksumMatches(Integer checksum) {
      return flyway.checksumMatches(checksum);
    }

    @Override
    public boolean checksumMatchesWithoutBeingIdentical(Integer checksum) {
      return flyway.checksumMatchesWithoutBeingIdentical(checksum);
    }

    @Override
    public boolean canCompareWith(ResolvedMigration other) {
      return flyway.canCompareWith(other instanceof Migration m ? m.flyway() : other);
    }
  }
}
