package dev.plinth.schema.render;

import static dev.plinth.schema.render.Sql.ident;
import static dev.plinth.schema.render.Sql.literal;

import dev.plinth.schema.diff.Change.AlterPolicy;
import dev.plinth.schema.diff.Change.ChangeFunctionGrant;
import dev.plinth.schema.diff.Change.ChangeGrant;
import dev.plinth.schema.diff.FunctionGrants;
import dev.plinth.schema.model.Function;
import dev.plinth.schema.diff.Change.CreatePolicy;
import dev.plinth.schema.diff.Change.CreateRole;
import dev.plinth.schema.diff.Change.DropPolicy;
import dev.plinth.schema.diff.Change.KeepRole;
import dev.plinth.schema.diff.Change.RenamePolicy;
import dev.plinth.schema.diff.Change.SetRowSecurity;
import dev.plinth.schema.model.Policy;
import dev.plinth.schema.model.Role;
import dev.plinth.schema.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The statements of row-level security, policy, grant and role changes. */
final class SecuritySql {
  private SecuritySql() {}

  static List<String> setRowSecurity(SetRowSecurity c) {
    List<String> out = new ArrayList<>();
    String table = "ALTER TABLE " + ident(c.table()) + " ";
    if (!c.before().get(0).equals(c.after().get(0))) {
      out.add(table + (c.after().get(0) ? "ENABLE" : "DISABLE") + " ROW LEVEL SECURITY;");
    }
    if (!c.before().get(1).equals(c.after().get(1))) {
      out.add(table + (c.after().get(1) ? "FORCE" : "NO FORCE") + " ROW LEVEL SECURITY;");
    }
    return out;
  }

  static List<String> createPolicy(CreatePolicy c) {
    Policy p = c.policy();
    StringBuilder sql = new StringBuilder("CREATE POLICY " + ident(p.name()) + " ON "
        + ident(c.table()));
    if (!p.permissive()) {
      sql.append(" AS RESTRICTIVE");
    }
    if (!p.command().equals("ALL")) {
      sql.append(" FOR ").append(p.command());
    }
    if (!p.roles().isEmpty()) {
      sql.append(" TO ").append(roles(p.roles()));
    }
    appendExpressions(sql, p.using(), p.withCheck());
    return List.of(sql.append(";").toString());
  }

  static List<String> dropPolicy(DropPolicy c) {
    return List.of("DROP POLICY " + ident(c.policy().name()) + " ON " + ident(c.table()) + ";");
  }

  static List<String> alterPolicy(AlterPolicy c) {
    StringBuilder sql = new StringBuilder("ALTER POLICY " + ident(c.after().name()) + " ON "
        + ident(c.table()));
    if (!c.before().roles().equals(c.after().roles())) {
      sql.append(" TO ").append(roles(c.after().roles()));
    }
    appendExpressions(sql,
        Objects.equals(c.before().using(), c.after().using()) ? null : c.after().using(),
        Objects.equals(c.before().withCheck(), c.after().withCheck()) ? null : c.after().withCheck());
    return List.of(sql.append(";").toString());
  }

  static List<String> renamePolicy(RenamePolicy c) {
    return List.of("ALTER POLICY " + ident(c.from()) + " ON " + ident(c.table()) + " RENAME TO "
        + ident(c.to()) + ";");
  }

  /** Revokes what the role loses, then grants what it gains. */
  static List<String> changeGrant(ChangeGrant c) {
    return grants((c.sequence() == null ? " ON TABLE " : " ON SEQUENCE ") + ident(c.object()),
        c.role(), c.before(), c.after());
  }

  /** Revokes {@code EXECUTE} on the function from the role, or grants it. */
  static List<String> changeFunctionGrant(ChangeFunctionGrant c) {
    return grants(" ON FUNCTION " + RoutineSql.signature(c.function(), c.arguments()), c.role(),
        c.before(), c.after());
  }

  /** The privileges of a function just created, when they are not PostgreSQL's default. */
  static List<String> functionGrants(Function function) {
    List<String> out = new ArrayList<>();
    FunctionGrants.ofCreated(function).forEach(c -> out.addAll(changeFunctionGrant(c)));
    return out;
  }

  /** {@code REVOKE} of what {@code role} loses {@code on} (" ON ..."), {@code GRANT} of what it gains. */
  private static List<String> grants(String on, String role, List<String> before,
      List<String> after) {
    List<String> out = new ArrayList<>();
    List<String> lost = before.stream().filter(p -> !after.contains(p)).toList();
    List<String> gained = after.stream().filter(p -> !before.contains(p)).toList();
    if (!lost.isEmpty()) {
      out.add("REVOKE " + String.join(", ", lost) + on + " FROM " + role(role) + ";");
    }
    if (!gained.isEmpty()) {
      out.add("GRANT " + String.join(", ", gained) + on + " TO " + role(role) + ";");
    }
    return out;
  }

  /** The grants of a view just created. */
  static List<String> viewGrants(View view) {
    List<String> out = new ArrayList<>();
    view.grants().forEach(g -> out.addAll(changeGrant(
        new ChangeGrant(view.name(), g.role(), List.of(), g.privileges()))));
    return out;
  }

  /**
   * Creates the role unless the cluster has it (another database may have created it, also at
   * the same time).
   */
  static List<String> createRole(CreateRole c) {
    Role role = c.role();
    String create = "CREATE ROLE " + ident(role.name()) + (role.login() ? " LOGIN" : " NOLOGIN")
        + ";";
    return List.of(Sql.doBlock(Sql.ifThen(
        "NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = " + literal(role.name()) + ")",
        List.of("BEGIN\n  " + create + "\nEXCEPTION WHEN duplicate_object THEN\n  NULL;\nEND;"))));
  }

  static List<String> keepRole(KeepRole c) {
    return List.of("-- Role " + ident(c.role().name()) + " stays: roles belong to the cluster, not"
        + " to this database (DROP ROLE " + ident(c.role().name())
        + " by hand once no database uses it).");
  }

  private static void appendExpressions(StringBuilder sql, String using, String withCheck) {
    if (using != null) {
      sql.append(" USING (").append(using.strip()).append(")");
    }
    if (withCheck != null) {
      sql.append(" WITH CHECK (").append(withCheck.strip()).append(")");
    }
  }

  private static String roles(List<String> roles) {
    return roles.isEmpty() ? Role.PUBLIC
        : roles.stream().map(SecuritySql::role).collect(Collectors.joining(", "));
  }

  private static String role(String role) {
    return role.equals(Role.PUBLIC) ? Role.PUBLIC : ident(role);
  }
}
