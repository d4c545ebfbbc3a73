package dev.plinth.schema.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** When a view's new query keeps the old one's columns, as {@code CREATE OR REPLACE VIEW} needs. */
class ViewQueriesTest {
  private static final String NAMES = "SELECT id, name FROM customer";

  @Test
  void columnsAddedAtTheEndOrAnotherFilterKeepTheColumns() {
    assertEquals(true, ViewQueries.appends(NAMES, "SELECT id, name, note FROM customer"));
    assertEquals(true, ViewQueries.appends(NAMES, "SELECT id,\n  name, upper(note) AS shout FROM customer"));
    assertEquals(true, ViewQueries.appends(NAMES, "SELECT id, name FROM customer WHERE id > 2 ORDER BY name"));
    assertEquals(true, ViewQueries.appends("SELECT 1 AS one", "SELECT 1 AS one, 'a, b' AS two"));
    assertEquals(true, ViewQueries.appends("SELECT DISTINCT status FROM orders",
        "SELECT DISTINCT status, count(*) OVER (PARTITION BY status, kind) AS n FROM orders"));
  }

  @Test
  void columnsTakenAwayMovedRenamedOrRecomputedDoNot() {
    assertEquals(false, ViewQueries.appends("SELECT id, name, note FROM customer", NAMES), "taken away");
    assertEquals(false, ViewQueries.appends(NAMES, "SELECT name, id FROM customer"), "moved");
    assertEquals(false, ViewQueries.appends(NAMES, "SELECT id, note, name FROM customer"), "inserted");
    assertEquals(false, ViewQueries.appends(NAMES, "SELECT id, name AS title FROM customer"), "renamed");
    assertEquals(false, ViewQueries.appends(NAMES, "SELECT id, upper(name) AS name FROM customer"), "retyped");
    assertEquals(false, ViewQueries.appends(NAMES, "SELECT DISTINCT id, name FROM customer"), "distinct");
  }

  @Test
  void anotherFromClauseOrAQueryThisCannotReadDoesNot() {
    assertEquals(false, ViewQueries.appends(NAMES, "SELECT id, name FROM client"), "another table");
    assertEquals(false, ViewQueries.appends(NAMES, "SELECT id, name FROM customer JOIN x USING (id)"), "a join");
    assertEquals(false, ViewQueries.appends("SELECT * FROM customer", "SELECT *, 1 AS one FROM customer"), "a star");
    assertEquals(false, ViewQueries.appends("SELECT c.*, 1 AS one FROM customer c",
        "SELECT c.*, 1 AS one, 2 AS two FROM customer c"), "a star of a table");
    assertEquals(false, ViewQueries.appends(NAMES, "SELECT id, name FROM customer UNION SELECT 1, 'x'"), "union");
    assertEquals(false, ViewQueries.appends("SELECT id, name FROM customer UNION SELECT 1, 'x'",
        "SELECT id, name FROM customer UNION SELECT 1, 'x'"), "union, even unchanged");
    assertEquals(false, ViewQueries.appends("WITH c AS (SELECT 1 AS id) SELECT id FROM c",
        "WITH c AS (SELECT 1 AS id) SELECT id, 2 AS two FROM c"), "with");
    assertEquals(false, ViewQueries.appends(NAMES, "SELECT id, name -- who\n FROM customer"), "a comment");
    assertEquals(false, ViewQueries.appends("SELECT a IS DISTINCT FROM b AS d FROM t",
        "SELECT a IS DISTINCT FROM b AS d, 1 AS one FROM t"), "is distinct from");
    assertEquals(false, ViewQueries.appends(NAMES, "SELECT id, (name FROM customer"), "unbalanced");
    assertEquals(false, ViewQueries.appends(NAMES, "SELECT id, 'name FROM customer"), "unclosed quote");
  }
}
