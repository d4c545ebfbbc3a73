package dev.plinth.schema.diff;

import dev.plinth.schema.diff.Change.CreateFunction;
import dev.plinth.schema.diff.Change.CreateTrigger;
import dev.plinth.schema.diff.Change.DropFunction;
import dev.plinth.schema.diff.Change.DropTrigger;
import dev.plinth.schema.diff.Change.RenameTable;
import dev.plinth.schema.diff.Change.ReplaceFunction;
import dev.plinth.schema.model.Function;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Trigger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The function and trigger changes around the other changes of a migration. Triggers that go,
 * change, call a function that is dropped and created again, or have a {@code WHEN} condition on a
 * table whose columns the migration retypes, renames or drops (see {@link ViewChanges}) are dropped
 * first; then functions that go, or whose name, arguments or return type change, are dropped. Last,
 * new functions are created (with their privileges) and changed bodies replaced in place
 * ({@code CREATE OR REPLACE}, which keeps them) and changed privileges granted and revoked
 * ({@link FunctionGrants}), then the triggers are created. The reversed list of inverses does the same in the reverse, and puts
 * the former bodies back. A trigger of a renamed table follows it, as in PostgreSQL.
 */
final class RoutineChanges {
  private RoutineChanges() {}

  /** {@code changes} (from {@code before} to {@code after}) with the routine changes around them. */
  static List<Change> around(Schema before, Schema after, List<Change> changes) {
    if (before.functions().isEmpty() && after.functions().isEmpty()
        && before.triggers().isEmpty() && after.triggers().isEmpty()) {
      return changes;
    }
    List<Change> dropFunctions = new ArrayList<>();
    List<Change> createFunctions = new ArrayList<>();
    Set<QualifiedName> rebuilt = new HashSet<>();
    for (Function old : before.functions()) {
      Optional<Function> now = after.function(old.name());
      if (now.isEmpty() || !old.replaceableBy(now.get())) {
        dropFunctions.add(new DropFunction(old));
        rebuilt.add(old.name());
        now.ifPresent(f -> createFunctions.add(new CreateFunction(f)));
      } else {
        // The body is replaced in place (its privileges stay), then the privileges changed.
        Function replaced = now.get().withGrants(old.grants());
        if (!old.equals(replaced)) {
          createFunctions.add(new ReplaceFunction(old, replaced));
        }
        createFunctions.addAll(FunctionGrants.between(old, old.acl(), now.get().acl()));
      }
    }
    for (Function function : after.functions()) {
      if (before.function(function.name()).isEmpty()) {
        createFunctions.add(new CreateFunction(function));
      }
    }
    Map<QualifiedName, QualifiedName> renamed = renames(changes);
    Set<String> touched = ViewChanges.touchedTables(before, changes);
    List<Change> dropTriggers = new ArrayList<>();
    Set<Trigger> kept = new HashSet<>();
    for (Trigger old : before.triggers()) {
      Trigger moved = old.onTable(renamed.getOrDefault(old.table(), old.table()));
      boolean stays = after.triggers().contains(moved) && !rebuilt.contains(old.function())
          && (old.when() == null || !touched.contains(old.table().name()));
      if (stays) {
        kept.add(moved);
      } else {
        dropTriggers.add(new DropTrigger(old));
      }
    }
    List<Change> createTriggers = after.triggers().stream()
        .filter(t -> !kept.contains(t)).<Change>map(CreateTrigger::new).toList();
    List<Change> out = new ArrayList<>(dropTriggers);
    out.addAll(dropFunctions);
    out.addAll(changes);
    out.addAll(createFunctions);
    out.addAll(createTriggers);
    return List.copyOf(out);
  }

  /** Each table the changes rename, by its name before, with its name after them. */
  private static Map<QualifiedName, QualifiedName> renames(List<Change> changes) {
    Map<QualifiedName, QualifiedName> result = new HashMap<>();
    for (Change change : changes) {
      if (change instanceof RenameTable c) {
        QualifiedName original = result.entrySet().stream().filter(e -> e.getValue().equals(c.from()))
            .map(Map.Entry::getKey).findFirst().orElse(c.from());
        result.put(original, c.to());
      }
    }
    return result;
  }
}
