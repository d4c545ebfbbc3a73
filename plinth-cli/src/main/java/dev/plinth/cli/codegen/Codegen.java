package dev.plinth.cli.codegen;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.Message;
import dev.plinth.runner.MigrateResult;
import dev.plinth.runner.internal.Failures;
import dev.plinth.runner.internal.RunnerContext;
import dev.plinth.runner.PlinthException;
import dev.plinth.schema.model.Schema;
import dev.plinth.runner.internal.catalog.CatalogReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Logging;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.jaxb.Target;

/**
 * {@code codegen}: jOOQ classes for the migrated schema, so application code gets typed queries
 * for exactly the committed schema. jOOQ reads the catalog over the runner's own connection (its
 * configuration never holds the password); Flyway's history and Plinth's schemas are left out.
 */
public final class Codegen {

  private static final String PACKAGE = "[a-zA-Z_$][a-zA-Z0-9_$]*(\\.[a-zA-Z_$][a-zA-Z0-9_$]*)*";

  private final Plinth plinth;

  public Codegen(Plinth plinth) {
    this.plinth = plinth;
  }

  /**
   * Migrates, then generates jOOQ classes for the migrated schema into {@code directory}, in
   * {@code packageName} (Flyway's history and Plinth's own schemas are left out).
   */
  public CodegenResult run(String packageName, Path directory) {
    if (!packageName.matches(PACKAGE)) {
      throw new PlinthException(Message.CODEGEN_PACKAGE_INVALID, packageName);
    }
    MigrateResult migrated = plinth.migrate();
    return generate(packageName, directory, migrated.schemaVersion());
  }

  private CodegenResult generate(String packageName, Path directory, Optional<String> version) {
    // jOOQ's banner and tips are noise in a build log.
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    Path root = directory.toAbsolutePath().normalize();
    try (Connection connection = connect()) {
      Schema live = CatalogReader.read(connection, plinth.historyTable());
      SortedSet<String> schemas = new TreeSet<>();
      live.tables().forEach(t -> schemas.add(t.name().schema()));
      live.enums().forEach(e -> schemas.add(e.name().schema()));
      if (schemas.isEmpty()) {
        schemas.add(RunnerContext.currentSchema(connection));
      }
      Configuration configuration = new Configuration()
          .withLogging(Logging.WARN)
          .withGenerator(new Generator()
              .withDatabase(new Database()
                  .withName("org.jooq.meta.postgres.PostgresDatabase")
                  .withSchemata(schemas.stream().map(s -> new SchemaMappingType().withInputSchema(s)).toList())
                  .withExcludes(plinth.historyTable()))
              .withGenerate(new Generate().withGeneratedAnnotation(false).withJavadoc(true))
              .withTarget(new Target().withPackageName(packageName).withDirectory(root.toString())
                  .withClean(true).withEncoding("UTF-8")));
      GenerationTool tool = new GenerationTool();
      tool.setConnection(connection);
      tool.run(configuration);
      return new CodegenResult(root, packageName, List.copyOf(schemas), files(root, packageName), version);
    } catch (SQLException e) {
      throw new PlinthException(e, Message.DATABASE_ERROR, "codegen", Failures.serverMessage(e),
          e.getSQLState() == null ? "unknown" : e.getSQLState());
    } catch (PlinthException e) {
      throw e;
    } catch (Exception e) {
      throw new PlinthException(e, Message.CODEGEN_FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private Connection connect() {
    try {
      return plinth.dataSource().getConnection();
    } catch (SQLException e) {
      throw Failures.connection(e, plinth.config());
    }
  }

  private static List<String> files(Path root, String packageName) {
    Path base = root.resolve(packageName.replace('.', '/'));
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(base)) {
      return walk.filter(p -> p.toString().endsWith(".java"))
          .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
