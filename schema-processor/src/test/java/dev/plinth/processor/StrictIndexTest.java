package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plinth.safety=strict} (the default) on tables that existed before the migration: indexes
 * are built and dropped {@code CONCURRENTLY} in migrations of their own outside a transaction, and
 * unique constraints and primary keys are attached {@code USING INDEX} of a unique index built
 * {@code CONCURRENTLY} just before; a table created by the same migration keeps one transaction.
 */
class StrictIndexTest {
  @TempDir Path migrations;

  private static JavaFileObject book(String annotations) {
    return JavaFileObjects.forSourceString("app.Book", """
        package app;
        import dev.plinth.annotations.*;
        %s
        @Table
        record Book(@Id long id, String title, String isbn) {}
        """.formatted(annotations));
  }

  private static JavaFileObject note(String key) {
    return JavaFileObjects.forSourceString("app.Note", """
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Note(%s long code, String body) {}
        """.formatted(key));
  }

  private Map<String, String> newFiles(Map<String, String> before) {
    Map<String, String> after = new TreeMap<>(ProcessorRun.files(migrations));
    after.keySet().removeAll(before.keySet());
    after.keySet().removeIf(name -> !name.contains("/"));
    return after;
  }

  @Test
  void indexesAndKeysOnExistingTablesAreBuiltConcurrentlyOutsideATransaction() {
    assertThat(ProcessorRun.compileWith(migrations, List.of(book(""), note("")))).succeeded();
    Map<String, String> v1 = ProcessorRun.files(migrations);

    Compilation compilation = ProcessorRun.compileWith(migrations, List.of(
        book("@Index(columns = \"title\") @Unique(columns = \"isbn\")"), note("@Id")));
    assertThat(compilation).succeeded();
    assertEquals(List.of(), compilation.warnings().stream().map(w -> w.getMessage(null))
        .filter(m -> m.contains("PLN304")).toList(), "the index is built concurrently: no PLN304");

    Map<String, String> v2 = newFiles(v1);
    assertEquals(List.of("migration/V2__add_note_pkey_and_book_isbn_key.sql",
        "migration/V2__add_note_pkey_and_book_isbn_key.sql.conf", "migration/V3__add_book_title_idx.sql",
        "migration/V3__add_book_title_idx.sql.conf", "rollback/U2__add_note_pkey_and_book_isbn_key.sql",
        "rollback/U3__add_book_title_idx.sql", "schema/V2__add_note_pkey_and_book_isbn_key.json",
        "schema/V3__add_book_title_idx.json"), List.copyOf(v2.keySet()),
        "keys before the transactional step (there is none), the index after it, both outside a transaction");
    assertEquals(HEADER + SCANNING + """

        DO $plinth$
        BEGIN
          IF EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass('"public"."note_pkey"') AND NOT indisvalid) THEN
            DROP INDEX "public"."note_pkey";
          END IF;
        END
        $plinth$;
        CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "note_pkey" ON "public"."note" USING btree ("code");
        DO $plinth$
        BEGIN
          IF NOT EXISTS (SELECT FROM pg_constraint WHERE conrelid = '"public"."note"'::regclass AND conname = 'note_pkey') THEN
            ALTER TABLE "public"."note" ADD CONSTRAINT "note_pkey" PRIMARY KEY USING INDEX "note_pkey";
          END IF;
        END
        $plinth$;

        DO $plinth$
        BEGIN
          IF EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass('"public"."book_isbn_key"') AND NOT indisvalid) THEN
            DROP INDEX "public"."book_isbn_key";
          END IF;
        END
        $plinth$;
        CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "book_isbn_key" ON "public"."book" USING btree ("isbn");
        DO $plinth$
        BEGIN
          IF NOT EXISTS (SELECT FROM pg_constraint WHERE conrelid = '"public"."book"'::regclass AND conname = 'book_isbn_key') THEN
            ALTER TABLE "public"."book" ADD CONSTRAINT "book_isbn_key" UNIQUE USING INDEX "book_isbn_key";
          END IF;
        END
        $plinth$;
        """ + RESETS, v2.get("migration/V2__add_note_pkey_and_book_isbn_key.sql"));
    assertEquals(HEADER + SCANNING + """

        ALTER TABLE "public"."book" DROP CONSTRAINT IF EXISTS "book_isbn_key";

        ALTER TABLE "public"."note" DROP CONSTRAINT IF EXISTS "note_pkey";
        """ + RESETS, v2.get("rollback/U2__add_note_pkey_and_book_isbn_key.sql"));
    assertEquals(HEADER + SCANNING + """

        DROP INDEX CONCURRENTLY IF EXISTS "public"."book_title_idx";
        CREATE INDEX CONCURRENTLY "book_title_idx" ON "public"."book" USING btree ("title");
        """ + RESETS, v2.get("migration/V3__add_book_title_idx.sql"));
    assertEquals(HEADER + SCANNING + """

        DROP INDEX CONCURRENTLY IF EXISTS "public"."book_title_idx";
        """ + RESETS, v2.get("rollback/U3__add_book_title_idx.sql"));
    assertEquals("""
        {
          "format" : 1,
          "version" : "2",
          "lockTimeout" : "5s",
          "statementTimeout" : "1h",
          "transactional" : false,
          "resumable" : true,
          "changes" : [
            {
              "op" : "AddPrimaryKey",
              "table" : "public.note",
              "key" : {
                "name" : "note_pkey",
                "columns" : [
                  "code"
                ]
              },
              "usingIndex" : true
            },
            {
              "op" : "AddUnique",
              "table" : "public.book",
              "unique" : {
                "name" : "book_isbn_key",
                "columns" : [
                  "isbn"
                ]
              },
              "usingIndex" : true
            }
          ]
        }""", v2.get("schema/V2__add_note_pkey_and_book_isbn_key.json").strip());
    assertTrue(v2.get("schema/V3__add_book_title_idx.json").contains("""
                "concurrently" : false
              },
              "concurrent" : true
        """), v2.get("schema/V3__add_book_title_idx.json"));
  }

