package dev.plinth.cli.codegen;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Plinth#codegen(String, Path)} generated.
 *
 * @param directory the source root the classes were written to
 * @param packageName their package
 * @param schemas the database schemas they describe
 * @param files the generated source files, relative to {@code directory}, sorted
 * @param schemaVersion the schema version they were generated from
 */
public record CodegenResult(Path directory, String packageName, List<String> schemas, List<String> files,
    Optional<String> schemaVersion) {

  public CodegenResult {
    schemas = List.copyOf(schemas);
    files = List.copyOf(files);
  }
}
