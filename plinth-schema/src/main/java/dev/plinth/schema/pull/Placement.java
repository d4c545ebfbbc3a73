package dev.plinth.schema.pull;

import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each constraint of a table is written: on the component it is about where an annotation
 * there can say it (single-column unique constraints and foreign keys, checks, on the first column
 * they mention), on the record otherwise. Checks go on components because the processor reads a
 * component's check as written, whatever it mentions.
 */
record Placement(Map<String, UniqueConstraint> uniques, Map<String, List<CheckConstraint>> checks,
    Map<String, ForeignKey> references, List<UniqueConstraint> recordUniques,
    List<CheckConstraint> recordChecks, List<ForeignKey> recordForeignKeys) {

  static Placement of(Table table) {
    Map<String, UniqueConstraint> uniques = new HashMap<>();
    List<UniqueConstraint> recordUniques = new ArrayList<>();
    for (UniqueConstraint unique : table.uniques()) {
      if (unique.columns().size() == 1 && !uniques.containsKey(unique.columns().get(0))) {
        uniques.put(unique.columns().get(0), unique);
      } else {
        recordUniques.add(unique);
      }
    }
    Map<String, List<CheckConstraint>> checks = new HashMap<>();
    List<CheckConstraint> recordChecks = new ArrayList<>();
    List<String> columns = table.columns().stream().map(Column::name).toList();
    for (CheckConstraint check : table.checks()) {
      if (columns.isEmpty()) {
        recordChecks.add(check);
      } else {
        String column = Expressible.mentioned(check.expression(), new LinkedHashSet<>(columns))
            .orElse(columns.get(0));
        checks.computeIfAbsent(column, c -> new ArrayList<>()).add(check);
      }
    }
    Map<String, ForeignKey> references = new HashMap<>();
    List<ForeignKey> recordForeignKeys = new ArrayList<>();
    for (ForeignKey fk : table.foreignKeys()) {
      if (fk.columns().size() == 1 && !references.containsKey(fk.columns().get(0))) {
        references.put(fk.columns().get(0), fk);
      } else {
        recordForeignKeys.add(fk);
      }
    }
    return new Placement(uniques, checks, references, recordUniques, recordChecks, recordForeignKeys);
  }

  Optional<UniqueConstraint> componentUnique(String column) {
    return Optional.ofNullable(uniques.get(column));
  }

  List<CheckConstraint> componentChecks(String column) {
    return checks.getOrDefault(column, List.of());
  }

  Optional<ForeignKey> componentForeignKey(String column) {
    return Optional.ofNullable(references.get(column));
  }
}
