package dev.plinth.runner.internal.catalog;

import dev.plinth.schema.model.Partition;
import dev.plinth.schema.model.Partitioning;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads partitioned tables' keys and partitions from the catalog: partitions are not tables of
 * their own in the model but the bounds of their parent. Bounds are read as PostgreSQL writes
 * them, timestamps with time zone in UTC (as the processor writes them).
 */
final class PartitionCatalog {
  private static final String KEYS = """
      SELECT pt.partrelid, pt.partstrat, pt.partattrs::int2[]
      FROM pg_partitioned_table pt
      JOIN pg_class c ON c.oid = pt.partrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE %s
      """;

  private static final String PARTITIONS = """
      SELECT c.oid, i.inhparent, c.relname, pg_get_expr(c.relpartbound, c.oid)
      FROM pg_class c
      JOIN pg_inherits i ON i.inhrelid = c.oid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relispartition AND %s
      ORDER BY c.relname
      """;

  private static final Pattern RANGE = Pattern.compile("FOR VALUES FROM \\((.*)\\) TO \\((.*)\\)", Pattern.DOTALL);
  private static final Pattern LIST = Pattern.compile("FOR VALUES IN \\((.*)\\)", Pattern.DOTALL);
  private static final Pattern HASH =
      Pattern.compile("FOR VALUES WITH \\(modulus (\\d+), remainder (\\d+)\\)", Pattern.CASE_INSENSITIVE);

  private PartitionCatalog() {}

  /** The partitioned tables and their partitions, by table oid; the partitions' oids in {@code partitionOids}. */
  static Map<Long, Partitioning> read(Connection connection, String schemas,
      Map<Long, IntFunction<String>> columnNames, Set<Long> partitionOids) throws SQLException {
    Map<Long, String> strategies = new TreeMap<>();
    Map<Long, List<String>> keys = new TreeMap<>();
    try (PreparedStatement st = connection.prepareStatement(KEYS.formatted(schemas));
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        long oid = rs.getLong(1);
        IntFunction<String> names = columnNames.get(oid);
        Short[] attributes = (Short[]) rs.getArray(3).getArray();
        List<String> columns = new ArrayList<>();
        boolean expression = names == null;
        for (Short attribute : attributes) {
          expression |= attribute == 0;
          columns.add(attribute == 0 || names == null ? null : names.apply(attribute));
        }
        if (!expression) { // a key on an expression is not modelled
          strategies.put(oid, switch (rs.getString(2)) {
            case "r" -> "range";
            case "l" -> "list";
            default -> "hash";
          });
          keys.put(oid, columns);
        }
      }
    }
    Map<Long, List<Partition>> partitions = new TreeMap<>();
    String zone = null;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT current_setting('TimeZone')")) {
      rs.next();
      zone = rs.getString(1);
    }
    setZone(connection, "UTC");
    try (PreparedStatement st = connection.prepareStatement(PARTITIONS.formatted(schemas));
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        partitionOids.add(rs.getLong(1));
        long parent = rs.getLong(2);
        if (strategies.containsKey(parent)) {
          partitions.computeIfAbsent(parent, p -> new ArrayList<>())
              .add(partition(rs.getString(3), rs.getString(4)));
        }
      }
    } finally {
      setZone(connection, zone);
    }
    Map<Long, Partitioning> result = new TreeMap<>();
    strategies.forEach((oid, strategy) -> result.put(oid,
        new Partitioning(strategy, keys.get(oid), partitions.getOrDefault(oid, List.of()))));
    return result;
  }

  private static void setZone(Connection connection, String zone) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement("SELECT set_config('TimeZone', ?, false)")) {
      st.setString(1, zone);
      st.execute();
    }
  }

  /** A partition from its bound as {@code pg_get_expr} writes it. */
  static Partition partition(String name, String bound) {
    Matcher m;
    if (bound.equals("DEFAULT")) {
      return Partition.defaultPartition(name);
    } else if ((m = RANGE.matcher(bound)).matches()) {
      return Partition.range(name, m.group(1), m.group(2));
    } else if ((m = HASH.matcher(bound)).matches()) {
      return Partition.hash(name, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } else if ((m = LIST.matcher(bound)).matches()) {
      return Partition.list(name, values(m.group(1)));
    }
    return Partition.list(name, List.of(bound));
  }

  /** The items of a list of SQL literals, split at the commas outside quotes. */
  static List<String> values(String list) {
    List<String> values = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char ch : list.toCharArray()) {
      if (ch == '\'') {
        quoted = !quoted;
      }
      if (ch == ',' && !quoted) {
        values.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(ch);
      }
    }
    values.add(current.toString().strip());
    return values;
  }
}
