package dev.plinth.schema.render;

import static dev.plinth.schema.render.Sql.ident;

import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The statements that create and drop views and materialized views (with their indexes). */
final class ViewSql {
  private ViewSql() {}

  /**
   * {@code CREATE VIEW} ({@code OR REPLACE} when {@code resumable}), or {@code CREATE MATERIALIZED
   * VIEW} ({@code IF NOT EXISTS} when {@code resumable}) {@code WITH [NO] DATA} and its indexes.
   */
  static List<String> create(View view, boolean resumable) {
    if (!view.materialized()) {
      List<String> with = new ArrayList<>();
      if (view.securityBarrier()) {
        with.add("security_barrier=true");
      }
      if (view.securityInvoker()) {
        with.add("security_invoker=true");
      }
      List<String> out = new ArrayList<>();
      out.add("CREATE " + (resumable ? "OR REPLACE " : "") + "VIEW " + ident(view.name())
          + (with.isEmpty() ? "" : " WITH (" + String.join(", ", with) + ")") + " AS\n"
          + view.sql().strip()
          + (view.checkOption() == null ? "" : "\nWITH " + view.checkOption().toUpperCase(Locale.ROOT)
              + " CHECK OPTION") + ";");
      if (view.comment() != null) {
        out.add(comment(view));
      }
      return out;
    }
    List<String> out = new ArrayList<>();
    out.add("CREATE MATERIALIZED VIEW " + (resumable ? "IF NOT EXISTS " : "") + ident(view.name())
        + " AS\n" + view.sql().strip() + "\nWITH " + (view.noData() ? "NO DATA" : "DATA") + ";");
    for (Index index : view.indexes()) {
      out.add(SqlRenderer.createIndex(view.name(), index, false, resumable));
    }
    if (view.comment() != null) {
      out.add(comment(view));
    }
    return out;
  }

  /**
   * {@code CREATE OR REPLACE VIEW} with {@code after}'s query and options (PostgreSQL replaces the
   * options with those the statement gives), and its comment when it is not {@code before}'s
   * (PostgreSQL keeps the comment).
   */
  static List<String> replace(View before, View after) {
    List<String> out = new ArrayList<>(create(after.withOptions(after.securityBarrier(),
        after.checkOption(), after.securityInvoker(), null), true));
    if (!Objects.equals(before.comment(), after.comment())) {
      out.add(comment(after));
    }
    return out;
  }

  /**
   * {@code ALTER VIEW ... SET (...)} for the options {@code after} sets that {@code before} does
   * not, {@code RESET (...)} for those only {@code before} sets, and {@code COMMENT ON VIEW} when
   * the comment changes.
   */
  static List<String> alter(View before, View after) {
    List<String> out = new ArrayList<>();
    List<String> set = after.options().stream().filter(o -> !before.options().contains(o)).toList();
    List<String> afterNames = after.options().stream().map(o -> o.substring(0, o.indexOf('='))).toList();
    List<String> reset = before.options().stream().map(o -> o.substring(0, o.indexOf('=')))
        .filter(n -> !afterNames.contains(n)).toList();
    if (!reset.isEmpty()) {
      out.add("ALTER VIEW " + ident(after.name()) + " RESET (" + String.join(", ", reset) + ");");
    }
    if (!set.isEmpty()) {
      out.add("ALTER VIEW " + ident(after.name()) + " SET (" + String.join(", ", set) + ");");
    }
    if (!Objects.equals(before.comment(), after.comment())) {
      out.add(comment(after));
    }
    return out;
  }

  /** {@code COMMENT ON [MATERIALIZED] VIEW ... IS ...}, {@code IS NULL} when it has none. */
  static String comment(View view) {
    return "COMMENT ON " + view.kind() + " " + ident(view.name()) + " IS "
        + (view.comment() == null ? "NULL" : Sql.literal(view.comment())) + ";";
  }

  /** {@code DROP [MATERIALIZED] VIEW}; a materialized view's indexes go with it. */
  static List<String> drop(View view, boolean resumable) {
    return List.of("DROP " + view.kind() + " " + (resumable ? "IF EXISTS " : "") + ident(view.name()) + ";");
  }

  /** {@code REFRESH MATERIALIZED VIEW [CONCURRENTLY]}. */
  static String refresh(View view, boolean concurrently) {
    return "REFRESH MATERIALIZED VIEW " + (concurrently ? "CONCURRENTLY " : "") + ident(view.name()) + ";";
  }
}
