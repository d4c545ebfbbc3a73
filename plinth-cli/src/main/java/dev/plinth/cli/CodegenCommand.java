package dev.plinth.cli;

import dev.plinth.cli.codegen.Codegen;
import dev.plinth.cli.codegen.CodegenResult;
import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Plinth;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plinth codegen}: jOOQ classes for the migrated schema. */
@Command(name = "codegen", mixinStandardHelpOptions = true,
    description = {"Apply pending migrations, then generate jOOQ classes for the schema.",
        "Application code then gets typed queries for exactly the committed schema."})
final class CodegenCommand extends DatabaseCommand {

  @Option(names = "--package", paramLabel = "PACKAGE", required = true,
      description = "Java package of the generated classes, e.g. com.example.db.")
  String packageName;

  @Option(names = "--directory", paramLabel = "DIR", required = true,
      description = "Source folder to write them to (relative to the working directory), e.g. target/generated-sources/jooq."
          + " The package's folder in it is replaced.")
  Path directory;

  @Override
  ExitCode run(Plinth plinth, Console console) {
    CodegenResult result = new Codegen(plinth).run(packageName, root.workingDirectory().resolve(directory));
    if (database.json) {
      console.out(Json.text(JsonResults.codegen(result)));
      return ExitCode.OK;
    }
    console.out(ResultText.generated(result));
    return ExitCode.OK;
  }
}
