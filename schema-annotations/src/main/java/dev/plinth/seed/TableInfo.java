package dev.plinth.seed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the seeder needs to know about a table: its columns, keys and foreign keys. The processor
 * writes one into each generated builder ({@code UserSeed.TABLE}), from the same model the
 * migrations are generated from.
 *
 * @param schema the PostgreSQL schema, e.g. {@code public}
 * @param name the table name
 * @param columns the columns in table order
 * @param primaryKey the primary key columns; empty when the table has none
 * @param uniqueKeys the column lists of its unique constraints
 * @param foreignKeys its foreign keys
 */
public record TableInfo(String schema, String name, List<ColumnInfo> columns, List<String> primaryKey,
    List<List<String>> uniqueKeys, List<ForeignKeyInfo> foreignKeys) {

  public TableInfo {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
    foreignKeys = List.copyOf(foreignKeys);
  }

  /**
   * The table in the compact text the generated builders hold ({@code UserSeed.TABLE =
   * TableInfo.decode("...")}): javac compiles one string constant much faster than the nested
   * constructor calls it replaces. One line per item, fields separated by tabs, with a backslash,
   * tab and newline escaped as {@code \\}, {@code \t} and {@code \n}:
   * {@code table schema name}, then per column {@code column name type flags} (flags: {@code n}
   * nullable, {@code d} defaulted, {@code B}/{@code A} identity by default/always), {@code key
   * columns...}, per unique key {@code unique columns...}, per foreign key {@code fk targetSchema
   * targetTable count columns... targetColumns...}.
   */
  public String encode() {
    StringBuilder out = new StringBuilder();
    line(out, List.of("table", schema, name));
    for (ColumnInfo c : columns) {
      String flags = (c.nullable() ? "n" : "") + (c.defaulted() ? "d" : "")
          + switch (c.generation()) {
            case NONE -> "";
            case BY_DEFAULT -> "B";
            case ALWAYS -> "A";
          };
      line(out, List.of("column", c.name(), c.type(), flags));
    }
    line(out, concat(List.of("key"), primaryKey));
    for (List<String> unique : uniqueKeys) {
      line(out, concat(List.of("unique"), unique));
    }
    for (ForeignKeyInfo fk : foreignKeys) {
      line(out, concat(concat(List.of("fk", fk.targetSchema(), fk.targetTable(),
          String.valueOf(fk.columns().size())), fk.columns()), fk.targetColumns()));
    }
    return out.toString();
  }

  /** The table {@link #encode()} gave {@code text} for. */
  public static TableInfo decode(String text) {
    String schema = null;
    String name = null;
    List<ColumnInfo> columns = new ArrayList<>();
    List<String> primaryKey = List.of();
    List<List<String>> uniqueKeys = new ArrayList<>();
    List<ForeignKeyInfo> foreignKeys = new ArrayList<>();
    for (String line : text.split("\n")) {
      List<String> f = Arrays.stream(line.split("\t", -1)).map(TableInfo::unescape).toList();
      switch (f.get(0)) {
        case "table" -> {
          schema = f.get(1);
          name = f.get(2);
        }
        case "column" -> columns.add(new ColumnInfo(f.get(1), f.get(2), f.get(3).contains("n"),
            f.get(3).contains("d"), f.get(3).contains("A") ? Generation.ALWAYS
                : f.get(3).contains("B") ? Generation.BY_DEFAULT : Generation.NONE));
        case "key" -> primaryKey = f.subList(1, f.size());
        case "unique" -> uniqueKeys.add(f.subList(1, f.size()));
        case "fk" -> {
          int n = Integer.parseInt(f.get(3));
          foreignKeys.add(new ForeignKeyInfo(f.subList(4, 4 + n), f.get(1), f.get(2), f.subList(4 + n, 4 + 2 * n)));
        }
        default -> throw new IllegalArgumentException("not a line of an encoded TableInfo: " + line);
      }
    }
    return new TableInfo(schema, name, columns, primaryKey, uniqueKeys, foreignKeys);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static void line(StringBuilder out, List<String> fields) {
    if (out.length() > 0) {
      out.append('\n');
    }
    out.append(fields.stream().map(TableInfo::escape).collect(Collectors.joining("\t")));
  }

  private static String escape(String field) {
    return field.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }

  private static String unescape(String field) {
    if (field.indexOf('\\') < 0) {
      return field;
    }
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 1 < field.length()) {
        char next = field.charAt(++i);
        out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code schema.name}, unquoted: the table's identity. */
  public String qualifiedName() {
    return schema + "." + name;
  }

  /** The column named {@code columnName}. */
  public ColumnInfo column(String columnName) {
    for (ColumnInfo column : columns) {
      if (column.name().equals(columnName)) {
        return column;
      }
    }
    throw new IllegalArgumentException("table " + qualifiedName() + " has no column " + columnName);
  }

  /** The position of {@code columnName} in {@link #columns()}. */
  public int indexOf(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return i;
      }
    }
    throw new IllegalArgumentException("table " + qualifiedName() + " has no column " + columnName);
  }

  /**
   * A column.
   *
   * @param type the SQL type as PostgreSQL spells it; enum types are quoted and qualified
   * @param defaulted whether it has a default expression
   */
  public record ColumnInfo(String name, String type, boolean nullable, boolean defaulted,
      Generation generation) {
    public ColumnInfo {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      generation = generation == null ? Generation.NONE : generation;
    }

    /** Whether an insert may leave it out: it is nullable, has a default or is an identity. */
    public boolean optional() {
      return nullable || defaulted || generation != Generation.NONE;
    }
  }

  /** Identity generation of a column. */
  public enum Generation {
    NONE,
    BY_DEFAULT,
    ALWAYS
  }

  /** A foreign key to {@code targetSchema.targetTable (targetColumns)}. */
  public record ForeignKeyInfo(List<String> columns, String targetSchema, String targetTable,
      List<String> targetColumns) {
    public ForeignKeyInfo {
      columns = List.copyOf(columns);
      targetColumns = List.copyOf(targetColumns);
    }

    /** {@code schema.table} of the referenced table. */
    public String target() {
      return targetSchema + "." + targetTable;
    }
  }
}
