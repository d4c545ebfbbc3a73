package dev.plinth.runner.internal;

import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RollbackListener;
import dev.plinth.runner.RollbackResult;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.schema.render.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs reverse scripts newest first. Each reverse script and the deletion of its migration's row
 * from Flyway's history commit together, under Flyway's advisory lock, so a concurrent migrate
 * waits and then sees a consistent history. Every check (reverse present, unaltered, forward
 * script unchanged since it was applied) runs before anything is executed.
 */
public final class Rollback {

  private static final Logger LOG = LoggerFactory.getLogger(Rollback.class);

  /** Plinth's own record of rolled-back versions, shown by {@code info}; outside every comparison. */
  static final String LOG_SCHEMA = "plinth_runner";
  public static final String LOG_TABLE = LOG_SCHEMA + ".rolled_back";

  private final RunnerContext context;
  private final MigrationResources resources;
  /** The folder, checked once per run (plinth.sum among it). */
  private FolderCheck folder;
  /** Whether {@link #LOG_TABLE} exists (a role without CREATE rolls back without the note). */
  private boolean logTable;

  public Rollback(RunnerContext context) {
    this.context = context;
    this.resources = context.resources();
  }

  public RollbackResult run(RollbackTarget target, boolean dryRun, RollbackListener listener) {
    long start = System.nanoTime();
    folder = FolderCheck.of(resources).requireReadable("rollback");
    try (Connection connection = context.connect()) {
      String schema = context.historySchema(connection);
      // A dry run only reads; the real run decides what to undo only once it holds the lock.
      AdvisoryLock readers = dryRun ? null
          : AdvisoryLock.historyReaders(connection, schema, context.historyTable(), true);
      AdvisoryLock lock = dryRun ? null : AdvisoryLock.acquire(connection, schema, context.historyTable());
      try {
        List<Applied> applied = applied(connection);
        List<Applied> chosen = choose(applied, target);
        List<RollbackResult.Step> steps = new ArrayList<>();
        for (Applied info : chosen) {
          steps.add(check(info));
        }
        Optional<String> remaining = remainingVersion(applied, chosen.size());
        if (dryRun) {
          return new RollbackResult(steps, remaining, true, millisSince(start));
        }
        List<RollbackResult.Step> done = new ArrayList<>();
        logTable = ensureLogTable(connection);
        for (int i = 0; i < steps.size(); i++) {
          Optional<String> before = remainingVersion(applied, i);
          // Only a failure outside a transaction says whether the script can be run again.
          boolean resumable = !steps.get(i).transactional() && resources.resumable(chosen.get(i).script());
          RollbackResult.Step step = steps.get(i);
          listener.starting(step.version(), step.description(), step.reverse());
          done.add(execute(connection, schema, step, chosen.get(i).installedRank(), resumable, before,
              remainingVersion(applied, i + 1)));
          listener.rolledBack(done.get(done.size() - 1));
        }
        return new RollbackResult(done, remaining, false, millisSince(start));
      } finally {
        if (lock != null) {
          lock.close();
          readers.close();
        }
      }
    } catch (SQLException e) {
      throw context.sqlFailure("rollback", e);
    }
  }

  /**
   * A successfully applied versioned migration, oldest first, with the checksums Flyway's
   * {@code info} gives it and its history row's {@code installed_rank} (the table's primary key,
   * by which its row is removed); {@code info} is Flyway's own entry, null when the history was
   * read plainly ({@link PlainInfo}).
   */
  private record Applied(MigrationVersion version, String description, String script, boolean baseline,
      Integer appliedChecksum, Integer resolvedChecksum, MigrationInfo info, Integer installedRank) {}

