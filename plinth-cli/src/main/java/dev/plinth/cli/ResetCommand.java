package dev.plinth.cli;

import dev.plinth.runner.Message;
import dev.plinth.runner.MigrateResult;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.ResetResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plinth reset}: drop what the migrations created and migrate again, on disposable databases. */
@Command(name = "reset", mixinStandardHelpOptions = true,
    description = {"Drop everything the migrations created and migrate again.",
        "Drops their tables, types, schemas, backups and the history. Only on a local database whose name says"
            + " it is disposable (test, dev, tmp, scratch, ...), unless --force."})
final class ResetCommand extends DatabaseCommand {

  @Option(names = "--force", description = "Reset even a remote database or one not named as disposable.")
  boolean force;

  @Override
  ExitCode run(Plinth plinth, Console console) {
    ResetResult result = plinth.reset(force);
    if (database.json) {
      console.out(Json.text(JsonResults.reset(result)));
      return ExitCode.OK;
    }
    int tables = result.droppedTables().size();
    int types = result.droppedTypes().size();
    int schemas = result.droppedSchemas().size();
    console.out(Message.RESET_DROPPED.text(tables, tables == 1 ? "" : "s", types, types == 1 ? "" : "s", schemas,
        schemas == 1 ? "" : "s"));
    MigrateResult migrate = result.migrate();
    for (MigrateResult.Applied m : migrate.applied()) {
      console.out(Message.MIGRATION_APPLIED.text(m.version(), m.description(), m.millis()));
    }
    int count = migrate.applied().size();
    String version = Session.version(migrate.schemaVersion());
    console.out(count == 0
        ? Message.MIGRATE_NOTHING.text(version)
        : Message.MIGRATE_SUMMARY.text(count, count == 1 ? "" : "s", migrate.totalMillis(), version));
    return ExitCode.OK;
  }
}
