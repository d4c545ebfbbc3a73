package dev.plinth.runner;

import dev.plinth.processor.model.Schema;
import dev.plinth.runner.catalog.CatalogReader;
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
final class Codegen {

  private final Plinth plinth;

  Codegen(Plinth plinth) {
    this.plinth = plinth;
  }

  CodegenResult generate(String packageName, Path directory, Optional<String> version) {
    // jOOQ's banner and tips are noise in a build log.
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    Path root = directory.toAbsolutePath().normalize();
    try (Connection connection = plinth.connect()) {
      Schema live = CatalogReader.read(connection, plinth.historyTable());
      SortedSet<String> schemas = new TreeSet<>();
      live.tables().forEach(t -> schemas.add(t.name().schema()));
      live.enums().forEach(e -> schemas.add(e.name().schema()));
      if (schemas.isEmpty()) {
        schemas.add(Plinth.currentSchema(connection));
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
      throw plinth.sqlFailure("codegen", e);
    } catch (PlinthException e) {
      throw e;
    } catch (Exception e) {
      throw new PlinthException(e, Message.CODEGEN_FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
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
