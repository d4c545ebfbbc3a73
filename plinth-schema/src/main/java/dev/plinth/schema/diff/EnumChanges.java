package dev.plinth.schema.diff;

import dev.plinth.schema.diff.Change.AddEnumValue;
import dev.plinth.schema.diff.Change.RebuildEnum;
import dev.plinth.schema.diff.Change.RenameEnumValue;
import dev.plinth.schema.model.EnumType;
import java.util.ArrayList;
import java.util.List;

/** How an enum type's values change: added in place when possible, rebuilt otherwise. */
final class EnumChanges {
  private EnumChanges() {}

  static void diff(EnumType original, EnumType target, SchemaDiff.Phases phases) {
    EnumType before = original;
    EnumType after = target.definition();
    if (target.renamedValues() != null) {
      for (var rename : target.renamedValues().entrySet()) {
        String to = rename.getKey();
        String from = rename.getValue();
        if (before.values().contains(from) && !before.values().contains(to)) {
          phases.createEnums.add(new RenameEnumValue(before.name(), from, to));
          before = before.withValues(before.values().stream().map(v -> v.equals(from) ? to : v).toList());
        }
      }
    }
    if (before.values().equals(after.values())) {
      return;
    }
    if (isInsertionOnly(before.values(), after.values())) {
      List<String> current = new ArrayList<>(before.values());
      for (int i = 0; i < after.values().size(); i++) {
        String value = after.values().get(i);
        if (!current.contains(value)) {
          String anchorBefore = i + 1 < after.values().size() && current.contains(after.values().get(i + 1))
              ? after.values().get(i + 1) : null;
          String anchorAfter = anchorBefore == null && i > 0 ? after.values().get(i - 1) : null;
          EnumType next = new EnumType(before.name(), after.javaClass(), insert(current, i, value));
          phases.createEnums.add(new AddEnumValue(
              new EnumType(before.name(), after.javaClass(), current), next, value, anchorBefore, anchorAfter));
          current = new ArrayList<>(next.values());
        }
      }
    } else {
      phases.createEnums.add(new RebuildEnum(before, after));
    }
  }

  private static List<String> insert(List<String> values, int index, String value) {
    List<String> copy = new ArrayList<>(values);
    copy.add(Math.min(index, copy.size()), value);
    return copy;
  }

  /** Whether {@code after} is {@code before} with values inserted (none removed or moved). */
  static boolean isInsertionOnly(List<String> before, List<String> after) {
    int j = 0;
    for (String value : after) {
      if (j < before.size() && before.get(j).equals(value)) {
        j++;
      } else if (before.contains(value)) {
        return false;
      }
    }
    return j == before.size();
  }
}
