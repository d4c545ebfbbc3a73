package dev.plinth.runner.internal.catalog;

import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.journal.ExternalObjects;
import dev.plinth.schema.model.Function;
import dev.plinth.schema.model.Grant;
import dev.plinth.schema.model.Policy;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Role;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.TableSecurity;
import dev.plinth.schema.model.View;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Row-level security, policies and privileges of the live tables and views, read from the catalog
 * ({@code pg_class}, {@code pg_policies}, the tables' access lists) and compared with the expected
 * ones. Privileges of a relation's owner are its own, not grants, and are left out, and so are
 * those of roles the schema does not declare; policy
 * expressions are compared in canonical form, as PostgreSQL spells them back with parentheses and
 * upper-case keywords.
 */
public final class SecurityCatalog {
  /** The relations asked about: two arrays, schemas and names, paired. */
  private static final String KEYS = "unnest(?::text[], ?::text[]) AS k(schema_name, relation_name)";
  private static final String ROW_SECURITY = """
      SELECT n.nspname, c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN %s ON n.nspname = k.schema_name AND c.relname = k.relation_name
      """.formatted(KEYS);
  private static final String POLICIES = """
      SELECT p.schemaname, p.tablename, policyname, permissive, roles::text[], cmd, qual, with_check
      FROM pg_policies p JOIN %s ON p.schemaname = k.schema_name AND p.tablename = k.relation_name
      ORDER BY 1, 2, 3
      """.formatted(KEYS);
  private static final String GRANTS = """
      SELECT n.nspname, c.relname, CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END,
             a.privilege_type
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN %s ON n.nspname = k.schema_name AND c.relname = k.relation_name,
           aclexplode(c.relacl) a
      WHERE a.grantee <> c.relowner
      """.formatted(KEYS);
  /** Grants on the sequences the table owns (those behind its serial and identity columns). */
  private static final String SEQUENCE_GRANTS = """
      SELECT n.nspname, c.relname, CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END,
             a.privilege_type, s.relname
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN %s ON n.nspname = k.schema_name AND c.relname = k.relation_name
      JOIN pg_depend d ON d.refobjid = c.oid AND d.refclassid = 'pg_class'::regclass
        AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
      JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S',
           aclexplode(s.relacl) a
      WHERE a.grantee <> s.relowner
      """.formatted(KEYS);

  /**
   * The privileges on the functions of a name, by function: PostgreSQL's default access list when
   * the function has none of its own, the owner's privileges left out.
   */
  private static final String FUNCTION_GRANTS = """
      SELECT p.oid, pg_get_function_arguments(p.oid),
             CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END,
             a.privilege_type
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      LEFT JOIN LATERAL aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
        ON a.grantee <> p.proowner
      WHERE n.nspname = ? AND p.proname = ? AND p.prokind = 'f'
      ORDER BY p.oid
      """;

  private SecurityCatalog() {}

  /** {@code schema} without row-level security, policies, grants and roles (compared here). */
  public static Schema withoutSecurity(Schema schema) {
    return schema.withTables(schema.tables().stream().map(t -> t.withSecurity(null)).toList())
        .withViews(schema.views().stream().map(v -> v.withGrants(List.of())).toList())
        .withRoles(List.of());
  }

  /**
   * {@code schema} (read from the live database: tables, views and functions with their grants)
   * with the tables' row-level security, policies and grants, the views' grants, and the roles
   * they and the functions' grants name (declared by {@code ""}: pull places the declarations).
   */
  public static Schema withLive(Connection connection, Schema schema) throws SQLException {
    List<Table> tables = new ArrayList<>();
    TreeSet<String> roleNames = new TreeSet<>();
    Map<QualifiedName, TableSecurity> live = read(connection, relations(schema));
    for (Table table : schema.tables()) {
      TableSecurity security = live.get(table.name());
      tables.add(table.withSecurity(security));
      security.policies().forEach(p -> roleNames.addAll(p.roles()));
      security.grants().forEach(g -> roleNames.add(g.role()));
    }
    List<View> views = new ArrayList<>();
    for (View view : schema.views()) {
      List<Grant> grants = live.get(view.name()).grants();
      views.add(view.withGrants(grants));
      grants.forEach(g -> roleNames.add(g.role()));
    }
    schema.functions().forEach(f -> f.acl().forEach(g -> roleNames.add(g.role())));
    roleNames.remove(Role.PUBLIC);
    List<Role> roles = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(
        "SELECT rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = ?")) {
      for (String name : roleNames) {
        st.setString(1, name);
        try (ResultSet rs = st.executeQuery()) {
          roles.add(new Role(name, rs.next() && rs.getBoolean(1), ""));
        }
      }
    }
    return schema.withTables(tables).withViews(views).withRoles(roles);
  }

  /** The live security of the table (or view, which has grants only) of that name. */
  public static TableSecurity read(Connection connection, QualifiedName name) throws SQLException {
    return read(connection, List.of(name)).get(name);
  }

  /** The tables and views of {@code schema}, in its order. */
  private static List<QualifiedName> relations(Schema schema) {
    List<QualifiedName> names = new ArrayList<>();
    schema.tables().forEach(t -> names.add(t.name()));
    schema.views().forEach(v -> names.add(v.name()));
    return names;
  }

  /**
   * The live security of each of {@code names} (tables, or views, which have grants only), read
   * with four queries whatever their number.
   */
  public static Map<QualifiedName, TableSecurity> read(Connection connection, List<QualifiedName> names)
      throws SQLException {
    Set<QualifiedName> keys = new LinkedHashSet<>(names);
    Object[] schemas = keys.stream().map(QualifiedName::schema).toArray();
    Object[] relations = keys.stream().map(QualifiedName::name).toArray();
    Map<QualifiedName, boolean[]> rowSecurity = new HashMap<>();
    try (PreparedStatement st = keyed(connection, ROW_SECURITY, schemas, relations);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        rowSecurity.put(key(rs), new boolean[] {rs.getBoolean(3), rs.getBoolean(4)});
      }
    }
    Map<QualifiedName, List<Policy>> policies = new HashMap<>();
    try (PreparedStatement st = keyed(connection, POLICIES, schemas, relations);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        List<String> roles = new ArrayList<>(Arrays.asList((String[]) rs.getArray(5).getArray()));
        roles.remove("public");
        policies.computeIfAbsent(key(rs), k -> new ArrayList<>()).add(new Policy(rs.getString(3), rs.getString(6),
            rs.getString(4).equals("PERMISSIVE"), roles, rs.getString(7), rs.getString(8), null));
      }
    }
    Map<QualifiedName, Map<String, TreeSet<String>>> privileges = new HashMap<>();
    try (PreparedStatement st = keyed(connection, GRANTS, schemas, relations);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        // Privileges the annotations cannot grant (MAINTAIN) are not Plinth's.
        if (Grant.PRIVILEGES.contains(rs.getString(4))) {
          privileges.computeIfAbsent(key(rs), k -> new TreeMap<>())
              .computeIfAbsent(rs.getString(3), r -> new TreeSet<>()).add(rs.getString(4));
        }
      }
    }
    Map<QualifiedName, Map<List<String>, TreeSet<String>>> onSequences = new HashMap<>();
    try (PreparedStatement st = keyed(connection, SEQUENCE_GRANTS, schemas, relations);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        onSequences.computeIfAbsent(key(rs), k -> new TreeMap<>(
                java.util.Comparator.<List<String>, String>comparing(g -> g.get(0)).thenComparing(g -> g.get(1))))
            .computeIfAbsent(List.of(rs.getString(3), rs.getString(5)), g -> new TreeSet<>()).add(rs.getString(4));
      }
    }
    Map<QualifiedName, TableSecurity> result = new LinkedHashMap<>();
    for (QualifiedName name : keys) {
      boolean[] flags = rowSecurity.getOrDefault(name, new boolean[2]);
      List<Grant> grants = new ArrayList<>();
      privileges.getOrDefault(name, Map.of()).forEach((role, set) -> grants.add(new Grant(role, List.copyOf(set))));
      onSequences.getOrDefault(name, Map.of()).forEach((grant, set) -> grants.add(new Grant(grant.get(0),
          List.copyOf(set), grant.get(1))));
      result.put(name, new TableSecurity(flags[0], flags[1], policies.getOrDefault(name, List.of()), grants));
    }
    return result;
  }

  private static PreparedStatement keyed(Connection connection, String sql, Object[] schemas, Object[] relations)
      throws SQLException {
    PreparedStatement st = connection.prepareStatement(sql);
    st.setArray(1, connection.createArrayOf("text", schemas));
    st.setArray(2, connection.createArrayOf("text", relations));
    return st;
  }

  private static QualifiedName key(ResultSet rs) throws SQLException {
    return new QualifiedName(rs.getString(1), rs.getString(2));
  }

  /** {@link #compare(Connection, Schema, ExternalObjects)} with nothing declared external. */
  public static List<Difference> compare(Connection connection, Schema expected)
      throws SQLException {
    return compare(connection, expected, ExternalObjects.NONE);
  }

  /**
   * How the live security of the expected tables and views differs from theirs. Row-level
   * security and policies that {@code plinth.external} declares as created by hand-written
   * migrations ({@code row-level-security schema.table}, {@code policy schema.table.policy}) are
   * not drift when the records leave them out.
   */
  public static List<Difference> compare(Connection connection, Schema expected,
      ExternalObjects external) throws SQLException {
    List<Difference> out = new ArrayList<>();
    Set<String> managed = new HashSet<>();
    expected.roles().forEach(r -> managed.add(r.name()));
    Map<QualifiedName, TableSecurity> live = read(connection, relations(expected));
    for (Table table : expected.tables()) {
      TableSecurity want = table.access();
      TableSecurity have = live.get(table.name());
      String name = table.name().toString();
      if (!want.enabled() && external.names("row-level-security").contains(name)) {
        have = have.withRowSecurity(false, false);
      }
      List<Policy> declared = want.policies();
      have = have.withPolicies(have.policies().stream().filter(p -> declared.stream()
          .anyMatch(d -> d.name().equals(p.name()))
          || !external.names("policy").contains(name + "." + p.name())).toList());
      if (want.enabled() != have.enabled()) {
        out.add(Difference.different("table", name, "row level security",
            onOff(want.enabled()), onOff(have.enabled())));
      }
      if (want.forced() != have.forced()) {
        out.add(Difference.different("table", name, "forced row level security",
            onOff(want.forced()), onOff(have.forced())));
      }
      policies(name, want.policies(), have.policies(), out);
      grants(name, want.grants(), have.grants(), managed, out);
    }
    for (View view : expected.views()) {
      grants(view.name().toString(), view.grants(), live.get(view.name()).grants(), managed, out);
    }
    for (Function function : expected.functions()) {
      functionGrants(connection, function, managed, out);
    }
    return out;
  }

  /**
   * How the live {@code EXECUTE} grants of a function differ from its declared ones. A function
   * with grants declared is executable by exactly those roles, {@code PUBLIC} among them; one
   * without keeps PostgreSQL's default, so whether {@code PUBLIC} may execute it is not drift
   * (roles the schema declares are compared all the same). A missing function is reported by
   * {@link RoutineCatalog}.
   */
  private static void functionGrants(Connection connection, Function function, Set<String> managed,
      List<Difference> out) throws SQLException {
    Map<Long, Map<String, TreeSet<String>>> byOid = new TreeMap<>();
    Map<Long, String> arguments = new TreeMap<>();
    try (PreparedStatement st = connection.prepareStatement(FUNCTION_GRANTS)) {
      st.setString(1, function.name().schema());
      st.setString(2, function.name().name());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Map<String, TreeSet<String>> acl = byOid.computeIfAbsent(rs.getLong(1), o -> new TreeMap<>());
          arguments.put(rs.getLong(1), rs.getString(2));
          if (rs.getString(3) != null) {
            acl.computeIfAbsent(rs.getString(3), r -> new TreeSet<>()).add(rs.getString(4));
          }
        }
      }
    }
    if (byOid.isEmpty()) {
      return;
    }
    // Of functions of that name, the one with the declared arguments (as PostgreSQL spells them).
    String wanted = spaces(function.arguments());
    long oid = arguments.entrySet().stream().filter(e -> spaces(e.getValue()).equals(wanted))
        .map(Map.Entry::getKey).findFirst().orElse(byOid.keySet().iterator().next());
    boolean declared = function.grants() != null;
    List<Grant> have = new ArrayList<>();
    byOid.get(oid).forEach((role, privileges) -> {
      if (declared || !role.equals(Role.PUBLIC)) {
        have.add(new Grant(role, List.copyOf(privileges)));
      }
    });
    Set<String> compared = new HashSet<>(managed);
    if (declared) {
      compared.add(Role.PUBLIC);
    }
    grants("function " + function.name() + "(" + function.arguments() + ")",
        declared ? function.grants() : List.of(), have, compared, out);
  }

  private static String spaces(String arguments) {
    return arguments.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }

  private static void policies(String table, List<Policy> want, List<Policy> have,
      List<Difference> out) {
    Map<String, Policy> wanted = new TreeMap<>();
    want.forEach(p -> wanted.put(p.name(), p));
    Map<String, Policy> had = new TreeMap<>();
    have.forEach(p -> had.put(p.name(), p));
    TreeSet<String> names = new TreeSet<>(wanted.keySet());
    names.addAll(had.keySet());
    for (String name : names) {
      Policy w = wanted.get(name);
      Policy h = had.get(name);
      String full = table + "." + name;
      if (h == null) {
        out.add(Difference.missing("policy", full, policy(w)));
      } else if (w == null) {
        out.add(Difference.extra("policy", full, policy(h)));
      } else if (!canonical(w).equals(canonical(h))) {
        out.add(Difference.different("policy", full, "definition", policy(w), policy(h)));
      }
    }
  }

  /**
   * Grants that differ; privileges granted to a role the schema does not declare (by hand, to a
   * reporting role, say) are not Plinth's and not drift.
   */
  private static void grants(String on, List<Grant> want, List<Grant> have, Set<String> managed,
      List<Difference> out) {
    Map<String, List<String>> wanted = new TreeMap<>();
    want.forEach(g -> wanted.put(subject(on, g), g.privileges()));
    Map<String, List<String>> had = new TreeMap<>();
    have.forEach(g -> had.put(subject(on, g), g.privileges()));
    Map<String, String> roleOf = new TreeMap<>();
    want.forEach(g -> roleOf.put(subject(on, g), g.role()));
    have.forEach(g -> roleOf.put(subject(on, g), g.role()));
    for (String name : roleOf.keySet()) {
      List<String> w = wanted.get(name);
      List<String> h = had.get(name);
      if (h == null) {
        out.add(Difference.missing("grant", name, String.join(", ", w)));
      } else if (w == null) {
        if (managed.contains(roleOf.get(name))) {
          out.add(Difference.extra("grant", name, String.join(", ", h)));
        }
      } else if (!w.equals(h)) {
        out.add(Difference.different("grant", name, "privileges", String.join(", ", w),
            String.join(", ", h)));
      }
    }
  }

  /** {@code on to role}, or {@code on sequence seq to role} for a grant on a sequence. */
  private static String subject(String on, Grant g) {
    return on + (g.sequence() == null ? "" : " sequence " + g.sequence()) + " to " + g.role();
  }

  private static Policy canonical(Policy p) {
    return new Policy(p.name(), p.command(), p.permissive(), p.roles(),
        Canonical.expression(p.using()), Canonical.expression(p.withCheck()), null);
  }

  private static String policy(Policy p) {
    return (p.permissive() ? "" : "AS RESTRICTIVE ") + "FOR " + p.command() + " TO "
        + (p.roles().isEmpty() ? Role.PUBLIC : String.join(", ", p.roles()))
        + (p.using() == null ? "" : " USING (" + p.using() + ")")
        + (p.withCheck() == null ? "" : " WITH CHECK (" + p.withCheck() + ")");
  }

  private static String onOff(boolean on) {
    return on ? "enabled" : "disabled";
  }
}
