package dev.plinth.runner.internal.catalog;

import dev.plinth.schema.journal.ExternalObjects;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.View;
import dev.plinth.schema.render.Sql;
import dev.plinth.schema.render.SqlRenderer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The views of a live database, compared with the expected ones by PostgreSQL's own spelling of
 * their queries ({@code pg_get_viewdef}). The expected query is spelled the same way by creating it
 * as a temporary view in a transaction that is rolled back: so whitespace, case, quoting and
 * PostgreSQL's added casts and qualifications are not drift, while any change to what the query
 * does is. (Recording the definition at migrate time instead would need a table of Plinth's own in
 * every database, and would not notice a view that the migration never created.)
 */
public final class ViewCatalog {
  private static final String VIEWS = """
      SELECT n.nspname, c.relname, pg_get_viewdef(c.oid), c.relkind = 'm',
             coalesce(array_to_string(c.reloptions, ','), ''), obj_description(c.oid, 'pg_class')
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN (%s) AND %s
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                        AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY 1, 2
      """;

  private ViewCatalog() {}

  /** The live views (of {@code onlySchema} alone when given), with their definitions. */
  public static Map<QualifiedName, String> read(Connection connection, Optional<String> onlySchema)
      throws SQLException {
    Map<QualifiedName, String> result = new TreeMap<>();
    read(connection, onlySchema, false).forEach((name, live) -> result.put(name, live.definition()));
    return result;
  }

  /**
   * The live views (not the materialized ones), each with its query as PostgreSQL spells it (its
   * closing semicolon and whitespace left as they are), its options ({@code security_barrier},
   * {@code check_option}, {@code security_invoker}) and its comment; {@code javaClass} empty.
   */
  public static List<View> views(Connection connection, Optional<String> onlySchema) throws SQLException {
    List<View> out = new ArrayList<>();
    read(connection, onlySchema, false).forEach((name, live) -> out.add(live.asView(name)));
    return out;
  }

  /**
   * A live view's definition, whether it is a materialized view, its options as
   * {@code pg_class.reloptions} lists them, and its comment (null without one).
   */
  private record Live(String definition, boolean materialized, List<String> reloptions, String comment) {
    String kind() {
      return materialized ? "materialized view" : "view";
    }

    View asView(QualifiedName name) {
      return new View(name, "", definition).withOptions(flag(reloptions, "security_barrier"),
          checkOption(reloptions), flag(reloptions, "security_invoker"), comment);
    }
  }

  /** Whether a boolean option is on, spelled as PostgreSQL accepts it ({@code true}, {@code on}, ...). */
  static boolean flag(List<String> reloptions, String option) {
    return value(reloptions, option).map(v -> Set.of("true", "on", "yes", "1", "t", "y")
        .contains(v.toLowerCase(java.util.Locale.ROOT))).orElse(false);
  }

  /** {@code local} or {@code cascaded}, or null without a check option. */
  static String checkOption(List<String> reloptions) {
    return value(reloptions, "check_option").map(v -> v.toLowerCase(java.util.Locale.ROOT))
        .filter(View.CHECK_OPTIONS::contains).orElse(null);
  }

  private static Optional<String> value(List<String> reloptions, String option) {
    return reloptions.stream().filter(o -> o.startsWith(option + "="))
        .map(o -> o.substring(option.length() + 1)).findFirst();
  }

