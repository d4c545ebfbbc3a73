package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plinth.safety=strict} (the default): constraints added to existing tables are added
 * {@code NOT VALID} in one migration and validated by the next, in a transaction of its own with
 * the longer validation timeout; a column becomes NOT NULL through a check validated the same way.
 */
class StrictPlanTest {
  @TempDir Path migrations;

  private static JavaFileObject author() {
    return JavaFileObjects.forSourceString("app.Author", """
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Author(@Id long id, String name) {}
        """);
  }

  private static JavaFileObject book(String components, String annotations) {
    return JavaFileObjects.forSourceString("app.Book", """
        package app;
        import dev.plinth.annotations.*;
        %s
        @Table
        record Book(@Id long id, %s) {}
        """.formatted(annotations, components));
  }

  private Map<String, String> newFiles(Map<String, String> before) {
    Map<String, String> after = new TreeMap<>(ProcessorRun.files(migrations));
    after.keySet().removeAll(before.keySet());
    after.keySet().removeIf(name -> !name.contains("/"));
    return after;
  }

  @Test
  void constraintsOnAnExistingTableAreValidatedByAMigrationOfTheirOwn() {
    assertThat(ProcessorRun.compileWith(migrations, List.of(author(),
        book("@Nullable String title, long authorId", "")))).succeeded();
    Map<String, String> v1 = ProcessorRun.files(migrations);

    assertThat(ProcessorRun.compileWith(migrations, List.of(author(),
        book("String title, @References(Author.class) long authorId",
            "@Check(name = \"book_title_short\", value = \"char_length(title) < 200\")"))))
        .succeeded();

    Map<String, String> files = newFiles(v1);
    assertEquals(List.of("migration/V2__add_book_title_not_null_and_2_more.sql",
        "migration/V3__alter_book_title.sql", "rollback/U2__add_book_title_not_null_and_2_more.sql",
        "rollback/U3__alter_book_title.sql", "schema/V2__add_book_title_not_null_and_2_more.json",
        "schema/V3__alter_book_title.json"), List.copyOf(files.keySet()), "both run in a transaction");
    assertEquals(HEADER + """
        SET LOCAL lock_timeout = '5s';
        SET LOCAL statement_timeout = '1min';

        ALTER TABLE "public"."book" ADD CONSTRAINT "book_title_not_null" CHECK ("title" IS NOT NULL) NOT VALID;

        ALTER TABLE "public"."book" ADD CONSTRAINT "book_title_short" CHECK (char_length(title) < 200) NOT VALID;

        ALTER TABLE "public"."book" ADD CONSTRAINT "book_author_id_fkey" FOREIGN KEY ("author_id") \
        REFERENCES "public"."author" ("id") NOT VALID;
        """, files.get("migration/V2__add_book_title_not_null_and_2_more.sql"));
    assertEquals(HEADER + """
        SET LOCAL lock_timeout = '5s';
        SET LOCAL statement_timeout = '1h';

        ALTER TABLE "public"."book" VALIDATE CONSTRAINT "book_title_not_null";

        ALTER TABLE "public"."book" VALIDATE CONSTRAINT "book_title_short";

        ALTER TABLE "public"."book" VALIDATE CONSTRAINT "book_author_id_fkey";

        ALTER TABLE "public"."book" ALTER COLUMN "title" SET NOT NULL;

        ALTER TABLE "public"."book" DROP CONSTRAINT "book_title_not_null";
        """, files.get("migration/V3__alter_book_title.sql"));
    assertEquals(HEADER + """
        SET LOCAL lock_timeout = '5s';
        SET LOCAL statement_timeout = '1h';

        ALTER TABLE "public"."book" ADD CONSTRAINT "book_title_not_null" CHECK ("title" IS NOT NULL) NOT VALID;
        ALTER TABLE "public"."book" VALIDATE CONSTRAINT "book_title_not_null";

        ALTER TABLE "public"."book" ALTER COLUMN "title" DROP NOT NULL;

        -- Constraint "book_author_id_fkey" stays validated: nothing to undo.

        -- Constraint "book_title_short" stays validated: nothing to undo.

        -- Constraint "book_title_not_null" stays validated: nothing to undo.
        """, files.get("rollback/U3__alter_book_title.sql"));
    assertEquals(HEADER + """
        SET LOCAL lock_timeout = '5s';
        SET LOCAL statement_timeout = '1min';

        ALTER TABLE "public"."book" DROP CONSTRAINT "book_author_id_fkey";

        ALTER TABLE "public"."book" DROP CONSTRAINT "book_title_short";

        ALTER TABLE "public"."book" DROP CONSTRAINT "book_title_not_null";
        """, files.get("rollback/U2__add_book_title_not_null_and_2_more.sql"));
    assertTrue(files.get("schema/V2__add_book_title_not_null_and_2_more.json").startsWith("""
        {
          "format" : 1,
          "version" : "2",
          "lockTimeout" : "5s",
          "statementTimeout" : "1min",
          "transactional" : true,
          "separateValidation" : true,
          "changes" : [
        """), files.get("schema/V2__add_book_title_not_null_and_2_more.json"));
    assertTrue(files.get("schema/V3__alter_book_title.json").contains("""
            {
              "op" : "ValidateConstraint",
              "table" : "public.book",
              "name" : "book_title_short"
            },
        """), files.get("schema/V3__alter_book_title.json"));
  }

  @Test
  void relaxedKeepsTheValidationInTheMigrationThatAddsTheConstraint() {
    assertThat(ProcessorRun.compileWith(migrations, List.of(author(),
        book("@Nullable String title, long authorId", "")), "-Aplinth.safety=relaxed")).succeeded();
    Map<String, String> v1 = ProcessorRun.files(migrations);

    assertThat(ProcessorRun.compileWith(migrations, List.of(author(),
        book("@Nullable String title, long authorId",
            "@Check(name = \"book_title_short\", value = \"char_length(title) < 200\")")),
        "-Aplinth.safety=relaxed", "-Aplinth.statementTimeout=30s")).succeeded();

    assertEquals(HEADER + """
        SET LOCAL lock_timeout = '5s';
        SET LOCAL statement_timeout = '30s';

        ALTER TABLE "public"."book" ADD CONSTRAINT "book_title_short" CHECK (char_length(title) < 200) NOT VALID;
        ALTER TABLE "public"."book" VALIDATE CONSTRAINT "book_title_short";
        """, newFiles(v1).get("migration/V2__add_book_title_short.sql"));
    assertEquals(3, newFiles(v1).size(), "one migration: " + newFiles(v1).keySet());
  }

  @Test
  void aTableCreatedInTheSameMigrationKeepsOneTransaction() {
    assertThat(ProcessorRun.compileWith(migrations, List.of(author(),
        book("String title, @References(Author.class) long authorId",
            "@Check(name = \"book_title_short\", value = \"char_length(title) < 200\")"))))
        .succeeded();

    assertEquals(List.of("migration/V1__create_author_and_book.sql"),
        ProcessorRun.files(migrations).keySet().stream().filter(f -> f.startsWith("migration/")).toList());
  }

  private static final String HEADER =
      "-- Generated by Plinth from the @Table records. Do not edit: change the records and recompile.\n";
}
