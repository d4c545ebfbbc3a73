package dev.plinth.processor.validate;

import dev.plinth.processor.message.Message;
import dev.plinth.schema.model.Extension;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.StandaloneSequence;
import dev.plinth.schema.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks the declared sequences and extensions against each other and the schema (each declared
 * once, an owner that is a column of the sequence's schema, no name shared with a table or view),
 * and puts them in the schema.
 */
public final class SequenceCheck {
  private final Report report;

  public SequenceCheck(Report report) {
    this.report = report;
  }

  /** {@code schema} with the declared sequences and extensions. */
  public Schema with(Schema schema, List<Map.Entry<StandaloneSequence, Origin>> sequences,
      List<Map.Entry<Extension, Origin>> extensions) {
    Map<String, Map.Entry<StandaloneSequence, Origin>> byName = new TreeMap<>();
    for (Map.Entry<StandaloneSequence, Origin> entry : sequences) {
      StandaloneSequence sequence = entry.getKey();
      Map.Entry<StandaloneSequence, Origin> first = byName.putIfAbsent(sequence.name().toString(), entry);
      if (first != null) {
        if (!first.getKey().equals(sequence)) {
          report.add(Message.SEQUENCE_DECLARED_TWICE, entry.getValue(), sequence.name(),
              first.getKey().declaredBy(), sequence.declaredBy());
        }
        continue;
      }
      if (schema.table(sequence.name()).isPresent() || schema.view(sequence.name()).isPresent()) {
        report.add(Message.SEQUENCE_NAME_TAKEN, entry.getValue(), sequence.name(),
            schema.table(sequence.name()).isPresent() ? "table " + sequence.name() : "view " + sequence.name());
      }
      if (sequence.ownedBy() != null) {
        Optional<Table> owner = schema.table(sequence.ownerTable());
        if (owner.isEmpty() || owner.get().column(sequence.ownerColumn()).isEmpty()) {
          report.add(Message.SEQUENCE_OWNER, entry.getValue(), sequence.name(), sequence.ownedBy(),
              sequence.name().schema());
        }
      }
    }
    Map<String, Map.Entry<Extension, Origin>> extensionsByName = new TreeMap<>();
    for (Map.Entry<Extension, Origin> entry : extensions) {
      Extension extension = entry.getKey();
      Map.Entry<Extension, Origin> first = extensionsByName.putIfAbsent(extension.name(), entry);
      if (first != null && !(java.util.Objects.equals(first.getKey().schema(), extension.schema())
          && java.util.Objects.equals(first.getKey().version(), extension.version()))) {
        report.add(Message.EXTENSION_DECLARED_TWICE, entry.getValue(), extension.name(),
            first.getKey().declaredBy(), extension.declaredBy());
      }
    }
    List<StandaloneSequence> declared = new ArrayList<>();
    byName.values().forEach(e -> declared.add(e.getKey()));
    List<Extension> declaredExtensions = new ArrayList<>();
    extensionsByName.values().forEach(e -> declaredExtensions.add(e.getKey()));
    return schema.withSequences(declared).withDeclaredExtensions(declaredExtensions);
  }
}
