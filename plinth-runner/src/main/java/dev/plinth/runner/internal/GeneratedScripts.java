package dev.plinth.runner.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resolver.MigrationResolver;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.resolver.java.ScanningJavaMigrationResolver;
import org.flywaydb.core.internal.resolver.sql.SqlMigrationResolver;

/**
 * Flyway's default resolvers (it is configured to skip its own), with one difference: a
 * transactional script that Plinth generated (it has a journal entry) is executed in one round
 * trip instead of one per statement ({@link OneRoundTripExecutor}). Everything Flyway records and
 * checks is Flyway's own: version, description, script name, type and checksum come from Flyway's
 * SQL resolver, so plain Flyway's {@code info} and {@code validate} read the history unchanged.
 */
public final class GeneratedScripts implements MigrationResolver {

  private final MigrationResources resources;
  private volatile boolean sqlCallbacks;

  public GeneratedScripts(MigrationResources resources) {
    this.resources = resources;
  }

  /**
   * Whether the last resolution found a Flyway SQL callback among the locations' scripts
   * ({@code beforeEachMigrate.sql}, {@code afterMigrate__note.sql}, ...): only Flyway runs those.
   */
  public boolean sqlCallbacks() {
    return sqlCallbacks;
  }

  @Override
  public Collection<ResolvedMigration> resolveMigrations(Context context) {
    List<ResolvedMigration> result = new ArrayList<>();
    sqlCallbacks = context.resourceProvider.getResources("", new String[] {".sql"}).stream()
        .anyMatch(resource -> isCallback(resource.getFilename()));
    SqlMigrationResolver sql = new SqlMigrationResolver(context.resourceProvider, context.sqlScriptExecutorFactory,
        context.sqlScriptFactory, context.configuration, new ParsingContext());
    for (ResolvedMigration migration : sql.resolveMigrations(context)) {
      result.add(generated(migration) ? new OneRoundTripExecutor.Migration(migration, resources) : migration);
    }
    // The rest of what Flyway resolves by default when it is not told to skip it.
    if (context.resourceProvider instanceof ClassProvider<?> classes) {
      @SuppressWarnings("unchecked")
      ClassProvider<JavaMigration> javaClasses = (ClassProvider<JavaMigration>) classes;
      result.addAll(new ScanningJavaMigrationResolver(javaClasses, context.configuration).resolveMigrations(context));
    }
    for (MigrationResolver plugin : context.configuration.getPluginRegister().getPlugins(MigrationResolver.class)) {
      result.addAll(plugin.resolveMigrations(context));
    }
    return result;
  }

  private static boolean isCallback(String fileName) {
    String name = fileName.substring(0, fileName.length() - ".sql".length());
    int separator = name.indexOf("__");
    try {
      return Event.fromId(separator < 0 ? name : name.substring(0, separator)) != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * A versioned script that the processor wrote (it has a journal entry) to run in a transaction
   * (it has no {@code .conf} saying otherwise). Decided from the files, without asking Flyway's
   * executor, which would parse every script to tell, also those that are applied already.
   */
  private boolean generated(ResolvedMigration migration) {
    String script = migration.getScript();
    return migration.getVersion() != null && script != null && script.endsWith(".sql")
        && resources.has(MigrationResources.journalOf(script)) && !resources.nonTransactional(script);
  }
}
