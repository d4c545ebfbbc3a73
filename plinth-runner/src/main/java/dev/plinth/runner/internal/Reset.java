package dev.plinth.runner.internal;

import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.ResetResult;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.config.DatabaseUrl;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.View;
import dev.plinth.schema.render.Backups;
import dev.plinth.schema.render.RoutineSql;
import dev.plinth.runner.internal.catalog.CatalogReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import dev.plinth.runner.MigrateResult;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code reset} and {@code prune-backups}: the commands that drop things, under Flyway's lock. */
public final class Reset {

  private static final Logger LOG = LoggerFactory.getLogger(Reset.class);

  /** Words that mark a database name as disposable. */
  static final List<String> DISPOSABLE_WORDS = List.of("test", "dev", "tmp", "temp", "scratch", "local", "ci");

  private static final List<String> LOCAL_HOSTS = List.of("localhost", "127.0.0.1", "::1", "[::1]");

  private static final Pattern BACKUP = Pattern.compile(
      Pattern.quote(Backups.SCHEMA_PREFIX) + "(\\d+(?:\\.\\d+)*)_.*");

  private final RunnerContext context;

  public Reset(RunnerContext context) {
    this.context = context;
  }

  /** Refuses, saying why, unless the database is local and named as disposable. */
  public void checkDisposable() {
    RunnerConfig config = context.config();
    if (config.disposable()) {
      return;
    }
    if (config.url().isEmpty()) {
      throw new PlinthException(Message.RESET_REFUSED_REMOTE, "the application's data source");
    }
    DatabaseUrl url = config.url().get();
    String host = url.host().toLowerCase(Locale.ROOT);
    if (!LOCAL_HOSTS.contains(host)) {
      throw new PlinthException(Message.RESET_REFUSED_REMOTE, url.host());
    }
    String database = url.database().isEmpty()
        ? config.user().orElse(System.getProperty("user.name")) : url.database();
    if (!isDisposableName(database)) {
      throw new PlinthException(Message.RESET_REFUSED_NAME, database, String.join(", ", DISPOSABLE_WORDS));
    }
  }

  /** A name with one of the words as a whole part ({@code app_test}, {@code dev}, {@code scratch2}). */
  static boolean isDisposableName(String database) {
    for (String part : database.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      if (DISPOSABLE_WORDS.contains(part)) {
        return true;
      }
    }
    return false;
  }

  public ResetResult run(Supplier<MigrateResult> migrateAgain) {
    SortedSet<String> tables = new TreeSet<>();
    SortedSet<String> types = new TreeSet<>();
    // What was there: what the result reports (tables and types of the migrations that are not are
    // dropped IF EXISTS, and not counted).
    SortedSet<String> liveTables = new TreeSet<>();
    SortedSet<String> liveTypes = new TreeSet<>();
    SortedSet<String> schemas = new TreeSet<>();
    SortedSet<String> views = new TreeSet<>();
    try (Connection connection = context.connect()) {
      String historySchema = context.historySchema(connection);
      try (AdvisoryLock readers = AdvisoryLock.historyReaders(connection, historySchema, context.historyTable(), true);
          AdvisoryLock lock = AdvisoryLock.acquire(connection, historySchema, context.historyTable())) {
        // What the committed migrations create (all of them, applied or not) and what is there now.
        List<MigrationInfo> all = new ArrayList<>();
        for (MigrationInfo info : context.flyway().info().all()) {
          if (info.getVersion() != null && info.getResolvedChecksum() != null) {
            all.add(info);
          }
        }
        Schema committed = Drift.expectedSchema(context, all);
        Schema live = CatalogReader.read(connection, context.historyTable());
        committed.views().stream().filter(v -> !v.materialized()).map(View::name).map(Reset::ident)
            .forEach(views::add);
        List<String> materialized = committed.views().stream().filter(View::materialized).map(View::name)
            .map(Reset::ident).toList();
        // A function outlives DROP TABLE ... CASCADE (its triggers do not).
        List<String> functions = committed.functions().stream().map(RoutineSql::signature).toList();
        for (Schema schema : List.of(committed, live)) {
          schema.tables().stream().map(Table::name).map(Reset::ident).forEach(tables::add);
          schema.enums().stream().map(EnumType::name).map(Reset::ident).forEach(types::add);
          schemas.addAll(schema.namespaces());
        }
        live.tables().stream().map(Table::name).map(Reset::ident).forEach(liveTables::add);
        live.enums().stream().map(EnumType::name).map(Reset::ident).forEach(liveTypes::add);
        schemas.addAll(plinthSchemas(connection, "plinth\\_%"));
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
          execute(st, "DROP TABLE IF EXISTS " + Rollback.quote(historySchema) + "."
              + Rollback.quote(context.historyTable()));
          if (!views.isEmpty()) {
            execute(st, "DROP VIEW IF EXISTS " + String.join(", ", views) + " CASCADE");
          }
          if (!materialized.isEmpty()) {
            execute(st, "DROP MATERIALIZED VIEW IF EXISTS " + String.join(", ", materialized) + " CASCADE");
          }
          if (!functions.isEmpty()) {
            execute(st, "DROP FUNCTION IF EXISTS " + String.join(", ", functions) + " CASCADE");
          }
          if (!tables.isEmpty()) {
            execute(st, "DROP TABLE IF EXISTS " + String.join(", ", tables) + " CASCADE");
          }
          if (!types.isEmpty()) {
            execute(st, "DROP TYPE IF EXISTS " + String.join(", ", types) + " CASCADE");
          }
          for (String schema : schemas) {
            execute(st, "DROP SCHEMA IF EXISTS " + Rollback.quote(schema) + " CASCADE");
          }
        }
        connection.commit();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw context.sqlFailure("reset", e);
    }
    return new ResetResult(List.copyOf(liveTables), List.copyOf(liveTypes), List.copyOf(schemas), migrateAgain.get());
  }

