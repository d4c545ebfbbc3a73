package dev.plinth.runner.internal.catalog;

import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Domain;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.SqlTypes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads the domains of a live database, and compares them with the expected ones. */
public final class DomainCatalog {
  private static final String DOMAINS = """
      SELECT n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
             CASE WHEN t.typcollation <> bt.typcollation THEN co.collname END,
             obj_description(t.oid, 'pg_type'),
             ARRAY(SELECT c.conname FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'
                   ORDER BY c.conname),
             ARRAY(SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
                   WHERE c.contypid = t.oid AND c.contype = 'c' ORDER BY c.conname)
      FROM pg_type t
      JOIN pg_namespace n ON n.oid = t.typnamespace
      JOIN pg_type bt ON bt.oid = t.typbasetype
      LEFT JOIN pg_collation co ON co.oid = t.typcollation
      WHERE t.typtype = 'd' AND %s
      ORDER BY n.nspname, t.typname
      """;

  private DomainCatalog() {}

  /** The domains of the schemas {@code schemas} (an SQL condition on {@code n.nspname}) selects. */
  static List<Domain> read(Connection connection, String schemas) throws SQLException {
    List<Domain> result = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(DOMAINS.formatted(schemas));
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String[] names = (String[]) rs.getArray(8).getArray();
        String[] definitions = (String[]) rs.getArray(9).getArray();
        List<CheckConstraint> checks = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
          checks.add(new CheckConstraint(names[i],
              definitions[i].replaceFirst("^CHECK \\((.*)\\)( NOT VALID)?$", "$1")));
        }
        result.add(new Domain(new QualifiedName(rs.getString(1), rs.getString(2)), "", rs.getString(3),
            rs.getBoolean(4), rs.getString(5), checks, rs.getString(6), rs.getString(7), null));
      }
    }
    return result;
  }

  /** How the live domains differ from the expected ones: missing, extra, and changed parts. */
  public static List<Difference> compare(List<Domain> expected, List<Domain> live) {
    Map<QualifiedName, Domain> want = new TreeMap<>();
    expected.forEach(d -> want.put(d.name(), d));
    Map<QualifiedName, Domain> have = new TreeMap<>();
    live.forEach(d -> have.put(d.name(), d));
    TreeSet<QualifiedName> names = new TreeSet<>(want.keySet());
    names.addAll(have.keySet());
    List<Difference> out = new ArrayList<>();
    for (QualifiedName name : names) {
      Domain w = want.get(name);
      Domain h = have.get(name);
      if (h == null) {
        out.add(Difference.missing("domain", name.toString(), w.baseType()));
      } else if (w == null) {
        out.add(Difference.extra("domain", name.toString(), h.baseType()));
      } else {
        String domain = name.toString();
        if (!SqlTypes.canonical(w.baseType()).equals(h.baseType())) {
          out.add(Difference.different("domain", domain, "base type", w.baseType(), h.baseType()));
        }
        if (!Objects.equals(w.collation(), h.collation())) {
          out.add(Difference.different("domain", domain, "collation", w.collation(), h.collation()));
        }
        if (w.notNull() != h.notNull()) {
          out.add(Difference.different("domain", domain, "nullability", nullability(w), nullability(h)));
        }
        if (!Objects.equals(Canonical.expression(w.defaultSql()), Canonical.expression(h.defaultSql()))) {
          out.add(Difference.different("domain", domain, "default", w.defaultSql(), h.defaultSql()));
        }
        if (!Objects.equals(w.comment(), h.comment())) {
          out.add(Difference.different("domain", domain, "comment", w.comment(), h.comment()));
        }
        checks(domain, w, h, out);
      }
    }
    return out;
  }

  private static void checks(String domain, Domain w, Domain h, List<Difference> out) {
    for (CheckConstraint c : w.checks()) {
      CheckConstraint hc = h.check(c.name());
      if (hc == null) {
        out.add(Difference.missing("domain check", domain + "." + c.name(), c.expression()));
      } else if (!Canonical.expression(c.expression()).equals(Canonical.expression(hc.expression()))) {
        out.add(Difference.different("domain check", domain + "." + c.name(), "expression",
            c.expression(), hc.expression()));
      }
    }
    for (CheckConstraint c : h.checks()) {
      if (w.check(c.name()) == null) {
        out.add(Difference.extra("domain check", domain + "." + c.name(), c.expression()));
      }
    }
  }

  private static String nullability(Domain d) {
    return d.notNull() ? "NOT NULL" : "NULL";
  }
}