  @Test
  void anIndexOnAnExistingTableIsDroppedConcurrently() {
    assertThat(ProcessorRun.compileWith(migrations, List.of(book("@Index(columns = \"title\")"), note(""))))
        .succeeded();
    Map<String, String> v1 = ProcessorRun.files(migrations);

    assertThat(ProcessorRun.compileWith(migrations, List.of(book(""), note("")))).succeeded();

    Map<String, String> v2 = newFiles(v1);
    assertEquals(List.of("migration/V2__drop_book_title_idx.sql", "migration/V2__drop_book_title_idx.sql.conf",
        "rollback/U2__drop_book_title_idx.sql", "schema/V2__drop_book_title_idx.json"),
        List.copyOf(v2.keySet()));
    assertEquals(HEADER + DROPPING + """

        DROP INDEX CONCURRENTLY IF EXISTS "public"."book_title_idx";
        """ + RESETS, v2.get("migration/V2__drop_book_title_idx.sql"));
    assertEquals(HEADER + DROPPING + """

        DROP INDEX CONCURRENTLY IF EXISTS "public"."book_title_idx";
        CREATE INDEX CONCURRENTLY "book_title_idx" ON "public"."book" USING btree ("title");
        """ + RESETS, v2.get("rollback/U2__drop_book_title_idx.sql"));
  }

  @Test
  void aTableCreatedInTheSameMigrationKeepsItsIndexAndKeysInOneTransaction() {
    assertThat(ProcessorRun.compileWith(migrations, List.of(
        book("@Index(columns = \"title\") @Unique(columns = \"isbn\")"), note("@Id")))).succeeded();

    Map<String, String> files = ProcessorRun.files(migrations);
    assertEquals(List.of("migration/V1__create_book_and_note.sql"),
        files.keySet().stream().filter(f -> f.startsWith("migration/")).toList());
    assertTrue(files.get("migration/V1__create_book_and_note.sql").contains(
        "CREATE INDEX \"book_title_idx\" ON \"public\".\"book\" USING btree (\"title\");"),
        files.get("migration/V1__create_book_and_note.sql"));
  }

  @Test
  void relaxedBuildsThemInTheTransaction() {
    assertThat(ProcessorRun.compile(migrations, List.of(book(""), note("")))).succeeded();
    Map<String, String> v1 = ProcessorRun.files(migrations);

    assertThat(ProcessorRun.compile(migrations, List.of(
        book("@Index(columns = \"title\") @Unique(columns = \"isbn\")"), note("@Id")))).succeeded();

    Map<String, String> v2 = newFiles(v1);
    assertEquals(List.of("migration/V2__add_note_pkey_and_2_more.sql", "rollback/U2__add_note_pkey_and_2_more.sql",
        "schema/V2__add_note_pkey_and_2_more.json"), List.copyOf(v2.keySet()));
    assertEquals(HEADER + """
        SET LOCAL lock_timeout = '5s';

        ALTER TABLE "public"."note" ADD CONSTRAINT "note_pkey" PRIMARY KEY ("code");

        ALTER TABLE "public"."book" ADD CONSTRAINT "book_isbn_key" UNIQUE ("isbn");

        CREATE INDEX "book_title_idx" ON "public"."book" USING btree ("title");
        """, v2.get("migration/V2__add_note_pkey_and_2_more.sql"));
  }

  private static final String HEADER =
      "-- Generated by Plinth from the @Table records. Do not edit: change the records and recompile.\n";
  /** A step outside a transaction that builds indexes: the lock timeout and the validation bound. */
  private static final String SCANNING = "SET lock_timeout = '5s';\nSET statement_timeout = '1h';\n";
  /** A step outside a transaction that only drops indexes: the lock and statement timeouts. */
  private static final String DROPPING = "SET lock_timeout = '5s';\nSET statement_timeout = '1min';\n";
  /** What a step outside a transaction resets at its end. */
  private static final String RESETS = "\nRESET lock_timeout;\nRESET statement_timeout;\n";
}
