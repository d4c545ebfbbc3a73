package dev.plinth.processor.validate;

import dev.plinth.processor.message.Message;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Domain;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Refuses a domain whose base type or collation changes while columns use it: PostgreSQL alters
 * neither in place, and dropping the domain would drop its columns. Refuses adding NOT NULL or a
 * check to a domain (or dropping one, which the rollback adds back) while a column holds an array
 * of it: PostgreSQL does not validate a domain's new constraint inside arrays, and refuses it.
 */
public final class DomainChecks {
  private DomainChecks() {}

  public static void check(Schema previous, Schema next, Map<QualifiedName, Origin> origins, Report report) {
    for (Domain domain : next.domains()) {
      Domain old = previous.domain(domain.name()).orElse(null);
      if (old == null && domain.renamedFrom() != null && next.domain(renamedFrom(domain)).isEmpty()) {
        // Renamed first, then altered: its columns in the previous schema name the old name.
        previous.domain(renamedFrom(domain))
            .ifPresent(renamed -> constraintsOverArrays(previous, renamed, domain, origins, report));
        continue;
      }
      if (old == null) {
        continue;
      }
      constraintsOverArrays(previous, old, domain, origins, report);
      boolean typeChanged = !old.baseType().equals(domain.baseType());
      boolean collationChanged = !Objects.equals(old.collation(), domain.collation());
      if (!typeChanged && !collationChanged) {
        continue;
      }
      List<String> users = new ArrayList<>(columns(previous, old));
      columns(next, domain).stream().filter(c -> !users.contains(c)).forEach(users::add);
      if (users.isEmpty()) {
        continue;
      }
      String what = typeChanged ? "base type" : "collation";
      report.add(Message.DOMAIN_BASE_TYPE_CHANGED, origins.get(domain.name()), domain.name(), what,
          typeChanged ? old.baseType() : String.valueOf(old.collation()),
          typeChanged ? domain.baseType() : String.valueOf(domain.collation()), String.join(", ", users), what);
    }
  }

  private static QualifiedName renamedFrom(Domain domain) {
    return new QualifiedName(domain.name().schema(), domain.renamedFrom());
  }

  /**
   * Reports NOT NULL or checks that turning {@code old} (as {@code previous} names it) into
   * {@code domain} adds, or drops (the rollback adds them), while columns of {@code previous} hold
   * arrays of it: the migration changes the domain before it changes columns, and the rollback
   * after it has put them back. A domain whose base type or collation changes is dropped and
   * created, which {@link #check} refuses while columns use it.
   */
  private static void constraintsOverArrays(Schema previous, Domain old, Domain domain,
      Map<QualifiedName, Origin> origins, Report report) {
    if (!old.baseType().equals(domain.baseType()) || !Objects.equals(old.collation(), domain.collation())) {
      return;
    }
    List<String> arrays = new ArrayList<>();
    for (Table table : previous.tables()) {
      for (Column column : table.columns()) {
        if (column.type().equals(old.columnType() + "[]")) {
          arrays.add(table.name() + "." + column.name());
        }
      }
    }
    Domain before = old.withName(domain.name());
    List<String> added = added(before, domain);
    List<String> dropped = added(domain, before);
    if (arrays.isEmpty() || added.isEmpty() && dropped.isEmpty()) {
      return;
    }
    List<String> what = new ArrayList<>();
    if (!added.isEmpty()) {
      what.add(String.join(" and ", added) + (added.size() == 1 ? " is" : " are") + " added");
    }
    if (!dropped.isEmpty()) {
      what.add(String.join(" and ", dropped) + (dropped.size() == 1 ? " is" : " are")
          + " dropped (the rollback adds " + (dropped.size() == 1 ? "it" : "them") + " back)");
    }
    String columns = String.join(", ", arrays);
    String failing = added.isEmpty() ? "its rollback" : dropped.isEmpty() ? "the migration"
        : "the migration and its rollback";
    report.add(Message.DOMAIN_CONSTRAINT_OVER_ARRAYS, origins.get(domain.name()), domain.name(),
        String.join("; ", what), columns, arrays.size() == 1 ? "s" : "", failing, columns, domain.baseType(),
        arrays.size() == 1 ? "it" : "them");
  }

  /** The NOT NULL and checks that turning {@code before} into {@code after} adds, as words. */
  static List<String> added(Domain before, Domain after) {
    List<String> out = new ArrayList<>();
    if (after.notNull() && !before.notNull()) {
      out.add("NOT NULL");
    }
    Domain.addedChecks(before, after).forEach(c -> out.add("check '" + c.name() + "'"));
    return out;
  }

  private static List<String> columns(Schema schema, Domain domain) {
    List<String> result = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        if (domain.isTypeOf(column.type())) {
          result.add(table.name() + "." + column.name());
        }
      }
    }
    return result;
  }
}
