package dev.plinth.features;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.schema.diff.Changes;
import dev.plinth.schema.journal.JournalCodec;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.model.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The committed files of one of the processor's golden migrations folders, as the runner takes them. */
final class GoldenScripts {
  private GoldenScripts() {}

  /** A runner on {@code db} taking the migrations of the golden folder {@code golden}. */
  static Plinth runner(TestDatabase db, Path golden) {
    return Plinth.create(RunnerConfig.builder().url(db.jdbcUrl())
        .locations("filesystem:" + golden.resolve("migration").toAbsolutePath()).build());
  }

  /** The schema before the first migration and after each one, folded from the journal. */
  static List<Schema> states(Path golden, List<MigrationsFolder.MigrationFiles> migrations) throws IOException {
    List<Schema> states = new ArrayList<>(List.of(Schema.EMPTY));
    for (MigrationsFolder.MigrationFiles files : migrations) {
      Schema last = states.get(states.size() - 1);
      states.add(Changes.apply(last, JournalCodec.read(Files.readString(golden.resolve(files.journal())))
          .changes()));
    }
    return states;
  }

  /** Runs a committed script in one transaction, as the runner does. */
  static void run(Connection connection, Path golden, String file) throws IOException, SQLException {
    connection.setAutoCommit(false);
    try (Statement st = connection.createStatement()) {
      st.execute(Files.readString(golden.resolve(file)));
      connection.commit();
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** The first column of the first row {@code sql} returns. */
  static String query(Connection connection, String sql) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Runs one statement. */
  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  /** The first line of the error {@code sql} fails with, without {@code ERROR: }. */
  static String failure(Connection connection, String sql) {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
      return "no failure";
    } catch (SQLException e) {
      return e.getMessage().lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
    }
  }
}
