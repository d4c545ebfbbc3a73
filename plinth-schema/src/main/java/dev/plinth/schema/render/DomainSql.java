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
    java.util.Map<String, CheckConstraint> renamed = Domain.renamedChecks(before, after);
    for (CheckConstraint old : before.checks()) {
      if (after.checks().contains(old)) {
        continue;
      }
      CheckConstraint to = renamed.get(old.name());
      out.add(to != null
          ? alter + "RENAME CONSTRAINT " + Sql.ident(old.name()) + " TO " + Sql.ident(to.name()) + ";"
          : alter + "DROP CONSTRAINT " + Sql.ident(old.name()) + ";");
    }
    if (before.defaultSql() == null ? after.defaultSql() != null : !before.defaultSql().equals(after.defaultSql())) {
      out.add(alter + (after.defaultSql() == null ? "DROP DEFAULT;" : "SET DEFAULT " + after.defaultSql() + ";"));
    }
    if (before.notNull() != after.notNull()) {
      out.add(alter + (after.notNull() ? "SET NOT NULL;" : "DROP NOT NULL;"));
    }
    for (CheckConstraint check : Domain.addedChecks(before, after)) {
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
