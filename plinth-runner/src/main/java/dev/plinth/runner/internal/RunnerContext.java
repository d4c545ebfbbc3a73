package dev.plinth.runner.internal;

import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.schema.render.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * What every runner command works with: the configuration, the database, the one way Flyway is
 * configured, and the migration files next to Flyway's locations. Commands receive it; they never
 * call back into the {@code Plinth} facade.
 */
public final class RunnerContext {

  private final RunnerConfig config;
  private final DataSource dataSource;

  public RunnerContext(RunnerConfig config, DataSource dataSource) {
    this.config = config;
    this.dataSource = dataSource;
  }

  public RunnerConfig config() {
    return config;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Opens and closes one connection, turning a failure into a message that says what to do. */
  public void checkConnection() {
    try (Connection connection = dataSource.getConnection()) {
      connection.isValid(5);
    } catch (SQLException e) {
      throw Failures.connection(e, config);
    }
  }

  /**
   * Creates the configured {@link RunnerConfig#schema()} when it does not exist yet (a new tenant):
   * until it does, the connections' {@code search_path} falls through to {@code public}, where the
   * tenant's migrations must not create anything.
   */
  public void createSchema() {
    if (config.schema().isEmpty()) {
      return;
    }
    try (Connection connection = connect(); Statement st = connection.createStatement()) {
      st.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.ident(config.schema().get()));
    } catch (SQLException e) {
      // Two runners creating the same schema at once: one of them wins, which is all that is needed.
      if (!"23505".equals(e.getSQLState()) && !"42P06".equals(e.getSQLState())) {
        throw sqlFailure("migrate", e);
      }
    }
  }

  /** A new connection; a failure to connect says what to fix. */
  public Connection connect() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw Failures.connection(e, config);
    }
  }

  /**
   * Flyway configured the one way Plinth runs migrations: no placeholders (generated SQL is final:
   * {@code ${...}} in it is data), naming validated, clean disabled, and a session advisory lock
   * instead of Flyway's transactional one, held across the whole run and shared with rollback (a
   * {@code CONCURRENTLY} step cannot run under a transactional lock).
   */
  public static FluentConfiguration configure(FluentConfiguration flyway) {
    flyway.validateMigrationNaming(true)
        .placeholderReplacement(false)
        .baselineOnMigrate(false)
        .cleanDisabled(true)
        .loggers("slf4j");
    flyway.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    return flyway;
  }

  /**
   * The Flyway instance behind the commands, with {@code callbacks} and {@link SessionTimeouts}
   * (which resets the timeouts a failed script outside a transaction left on its connection).
   */
  public Flyway flyway(Callback... callbacks) {
    return flyway(Optional.empty(), callbacks);
  }

  /** The same, migrating no further than {@code target} when given. */
  public Flyway flyway(Optional<String> target, Callback... callbacks) {
    List<Callback> all = new ArrayList<>(List.of(callbacks));
    all.add(new SessionTimeouts(resources()));
    FluentConfiguration configuration = configuration().callbacks(all.toArray(Callback[]::new));
    target.ifPresent(configuration::target);
    return configuration.load();
  }

  /**
   * Flyway's configuration for this database and these locations, to add to before loading it.
   * Flyway's default resolvers are replaced by {@link GeneratedScripts}, the same ones but for
   * generated scripts, which run in one round trip each.
   */
  public FluentConfiguration configuration() {
    FluentConfiguration flyway = configure(Flyway.configure(config.classLoader()))
        .dataSource(dataSource)
        .locations(config.locations().toArray(String[]::new))
        .skipDefaultResolvers(true)
        .resolvers(new GeneratedScripts(resources()));
    config.target().ifPresent(flyway::target);
    config.schema().ifPresent(flyway::defaultSchema);
    return flyway;
  }

  /** The name of Flyway's history table. */
  public String historyTable() {
    return Flyway.configure().getTable();
  }

  public MigrationResources resources() {
    return new MigrationResources(config.locations(), config.classLoader());
  }

  /** The successfully applied versioned migrations, oldest first. */
  public List<MigrationInfo> appliedMigrations() {
    try {
      List<MigrationInfo> applied = new ArrayList<>();
      for (MigrationInfo info : flyway().info().applied()) {
        if (info.getVersion() != null && info.getState().isApplied() && !info.getState().isFailed()) {
          applied.add(info);
        }
      }
      applied.sort(Comparator.comparing(MigrationInfo::getVersion));
      return applied;
    } catch (FlywayException e) {
      throw Failures.translate(e, config, Optional::empty);
    }
  }

  /** A failed database call of {@code command}: a lost connection, or the server's error. */
  public PlinthException sqlFailure(String command, SQLException e) {
    if (isConnectionState(e.getSQLState())) {
      return Failures.connection(e, config);
    }
    return new PlinthException(e, Message.DATABASE_ERROR, command, Failures.serverMessage(e),
        e.getSQLState() == null ? "unknown" : e.getSQLState());
  }

  /**
   * The schema of Flyway's history table, where the migration lock is taken: the configured
   * {@link RunnerConfig#schema()}, else the connection's current schema (Flyway's default). Not the
   * current schema when a schema is configured: before a tenant's schema exists, names resolve to
   * {@code public}, whose history is not the tenant's.
   */
  public String historySchema(Connection connection) throws SQLException {
    return config.schema().isPresent() ? config.schema().get() : currentSchema(connection);
  }

  /** The schema unqualified names resolve to, where Flyway keeps its history by default. */
  public static String currentSchema(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT current_schema()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  public static boolean isConnectionState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  public static MigrationVersion parseVersion(String what, String version) {
    try {
      return MigrationVersion.fromVersion(version);
    } catch (RuntimeException e) {
      throw new PlinthException(Message.VERSION_INVALID, what, version);
    }
  }
}
