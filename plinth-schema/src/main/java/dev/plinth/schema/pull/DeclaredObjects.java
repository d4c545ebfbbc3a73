package dev.plinth.schema.pull;

import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;

/**
 * Whether pulled records declare a function, trigger, materialized view, domain, sequence or
 * extension that pull's reports and its hand-written migration name as objects Plinth does not model
 * ({@code function public.touch()}, {@code trigger public.orders.orders_touch}, {@code materialized
 * view public.totals}, {@code type public.email_address}, {@code sequence public.order_no},
 * {@code extension pg_trgm}): those the records declare (or, for an extension, whose columns need
 * it) are neither reported nor recreated by hand.
 */
public final class DeclaredObjects {
  private DeclaredObjects() {}

  /** Whether {@code finding} is about an object that {@code records} declare. */
  public static boolean declares(Schema records, Unsupported finding) {
    if (!Unsupported.Reason.NOT_MODELLED.gave(finding)) {
      return false;
    }
    String object = finding.object();
    for (String kind : new String[] {"function", "trigger", "materialized view", "sequence", "extension"}) {
      if (object.startsWith(kind + " ")) {
        return declares(records, kind.replace(' ', '-'), object.substring(kind.length() + 1));
      }
    }
    // Domains are reported as types.
    return object.startsWith("type ") && declares(records, "domain", object.substring("type ".length()));
  }

  /**
   * Whether {@code records} declare the object of a {@code plinth.external} entry: {@code kind} is
   * {@code function}, {@code trigger}, {@code materialized-view}, {@code domain}, {@code sequence},
   * {@code extension}, {@code column-default} (a column of the records with a default), {@code type}
   * (an enum type or domain) or {@code column}, {@code name} as the entry has it.
   */
  public static boolean declares(Schema records, String kind, String name) {
    return switch (kind) {
      case "function" -> records.function(functionName(name)).isPresent();
      case "trigger" -> records.triggers().stream().anyMatch(t -> (t.table() + "." + t.name()).equals(name));
      case "materialized-view" -> records.views().stream()
          .anyMatch(v -> v.materialized() && v.name().toString().equals(name));
      case "domain" -> records.domains().stream().anyMatch(d -> d.name().toString().equals(name));
      case "sequence" -> records.sequences().stream().anyMatch(q -> q.name().toString().equals(name));
      case "extension" -> records.extensions().contains(name);
      case "column-default" -> records.tables().stream().anyMatch(t -> t.columns().stream()
          .anyMatch(c -> c.defaultSql() != null && (t.name() + "." + c.name()).equals(name)));
      case "type" -> records.enums().stream().anyMatch(e -> e.name().toString().equals(name))
          || records.domains().stream().anyMatch(d -> d.name().toString().equals(name));
      case "column" -> records.tables().stream().anyMatch(t -> t.columns().stream()
          .anyMatch(c -> (t.name() + "." + c.name()).equals(name)));
      default -> false;
    };
  }

  /**
   * The name of a function as pull's entries spell it: its schema, then its {@code regprocedure}
   * ({@code public.touch()}, {@code billing.billing.total(integer)}).
   */
  static QualifiedName functionName(String entry) {
    int dot = entry.indexOf('.');
    int parenthesis = entry.indexOf('(', dot + 1);
    if (dot < 0 || parenthesis < 0) {
      return new QualifiedName(QualifiedName.DEFAULT_SCHEMA, entry);
    }
    String procedure = entry.substring(dot + 1, parenthesis);
    String name = procedure.substring(procedure.lastIndexOf('.') + 1);
    if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
    }
    return new QualifiedName(entry.substring(0, dot), name);
  }
}
