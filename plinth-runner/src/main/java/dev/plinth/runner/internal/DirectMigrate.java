package dev.plinth.runner.internal;

import dev.plinth.runner.MigrateListener;
import dev.plinth.runner.MigrateResult;
import dev.plinth.schema.render.Sql;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.pattern.ValidatePattern;
import org.flywaydb.core.internal.info.MigrationInfoImpl;
import org.flywaydb.core.internal.info.MigrationInfoServiceImpl;
import org.flywaydb.core.internal.util.AbbreviationUtils;

/**
 * Applies the pending generated migrations that run in a transaction ({@link GeneratedScripts})
 * itself, without Flyway's per-migration bookkeeping (a lock taken and released, its view of all
 * migrations rebuilt, the history row inserted on its own): under Flyway's lock, each script and
 * its history row go to the server as one call, {@code BEGIN; script; INSERT ...; COMMIT}, one
 * transaction and one round trip per migration. The row is the one Flyway writes (same rank,
 * version, description, type, script, checksum, installed by), so plain Flyway reads, validates
 * and continues the history, and the other way round.
 *
 * <p>Only the run of such migrations at the head of the pending ones, and only when Flyway's own
 * validation before a migrate passes, no SQL callback is among the scripts and the history table
 * exists. Everything else (the first migration of a new database, hand-written and
 * non-transactional scripts, a failing script, a history another runner changed meanwhile) is left
 * to Flyway's migrate, which the caller runs after: a script that fails here is rolled back and
 * Flyway runs it again, so its failure is reported exactly as Flyway's executor reports it.
 */
public final class DirectMigrate {

  private final RunnerContext context;

  public DirectMigrate(RunnerContext context) {
    this.context = context;
  }

  /**
   * What Flyway's migrate would apply first, read with one scan of the locations.
   *
   * @param head the generated transactional migrations at the head of the pending ones
   * @param rest whether more is pending after them (for Flyway)
   * @param historyExists whether Flyway's history table exists
   * @param seen the history's row count and highest rank when it was read
   * @param current the version the schema is at
   */
  public record Plan(List<MigrationInfo> head, boolean rest, boolean historyExists, long[] seen,
      Optional<String> current) {

    static Plan flyway() {
      return new Plan(List.of(), true, false, new long[0], Optional.empty());
    }

    /** Whether there is nothing for this class to do. */
    public boolean flywayOnly() {
      return head.isEmpty() && (rest || !historyExists);
    }

    /** Without the first migration, which Flyway applies (it creates the history table first). */
    public Plan withoutFirst() {
      return new Plan(head.subList(1, head.size()), rest, true, new long[0], current);
    }
  }

  /** What was applied; {@code rest} when Flyway's migrate must run after. */
  public record Outcome(List<MigrateResult.Applied> applied, boolean rest) {}

  /** Reads the state and decides what can be applied here; {@code connection} is in autocommit. */
  public Plan plan(Connection connection) throws SQLException {
    if (context.config().schema().isPresent()) {
      return Plan.flyway();
    }
    String table = table(connection);
    Optional<long[]> seen = counts(connection, table);
    GeneratedScripts scripts = new GeneratedScripts(context.resources());
    FluentConfiguration configuration = context.configuration().resolvers(scripts);
    // Flyway's migrate validates with the configured patterns and pending migrations ignored.
    List<ValidatePattern> patterns = new ArrayList<>(Arrays.asList(configuration.getIgnoreMigrationPatterns()));
    patterns.add(ValidatePattern.fromPattern("*:pending"));
    configuration.ignoreMigrationPatterns(patterns.toArray(ValidatePattern[]::new));
    org.flywaydb.core.Flyway flyway = configuration.load();
    MigrationInfoService service = flyway.info();
    if (scripts.sqlCallbacks() || !(service instanceof MigrationInfoServiceImpl)
        || (seen.isPresent() && !flyway.validateWithResult().validationSuccessful)) {
      return Plan.flyway();
    }
    MigrationInfo[] pending = service.pending();
    List<MigrationInfo> head = new ArrayList<>();
    for (MigrationInfo info : pending) {
      if (info.getVersion() == null || !(info instanceof MigrationInfoImpl i)
          || !(i.getResolvedMigration() instanceof OneRoundTripExecutor.Migration)) {
        break;
      }
      head.add(info);
    }
    Optional<String> current = Optional.ofNullable(service.current())
        .filter(i -> i.getVersion() != null).map(i -> i.getVersion().getVersion());
    return new Plan(List.copyOf(head), head.size() < pending.length, seen.isPresent(),
        seen.orElse(new long[0]), current);
  }

