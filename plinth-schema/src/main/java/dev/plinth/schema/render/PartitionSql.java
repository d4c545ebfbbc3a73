package dev.plinth.schema.render;

import static dev.plinth.schema.render.Sql.ident;

import dev.plinth.schema.diff.Change.AddPartition;
import dev.plinth.schema.diff.Change.AlterPartitionBound;
import dev.plinth.schema.diff.Change.DetachPartition;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Partition;
import dev.plinth.schema.model.Partitioning;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The statements of partitioned tables: the {@code PARTITION BY} clause, and partitions created,
 * detached (kept, rows and all, in the migration's backup schema), attached again and re-bounded.
 */
final class PartitionSql {
  private PartitionSql() {}

  /** What follows a partitioned table's column list: {@code PARTITION BY RANGE ("created_at")}. */
  static String clause(Partitioning partitioning) {
    return " PARTITION BY " + partitioning.strategySql() + " (" + Sql.idents(partitioning.columns()) + ")";
  }

  /**
   * The partitions of a table moved to another schema follow it there (PostgreSQL moves the
   * parent alone): a partition lives in its table's schema.
   */
  static List<String> followSchema(Schema state, QualifiedName from, QualifiedName to) {
    Table table = state.table(from).orElse(null);
    if (table == null || !table.partitioned() || from.schema().equals(to.schema())) {
      return List.of();
    }
    return table.partitioning().partitions().stream()
        .map(p -> "ALTER TABLE " + ident(name(from, p)) + " SET SCHEMA " + ident(to.schema()) + ";")
        .toList();
  }

  static QualifiedName name(QualifiedName table, Partition partition) {
    return new QualifiedName(table.schema(), partition.name());
  }

  static String create(QualifiedName table, Partition partition) {
    return "CREATE TABLE " + ident(name(table, partition)) + " PARTITION OF " + ident(table) + " "
        + partition.boundSql() + ";";
  }

  /**
   * Creates, restores or takes back a partition. When its table has a default partition, the
   * default is detached around it and gives the new partition the rows that belong there
   * (PostgreSQL refuses a partition whose rows the default holds), then attached again.
   */
  static List<String> add(Schema state, AddPartition c, Backups backups) {
    Table parent = state.table(c.table()).orElseThrow();
    Optional<Partition> fallback = defaultOf(parent, c.partition());
    if (fallback.isEmpty()) {
      return addPartition(state, c, backups);
    }
    QualifiedName defaultName = name(c.table(), fallback.get());
    QualifiedName name = name(c.table(), c.partition());
    String columns = copiedColumns(parent);
    String belongs = predicate(parent.partitioning(), c.partition());
    List<String> out = new ArrayList<>();
    out.add(detach(c.table(), defaultName, false));
    out.addAll(addPartition(state, c, backups));
    out.add("INSERT INTO " + ident(name) + " (" + columns + ") OVERRIDING SYSTEM VALUE SELECT " + columns
        + " FROM " + ident(defaultName) + " WHERE " + belongs + ";");
    out.add("DELETE FROM " + ident(defaultName) + " WHERE " + belongs + ";");
    out.add(attach(c.table(), fallback.get()));
    return out;
  }

  /** The columns whose values move with a row: all but generated ones, which are computed again. */
  private static String copiedColumns(Table parent) {
    return Sql.idents(parent.columns().stream().filter(c -> !c.isGenerated()).map(Column::name).toList());
  }

  /** The table's default partition, unless {@code partition} is that one. */
  private static Optional<Partition> defaultOf(Table parent, Partition partition) {
    return partition.isDefault() ? Optional.empty()
        : parent.partitioning().partitions().stream().filter(Partition::isDefault).findFirst();
  }

  /** Whether a row belongs to the partition: its bound as a condition on the partition key. */
  static String predicate(Partitioning partitioning, Partition partition) {
    List<String> key = partitioning.columns().stream().map(Sql::ident).toList();
    if (!partition.values().isEmpty()) {
      List<String> values = partition.values().stream().filter(v -> !v.equalsIgnoreCase("NULL")).toList();
      String in = values.isEmpty() ? "false" : key.get(0) + " IN (" + String.join(", ", values) + ")";
      return values.size() < partition.values().size() ? "(" + in + " OR " + key.get(0) + " IS NULL)" : in;
    }
    List<String> conditions = new ArrayList<>();
    bound(key, split(partition.from()), true).ifPresent(conditions::add);
    bound(key, split(partition.to()), false).ifPresent(conditions::add);
    return conditions.isEmpty() ? "true" : String.join(" AND ", conditions);
  }

  /**
   * One side of a range: {@code key >= from} (lower) or {@code key < to}, row-wise for a key of
   * several columns, up to the first {@code MINVALUE} or {@code MAXVALUE} (which bound nothing).
   */
  private static Optional<String> bound(List<String> key, List<String> values, boolean lower) {
    int n = 0;
    while (n < values.size() && !values.get(n).equalsIgnoreCase("MINVALUE")
        && !values.get(n).equalsIgnoreCase("MAXVALUE")) {
      n++;
    }
    if (n == 0) {
      return Optional.empty();
    }
    boolean open = n < values.size(); // the rest of the key is unbounded
    String op = lower ? (open && values.get(n).equalsIgnoreCase("MAXVALUE") ? ">" : ">=")
        : (open && values.get(n).equalsIgnoreCase("MAXVALUE") ? "<=" : "<");
    if (open && values.get(n).equalsIgnoreCase("MINVALUE") && !lower) {
      op = "<";
    }
    String left = n == 1 ? key.get(0) : "ROW(" + String.join(", ", key.subList(0, n)) + ")";
    String right = n == 1 ? values.get(0) : "ROW(" + String.join(", ", values.subList(0, n)) + ")";
    return Optional.of(left + " " + op + " " + right);
  }

  /** The literals of a bound, split at the commas outside quotes and parentheses. */
  static List<String> split(String bound) {
    List<String> values = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    int depth = 0;
    for (char ch : bound.toCharArray()) {
      if (ch == '\'') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')') {
        depth--;
      }
      if (ch == ',' && !quoted && depth == 0) {
        values.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(ch);
      }
    }
    values.add(current.toString().strip());
    return values;
  }

  private static List<String> addPartition(Schema state, AddPartition c, Backups backups) {
    if (!c.restore()) {
      return List.of(create(c.table(), c.partition()));
    }
    List<String> takeBack = takeBack(state, c.table(), c.partition(), backups, c.dropsGenerated());
    if (!c.keptByRollback()) {
      return takeBack;
    }
    QualifiedName name = name(c.table(), c.partition());
    takeBack.add("COMMENT ON TABLE " + ident(name) + " IS NULL;");
    String refusal = "Cannot take back partition " + name + " from " + backups.kept(name)
        + ": it was kept by rolling back another edition of version " + backups.version()
        + " and is not the partition this migration creates. Copy what you need from it, drop it"
        + " (plinth prune-backups drops every backup) and migrate again.";
    return List.of(backups.ifKept(backups.kept(name), create(c.table(), c.partition()), refusal,
        takeBack, List.of(create(c.table(), c.partition()))));
  }

  static List<String> detach(Schema state, DetachPartition c, Backups backups) {
    QualifiedName name = name(c.table(), c.partition());
    List<String> out = new ArrayList<>();
    out.add(detach(c.table(), name, c.concurrent()));
    Table parent = state.table(c.table()).orElseThrow();
    Optional<Partition> fallback = defaultOf(parent, c.partition());
    if (c.keptByRollback() && fallback.isPresent()) {
      // Rolling back gives the default partition the rows it held before, and those written since.
      String columns = copiedColumns(parent);
      out.add("INSERT INTO " + ident(name(c.table(), fallback.get())) + " (" + columns
          + ") OVERRIDING SYSTEM VALUE SELECT " + columns + " FROM " + ident(name) + ";");
      out.add("TRUNCATE " + ident(name) + ";");
    }
    if (c.backup()) {
      Table moved = asTable(state, c.table(), c.partition());
      out.add(backups.createSchema(c.table().schema()));
      out.add("ALTER TABLE " + ident(name) + " SET SCHEMA " + ident(backups.schema(c.table().schema()))
          + ";");
      if (parent.columns().stream().anyMatch(column -> column.enumType() != null)) {
        out.add(dropOwnIndexes(backups.kept(name)));
      }
      out.addAll(backups.detachEnums(moved, UnaryOperator.identity(), c.dropsGenerated()));
      // The kept copy must not hold on to the sequence of a serial column, which may go meanwhile.
      serialColumns(parent).forEach(column -> out.add("ALTER TABLE " + ident(backups.kept(name))
          + " ALTER COLUMN " + ident(column.name()) + " DROP DEFAULT;"));
      if (c.keptByRollback()) {
        out.add(backups.label(backups.kept(name), create(c.table(), c.partition())));
      }
    } else {
      out.add("DROP TABLE " + ident(name) + ";");
    }
    return out;
  }

  static List<String> alterBound(AlterPartitionBound c) {
    QualifiedName name = name(c.table(), c.after());
    return List.of(detach(c.table(), name, false), attach(c.table(), c.after()));
  }

  private static String detach(QualifiedName table, QualifiedName partition, boolean concurrently) {
    return "ALTER TABLE " + ident(table) + " DETACH PARTITION " + ident(partition)
        + (concurrently ? " CONCURRENTLY" : "") + ";";
  }

  private static String attach(QualifiedName table, Partition partition) {
    return "ALTER TABLE " + ident(table) + " ATTACH PARTITION " + ident(name(table, partition)) + " "
        + partition.boundSql() + ";";
  }

  /** Moves a kept partition back from the backup, gives it its enum types back and attaches it. */
  private static List<String> takeBack(Schema state, QualifiedName table, Partition partition,
      Backups backups, boolean dropsGenerated) {
    QualifiedName name = name(table, partition);
    List<String> out = new ArrayList<>();
    out.add("ALTER TABLE " + ident(backups.kept(name)) + " SET SCHEMA " + ident(table.schema()) + ";");
    out.addAll(backups.reattachEnums(asTable(state, table, partition), dropsGenerated));
    Table parent = state.table(table).orElseThrow();
    serialColumns(parent).forEach(column -> out.add("ALTER TABLE " + ident(name) + " ALTER COLUMN "
        + ident(column.name()) + " SET DEFAULT nextval("
        + Sql.literal(ident(SequenceSql.name(table, column))) + "::regclass);"));
    out.add(attach(table, partition));
    return out;
  }

  /**
   * Drops the indexes a detached partition kept from its table's (those not behind a constraint):
   * PostgreSQL names them itself, the kept copy needs none, and attaching the partition again makes
   * them anew. Its enum columns become text there, which partial and expression indexes reading
   * them would refuse.
   */
  private static String dropOwnIndexes(QualifiedName kept) {
    return Sql.doBlock("""
          DECLARE
            i regclass;
          BEGIN
            FOR i IN SELECT x.indexrelid::regclass FROM pg_index x
                WHERE x.indrelid = %s::regclass
                  AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = x.indexrelid
                    AND c.conrelid = x.indrelid) LOOP
              EXECUTE 'DROP INDEX ' || i;
            END LOOP;
          END;
        """.formatted(Sql.literal(ident(kept))));
  }

  /** The serial columns of a table, whose default is {@code nextval} of their sequence. */
  private static List<Column> serialColumns(Table table) {
    return table.columns().stream().filter(c -> c.identity() == Identity.SERIAL
        && c.sequence() != null && c.sequence().name() != null).toList();
  }

  /** The partition as a table of its own: the parent's columns under the partition's name. */
  private static Table asTable(Schema state, QualifiedName table, Partition partition) {
    Table parent = state.table(table).orElseThrow();
    return new Table(name(table, partition), parent.javaClass(), null, parent.columns(), null,
        List.of(), parent.checks(), List.of(), List.of(), null);
  }
}
