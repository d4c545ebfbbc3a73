package dev.plinth.schema.diff;

import dev.plinth.schema.model.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Operations on change lists. */
public final class Changes {
  private Changes() {}

  /** The schema after applying {@code changes} in order. */
  public static Schema apply(Schema schema, List<Change> changes) {
    Schema result = schema;
    for (Change change : changes) {
      result = change.applyTo(result);
    }
    return result;
  }

  /** The changes that undo {@code changes}: their inverses, newest first. */
  public static List<Change> inverse(List<Change> changes) {
    List<Change> result = new ArrayList<>(changes.size());
    for (Change change : changes) {
      result.add(change.inverse());
    }
    Collections.reverse(result);
    return List.copyOf(result);
  }
}