  /**
   * The applied migrations: from one read of the history and the files when both are plain (then
   * Flyway's {@code info} would list exactly those rows, and nothing in them was replaced by a
   * squash or an adoption), else from Flyway's {@code info}.
   */
  private List<Applied> applied(Connection connection) {
    Optional<List<PlainInfo.Migration>> plain = PlainInfo.read(context, connection);
    if (plain.isPresent()) {
      return plain.get().stream().filter(PlainInfo.Migration::applied)
          .map(m -> new Applied(m.version(), m.description(), m.script(), false, m.appliedChecksum(),
              m.resolvedChecksum(), null, m.installedRank()))
          .toList();
    }
    return context.appliedMigrations().stream()
        .map(i -> new Applied(i.getVersion(), i.getDescription(), i.getScript(), i.getType().isBaseline(),
            i.getAppliedChecksum(), i.getResolvedChecksum(), i, i.getInstalledRank()))
        .toList();
  }

  private List<Applied> choose(List<Applied> applied, RollbackTarget target) {
    List<Applied> newestFirst = new ArrayList<>(applied);
    java.util.Collections.reverse(newestFirst);
    if (target.stepCount().isPresent()) {
      int steps = target.stepCount().get();
      if (steps > newestFirst.size()) {
        throw new PlinthException(Message.ROLLBACK_TOO_MANY_STEPS, steps, newestFirst.size(),
            newestFirst.size() == 1 ? "is" : "are", version(newestFirst.isEmpty() ? null : newestFirst.get(0)),
            newestFirst.size());
      }
      return newestFirst.subList(0, steps);
    }
    MigrationVersion to = MigrationVersion.fromVersion(target.version().orElseThrow());
    return newestFirst.stream().filter(m -> m.version().compareTo(to) > 0).toList();
  }

  /** Refuses, naming the file, when the migration cannot be rolled back safely. */
  private RollbackResult.Step check(Applied info) {
    if (info.baseline()) {
      throw new PlinthException(Message.ROLLBACK_BASELINE, info.version().getVersion(),
          info.version().getVersion());
    }
    String script = info.script();
    String reversePath = MigrationResources.reverseOf(script);
    Integer resolved = info.resolvedChecksum();
    Integer appliedChecksum = info.appliedChecksum();
    if ((resolved == null || !resolved.equals(appliedChecksum)) && info.info() != null) {
      refuseReplaced(info.info());
    }
    if (resolved != null && appliedChecksum != null && !resolved.equals(appliedChecksum)) {
      throw new PlinthException(Message.ROLLBACK_REFUSED,
          Message.CHECKSUM_CHANGED.text(MigrationResources.fileName(script), appliedChecksum, resolved)
              + " Its reverse script may not undo what the database holds.");
    }
    Optional<String> sql = resources.read(reversePath);
    if (sql.isEmpty()) {
      boolean generated = resources.read(MigrationResources.journalOf(script)).isPresent();
      throw new PlinthException(Message.ROLLBACK_REVERSE_MISSING, MigrationResources.fileName(script), reversePath,
          generated ? "" : " (" + MigrationResources.fileName(script) + " is hand-written)",
          MigrationResources.fileName(script));
    }
    folder.sumProblem(reversePath).ifPresent(problem -> {
      throw new PlinthException(Message.ROLLBACK_REFUSED, problem.text());
    });
    return new RollbackResult.Step(info.version().getVersion(), info.description(),
        MigrationResources.fileName(script), reversePath, sql.get(), !resources.nonTransactional(script), 0);
  }

  /** Refuses a row applied before a squash or adoption replaced it: its reverse script is gone. */
  private void refuseReplaced(MigrationInfo info) {
    ReplacedHistory replaced = ReplacedHistory.of(resources, context.flyway().info().all());
    Optional<String> by = replaced.replacedBy(info);
    if (by.isPresent()) {
      String version = info.getVersion().getVersion();
      throw new PlinthException(Message.ROLLBACK_REPLACED, version, by.get(), version, by.get());
    }
  }

