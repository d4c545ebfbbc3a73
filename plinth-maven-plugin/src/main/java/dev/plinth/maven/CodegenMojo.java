package dev.plinth.maven;

import dev.plinth.cli.codegen.Codegen;
import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Plinth;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code plinth:codegen -Dplinth.package=com.example.db}: applies pending migrations, then generates
 * jOOQ classes for the schema into {@code directory}, which becomes a source folder of the build.
 */
@Mojo(name = "codegen", requiresDependencyResolution = ResolutionScope.RUNTIME)
public class CodegenMojo extends AbstractPlinthMojo {

  /** Java package of the generated classes, e.g. {@code com.example.db}. */
  @Parameter(alias = "package", property = "plinth.package", required = true)
  String packageName;

  /** Source folder to write them to; the package's folder in it is replaced. */
  @Parameter(property = "plinth.directory", defaultValue = "${project.build.directory}/generated-sources/jooq")
  File directory;

  @Override
  void run(Plinth plinth, BuildLog log) {
    log.info(ResultText.generated(new Codegen(plinth).run(packageName, directory.toPath())));
    project.addCompileSourceRoot(directory.getPath());
  }
}
