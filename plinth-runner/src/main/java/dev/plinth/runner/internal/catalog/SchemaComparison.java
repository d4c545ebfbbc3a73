package dev.plinth.runner.internal.catalog;

import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Deferral;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.Named;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Sequence;
import dev.plinth.schema.model.SqlTypes;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares a live schema (from {@link CatalogReader}) with an expected one (from the journal) and
 * lists the differences a person can act on: missing, extra and different tables, columns,
 * constraints, indexes, enum types and domains. Expressions (defaults, checks, index keys and predicates)
 * are compared in {@link Canonical} form, so PostgreSQL's own spelling is not drift; they are
 * shown as each side spells them. A pure function; the order of its result is deterministic.
 */
public final class SchemaComparison {

  private SchemaComparison() {}

  public static List<Difference> compare(Schema expected, Schema actual) {
    List<Difference> out = new ArrayList<>();
    Map<QualifiedName, Table> want = byName(expected.tables(), Table::name);
    Map<QualifiedName, Table> have = byName(actual.tables(), Table::name);
    for (QualifiedName name : union(want.keySet(), have.keySet())) {
      Table w = want.get(name);
      Table h = have.get(name);
      if (h == null) {
        out.add(Difference.missing("table", name.toString(), columnsOf(w)));
      } else if (w == null) {
        out.add(Difference.extra("table", name.toString(), columnsOf(h)));
      } else {
        table(w, h, out);
      }
    }
    Map<QualifiedName, EnumType> wantEnums = byName(expected.enums(), EnumType::name);
    Map<QualifiedName, EnumType> haveEnums = byName(actual.enums(), EnumType::name);
    for (QualifiedName name : union(wantEnums.keySet(), haveEnums.keySet())) {
      EnumType w = wantEnums.get(name);
      EnumType h = haveEnums.get(name);
      if (h == null) {
        out.add(Difference.missing("enum type", name.toString(), values(w)));
      } else if (w == null) {
        out.add(Difference.extra("enum type", name.toString(), values(h)));
      } else if (!w.values().equals(h.values())) {
        out.add(Difference.different("enum type", name.toString(), "values", values(w), values(h)));
      }
    }
    out.addAll(DomainCatalog.compare(expected.domains(), actual.domains()));
    return out;
  }

