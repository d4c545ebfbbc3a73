package dev.plinth.runner;

import dev.plinth.processor.diff.Canonical;
import dev.plinth.processor.diff.Change;
import dev.plinth.processor.diff.Changes;
import dev.plinth.processor.diff.SchemaDiff;
import dev.plinth.processor.io.JournalCodec;
import dev.plinth.processor.io.JournalEntry;
import dev.plinth.processor.model.Schema;
import dev.plinth.runner.catalog.CatalogReader;
import dev.plinth.runner.catalog.Difference;
import dev.plinth.runner.catalog.SchemaComparison;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.MigrationInfo;

/** {@code verify}: the live catalog against the journal folded up to the applied version. */
final class Drift {

  private final Plinth plinth;

  Drift(Plinth plinth) {
    this.plinth = plinth;
  }

  VerifyResult verify() {
    List<MigrationInfo> applied = plinth.appliedMigrations();
    Schema expected = expectedSchema(plinth, applied);
    Schema live;
    try (Connection connection = plinth.connect()) {
      live = CatalogReader.read(connection, plinth.historyTable());
    } catch (SQLException e) {
      throw plinth.sqlFailure("verify", e);
    }
    List<Difference> differences = new ArrayList<>(SchemaComparison.compare(expected, live));
    if (differences.isEmpty()) {
      // The comparison covers what a person can act on; the differ is the final word on equality.
      for (Change change : SchemaDiff.diff(Canonical.schema(live), Canonical.schema(expected))) {
        differences.add(Difference.different("schema", change.getClass().getSimpleName(), "definition",
            "as committed", change.toString()));
      }
    }
    Optional<String> version = applied.isEmpty() ? Optional.empty()
        : Optional.of(applied.get(applied.size() - 1).getVersion().getVersion());
    return new VerifyResult(version, expected.tables().size(), expected.enums().size(), differences);
  }

  /** The schema the journal entries of {@code applied} build; hand-written migrations have none. */
  static Schema expectedSchema(Plinth plinth, List<MigrationInfo> applied) {
    MigrationResources resources = plinth.resources();
    Schema schema = Schema.EMPTY;
    for (MigrationInfo info : applied) {
      String path = MigrationResources.journalOf(info.getScript());
      Optional<String> json = resources.read(path);
      if (json.isEmpty()) {
        continue;
      }
      JournalEntry entry;
      try {
        entry = JournalCodec.read(json.get());
      } catch (IllegalArgumentException e) {
        throw new PlinthException(e, Message.JOURNAL_UNREADABLE, path, e.getMessage());
      }
      schema = Changes.apply(schema, entry.changes());
    }
    return schema;
  }
}
