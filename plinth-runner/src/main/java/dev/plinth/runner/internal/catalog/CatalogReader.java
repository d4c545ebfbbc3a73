package dev.plinth.runner.internal.catalog;

import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Deferral;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.Partitioning;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.ReferentialAction;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Sequence;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.UniqueConstraint;
import dev.plinth.schema.render.Sql;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a live database's structure into the schema model with four pg_catalog queries (tables
 * and columns, constraints, indexes, enum types, and domains), whatever the number of tables. Works on
 * PostgreSQL 14 to 18 (18 records NOT NULL as constraints too: nullability is read from the
 * columns, and the constraints' names from them).
 */
public final class CatalogReader {
  static final String SYSTEM_SCHEMAS =
      "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg\\_temp%'"
          + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'plinth\\_%'";

  private static final String COLUMNS = """
      SELECT c.oid, n.nspname, c.relname, obj_description(c.oid, 'pg_class'), a.attnum, a.attname,
             format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
             a.attidentity, col_description(c.oid, a.attnum),
             CASE WHEN t.typtype = 'e' THEN tn.nspname WHEN et.typtype = 'e' THEN etn.nspname END,
             CASE WHEN t.typtype = 'e' THEN t.typname WHEN et.typtype = 'e' THEN et.typname END,
             et.typtype = 'e', seq.relname, seq.serial, seq.seqstart, seq.seqincrement, seq.seqmin,
             seq.seqmax, seq.seqcache, seq.seqcycle,
             CASE WHEN a.attcollation <> t.typcollation THEN co.collname END, a.attgenerated,
             CASE WHEN t.typtype = 'd' THEN tn.nspname WHEN et.typtype = 'd' THEN etn.nspname END,
             CASE WHEN t.typtype = 'd' THEN t.typname WHEN et.typtype = 'd' THEN et.typname END,
             et.typtype = 'd'
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      LEFT JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_namespace tn ON tn.oid = t.typnamespace
      LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
      LEFT JOIN pg_namespace etn ON etn.oid = et.typnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
      LEFT JOIN pg_collation co ON co.oid = a.attcollation
      LEFT JOIN LATERAL (
        SELECT sc.relname, sd.deptype = 'a' AND d.adbin IS NOT NULL
                 AND pg_get_expr(d.adbin, d.adrelid) = format('nextval(%%L::regclass)', sc.oid::regclass) AS serial,
               s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle
        FROM pg_depend sd
        JOIN pg_class sc ON sc.oid = sd.objid AND sc.relkind = 'S'
        JOIN pg_sequence s ON s.seqrelid = sc.oid
        WHERE sd.classid = 'pg_class'::regclass AND sd.refclassid = 'pg_class'::regclass
          AND sd.refobjid = c.oid AND sd.refobjsubid = a.attnum AND sd.deptype IN ('a', 'i')
        ORDER BY sd.deptype DESC, sc.relname LIMIT 1) seq ON true
      WHERE c.relkind IN (%s) AND c.relname <> ? AND %s
      ORDER BY n.nspname, c.relname, a.attnum
      """;

  /** The kinds of relation that are tables (ordinary and partitioned), and views. */
  private static final String TABLES = "'r', 'p'";
  private static final String VIEWS = "'v'";

  private static final String CONSTRAINTS = """
      SELECT co.conrelid, co.contype, co.conname, co.conkey, co.confrelid, co.confkey,
             co.confdeltype, co.confupdtype, pg_get_constraintdef(co.oid), co.condeferrable,
             co.condeferred, co.confmatchtype = 'f',
             %s
      FROM pg_constraint co
      JOIN pg_class c ON c.oid = co.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE co.contype IN ('p', 'u', 'f', 'c', 'n') AND %s
      ORDER BY co.conname
      """;

  /** Whether a unique constraint's index counts NULLs as equal (PostgreSQL 15+; before, never). */
  private static final String CONSTRAINT_NULLS_NOT_DISTINCT =
      "(SELECT ix.indnullsnotdistinct FROM pg_index ix WHERE ix.indexrelid = co.conindid)";

  /**
   * Whether the expression key {@code k} of index {@code i} states its collation: an expression
   * has the one PostgreSQL derives from what it reads (a column's {@code COLLATE "C"}, say) unless
   * {@code COLLATE} says otherwise, and the index's definition shows {@code COLLATE} only then.
   */
  private static final String COLLATE_STATED = """
      (strpos(pg_get_indexdef(i.indexrelid, 0, true),
              pg_get_indexdef(i.indexrelid, k.ord::int, true) || ' COLLATE ') > 0
       OR strpos(pg_get_indexdef(i.indexrelid, 0, true),
                 pg_get_indexdef(i.indexrelid, k.ord::int, true) || ') COLLATE ') > 0)""";

  private static final String INDEXES = """
      SELECT i.indrelid, ic.relname, am.amname, i.indisunique, pg_get_expr(i.indpred, i.indrelid),
             i.indnkeyatts, i.indnatts, i.indkey::int2[], i.indoption::int2[],
             ARRAY(SELECT CASE WHEN oc.opcdefault THEN NULL ELSE oc.opcname END
                   FROM unnest(i.indclass::oid[]) WITH ORDINALITY AS k(opc, ord)
                   JOIN pg_opclass oc ON oc.oid = k.opc ORDER BY k.ord),
             ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnatts) k),
             %s, ic.reloptions,
             (SELECT ts.spcname FROM pg_tablespace ts WHERE ts.oid = ic.reltablespace),
             ARRAY(SELECT CASE WHEN k.coll IS NULL OR k.coll = 0 OR k.coll = a.attcollation
                                 OR (k.attnum = 0 AND (k.coll = 100 OR NOT %s)) THEN NULL ELSE cl.collname END
                   FROM unnest(i.indcollation::oid[], i.indkey::int2[]) WITH ORDINALITY AS k(coll, attnum, ord)
                   LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                   LEFT JOIN pg_collation cl ON cl.oid = k.coll ORDER BY k.ord)
      FROM pg_index i
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_am am ON am.oid = ic.relam
      WHERE NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid
                        AND co.contype IN ('p', 'u', 'x'))
        AND %s
      ORDER BY ic.relname
      """;

  private static final String ENUMS = """
      SELECT n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)
      FROM pg_type t
      JOIN pg_namespace n ON n.oid = t.typnamespace
      JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE %s
      GROUP BY n.nspname, t.typname
      """;

  private CatalogReader() {}

  /**
   * The structure of every user schema of the database, leaving out the migration history table
   * and Plinth's own backup schemas.
   *
   * @param historyTable the name of the migration history table to leave out
   */
  public static Schema read(Connection connection, String historyTable) throws SQLException {
    return read(connection, historyTable, Optional.empty());
  }

  /**
   * The same, of {@code onlySchema} alone when given (a runner working in one tenant's schema must
   * not see the other tenants' tables).
   */
  public static Schema read(Connection connection, String historyTable, Optional<String> onlySchema)
      throws SQLException {
    return read(connection, historyTable, onlySchema, TABLES);
  }

  /**
   * The materialized views of every user schema (not members of an extension), each read as a
   * table is: its columns (all nullable) and its indexes.
   */
  public static List<Table> materializedViews(Connection connection) throws SQLException {
    return read(connection, "", Optional.empty(), "'m'").tables().stream()
        .filter(t -> !t.columns().isEmpty()).toList();
  }

  private static Schema read(Connection connection, String historyTable, Optional<String> onlySchema,
      String kinds) throws SQLException {
    String schemas = SYSTEM_SCHEMAS + onlySchema.map(s -> " AND n.nspname = " + Sql.literal(s)).orElse("");
    Map<Long, TableBuilder> tables = new LinkedHashMap<>();
    try (PreparedStatement st = connection.prepareStatement(COLUMNS.formatted(kinds, schemas))) {
      st.setString(1, historyTable);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          long oid = rs.getLong(1);
          TableBuilder table = tables.get(oid);
          if (table == null) {
            table = new TableBuilder(name(rs, 2, 3), string(rs, 4));
            tables.put(oid, table);
          }
          if (rs.getObject(5) != null) { // a table without columns has one row with no attribute
            table.columns.put(rs.getInt(5), column(rs));
          }
        }
      }
    }
    Set<Long> partitions = new HashSet<>();
    Map<Long, IntFunction<String>> columnNames = new HashMap<>();
    tables.forEach((oid, table) -> columnNames.put(oid, n -> table.columns.get(n).name()));
    PartitionCatalog.read(connection, schemas, columnNames, partitions)
        .forEach((oid, partitioning) -> tables.get(oid).partitioning = partitioning);
    tables.keySet().removeAll(partitions);
    boolean nullsNotDistinct = connection.getMetaData().getDatabaseMajorVersion() >= 15;
    try (PreparedStatement st = connection.prepareStatement(CONSTRAINTS.formatted(
        nullsNotDistinct ? CONSTRAINT_NULLS_NOT_DISTINCT : "false", schemas));
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        TableBuilder table = tables.get(rs.getLong(1));
        if (table != null) {
          constraint(rs, table, tables);
        }
      }
    }
    try (PreparedStatement st = connection.prepareStatement(INDEXES.formatted(
        nullsNotDistinct ? "i.indnullsnotdistinct" : "false", COLLATE_STATED, schemas));
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        TableBuilder table = tables.get(rs.getLong(1));
        if (table != null) {
          table.indexes.add(index(rs, table));
        }
      }
    }
    List<EnumType> enums = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(ENUMS.formatted(schemas));
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        enums.add(new EnumType(name(rs, 1, 2), "", Arrays.asList((String[]) rs.getArray(3).getArray())));
      }
    }
    return new Schema(tables.values().stream().map(TableBuilder::build).toList(), enums)
        .withDomains(DomainCatalog.read(connection, schemas));
  }

  /**
   * The columns of each view of every user schema, by view name, read as the columns of tables
   * are (all nullable, as PostgreSQL keeps view columns).
   */
  public static Map<QualifiedName, List<Column>> viewColumns(Connection connection) throws SQLException {
    Map<QualifiedName, List<Column>> views = new TreeMap<>();
    try (PreparedStatement st = connection.prepareStatement(COLUMNS.formatted(VIEWS, SYSTEM_SCHEMAS))) {
      st.setString(1, "");
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          List<Column> columns = views.computeIfAbsent(name(rs, 2, 3), v -> new ArrayList<>());
          if (rs.getObject(5) != null) {
            columns.add(column(rs));
          }
        }
      }
    }
    return views;
  }

  private static Column column(ResultSet rs) throws SQLException {
    String type = rs.getString(7);
    QualifiedName enumType = null;
    if (rs.getString(13) != null) {
      enumType = name(rs, 12, 13);
      type = Sql.ident(enumType) + (rs.getBoolean(14) ? "[]" : "");
    } else if (rs.getString(26) != null) {
      // A domain's column is typed by the domain's quoted name, as the records have it.
      type = Sql.ident(name(rs, 25, 26)) + (rs.getBoolean(27) ? "[]" : "");
    }
    Identity identity = switch (rs.getString(10)) {
      case "a" -> Identity.ALWAYS;
      case "d" -> Identity.BY_DEFAULT;
      default -> rs.getBoolean(16) ? Identity.SERIAL : Identity.NONE;
    };
    // A serial column's default is its sequence: the model holds the sequence instead.
    String defaultSql = identity == Identity.SERIAL ? null : string(rs, 9);
    Sequence sequence = identity == Identity.NONE ? null : new Sequence(rs.getString(15),
        rs.getLong(17), rs.getLong(18), rs.getLong(19), rs.getLong(20), rs.getLong(21), rs.getBoolean(22));
    // A stored generated column keeps its expression where a default would be.
    boolean generated = "s".equals(rs.getString(24));
    return new Column(rs.getString(6), type, enumType, !rs.getBoolean(8), generated ? null : defaultSql,
        identity, string(rs, 11), null, sequence, null, rs.getString(23), generated ? defaultSql : null);
  }

  private static void constraint(ResultSet rs, TableBuilder table, Map<Long, TableBuilder> tables)
      throws SQLException {
    String name = rs.getString(3);
    List<String> columns = columnNames(rs.getArray(4), table);
    switch (rs.getString(2)) {
      case "p" -> table.primaryKey = new PrimaryKey(name, columns, deferral(rs));
      case "n" -> table.columns.computeIfPresent((int) ((Short[]) rs.getArray(4).getArray())[0],
          (number, column) -> column.withNotNullName(name));
      case "u" -> table.uniques.add(new UniqueConstraint(name, columns, rs.getBoolean(13), deferral(rs)));
      case "c" -> {
        String definition = rs.getString(9);
        String expression = definition.replaceFirst("^CHECK \\((.*)\\)( NOT VALID)?$", "$1");
        table.checks.add(new CheckConstraint(name, expression));
      }
      case "f" -> {
        TableBuilder target = tables.get(rs.getLong(5));
        if (target != null) {
          table.foreignKeys.add(new ForeignKey(name, columns, target.name,
              columnNames(rs.getArray(6), target), action(rs.getString(7)), action(rs.getString(8)),
              rs.getBoolean(12), deferral(rs)));
        }
      }
      default -> { }
    }
  }

  private static Index index(ResultSet rs, TableBuilder table) throws SQLException {
    int keyCount = rs.getInt(6);
    Short[] attributes = (Short[]) rs.getArray(8).getArray();
    Short[] options = (Short[]) rs.getArray(9).getArray();
    String[] opclasses = (String[]) rs.getArray(10).getArray();
    String[] definitions = (String[]) rs.getArray(11).getArray();
    String[] collations = (String[]) rs.getArray(15).getArray();
    List<IndexKey> keys = new ArrayList<>();
    List<String> include = new ArrayList<>();
    for (int k = 0; k < attributes.length; k++) {
      String column = attributes[k] == 0 ? null : table.columns.get((int) attributes[k]).name();
      if (k >= keyCount) {
        include.add(column);
        continue;
      }
      // pg_index.indoption: 1 for DESC, 2 for NULLS FIRST.
      boolean descending = (options[k] & 1) != 0;
      boolean nullsFirst = (options[k] & 2) != 0;
      keys.add(column != null
          ? new IndexKey(column, null, opclasses[k], descending, nullsFirst, collations[k])
          : new IndexKey(null, definitions[k], opclasses[k], descending, nullsFirst, collations[k]));
    }
    Array reloptions = rs.getArray(13);
    List<String> with = reloptions == null ? List.of() : Arrays.asList((String[]) reloptions.getArray());
    return new Index(rs.getString(2), keys, rs.getBoolean(4), rs.getString(3), string(rs, 5),
        include, false, rs.getBoolean(12), with, string(rs, 14));
  }

  private static List<String> columnNames(Array numbers, TableBuilder table) throws SQLException {
    List<String> names = new ArrayList<>();
    if (numbers != null) {
      for (Short number : (Short[]) numbers.getArray()) {
        names.add(table.columns.get((int) number).name());
      }
    }
    return names;
  }

  /** Whether a key constraint is deferrable, and then whether initially deferred. */
  private static Deferral deferral(ResultSet rs) throws SQLException {
    return !rs.getBoolean(10) ? null : rs.getBoolean(11) ? Deferral.DEFERRED : Deferral.IMMEDIATE;
  }

  private static ReferentialAction action(String code) {
    return switch (code) {
      case "r" -> ReferentialAction.RESTRICT;
      case "c" -> ReferentialAction.CASCADE;
      case "n" -> ReferentialAction.SET_NULL;
      case "d" -> ReferentialAction.SET_DEFAULT;
      default -> ReferentialAction.NO_ACTION;
    };
  }

  private static QualifiedName name(ResultSet rs, int schema, int name) throws SQLException {
    return new QualifiedName(rs.getString(schema), rs.getString(name));
  }

  private static String string(ResultSet rs, int column) throws SQLException {
    return rs.getString(column);
  }

  /** Collects one table's parts while the queries stream in. */
  private static final class TableBuilder {
    final QualifiedName name;
    final String comment;
    final Map<Integer, Column> columns = new HashMap<>();
    final List<UniqueConstraint> uniques = new ArrayList<>();
    final List<CheckConstraint> checks = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    PrimaryKey primaryKey;
    Partitioning partitioning;

    TableBuilder(QualifiedName name, String comment) {
      this.name = name;
      this.comment = comment;
    }

    Table build() {
      List<Column> ordered = columns.entrySet().stream()
          .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
      return new Table(name, "", comment, ordered, primaryKey, uniques, checks, indexes,
          foreignKeys, null, null, partitioning);
    }
  }
}
