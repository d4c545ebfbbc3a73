package dev.plinth.runner.internal.seed;

import dev.plinth.seed.EnumLabels;
import dev.plinth.runner.SeedResult;
import dev.plinth.seed.Ref;
import dev.plinth.seed.SeedRow;
import dev.plinth.seed.SeedRows;
import dev.plinth.seed.TableInfo;
import dev.plinth.seed.TableInfo.ColumnInfo;
import dev.plinth.seed.TableInfo.ForeignKeyInfo;
import dev.plinth.seed.TableInfo.Generation;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** Inserts collected rows on one connection, inside the caller's transaction. */
final class Inserter {
  private static final int COPY_BUFFER = 1 << 16;
  /**
   * Which row each seed row became, for tables whose key the database generates (identity, serial,
   * a default): running the seeds again finds the row by its seed key instead of inserting a copy.
   */
  static final String REGISTRY = "plinth_runner.seed_rows";

  private final Connection connection;
  private final boolean fresh;
  /** The full column values of every seed row once it is in the database. */
  private final Map<SeedRow<?>, Map<String, Object>> stored = new IdentityHashMap<>();
  private final List<Deferred> deferred = new ArrayList<>();
  private boolean registryReady;

  /** A foreign key column left NULL at insert, set once the parent row exists. */
  private record Deferred(SeedRow<?> row, String column, ForeignKeyInfo fk, SeedRow<?> parent) {}

  Inserter(Connection connection, boolean fresh) {
    this.connection = connection;
    this.fresh = fresh;
  }

  List<SeedResult.TableResult> insert(SeedRows rows) throws SQLException {
    Map<String, TableInfo> tables = new LinkedHashMap<>();
    rows.rows().forEach(r -> tables.putIfAbsent(r.table().qualifiedName(), r.table()));
    rows.bulks().forEach(b -> tables.putIfAbsent(b.table().qualifiedName(), b.table()));
    TableOrder.Plan plan = TableOrder.of(tables);
    if (fresh && !tables.isEmpty()) {
      try (Statement st = connection.createStatement()) {
        st.execute("TRUNCATE " + plan.tables().stream().map(Inserter::name).collect(Collectors.joining(", "))
            + " RESTART IDENTITY CASCADE");
      }
      forget(plan.tables());
    }
    List<SeedResult.TableResult> results = new ArrayList<>();
    for (TableInfo table : plan.tables()) {
      long inserted = 0;
      long skipped = 0;
      for (SeedRow<?> row : rows.rows()) {
        if (row.table().qualifiedName().equals(table.qualifiedName())) {
          if (insertRow(row, plan)) {
            inserted++;
          } else {
            skipped++;
          }
        }
      }
      for (SeedRows.Bulk bulk : rows.bulks()) {
        if (bulk.table().qualifiedName().equals(table.qualifiedName())) {
          long[] counts = copy(bulk);
          inserted += counts[0];
          skipped += counts[1];
        }
      }
      results.add(new SeedResult.TableResult(table.qualifiedName(), inserted, skipped));
    }
    for (Deferred d : deferred) {
      update(d);
    }
    return results;
  }

