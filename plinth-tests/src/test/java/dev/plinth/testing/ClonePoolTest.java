package dev.plinth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The copies made ahead for tests, on a real PostgreSQL: each is new, none sees another's writes, none is left. */
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
    try (ClonePool pool = new ClonePool(server, template, 2, prefix)) {
      for (int i = 1; i <= 5; i++) {
        String name = pool.take();
        taken.add(name);
        TestDatabase db = database(name);
        // Copies made before the earlier tests wrote, and after: only the template's row in each.
        assertEquals(List.of("template"), db.query("SELECT text FROM note ORDER BY text"), name);
        db.execute("INSERT INTO note VALUES ('test " + i + "'); UPDATE note SET text = 'changed' WHERE text = 'template'");
      }
    }

    assertEquals(5, new HashSet<>(taken).size(), taken.toString());
    assertFalse(taken.contains(template));
    assertEquals(List.of("template"), database(template).query("SELECT text FROM note"));
    for (int i = 0; i < taken.size(); i++) {
      assertEquals(List.of("changed", "test " + (i + 1)), database(taken.get(i)).query("SELECT text FROM note ORDER BY text"));
    }
  }

  @Test
  void closingDropsTheCopiesNobodyTook() {
    try (ClonePool pool = new ClonePool(server, template, 3, prefix)) {
      taken.add(pool.take());
      pool.awaitFull();
      assertEquals(4, databases().size(), "the one taken and three ready: " + databases());
    }

    assertEquals(taken, databases());
  }

  @Test
  void aPoolOfDepthZeroCopiesOnDemandOnly() {
    try (ClonePool pool = new ClonePool(server, template, 0, prefix)) {
      taken.add(pool.take());
      pool.awaitFull();

      assertEquals(taken, databases());
    }
  }

  /** The databases of this test's pool on the server. */
  private List<String> databases() {
    return database("postgres").query("SELECT datname FROM pg_database WHERE datname LIKE '" + prefix
        + "%' ORDER BY datname");
  }

  private TestDatabase database(String name) {
    return new TestDatabase(name, server.jdbcUrl(name), server.dataSource(name));
  }
}
