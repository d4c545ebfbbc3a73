package dev.plinth.cli.text;

import dev.plinth.cli.codegen.CodegenResult;
import dev.plinth.runner.InfoResult;
import dev.plinth.runner.Message;
import dev.plinth.runner.MigrateResult;
import dev.plinth.runner.RepairResult;
import dev.plinth.runner.ResetResult;
import dev.plinth.schema.journal.CommittedFiles;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.journal.Squash;
import java.nio.file.Path;
import dev.plinth.runner.RollbackResult;
import dev.plinth.runner.SeedResult;
import dev.plinth.runner.ValidateResult;
import dev.plinth.runner.VerifyResult;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines that show a runner result to a person, from the runner's message catalogue; the
 * {@code plinth} command prints them, the Maven plugin logs them. Deterministic: no locale, time
 * zone or machine in them beyond what the result holds.
 */
public final class ResultText {

  private ResultText() {}

  /** A schema version, or {@code none} for an empty schema. */
  public static String version(Optional<String> version) {
    return version.orElse(Message.NO_VERSION.text());
  }

  /** One applied migration, e.g. {@code Applied V2 add orders (12 ms)}. */
  public static String applied(MigrateResult.Applied m) {
    return m.version() == null ? Message.REPEATABLE_APPLIED.text(m.description(), m.millis())
        : Message.MIGRATION_APPLIED.text(m.version(), m.description(), m.millis());
  }

  /** The closing line of a migrate: how many were applied, and the version now. */
  public static String migrated(MigrateResult result) {
    String version = version(result.schemaVersion());
    int count = result.applied().size();
    return count == 0
        ? Message.MIGRATE_NOTHING.text(version)
        : Message.MIGRATE_SUMMARY.text(count, plural(count), result.totalMillis(), version);
  }

  /** Each reverse script run, then the version now. */
  public static List<String> rolledBack(RollbackResult result) {
    List<String> lines = new ArrayList<>();
    result.steps().forEach(step -> lines.add(rolledBack(step)));
    lines.add(rolledBackSummary(result));
    return lines;
  }

  /** One version rolled back. */
  public static String rolledBack(RollbackResult.Step step) {
    return Message.ROLLBACK_STEP.text(step.version(), step.description(), step.millis());
  }

  /** The closing line of a rollback: how many were rolled back, and the version now. */
  public static String rolledBackSummary(RollbackResult result) {
    String version = version(result.schemaVersion());
    int count = result.steps().size();
    return count == 0 ? Message.ROLLBACK_NOTHING.text(version)
        : Message.ROLLBACK_SUMMARY.text(count, plural(count), result.totalMillis(), version);
  }

  /** A table of the migrations found in {@code locations}, then the schema version. */
  public static List<String> info(InfoResult result, List<String> locations) {
    List<String> lines = new ArrayList<>();
    if (result.migrations().isEmpty()) {
      lines.add(Message.INFO_NO_MIGRATIONS.text(String.join(", ", locations)));
    } else {
      TextTable table = new TextTable("Version", "Description", "Type", "State", "Installed on (UTC)", "Checksum");
      for (InfoResult.Row row : result.migrations()) {
        table.add(row.version(), row.description(), row.type(), row.state(), installedOn(row), row.checksum());
      }
      lines.addAll(table.lines());
    }
    lines.add(Message.INFO_SCHEMA_VERSION.text(version(result.schemaVersion())));
    return lines;
  }

