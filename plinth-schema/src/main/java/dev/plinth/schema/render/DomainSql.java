package dev.plinth.schema.render;

import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Domain;
import dev.plinth.schema.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/** The SQL of domains: {@code CREATE DOMAIN}, {@code DROP DOMAIN}, {@code ALTER DOMAIN}. */
final class DomainSql {
  private DomainSql() {}

  static List<String> create(Domain domain) {
    StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(Sql.ident(domain.name()))
        .append(" AS ").append(domain.baseType());
    if (domain.collation() != null) {
      sql.append(" COLLATE ").append(Sql.ident(domain.collation()));
    }
    if (domain.defaultSql() != null) {
      sql.append(" DEFAULT ").append(domain.defaultSql());
    }
    if (domain.notNull()) {
      sql.append(" NOT NULL");
    }
    for (CheckConstraint check : domain.checks()) {
      sql.append("\n  CONSTRAINT ").append(Sql.ident(check.name())).append(" CHECK (")
          .append(check.expression()).append(')');
    }
    List<String> out = new ArrayList<>();
    out.add(sql.append(';').toString());
    if (domain.comment() != null) {
      out.add(comment(domain.name(), domain.comment()));
    }
    return out;
  }

  static List<String> drop(Domain domain) {
    return List.of("DROP DOMAIN " + Sql.ident(domain.name()) + ";");
  }

  /**
   * The statements that turn {@code before} into {@code after} (same name and base type): checks
   * dropped (or renamed, when one keeps its expression under a new name), default, NOT NULL,
   * checks added ({@code NOT VALID}, then validated), comment.
   */
  static List<String> alter(Domain before, Domain after) {
    String alter = "ALTER DOMAIN " + Sql.ident(after.name()) + " ";
    List<String> out = new ArrayList<>();
    List<CheckConstraint> added = new ArrayList<>();
    for (CheckConstraint check : after.checks()) {
      if (!before.checks().contains(check)) {
        added.add(check);
      }
    }
    for (CheckConstraint old : before.checks()) {
      if (after.checks().contains(old)) {
        continue;
      }
      CheckConstraint renamed = after.check(old.name()) != null ? null : added.stream()
          .filter(c -> c.expression().equals(old.expression()) && before.check(c.name()) == null)
          .findFirst().orElse(null);
      if (renamed != null) {
        added.remove(renamed);
        out.add(alter + "RENAME CONSTRAINT " + Sql.ident(old.name()) + " TO " + Sql.ident(renamed.name()) + ";");
      } else {
        out.add(alter + "DROP CONSTRAINT " + Sql.ident(old.name()) + ";");
      }
    }
    if (before.defaultSql() == null ? after.defaultSql() != null : !before.defaultSql().equals(after.defaultSql())) {
      out.add(alter + (after.defaultSql() == null ? "DROP DEFAULT;" : "SET DEFAULT " + after.defaultSql() + ";"));
    }
    if (before.notNull() != after.notNull()) {
      out.add(alter + (after.notNull() ? "SET NOT NULL;" : "DROP NOT NULL;"));
    }
    for (CheckConstraint check : added) {
      out.add(alter + "ADD CONSTRAINT " + Sql.ident(check.name()) + " CHECK (" + check.expression()
          + ") NOT VALID;");
      out.add(alter + "VALIDATE CONSTRAINT " + Sql.ident(check.name()) + ";");
    }
    if (before.comment() == null ? after.comment() != null : !before.comment().equals(after.comment())) {
      out.add(comment(after.name(), after.comment()));
    }
    return out;
  }

  static List<String> rename(QualifiedName from, QualifiedName to) {
    List<String> out = new ArrayList<>();
    if (!from.schema().equals(to.schema())) {
      out.add("ALTER DOMAIN " + Sql.ident(from) + " SET SCHEMA " + Sql.ident(to.schema()) + ";");
    }
    if (!from.name().equals(to.name())) {
      out.add("ALTER DOMAIN " + Sql.ident(new QualifiedName(to.schema(), from.name())) + " RENAME TO "
          + Sql.ident(to.name()) + ";");
    }
    return out;
  }

  private static String comment(QualifiedName name, String comment) {
    return "COMMENT ON DOMAIN " + Sql.ident(name) + " IS " + Sql.literal(comment) + ";";
  }
}
