package dev.plinth.schema.render;

import dev.plinth.schema.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The statements of a migration rendered for schema-per-tenant ({@code tenantSchemas} in its
 * journal entry): the objects of the default schema ({@code public}) are named without their
 * schema, so that the runner's {@code search_path} (the tenant's schema first) puts them in the
 * tenant's schema. What must name the tenant's schema itself (moving a table back into it) or the
 * tenant's own backup schema ({@code plinth_backup_v7_<tenant>}, so that tenants of one database
 * do not share backups) runs as dynamic SQL, naming them after {@code current_schema()}.
 */
final class TenantNames {
  private static final String DEFAULT = Sql.ident(QualifiedName.DEFAULT_SCHEMA);

  /** A string literal that holds a (possibly qualified) quoted name, as {@code to_regclass} takes. */
  private static final Pattern NAME_LITERAL = Pattern.compile("'(\"[^\"']*\"\\.)*\"[^\"']*\"'");

  private TenantNames() {}

  /** {@code statement} as it runs in a tenant's schema. */
  static String statement(String statement, Backups backups) {
    List<String> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    scan(statement, Sql.ident(backups.schema(QualifiedName.DEFAULT_SCHEMA)), backups, text, parts);
    if (parts.isEmpty()) {
      return text.toString();
    }
    parts.add(Sql.literal(text.toString()));
    return "DO $plinth_tenant$\nBEGIN\n  EXECUTE " + String.join(" || ", parts)
        + ";\nEND\n$plinth_tenant$;";
  }

  /**
   * Copies {@code sql} to {@code text}, leaving out the default schema's qualifier; where the
   * default schema or its backup schema stands alone, moves the text so far to {@code parts} as a
   * literal, followed by the expression that names the tenant's one at run time.
   */
  private static void scan(String sql, String backupSchema, Backups backups, StringBuilder text,
      List<String> parts) {
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'') {
        int end = literalEnd(sql, i);
        String literal = sql.substring(i, end);
        if (NAME_LITERAL.matcher(literal).matches()) {
          text.append('\'');
          scan(literal.substring(1, literal.length() - 1), backupSchema, backups, text, parts);
          text.append('\'');
        } else {
          text.append(literal);
        }
        i = end;
      } else if (c == '"') {
        int end = identifierEnd(sql, i);
        String identifier = sql.substring(i, end);
        boolean qualifies = end < sql.length() && sql.charAt(end) == '.';
        boolean qualified = i > 0 && sql.charAt(i - 1) == '.';
        if (identifier.equals(DEFAULT) && !qualified) {
          if (qualifies) {
            end++;
          } else {
            dynamic(text, parts, "quote_ident(current_schema())");
          }
        } else if (identifier.equals(backupSchema) && !qualified) {
          dynamic(text, parts, "quote_ident(" + Sql.literal(backups.tenantSchemaPrefix()) + " || current_schema())");
        } else {
          text.append(identifier);
        }
        i = end;
      } else {
        text.append(c);
        i++;
      }
    }
  }

  private static void dynamic(StringBuilder text, List<String> parts, String expression) {
    parts.add(Sql.literal(text.toString()));
    parts.add(expression);
    text.setLength(0);
  }

  /** The index after the string literal that starts at {@code start} ({@code ''} inside it is a quote). */
  private static int literalEnd(String sql, int start) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
        i += 2;
      } else if (sql.charAt(i) == '\'') {
        return i + 1;
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** The index after the quoted identifier that starts at {@code start}. */
  private static int identifierEnd(String sql, int start) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == '"' && i + 1 < sql.length() && sql.charAt(i + 1) == '"') {
        i += 2;
      } else if (sql.charAt(i) == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return sql.length();
  }
}
