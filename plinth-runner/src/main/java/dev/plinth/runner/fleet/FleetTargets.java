package dev.plinth.runner.fleet;

import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.config.DatabaseUrl;
import dev.plinth.runner.internal.Failures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a fleet's targets come from: a list (a file, one target per line) or a query on a database
 * that knows the tenants. Either way the list is checked: not empty, no target twice.
 *
 * <pre>{@code
 * # fleet.txt: a database URL per line, optionally followed by a schema of that database
 * jdbc:postgresql://db1:5432/tenant_a
 * jdbc:postgresql://db2:5432/tenant_b
 * jdbc:postgresql://db1:5432/shared  tenant_c
 * }</pre>
 */
public final class FleetTargets {

  private FleetTargets() {}

  /** The targets listed in {@code file}. */
  public static List<FleetTarget> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PlinthException(e, Message.FLEET_FILE_UNREADABLE, file, e.getMessage());
    }
    return parse(text, file.toString());
  }

  /**
   * The targets in {@code text}: per line a database URL, optionally followed by blanks and a schema
   * name; blank lines and lines starting with {@code #} are left out.
   *
   * @param origin how messages name the text, e.g. its file
   */
  public static List<FleetTarget> parse(String text, String origin) {
    List<FleetTarget> targets = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length > 2) {
        throw new PlinthException(Message.FLEET_LINE_INVALID, i + 1, origin, "it has " + parts.length + " words");
      }
      DatabaseUrl url = DatabaseUrl.parse(parts[0], "line " + (i + 1) + " of " + origin);
      targets.add(new FleetTarget(url, parts.length == 2 ? Optional.of(parts[1]) : Optional.empty()));
    }
    return checked(targets, origin);
  }

  /**
   * The targets a query lists, run on {@code database}'s database. A column named {@code url} gives
   * the databases; a column named {@code schema} gives the schemas (of the row's database, or of the
   * queried database itself when there is no {@code url} column), e.g.
   * {@code SELECT url FROM tenants} or {@code SELECT schema_name AS schema FROM tenants}.
   */
  public static List<FleetTarget> query(Plinth database, String sql) {
    RunnerConfig config = database.config();
    DatabaseUrl here = config.url().orElseThrow(() -> new IllegalArgumentException("the queried runner needs a URL"));
    List<FleetTarget> targets = new ArrayList<>();
    try (Connection connection = connect(database); Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      Map<String, Integer> columns = columns(rs.getMetaData());
      Integer urlColumn = columns.get("url");
      Integer schemaColumn = columns.get("schema");
      if (urlColumn == null && schemaColumn == null) {
        throw new PlinthException(Message.FLEET_QUERY_COLUMNS, String.join(", ", columns.keySet()));
      }
      int row = 0;
      while (rs.next()) {
        row++;
        String url = urlColumn == null ? null : rs.getString(urlColumn);
        Optional<String> schema = Optional.ofNullable(schemaColumn == null ? null : rs.getString(schemaColumn));
        if (url == null && schema.isEmpty()) {
          throw new PlinthException(Message.FLEET_QUERY_NULL, row);
        }
        targets.add(new FleetTarget(url == null ? here : DatabaseUrl.parse(url, "row " + row + " of the fleet query"),
            schema));
      }
    } catch (SQLException e) {
      throw new PlinthException(e, Message.FLEET_QUERY_FAILED, here, Failures.serverMessage(e),
          e.getSQLState() == null ? "unknown" : e.getSQLState());
    }
    return checked(targets, "the fleet query");
  }

  private static Connection connect(Plinth database) {
    try {
      return database.dataSource().getConnection();
    } catch (SQLException e) {
      throw Failures.connection(e, database.config());
    }
  }

  /** {@code targets}, refused when empty or when one is listed twice. */
  public static List<FleetTarget> checked(List<FleetTarget> targets, String origin) {
    if (targets.isEmpty()) {
      throw new PlinthException(Message.FLEET_EMPTY, origin);
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      Integer first = seen.putIfAbsent(targets.get(i).name(), i);
      if (first != null) {
        throw new PlinthException(Message.FLEET_DUPLICATE, targets.get(i).name(), origin, first + 1, i + 1);
      }
    }
    return List.copyOf(targets);
  }

  /** Column labels, lower-cased, to their position; the first of equal labels wins. */
  private static Map<String, Integer> columns(ResultSetMetaData meta) throws SQLException {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.putIfAbsent(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
    }
    return columns;
  }
}
