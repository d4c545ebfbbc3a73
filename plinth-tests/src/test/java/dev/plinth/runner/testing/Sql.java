package dev.plinth.runner.testing;

import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Small queries tests use to look at a database. */
public final class Sql {

  private Sql() {}

  /** Whether {@code relation} (a table, index, ...) exists in the search path. */
  public static boolean exists(TestDatabase db, String relation) {
    return queryString(db, "SELECT to_regclass('" + relation + "')::text") != null;
  }

  /** The first column of the first row, or null. */
  public static String queryString(TestDatabase db, String sql) {
    try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public static void execute(TestDatabase db, String sql) {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /**
   * A query for who may execute each function of {@code public} whose name is {@code LIKE}
   * {@code namePattern} (its owner left out, PostgreSQL's default for a function without an
   * access list of its own): {@code f: PUBLIC,app_reader; g: app_writer}, by function name.
   */
  public static String functionExecutors(String namePattern) {
    return """
        SELECT string_agg(f.proname || ': ' || f.who, '; ' ORDER BY f.proname COLLATE "C")
        FROM (SELECT g.proname, string_agg(g.who, ',' ORDER BY g.who COLLATE "C") AS who
              FROM (SELECT p.oid, p.proname::text AS proname,
                           CASE WHEN a.grantee = 0 THEN 'PUBLIC'
                                ELSE pg_get_userbyid(a.grantee)::text END AS who
                    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace,
                         aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                    WHERE n.nspname = 'public' AND p.proname LIKE %s
                      AND a.grantee <> p.proowner AND a.privilege_type = 'EXECUTE') g
              GROUP BY g.oid, g.proname) f
        """.formatted(dev.plinth.schema.render.Sql.literal(namePattern));
  }
}