  private RollbackResult.Step execute(Connection connection, String schema, RollbackResult.Step step,
      Integer rank, boolean resumable, Optional<String> before, Optional<String> after) throws SQLException {
    long start = System.nanoTime();
    LOG.info("Rolling back version {} with {}", step.version(), step.reverse());
    if (step.transactional()) {
      runCommitted(connection, schema, step, rank, before, after);
      return done(step, before, after, start);
    }
    connection.setAutoCommit(true);
    try {
      runStatements(connection, step, resumable, before, after);
      // A non-transactional reverse has committed by now; its history row goes in a transaction of its own.
      connection.setAutoCommit(false);
      int removed = removeFromHistory(connection, schema, step, rank);
      if (removed != 1) {
        connection.rollback();
        throw new PlinthException(Message.ROLLBACK_HISTORY_CHANGED, step.version());
      }
      connection.commit();
    } finally {
      connection.setAutoCommit(true);
    }
    return done(step, before, after, start);
  }

  private static RollbackResult.Step done(RollbackResult.Step step, Optional<String> before, Optional<String> after,
      long start) {
    LOG.debug("Schema now at version {}", after.orElse("none"));
    return new RollbackResult.Step(step.version(), step.description(), step.script(), step.reverse(), step.sql(),
        step.transactional(), millisSince(start));
  }

  /**
   * A step in a transaction as one call in autocommit, {@code BEGIN; script; removal; COMMIT}: the
   * reverse script and the removal of its history row with the note, in one transaction and one
   * round trip (the commit travels with the script). The removal divides by zero unless exactly
   * one row went, so a history another process changed aborts the step inside its transaction.
   * When the call fails, the transaction is rolled back and the step is run again one statement
   * at a time in a transaction that is rolled back, to tell which it was: a failing statement is
   * named with its line; a history row that was not there is reported as such.
   */
  private void runCommitted(Connection connection, String schema, RollbackResult.Step step, Integer rank,
      Optional<String> before, Optional<String> after) throws SQLException {
    // The new line ends a closing line comment; the semicolon ends a last statement without one.
    String sql = "BEGIN;\n" + step.sql() + "\n;\n" + historyRemoval(schema, step, rank, "1 / (count(*) = 1)::int")
        + ";\nCOMMIT";
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      if (RunnerContext.isConnectionState(e.getSQLState())) {
        throw e;
      }
      try (Statement st = connection.createStatement()) {
        st.execute("ROLLBACK");
      }
      connection.setAutoCommit(false);
      int removed;
      try {
        runStatements(connection, step, false, before, after);
        removed = removeFromHistory(connection, schema, step, rank);
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
      if (removed != 1) {
        throw new PlinthException(Message.ROLLBACK_HISTORY_CHANGED, step.version());
      }
      // The statements passed one by one (a lock timeout, say, that did not happen again).
      throw failure(e, step, false, 0, step.sql(), before, after);
    }
  }

