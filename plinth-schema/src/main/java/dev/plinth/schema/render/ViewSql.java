package dev.plinth.schema.render;

import static dev.plinth.schema.render.Sql.ident;

import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.View;
import java.util.ArrayList;
import java.util.List;

/** The statements that create and drop views and materialized views (with their indexes). */
final class ViewSql {
  private ViewSql() {}

  /**
   * {@code CREATE VIEW} ({@code OR REPLACE} when {@code resumable}), or {@code CREATE MATERIALIZED
   * VIEW} ({@code IF NOT EXISTS} when {@code resumable}) {@code WITH [NO] DATA} and its indexes.
   */
  static List<String> create(View view, boolean resumable) {
    if (!view.materialized()) {
      return List.of("CREATE " + (resumable ? "OR REPLACE " : "") + "VIEW " + ident(view.name())
          + " AS\n" + view.sql().strip() + ";");
    }
    List<String> out = new ArrayList<>();
    out.add("CREATE MATERIALIZED VIEW " + (resumable ? "IF NOT EXISTS " : "") + ident(view.name())
        + " AS\n" + view.sql().strip() + "\nWITH " + (view.noData() ? "NO DATA" : "DATA") + ";");
    for (Index index : view.indexes()) {
      out.add(SqlRenderer.createIndex(view.name(), index, false, resumable));
    }
    return out;
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
