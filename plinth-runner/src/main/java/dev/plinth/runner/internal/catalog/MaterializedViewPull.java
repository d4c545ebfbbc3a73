package dev.plinth.runner.internal.catalog;

import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.View;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * For {@code pull}: the materialized views of a live database as {@code @View(materialized = true)}
 * records declare them: the query as PostgreSQL spells it (with {@code search_path} set to
 * {@code public}, where the baseline runs), {@code WITH NO DATA} when it is not populated, its
 * indexes, and its columns (the records' components).
 *
 * @param views the materialized views, with all their indexes (pull leaves out those {@code @Index}
 *     cannot say)
 * @param columns each one's columns, by name
 */
public record MaterializedViewPull(List<View> views, Map<QualifiedName, List<Column>> columns) {
  /**
   * The materialized views, but those whose query calls a function of a user schema, or reads a
   * relation that does (the baseline creates functions after views: these stay in the
   * hand-written migration, after the functions).
   */
  private static final String DEFINITIONS = """
      WITH RECURSIVE calling(oid) AS (
        SELECT r.ev_class FROM pg_rewrite r
        JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
          AND d.refclassid = 'pg_proc'::regclass
        JOIN pg_proc p ON p.oid = d.refobjid JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE %1$s
        UNION
        SELECT r.ev_class FROM pg_rewrite r
        JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
          AND d.refclassid = 'pg_class'::regclass
        JOIN calling ca ON ca.oid = d.refobjid WHERE r.ev_class <> ca.oid
      )
      SELECT n.nspname, c.relname, pg_get_viewdef(c.oid), c.relispopulated
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'm' AND %1$s AND %2$s AND c.oid NOT IN (SELECT oid FROM calling)
      ORDER BY 1, 2
      """;

  public MaterializedViewPull {
    views = List.copyOf(views);
    columns = Map.copyOf(columns);
  }

  public static MaterializedViewPull read(Connection connection) throws SQLException {
    Map<QualifiedName, String[]> definitions = new TreeMap<>();
    try (Statement st = connection.createStatement()) {
      st.execute("SET search_path = public");
      try (ResultSet rs = st.executeQuery(DEFINITIONS.formatted(CatalogReader.SYSTEM_SCHEMAS,
          CatalogExtras.notInExtension("pg_class", "c.oid")))) {
        while (rs.next()) {
          definitions.put(new QualifiedName(rs.getString(1), rs.getString(2)),
              new String[] {withoutSemicolon(rs.getString(3).strip()), Boolean.toString(rs.getBoolean(4))});
        }
      } finally {
        st.execute("RESET search_path");
      }
    }
    List<View> views = new ArrayList<>();
    Map<QualifiedName, List<Column>> columns = new TreeMap<>();
    for (Table relation : CatalogReader.materializedViews(connection)) {
      String[] definition = definitions.get(relation.name());
      if (definition != null) {
        views.add(new View(relation.name(), "", definition[0], true, !Boolean.parseBoolean(definition[1]),
            relation.indexes()));
        columns.put(relation.name(), relation.columns());
      }
    }
    return new MaterializedViewPull(views, columns);
  }

  private static String withoutSemicolon(String sql) {
    return sql.endsWith(";") ? sql.substring(0, sql.length() - 1).strip() : sql;
  }
}