  private static void table(Table w, Table h, List<Difference> out) {
    String table = w.name().toString();
    if (!Objects.equals(w.comment(), h.comment())) {
      out.add(Difference.different("table", table, "comment", w.comment(), h.comment()));
    }
    Map<String, Column> wantColumns = byName(w.columns(), Column::name);
    Map<String, Column> haveColumns = byName(h.columns(), Column::name);
    for (Column c : w.columns()) {
      Column hc = haveColumns.get(c.name());
      String name = table + "." + c.name();
      if (hc == null) {
        out.add(Difference.missing("column", name, column(c)));
        continue;
      }
      if (!SqlTypes.canonical(c.type()).equals(hc.type())) {
        out.add(Difference.different("column", name, "type", c.type(), hc.type()));
      }
      if (!Objects.equals(c.collation(), hc.collation())) {
        out.add(Difference.different("column", name, "collation", collation(c), collation(hc)));
      }
      if (c.nullable() != hc.nullable()) {
        out.add(Difference.different("column", name, "nullability", nullability(c), nullability(hc)));
      } else if (!c.nullable() && c.notNullName() != null && !c.notNullName().equals(hc.notNullName())) {
        out.add(Difference.different("column", name, "NOT NULL constraint", c.notNullName(),
            hc.notNullName()));
      }
      if (!sameExpression(c.defaultSql(), hc.defaultSql())) {
        out.add(Difference.different("column", name, "default", c.defaultSql(), hc.defaultSql()));
      }
      if (!sameExpression(c.generated(), hc.generated())) {
        out.add(Difference.different("column", name, "generated", c.generated(), hc.generated()));
      }
      if (c.identity() != hc.identity()) {
        out.add(Difference.different("column", name, "identity", c.identity().sql(), hc.identity().sql()));
      } else if (!sameSequence(c, hc)) {
        out.add(Difference.different("column", name, "sequence", sequence(c), sequence(hc)));
      }
      if (!Objects.equals(c.comment(), hc.comment())) {
        out.add(Difference.different("column", name, "comment", c.comment(), hc.comment()));
      }
    }
    for (Column c : h.columns()) {
      if (!wantColumns.containsKey(c.name())) {
        out.add(Difference.extra("column", table + "." + c.name(), column(c)));
      }
    }
    String wantPk = w.primaryKey() == null ? null : primaryKey(w.primaryKey());
    String havePk = h.primaryKey() == null ? null : primaryKey(h.primaryKey());
    if (havePk == null && wantPk != null) {
      out.add(Difference.missing("primary key", table + "." + w.primaryKey().name(), wantPk));
    } else if (wantPk == null && havePk != null) {
      out.add(Difference.extra("primary key", table + "." + h.primaryKey().name(), havePk));
    } else if (wantPk != null && !wantPk.equals(havePk)) {
      out.add(Difference.different("primary key", table + "." + w.primaryKey().name(), "definition", wantPk, havePk));
    } else if (wantPk != null && !w.primaryKey().name().equals(h.primaryKey().name())) {
      out.add(Difference.different("primary key", table + "." + w.primaryKey().name(), "name",
          w.primaryKey().name(), h.primaryKey().name()));
    }
    named("unique constraint", table, w.uniques(), h.uniques(), SchemaComparison::unique,
        SchemaComparison::unique, out);
    named("check constraint", table, w.checks(), h.checks(), CheckConstraint::expression,
        c -> Canonical.expression(c.expression()), out);
    named("foreign key", table, w.foreignKeys(), h.foreignKeys(), SchemaComparison::foreignKey,
        SchemaComparison::foreignKey, out);
    named("index", w.name().schema(), w.indexes(), h.indexes(), i -> index(i, false), i -> index(i, true), out);
    PartitionComparison.compare(w, h, out);
  }

  /** Constraints and indexes, matched by name; {@code key} is what must be equal. */
  private static <T extends Named> void named(String object, String prefix, List<T> want, List<T> have,
      Function<T, String> show, Function<T, String> key, List<Difference> out) {
    Map<String, T> w = byName(want, Named::name);
    Map<String, T> h = byName(have, Named::name);
    for (String name : union(w.keySet(), h.keySet())) {
      T a = w.get(name);
      T b = h.get(name);
      String qualified = prefix + "." + name;
      if (b == null) {
        out.add(Difference.missing(object, qualified, show.apply(a)));
      } else if (a == null) {
        out.add(Difference.extra(object, qualified, show.apply(b)));
      } else if (!key.apply(a).equals(key.apply(b))) {
        out.add(Difference.different(object, qualified, "definition", show.apply(a), show.apply(b)));
      }
    }
  }

  /**
   * The sequences of a serial or identity column: the same options, PostgreSQL's defaults whether
   * stated or not, and the same name, unless the expected one leaves it to PostgreSQL.
   */
  private static boolean sameSequence(Column want, Column have) {
    String name = sequenceOf(want).name();
    return (name == null || name.equals(sequenceOf(have).name()))
        && options(want).equals(options(have));
  }

  /** A sequence as text: its name and the options that are not PostgreSQL's defaults. */
  private static String sequence(Column c) {
    Sequence options = options(c);
    List<String> parts = new ArrayList<>();
    if (sequenceOf(c).name() != null) {
      parts.add(sequenceOf(c).name());
    }
    if (options.start() != null) {
      parts.add("START WITH " + options.start());
    }
    if (options.increment() != null) {
      parts.add("INCREMENT BY " + options.increment());
    }
    if (options.minValue() != null) {
      parts.add("MINVALUE " + options.minValue());
    }
    if (options.maxValue() != null) {
      parts.add("MAXVALUE " + options.maxValue());
    }
    if (options.cache() != null) {
      parts.add("CACHE " + options.cache());
    }
    if (options.cycle() != null) {
      parts.add("CYCLE");
    }
    return String.join(" ", parts);
  }

