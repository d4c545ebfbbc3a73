package dev.plinth.runner.internal.catalog;

import dev.plinth.schema.journal.ExternalObjects;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.pull.Unsupported;
import dev.plinth.schema.pull.Unsupported.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a database holds beyond the schema model, for {@code pull}: objects Plinth does not model
 * (materialized views, functions, triggers, rules, range and base types, ...; domains, sequences
 * and extensions are reported by {@link SchemaObjectPull} when the records cannot declare them) and
 * features of modelled ones that the model lacks (partitioning, unlogged tables, not yet valid
 * constraints, generated columns, a view's comments and options). Each is reported, never dropped
 * silently; generated and domain-typed columns are also corrected in the schema {@link CatalogReader}
 * read, so the baseline migration creates what it can. The sequence of a serial column (owned by it,
 * its default) is part of the column, not an extra object.
 */
public final class CatalogExtras {
  private static final String USER = CatalogReader.SYSTEM_SCHEMAS;

  /** {@code objid} of the {@code classid} catalog is not a member of an extension. */
  static String notInExtension(String catalog, String oid) {
    return "NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = '" + catalog + "'::regclass"
        + " AND dep.objid = " + oid + " AND dep.deptype = 'e')";
  }

  /**
   * A sequence {@code c} that is not part of a column: neither an identity column's nor a serial
   * column's (owned by it, and its default).
   */
  static final String STANDALONE_SEQUENCE = """
      NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                  AND d.deptype = 'i')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_attrdef ad ON ad.adrelid = d.refobjid
                        AND ad.adnum = d.refobjsubid
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'a'
                        AND pg_get_expr(ad.adbin, ad.adrelid) = format('nextval(%L::regclass)', c.oid::regclass))""";

  /** Rows of (object, what it is, whether the table or column was written without it). */
  private static final String FINDINGS = """
      SELECT CASE c.relkind WHEN 'm' THEN 'materialized view ' WHEN 'f' THEN 'foreign table '
               ELSE 'composite type ' END || n.nspname || '.' || c.relname,
             CASE c.relkind WHEN 'm' THEN 'a materialized view' WHEN 'f' THEN 'a foreign table'
               ELSE 'a composite type' END, false
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('m', 'f', 'c') AND %1$s AND %2$s
      UNION ALL
      SELECT 'table ' || n.nspname || '.' || c.relname, f.what, true
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
      LATERAL (VALUES
          (CASE WHEN c.relkind = 'p' AND EXISTS (SELECT 1 FROM pg_partitioned_table pt WHERE pt.partrelid = c.oid
                AND 0 = ANY (pt.partattrs::int2[])) THEN 'partitioned by an expression (written as a plain table)' END),
          (CASE WHEN c.relispartition AND c.relkind = 'p' THEN 'a partition that is partitioned itself (its'
                || ' partitions are left out)' END),
          (CASE WHEN NOT c.relispartition AND EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid)
                THEN 'inherits from another table' END),
          (CASE WHEN c.relpersistence = 'u' THEN 'unlogged' END),
          (CASE WHEN c.reloptions IS NOT NULL THEN 'storage parameters ' || array_to_string(c.reloptions, ', ') END)
      ) AS f(what)
      WHERE c.relkind IN ('r', 'p') AND c.relname <> ? AND f.what IS NOT NULL AND %1$s
      UNION ALL
      SELECT 'view ' || n.nspname || '.' || c.relname, f.what, true
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
      LATERAL (VALUES
          (CASE WHEN EXISTS (SELECT 1 FROM pg_description d WHERE d.classoid = 'pg_class'::regclass
                             AND d.objoid = c.oid AND d.objsubid <> 0) THEN 'comments on its columns' END),
          (CASE WHEN EXISTS (SELECT 1 FROM unnest(c.reloptions) o WHERE split_part(o, '=', 1)
                             NOT IN ('security_barrier', 'check_option', 'security_invoker'))
                THEN 'options ' || array_to_string(c.reloptions, ', ') END)
      ) AS f(what)
      WHERE c.relkind = 'v' AND f.what IS NOT NULL AND %1$s AND %2$s
      UNION ALL
      SELECT 'type ' || n.nspname || '.' || t.typname,
             CASE t.typtype WHEN 'r' THEN 'a range type' ELSE 'a base type' END, false
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype IN ('r', 'b') AND t.typelem = 0 AND %1$s AND %3$s
      UNION ALL
      SELECT 'function ' || n.nspname || '.' || p.oid::regprocedure::text,
             CASE p.prokind WHEN 'p' THEN 'a procedure' WHEN 'a' THEN 'an aggregate' ELSE 'a function' END, false
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE %1$s AND %4$s
      UNION ALL
      SELECT 'trigger ' || n.nspname || '.' || c.relname || '.' || tg.tgname, 'a trigger', false
      FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT tg.tgisinternal AND tg.tgparentid = 0 AND %1$s
      UNION ALL
      SELECT 'rule ' || n.nspname || '.' || c.relname || '.' || r.rulename, 'a rule', false
      FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE r.rulename <> '_RETURN' AND %1$s
      UNION ALL
      SELECT 'table ' || n.nspname || '.' || c.relname, 'constraint ' || co.conname || ' is ' || f.what, true
      FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace,
      LATERAL (VALUES
          (CASE WHEN co.contype = 'x' THEN 'an exclusion constraint' END),
          (CASE WHEN NOT co.convalidated THEN 'NOT VALID here (the records create it validated: a new database'
                || ' checks every row, and this one keeps it NOT VALID until VALIDATE CONSTRAINT)' END),
          (CASE WHEN co.contype = 'c' AND co.connoinherit THEN 'NO INHERIT' END)
      ) AS f(what)
      WHERE f.what IS NOT NULL AND c.relname <> ? AND %1$s
      UNION ALL
      SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname, f.what, true
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_type t ON t.oid = a.atttypid,
      LATERAL (VALUES
          (CASE WHEN a.attgenerated = 'v' THEN 'generated VIRTUAL (it is written as an ordinary column)' END)
      ) AS f(what)
      WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND f.what IS NOT NULL
        AND c.relname <> ? AND %1$s
      ORDER BY 1, 2
      """;

  /**
   * The domain of a column {@code a} (of type {@code t}) of a domain or an array of one, and its
   * base type ({@code []} added for an array): joins {@code dt} (the domain, null for none) and
   * {@code dn} (its schema).
   */
  private static final String DOMAIN_OF_COLUMN = """
      LEFT JOIN pg_type dt ON dt.typtype = 'd'
        AND dt.oid = CASE WHEN t.typtype = 'd' THEN t.oid WHEN t.typcategory = 'A' THEN t.typelem END
      LEFT JOIN pg_namespace dn ON dn.oid = dt.typnamespace""";
  private static final String BASE_OF_DOMAIN =
      "format_type(dt.typbasetype, dt.typtypmod) || CASE WHEN t.typtype = 'd' THEN '' ELSE '[]' END";

  /**
   * Columns whose definition the catalog reader gives as something else: generated VIRTUAL (stored
   * ones are modelled), or of a domain (or an array of one), with the domain.
   */
  private static final String COLUMN_FIXES = """
      SELECT n.nspname, c.relname, a.attname, a.attgenerated = 'v', %2$s, dn.nspname, dt.typname
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_type t ON t.oid = a.atttypid
      %3$s
      WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        AND (a.attgenerated = 'v' OR dt.oid IS NOT NULL) AND %1$s
      ORDER BY 1, 2, 3
      """;

  /** Columns of a domain type (or an array of one), with the domain and its base type. */
  private static final String DOMAIN_COLUMNS = """
      SELECT n.nspname, c.relname, a.attname, %2$s, dn.nspname, dt.typname
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_type t ON t.oid = a.atttypid
      %3$s
      WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND dt.oid IS NOT NULL AND %1$s
      ORDER BY 1, 2, 3
      """;

  private CatalogExtras() {}

  /**
   * {@code live} without what {@code external} declares (the objects of hand-written migrations):
   * its indexes and constraints left out, the column defaults it declares left out, and the columns of its domains typed as their base types,
   * as the records that pull wrote have them.
   */
  public static Schema withoutExternal(Connection connection, Schema live, ExternalObjects external)
      throws SQLException {
    if (external.entries().isEmpty()) {
      return live;
    }
    Set<String> indexes = external.names("index");
    Set<String> constraints = external.names("constraint");
    Set<String> defaults = external.names("column-default");
    Schema result = external.leaveOut(live);
    for (Table table : result.tables()) {
      result = result.editTable(table.name(), t -> withoutDeclared(t, indexes, constraints, defaults));
    }
    Set<QualifiedName> domains = external.domains();
    result = result.withDomains(result.domains().stream().filter(d -> !domains.contains(d.name())).toList());
    Map<QualifiedName, Map<String, String[]>> fixes = new HashMap<>();
    try (PreparedStatement st = connection.prepareStatement(DOMAIN_COLUMNS.formatted(USER, BASE_OF_DOMAIN,
        DOMAIN_OF_COLUMN));
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        if (domains.contains(new QualifiedName(rs.getString(5), rs.getString(6)))) {
          fixes.computeIfAbsent(new QualifiedName(rs.getString(1), rs.getString(2)), t -> new HashMap<>())
              .put(rs.getString(3), new String[] {null, rs.getString(4)});
        }
      }
    }
    return withFixes(result, fixes);
  }

  private static Table withoutDeclared(Table table, Set<String> indexes, Set<String> constraints,
      Set<String> defaults) {
    Predicate<String> declared = name -> constraints.contains(ExternalObjects.constraintName(table.name(), name));
    Table result = table.withColumns(table.columns().stream()
            .map(c -> defaults.contains(ExternalObjects.constraintName(table.name(), c.name())) ? withoutDefault(c) : c)
            .toList())
        .withIndexes(table.indexes().stream()
            .filter(i -> !indexes.contains(table.name().schema() + "." + i.name())).toList())
        .withUniques(table.uniques().stream().filter(u -> !declared.test(u.name())).toList())
        .withChecks(table.checks().stream().filter(c -> !declared.test(c.name())).toList())
        .withForeignKeys(table.foreignKeys().stream().filter(f -> !declared.test(f.name())).toList());
    return result.primaryKey() != null && declared.test(result.primaryKey().name()) ? result.withPrimaryKey(null) : result;
  }

  /** What the database has beyond the model, ordered by object. */
  public static List<Unsupported> findings(Connection connection, String historyTable) throws SQLException {
    String sql = FINDINGS.formatted(USER, notInExtension("pg_class", "c.oid"), notInExtension("pg_type", "t.oid"),
        notInExtension("pg_proc", "p.oid"));
    List<Unsupported> result = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      for (int i = 1; i <= 3; i++) {
        st.setString(i, historyTable);
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Reason reason = rs.getBoolean(3) ? Reason.WRITTEN_WITHOUT : Reason.NOT_MODELLED;
          result.add(reason.of(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return result;
  }

  /**
   * {@code schema} with generated columns as ordinary ones (the catalog reader reads the generation
   * expression as a default) and the columns of a domain (or an array of one) typed as the domain's
   * base type.
   */
  public static Schema corrected(Connection connection, Schema schema) throws SQLException {
    return corrected(connection, schema, Set.of());
  }

  /** The same, but for the columns of the domains {@code kept}, which keep the domain as their type. */
  public static Schema corrected(Connection connection, Schema schema, Set<QualifiedName> kept)
      throws SQLException {
    Map<QualifiedName, Map<String, String[]>> fixes = new HashMap<>();
    try (PreparedStatement st = connection.prepareStatement(COLUMN_FIXES.formatted(USER, BASE_OF_DOMAIN,
        DOMAIN_OF_COLUMN)); ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        boolean keep = rs.getString(6) != null && kept.contains(new QualifiedName(rs.getString(6), rs.getString(7)));
        if (!rs.getBoolean(4) && (rs.getString(6) == null || keep)) {
          continue;
        }
        fixes.computeIfAbsent(new QualifiedName(rs.getString(1), rs.getString(2)), t -> new HashMap<>())
            .put(rs.getString(3), new String[] {rs.getBoolean(4) ? "generated" : null,
                keep ? null : rs.getString(5)});
      }
    }
    return withFixes(schema, fixes);
  }

  private static Schema withFixes(Schema schema, Map<QualifiedName, Map<String, String[]>> fixes) {
    Schema result = schema;
    for (Map.Entry<QualifiedName, Map<String, String[]>> table : fixes.entrySet()) {
      if (result.table(table.getKey()).isPresent()) {
        result = result.editTable(table.getKey(), t -> withFixes(t, table.getValue()));
      }
    }
    return result;
  }

  private static Column withoutDefault(Column c) {
    return new Column(c.name(), c.type(), c.enumType(), c.nullable(), null, c.identity(), c.comment(),
        c.renamedFrom(), c.sequence(), c.notNullName(), c.collation(), c.generated());
  }

  private static Table withFixes(Table table, Map<String, String[]> fixes) {
    List<Column> columns = new ArrayList<>();
    for (Column c : table.columns()) {
      String[] fix = fixes.get(c.name());
      if (fix == null) {
        columns.add(c);
        continue;
      }
      String defaultSql = fix[0] != null ? null : c.defaultSql();
      String type = fix[1] != null ? fix[1] : c.type();
      columns.add(new Column(c.name(), type, c.enumType(), c.nullable(), defaultSql, c.identity(), c.comment(),
          c.renamedFrom(), c.sequence(), c.notNullName(), c.collation(), c.generated()));
    }
    return table.withColumns(columns);
  }
}
