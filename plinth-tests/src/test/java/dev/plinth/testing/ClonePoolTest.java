package dev.plinth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The copies made ahead for tests, on a real PostgreSQL: each is new, none sees another's writes,
 * each comes with its connection open, a connection closed by the test comes back reset, and none
 * is left.
 */
class ClonePoolTest {
  private final TestServer server = TestServer.get();
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String template = "clone_pool_tpl_" + run;
  private final String prefix = "clone_pool_" + run + "_";
  private final List<String> taken = new ArrayList<>();

  @BeforeEach
  void template() throws SQLException {
    server.admin("CREATE DATABASE " + template + " TEMPLATE template0");
    database(template).execute("CREATE TABLE note (text text NOT NULL); INSERT INTO note VALUES ('template')");
  }

  @AfterEach
  void dropAll() {
    taken.forEach(server::drop);
    server.drop(template);
  }

  @Test
  void everyCopyIsNewAndNoneSeesTheWritesOfAnother() {
    List<TestDatabase> copies = new ArrayList<>();
    try (ClonePool pool = new ClonePool(server, template, 2, prefix)) {
      for (int i = 1; i <= 5; i++) {
        TestDatabase db = take(pool);
        copies.add(db);
        // Copies made before the earlier tests wrote, and after: only the template's row in each.
        assertEquals(List.of("template"), db.query("SELECT text FROM note ORDER BY text"), db.name());
        db.execute("INSERT INTO note VALUES ('test " + i + "'); UPDATE note SET text = 'changed' WHERE text = 'template'");
      }

      assertEquals(5, new HashSet<>(taken).size(), taken.toString());
      assertFalse(taken.contains(template));
      assertEquals(List.of("template"), database(template).query("SELECT text FROM note"));
      for (int i = 0; i < copies.size(); i++) {
        assertEquals(List.of("changed", "test " + (i + 1)), copies.get(i).query("SELECT text FROM note ORDER BY text"));
      }
    }
  }

  @Test
  void aCopyComesWithTheConnectionThePoolOpenedAndWarmed() throws SQLException {
    try (ClonePool pool = new ClonePool(server, template, 1, prefix)) {
      TestDatabase db = take(pool);
      // Before the test asks for a connection, the pool's is open on the copy.
      List<String> sessions = sessions(db.name());
      assertEquals(1, sessions.size(), "sessions on the copy before the test connects: " + sessions);

      try (Connection c = db.connect()) {
        assertEquals(sessions.get(0), backend(c), "the test's first connection is the one the pool opened");
        assertTrue(c.getAutoCommit());
        assertEquals(db.name(), value(c, "SELECT current_database()"));
        assertEquals("plinth-test", value(c, "SHOW application_name"));
      }
    }
  }

  @Test
  void aConnectionTheTestClosedComesBackAsANewOne() throws SQLException {
    try (ClonePool pool = new ClonePool(server, template, 0, prefix)) {
      TestDatabase db = take(pool);
      Connection first = db.connect();
      String backend = backend(first);
      first.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      try (Statement st = first.createStatement()) {
        st.execute("SET search_path TO pg_catalog; CREATE TEMP TABLE scratch (n int); SELECT pg_advisory_lock(42);"
            + " LISTEN plinth_channel; PREPARE counted AS SELECT 1; SET statement_timeout = 1234");
      }
      first.setReadOnly(true);
      first.setHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT);
      first.setNetworkTimeout(Runnable::run, 60_000);
      first.close();
      assertTrue(first.isClosed());
      assertThrows(SQLException.class, first::createStatement, "a closed connection stays closed for the test");

      try (Connection next = db.connect()) {
        assertEquals(backend, backend(next), "the connection is reused");
        assertTrue(next.getAutoCommit(), "auto-commit");
        assertFalse(next.isReadOnly(), "read-write");
        assertEquals(ResultSet.CLOSE_CURSORS_AT_COMMIT, next.getHoldability());
        assertEquals(0, next.getNetworkTimeout());
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, next.getTransactionIsolation());
        assertEquals("\"$user\", public", value(next, "SHOW search_path"));
        assertEquals("0", value(next, "SHOW statement_timeout"));
        assertEquals(null, value(next, "SELECT to_regclass('pg_temp.scratch')::text"), "temporary table");
        assertEquals("0", value(next, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"));
        assertEquals("0", value(next, "SELECT count(*) FROM pg_listening_channels()"));
        assertEquals("0", value(next, "SELECT count(*) FROM pg_prepared_statements"));
        next.setAutoCommit(false);
        try (Statement st = next.createStatement()) {
          st.execute("INSERT INTO note VALUES ('not committed')");
        }
      }

      try (Connection third = db.connect()) {
        assertEquals(backend, backend(third), "the connection is reused after a transaction left open");
        assertTrue(third.getAutoCommit(), "auto-commit");
        assertEquals("template", value(third, "SELECT string_agg(text, ',') FROM note"),
            "the open transaction was rolled back");
      }
    }
  }

