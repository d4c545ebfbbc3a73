package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enum changes: added values in place, renamed values and types, and values used at once. */
class EnumEvolutionTest {
  @TempDir Path migrations;

  @Test
  void addsAValueBeforeItsNeighbour() {
    compile("enum Status { DRAFT, DONE }", "Status status");
    compile("enum Status { DRAFT, REVIEW, DONE }", "Status status");

    String v2 = only("migration/V2__");
    assertTrue(v2.contains("ALTER TYPE \"public\".\"status\" ADD VALUE 'REVIEW' BEFORE 'DONE';"), v2);
    String u2 = only("rollback/U2__");
    assertTrue(u2.contains("ALTER TYPE \"public\".\"status\" RENAME TO \"status_old\";\n"
        + "CREATE TYPE \"public\".\"status\" AS ENUM ('DRAFT', 'DONE');"), u2);
  }

  @Test
  void renamesAValueStatedOnTheConstant() {
    compile("enum Status { DRAFT, DONE }", "Status status");
    compile("enum Status { DRAFT, @RenamedFrom(\"DONE\") FINISHED }", "Status status");

    assertTrue(only("migration/V2__").contains(
        "ALTER TYPE \"public\".\"status\" RENAME VALUE 'DONE' TO 'FINISHED';"));
    assertTrue(only("rollback/U2__").contains(
        "ALTER TYPE \"public\".\"status\" RENAME VALUE 'FINISHED' TO 'DONE';"));
  }

  @Test
  void renamesTheTypeStatedOnTheEnum() {
    compile("enum Status { DRAFT, DONE }", "Status status");
    compile("@RenamedFrom(\"status\") enum State { DRAFT, DONE }", "State status");

    String v2 = only("migration/V2__");
    assertTrue(v2.contains("ALTER TYPE \"public\".\"status\" RENAME TO \"state\";"), v2);
    assertTrue(!v2.contains("DROP TYPE"), v2);
  }

  @Test
  void aValueAddedAndUsedAtOnceGetsAMigrationOfItsOwn() {
    compile("enum Status { DRAFT, DONE }", "Status status");
    compile("enum Status { NEW, DRAFT, DONE }", "@Default(\"'NEW'\") Status status");

    Map<String, String> files = ProcessorRun.files(migrations);
    assertTrue(files.get("migration/V2__add_status_new.sql").contains("ADD VALUE 'NEW' BEFORE 'DRAFT'"),
        files.keySet().toString());
    assertEquals("executeInTransaction=false\n", files.get("migration/V2__add_status_new.sql.conf"));
    assertTrue(only("migration/V3__").contains("SET DEFAULT 'NEW'"));
  }

  @Test
  void removingAValueRebuildsTheType() {
    compile("enum Status { DRAFT, REVIEW, DONE }", "Status status");
    compile("enum Status { DRAFT, DONE }", "Status status");

    String v2 = only("migration/V2__");
    assertTrue(v2.contains("ALTER TABLE \"public\".\"ticket\" ALTER COLUMN \"status\" TYPE \"public\".\"status\" "
        + "USING \"status\"::text::\"public\".\"status\";"), v2);
    assertTrue(v2.contains("DROP TYPE \"public\".\"status_old\";"), v2);
  }

  @Test
  void labelsThatAreNotJavaIdentifiersAreUsedAndRenamed() {
    compile("enum Status { @EnumValue(\"in progress\") IN_PROGRESS, @EnumValue(\"new\") NEW }",
        "@Default(\"'new'\") Status status");
    compile("enum Status { @EnumValue(\"in progress\") IN_PROGRESS,"
        + " @EnumValue(\"brand-new\") @RenamedFrom(\"new\") NEW, @EnumValue(\"won't fix\") WONT_FIX }",
        "@Default(\"'brand-new'\") Status status");

    assertTrue(only("migration/V1__").contains(
        "CREATE TYPE \"public\".\"status\" AS ENUM ('in progress', 'new');"));
    String v2 = only("migration/V2__");
    assertTrue(v2.contains("ALTER TYPE \"public\".\"status\" RENAME VALUE 'new' TO 'brand-new';"), v2);
    assertTrue(v2.contains("ALTER TYPE \"public\".\"status\" ADD VALUE 'won''t fix' AFTER 'brand-new';"), v2);
  }

  @Test
  void anEnumTypeOfItsOwnIsCreatedWithoutAColumnAndDroppedWhenNoLongerDeclared() {
    compile("@EnumType(standalone = true) enum Level { LOW, HIGH }", "String title");
    compile("enum Level { LOW, HIGH }", "String title");

    assertTrue(only("migration/V1__").contains("CREATE TYPE \"public\".\"level\" AS ENUM ('LOW', 'HIGH');"));
    assertTrue(only("migration/V2__").contains("DROP TYPE \"public\".\"level\";"));
  }

  private void compile(String enumDeclaration, String component) {
    JavaFileObject source = JavaFileObjects.forSourceString("app.Ticket", """
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Ticket(@Id long id, %s) {
          %s
        }
        """.formatted(component, enumDeclaration));
    assertThat(ProcessorRun.compile(migrations, List.of(source))).succeeded();
  }

  private String only(String prefix) {
    List<String> matching = ProcessorRun.files(migrations).entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList();
    assertEquals(1, matching.size(), prefix + " in " + ProcessorRun.files(migrations).keySet());
    return matching.get(0);
  }
}
