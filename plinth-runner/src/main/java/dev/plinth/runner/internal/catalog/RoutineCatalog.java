package dev.plinth.runner.internal.catalog;

import dev.plinth.schema.journal.ExternalObjects;
import dev.plinth.schema.model.Function;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Trigger;
import dev.plinth.schema.render.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The functions and triggers of a live database against the expected ones. A function is compared
 * by its body as PostgreSQL keeps it ({@code prosrc}, {@linkplain Function#normalize normalized})
 * and its language; a trigger by its timing, events, level and function (read from
 * {@code tgtype}). Functions nothing declares are not reported (hand-written migrations create
 * them); triggers are, on any table, unless {@code plinth.external} lists them.
 */
public final class RoutineCatalog {
  private static final String FUNCTIONS = """
      SELECT n.nspname, p.proname, p.prosrc, l.lanname
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
      WHERE p.prokind = 'f' AND %s AND %s
      ORDER BY 1, 2, p.oid
      """;
  private static final String TRIGGERS = """
      SELECT n.nspname, c.relname, tg.tgname, tg.tgtype, fn.nspname, p.proname
      FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_proc p ON p.oid = tg.tgfoid JOIN pg_namespace fn ON fn.oid = p.pronamespace
      WHERE NOT tg.tgisinternal AND tg.tgparentid = 0 AND %s
      ORDER BY 1, 2, 3
      """;

  private RoutineCatalog() {}

  /** Missing and changed functions, missing, extra and changed triggers. Changes nothing. */
  public static List<Difference> compare(Connection connection, List<Function> functions,
      List<Trigger> triggers, ExternalObjects external, Optional<String> onlySchema) throws SQLException {
    String schemas = CatalogReader.SYSTEM_SCHEMAS
        + onlySchema.map(s -> " AND n.nspname = " + Sql.literal(s)).orElse("");
    List<Difference> out = new ArrayList<>(compareFunctions(connection, functions, schemas));
    out.addAll(compareTriggers(connection, triggers, external, schemas));
    return out;
  }

  private static List<Difference> compareFunctions(Connection connection, List<Function> functions,
      String schemas) throws SQLException {
    if (functions.isEmpty()) {
      return List.of(); // only declared functions are compared: nothing to read
    }
    Map<QualifiedName, List<String[]>> live = new TreeMap<>();
    try (PreparedStatement st = connection.prepareStatement(FUNCTIONS.formatted(schemas,
        CatalogExtras.notInExtension("pg_proc", "p.oid")));
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        live.computeIfAbsent(new QualifiedName(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
            .add(new String[] {Function.normalize(rs.getString(3)), rs.getString(4)});
      }
    }
    List<Difference> out = new ArrayList<>();
    for (Function function : functions) {
      List<String[]> found = live.getOrDefault(function.name(), List.of());
      if (found.isEmpty()) {
        out.add(Difference.missing("function", function.name().toString(), function.body()));
      } else if (found.stream().noneMatch(f -> f[0].equals(function.body()))) {
        out.add(Difference.different("function", function.name().toString(), "body", function.body(),
            found.get(0)[0]));
      } else if (found.stream().noneMatch(f -> f[0].equals(function.body())
          && f[1].equalsIgnoreCase(function.language()))) {
        out.add(Difference.different("function", function.name().toString(), "language",
            function.language(), found.get(0)[1]));
      }
    }
    return out;
  }

  private static List<Difference> compareTriggers(Connection connection, List<Trigger> triggers,
      ExternalObjects external, String schemas) throws SQLException {
    Map<String, String> live = new TreeMap<>();
    try (PreparedStatement st = connection.prepareStatement(TRIGGERS.formatted(schemas));
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        live.put(rs.getString(1) + "." + rs.getString(2) + "." + rs.getString(3),
            described(rs.getInt(4), new QualifiedName(rs.getString(5), rs.getString(6))));
      }
    }
    Map<String, String> want = new TreeMap<>();
    for (Trigger trigger : triggers) {
      want.put(trigger.table() + "." + trigger.name(), described(trigger));
    }
    Set<String> listed = external.entries().stream().filter(e -> e.kind().equals("trigger"))
        .map(ExternalObjects.Entry::name).collect(Collectors.toSet());
    TreeSet<String> names = new TreeSet<>(want.keySet());
    names.addAll(live.keySet());
    List<Difference> out = new ArrayList<>();
    for (String name : names) {
      String expected = want.get(name);
      String actual = live.get(name);
      if (actual == null) {
        out.add(Difference.missing("trigger", name, expected));
      } else if (expected == null) {
        if (!listed.contains(name)) {
          out.add(Difference.extra("trigger", name, actual));
        }
      } else if (!expected.equals(actual)) {
        out.add(Difference.different("trigger", name, "definition", expected, actual));
      }
    }
    return out;
  }

  /** {@code BEFORE INSERT OR UPDATE FOR EACH ROW EXECUTE public.touch}. */
  static String described(Trigger trigger) {
    return trigger.timing() + " " + String.join(" OR ", trigger.events()) + " FOR EACH "
        + trigger.forEach() + " EXECUTE " + trigger.function();
  }

  /** The same words from {@code pg_trigger.tgtype} (see PostgreSQL's {@code trigger.h}). */
  static String described(int type, QualifiedName function) {
    String timing = (type & 64) != 0 ? "INSTEAD OF" : (type & 2) != 0 ? "BEFORE" : "AFTER";
    List<String> events = new ArrayList<>();
    int[] bits = {4, 16, 8, 32};
    for (int i = 0; i < bits.length; i++) {
      if ((type & bits[i]) != 0) {
        events.add(Trigger.EVENTS.get(i));
      }
    }
    return timing + " " + String.join(" OR ", events) + " FOR EACH " + ((type & 1) != 0 ? "ROW" : "STATEMENT")
        + " EXECUTE " + function;
  }
}
