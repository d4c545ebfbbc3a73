package dev.plinth.evolution;

import dev.plinth.schema.diff.Change;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.render.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/** Writes rows that every evolution {@link SchemaMutator} makes must keep, and reads them back. */
final class Rows {
  private final Random random;

  Rows(long seed) {
    this.random = new Random(seed);
  }

  /** Inserts one row into every table, in an order where referenced rows exist. */
  void insert(Connection connection, Schema schema) throws SQLException {
    for (Table table : schema.tables()) {
      insert(connection, schema, table);
    }
  }

  /**
   * Writes what only the schema after {@code changes} holds: a row in every table they create and
   * a value in every column they add (in every row). Rolling back must keep it for migrating again.
   */
  void writeNew(Connection connection, Schema schema, List<Change> changes) throws SQLException {
    for (Change change : changes) {
      if (change instanceof Change.CreateTable created) {
        insert(connection, schema, schema.table(created.table().name()).orElseThrow());
      } else if (change instanceof Change.AddColumn added && added.column().identity() != Identity.ALWAYS
          && !added.column().isGenerated()) {
        Table table = schema.table(added.table()).orElseThrow();
        Column column = table.column(added.column().name()).orElseThrow();
        execute(connection, "UPDATE " + Sql.ident(table.name()) + " SET " + Sql.ident(column.name()) + " = "
            + valueOrReference(column, table, schema));
      }
    }
  }

  private void insert(Connection connection, Schema schema, Table table) throws SQLException {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Column column : table.columns()) {
      if (column.identity() == Identity.ALWAYS || column.isGenerated() || column.name().equals("id")) {
        continue;
      }
      names.add(Sql.ident(column.name()));
      values.add(valueOrReference(column, table, schema));
    }
    execute(connection, "INSERT INTO " + Sql.ident(table.name())
        + (names.isEmpty() ? " DEFAULT VALUES" : " (" + String.join(", ", names) + ") VALUES ("
            + String.join(", ", values) + ")"));
  }

  /** A value for the column, or for a reference the key of a row of the referenced table. */
  private String valueOrReference(Column column, Table table, Schema schema) {
    Optional<ForeignKey> fk = table.foreignKeys().stream()
        .filter(f -> f.columns().contains(column.name())).findFirst();
    return fk.isPresent()
        ? "(SELECT " + Sql.ident(fk.get().targetColumns().get(0)) + " FROM " + Sql.ident(fk.get().target())
            + " ORDER BY " + Sql.ident(fk.get().targetColumns().get(0)) + " LIMIT 1)"
        : value(column, schema);
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  private String value(Column column, Schema schema) {
    if (column.enumType() != null) {
      // Any value, so that removing one from the type exercises keeping it for the rollback.
      List<String> values = schema.enumType(column.enumType()).orElseThrow().values();
      return Sql.literal(values.get(random.nextInt(values.size())));
    }
    // A domain's column holds what its base type does; an array of a domain's or its base type's
    // (other than text[]) holds two elements.
    String type = schema.domains().stream().filter(d -> d.isTypeOf(column.type())).findFirst()
        .map(d -> d.baseType() + (column.type().endsWith("[]") ? "[]" : "")).orElse(column.type());
    if (type.endsWith("[]") && !type.equals("text[]")) {
      String base = type.substring(0, type.length() - 2);
      return "'{" + element(base) + "," + element(base) + "}'";
    }
    return value(type);
  }

  /** An element of an array literal of {@code type} (a domain's base type). */
  private String element(String type) {
    int n = random.nextInt(1000);
    return type.equals("integer") || type.equals("bigint") ? String.valueOf(n) : "v" + n;
  }

  private String value(String type) {
    int n = random.nextInt(1000);
    return switch (type) {
      case "integer", "bigint", "numeric(12,2)", "numeric(14,2)" -> String.valueOf(n);
      case "numeric" -> n + ".125";
      case "time with time zone" -> "'10:00:00+02'::timetz + interval '" + n + " minutes'";
      case "interval" -> "interval '" + n + " minutes'";
      case "inet" -> "'10.0." + (n / 250) + "." + (n % 250) + "'";
      case "text", "character varying(100)", "character varying(200)" -> "'v" + n + "'";
      case "boolean" -> n % 2 == 0 ? "true" : "false";
      case "timestamp with time zone", "timestamp without time zone" -> "'2024-01-01 10:00:00'::timestamp + interval '" + n + " minutes'";
      case "date" -> "DATE '2024-01-01' + " + n;
      case "uuid" -> "gen_random_uuid()";
      case "jsonb" -> "'{\"n\": " + n + "}'";
      case "text[]" -> "'{a" + n + ",b}'";
      default -> throw new IllegalArgumentException("no value for " + type);
    };
  }

  /** Every row of every table, as sorted text, by table. */
  static Map<String, List<String>> snapshot(Connection connection, Schema schema) throws SQLException {
    Map<String, List<String>> result = new TreeMap<>();
    for (Table table : schema.tables()) {
      List<String> rows = new ArrayList<>();
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT * FROM " + Sql.ident(table.name()))) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          Map<String, String> row = new TreeMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnName(i), rs.getString(i));
          }
          rows.add(row.toString());
        }
      }
      rows.sort(null);
      result.put(table.name().toString(), rows);
    }
    return result;
  }
}
