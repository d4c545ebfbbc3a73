package dev.plinth.runner.internal.catalog;

import dev.plinth.schema.model.Namespace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The schemas (namespaces) of a live database with their comments, compared with the declared ones
 * ({@code @DbSchema}): a declared schema that is missing, or whose comment differs, is drift.
 * Schemas that only tables name come and go with them, so they are not compared here (their tables
 * are); an extra schema is not drift either.
 */
public final class SchemaCatalog {
  private static final String SCHEMAS = """
      SELECT n.nspname, obj_description(n.oid, 'pg_namespace')
      FROM pg_namespace n
      WHERE %s
      ORDER BY 1
      """;

  private SchemaCatalog() {}

  /** The live schemas other than PostgreSQL's and Plinth's own, with their comments (or null). */
  public static Map<String, String> read(Connection connection) throws SQLException {
    Map<String, String> result = new TreeMap<>();
    try (PreparedStatement st = connection.prepareStatement(SCHEMAS.formatted(CatalogReader.SYSTEM_SCHEMAS));
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        result.put(rs.getString(1), rs.getString(2));
      }
    }
    return result;
  }

  /** Missing declared schemas and changed comments, by name. */
  public static List<Difference> compare(List<Namespace> expected, Map<String, String> live) {
    List<Difference> out = new ArrayList<>();
    for (Namespace schema : expected) {
      if (!live.containsKey(schema.name())) {
        out.add(Difference.missing("schema", schema.name(), "declared in package " + schema.javaPackage()));
      } else if (!Objects.equals(schema.comment(), live.get(schema.name()))) {
        out.add(Difference.different("schema", schema.name(), "comment", schema.comment(), live.get(schema.name())));
      }
    }
    return out;
  }
}