  /**
   * Applies {@code plan}'s head under Flyway's lock, telling {@code listener} about each; stops at
   * the first that fails (rolled back, for Flyway to run again) or when the history is not what
   * the plan read.
   */
  public Outcome apply(Connection connection, Plan plan, MigrateListener listener) throws SQLException {
    List<MigrateResult.Applied> applied = new ArrayList<>();
    if (plan.head().isEmpty()) {
      return new Outcome(applied, plan.rest());
    }
    String table = table(connection);
    try (AdvisoryLock lock = AdvisoryLock.acquire(connection, context.historySchema(connection),
        context.historyTable())) {
      if (!unchanged(connection, table, plan)) {
        return new Outcome(applied, true);
      }
      String installedBy = Optional.ofNullable(context.configuration().getInstalledBy())
          .map(Sql::literal).orElse("current_user");
      MigrationResources resources = context.resources();
      try (Statement st = connection.createStatement()) {
        for (MigrationInfo info : plan.head()) {
          String version = info.getVersion().toString();
          String file = MigrationResources.fileName(info.getScript());
          Optional<String> sql = resources.read(MigrationResources.forwardOf(info.getScript()));
          if (sql.isEmpty()) {
            return new Outcome(applied, true);
          }
          listener.starting(info.getVersion().getVersion(), info.getDescription(), file);
          long start = System.nanoTime();
          try {
            st.execute("BEGIN;\n" + sql.get() + "\n;\n" + insert(table, info, version, installedBy) + ";\nCOMMIT");
          } catch (SQLException e) {
            if (RunnerContext.isConnectionState(e.getSQLState())) {
              throw new Interrupted(e, file, applied);
            }
            st.execute("ROLLBACK");
            return new Outcome(applied, true);
          }
          MigrateResult.Applied done = new MigrateResult.Applied(info.getVersion().getVersion(),
              info.getDescription(), file, (System.nanoTime() - start) / 1_000_000);
          applied.add(done);
          listener.applied(done);
        }
      }
    }
    return new Outcome(applied, plan.rest());
  }

  /** The connection was lost while {@code script} ran; {@code applied} were committed before. */
  public static final class Interrupted extends SQLException {
    private final transient String script;
    private final transient List<MigrateResult.Applied> applied;

    Interrupted(SQLException cause, String script, List<MigrateResult.Applied> applied) {
      super(cause.getMessage(), cause.getSQLState(), cause);
      this.script = script;
      this.applied = List.copyOf(applied);
    }

    public String script() {
      return script;
    }

    public List<MigrateResult.Applied> applied() {
      return applied;
    }
  }

  /**
   * Flyway's history row ({@code JdbcTableSchemaHistory}: the next rank, the description and script
   * abbreviated as Flyway abbreviates them, the time of the transaction so far in milliseconds).
   */
  private static String insert(String table, MigrationInfo info, String version, String installedBy) {
    return "INSERT INTO " + table + " (installed_rank, version, description, type, script, checksum,"
        + " installed_by, execution_time, success) SELECT coalesce(max(installed_rank), 0) + 1, "
        + Sql.literal(version) + ", " + Sql.literal(AbbreviationUtils.abbreviateDescription(info.getDescription()))
        + ", " + Sql.literal(info.getType().name()) + ", "
        + Sql.literal(AbbreviationUtils.abbreviateScript(info.getScript())) + ", "
        + (info.getChecksum() == null ? "NULL" : info.getChecksum().toString()) + ", " + installedBy
        + ", (extract(epoch FROM clock_timestamp() - now()) * 1000)::int, true FROM " + table;
  }

  private String table(Connection connection) throws SQLException {
    return Sql.ident(context.historySchema(connection)) + "." + Sql.ident(context.historyTable());
  }

  /** The history's row count and highest rank; empty when it does not exist. */
  private static Optional<long[]> counts(Connection connection, String table) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT to_regclass(" + Sql.literal(table) + ") IS NOT NULL")) {
      rs.next();
      if (!rs.getBoolean(1)) {
        return Optional.empty();
      }
    }
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*), coalesce(max(installed_rank), 0) FROM " + table)) {
      rs.next();
      return Optional.of(new long[] {rs.getLong(1), rs.getLong(2)});
    }
  }

  /**
   * Under the lock: no failed row, none of the head's versions applied, and (when the plan read the
   * history) the same rows as then, so the plan is still what Flyway would do.
   */
  private static boolean unchanged(Connection connection, String table, Plan plan) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement("SELECT count(*), coalesce(max(installed_rank), 0),"
        + " count(*) FILTER (WHERE NOT success), count(*) FILTER (WHERE version = ANY(?)) FROM " + table)) {
      Array versions = connection.createArrayOf("text",
          plan.head().stream().map(i -> i.getVersion().toString()).toArray());
      st.setArray(1, versions);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        boolean same = plan.seen().length == 0
            || (rs.getLong(1) == plan.seen()[0] && rs.getLong(2) == plan.seen()[1]);
        return same && rs.getLong(3) == 0 && rs.getLong(4) == 0;
      }
    }
  }
}
