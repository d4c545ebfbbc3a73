package dev.plinth.runner.testing;

import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * The test server's major version, for tests of migrations generated for a newer PostgreSQL than
 * the oldest supported ({@code -Aplinth.postgres}): they run on such a server and are skipped,
 * saying why, on an older one (the profiles {@code -Ppg14} ... {@code -Ppg18} pick the server).
 */
public final class ServerVersion {
  private ServerVersion() {}

  /** The major version of the server {@code db} is on. */
  public static int major(TestDatabase db) throws SQLException {
    try (Connection connection = db.connect()) {
      return connection.getMetaData().getDatabaseMajorVersion();
    }
  }

  /** Skips the test unless the server is PostgreSQL {@code major} or later, for {@code what}. */
  public static void assumeAtLeast(TestDatabase db, int major, String what) throws SQLException {
    int server = major(db);
    Assumptions.assumeTrue(server >= major, "skipped: " + what + " needs PostgreSQL " + major
        + " or later; this server is " + server + " (run with -Ppg" + major + " or later)");
  }
}