  /** Inserts one row; false when it was already there. */
  private boolean insertRow(SeedRow<?> row, TableOrder.Plan plan) throws SQLException {
    TableInfo table = row.table();
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : row.values().entrySet()) {
      values.put(e.getKey(), resolve(row, e.getKey(), e.getValue(), plan));
    }
    deterministicKey(table, values, row);
    boolean generatedKey = !table.primaryKey().isEmpty()
        && table.primaryKey().stream().anyMatch(c -> values.get(c) == null);
    if (generatedKey) {
      Optional<Map<String, Object>> seeded = seededBefore(row);
      if (seeded.isPresent()) {
        stored.put(row, seeded.get());
        return false;
      }
    }
    List<String> columns = new ArrayList<>(values.keySet());
    boolean overriding = columns.stream().anyMatch(c -> table.column(c).generation() == Generation.ALWAYS);
    String sql = "INSERT INTO " + name(table)
        + (columns.isEmpty() ? " DEFAULT VALUES"
            : " (" + columns.stream().map(Inserter::quote).collect(Collectors.joining(", ")) + ")"
                + (overriding ? " OVERRIDING SYSTEM VALUE" : "")
                + " VALUES (" + columns.stream().map(c -> placeholder(table.column(c)))
                    .collect(Collectors.joining(", ")) + ")")
        + " ON CONFLICT DO NOTHING RETURNING *";
    Optional<Map<String, Object>> inserted;
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      bind(st, columns.stream().map(values::get).toList());
      inserted = first(st);
    } catch (SQLException e) {
      throw new SeedException("Cannot insert seed row " + row.seedKey() + " into " + table.qualifiedName()
          + ": " + e.getMessage() + ". Nothing was written.", e);
    }
    if (inserted.isPresent()) {
      stored.put(row, inserted.get());
      if (generatedKey) {
        remember(row, inserted.get());
      }
      return true;
    }
    stored.put(row, existing(table, values).orElseThrow(() -> new SeedException("Seed row " + row.seedKey()
        + " conflicts with a row already in " + table.qualifiedName() + " on a unique key it does not"
        + " set, so it cannot be found again. Set its primary key (or a unique key) explicitly."
        + " Nothing was written.")));
    return false;
  }

  /** A value ready to bind: references become the referenced row's key value. */
  private Object resolve(SeedRow<?> row, String column, Object value, TableOrder.Plan plan) {
    if (!(value instanceof Ref<?> ref)) {
      return value;
    }
    TableInfo table = row.table();
    ForeignKeyInfo fk = table.foreignKeys().stream()
        .filter(f -> f.columns().equals(List.of(column)) && f.target().equals(ref.table().qualifiedName()))
        .findFirst()
        .orElseThrow(() -> new SeedException("Seed row " + row.seedKey() + " sets column " + column
            + " to a reference to " + ref.table().qualifiedName() + ", but no foreign key of "
            + table.qualifiedName() + " on that column references that table."));
    String target = fk.targetColumns().get(0);
    if (ref instanceof Ref.Existing<?> existing) {
      if (!existing.key().containsKey(target)) {
        throw new SeedException("Seed row " + row.seedKey() + " references " + existing + " by "
            + existing.key().keySet() + ", but the foreign key on " + column + " needs " + target + ".");
      }
      return existing.key().get(target);
    }
    SeedRow<?> parent = (SeedRow<?>) ref;
    Map<String, Object> parentValues = stored.get(parent);
    if (parentValues != null) {
      return parentValues.get(target);
    }
    if (table.column(column).nullable()) {
      deferred.add(new Deferred(row, column, fk, parent)); // a cycle, or a later row of this table
      return null;
    }
    throw new SeedException("Seed row " + row.seedKey() + " needs row " + parent.seedKey()
        + " first (NOT NULL column " + column + "), but that row comes later"
        + (plan.deferred().contains(fk) ? "" : " in the same table") + ". Add the parent row first.");
  }

  /** Gives a row without its uuid primary key a key that is the same on every run. */
  private static void deterministicKey(TableInfo table, Map<String, Object> values, SeedRow<?> row) {
    if (table.primaryKey().size() != 1) {
      return;
    }
    String key = table.primaryKey().get(0);
    ColumnInfo column = table.column(key);
    if (column.type().equals("uuid") && column.defaulted() && values.get(key) == null) {
      values.put(key, UUID.nameUUIDFromBytes(("plinth-seed:" + row.seedKey()).getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** The row an earlier run inserted for this seed row, if it is still there. */
  private Optional<Map<String, Object>> seededBefore(SeedRow<?> row) throws SQLException {
    ensureRegistry();
    TableInfo table = row.table();
    List<String> key;
    try (PreparedStatement st = connection.prepareStatement(
        "SELECT key_values FROM " + REGISTRY + " WHERE table_name = ? AND seed_key = ?")) {
      st.setString(1, table.qualifiedName());
      st.setString(2, row.seedKey());
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        key = List.of((String[]) rs.getArray(1).getArray());
      }
    }
    if (key.size() != table.primaryKey().size()) {
      return Optional.empty();
    }
    String sql = "SELECT * FROM " + name(table) + " WHERE " + table.primaryKey().stream()
        .map(c -> quote(c) + "::text = ?").collect(Collectors.joining(" AND "));
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      for (int i = 0; i < key.size(); i++) {
        st.setString(i + 1, key.get(i));
      }
      return first(st);
    }
  }

  private void remember(SeedRow<?> row, Map<String, Object> inserted) throws SQLException {
    TableInfo table = row.table();
    String[] key = table.primaryKey().stream().map(c -> String.valueOf(inserted.get(c))).toArray(String[]::new);
    try (PreparedStatement st = connection.prepareStatement("INSERT INTO " + REGISTRY
        + " (table_name, seed_key, key_values) VALUES (?, ?, ?)"
        + " ON CONFLICT (table_name, seed_key) DO UPDATE SET key_values = EXCLUDED.key_values")) {
      st.setString(1, table.qualifiedName());
      st.setString(2, row.seedKey());
      st.setArray(3, connection.createArrayOf("text", key));
      st.executeUpdate();
    }
  }

  /** Emptied tables start again: their rows' old keys must not match the new rows. */
  private void forget(List<TableInfo> tables) throws SQLException {
    ensureRegistry();
    try (PreparedStatement st = connection.prepareStatement("DELETE FROM " + REGISTRY + " WHERE table_name = ?")) {
      for (TableInfo table : tables) {
        st.setString(1, table.qualifiedName());
        st.executeUpdate();
      }
    }
  }

  private void ensureRegistry() throws SQLException {
    if (registryReady) {
      return;
    }
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE SCHEMA IF NOT EXISTS plinth_runner");
      st.execute("CREATE TABLE IF NOT EXISTS " + REGISTRY + " (table_name text NOT NULL, seed_key text NOT NULL,"
          + " key_values text[] NOT NULL, PRIMARY KEY (table_name, seed_key))");
    }
    registryReady = true;
  }

  /** The row already present with the same primary key or the same values of a unique key. */
  private Optional<Map<String, Object>> existing(TableInfo table, Map<String, Object> values)
      throws SQLException {
    List<List<String>> keys = new ArrayList<>();
    if (!table.primaryKey().isEmpty()) {
      keys.add(table.primaryKey());
    }
    keys.addAll(table.uniqueKeys());
    for (List<String> key : keys) {
      if (!key.stream().allMatch(c -> values.get(c) != null)) {
        continue;
      }
      String sql = "SELECT * FROM " + name(table) + " WHERE " + key.stream()
          .map(c -> quote(c) + " = " + placeholder(table.column(c))).collect(Collectors.joining(" AND "));
      try (PreparedStatement st = connection.prepareStatement(sql)) {
        bind(st, key.stream().map(values::get).toList());
        Optional<Map<String, Object>> found = first(st);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private void update(Deferred d) throws SQLException {
    TableInfo table = d.row().table();
    Map<String, Object> row = stored.get(d.row());
    if (table.primaryKey().isEmpty()) {
      throw new SeedException("Seed row " + d.row().seedKey() + " must be updated after its parent "
          + d.parent().seedKey() + " exists, but " + table.qualifiedName() + " has no primary key.");
    }
    String sql = "UPDATE " + name(table) + " SET " + quote(d.column()) + " = "
        + placeholder(table.column(d.column())) + " WHERE " + table.primaryKey().stream()
            .map(c -> quote(c) + " = " + placeholder(table.column(c))).collect(Collectors.joining(" AND "));
    List<Object> values = new ArrayList<>();
    values.add(stored.get(d.parent()).get(d.fk().targetColumns().get(0)));
    table.primaryKey().forEach(c -> values.add(row.get(c)));
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      bind(st, values);
      st.executeUpdate();
    }
  }

  /**
   * Copies a bulk batch; returns {inserted, skipped}. Fresh mode copies straight into the emptied
   * table. Otherwise a table that holds no row is copied into straight as well, inside a savepoint:
   * nothing can conflict there but two rows of the batch itself, and if they do (a unique or
   * exclusion violation) the savepoint is rolled back and the batch goes the general way, replayed
   * from a spool file of what was sent, so the result is exactly the general way's. The general way
   * copies into a temporary table and inserts from it with {@code ON CONFLICT DO NOTHING}.
   */
  private long[] copy(SeedRows.Bulk bulk) throws SQLException {
    TableInfo table = bulk.table();
    Iterator<Object[]> records = bulk.records().iterator();
    if (!records.hasNext()) {
      return new long[] {0, 0};
    }
    Object[] first = records.next();
    List<Integer> copied = new ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      ColumnInfo column = table.columns().get(i);
      boolean leftToDatabase = first[i] == null && (column.defaulted() || column.generation() != Generation.NONE);
      if (!leftToDatabase) {
        copied.add(i);
      }
    }
    String columnList = copied.stream().map(i -> quote(table.columns().get(i).name()))
        .collect(Collectors.joining(", "));
    BulkText text = new BulkText(table, copied, first, records);
    if (fresh) {
      return new long[] {copyIn(name(table), columnList, text, null, null), 0};
    }
    if (isEmpty(table)) {
      Path spool = spoolFile();
      try {
        try (OutputStream out = Files.newOutputStream(spool)) {
          Savepoint before = connection.setSavepoint();
          try {
            long count = copyIn(name(table), columnList, text, null, out);
            connection.releaseSavepoint(before);
            return new long[] {count, 0};
          } catch (SQLException e) {
            if (!isConflict(e)) {
              throw e;
            }
            connection.rollback(before);
          }
        }
        return staged(table, columnList, text, spool);
      } catch (IOException e) {
        throw new SeedException("Cannot spool bulk rows of " + table.qualifiedName() + " to " + spool + ": "
            + e.getMessage() + ". Nothing was written.", e);
      } finally {
        try {
          Files.deleteIfExists(spool);
        } catch (IOException e) {
          // A temporary file left behind; nothing else depends on it.
        }
      }
    }
    return staged(table, columnList, text, null);
  }

  /** The general way: COPY into a temporary table (after {@code replay}'s rows), then insert what does not conflict. */
  private long[] staged(TableInfo table, String columnList, BulkText text, Path replay) throws SQLException {
    String into = quote("plinth_seed_stage");
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE TEMPORARY TABLE " + into + " ON COMMIT DROP AS SELECT " + columnList
          + " FROM " + name(table) + " WITH NO DATA");
    }
    long count = copyIn(into, columnList, text, replay, null);
    boolean overriding = text.copied.stream()
        .anyMatch(i -> table.columns().get(i).generation() == Generation.ALWAYS);
    long inserted;
    try (Statement st = connection.createStatement()) {
      inserted = st.executeLargeUpdate("INSERT INTO " + name(table) + " (" + columnList + ")"
          + (overriding ? " OVERRIDING SYSTEM VALUE" : "") + " SELECT " + columnList + " FROM " + into
          + " ON CONFLICT DO NOTHING");
      st.execute("DROP TABLE " + into);
    }
    return new long[] {inserted, count - inserted};
  }

  /**
   * Runs one COPY into {@code into}: first the bytes of {@code replay} (rows a failed COPY sent),
   * then the rows {@code text} has left; each buffer also goes to {@code spool} before it is sent.
   * Returns the number of rows copied.
   */
  private long copyIn(String into, String columnList, BulkText text, Path replay, OutputStream spool)
      throws SQLException {
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
        .copyIn("COPY " + into + " (" + columnList + ") FROM STDIN");
    try {
      if (replay != null) {
        try (java.io.InputStream in = Files.newInputStream(replay)) {
          byte[] chunk = new byte[COPY_BUFFER];
          for (int n; (n = in.read(chunk)) > 0; ) {
            copy.writeToCopy(chunk, 0, n);
          }
        } catch (IOException e) {
          throw new SeedException("Cannot read back the spooled bulk rows of " + text.table.qualifiedName()
              + ": " + e.getMessage() + ". Nothing was written.", e);
        }
      }
      StringBuilder buffer = new StringBuilder();
      while (text.next(buffer)) {
        if (buffer.length() >= COPY_BUFFER) {
          write(copy, buffer, spool);
        }
      }
      write(copy, buffer, spool);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
    return text.count;
  }

  /** The rows of a bulk batch as COPY text, one at a time; the count goes on across COPYs. */
  private static final class BulkText {
    private final TableInfo table;
    private final List<Integer> copied;
    private final Iterator<Object[]> records;
    private Object[] record;
    private long count;

    BulkText(TableInfo table, List<Integer> copied, Object[] first, Iterator<Object[]> records) {
      this.table = table;
      this.copied = copied;
      this.record = first;
      this.records = records;
    }

    /** Appends the next row to {@code buffer}; false when there is none. */
    boolean next(StringBuilder buffer) {
      if (record == null) {
        return false;
      }
      count++;
      for (int i = 0; i < table.columns().size(); i++) {
        if (!copied.contains(i) && record[i] != null) {
          throw new SeedException("Bulk row " + count + " of " + table.qualifiedName() + " sets column "
              + table.columns().get(i).name() + ", which the first row left to the database; the"
              + " first row decides the copied columns. Nothing was written.");
        }
      }
      for (int j = 0; j < copied.size(); j++) {
        if (j > 0) {
          buffer.append('\t');
        }
        CopyText.appendField(buffer, record[copied.get(j)]);
      }
      buffer.append('\n');
      record = records.hasNext() ? records.next() : null;
      return true;
    }
  }

  /** Whether {@code table} holds no row this transaction can see. */
  private boolean isEmpty(TableInfo table) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT NOT EXISTS (SELECT FROM " + name(table) + ")")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** A unique or exclusion violation: what {@code ON CONFLICT DO NOTHING} would have skipped. */
  private static boolean isConflict(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState()) || "23P01".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  private static Path spoolFile() {
    try {
      return Files.createTempFile("plinth-seed-", ".copy");
    } catch (IOException e) {
      throw new SeedException("Cannot create a temporary file for bulk seed rows: " + e.getMessage()
          + ". Nothing was written.", e);
    }
  }

  private static void write(CopyIn copy, StringBuilder buffer, OutputStream spool) throws SQLException {
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
    buffer.setLength(0);
    if (spool != null) {
      try {
        spool.write(bytes);
      } catch (IOException e) {
        throw new SeedException("Cannot spool bulk rows to a temporary file: " + e.getMessage()
            + ". Nothing was written.", e);
      }
    }
    copy.writeToCopy(bytes, 0, bytes.length);
  }

  private void bind(PreparedStatement st, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value == null) {
        st.setNull(i + 1, java.sql.Types.NULL);
      } else if (value instanceof Enum<?> e) {
        st.setString(i + 1, EnumLabels.of(e));
      } else if (value instanceof Instant instant) {
        st.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
      } else if (value instanceof byte[] bytes) {
        st.setBytes(i + 1, bytes);
      } else if (value instanceof float[] || value instanceof List<?> || value.getClass().isArray()
          || value instanceof Duration || value instanceof InetAddress) {
        // Cast from its text form by the placeholder (the driver binds no Duration or InetAddress).
        st.setString(i + 1, CopyText.literal(value));
      } else {
        st.setObject(i + 1, value);
      }
    }
  }

  /** The first row of a query, by column name. */
  private static Optional<Map<String, Object>> first(PreparedStatement st) throws SQLException {
    try (ResultSet rs = st.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      ResultSetMetaData meta = rs.getMetaData();
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        row.put(meta.getColumnName(i), rs.getObject(i));
      }
      return Optional.of(row);
    }
  }

  /** A parameter cast to the column's type, so text forms (enums, jsonb, arrays) convert. */
  private static String placeholder(ColumnInfo column) {
    return "CAST(? AS " + column.type() + ")";
  }

  static String name(TableInfo table) {
    return quote(table.schema()) + "." + quote(table.name());
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
