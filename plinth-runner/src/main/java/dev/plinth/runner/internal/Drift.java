package dev.plinth.runner.internal;

import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.VerifyResult;
import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.Changes;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.journal.ExternalObjects;
import dev.plinth.schema.journal.JournalCodec;
import dev.plinth.schema.journal.JournalEntry;
import dev.plinth.schema.model.Schema;
import dev.plinth.runner.internal.catalog.CatalogExtras;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.internal.catalog.Difference;
import dev.plinth.runner.internal.catalog.SchemaComparison;
import dev.plinth.runner.internal.catalog.RoutineCatalog;
import dev.plinth.runner.internal.catalog.SchemaCatalog;
import dev.plinth.runner.internal.catalog.SequenceCatalog;
import dev.plinth.runner.internal.catalog.SecurityCatalog;
import dev.plinth.runner.internal.catalog.ViewCatalog;
import dev.plinth.runner.internal.catalog.TenantSchema;
import java.sql.Connection;
import java.sql.SQLException;
import dev.plinth.runner.internal.fleet.HistoryProbe;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * {@code verify}: the live catalog against the journal folded up to the applied version, leaving
 * out what {@code plinth.external} declares as created by hand-written migrations.
 */
public final class Drift {

  private final RunnerContext context;

  public Drift(RunnerContext context) {
    this.context = context;
  }

  public VerifyResult verify() {
    // One connection for every read, the history's too; opening it is the connection check.
    try (Connection connection = context.connect()) {
      return verify(connection);
    } catch (SQLException e) {
      throw context.sqlFailure("verify", e);
    }
  }

  private VerifyResult verify(Connection connection) throws SQLException {
    List<Applied> applied = fromHistory(connection).orElseGet(this::fromFlyway);
    ExternalObjects external = external();
    // The expected side (the journal folded, its tables' canonical form) is built in Java while
    // the server reads the catalog.
    CompletableFuture<Expected> folding = CompletableFuture.supplyAsync(() -> {
      // The journal is what the database is compared with: an edited one would pass for drift, so
      // the folder is checked against plinth.sum before it is folded (and before any difference is
      // reported; verify only reads the database), while the server reads the catalog.
      FolderCheck.of(context.resources()).requireIntact("verify", Message.VERIFY_FILES_CHANGED);
      Schema committed = fold(context.resources(), applied);
      Schema expected = context.config().schema().map(tenant -> TenantSchema.of(committed, tenant)).orElse(committed);
      return new Expected(expected, Compared.of(external.leaveOut(expected)));
    });
    try {
      Schema live = liveSchema(connection, external);
      Expected built = joined(folding);
      Schema expected = built.schema();
      Schema compared = built.compared().schema();
      List<Difference> differences = new ArrayList<>(differences(built.compared(), live));
      Set<String> externalViews = external.names("view");
      ViewCatalog.compare(connection, compared.views(), context.config().schema(), external).stream()
          .filter(d -> !externalViews.contains(d.name())).forEach(differences::add);
      if (!compared.schemas().isEmpty()) {
        differences.addAll(SchemaCatalog.compare(compared.schemas(), SchemaCatalog.read(connection)));
      }
      differences.addAll(RoutineCatalog.compare(connection, compared.functions(), compared.triggers(), external,
          context.config().schema()));
      differences.addAll(SecurityCatalog.compare(connection, compared, external));
      if (!compared.sequences().isEmpty() || !compared.declaredExtensions().isEmpty()) {
        differences.addAll(SequenceCatalog.compare(compared.sequences(), SequenceCatalog.read(connection),
            compared.declaredExtensions(), SequenceCatalog.extensions(connection)));
      }
      Optional<String> version = applied.stream().filter(a -> !a.baselined()).reduce((a, b) -> b)
          .map(a -> a.version().getVersion());
      return new VerifyResult(version, expected.tables().size(), expected.enums().size(), differences,
          external.entries().stream().map(e -> e.kind() + " " + e.name()).toList());
    } finally {
      folding.cancel(false);
    }
  }

  /** The schema verify expects, and what of it is compared with the live tables. */
  private record Expected(Schema schema, Compared compared) {}

  /**
   * What the live tables are compared with: {@code schema} (its views apart), its tables without
   * their security (compared apart) and the canonical form of those, for the differ.
   */
  private record Compared(Schema schema, Schema tables, Schema canonical) {
    static Compared of(Schema schema) {
      Schema tables = new Schema(SecurityCatalog.withoutSecurity(schema).tables(), schema.enums())
          .withDomains(schema.domains());
      return new Compared(schema, tables, Canonical.schema(tables));
    }
  }

