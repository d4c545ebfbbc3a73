package dev.plinth.runner.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.filesystem.FileSystemResource;
import dev.plinth.schema.render.Sql;

/**
 * {@code info} without Flyway when the answer is plain: the migrations are versioned SQL files in
 * filesystem folders (no subfolders, no {@code .conf}, no journal entry that replaces history), and
 * every history row is a successful SQL migration whose file is there, applied in version order,
 * with every pending file newer than the newest applied one. Then Flyway's {@code info} would list
 * exactly the applied rows (state applied) and the files after them (state pending), which one read
 * of the history and one listing of the folders give. Empty otherwise: Flyway decides.
 */
public final class PlainInfo {

  /** Flyway's default naming of a versioned SQL migration: {@code V1_2__add_users.sql}. */
  private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__(.+)\\.sql");

  /**
   * One migration as Flyway's {@code info} reports it.
   *
   * @param appliedChecksum the history row's checksum; {@code null} when pending
   * @param resolvedChecksum Flyway's checksum of the file
   * @param installedRank the history row's {@code installed_rank} (its primary key); {@code null} when pending
   */
  public record Migration(MigrationVersion version, String description, String script, boolean applied,
      Optional<Instant> installedOn, Integer appliedChecksum, Integer resolvedChecksum, Integer installedRank) {

    /** A migration without its history row's rank. */
    public Migration(MigrationVersion version, String description, String script, boolean applied,
        Optional<Instant> installedOn, Integer appliedChecksum, Integer resolvedChecksum) {
      this(version, description, script, applied, installedOn, appliedChecksum, resolvedChecksum, null);
    }
  }

  private record File(MigrationVersion version, String description, Path path) {}

  private record Row(int rank, String version, String description, String type, String script, Integer checksum,
      Timestamp installedOn, boolean success) {}

  private PlainInfo() {}

  /**
   * Whether a history row can be taken as it stands: a SQL migration whose forward script is among
   * {@code resources} (a baseline, a squash or an adoption that replaced files is not).
   */
  public static boolean plainRow(String type, String script, MigrationResources resources) {
    return "SQL".equals(type) && script != null && resources.has(MigrationResources.forwardOf(script));
  }

  /** The migrations in Flyway's {@code info} order, when the history and the files are plain. */
  public static Optional<List<Migration>> read(RunnerContext context) {
    try (Connection connection = context.connect()) {
      return read(context, connection);
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  /** The same, reading the history over {@code connection} (left open). */
  public static Optional<List<Migration>> read(RunnerContext context, Connection connection) {
    if (context.config().target().isPresent()) {
      return Optional.empty();
    }
    Optional<Map<MigrationVersion, File>> files = files(context.config().locations());
    if (files.isEmpty()) {
      return Optional.empty();
    }
    MigrationResources resources = context.resources();
    for (File file : files.get().values()) {
      Optional<String> journal = resources.read(MigrationResources.journalOf(file.path().getFileName().toString()));
      if (journal.isPresent() && journal.get().contains("\"replaces\"")) {
        return Optional.empty();
      }
    }
    List<Row> rows;
    try {
      rows = rows(connection, context.historySchema(connection), context.historyTable());
    } catch (SQLException e) {
      return Optional.empty();
    }
    Set<String> versions = new HashSet<>();
    MigrationVersion newest = null;
    List<Migration> result = new ArrayList<>();
    for (Row row : rows) {
      if (!row.success() || row.version() == null || !plainRow(row.type(), row.script(), resources)
          || !versions.add(row.version())) {
        return Optional.empty();
      }
      MigrationVersion version = MigrationVersion.fromVersion(row.version());
      File file = files.get().get(version);
      if (file == null || !file.path().getFileName().toString().equals(row.script())
          || (newest != null && version.compareTo(newest) <= 0)) {
        return Optional.empty();
      }
      newest = version;
      result.add(new Migration(version, row.description(), row.script(), true,
          Optional.ofNullable(row.installedOn()).map(Timestamp::toInstant), row.checksum(), checksum(file.path()),
          row.rank()));
    }
    for (File file : files.get().values()) {
      if (newest != null && file.version().compareTo(newest) <= 0) {
        if (!versions.contains(file.version().getVersion())) {
          return Optional.empty(); // an older file never applied: Flyway calls it ignored
        }
        continue;
      }
      result.add(new Migration(file.version(), file.description(), file.path().getFileName().toString(), false,
          Optional.empty(), null, checksum(file.path())));
    }
    return Optional.of(result);
  }

  /** The versioned SQL files of the locations by version; empty when any location is not that plain. */
  private static Optional<Map<MigrationVersion, File>> files(List<String> locations) {
    Map<MigrationVersion, File> files = new TreeMap<>();
    for (String location : locations) {
      if (!location.startsWith("filesystem:")) {
        return Optional.empty();
      }
      Path folder = Path.of(location.substring("filesystem:".length()));
      try (Stream<Path> list = Files.list(folder)) {
        for (Path path : list.toList()) {
          Matcher name = VERSIONED.matcher(path.getFileName().toString());
          if (!name.matches() || !Files.isRegularFile(path)) {
            return Optional.empty();
          }
          MigrationVersion version = MigrationVersion.fromVersion(name.group(1));
          if (files.put(version, new File(version, name.group(2).replace('_', ' '), path)) != null) {
            return Optional.empty();
          }
        }
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }
    return Optional.of(files);
  }

  private static List<Row> rows(Connection connection, String schema, String table) throws SQLException {
    List<Row> rows = new ArrayList<>();
    if (schema == null) {
      return rows;
    }
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT installed_rank, version, description, type, script, checksum,"
            + " installed_on, success FROM " + Sql.ident(schema) + "." + Sql.ident(table) + " ORDER BY installed_rank")) {
      while (rs.next()) {
        rows.add(new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            (Integer) rs.getObject(6), rs.getTimestamp(7), rs.getBoolean(8)));
      }
    } catch (SQLException e) {
      if (!"42P01".equals(e.getSQLState())) { // undefined table: nothing was migrated yet
        throw e;
      }
    }
    return rows;
  }

  /** Flyway's checksum of a script, as its SQL resolver computes it. */
  private static Integer checksum(Path path) {
    return ChecksumCalculator.calculate(new FileSystemResource(null, path.toString(), StandardCharsets.UTF_8, false));
  }
}