  /** When a migration was applied, to the second in UTC ({@code 2026-01-02T03:04:05Z}); empty if it was not. */
  public static String installedOn(InfoResult.Row row) {
    // ISO_INSTANT always prints UTC with a Z, whatever the machine's zone and locale.
    return row.installedOn().map(t -> DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS)))
        .orElse("");
  }

  /** {@code Valid: ...} with its notes, or {@code Invalid: ...} with each problem and note. */
  public static List<String> validated(ValidateResult result) {
    List<String> lines = new ArrayList<>();
    if (result.valid()) {
      int n = result.appliedCount();
      lines.add(Message.VALIDATE_OK.text(n, plural(n),
          result.sumChecked() ? "files match plinth.sum" : "no plinth.sum to check"));
    } else {
      int n = result.problems().size();
      lines.add(Message.VALIDATE_FAILED.text(n, plural(n)));
      result.problems().forEach(f -> lines.add("  [" + f.id() + "] " + f.text()));
    }
    result.notes().forEach(f -> lines.add("  " + f.text()));
    return lines;
  }

  /** {@code No drift: ...}, or {@code Drift: ...} with each difference and what to do. */
  public static List<String> verified(VerifyResult result) {
    String version = version(result.schemaVersion());
    List<String> lines = new ArrayList<>();
    if (!result.drift()) {
      lines.add(Message.VERIFY_OK.text(version, result.tables(), plural(result.tables()), result.enums(),
          plural(result.enums())));
    } else {
      int n = result.differences().size();
      lines.add(Message.VERIFY_DRIFT.text(version, n, plural(n)));
      result.differences().forEach(d -> lines.add("  " + d.text()));
      lines.add(Message.VERIFY_DRIFT_ADVICE.text());
    }
    if (!result.external().isEmpty()) {
      lines.add("Not compared, declared in plinth.external as made by hand-written migrations:");
      result.external().forEach(e -> lines.add("  " + e));
    }
    return lines;
  }

  /** What reset dropped, then the migrations it applied again. */
  public static List<String> reset(ResetResult result) {
    int tables = result.droppedTables().size();
    int types = result.droppedTypes().size();
    int schemas = result.droppedSchemas().size();
    List<String> lines = new ArrayList<>();
    lines.add(Message.RESET_DROPPED.text(tables, plural(tables), types, plural(types), schemas, plural(schemas)));
    result.migrate().applied().forEach(m -> lines.add(applied(m)));
    lines.add(migrated(result.migrate()));
    return lines;
  }

  /** Rows inserted per table, then the totals. */
  public static List<String> seeded(SeedResult result) {
    List<String> lines = new ArrayList<>();
    result.tables().forEach(t -> lines.add(Message.SEED_TABLE.text(t.table(), t.inserted(), t.skipped())));
    lines.add(Message.SEED_SUMMARY.text(result.env(), result.seedSets().size(), result.millis(), result.inserted(),
        result.skipped()));
    return lines;
  }

  /** What codegen wrote, and where. */
  public static String generated(CodegenResult result) {
    int n = result.files().size();
    return Message.CODEGEN_DONE.text(n, plural(n), String.join(", ", result.schemas()),
        version(result.schemaVersion()), result.directory(), result.packageName());
  }

  /** The backup schemas dropped (those older than {@code before}, if given), or that there were none. */
  public static List<String> pruned(List<String> dropped, Optional<String> before) {
    if (dropped.isEmpty()) {
      return List.of(Message.PRUNE_NOTHING.text(before.map(v -> " older than version " + v).orElse("")));
    }
    List<String> lines = new ArrayList<>();
    dropped.forEach(schema -> lines.add(Message.PRUNE_DROPPED.text(schema)));
    lines.add(Message.PRUNE_SUMMARY.text(dropped.size(), plural(dropped.size())));
    return lines;
  }

  /** {@code "s"} unless {@code n} is 1. */
  public static String plural(int n) {
    return n == 1 ? "" : "s";
  }

  /** What repair did, one line each; a line saying so when there was nothing to do. */
  public static List<String> repaired(RepairResult result) {
    List<String> lines = new ArrayList<>();
    result.removedFailures().forEach(script -> lines.add(Message.REPAIR_REMOVED.text(script)));
    result.droppedIndexes().forEach(index -> lines.add(Message.REPAIR_DROPPED_INDEX.text(index)));
    result.keptInvalidIndexes().forEach(index -> lines.add(Message.REPAIR_KEPT_INDEX.text(index)));
    if (result.nothingToDo()) {
      lines.add(Message.REPAIR_NOTHING.text());
    }
    return lines;
  }

  /** One problem {@code check} found in the migrations folder {@code folder}, with its id and fix. */
  public static String checkProblem(Path folder, CommittedFiles.Problem problem) {
    String file = folder.resolve(problem.file()).toString();
    return switch (problem.kind()) {
      case MISSING -> Message.CHECK_FILE_MISSING.format(file, problem.detail());
      case EDITED -> Message.CHECK_FILE_EDITED.format(file, problem.detail());
      case OUT_OF_DATE -> Message.CHECK_SUM_OUT_OF_DATE.format(file, problem.detail());
      case UNREADABLE -> Message.CHECK_JOURNAL_UNREADABLE.format(file, problem.detail());
    };
  }

  /** The closing line of {@code check}: all good, or how many problems. */
  public static String checked(Path folder, MigrationsFolder migrations, List<CommittedFiles.Problem> problems) {
    if (!problems.isEmpty()) {
      return Message.CHECK_FAILED.text(problems.size(), plural(problems.size()), folder);
    }
    List<MigrationsFolder.MigrationFiles> all = migrations.scan();
    long generated = all.stream().filter(MigrationsFolder.MigrationFiles::generated).count();
    return Message.CHECK_OK.text(folder, generated, all.size() - generated);
  }

  /** Why {@code squash} refused, as a message with its id. */
  public static String squashRefused(Path folder, Squash.Refused refused, String to) {
    return switch (refused.reason()) {
      case NOT_COMMITTED -> Message.SQUASH_NOT_COMMITTED.format(folder, refused.detail());
      case UNKNOWN_VERSION -> Message.SQUASH_UNKNOWN_VERSION.format(to, refused.detail());
      case NOTHING_TO_SQUASH -> Message.SQUASH_NOTHING.format(to);
      case HAND_WRITTEN -> Message.SQUASH_HAND_WRITTEN.format(refused.detail());
    };
  }

  /** What {@code squash} did. */
  public static String squashed(Squash.Result result, String to) {
    String written = result.written().stream().filter(f -> f.startsWith(MigrationsFolder.MIGRATION_DIR + "/"))
        .map(MigrationsFolder::fileName).collect(java.util.stream.Collectors.joining(", "));
    long migrations = result.removed().stream().filter(f -> f.startsWith(MigrationsFolder.JOURNAL_DIR + "/")).count();
    return Message.SQUASH_DONE.text(migrations, to, written, result.removed().size());
  }
}