  private static <T> T joined(CompletableFuture<T> folding) {
    try {
      return folding.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * An applied migration: its version, the script whose journal entry describes it, and whether a
   * baseline row stands for it rather than a row of its own.
   */
  private record Applied(MigrationVersion version, String script, boolean baselined) {}

  /**
   * The applied migrations as the history table lists them, when it is that simple: every
   * successful row is a SQL migration whose file is still there, once. Then the history is all
   * that is read (no scan and checksum of every migration file, which Flyway's {@code info} does).
   * Empty otherwise (a baseline, a squash or an adoption that replaced files): then Flyway decides.
   */
  private Optional<List<Applied>> fromHistory(Connection connection) {
    MigrationResources resources = context.resources();
    List<HistoryProbe.Row> rows = HistoryProbe.read(context.config(), connection, context.historyTable())
        .rows().stream().filter(r -> r.success() && r.version() != null).toList();
    boolean simple = rows.stream().allMatch(r -> PlainInfo.plainRow(r.type(), r.script(), resources))
        && rows.stream().map(HistoryProbe.Row::version).distinct().count() == rows.size();
    if (!simple) {
      return Optional.empty();
    }
    return Optional.of(rows.stream().map(r -> new Applied(MigrationVersion.fromVersion(r.version()), r.script(), false))
        .sorted(Comparator.comparing(Applied::version)).toList());
  }

  /** The applied migrations as Flyway's {@code info} resolves them, preceded by those a baseline stands for. */
  private List<Applied> fromFlyway() {
    List<MigrationInfo> applied = context.appliedMigrations();
    List<Applied> result = new ArrayList<>();
    for (MigrationInfo info : withBaselined(applied)) {
      // The file Flyway resolved: after a squash, a row's own script may be gone.
      result.add(new Applied(info.getVersion(), ReplacedHistory.resolvedScript(info).orElse(info.getScript()),
          !applied.contains(info)));
    }
    return result;
  }

  /** The live database's schema, read for {@code command}. */
  Schema liveSchema(String command) {
    ExternalObjects external = external();
    try (Connection connection = context.connect()) {
      return liveSchema(connection, external);
    } catch (SQLException e) {
      throw context.sqlFailure(command, e);
    }
  }

  private Schema liveSchema(Connection connection, ExternalObjects external) throws SQLException {
    return CatalogExtras.withoutExternal(connection,
        CatalogReader.read(connection, context.historyTable(), context.config().schema()), external);
  }

  /** What {@code plinth.external} declares as created by hand-written migrations; none without it. */
  ExternalObjects external() {
    Optional<String> text = context.resources().read(ExternalObjects.FILE);
    try {
      return text.map(ExternalObjects::parse).orElse(ExternalObjects.NONE);
    } catch (IllegalArgumentException e) {
      throw new PlinthException(e, Message.EXTERNAL_UNREADABLE, ExternalObjects.FILE, e.getMessage());
    }
  }

  /**
   * How {@code live}'s tables and enum types differ from {@code expected}'s; empty when they
   * describe the same ones. Views are compared apart ({@link ViewCatalog}): the catalog reader does
   * not read them.
   */
  static List<Difference> differences(Schema expected, Schema live) {
    return differences(Compared.of(expected), live);
  }

  private static List<Difference> differences(Compared expected, Schema live) {
    List<Difference> differences = new ArrayList<>(SchemaComparison.compare(expected.tables(), live));
    if (differences.isEmpty()) {
      // The comparison covers what a person can act on; the differ is the final word on equality.
      for (Change change : SchemaDiff.diff(Canonical.schema(live), expected.canonical())) {
        differences.add(Difference.different("schema", change.getClass().getSimpleName(), "definition",
            "as committed", change.toString()));
      }
    }
    return differences;
  }

  /**
   * The applied migrations, preceded by those a baseline row stands for: a database recorded by
   * {@code baseline} as being at version N has the schema of every migration up to N.
   */
  private List<MigrationInfo> withBaselined(List<MigrationInfo> applied) {
    if (applied.stream().noneMatch(i -> i.getType().isBaseline())) {
      return applied;
    }
    List<MigrationInfo> result = new ArrayList<>();
    for (MigrationInfo info : context.flyway().info().all()) {
      if ((info.getState() == MigrationState.BELOW_BASELINE || info.getState() == MigrationState.BASELINE_IGNORED)
          && info.getVersion() != null) {
        result.add(info);
      }
    }
    result.sort(java.util.Comparator.comparing(MigrationInfo::getVersion));
    result.addAll(applied);
    return result;
  }

  /** The schema the journal entries of {@code applied} build; hand-written migrations have none. */
  static Schema expectedSchema(RunnerContext context, List<MigrationInfo> applied) {
    // The file Flyway resolved: after a squash, a row's own script may be gone.
    return fold(context.resources(), applied.stream().map(info -> new Applied(info.getVersion(),
        ReplacedHistory.resolvedScript(info).orElse(info.getScript()), false)).toList());
  }

  private static Schema fold(MigrationResources resources, List<Applied> applied) {
    Schema schema = Schema.EMPTY;
    for (Applied migration : applied) {
      String path = MigrationResources.journalOf(migration.script());
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
