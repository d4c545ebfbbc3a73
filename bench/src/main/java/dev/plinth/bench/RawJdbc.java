package dev.plinth.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * The physical limit of applying scripts: the same files, read and sent over one connection, one
 * transaction per script, no bookkeeping.
 */
final class RawJdbc {
  private RawJdbc() {}

  static void run(Pg pg, String database, List<Path> files) throws IOException, SQLException {
    try (Connection c = pg.connect(database); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      for (Path file : files) {
        st.execute(Files.readString(file, StandardCharsets.UTF_8));
        c.commit();
      }
    }
  }

  /**
   * What any runner must do to learn that nothing is pending: read the history table and the
   * files (to compare checksums). Returns the number of history rows.
   */
  static int readState(Pg pg, String database, Path folder) throws IOException, SQLException {
    long bytes = 0;
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        bytes += Files.readString(file, StandardCharsets.UTF_8).hashCode();
      }
    }
    int rows = 0;
    try (Connection c = pg.connect(database); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version, checksum FROM flyway_schema_history")) {
      while (rs.next()) {
        rows += rs.getString(1) == null ? 0 : 1;
      }
    }
    return bytes == 42 ? -rows : rows;
  }
}
