package dev.plinth.runner.internal;

import dev.plinth.runner.BaselineResult;
import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.internal.catalog.Difference;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.render.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;

/**
 * {@code baseline}: records an existing database as being at version N with Flyway's own baseline
 * row, so that Flyway's {@code info}, {@code validate} and {@code migrate} read it; only when the
 * database has the schema of version N (what {@code verify} would say), unless forced.
 */
public final class Baseline {
  /** The baseline row's description; a forced baseline says so in it. */
  static final String DESCRIPTION = "<< Plinth baseline >>";

  private final RunnerContext context;

  public Baseline(RunnerContext context) {
    this.context = context;
  }

  public BaselineResult run(Optional<String> version, boolean force) {
    // Exclusive against migrates and rollbacks: nothing changes the schema or history in between.
    try (Connection connection = context.connect();
        AdvisoryLock lock = AdvisoryLock.historyReaders(connection, RunnerContext.currentSchema(connection),
            context.historyTable(), true)) {
      MigrationInfoService info = info();
      List<MigrationInfo> all = List.of(info.all());
      List<MigrationInfo> migrations = all.stream().filter(i -> i.getVersion() != null)
          .sorted(Comparator.comparing(MigrationInfo::getVersion)).toList();
      if (migrations.isEmpty()) {
        throw new PlinthException(Message.BASELINE_NO_MIGRATIONS, String.join(", ", context.config().locations()));
      }
      MigrationVersion target = target(version, migrations);
      Optional<MigrationInfo> applied = all.stream().filter(i -> i.getState().isApplied()).reduce((a, b) -> b);
      // A Flyway history that the migrations replace (pull wrote them after it) is kept, and the
      // baseline row comes after it; any other history means the database is managed already.
      boolean keepHistory = applied.isPresent()
          && ReplacedHistory.of(context.resources(), info.all()).covers(target);
      if (applied.isPresent() && !keepHistory) {
        throw new PlinthException(Message.BASELINE_HISTORY_EXISTS, context.historyTable(),
            applied.get().getVersion() == null ? "none" : applied.get().getVersion().getVersion());
      }
      List<MigrationInfo> upTo = migrations.stream().filter(i -> i.getVersion().compareTo(target) <= 0).toList();
      Schema expected = Drift.expectedSchema(context, upTo);
      Drift drift = new Drift(context);
      List<Difference> differences = Drift.differences(drift.external().leaveOut(expected),
          drift.liveSchema("baseline"));
      if (!differences.isEmpty() && !force) {
        return new BaselineResult(target.getVersion(), false, false, differences);
      }
      String description = differences.isEmpty() ? DESCRIPTION
          : "<< Plinth baseline, forced over " + differences.size() + " difference"
              + (differences.size() == 1 ? "" : "s") + " >>";
      if (keepHistory) {
        appendBaselineRow(connection, target, description);
      } else {
        context.configuration().baselineVersion(target).baselineDescription(description).load().baseline();
      }
      return new BaselineResult(target.getVersion(), true, !differences.isEmpty(), differences);
    } catch (SQLException e) {
      throw context.sqlFailure("baseline", e);
    } catch (FlywayException e) {
      throw Failures.translate(e, context.config(), Optional::empty);
    }
  }

  /**
   * Adds Flyway's baseline row after the rows of an existing history (Flyway's own baseline
   * only writes into an empty one), as Flyway writes it: the description as script, no checksum.
   */
  private void appendBaselineRow(Connection connection, MigrationVersion version, String description)
      throws SQLException {
    String table = Sql.ident(context.historySchema(connection)) + "." + Sql.ident(context.historyTable());
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
        + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)"
        + " SELECT coalesce(max(installed_rank), 0) + 1, ?, ?, 'BASELINE', ?, NULL, current_user, 0, true FROM "
        + table)) {
      insert.setString(1, version.getVersion());
      insert.setString(2, description);
      insert.setString(3, description);
      insert.executeUpdate();
    }
  }

  private MigrationInfoService info() {
    return context.flyway().info();
  }

  private static MigrationVersion target(Optional<String> version, List<MigrationInfo> migrations) {
    if (version.isEmpty()) {
      return migrations.get(migrations.size() - 1).getVersion();
    }
    MigrationVersion wanted = RunnerContext.parseVersion("--version", version.get());
    if (migrations.stream().noneMatch(i -> i.getVersion().equals(wanted))) {
      throw new PlinthException(Message.BASELINE_VERSION_UNKNOWN, version.get(),
          migrations.stream().map(i -> i.getVersion().getVersion()).collect(Collectors.joining(", ")));
    }
    return wanted;
  }
}