  /** What to do about a failed reverse statement: the reverse script itself is never the thing to edit. */
  static String advice(SQLException e, String statement, String targetVersion) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if ((state.equals("3F000") || state.equals("42P01")) && statement.contains("plinth_backup_v")) {
      return Message.ROLLBACK_ADVICE_BACKUP_GONE.format();
    }
    // 23: a constraint the older version has; 22: a value its types cannot hold (an enum value or
    // a length the migration added, say), in a cast of the rows written since.
    if (state.startsWith("23") || state.startsWith("22")) {
      String where = Failures.serverColumn(e).map(c -> " (column " + c + ")").orElse("");
      return Message.ROLLBACK_ADVICE_ROWS.format(targetVersion, where);
    }
    return Message.ROLLBACK_ADVICE_GENERIC.format();
  }

  private void runStatements(Connection connection, RollbackResult.Step step, boolean resumable,
      Optional<String> before, Optional<String> after) throws SQLException {
    for (SqlStatements.Statement statement : SqlStatements.split(step.sql())) {
      LOG.debug("{} line {}:\n{}", step.reverse(), statement.line(), statement.sql());
      try (Statement st = connection.createStatement()) {
        st.execute(statement.sql());
      } catch (SQLException e) {
        if (step.transactional()) {
          connection.rollback();
        } else if (!RunnerContext.isConnectionState(e.getSQLState())) {
          SessionTimeouts.reset(connection); // the script's own RESET at its end did not run
        }
        if (RunnerContext.isConnectionState(e.getSQLState())) {
          throw e;
        }
        throw failure(e, step, resumable, statement.line(), statement.sql(), before, after);
      }
    }
  }

  private static PlinthException failure(SQLException e, RollbackResult.Step step, boolean resumable, int line,
      String statement, Optional<String> before, Optional<String> after) {
    return new PlinthException(e, Message.ROLLBACK_FAILED, step.reverse(), line,
        Failures.serverMessage(e), e.getSQLState() == null ? "unknown" : e.getSQLState(),
        Failures.shorten(statement), step.transactional()
            ? Message.ROLLBACK_ROLLED_BACK.text(before.orElse(Message.NO_VERSION.text()))
            : resumable ? Message.ROLLBACK_RESUMABLE.text(step.version())
            : Message.ROLLBACK_NOT_ROLLED_BACK.text(step.version()),
        advice(e, statement, after.orElse(Message.NO_VERSION.text())));
  }

  /**
   * Makes sure Plinth's note of rolled-back versions (shown by {@code info}) can be written; false
   * when the role may not create it, and then rollback goes on without the note.
   */
  private static boolean ensureLogTable(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE SCHEMA IF NOT EXISTS " + LOG_SCHEMA + ";"
          + " CREATE TABLE IF NOT EXISTS " + LOG_TABLE + " (version text PRIMARY KEY, script text NOT NULL,"
          + " rolled_back_at timestamptz NOT NULL DEFAULT now(), rolled_back_by text NOT NULL DEFAULT current_user)");
      return true;
    } catch (SQLException e) {
      LOG.warn("Cannot create {} to note rollbacks for info: {}", LOG_TABLE, e.getMessage());
      return false;
    }
  }

  /** Deletes the step's history row and notes the rollback, in one statement; the rows deleted. */
  private int removeFromHistory(Connection connection, String schema, RollbackResult.Step step, Integer rank)
      throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(historyRemoval(schema, step, rank, "count(*)"))) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /**
   * The statement that deletes a step's history row and notes the rollback, selecting
   * {@code result} from the rows deleted ({@code removed}). The row is found by its primary key,
   * {@code installed_rank} as read under the lock, and must still be that version's successful
   * row ({@code version} alone is not indexed in Flyway's table: the server would scan it). The
   * note replaces any earlier one of the version.
   */
  private String historyRemoval(String schema, RollbackResult.Step step, Integer rank, String result) {
    String history = quote(schema) + "." + quote(context.historyTable());
    String removed = "WITH removed AS (DELETE FROM " + history + " WHERE "
        + (rank == null ? "" : "installed_rank = " + rank + " AND ")
        + "version = " + Sql.literal(step.version()) + " AND success RETURNING version)";
    if (!logTable) {
      return removed + " SELECT " + result + " FROM removed";
    }
    return removed + ", noted AS (INSERT INTO " + LOG_TABLE + " (version, script) SELECT version, "
        + Sql.literal(step.script()) + " FROM removed"
        + " ON CONFLICT (version) DO UPDATE SET script = EXCLUDED.script, rolled_back_at = now(),"
        + " rolled_back_by = current_user) SELECT " + result + " FROM removed";
  }

  /** The newest applied version once the newest {@code removed} are rolled back. */
  private static Optional<String> remainingVersion(List<Applied> applied, int removed) {
    int left = applied.size() - removed;
    return left <= 0 ? Optional.empty() : Optional.of(applied.get(left - 1).version().getVersion());
  }

  private static String version(Applied info) {
    return info == null ? Message.NO_VERSION.text() : info.version().getVersion();
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