  /** The live views, and with {@code materialized} also the materialized views. */
  private static Map<QualifiedName, Live> read(Connection connection, Optional<String> onlySchema,
      boolean materialized) throws SQLException {
    String schemas = CatalogReader.SYSTEM_SCHEMAS
        + onlySchema.map(s -> " AND n.nspname = " + Sql.literal(s)).orElse("");
    Map<QualifiedName, Live> result = new TreeMap<>();
    try (PreparedStatement st = connection.prepareStatement(
        VIEWS.formatted(materialized ? "'v', 'm'" : "'v'", schemas));
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String options = rs.getString(5);
        result.put(new QualifiedName(rs.getString(1), rs.getString(2)), new Live(rs.getString(3), rs.getBoolean(4),
            options.isEmpty() ? List.of() : List.of(options.split(",")), rs.getString(6)));
      }
    }
    return result;
  }

  /**
   * Missing, extra and changed views and materialized views, by name, and of each materialized
   * view found as declared, its missing, extra and changed indexes. Changes nothing in the
   * database. (A materialized view nobody declared is not reported: hand-written migrations create
   * them.)
   */
  public static List<Difference> compare(Connection connection, List<View> expected,
      Optional<String> onlySchema) throws SQLException {
    return compare(connection, expected, onlySchema, ExternalObjects.NONE);
  }

  /**
   * {@link #compare(Connection, List, Optional)}, and of each view found as declared its options
   * (unless {@code external} lists {@code view-options} for it) and its comment (unless it lists
   * {@code comment} for it): what a hand-written migration gives the view is not drift.
   */
  public static List<Difference> compare(Connection connection, List<View> expected,
      Optional<String> onlySchema, ExternalObjects external) throws SQLException {
    Map<QualifiedName, Live> live = read(connection, onlySchema, true);
    Map<QualifiedName, View> want = new TreeMap<>();
    expected.forEach(v -> want.put(v.name(), v));
    TreeSet<QualifiedName> names = new TreeSet<>(want.keySet());
    names.addAll(live.keySet());
    List<Difference> out = new ArrayList<>();
    for (QualifiedName name : names) {
      View view = want.get(name);
      Live found = live.get(name);
      if (found == null) {
        out.add(Difference.missing(view.kind().toLowerCase(java.util.Locale.ROOT), name.toString(), view.sql()));
        continue;
      }
      String have = found.definition();
      if (view == null) {
        // Materialized views nobody declared are left to hand-written migrations (pull's among them).
        if (!found.materialized()) {
          out.add(Difference.extra(found.kind(), name.toString(), have.strip()));
        }
      } else if (view.materialized() != found.materialized()) {
        out.add(Difference.different(found.kind(), name.toString(), "kind",
            view.kind().toLowerCase(java.util.Locale.ROOT), found.kind()));
      } else {
        String spelled = spelled(connection, view);
        if (!spelled.equals(have)) {
          out.add(Difference.different(found.kind(), name.toString(), "definition", spelled.strip(), have.strip()));
        }
        if (view.materialized()) {
          compareIndexes(connection, view, out);
        }
        View liveView = found.asView(name);
        if (!view.materialized() && !external.names("view-options").contains(name.toString())
            && !view.options().equals(liveView.options())) {
          out.add(Difference.different(found.kind(), name.toString(), "options", listed(view.options()),
              listed(liveView.options())));
        }
        if (!external.names("comment").contains(name.toString())
            && !java.util.Objects.equals(view.comment(), found.comment())) {
          out.add(Difference.different(found.kind(), name.toString(), "comment", view.comment(),
              found.comment()));
        }
      }
    }
    return out;
  }

  private static String listed(List<String> options) {
    return options.isEmpty() ? "(none)" : String.join(", ", options);
  }

  private static final String INDEXES = """
      SELECT ic.relname, pg_get_indexdef(i.indexrelid)
      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE i.indrelid = to_regclass(?)
      ORDER BY 1
      """;

  /** A temporary table with the columns of the materialized view, to spell its declared indexes on. */
  private static final QualifiedName INDEXED = new QualifiedName("pg_temp", "plinth_verify_indexed");

  /**
   * The indexes of a materialized view against its declared ones, by name; each definition as
   * PostgreSQL spells it ({@code pg_get_indexdef}), the declared ones from indexes created on a
   * temporary table with the view's columns in a transaction that is rolled back.
   */
  private static void compareIndexes(Connection connection, View view, List<Difference> out)
      throws SQLException {
    Map<String, String> have = indexes(connection, Sql.ident(view.name()));
    Map<String, String> want = new TreeMap<>();
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    Savepoint savepoint = connection.setSavepoint();
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE TEMPORARY TABLE " + Sql.ident(INDEXED.name()) + " (LIKE " + Sql.ident(view.name()) + ")");
      for (var index : view.indexes()) {
        Savepoint each = connection.setSavepoint();
        try {
          st.execute(SqlRenderer.createIndex(INDEXED, index, false));
          connection.releaseSavepoint(each);
        } catch (SQLException e) {
          connection.rollback(each);
          want.put(index.name(), "(PostgreSQL refuses the index: " + e.getMessage() + ")");
        }
      }
      indexes(connection, Sql.ident(INDEXED)).forEach(want::putIfAbsent);
    } finally {
      connection.rollback(savepoint);
      if (autoCommit) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
    TreeSet<String> names = new TreeSet<>(want.keySet());
    names.addAll(have.keySet());
    for (String index : names) {
      String qualified = view.name().schema() + "." + index;
      String expected = want.containsKey(index)
          ? want.get(index).replaceFirst(" ON .*? USING ", " ON " + Sql.ident(view.name()) + " USING ") : null;
      String found = have.get(index);
      if (found == null) {
        out.add(Difference.missing("index", qualified, expected));
      } else if (expected == null) {
        out.add(Difference.extra("index", qualified, found));
      } else if (!unplaced(expected).equals(unplaced(found))) {
        out.add(Difference.different("index", qualified, "definition", expected, found));
      }
    }
  }

  /** The indexes of a relation, by name, with their definitions. */
  private static Map<String, String> indexes(Connection connection, String relation) throws SQLException {
    Map<String, String> result = new TreeMap<>();
    try (PreparedStatement st = connection.prepareStatement(INDEXES)) {
      st.setString(1, relation);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          result.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return result;
  }

  /** An index definition without the relation it is on. */
  private static String unplaced(String definition) {
    return definition.replaceFirst(" ON .*? USING ", " USING ");
  }

  /**
   * PostgreSQL's spelling of the view's query, from a temporary view created and rolled back; a
   * query PostgreSQL refuses (a column it reads is gone) is spelled as the error it gives.
   */
  static String spelled(Connection connection, View view) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    Savepoint savepoint = connection.setSavepoint();
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE TEMPORARY VIEW plinth_verify_view AS " + view.sql());
      try (ResultSet rs = st.executeQuery("SELECT pg_get_viewdef('pg_temp.plinth_verify_view'::regclass)")) {
        rs.next();
        return rs.getString(1);
      }
    } catch (SQLException e) {
      return "(PostgreSQL refuses the query: " + e.getMessage() + ")";
    } finally {
      connection.rollback(savepoint);
      if (autoCommit) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }
}
