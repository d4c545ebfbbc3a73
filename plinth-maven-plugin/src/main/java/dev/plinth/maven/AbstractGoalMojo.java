package dev.plinth.maven;

import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares. The configuration is read once, in this order: the plugin's
 * {@code <configuration>}, then Maven or system properties ({@code -Dplinth.url=...}), then the
 * environment and {@code .env} in the project's folder, exactly as the {@code plinth} command reads
 * them. Goals on one database extend {@link AbstractPlinthMojo}, goals on many
 * {@link AbstractFleetMojo}.
 *
 * <p>{@code classpath:} locations and seed sets are read with a class loader over the project's
 * classes and runtime class path. Failures become a {@link MojoFailureException} with the runner's
 * message; passwords are never logged.
 */
public abstract class AbstractGoalMojo extends AbstractMojo {

  /**
   * The database: {@code jdbc:postgresql://host:5432/db} or {@code postgres://user@host:5432/db}.
   * Default: {@code DATABASE_URL} from the environment, then from {@code .env} in the project's
   * folder, else the embedded PostgreSQL.
   */
  @Parameter(property = "plinth.url")
  String url;

  /** The database user. Default: {@code DATABASE_USER}, or the URL's. */
  @Parameter(property = "plinth.user")
  String user;

  /** The database password. Prefer {@code DATABASE_PASSWORD} (environment or {@code .env}) to a POM. */
  @Parameter(property = "plinth.password")
  String password;

  /**
   * Where the migrations are, e.g. {@code filesystem:src/main/resources/db/migration} (relative to
   * the project's folder) or {@code classpath:db/migration}; comma-separated as a property.
   * Default: {@code PLINTH_LOCATIONS} (environment or {@code .env}), else the project's
   * {@code src/main/resources/db/migration} when it exists, else {@code classpath:db/migration}.
   */
  @Parameter(property = "plinth.locations")
  String[] locations;

  /** The version to migrate up to ({@code migrate}, {@code reset}, {@code codegen}). Default: the latest. */
  @Parameter(property = "plinth.target")
  String target;

  /** Seconds one connection attempt may take; attempts that time out or find the server full are retried as long again. */
  @Parameter(property = "plinth.connectTimeout", defaultValue = "10")
  int connectTimeout;

  /** Skip the goal. */
  @Parameter(property = "plinth.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** The goal's log; it blanks out the passwords given or found so far. */
  BuildLog log;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping Plinth: plinth.skip is true.");
      return;
    }
    log = new BuildLog(getLog(), Stream.ofNullable(password).toList());
    checkParameters();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader projectLoader = projectClassLoader()) {
      // Seed sets are found through the context class loader, as in an application.
      thread.setContextClassLoader(projectLoader);
      work(projectLoader);
    } catch (PlinthException e) {
      throw new MojoFailureException(log.redact(e.getMessage()));
    } catch (IOException | RuntimeException e) {
      throw new MojoExecutionException(
          log.redact(Message.UNEXPECTED.format(e.getClass().getSimpleName() + ": " + e.getMessage())), e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** Checks the goal's own parameters before any database is touched; nothing to check by default. */
  void checkParameters() throws MojoFailureException {}

  /** The goal's work, with the project's classes and runtime class path. */
  abstract void work(ClassLoader projectLoader) throws IOException, MojoFailureException;

  /**
   * The project's classes and runtime class path, over the plugin's own: classes both have (the
   * seed runtime, say) come from the plugin, so the runner and the project's seed sets agree on them.
   */
  private URLClassLoader projectClassLoader() throws MojoExecutionException {
    try {
      List<URL> urls = new ArrayList<>();
      for (String element : project.getRuntimeClasspathElements()) {
        urls.add(new File(element).toURI().toURL());
      }
      return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
    } catch (DependencyResolutionRequiredException | MalformedURLException e) {
      throw new MojoExecutionException("Cannot read the project's runtime class path: " + e.getMessage(), e);
    }
  }
}