  @Test
  void aConnectionLeftInATransactionBlockIsClosedNotReused() throws SQLException {
    try (ClonePool pool = new ClonePool(server, template, 0, prefix)) {
      TestDatabase db = take(pool);
      String backend;
      try (Connection c = db.connect(); Statement st = c.createStatement()) {
        backend = backend(c);
        st.execute("BEGIN; INSERT INTO note VALUES ('in a block')"); // auto-commit on, transaction opened by SQL
      }

      try (Connection next = db.connect()) {
        assertNotEquals(backend, backend(next));
        assertEquals("template", value(next, "SELECT string_agg(text, ',') FROM note"));
      }
    }
  }

  @Test
  void releaseEndsTheCopysConnectionsAndDropsIt() throws SQLException {
    try (ClonePool pool = new ClonePool(server, template, 1, prefix)) {
      TestDatabase db = take(pool);
      Connection leftOpen = db.connect();
      leftOpen.setAutoCommit(false);
      try (Statement st = leftOpen.createStatement()) {
        st.execute("INSERT INTO note VALUES ('left open')");
      }
      pool.release(db);

      SQLException after = assertThrows(SQLException.class, db::connect);
      assertTrue(after.getMessage().contains("dropped when its test ended"), after.getMessage());
      pool.awaitIdle();
      assertEquals(List.of(), database("postgres").query("SELECT datname FROM pg_database WHERE datname = '"
          + db.name() + "'"));
      assertThrows(SQLException.class, () -> leftOpen.createStatement().execute("SELECT 1"),
          "the session the test left open was ended by the drop");
      leftOpen.close();
    }
  }

  @Test
  void closingDropsEveryCopyAndEndsEverySession() {
    try (ClonePool pool = new ClonePool(server, template, 3, prefix)) {
      take(pool);
      TestDatabase released = take(pool);
      pool.release(released);
      pool.awaitIdle();
      assertEquals(4, databases().size(), "the one taken and three ready: " + databases());
    }

    assertEquals(List.of(), databases());
    assertEquals(List.of(), database("postgres").query("SELECT pid::text FROM pg_stat_activity WHERE datname LIKE '"
        + prefix + "%'"));
  }

  @Test
  void aPoolOfDepthZeroCopiesOnDemandOnly() {
    try (ClonePool pool = new ClonePool(server, template, 0, prefix)) {
      take(pool);
      pool.awaitIdle();

      assertEquals(taken, databases());
    }
  }

  private TestDatabase take(ClonePool pool) {
    TestDatabase db = pool.take();
    taken.add(db.name());
    return db;
  }

  /** The databases of this test's pool on the server. */
  private List<String> databases() {
    return database("postgres").query("SELECT datname FROM pg_database WHERE datname LIKE '" + prefix
        + "%' ORDER BY datname");
  }

  /** The backend pids of the client sessions on {@code name}. */
  private List<String> sessions(String name) {
    return database("postgres").query("SELECT pid::text FROM pg_stat_activity WHERE datname = '" + name
        + "' AND backend_type = 'client backend'");
  }

  private static String backend(Connection c) throws SQLException {
    return value(c, "SELECT pg_backend_pid()::text");
  }

  private static String value(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getString(1);
    }
  }

  private TestDatabase database(String name) {
    return new TestDatabase(name, server.jdbcUrl(name), server.dataSource(name));
  }
}
