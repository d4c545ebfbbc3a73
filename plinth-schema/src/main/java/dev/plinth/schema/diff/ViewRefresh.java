package dev.plinth.schema.diff;

import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.View;
import java.util.Optional;

/** When a materialized view can be refreshed {@code CONCURRENTLY}, reading on meanwhile. */
public final class ViewRefresh {
  private ViewRefresh() {}

  /**
   * Whether {@code REFRESH MATERIALIZED VIEW CONCURRENTLY} works on {@code view}: PostgreSQL needs it
   * populated (created {@code WITH DATA}; one created {@code WITH NO DATA} may never have been
   * refreshed) and a unique index on column names only, without a {@code WHERE}
   * ({@link #uniqueIndex}).
   */
  public static boolean concurrently(View view) {
    return view.materialized() && !view.noData() && uniqueIndex(view).isPresent();
  }

  /** The first unique index of {@code view} on plain columns covering every row, if any. */
  public static Optional<Index> uniqueIndex(View view) {
    return view.indexes().stream()
        .filter(i -> i.unique() && i.where() == null
            && i.keys().stream().allMatch(k -> k.column() != null && k.expression() == null))
        .findFirst();
  }
}
