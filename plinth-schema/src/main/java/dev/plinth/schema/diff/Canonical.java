package dev.plinth.schema.diff;

import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Domain;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Sequence;
import dev.plinth.schema.model.SqlTypes;
import dev.plinth.schema.model.Table;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A canonical spelling of SQL expressions (defaults, checks, index expressions and predicates),
 * so that {@code 'a'} and PostgreSQL's {@code 'a'::text}, or {@code lower(email)} and
 * {@code lower((email)::text)}, compare equal. It drops casts, parentheses, identifier quotes and
 * whitespace outside string literals, and lower-cases what remains outside them.
 */
public final class Canonical {
  /** A cast, once whitespace, parentheses and quotes are gone: {@code ::charactervarying}. */
  private static final Pattern CAST =
      Pattern.compile("::[a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)?(?:\\[\\])*");

  /**
   * A cast as written, before whitespace goes (which would glue the type name to the words after
   * it: {@code 'x'::status) OR (owner}): a type name, maybe qualified, quoted, of several words,
   * with a modifier and array brackets.
   */
  private static final Pattern WRITTEN_CAST = Pattern.compile(
      "::\\s*(?:\"[^\"]*\"|[A-Za-z_][A-Za-z0-9_$]*)(?:\\s*\\.\\s*(?:\"[^\"]*\"|[A-Za-z_][A-Za-z0-9_$]*))?"
          + "(?:\\s+(?i:varying|precision|with\\s+time\\s+zone|without\\s+time\\s+zone))?"
          + "(?:\\s*\\(\\s*\\d+(?:\\s*,\\s*\\d+)?\\s*\\))?(?:\\s*\\[\\s*\\d*\\s*\\])*");

  /** A quoted negative number: {@code '-1'}, {@code '-2.5'}. */
  private static final Pattern NEGATIVE_NUMBER = Pattern.compile("'-\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?'");

  /**
   * A cast to a numeric type, as PostgreSQL writes one after a negative number constant
   * ({@code '-1'::integer}, {@code '-2.5'::numeric}).
   */
  private static final Pattern NUMERIC_CAST = Pattern.compile(
      "\\s*::\\s*(?i:integer|bigint|smallint|numeric|real|double\\s+precision)\\b");

  /** What {@link #codePart} drops besides casts: whitespace, parentheses and quotes. */
  private static final Pattern NOISE = Pattern.compile("[\\s()\"]");

  private Canonical() {}

  /** The canonical form of an expression; null stays null. */
  public static String expression(String sql) {
    if (sql == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    StringBuilder code = new StringBuilder();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'') {
        out.append(codePart(code));
        code.setLength(0);
        int end = i + 1;
        while (end < sql.length()) {
          if (sql.charAt(end) == '\'' && end + 1 < sql.length() && sql.charAt(end + 1) == '\'') {
            end += 2;
          } else if (sql.charAt(end) == '\'') {
            break;
          } else {
            end++;
          }
        }
        String literal = sql.substring(i, Math.min(end + 1, sql.length()));
        if (NEGATIVE_NUMBER.matcher(literal).matches()
            && NUMERIC_CAST.matcher(sql).region(Math.min(end + 1, sql.length()), sql.length()).lookingAt()) {
          // PostgreSQL spells a negative number constant as a quoted literal cast to its type.
          code.append(literal, 1, literal.length() - 1);
        } else {
          out.append(literal);
        }
        i = end + 1;
      } else {
        code.append(c);
        i++;
      }
    }
    out.append(codePart(code));
    return out.toString();
  }

  private static String codePart(CharSequence code) {
    String bare = NOISE.matcher(WRITTEN_CAST.matcher(code).replaceAll("")).replaceAll("")
        .toLowerCase(Locale.ROOT);
    return CAST.matcher(bare).replaceAll("");
  }

  /** The schema with every expression in canonical form, for comparing two spellings of it. */
  public static Schema schema(Schema schema) {
    return schema.withTables(schema.tables().stream().map(Canonical::table).toList())
        .withDomains(schema.domains().stream().map(Canonical::domain).toList());
  }

  /** The domain's definition with its base type as PostgreSQL spells it and canonical expressions. */
  public static Domain domain(Domain d) {
    return new Domain(d.name(), "", SqlTypes.canonical(d.baseType()), d.notNull(), expression(d.defaultSql()),
        d.checks().stream().map(Canonical::check).toList(), d.collation(), d.comment(), null);
  }

  private static Table table(Table table) {
    return table
        .withColumns(table.columns().stream().map(c -> column(table.name().name(), c)).toList())
        .withChecks(table.checks().stream().map(Canonical::check).toList())
        .withIndexes(table.indexes().stream().map(Canonical::index).toList())
        .withSecurity(table.access().withPolicies(table.access().policies().stream()
            .map(SecurityChanges::canonical).toList()))
        .withRenamedFrom(null);
  }

  /**
   * The column with its type spelled as PostgreSQL does ({@link SqlTypes}), its default in canonical
   * form, its sequence's options that are PostgreSQL's defaults left out, no NOT NULL constraint
   * name when it is nullable, and no rename hint.
   */
  public static Column column(Column c) {
    return new Column(c.name(), SqlTypes.canonical(c.type()), c.enumType(), c.nullable(),
        expression(c.defaultSql()), c.identity(), c.comment(), null, sequence(c, c.sequence()),
        c.nullable() ? null : c.notNullName(), c.collation(), expression(c.generated()));
  }

  /**
   * The column in canonical form, also without the names PostgreSQL gives when they are the ones
   * it gives (an identity column's sequence, a NOT NULL constraint): a schema that leaves a name
   * to PostgreSQL and one that states it are the same.
   */
  private static Column column(String table, Column c) {
    Column canonical = column(c);
    Sequence sequence = canonical.sequence();
    if (c.identity().isIdentity() && sequence != null
        && Names.postgres(table, c.name(), "seq").equals(sequence.name())) {
      canonical = canonical.withSequence(sequence(c, sequence.withName(null)));
    }
    if (Names.postgres(table, c.name(), "not_null").equals(canonical.notNullName())) {
      canonical = canonical.withNotNullName(null);
    }
    return canonical;
  }

  private static Sequence sequence(Column c, Sequence sequence) {
    if (sequence == null || c.identity() == Identity.NONE) {
      return null;
    }
    Sequence canonical = sequence.canonical(c.type());
    return canonical.isEmpty() ? null : canonical;
  }

  public static CheckConstraint check(CheckConstraint c) {
    return new CheckConstraint(c.name(), expression(c.expression()));
  }

  /** The index with canonical expressions; {@code concurrently} is how it is built, not what it is. */
  public static Index index(Index index) {
    return index.withParts(
        index.keys().stream().map(k -> k.expression() == null ? k
            : k.withExpression(expression(k.expression()))).toList(),
        expression(index.where()), index.include()).withConcurrently(false);
  }
}
