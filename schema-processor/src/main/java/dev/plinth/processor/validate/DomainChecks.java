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
 * neither in place, and dropping the domain would drop its columns.
 */
public final class DomainChecks {
  private DomainChecks() {}

  public static void check(Schema previous, Schema next, Map<QualifiedName, Origin> origins, Report report) {
    for (Domain domain : next.domains()) {
      Domain old = previous.domain(domain.name()).orElse(null);
      if (old == null) {
        continue;
      }
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
