package dev.plinth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PullResult;
import dev.plinth.schema.journal.ExternalObjects;
import dev.plinth.schema.pull.BaselineFiles;
import dev.plinth.schema.pull.NotModelled;
import dev.plinth.schema.pull.Unsupported;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code plinth pull}: annotated records and a baseline migration for an existing database. */
@Command(name = "pull", mixinStandardHelpOptions = true,
    description = {"Write annotated records and the baseline migration V1 for an existing database.",
        "Reads the database's schema (changing nothing in it), writes a record per table and an enum per enum type,"
            + " and lists what the records cannot say as it is. Next: review, compile, then `plinth baseline`."})
final class PullCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  PlinthCommand root;

  @Mixin
  DatabaseOptions database;

  @Option(names = "--package", paramLabel = "PACKAGE", required = true,
      description = "Java package of the records for the public schema, e.g. com.example.db; other schemas get"
          + " sub-packages (com.example.db.billing).")
  String packageName;

  @Option(names = "--sources", paramLabel = "DIR",
      description = "Source folder to write the records to (relative to the working directory). Default: ${DEFAULT-VALUE}.")
  Path sources = Path.of("src/main/java");

  @Option(names = "--migrations", paramLabel = "DIR",
      description = "Migrations folder to write the baseline migration to; it must hold no migration yet."
          + " Default: ${DEFAULT-VALUE}.")
  Path migrations = Path.of("src/main/resources/db");

  @Override
  public Integer call() {
    // Pull reads no migration (it writes the first one), so a project without any must not be
    // refused for a missing location: the working directory satisfies the runner's check.
    database.locations = List.of("filesystem:" + root.workingDirectory());
    return Session.run(spec, root, database, null, this::run);
  }

  private ExitCode run(Plinth plinth, Console console) {
    Path sourceRoot = root.workingDirectory().resolve(sources).normalize();
    Path folder = root.workingDirectory().resolve(migrations).normalize();
    PullResult result = plinth.pull(sourceRoot, packageName, folder);
    if (database.json) {
      console.out(Json.text(json(result)));
      return ExitCode.OK;
    }
    console.out(Message.PULL_DONE.text(result.tables(), plural(result.tables()), result.enums(),
        plural(result.enums()), result.sources().size(), plural(result.sources().size()), sourceRoot, packageName,
        baselineVersion(result), folder));
    // The forward script: its reverse goes with it.
    result.migrations().stream().filter(f -> f.getFileName().toString().startsWith("V")
            && f.getFileName().toString().endsWith("__" + NotModelled.SLUG + ".sql"))
        .forEach(f -> console.out(Message.PULL_NOT_MODELLED.text(folder.relativize(f),
            ExternalObjects.FILE)));
    if (!result.unsupported().isEmpty()) {
      int n = result.unsupported().size();
      console.out(Message.PULL_UNSUPPORTED.text(n, plural(n)));
      result.unsupported().forEach(u -> console.out("  " + u.text()));
    }
    console.out(Message.PULL_NEXT.text(result.baselineVersion()));
    return ExitCode.OK;
  }

  /** The version of the baseline migration itself: the newest one is the hand-written one after it, if any. */
  private static String baselineVersion(PullResult result) {
    return result.migrations().stream().map(f -> f.getFileName().toString())
        .filter(name -> name.startsWith("V") && name.endsWith("__" + BaselineFiles.SLUG + ".sql"))
        .map(name -> name.substring(1, name.indexOf("__"))).findFirst().orElse(result.baselineVersion());
  }

  private static ObjectNode json(PullResult result) {
    ObjectNode node = Json.object();
    node.put("tables", result.tables());
    node.put("enums", result.enums());
    node.put("baselineVersion", result.baselineVersion());
    ArrayNode sources = node.putArray("sources");
    result.sources().forEach(p -> sources.add(p.toString()));
    ArrayNode migrations = node.putArray("migrations");
    result.migrations().forEach(p -> migrations.add(p.toString()));
    ArrayNode unsupported = node.putArray("unsupported");
    for (Unsupported u : result.unsupported()) {
      unsupported.addObject().put("object", u.object()).put("reason", u.reason());
    }
    return node;
  }

  private static String plural(int n) {
    return n == 1 ? "" : "s";
  }
}
