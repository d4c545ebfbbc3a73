package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the processor writes, compared with reviewed golden files under {@code src/test/resources/golden}. */
class GenerationTest {
  private static final String TENANT = "-Aplinth.tenantSchemas=true";

  @TempDir Path migrations;

  @Test
  void firstCompileWritesTheGoldenMigration() throws IOException {
    Compilation compilation = ProcessorRun.compile(migrations, ProcessorRun.schema("features"));

    assertThat(compilation).succeeded();
    assertGolden("features");
  }

  @Test
  void outputIsTheSameInAnyOrderLocaleAndTimeZone() {
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      List<JavaFileObject> sources = new ArrayList<>(ProcessorRun.schema("features"));
      Collections.reverse(sources);

      assertThat(ProcessorRun.compile(migrations, sources)).succeeded();
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
    assertEquals(ProcessorRun.files(Path.of("src/test/resources/golden/features")),
        ProcessorRun.files(migrations));
  }

  @Test
  void generatedFilesAreAlsoWrittenToTheClassOutput() {
    Compilation compilation = ProcessorRun.compile(migrations, ProcessorRun.schema("basic"));

    assertThat(compilation).succeeded();
    for (Map.Entry<String, String> file : ProcessorRun.files(migrations).entrySet()) {
      assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "db/" + file.getKey())
          .contentsAsUtf8String().isEqualTo(file.getValue());
    }
  }

  @Test
  void anUnchangedSchemaWritesNothing() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("basic"))).succeeded();
    Map<String, String> before = ProcessorRun.files(migrations);
    Map<String, FileTime> times = modificationTimes(migrations);
    Files.setLastModifiedTime(migrations, FileTime.fromMillis(0));

    Compilation again = ProcessorRun.compile(migrations, ProcessorRun.schema("basic"));

    assertThat(again).succeededWithoutWarnings();
    assertEquals(before, ProcessorRun.files(migrations));
    assertEquals(times, modificationTimes(migrations));
  }

  @Test
  void aChangedSchemaWritesTheNextMigration() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("basic"))).succeeded();

    Compilation compilation = ProcessorRun.compile(migrations, ProcessorRun.schema("evolved"));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining("[PLN201] Plinth wrote migration");
    assertGolden("evolved");
  }

  /**
   * What real PostgreSQL tables say beyond columns and keys (serial columns and switches between
   * serial and identity), created and then changed in place, then an index ordering NULLs;
   * PLINTH_UPDATE_GOLDEN=1 rewrites the golden files.
   */
  @Test
  void theCatalogSchemaAndItsEvolutionWriteTheGoldenMigrations() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("catalog"))).succeeded();
    Compilation evolved = ProcessorRun.compile(migrations, ProcessorRun.schema("catalog-evolved"));
    assertThat(evolved).succeeded();
    // V3: an index whose keys sort NULLs against the order's default.
    Compilation ordered = ProcessorRun.compile(migrations, ProcessorRun.schema("catalog-ordered"));

    assertThat(ordered).succeeded();
    assertGolden("catalog");
  }

  /**
   * Views: created after their tables (a view over a view after it), and, when a column they read
   * is retyped, dropped first and created again after, in the forward and in the reverse.
   */
  @Test
  void viewsAndAChangeUnderThemWriteTheGoldenMigrations() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("views"))).succeeded();
    Compilation evolved = ProcessorRun.compile(migrations, ProcessorRun.schema("views-evolved"));

    assertThat(evolved).succeeded();
    assertGolden("views");
  }

  /**
   * Views changed compatibly: a column added at the end of one and another filter in the view
   * reading it are replaced in place ({@code CREATE OR REPLACE VIEW}); the reverse takes the column
   * away, which is not compatible, so it drops and creates the view with its reader.
   */
  @Test
  void viewsChangedCompatiblyWriteTheGoldenMigrations() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("views-replace"))).succeeded();
    Compilation evolved = ProcessorRun.compile(migrations, ProcessorRun.schema("views-replace-evolved"));

    assertThat(evolved).succeeded();
    assertGolden("views-replace");
  }

  /**
   * Views with options and comments: created with them; a column one reads renamed, so it is
   * dropped and created again with them (both ways); options and comments of others set, changed
   * and taken away in place ({@code ALTER VIEW ... SET / RESET}, {@code COMMENT ON VIEW}).
   */
  @Test
  void viewOptionsAndCommentsWriteTheGoldenMigrations() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("views-options"),
        "-Aplinth.postgres=15")).succeeded();
    Compilation evolved = ProcessorRun.compile(migrations, ProcessorRun.schema("views-options-evolved"),
        "-Aplinth.postgres=15");

    assertThat(evolved).succeeded();
    assertGolden("views-options");
  }

  /**
   * Materialized views asked to be refreshed: one with a unique index on a plain column refreshed
   * CONCURRENTLY, one whose only unique index is partial refreshed under a lock; the reverse
   * refreshes them again.
   */
  @Test
  void materializedViewsRefreshedWriteTheGoldenMigrations() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("views-refresh"))).succeeded();
    Compilation evolved = ProcessorRun.compile(migrations, ProcessorRun.schema("views-refresh-evolved"));

    assertThat(evolved).succeeded();
    assertGolden("views-refresh");
  }

  /**
   * Keys and index options: NULLS NOT DISTINCT, deferrable keys, MATCH FULL, foreign keys to a
   * unique constraint in another column order and to a unique index, storage parameters and
   * collations; then deferrability changed (in place for the foreign key, rebuilt for the unique
   * and primary keys), storage parameters set and reset, a tablespace and a collation changed.
   */
  @Test
  void keysAndIndexOptionsWriteTheGoldenMigrations() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("keys"), "-Aplinth.postgres=15"))
        .succeeded();
    Compilation evolved = ProcessorRun.compile(migrations, ProcessorRun.schema("keys-evolved"),
        "-Aplinth.postgres=15");

    assertThat(evolved).succeeded();
    assertThat(evolved).hadWarningContaining("[PLN340] Unique constraint account_org_id_position_key of"
        + " public.account changes whether it is deferrable (DEFERRABLE INITIALLY DEFERRED to DEFERRABLE)");
    assertThat(evolved).hadWarningContaining("[PLN340] Primary key slot_pkey of public.slot changes"
        + " whether it is deferrable (DEFERRABLE INITIALLY DEFERRED to NOT DEFERRABLE)");
    assertGolden("keys");
  }

  /**
   * Column collations: created with {@code COLLATE}, then set, changed and taken back to the type's
   * default in place ({@code ALTER COLUMN ... TYPE ... COLLATE}), a view reading one column dropped
   * and created around it.
   */
  @Test
  void collationsAndTheirChangesWriteTheGoldenMigrations() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("collations"))).succeeded();
    Compilation evolved = ProcessorRun.compile(migrations, ProcessorRun.schema("collations-evolved"));

    assertThat(evolved).succeeded();
    assertGolden("collations");
  }

  /**
   * Column kinds mapped from Java types ({@code OffsetTime}, {@code Duration}, {@code InetAddress},
   * enum arrays and lists, numeric without precision) and explicit types written as aliases
   * ({@code timetz}, {@code VARCHAR(12)}, {@code int8}), recorded as PostgreSQL spells them: written
   * later through the Java types, they are no change.
   */
  @Test
  void columnKindsAndTypeAliasesWriteTheGoldenMigrations() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("types"))).succeeded();
    Compilation evolved = ProcessorRun.compile(migrations, ProcessorRun.schema("types-evolved"));

    assertThat(evolved).succeeded();
    assertGolden("types");
  }

  /**
   * Columns of types that extensions bring ({@code citext}, {@code hstore}, then {@code ltree}):
   * the migration creates each extension first, and marks that it did, so that the reverse drops
   * only what it created.
   */
  @Test
  void extensionTypedColumnsWriteTheGoldenMigrations() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("extensions"))).succeeded();
    Compilation evolved = ProcessorRun.compile(migrations, ProcessorRun.schema("extensions-evolved"));

    assertThat(evolved).succeeded();
    assertGolden("extensions");
  }

  /**
   * Declared schemas: created with their comments (an empty one too) and their package's records
   * in them; then one renamed in place, its comment changed, the empty one dropped.
   */
  @Test
  void declaredSchemasAndARenameWriteTheGoldenMigrations() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("schemas"))).succeeded();
    Compilation evolved = ProcessorRun.compile(migrations, ProcessorRun.schema("schemas-evolved"));

    assertThat(evolved).succeeded();
    assertThat(evolved).hadNoteContaining("[PLN370]");
    assertGolden("schemas");
  }

  /**
   * Enum changes next to expressions that use the enum: a removed value rebuilds the type under a
   * partial index, a check and a default that name its labels (each dropped and made again around
   * the swap), and a column moving to another enum type is converted through its text.
   */
  @Test
  void enumChangesUnderExpressionsThatUseThemWriteTheGoldenMigrations() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("enums"))).succeeded();
    Compilation evolved = ProcessorRun.compile(migrations, ProcessorRun.schema("enums-evolved"));

    assertThat(evolved).succeeded();
    assertGolden("enums");
  }

  /**
   * Generated columns: created, given a new expression (dropped and added again with the index
   * that reads it, for PostgreSQL before 17), made from a plain column (its values kept for the
   * reverse) and made plain (values kept), dropped and added; and an enum they read rebuilt.
   */
  @Test
  void generatedColumnsAndTheirChangesWriteTheGoldenMigrations() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("generated"))).succeeded();
    Compilation evolved = ProcessorRun.compile(migrations, ProcessorRun.schema("generated-evolved"));

    assertThat(evolved).succeeded();
    assertThat(evolved).hadWarningContaining("[PLN351] The expression of generated column 'total' changes");
    assertThat(evolved).hadWarningContaining("[PLN352] Column 'label' becomes generated");
    assertGolden("generated");
  }

  /** With PostgreSQL 17 as the oldest target, a generated column's new expression is set in place. */
  @Test
  void onPostgres17AGeneratedColumnGetsItsNewExpressionInPlace() throws IOException {
    String pg17 = "-Aplinth.postgres=17";
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("generated"), pg17)).succeeded();
    Compilation evolved = ProcessorRun.compile(migrations, ProcessorRun.schema("generated-evolved"), pg17);

    assertThat(evolved).succeeded();
    assertThat(evolved).hadWarningContaining("[PLN352]");
    assertGolden("generated17");
  }

  @Test
  void deletingTheNewestMigrationRegeneratesIt() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("basic"))).succeeded();
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("evolved"))).succeeded();
    Map<String, String> generated = ProcessorRun.files(migrations);
    for (String file : generated.keySet()) {
      if (file.contains("V2__") || file.contains("U2__")) {
        Files.delete(migrations.resolve(file));
      }
    }
    assertNotEquals(generated, ProcessorRun.files(migrations));

    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("evolved"))).succeeded();

    assertEquals(generated, ProcessorRun.files(migrations));
  }

  @Test
  void tenantSchemasLeavesPublicOutOfNamesAndRecordsItInTheJournal() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("basic"), TENANT)).succeeded();

    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("evolved"), TENANT)).succeeded();

    assertGolden("tenant");
  }

  @Test
  void checkModeRendersEachEntryAsItWasWrittenWhateverTheOption() {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("basic"))).succeeded();
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("evolved"), TENANT)).succeeded();
    Map<String, String> written = ProcessorRun.files(migrations);
    assertTrue(written.get("migration/V1__create_author_and_book.sql").contains("CREATE TABLE \"public\".\"author\""),
        "V1 was written before the option: qualified");
    assertTrue(written.get("migration/V2__add_author_followers_and_2_more.sql")
        .contains("ALTER TABLE \"author\" ADD COLUMN \"followers\""), "V2 was written with the option");

    for (String tenant : new String[] {"-Aplinth.tenantSchemas=false", TENANT}) {
      assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("evolved"), "-Aplinth.check=true", tenant))
          .succeededWithoutWarnings();
    }
    assertEquals(written, ProcessorRun.files(migrations));
  }

  @Test
  void withoutAMigrationsFolderTheSchemaIsOnlyChecked() {
    Compilation compilation = ProcessorRun.compile(null, ProcessorRun.schema("basic"));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[PLN200]");
    assertTrue(compilation.generatedFiles().stream().noneMatch(f -> f.getName().endsWith(".sql")),
        "no migration is generated");
  }

  private void assertGolden(String name) throws IOException {
    ProcessorRun.assertGolden(migrations, name);
  }

  private static Map<String, FileTime> modificationTimes(Path folder) throws IOException {
    Map<String, FileTime> times = new TreeMap<>();
    for (String file : ProcessorRun.files(folder).keySet()) {
      times.put(file, Files.getLastModifiedTime(folder.resolve(file)));
    }
    return times;
  }
}