  /**
   * Whether a backup schema of {@code version} belongs to the configured tenant: in a tenant's
   * schema, migrations keep what they remove in {@code plinth_backup_v<version>_<tenant>} (as
   * PostgreSQL truncates it to 63 bytes), and the other tenants' backups are theirs.
   */
  private boolean ofThisTenant(String schema, String version) {
    return context.config().schema()
        .map(tenant -> truncated(new Backups(version).tenantSchemaPrefix() + tenant).equals(schema))
        .orElse(true);
  }

  private static String truncated(String identifier) {
    byte[] bytes = identifier.getBytes(StandardCharsets.UTF_8);
    int end = Math.min(bytes.length, Names.MAX_BYTES);
    while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  public List<String> pruneBackups(Optional<String> before) {
    Optional<MigrationVersion> limit = before.map(MigrationVersion::fromVersion);
    List<String> dropped = new ArrayList<>();
    try (Connection connection = context.connect()) {
      String historySchema = context.historySchema(connection);
      try (AdvisoryLock readers = AdvisoryLock.historyReaders(connection, historySchema, context.historyTable(), true);
          AdvisoryLock lock = AdvisoryLock.acquire(connection, historySchema, context.historyTable())) {
        for (String schema : plinthSchemas(connection, Backups.SCHEMA_PREFIX.replace("_", "\\_") + "%")) {
          Matcher m = BACKUP.matcher(schema);
          if (!m.matches()) {
            continue;
          }
          if (limit.isPresent() && MigrationVersion.fromVersion(m.group(1)).compareTo(limit.get()) >= 0) {
            continue;
          }
          if (!ofThisTenant(schema, m.group(1))) {
            continue;
          }
          dropped.add(schema);
        }
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
          for (String schema : dropped) {
            execute(st, "DROP SCHEMA " + Rollback.quote(schema) + " CASCADE");
          }
        }
        connection.commit();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw context.sqlFailure("prune-backups", e);
    }
    return dropped;
  }

  private static List<String> plinthSchemas(Connection connection, String like) throws SQLException {
    List<String> result = new ArrayList<>();
    try (var st = connection.prepareStatement(
        "SELECT nspname FROM pg_namespace WHERE nspname LIKE ? ORDER BY nspname")) {
      st.setString(1, like);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          result.add(rs.getString(1));
        }
      }
    }
    return result;
  }

  private static void execute(Statement st, String sql) throws SQLException {
    LOG.debug("{}", sql);
    st.execute(sql);
  }

  private static String ident(QualifiedName name) {
    return Rollback.quote(name.schema()) + "." + Rollback.quote(name.name());
  }
}