  private static Sequence sequenceOf(Column c) {
    return c.sequence() == null ? Sequence.named(null) : c.sequence();
  }

  private static Sequence options(Column c) {
    return sequenceOf(c).options().canonical(c.type());
  }

  private static boolean sameExpression(String a, String b) {
    return Objects.equals(Canonical.expression(a), Canonical.expression(b));
  }

  private static String column(Column c) {
    StringBuilder text = new StringBuilder(c.type());
    if (c.collation() != null) {
      text.append(" COLLATE ").append(c.collation());
    }
    text.append(' ').append(nullability(c));
    if (c.defaultSql() != null) {
      text.append(" DEFAULT ").append(c.defaultSql());
    }
    if (c.isGenerated()) {
      text.append(" GENERATED ALWAYS AS (").append(c.generated()).append(") STORED");
    }
    if (c.identity() != Identity.NONE) {
      text.append(' ').append(c.identity().sql());
    }
    return text.toString();
  }

  private static String collation(Column c) {
    return c.collation() == null ? "the type's default" : c.collation();
  }

  private static String nullability(Column c) {
    return c.nullable() ? "NULL" : "NOT NULL";
  }

  private static String columnsOf(Table t) {
    return t.columns().stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", ", "(", ")"));
  }

  private static String primaryKey(PrimaryKey key) {
    return columns(key.columns()) + Deferral.clause(key.deferrable());
  }

  private static String unique(UniqueConstraint unique) {
    return (unique.nullsNotDistinct() ? "NULLS NOT DISTINCT " : "") + columns(unique.columns())
        + Deferral.clause(unique.deferrable());
  }

  private static String foreignKey(ForeignKey fk) {
    return columns(fk.columns()) + " REFERENCES " + fk.target() + " " + columns(fk.targetColumns())
        + (fk.matchFull() ? " MATCH FULL" : "")
        + " ON DELETE " + fk.onDelete().sql() + " ON UPDATE " + fk.onUpdate().sql()
        + Deferral.clause(fk.deferrable());
  }

  private static String index(Index index, boolean canonical) {
    StringBuilder text = new StringBuilder();
    if (index.unique()) {
      text.append("UNIQUE ");
    }
    text.append(index.method()).append(' ');
    text.append(index.keys().stream().map(k -> key(k, canonical)).collect(Collectors.joining(", ", "(", ")")));
    if (!index.include().isEmpty()) {
      text.append(" INCLUDE ").append(columns(index.include()));
    }
    if (index.nullsNotDistinct()) {
      text.append(" NULLS NOT DISTINCT");
    }
    if (!index.with().isEmpty()) {
      text.append(" WITH (").append(String.join(", ", index.with())).append(')');
    }
    if (index.tablespace() != null) {
      text.append(" TABLESPACE ").append(index.tablespace());
    }
    if (index.where() != null) {
      text.append(" WHERE ").append(canonical ? Canonical.expression(index.where()) : index.where());
    }
    return text.toString();
  }

  private static String key(IndexKey key, boolean canonical) {
    String text = key.column() != null ? key.column()
        : canonical ? Canonical.expression(key.expression()) : key.expression();
    if (key.collation() != null) {
      text += " COLLATE " + key.collation();
    }
    if (key.opclass() != null) {
      text += " " + key.opclass();
    }
    return text + key.orderSql();
  }

  private static String values(EnumType type) {
    return type.values().stream().collect(Collectors.joining("', '", "('", "')"));
  }

  private static String columns(List<String> columns) {
    return "(" + String.join(", ", columns) + ")";
  }

  private static <K, T> Map<K, T> byName(List<T> items, Function<T, K> name) {
    Map<K, T> result = new java.util.LinkedHashMap<>();
    items.forEach(item -> result.put(name.apply(item), item));
    return result;
  }

  private static <K extends Comparable<K>> TreeSet<K> union(java.util.Set<K> a, java.util.Set<K> b) {
    TreeSet<K> result = new TreeSet<>(a);
    result.addAll(b);
    return result;
  }
}
