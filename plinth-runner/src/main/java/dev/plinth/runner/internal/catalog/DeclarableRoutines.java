package dev.plinth.runner.internal.catalog;

import dev.plinth.schema.model.Function;
import dev.plinth.schema.model.Grant;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Trigger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * For {@code pull}: the functions and triggers of a live database that {@code @Function} and
 * {@code @Trigger} can declare exactly, as PostgreSQL keeps them (a function's body is its
 * {@code prosrc}). The others stay in the hand-written migration pull writes after the baseline:
 * overloaded functions, procedures and aggregates, functions with argument defaults, a body in
 * SQL-standard form, options other than PostgreSQL's defaults (volatility, strictness, security
 * definer, settings, cost, rows, parallel safety, leakproofness), a comment, or a language other
 * than {@code plpgsql} and {@code sql}, privileges that let no role but its owner execute it
 * (a {@code @Grant} cannot say that), or anything but a trigger depending on it (the baseline
 * creates functions after tables and views); triggers with arguments, a column list, transition tables,
 * a constraint, a disabled state, a function not declared, or on anything but a pulled table.
 *
 * @param functions the functions (declared by {@code ""}: pull places them), with who may execute
 *     them when that is not PostgreSQL's default
 * @param triggers the triggers (declared by {@code ""})
 */
public record DeclarableRoutines(List<Function> functions, List<Trigger> triggers) {
  private static final String FUNCTIONS = """
      SELECT n.nspname, p.proname, pg_get_function_arguments(p.oid), pg_get_function_result(p.oid),
             l.lanname, p.prosrc, p.proacl IS NULL,
             ARRAY(SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END
                   FROM aclexplode(p.proacl) a
                   WHERE a.grantee <> p.proowner AND a.privilege_type = 'EXECUTE' ORDER BY 1)
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
      WHERE p.prokind = 'f' AND %s AND %s
        AND l.lanname IN ('plpgsql', 'sql') AND p.pronargdefaults = 0 AND p.prosqlbody IS NULL
        AND p.provolatile = 'v' AND NOT p.proisstrict AND NOT p.prosecdef AND NOT p.proleakproof
        AND p.proconfig IS NULL AND p.proparallel = 'u' AND p.procost = 100
        AND p.prorows = CASE WHEN p.proretset THEN 1000 ELSE 0 END
        AND obj_description(p.oid, 'pg_proc') IS NULL
        AND (p.proacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(p.proacl) a
                                         WHERE a.grantee <> p.proowner AND a.privilege_type = 'EXECUTE'))
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.refclassid = 'pg_proc'::regclass
                        AND d.refobjid = p.oid AND d.classid <> 'pg_trigger'::regclass)
        AND NOT EXISTS (SELECT 1 FROM pg_proc o WHERE o.pronamespace = p.pronamespace
                        AND o.proname = p.proname AND o.oid <> p.oid)
      ORDER BY 1, 2
      """;
  private static final String TRIGGERS = """
      SELECT n.nspname, c.relname, tg.tgname, tg.tgtype, fn.nspname, p.proname, pg_get_triggerdef(tg.oid)
      FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_proc p ON p.oid = tg.tgfoid JOIN pg_namespace fn ON fn.oid = p.pronamespace
      WHERE NOT tg.tgisinternal AND tg.tgparentid = 0 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND tg.tgnargs = 0 AND cardinality(tg.tgattr::int2[]) = 0 AND tg.tgoldtable IS NULL
        AND tg.tgnewtable IS NULL AND tg.tgconstraint = 0 AND tg.tgenabled = 'O'
        AND obj_description(tg.oid, 'pg_trigger') IS NULL AND %s
      ORDER BY 1, 2, 3
      """;

  public DeclarableRoutines {
    functions = List.copyOf(functions);
    triggers = List.copyOf(triggers);
  }

  /**
   * What the records can declare of the live database; a trigger only when it executes one of the
   * functions read here (which the baseline creates before it).
   */
  public static DeclarableRoutines read(Connection connection) throws SQLException {
    List<Function> functions = new ArrayList<>();
    Set<QualifiedName> names = new HashSet<>();
    try (Statement st = connection.createStatement()) {
      // Types are spelled as in the baseline, which runs with search_path public.
      st.execute("SET search_path = public");
      try (ResultSet rs = st.executeQuery(FUNCTIONS.formatted(CatalogReader.SYSTEM_SCHEMAS,
          CatalogExtras.notInExtension("pg_proc", "p.oid")))) {
        while (rs.next()) {
          if (Function.normalize(rs.getString(6)).isEmpty()) {
            continue; // the processor refuses an empty body
          }
          QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
          functions.add(new Function(name, "", rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
              rs.getBoolean(7) ? null : grants((String[]) rs.getArray(8).getArray())));
          names.add(name);
        }
      } finally {
        st.execute("RESET search_path");
      }
    }
    List<Trigger> triggers = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(TRIGGERS.formatted(CatalogReader.SYSTEM_SCHEMAS));
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        QualifiedName function = new QualifiedName(rs.getString(5), rs.getString(6));
        if (names.contains(function)) {
          triggers.add(trigger(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3),
              rs.getInt(4), function, rs.getString(7)));
        }
      }
    }
    return new DeclarableRoutines(functions, triggers);
  }

  /** A trigger from {@code pg_trigger.tgtype} (see PostgreSQL's {@code trigger.h}) and its definition. */
  /** {@code EXECUTE} to each of the roles: a function's own access list. */
  private static List<Grant> grants(String[] roles) {
    return Arrays.stream(roles).map(r -> new Grant(r, Grant.FUNCTION_PRIVILEGES)).toList();
  }

  static Trigger trigger(QualifiedName table, String name, int type, QualifiedName function, String definition) {
    String timing = (type & 64) != 0 ? "INSTEAD OF" : (type & 2) != 0 ? "BEFORE" : "AFTER";
    List<String> events = new ArrayList<>();
    int[] bits = {4, 16, 8, 32};
    for (int i = 0; i < bits.length; i++) {
      if ((type & bits[i]) != 0) {
        events.add(Trigger.EVENTS.get(i));
      }
    }
    return new Trigger(name, table, function, timing, events, (type & 1) != 0 ? "ROW" : "STATEMENT",
        when(definition), "");
  }

  /**
   * The condition of a trigger definition's {@code WHEN} clause as PostgreSQL spells it, without
   * the clause's own parentheses; null without one.
   */
  static String when(String definition) {
    int start = definition.indexOf(" WHEN (");
    int end = definition.lastIndexOf(") EXECUTE FUNCTION ");
    if (start < 0 || end < start) {
      return null;
    }
    return definition.substring(start + " WHEN (".length(), end);
  }
}
